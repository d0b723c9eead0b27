"""A new plan and base-year file pair (``grdp-scenario init``): every section in place, every number left to
fill in, so that ``check`` and ``audit`` accept the pair once the numbers are in (README, "Any province")."""

from __future__ import annotations

import json
import unicodedata

from ..core import periods
from ..core.dataclass import dataclass
from ..core.errors import InputError
from .actuals import COLUMNS as ACTUALS_COLUMNS
from .plan_records import IDENTIFIER

#: The level-1 sectors of GRDP by production, as every provincial plan's appendix lists them (Phụ lục I row 1).
LEVEL1 = (
    ("agriculture", "Nông, lâm nghiệp và thủy sản", "Agriculture, forestry and fishery"),
    ("industry_construction", "Công nghiệp - xây dựng", "Industry and construction"),
    ("services", "Dịch vụ", "Services"),
    ("product_taxes", "Thuế sản phẩm trừ trợ cấp sản phẩm", "Product taxes less subsidies"),
)
#: Child sectors plans often print on their own (Cần Thơ's prints industry), with their parents and names.
KNOWN_CHILDREN = {
    "industry": ("industry_construction", "Công nghiệp", "Industry"),
    "construction": ("industry_construction", "Xây dựng", "Construction"),
}
#: How plans name a province or city before its name: left out of the key.
PREFIXES = ("thanh pho ", "tinh ", "tp. ", "tp ")


@dataclass(frozen=True)
class Comments:
    """The comments of the new files, in the reader's language (present/views supplies them)."""

    header: tuple[str, ...]
    document: str
    goals: tuple[str, ...]
    growth: tuple[str, ...]


def region_key(name: str) -> str:
    """'Tỉnh Hậu Giang' → 'hau-giang': the name without marks, prefix and spaces."""
    plain = unicodedata.normalize("NFKD", name.replace("Đ", "D").replace("đ", "d"))
    plain = "".join(c for c in plain if not unicodedata.combining(c)).lower().strip()
    for prefix in PREFIXES:
        plain = plain.removeprefix(prefix)
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


def child_sectors(children: list[str]) -> list[tuple[str, str, str, str]]:
    """``--child industry`` or ``--child KEY=PARENT``: (key, parent, vi, en); unknown names are the key itself."""
    parents = {k for k, *_ in LEVEL1}
    out = []
    for spec in children:
        key, _, parent = (part.strip() for part in spec.partition("="))
        known = KNOWN_CHILDREN.get(key)
        parent = parent or (known[0] if known else "")
        if not IDENTIFIER.fullmatch(key):
            raise InputError("key-not-identifier", where="--child", key=key, fix="fix-key-not-identifier")
        if key in {k for k, *_ in out} or key in parents:
            raise InputError("sector-twice", where="--child", key=key, fix="fix-keep-one")
        if parent not in parents:
            raise InputError(
                "child-parent", where="--child", value=spec, allowed=tuple(parents), fix="fix-child-parent"
            )
        vi, en = (known[1], known[2]) if known else (key, key)
        out.append((key, parent, vi, en))
    return out


def parse_blocks(text: str) -> list[str]:
    blocks = [b.strip() for b in text.split(",") if b.strip()]
    for b in blocks:
        if b not in periods.NAMES or not periods.is_contiguous(b):
            raise InputError("block-unknown", where="--blocks", value=b, allowed=periods.NAMES, fix="fix-one-of")
    problem = periods.partition_problem(blocks)
    if problem:
        raise InputError("blocks-not-partition", where="--blocks", because=problem, fix="fix-blocks-partition")
    return sorted(blocks, key=periods.sort_key)


