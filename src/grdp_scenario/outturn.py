"""Outturns: what the statistics office published after the plan, recorded in a CSV the tool writes.

One row per period × item (``grdp`` or a sector key). ``record`` appends rows atomically under a lock;
a replaced row is kept as history with the time it was replaced. When applied to a plan, an outturn
beats the plan for the same quarters: a block's figure replaces the block; a cumulative figure (H1, 9M,
FY) is inverted into the one block it completes (H1 7.87 and 9M 7.39 give Q3 ≈ 6.5) with the weights of
growth.completing_block_rate, and is itself reported as published.
"""

from __future__ import annotations

import csv
import io
import math
import os
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from pathlib import Path
from types import MappingProxyType

from . import periods
from .economy import Economy
from .errors import InputError, NotComputable
from .growth import completing_block_rate, weighted_growth
from .plan import read_text

COLUMNS = ("year", "period", "item", "rate", "status", "source", "published", "recorded", "replaced")
STATUSES = ("actual", "estimate")
KNOWN = ("actual", "estimate", "derived")


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
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in (reader.fieldnames or [])]
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise InputError(f"the header lacks {', '.join(missing)}", file=file, line=1,
                         fix=f"An outturn file starts with {','.join(COLUMNS)}; 'grdp-scenario record' writes one")
    items = ["grdp", *[s.key for s in plan.sectors]]
    rows = []
    for raw in reader:
        line = reader.line_num
        cell = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(cell.values()):
            continue
        if cell["year"] != str(plan.model.year):
            raise InputError(f"year '{cell['year']}' is not the plan's year {plan.model.year}", file=file, line=line,
                             fix="Record outturns of the plan's year, or use the targets file of that year")
        if cell["period"] not in periods.QUARTERS_OF:
            raise InputError(f"period '{cell['period']}' is not one of {' '.join(periods.NAMES)}", file=file,
                             line=line, fix="Use Q1..Q4, H1, H2, 9M or FY")
        if cell["item"] not in items:
            raise InputError(f"item '{cell['item']}' is not grdp or a sector of {plan.file}", file=file, line=line,
                             fix=f"Use one of: {', '.join(items)}")
        try:
            rate = float(cell["rate"])
        except ValueError:
            hint = " (a decimal comma? write a point)" if "," in cell["rate"] else ""
            raise InputError(f"rate '{cell['rate']}' is not a number{hint}", file=file, line=line,
                             fix="Give the growth rate in percent, e.g. 7.39") from None
        if not math.isfinite(rate) or rate <= -100:
            raise InputError(f"rate {cell['rate']} is impossible", file=file, line=line,
                             fix="Give a finite rate above -100")
        if cell["status"] not in STATUSES:
            raise InputError(f"status '{cell['status']}' is not actual or estimate", file=file, line=line,
                             fix="Use actual or estimate")
        rows.append(Row(int(cell["year"]), cell["period"], cell["item"], rate, cell["status"], cell["source"],
                        cell["published"], cell["recorded"], cell["replaced"], line))
    seen: dict[tuple[str, str], int] = {}
    for r in rows:
        if r.active:
            if (r.period, r.item) in seen:
                raise InputError(f"{r.period} {r.item} is recorded twice without one replacing the other "
                                 f"(first on line {seen[(r.period, r.item)]})", file=file, line=r.line,
                                 fix="Fill 'replaced' on the older row, or record again with --replace")
            seen[(r.period, r.item)] = r.line or 0
    return rows


def load_outturn(path: Path | str, plan) -> list[Row]:
    return parse_outturn(read_text(Path(path), "outturn"), plan, str(path))


def format_outturn(rows: list[Row]) -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    for r in rows:
        w.writerow([r.year, r.period, r.item, f"{r.rate:g}" if r.rate == round(r.rate, 6) else repr(r.rate),
                    r.status, r.source, r.published, r.recorded, r.replaced])
    return out.getvalue()


def active_figures(rows: list[Row]) -> dict[str, dict[str, Row]]:
    out: dict[str, dict[str, Row]] = {}
    for r in rows:
        if r.active:
            out.setdefault(r.period, {})[r.item] = r
    return out


@dataclass(frozen=True)
class Applied:
    economy: Economy
    notes: tuple[str, ...]
    derived: dict[str, float]  # block → implied GRDP growth


def apply_outturn(economy: Economy, rows: list[Row], file: str = "outturn") -> Applied:
    """Lay the published figures over the plan, in the order of the year."""
    notes: list[str] = []
    derived: dict[str, float] = {}
    published: dict[str, dict[str, float]] = {}
    published_status: dict[str, str] = {}
    figures = active_figures(rows)
    for period in sorted(figures, key=periods.sort_key):
        items = {k: r.rate for k, r in figures[period].items()}
        status = "estimate" if any(r.status == "estimate" for r in figures[period].values()) else "actual"
        first = next(iter(figures[period].values()))
        try:
            blocks = economy.blocks_of(period)
        except NotComputable as exc:
            raise InputError(f"{period} cannot be used: {exc}", file=file, line=first.line,
                             fix="Record periods made of the plan's blocks") from None
        if len(blocks) == 1:
            economy = _replace_block(economy, blocks[0].name, items, status, f"outturn {period}")
        else:
            unknown = [b for b in blocks if b.status not in KNOWN]
            if len(unknown) == 1:
                economy, implied = _derive_block(economy, period, blocks, unknown[0].name, items)
                derived[unknown[0].name] = implied
            elif not unknown and "grdp" in items:
                known = weighted_growth((economy.block_volume(b), economy.block_grdp(b)) for b in blocks)
                if abs(known - items["grdp"]) > 0.005:
                    notes.append(f"{period} published {items['grdp']:.2f} % conflicts with its blocks "
                                 f"({', '.join(b.name for b in blocks)}), which give {known:.2f} %; the published "
                                 "figure is shown")
            else:
                notes.append(f"{period}: {', '.join(b.name for b in unknown)} are all unknown, so the published "
                             f"figure cannot be split between them; it is shown as published")
        published[period] = items
        published_status[period] = status
    economy = replace(economy, published=MappingProxyType(published),
                      published_status=MappingProxyType(published_status))
    return Applied(economy, tuple(notes), derived)


