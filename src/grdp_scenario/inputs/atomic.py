"""Files the tool writes are written whole or not at all, and never hurt what they replace.

- A regular file is replaced atomically: a temporary file beside it, fsynced, renamed over it; a crash or
  a full disk leaves the old file as it was. The replacement keeps the old file's mode, and its owner and
  group where the system lets us; a new file gets 0666 less the umask, as any program's would.
- A symbolic link is followed where its owner may write its target: its target is replaced (a dangling
  link's target is created); a link planted by someone who may not write the target is refused.
- A special file (a device such as /dev/null, a FIFO) is written in place, never replaced; a FIFO nobody
  reads is given up after ten seconds. /dev/stdout and the other names of a descriptor are appended to
  where they point, even a regular file (a log).
- A read-only file is refused: the user protected it.
- A writer killed mid-write leaves a temporary file named after its process; the next writer removes
  such files whose process is gone.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Iterable

TEMP_SUFFIX = ".tmp"


class ReadOnlyTarget(OSError):
    """The file exists and is protected against writing (no write permission bit)."""


class UntrustedLink(OSError):
    """A symbolic link whose owner may not write its target."""


class NoReader(OSError):
    """A FIFO that no process opened for reading within FIFO_WAIT seconds."""


def _temp_prefix(path: Path) -> str:
    return f".{path.name}.{os.getpid()}."


def _remove_stale_temporaries(path: Path) -> None:
    """Remove temporary files of earlier writers of ``path`` whose process no longer exists."""
    prefix = f".{path.name}."
    try:
        names = os.listdir(path.parent)
    except OSError:
        return
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid_text = name[len(prefix) :].split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        try:
            os.unlink(path.parent / name)
        except OSError:
            pass


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists (another user's), or we cannot tell: leave its file alone
    return True


def current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def target_of(path: Path | str) -> Path:
    """Where writing ``path`` lands: a symbolic link's target (followed to the end), else the path."""
    path = Path(path)
    return Path(os.path.realpath(path)) if path.is_symlink() else path


#: Names of a process's own descriptors (standard output): written where the descriptor points, appended,
#: never replaced, even when that is a regular file (a log).
DESCRIPTORS = ("/dev/stdout", "/dev/stderr", "/dev/fd/", "/proc/self/fd/")
#: How long a FIFO may wait for a reader before the write is given up.
FIFO_WAIT = 10.0


def is_stream(path: Path | str) -> bool:
    """``path`` names a device, a FIFO or a descriptor (``/dev/null``, ``/dev/stdout``): a stream written in
    place, with no extension to name a format and nothing in it to read back or lock."""
    if str(path).startswith(DESCRIPTORS):
        return True
    try:
        mode = os.stat(path).st_mode
    except (OSError, ValueError):
        return False
    return not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def _pieces(data) -> Iterable[bytes]:
    """``data`` as bytes, piece by piece: text or bytes whole, or an iterable of them (a streamed grid)."""
    if isinstance(data, (str, bytes)):
        data = (data,)
    for piece in data:
        yield piece.encode("utf-8") if isinstance(piece, str) else piece


def _write_in_place(path: Path | str, payload, append: bool) -> None:
    """A device, a FIFO or a descriptor: written where it is, never replaced; a FIFO with no reader is given
    up after FIFO_WAIT seconds instead of hanging."""
    import errno
    import time

    flags = os.O_WRONLY | (os.O_APPEND if append else 0)
    deadline = time.monotonic() + FIFO_WAIT
    while True:
        try:
            fd = os.open(path, flags | os.O_NONBLOCK)
            break
        except OSError as exc:
            if exc.errno != errno.ENXIO or time.monotonic() >= deadline:  # ENXIO: a FIFO nobody reads yet
                if exc.errno == errno.ENXIO:
                    raise NoReader(errno.ENXIO, "no process reads this pipe", str(path)) from None
                raise
            time.sleep(0.05)
    try:
        os.set_blocking(fd, True)
        for piece in _pieces(payload):
            view = memoryview(piece)
            while view:
                view = view[os.write(fd, view) :]
    finally:
        os.close(fd)


