"""The base year (README, "File formats"): constant-price volumes per block and sector, current prices for FY.

``data/actuals_<base_year>.csv``; UTF-8 with or without a BOM, LF or CRLF, as Excel writes it.
"""

from __future__ import annotations

import csv
import io
import math
from dataclasses import field
from pathlib import Path

from ..core import periods
from ..core.dataclass import dataclass
from ..core.errors import InputError
from ..core.text import spreadsheet_restore, spreadsheet_safe
from ..core.values import check_level, parse_number
from .csvsource import header as read_header
from .csvsource import reader as csv_reader
from .csvsource import rows as csv_rows
from .plan import PlanFile, read_text

COLUMNS = ("year", "period", "sector", "volume", "current", "source")
#: Columns a base-year file may add: ``region`` (the plan's region key) ties the file to its region, so that
#: another region's base year is refused rather than silently weighting this plan.
OPTIONAL = ("region",)


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
    if not text.strip():
        return None
    try:
        return check_level(parse_number(text, column), column)
    except InputError as exc:
        raise exc.located(file, line) from None


def parse_actuals(text: str, plan: PlanFile, file: str) -> BaseYear:
    reader = csv_reader(text)
    header = read_header(reader, file)
    if not header:
        raise InputError("file-empty", file=file, kind="actuals", fix="fix-csv-header", header=COLUMNS)
    header = [h.strip() for h in header]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [c for c in header if c not in COLUMNS + OPTIONAL]
    if missing:
        raise InputError(
            "csv-header-lacks", file=file, line=1, missing=tuple(missing), header=COLUMNS, fix="fix-csv-header"
        )
    if unknown:
        raise InputError(
            "csv-header-unknown", file=file, line=1, unknown=tuple(unknown), header=COLUMNS, fix="fix-csv-header"
        )
    col = {name: header.index(name) for name in COLUMNS + OPTIONAL if name in header}
    region = plan.model.region.key
    sectors = {s.key: s for s in plan.sectors}
    base_year = plan.model.base_year
    volume: dict[tuple[str, str], float] = {}
    current: dict[str, float] = {}
    sources: dict[tuple[str, str], str] = {}
    seen: dict[tuple[str, str], int] = {}
    for row in csv_rows(reader, file):
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                "csv-row-cells", file=file, line=line, cells=len(row), columns=len(header), fix="fix-csv-row-cells"
            )
        cell = {name: row[i].strip() for name, i in col.items()}
        try:
            year = int(cell["year"])
        except ValueError:
            raise InputError(
                "actuals-year", file=file, line=line, value=cell["year"], year=base_year, fix="fix-actuals-year"
            ) from None
        if year != base_year:
            raise InputError(
                "actuals-year", file=file, line=line, value=cell["year"], year=base_year, fix="fix-actuals-year"
            )
        if cell.get("region", region) not in ("", region):
            raise InputError(
                "actuals-region", file=file, line=line, value=cell["region"], region=region, fix="fix-actuals-region"
            )
        period, sector = cell["period"], cell["sector"]
        if period not in periods.QUARTERS_OF:
            raise InputError(
                "period-unknown",
                file=file,
                line=line,
                where="period",
                value=period,
                allowed=periods.NAMES,
                fix="fix-one-of",
            )
        if sector not in sectors:
            raise InputError(
                "sector-unknown",
                file=file,
                line=line,
                where="sector",
                value=sector,
                allowed=tuple(sectors),
                fix="fix-one-of",
            )
        if (period, sector) in seen:
            raise InputError(
                "actuals-twice",
                file=file,
                line=line,
                period=period,
                sector=sector,
                first=seen[(period, sector)],
                fix="fix-keep-one",
            )
        seen[(period, sector)] = line
        vol = _number(cell["volume"], file, line, "volume")
        cur = _number(cell["current"], file, line, "current")
        if vol is None and cur is None and period == "FY" and (sector, period) not in volume:
            continue  # the template's row for FY current prices, left empty: optional, nothing to weigh
        if vol is None and cur is None:
            raise InputError(
                "actuals-row-empty", file=file, line=line, period=period, sector=sector, fix="fix-actuals-row-empty"
            )
        if vol is not None:
            if vol == 0:
                # growth of something that did not exist is undefined; it cannot weigh a sector's growth
                raise InputError(
                    "actuals-volume-zero",
                    file=file,
                    line=line,
                    period=period,
                    sector=sector,
                    fix="fix-actuals-volume-zero",
                )
            volume[(sector, period)] = vol
            sources[(sector, period)] = spreadsheet_restore(cell["source"])
        if cur is not None:
            if period != "FY":
                raise InputError(
                    "actuals-current-not-fy", file=file, line=line, period=period, fix="fix-actuals-current-not-fy"
                )
            current[sector] = cur
    _sum_children(volume, sources, plan)
    data = BaseYear(base_year, volume, current, sources, file)
    _check_partition(data, plan, file)
    return data


