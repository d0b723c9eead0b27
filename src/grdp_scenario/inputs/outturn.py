"""The outturn file: what the statistics office published after the plan, in a CSV the tool writes.

One row per period × item (``grdp`` or a sector key). ``record`` appends rows atomically under a lock;
a replaced row is kept as history with the time it was replaced. Applying the figures to a plan is the
core's (core/outturn.py).
"""

from __future__ import annotations

import csv
import io
import os
import stat
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

from ..core import periods
from ..core.dataclass import dataclass
from ..core.errors import InputError
from ..core.outturn import Published
from ..core.text import printable, spreadsheet_restore, spreadsheet_safe
from ..core.values import parse_number, parse_rate
from .csvsource import header as read_header
from .csvsource import reader as csv_reader
from .csvsource import rows as csv_rows
from .plan import read_text

COLUMNS = ("year", "period", "item", "rate", "status", "source", "published", "recorded", "replaced")
STATUSES = ("actual", "estimate")


@dataclass(frozen=True)
class Row:
    year: int
    period: str
    item: str
    rate: float
    status: str
    source: str = ""
    published: str = ""
    recorded: str = ""
    replaced: str = ""
    line: int | None = None

    @property
    def active(self) -> bool:
        return not self.replaced


def parse_outturn(text: str, plan, file: str) -> list[Row]:
    reader = csv_reader(text, fields=True)
    header = [h.strip() for h in (read_header(reader, file) or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(
            "csv-header-lacks", file=file, line=1, missing=tuple(missing), header=COLUMNS, fix="fix-outturn-header"
        )
    items = ["grdp", *[s.key for s in plan.sectors]]
    rows = []
    for raw in csv_rows(reader, file):
        line = reader.line_num
        cell = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(cell.values()):
            continue
        if cell["year"] != str(plan.model.year):
            raise InputError(
                "outturn-year", file=file, line=line, value=cell["year"], year=plan.model.year, fix="fix-outturn-year"
            )
        for column, allowed, code in (
            ("period", periods.NAMES, "period-unknown"),
            ("item", tuple(items), "item-unknown"),
        ):
            _require_one_of(cell, column, allowed, code, file, line)
        try:
            rate = parse_rate(cell["rate"], "rate")
        except InputError as exc:
            raise exc.located(file, line) from None
        _require_one_of(cell, "status", STATUSES, "status-unknown", file, line)
        rows.append(
            Row(
                int(cell["year"]),
                cell["period"],
                cell["item"],
                rate,
                cell["status"],
                spreadsheet_restore(cell["source"]),
                spreadsheet_restore(cell["published"]),
                cell["recorded"],
                cell["replaced"],
                line,
            )
        )
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        if r.active:
            if (r.period, r.item) in seen:
                raise InputError(
                    "outturn-twice",
                    file=file,
                    line=r.line,
                    period=r.period,
                    item=r.item,
                    first=seen[(r.period, r.item)],
                    fix="fix-outturn-twice",
                )
            seen[(r.period, r.item)] = r.line or 0
    return rows


def _require_one_of(cell: dict[str, str], column: str, allowed: tuple, code: str, file: str, line: int) -> None:
    if cell[column] not in allowed:
        raise InputError(
            code, file=file, line=line, where=column, value=cell[column], allowed=allowed, fix="fix-one-of"
        )


def load_outturn(path: Path | str, plan) -> list[Row]:
    return parse_outturn(read_text(Path(path), "outturn"), plan, str(path))


def format_outturn(rows: list[Row]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow(
            [
                r.year,
                r.period,
                r.item,
                f"{r.rate:g}" if r.rate == round(r.rate, 6) else repr(r.rate),
                r.status,
                spreadsheet_safe(r.source),  # the file is opened in Excel: text never runs there (core/text.py)
                spreadsheet_safe(r.published),
                r.recorded,
                r.replaced,
            ]
        )
    return out.getvalue()


def active_figures(rows: list[Row]) -> dict[str, dict[str, Row]]:
    out: dict[str, dict[str, Row]] = {}
    for r in rows:
        if r.active:
            out.setdefault(r.period, {})[r.item] = r
    return out


def published_figures(rows: list[Row]) -> list[Published]:
    """The active rows as the core's published figures, one per period."""
    out = []
    for period, items in active_figures(rows).items():
        status = "estimate" if any(r.status == "estimate" for r in items.values()) else "actual"
        first = next(iter(items.values()))
        out.append(Published(period, {k: r.rate for k, r in items.items()}, status, first.line))
    return out


# ----- recording ---------------------------------------------------------------------------------------


#: How long ``record`` waits for another recorder before it gives up and names it (seconds).
def lock_wait() -> float:
    """Seconds ``record`` waits for another recorder: GRDP_SCENARIO_LOCK_WAIT, checked as any number is."""
    raw = os.environ.get("GRDP_SCENARIO_LOCK_WAIT", "10")
    seconds = parse_number(raw, "GRDP_SCENARIO_LOCK_WAIT")
    if not 0 <= seconds <= 3600:
        raise InputError("lock-wait-range", where="GRDP_SCENARIO_LOCK_WAIT", value=raw, fix="fix-lock-wait-range")
    return seconds


@contextmanager
def locked(path: Path, wait: float | None = None):
    """An exclusive lock beside the file, so two planners recording at once do not lose a row.

    The lock is the kernel's (flock): it dies with its holder, so a killed recorder blocks nobody. A
    stopped one would, so we wait at most ``wait`` seconds and then name the holder. The lock file gets
    the outturn's permissions, so colleagues who may write the outturn may take its lock.
    """
    import time

    from .atomic import current_umask, target_of

    seconds = lock_wait() if wait is None else wait  # checked before anything is created
    target = target_of(path)
    lock_path = target.with_name(target.name + ".lock")
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode) & 0o666
    except OSError:
        mode = 0o666 & ~current_umask()
    try:
        try:
            fd = os.open(lock_path, os.O_CREAT | os.O_EXCL | os.O_RDWR, mode)
            os.fchmod(fd, mode)  # the umask must not narrow what the outturn's own permissions allow
        except FileExistsError:
            fd = os.open(lock_path, os.O_RDWR)
        writable = True
    except PermissionError as denied:
        try:  # a lock file someone else created: a shared lock needs only read access
            fd = os.open(lock_path, os.O_RDONLY)
            writable = False
        except OSError as exc:
            # no lock file to share: the folder itself refused it, and that is what the user must fix
            reason = denied if isinstance(exc, FileNotFoundError) else exc
            raise InputError(
                "file-unwritable",
                file=str(lock_path.parent if reason is denied else lock_path),
                reason=reason.strerror or str(reason),
                fix="fix-file-unwritable",
            ) from None
    except OSError as exc:
        raise InputError(
            "file-unwritable", file=str(lock_path), reason=exc.strerror or str(exc), fix="fix-file-unwritable"
        ) from None
    try:
        import fcntl

        deadline = time.monotonic() + seconds
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "?"
                    raise InputError(
                        "outturn-locked", file=str(path), lock=str(lock_path), holder=holder, fix="fix-outturn-locked"
                    ) from None
                time.sleep(0.05)
        if writable:
            os.ftruncate(fd, 0)
            os.pwrite(fd, f"{os.getpid()}\n".encode("ascii"), 0)
        yield
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Recorded:
    rows: list[Row]  # the whole file after recording
    new: list[Row]
    replaced: list[Row]


def record(
    path: Path | str,
    plan,
    period: str,
    rates: dict[str, float],
    status: str = "actual",
    source: str = "",
    published: str = "",
    replace_existing: bool = False,
    now: datetime | None = None,
    economy=None,
) -> Recorded:
    """Record figures for ``period``. With the plan's ``economy``, the outturn as it would be after the
    write is applied to it first, and anything wrong (a period the plan cannot use, an implied block at or
    below −100 %) is refused before the file is touched."""
    path = Path(path)
    if period not in periods.QUARTERS_OF:
        raise InputError("period-unknown", value=period, allowed=periods.NAMES, fix="fix-one-of")
    if not rates:
        raise InputError("record-nothing", fix="fix-record-nothing")
    items = ["grdp", *(s.key for s in plan.sectors)]
    for item in rates:
        if item not in items:
            raise InputError("item-unknown", where="--rate", value=item, allowed=tuple(items), fix="fix-one-of")
    rates = {item: parse_rate(raw, "--grdp" if item == "grdp" else "--rate") for item, raw in rates.items()}
    if status not in STATUSES:
        raise InputError("status-unknown", where="--status", value=status, allowed=STATUSES, fix="fix-one-of")
    # free text is one line of printable characters: a NUL or a line break would make a file nobody reads
    source, published = (" ".join(printable(t).split()) for t in (source, published))
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    from .atomic import write_output

    def decided() -> tuple[list[Row], list[Row], list[Row]]:
        """The whole file after recording, the new rows and those replaced: or the refusal."""
        rows = load_outturn(path, plan) if not streamed and path.exists() and path.stat().st_size else []
        current = active_figures(rows).get(period, {})
        clash = [item for item in rates if item in current]
        if clash and not replace_existing:
            raise InputError(
                "record-exists",
                file=str(path),
                period=period,
                items=tuple(clash),
                rates=tuple(current[i].rate for i in clash),
                recorded=current[clash[0]].recorded,
                fix="fix-record-exists",
            )
        replaced = [r for r in rows if r.active and r.period == period and r.item in rates]
        kept = [replace(r, replaced=stamp, line=None) if r in replaced else replace(r, line=None) for r in rows]
        new = [
            Row(plan.model.year, period, item, rate, status, source, published, stamp) for item, rate in rates.items()
        ]
        all_rows = kept + new
        if economy is not None:
            check_applies(economy, all_rows, str(path))
        return all_rows, new, replaced

    from .atomic import is_stream, trusted_link

    streamed = is_stream(path)  # /dev/null, a pipe: the rows are written there; nothing to read back or lock
    trusted_link(path)
    all_rows, new, replaced = decided()  # a refusal is decided before anything is created (not the lock file)
    if streamed:
        write_output(path, format_outturn(all_rows))
        return Recorded(all_rows, new, replaced)
    with locked(path):
        all_rows, new, replaced = decided()  # again under the lock: another recorder may have written since
        write_output(path, format_outturn(all_rows), replaces=path)
    return Recorded(all_rows, new, replaced)


def check_applies(economy, rows: list[Row], file: str) -> None:
    """The outturn ``rows`` laid over the plan: refused if a period cannot be used or a block it implies
    is impossible (at or below −100 %)."""
    from ..core.outturn import apply_outturn

    apply_outturn(economy, published_figures(rows), file)  # refuses what cannot be laid over the plan
