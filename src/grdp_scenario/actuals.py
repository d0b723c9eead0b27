"""The base year (contract §2): constant-price volumes per block and sector, current prices for FY.

``data/actuals_<base_year>.csv``; UTF-8 with or without a BOM, LF or CRLF, as Excel writes it.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import dataclass, field
from pathlib import Path

from . import periods
from .errors import InputError
from .plan import Plan, read_text

COLUMNS = ("year", "period", "sector", "volume", "current", "source")


@dataclass(frozen=True)
class BaseYear:
    """Base-year data: ``volume[(sector, block)]`` at constant prices, ``current[sector]`` for FY."""

    year: int
    volume: dict[tuple[str, str], float]
    current: dict[str, float] = field(default_factory=dict)
    sources: dict[tuple[str, str], str] = field(default_factory=dict)
    file: str = "<memory>"

    @property
    def blocks(self) -> list[str]:
        """The blocks of the top-level partition, in the order of the year."""
        names = {b for (_, b) in self.volume}
        return sorted(names, key=periods.sort_key)


def _number(text: str, file: str, line: int, column: str) -> float | None:
    t = text.strip()
    if not t:
        return None
    try:
        value = float(t)
    except ValueError:
        if "," in t:
            fix = (f"Write it without the comma: {t.replace(',', '')} if the comma separates thousands, "
                   f"or {t.replace('.', '').replace(',', '.')} if it is a decimal comma (use a point)")
            raise InputError(f"'{text}' in column {column} contains a comma", file=file, line=line,
                             fix=fix) from None
        raise InputError(f"'{text}' in column {column} is not a number", file=file, line=line,
                         fix="Give a plain number such as 12345.6") from None
    if not math.isfinite(value):
        raise InputError(f"'{text}' in column {column} is not a finite number", file=file, line=line,
                         fix="Give a plain number such as 12345.6")
    if value < 0:
        raise InputError(f"{column} {value} is negative", file=file, line=line,
                         fix="Volumes and current-price values are levels and cannot be below zero")
    return value


def parse_actuals(text: str, plan: Plan, file: str) -> BaseYear:
    reader = csv.reader(io.StringIO(text))
    header = next(reader, None)
    if not header:
        raise InputError("is empty", file=file, fix=f"The first line must be the header {','.join(COLUMNS)}")
    header = [h.strip() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS]
    if missing or unknown:
        what = []
        if missing:
            what.append(f"lacks the column(s) {', '.join(missing)}")
        if unknown:
            what.append(f"has unknown column(s) {', '.join(unknown)}")
        raise InputError(f"the header {' and '.join(what)}", file=file, line=1,
                         fix=f"The header must be: {','.join(COLUMNS)}")
    col = {name: header.index(name) for name in COLUMNS}
    sectors = {s.key: s for s in plan.sectors}
    base_year = plan.model.base_year
    volume: dict[tuple[str, str], float] = {}
    current: dict[str, float] = {}
    sources: dict[tuple[str, str], str] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in reader:
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(f"has {len(row)} cells where the header has {len(header)}", file=file, line=line,
                             fix="Quote cells that contain commas, and give every column (empty is allowed "
                                 "for current)")
        cell = {name: row[i].strip() for name, i in col.items()}
        try:
            year = int(cell["year"])
        except ValueError:
            raise InputError(f"year '{cell['year']}' is not a year", file=file, line=line,
                             fix=f"Write {base_year}") from None
        if year != base_year:
            raise InputError(f"year {year} is not the plan's base year {base_year}", file=file, line=line,
                             fix=f"Give base-year ({base_year}) data, or the targets file that goes with it")
        period, sector = cell["period"], cell["sector"]
        if period not in periods.QUARTERS_OF:
            raise InputError(f"period '{period}' is not one of {' '.join(periods.NAMES)}", file=file, line=line,
                             fix="Use Q1..Q4, H1, H2, 9M or FY")
        if sector not in sectors:
            raise InputError(f"sector '{sector}' is not declared in {plan.file}", file=file, line=line,
                             fix=f"Use one of: {', '.join(sectors)}")
        if (period, sector) in seen:
            raise InputError(f"{period} {sector} appears twice (first on line {seen[(period, sector)]})",
                             file=file, line=line, fix="Keep one row per period and sector")
        seen[(period, sector)] = line
        vol = _number(cell["volume"], file, line, "volume")
        cur = _number(cell["current"], file, line, "current")
        if vol is None and cur is None:
            raise InputError(f"{period} {sector} gives neither volume nor current", file=file, line=line,
                             fix="Fill volume (constant prices) or, for FY, current")
        if vol is not None:
            volume[(sector, period)] = vol
            sources[(sector, period)] = cell["source"]
        if cur is not None:
            if period != "FY":
                raise InputError(f"current-price value given for {period}; only FY current prices are used",
                                 file=file, line=line, fix="Move it to an FY row or leave current empty")
            current[sector] = cur
    data = BaseYear(base_year, volume, current, sources, file)
    _check_partition(data, plan, file)
    return data


def _check_partition(data: BaseYear, plan: Plan, file: str) -> None:
    if not data.volume:
        if data.current:
            raise InputError(
                "has current-price values but no constant-price volumes. Current-price shares are not growth "
                "weights (weighting Q3 2025 by the 2024 structure gives 11.51 % instead of the published "
                "11.08 %)", file=file,
                fix="Give a volume (constant prices) per block and sector, e.g. by 'grdp-scenario calibrate'")
        raise InputError("has no data rows", file=file, fix="Give a volume per block and sector")
    top = plan.top_level
    partition: list[str] | None = None
    for s in top:
        blocks = sorted((b for (k, b) in data.volume if k == s), key=periods.sort_key)
        if not blocks:
            raise InputError(f"has no volume for sector {s}", file=file,
                             fix="Give its volume in every block of the year")
        problem = periods.partition_problem(blocks)
        if problem:
            raise InputError(f"the volume rows of {s} do not partition the year: {problem}", file=file,
                             fix="Give each quarter exactly once, e.g. blocks H1, Q3, Q4")
        if partition is None:
            partition = blocks
        elif blocks != partition:
            raise InputError(f"sector {s} uses blocks {', '.join(blocks)} but {top[0]} uses "
                             f"{', '.join(partition)}", file=file,
                             fix="Give every top-level sector in the same blocks")
    for (s, b) in data.volume:
        if s not in top and b not in partition:
            raise InputError(f"sector {s} has a volume for {b}, which is not a block of the top-level sectors "
                             f"({', '.join(partition)})", file=file, fix="Use the same blocks")
    for b in partition:
        if sum(data.volume[(s, b)] for s in top) <= 0:
            raise InputError(f"the volumes of block {b} add up to zero", file=file,
                             fix="A block's base-year volume must be positive to weigh its growth")


def load_actuals(path: Path | str, plan: Plan) -> BaseYear:
    path = Path(path)
    return parse_actuals(read_text(path, "actuals"), plan, str(path))


def format_actuals(data: BaseYear, plan: Plan, source_current: str = "") -> str:
    """The CSV text of a base year, rows in the order of the year and the sector list."""
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(COLUMNS)
    order = [s.key for s in plan.sectors]
    for b in data.blocks:
        for s in order:
            if (s, b) in data.volume:
                cur = data.current.get(s, "") if b == "FY" else ""
                w.writerow([data.year, b, s, _fmt(data.volume[(s, b)]), _fmt(cur),
                            data.sources.get((s, b), "")])
    if "FY" not in data.blocks:
        for s in order:
            if s in data.current:
                w.writerow([data.year, "FY", s, "", _fmt(data.current[s]), source_current])
    return out.getvalue()


def _fmt(value: float | str) -> str:
    if value == "":
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")