def _q(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def plan_text(
    region: str,
    key: str,
    year: int,
    blocks: list[str],
    children: list[tuple[str, str, str, str]],
    c: Comments,
    published: tuple[str, list] | None = None,
) -> str:
    """The new plan: region, years, its base-year file, the sectors, an empty FY goal, target blocks to fill;
    with ``published`` (a file name and its releases), the file the base-year volumes were estimated from and
    the base year's published growth (the profile ``build`` can start from)."""
    lines = [f"# {line}" for line in c.header]
    lines += [
        f"region: {{key: {_q(key)}, name: {_q(region)}}}",
        f"year: {year}",
        f"base_year: {year - 1}",
        f"# document: {_q(c.document)}",
        f"actuals: actuals_{year - 1}.csv",
    ]
    if published is not None:
        name, releases = published
        rates = [r for r in releases if r.kind == "rate"]
        fy = {r.item: r.value for r in rates if r.period == "FY"}
        by_block: dict[str, dict[str, float]] = {}
        for r in rates:
            if r.period in blocks:
                by_block.setdefault(r.period, {})[r.item] = r.value
        lines.append(f"weights_from: {_q(name)}")
        if fy:
            lines.append(f"base_year_growth: {{{', '.join(f'{k}: {v:g}' for k, v in fy.items())}}}")
        if by_block:
            lines.append("base_year_block_growth:")
            lines += [
                f"  {b}: {{{', '.join(f'{k}: {v:g}' for k, v in by_block[b].items())}}}"
                for b in blocks
                if b in by_block
            ]
    lines += ["", "sectors:"]
    for k, vi, en in LEVEL1:
        lines.append(f"  - {{key: {k}, vi: {_q(vi)}, en: {_q(en)}}}")
        lines += [
            f"  - {{key: {ck}, parent: {p}, vi: {_q(cvi)}, en: {_q(cen)}}}" for ck, p, cvi, cen in children if p == k
        ]
    lines += ["", *(f"# {line}" for line in c.goals), "goals:", "  FY: {}", ""]
    lines += [*(f"# {line}" for line in c.growth), "growth:"]
    lines += [f"  {b}: {{status: target}}" for b in blocks]
    return "\n".join(lines) + "\n"


def estimated_actuals_text(
    key: str, base_year: int, volume: dict[tuple[str, str], float], current: dict[str, float], source: str
) -> str:
    """The base-year file with volumes estimated from published figures, ``source`` saying how."""
    from ..core import periods
    from ..core.text import spreadsheet_safe

    out = [",".join(("region", *ACTUALS_COLUMNS))]
    blocks = sorted({b for _, b in volume}, key=periods.sort_key)
    cell = _q(spreadsheet_safe(source))
    for b in blocks:
        for s, *_ in LEVEL1:
            cur = _plain(current[s]) if b == "FY" and s in current else ""
            out.append(f"{key},{base_year},{b},{s},{volume[(s, b)]:.6f},{cur},{cell}")
    if "FY" not in blocks and current:
        out += [f"{key},{base_year},FY,{s},,{_plain(current[s])},{cell}" for s, *_ in LEVEL1 if s in current]
    return "\n".join(out) + "\n"


def _plain(value: float) -> str:
    """1000000.0 → '1000000' (never '1e+06'), 12.5 → '12.5'."""
    return f"{value:.6f}".rstrip("0").rstrip(".")


def measured_actuals_text(key: str, base_year: int, volume: dict[tuple[str, str], float], source: str) -> str:
    """The base-year file from the statistics office's volumes (a sector, or its VSIC sections, by block)."""
    from ..core import periods
    from ..core.text import spreadsheet_safe

    out = [",".join(("region", *ACTUALS_COLUMNS))]
    cell = _q(spreadsheet_safe(source))
    for (item, block), v in sorted(volume.items(), key=lambda kv: periods.sort_key(kv[0][1])):
        out.append(f"{key},{base_year},{block},{item},{_plain(v)},,{cell}")
    return "\n".join(out) + "\n"


def actuals_text(key: str, base_year: int, blocks: list[str], industries: bool = False) -> str:
    """The base-year file to fill: a volume per block and level-1 sector (with ``industries``, per block and
    VSIC section, the sectors being their sums; product taxes have no sections), the FY current prices."""
    from .vsic import SECTIONS

    header = ",".join(("region", *ACTUALS_COLUMNS))
    rows_of = [s for s, *_ in LEVEL1]
    if industries:
        rows_of = [k for k, *_ in SECTIONS] + [s for s, *_ in LEVEL1 if all(p != s for _, p, *_ in SECTIONS)]
    rows = [f"{key},{base_year},{b},{s},,," for b in blocks for s in rows_of]
    if "FY" not in blocks:
        rows += [f"{key},{base_year},FY,{s},,," for s, *_ in LEVEL1]
    return "\n".join([header, *rows]) + "\n"


def horizon_text(name: str, key: str, first: int, last: int, comments) -> str:
    """A horizon file to fill in: the base year's levels, each year's real growth as a target, the assumptions
    and the end-year goals, each empty (the loader names every one still empty); ``comments`` in the
    user's language."""
    region = f"region: {{key: {json.dumps(key)}, name: {json.dumps(name, ensure_ascii=False)}}}"
    lines = [f"# {comments.header}", region]
    lines += [
        'document: ""',
        f"base_year: {first - 1}",
        "",
        f"# {comments.base}",
        "base: {grdp_current: , population: }",
    ]
    lines += ["", f"# {comments.years}", "years:"]
    lines += [f"  {y}: {{status: target, growth: }}" for y in range(first, last + 1)]
    lines += [
        "",
        f"# {comments.assumptions}",
        "assumptions: {price_growth: , population_growth: 0, price_band: [0, 6]}",
    ]
    lines += ["", f"# {comments.goals}", "goals: {average_growth: }", ""]
    return "\n".join(lines)