def _replace_block(economy: Economy, name: str, items: dict[str, float], status: str, source: str) -> Economy:
    block = economy.block(name)
    rates = {k: v for k, v in items.items() if k != "grdp"}
    if not all(s in rates for s in economy.top):
        rates = {}  # a partial sector list cannot weigh the block: keep what is certain, its GRDP
    grdp = items.get("grdp")
    if grdp is None and not rates:
        return economy
    return economy.replace_block(replace(block, status=status, rates=MappingProxyType(rates), grdp=grdp,
                                         source=source))


def _derive_block(economy: Economy, period: str, blocks, name: str, items: dict[str, float]):
    """The block a cumulative figure completes: G_new = (G_P·L_P − Σ_known L·g) / L_new."""
    new = economy.block(name)
    known = [b for b in blocks if b.name != name]
    total = sum(economy.block_volume(b) for b in blocks)
    known_volume = sum(economy.block_volume(b) for b in known)
    grdp = None
    if "grdp" in items:
        known_rate = weighted_growth((economy.block_volume(b), economy.block_grdp(b)) for b in known)
        grdp = completing_block_rate(items["grdp"], total, known_rate, known_volume)
    rates = {}
    for s in economy.sector_keys:
        if s in items and s in new.volumes and all(s in b.rates and s in b.volumes for b in known):
            s_total = sum(b.volumes[s] for b in blocks)
            s_known = sum(b.volumes[s] for b in known)
            s_rate = weighted_growth((b.volumes[s], b.rates[s]) for b in known)
            rates[s] = completing_block_rate(items[s], s_total, s_rate, s_known)
    if not all(s in rates for s in economy.top):
        rates = {}
    block = replace(new, status="derived", rates=MappingProxyType(rates), grdp=grdp, source=f"derived from {period}")
    economy = economy.replace_block(block)
    return economy, economy.block_grdp(block) if (grdp is not None or rates) else float("nan")


# ----- recording ---------------------------------------------------------------------------------------


@contextmanager
def locked(path: Path):
    """An exclusive lock beside the file, so two planners recording at once do not lose a row."""
    lock_path = path.with_name(path.name + ".lock")
    fd = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o644)
    try:
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX)
        except ImportError:  # Windows: msvcrt locks a byte range
            import msvcrt

            msvcrt.locking(fd, msvcrt.LK_LOCK, 1)
        yield
    finally:
        os.close(fd)


@dataclass(frozen=True)
class Recorded:
    rows: list[Row]  # the whole file after recording
    new: list[Row]
    replaced: list[Row]


def record(path: Path | str, plan, period: str, rates: dict[str, float], status: str = "actual",
           source: str = "", published: str = "", replace_existing: bool = False,
           now: datetime | None = None) -> Recorded:
    path = Path(path)
    if period not in periods.QUARTERS_OF:
        raise InputError(f"period '{period}' is not one of {' '.join(periods.NAMES)}", where="PERIOD",
                         fix="Use Q1..Q4, H1, H2, 9M or FY")
    if not rates:
        raise InputError("nothing to record", fix="Give --grdp RATE and/or --rate SECTOR=RATE")
    if status not in STATUSES:
        raise InputError(f"status '{status}' is not actual or estimate", where="--status", fix="Use actual or estimate")
    stamp = (now or datetime.now(timezone.utc)).strftime("%Y-%m-%dT%H:%M:%SZ")
    from .atomic import write_output

    with locked(path):
        rows = load_outturn(path, plan) if path.exists() and path.stat().st_size else []
        current = active_figures(rows).get(period, {})
        clash = [item for item in rates if item in current]
        if clash and not replace_existing:
            raise InputError(f"{period} {', '.join(clash)} is already recorded ({', '.join(f'{current[i].rate:g}' for i in clash)}"
                             f", recorded {current[clash[0]].recorded})", file=str(path),
                             fix="Add --replace to record a revision (the old row is kept as history)")
        replaced = [r for r in rows if r.active and r.period == period and r.item in rates]
        kept = [replace(r, replaced=stamp, line=None) if r in replaced else replace(r, line=None) for r in rows]
        new = [Row(plan.model.year, period, item, rate, status, source, published, stamp)
               for item, rate in rates.items()]
        all_rows = kept + new
        write_output(path, format_outturn(all_rows))
    return Recorded(all_rows, new, replaced)
