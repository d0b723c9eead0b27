"""Files the tool writes are written whole or not at all."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_atomic(path: Path | str, data: str | bytes) -> None:
    """Write to a temporary file beside ``path``, fsync it, then rename it over ``path``.

    A crash or a full disk leaves the old file as it was: rename is atomic on POSIX and Windows.
    """
    path = Path(path)
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent or ".")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def write_output(path: Path | str, data: str | bytes) -> None:
    """write_atomic for a file the user named: a failure is their input error (exit 2), with the fix."""
    from ..core.errors import InputError

    try:
        write_atomic(path, data)
    except OSError as exc:
        raise InputError(
            "file-unwritable", file=str(path), reason=exc.strerror or str(exc), fix="fix-file-unwritable"
        ) from None
