"""The published figures about a base year (``init --published FILE``, contract §3): a CSV with the outturn's
columns ``year,period,item,rate`` plus optional ``points`` (contribution in percentage points), ``volume``
(constant prices) and ``current`` (current prices), as the statistics office and its yearbook print them.
Each number keeps the decimals it was printed with: its rounding is what the estimate's range is made of.
"""

from __future__ import annotations

from pathlib import Path

from ..core import periods
from ..core.errors import InputError
from ..core.published import Release
from ..core.values import check_level, parse_number
from ..inputs.yamlsource import decimals_of
from .csvsource import header as read_header
from .csvsource import reader as csv_reader
from .csvsource import rows as csv_rows
from .plan import read_text

REQUIRED = ("year", "period", "item")
FIGURES = ("rate", "points", "volume", "current")
OPTIONAL = ("status", "source", "published", "recorded", "replaced", "region")
#: Names the statistics office uses for the cumulative periods, and the tool's.
PERIOD_NAMES = {"6M": "H1", "12M": "FY", "CẢ NĂM": "FY", "NĂM": "FY", "6 THÁNG": "H1", "9 THÁNG": "9M"}


def _half(text: str) -> float:
    """Half a unit in the last printed place: '7.41' → 0.005, '12' → 0.5."""
    return 0.5 * 10 ** -decimals_of(text.strip().removesuffix("%"))


def parse_published(text: str, file: str, base_year: int, sectors: tuple[str, ...]) -> list[Release]:
    reader = csv_reader(text, fields=True)
    header = [h.strip() for h in (read_header(reader, file) or [])]
    missing = [c for c in REQUIRED if c not in header]
    if missing or not any(c in header for c in FIGURES):
        raise InputError(
            "csv-header-lacks",
            file=file,
            line=1,
            missing=tuple(missing or ("rate",)),
            header=(*REQUIRED, *FIGURES),
            fix="fix-published-header",
        )
    unknown = [c for c in header if c not in (*REQUIRED, *FIGURES, *OPTIONAL)]
    if unknown:
        raise InputError(
            "column-unknown",
            file=file,
            line=1,
            value=unknown[0],
            allowed=(*REQUIRED, *FIGURES, *OPTIONAL),
            fix="fix-one-of",
        )
    items = ("grdp", *sectors)
    out: list[Release] = []
    for n, raw in enumerate(csv_rows(reader, file), start=2):
        row = {k.strip(): (v or "").strip() for k, v in raw.items() if k is not None}
        if not any(row.values()):
            continue
        period = PERIOD_NAMES.get(row["period"].upper(), row["period"].upper())
        if period not in periods.NAMES:
            raise InputError(
                "period-unknown", file=file, line=n, value=row["period"], allowed=periods.NAMES, fix="fix-one-of"
            )
        if row["item"] not in items:
            raise InputError("item-unknown", file=file, line=n, value=row["item"], allowed=items, fix="fix-one-of")
        try:
            year = int(row["year"])
        except ValueError:
            year = None
        if year != base_year:
            raise InputError(
                "published-wrong-year", file=file, line=n, value=row["year"], year=base_year, fix="fix-published-year"
            )
        for kind in FIGURES:
            cell = row.get(kind, "")
            if not cell:
                continue
            try:
                value = parse_number(cell, kind)
                if kind in ("volume", "current"):
                    value = check_level(value, kind)
            except InputError as exc:
                raise exc.located(file, n) from None
            if kind == "current" and period != "FY":
                continue  # current prices weigh nothing; only the FY structure is an (approximate) weight
            out.append(Release(period, row["item"], kind, value, _half(cell), n))
    return out


def load_published(path: Path | str, base_year: int, sectors: tuple[str, ...]) -> list[Release]:
    path = Path(path)
    return parse_published(read_text(path, "published"), str(path), base_year, sectors)


def published_file(plan) -> Path | None:
    """The published figures the plan's base-year volumes were estimated from (``weights_from``), if any."""
    name = plan.model.weights_from
    return None if not name else Path(plan.file).parent / name


def weight_variants(plan, base) -> tuple:
    """The base year's block volumes with each published figure moved by ± half its last digit, as pairs of
    block → sector → volume, relative to the volumes of ``base`` (so a volume edited by hand keeps its
    edit): what every command's range is computed over (core/published.py)."""
    from ..core.published import estimate_volumes, in_blocks

    path = published_file(plan)
    if path is None:
        return ()
    top = tuple(plan.top_level)
    estimate = estimate_volumes(load_published(path, plan.model.base_year, top), top)
    blocks = base.blocks
    point = in_blocks(estimate.volume, blocks)

    def relative(volume: dict) -> dict[str, dict[str, float]]:
        moved = in_blocks(volume, blocks)
        out: dict[str, dict[str, float]] = {}
        for (s, b), v in base.volume.items():
            if s in top and (s, b) in point:
                out.setdefault(b, {})[s] = v * moved[(s, b)] / point[(s, b)]
        return out

    return tuple((relative(up), relative(down)) for up, down in estimate.variants)