def _sum_children(volume: dict, sources: dict, plan: PlanFile) -> None:
    """A sector without volumes of its own whose children (industries) all have them: its volume is their
    sum in each block (contract §2: constant-price volumes add up), deepest level first."""
    parents = {s.key: s.parent for s in plan.sectors}

    def depth(key: str) -> int:
        return 0 if parents[key] is None else 1 + depth(parents[key])

    for key in sorted(parents, key=depth, reverse=True):
        children = [c for c, p in parents.items() if p == key]
        if not children or any(k == key for k, _ in volume):
            continue
        blocks = {b for (k, b) in list(volume) if k in children}
        for b in blocks:
            if all((c, b) in volume for c in children):
                volume[(key, b)] = math.fsum(volume[(c, b)] for c in children)
                sources[(key, b)] = "sum of " + ", ".join(children)


def _check_partition(data: BaseYear, plan: PlanFile, file: str) -> None:
    if not data.volume:
        if data.current:
            raise InputError("actuals-current-only", file=file, fix="fix-actuals-current-only")
        raise InputError("actuals-no-rows", file=file, fix="fix-actuals-volumes")
    top = plan.top_level
    partition: list[str] | None = None
    for s in top:
        blocks = sorted((b for (k, b) in data.volume if k == s), key=periods.sort_key)
        if not blocks:
            raise InputError("actuals-no-volume", file=file, sector=s, fix="fix-actuals-volumes")
        problem = periods.partition_problem(blocks)
        if problem:
            raise InputError("actuals-not-partition", file=file, sector=s, because=problem, fix="fix-blocks-partition")
        if partition is None:
            partition = blocks
        elif blocks != partition:
            raise InputError(
                "actuals-blocks-differ",
                file=file,
                sector=s,
                blocks=tuple(blocks),
                first=top[0],
                first_blocks=tuple(partition),
                fix="fix-actuals-same-blocks",
            )
    for s, b in data.volume:
        if s not in top and b not in partition:
            raise InputError(
                "actuals-child-block",
                file=file,
                sector=s,
                block=b,
                blocks=tuple(partition),
                fix="fix-actuals-same-blocks",
            )
    for b in partition:
        if sum(data.volume[(s, b)] for s in top) <= 0:
            raise InputError("actuals-block-zero", file=file, block=b, fix="fix-actuals-block-zero")


def load_actuals(path: Path | str, plan: PlanFile) -> BaseYear:
    path = Path(path)
    return parse_actuals(read_text(path, "actuals"), plan, str(path))


def format_actuals(
    data: BaseYear, plan: PlanFile, source_current: str = "", region: bool = False, exact: bool = False
) -> str:
    """The CSV text of a base year, rows in the order of the year and the sector list; with ``region``, a
    first column names the plan's region; ``exact`` writes every digit of the volumes (a float reads back
    as itself), else four decimals."""
    fmt = repr if exact else _fmt
    rows: list[list] = []
    order = [s.key for s in plan.sectors]
    for b in data.blocks:
        for s in order:
            if (s, b) in data.volume:
                cur = data.current.get(s, "") if b == "FY" else ""
                source = spreadsheet_safe(data.sources.get((s, b), ""))
                rows.append([data.year, b, s, fmt(data.volume[(s, b)]), _fmt(cur), source])
    if "FY" not in data.blocks:
        for s in order:
            if s in data.current:
                rows.append([data.year, "FY", s, "", _fmt(data.current[s]), source_current])
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    prefix = [plan.model.region.key] if region else []
    w.writerow([*(["region"] if region else []), *COLUMNS])
    w.writerows([*prefix, *row] for row in rows)
    return out.getvalue()


def _fmt(value: float | str) -> str:
    if value == "":
        return ""
    return f"{value:.4f}".rstrip("0").rstrip(".")