def _trusted_link(path: Path) -> None:
    """A symbolic link is followed only where its owner may write its target (root, the target's owner, or
    one its group or everyone may write): a link planted in a shared folder cannot aim a privileged writer
    at another user's file."""
    try:
        link, target = os.lstat(path), os.stat(path)
    except FileNotFoundError:
        return  # a dangling link: what it would create is its owner's to create
    if link.st_uid in (0, target.st_uid) or target.st_mode & stat.S_IWOTH:
        return
    if target.st_mode & stat.S_IWGRP:
        import pwd

        try:
            if target.st_gid in os.getgrouplist(pwd.getpwuid(link.st_uid).pw_name, -1):
                return
        except KeyError:
            pass
    raise UntrustedLink(13, "a symbolic link whose owner may not write its target", str(path))


def write_atomic(path: Path | str, data) -> None:
    """Write ``data`` (text, bytes, or an iterable of them, written as it comes) to ``path`` whole or not at
    all (see the module's rules)."""
    payload = data
    if str(path).startswith(DESCRIPTORS):
        _write_in_place(path, payload, append=True)
        return
    if Path(path).is_symlink():
        _trusted_link(Path(path))
    path = target_of(path)
    try:
        st = os.stat(path)
    except FileNotFoundError:
        st = None
    if st is not None and not stat.S_ISREG(st.st_mode):
        if stat.S_ISDIR(st.st_mode):
            raise IsADirectoryError(21, "Is a directory", str(path))
        _write_in_place(path, payload, append=False)  # a device or FIFO: written in place, never replaced
        return
    if st is not None and not st.st_mode & (stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH):
        raise ReadOnlyTarget(13, "the file is read-only", str(path))
    parent = path.parent if str(path.parent) else Path(".")
    _remove_stale_temporaries(path)
    import tempfile  # only where a file is written: reading a plan does not pay for it

    fd, tmp = tempfile.mkstemp(prefix=_temp_prefix(path), suffix=TEMP_SUFFIX, dir=parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            for piece in _pieces(payload):
                fh.write(piece)
            fh.flush()
            if st is not None:
                os.fchmod(fh.fileno(), stat.S_IMODE(st.st_mode))
                try:
                    os.fchown(fh.fileno(), st.st_uid, st.st_gid)
                except OSError:
                    try:  # not the owner: keep at least the group, which a shared folder relies on
                        os.fchown(fh.fileno(), -1, st.st_gid)
                    except OSError:
                        pass
            else:
                os.fchmod(fh.fileno(), 0o666 & ~current_umask())
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


#: Every file this process has read as an input (resolved): an output never replaces one by accident.
INPUTS: set[str] = set()


def read_as_input(path: Path | str) -> None:
    """Note that ``path`` was read as an input (a plan, a base year, an outturn, a table)."""
    try:
        INPUTS.add(os.path.realpath(path))
    except (OSError, ValueError):
        pass


def trusted_link(path: Path | str) -> None:
    """Refuse (exit 2) a symbolic link ``path`` whose owner may not write its target, before anything is
    created beside that target (a lock file)."""
    from ..core.errors import InputError

    if Path(path).is_symlink():
        try:
            _trusted_link(Path(path))
        except UntrustedLink:
            raise InputError("link-not-followed", file=str(path), fix="fix-link-not-followed") from None


def write_output(path: Path | str, data: str | bytes, replaces: Path | str | None = None) -> None:
    """write_atomic for a file the user named: a failure is their input error (exit 2), with the fix. A file
    the command read as an input is refused as its output (the plan as a report's file, the base year as
    rollover's), unless ``replaces`` names it: the command's purpose is to rewrite it (reconcile and build
    writing the plan, record the outturn)."""
    from ..core.errors import InputError

    target = os.path.realpath(path)
    if target in INPUTS and (replaces is None or os.path.realpath(replaces) != target):
        raise InputError("output-is-input", file=str(path), fix="fix-output-is-input")
    try:
        write_atomic(path, data)
    except ReadOnlyTarget:
        raise InputError("file-read-only", file=str(path), fix="fix-file-read-only") from None
    except UntrustedLink:
        raise InputError("link-not-followed", file=str(path), fix="fix-link-not-followed") from None
    except NoReader:
        raise InputError("pipe-no-reader", file=str(path), seconds=FIFO_WAIT, fix="fix-pipe-no-reader") from None
    except OSError as exc:
        raise InputError(
            "file-unwritable", file=str(path), reason=exc.strerror or str(exc), fix="fix-file-unwritable"
        ) from None
