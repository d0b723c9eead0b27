"""The statistics office's table of GRDP at constant prices, read as it comes (``init --volumes TABLE``):
an xlsx or CSV sheet with the items down (GRDP, the sectors, the VSIC sections by letter or Vietnamese name)
and the periods across, headed as the office heads them ("Quý I", "6 tháng", "9 tháng", "Cả năm"), numbers
as Excel with Vietnamese settings writes them. Constant-price volumes add up, so quarters follow from the
cumulative columns (Q3 = 9 months − 6 months) and a base year's blocks are exact, not estimated.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from ..core import periods
from ..core.dataclass import dataclass
from ..core.errors import InputError
from ..core.values import check_level, is_number, parse_number
from .vsic import BY_LETTER, SECTIONS

#: Column headings → periods (compared without case, accents kept, spaces collapsed).
PERIODS = {
    "quý i": "Q1",
    "quý 1": "Q1",
    "q1": "Q1",
    "quý ii": "Q2",
    "quý 2": "Q2",
    "q2": "Q2",
    "quý iii": "Q3",
    "quý 3": "Q3",
    "q3": "Q3",
    "quý iv": "Q4",
    "quý 4": "Q4",
    "q4": "Q4",
    "6 tháng": "H1",
    "6 tháng đầu năm": "H1",
    "6m": "H1",
    "h1": "H1",
    "6 tháng cuối năm": "H2",
    "h2": "H2",
    "9 tháng": "9M",
    "9m": "9M",
    "cả năm": "FY",
    "năm": "FY",
    "fy": "FY",
}
#: Row labels → items: GRDP and the level-1 sectors as statistics offices print them.
ITEMS = {
    "tổng sản phẩm trên địa bàn": "grdp",
    "tổng sản phẩm trên địa bàn (grdp)": "grdp",
    "tổng số": "grdp",
    "tổng": "grdp",
    "grdp": "grdp",
    "nông, lâm nghiệp và thủy sản": "agriculture",
    "nông, lâm nghiệp và thuỷ sản": "agriculture",
    "công nghiệp - xây dựng": "industry_construction",
    "công nghiệp và xây dựng": "industry_construction",
    "dịch vụ": "services",
    "thuế sản phẩm trừ trợ cấp sản phẩm": "product_taxes",
    "thuế sản phẩm trừ trợ cấp": "product_taxes",
}
#: Blocks a base year may be cut into, finest first.
PARTITIONS = (("Q1", "Q2", "Q3", "Q4"), ("H1", "Q3", "Q4"), ("H1", "H2"), ("9M", "Q4"), ("FY",))


@dataclass(frozen=True)
class VolumeTable:
    """Volumes by item (a level-1 sector or a VSIC section key) and block, the blocks partitioning the year."""

    volume: dict[tuple[str, str], float]
    blocks: tuple[str, ...]
    sections: tuple[str, ...]  # the VSIC sections the table gives, in the order of the classification
    skipped: tuple[str, ...]  # row labels that are neither GRDP, a sector nor a section (e.g. "Trong đó: …")


def _plain(text: str) -> str:
    """A heading or label compared as a person reads it: NFC, lower case, spaces collapsed, a leading number
    ("1.", "I.", "-") and footnote marks ("(*)") left out."""
    text = unicodedata.normalize("NFC", text).strip().lower()
    text = re.sub(r"\(\*+\)|\*+$", "", text)
    text = re.sub(r"^(?:[0-9]+|[ivx]+)[\.\)]\s*|^[-–•]\s*", "", text)
    return " ".join(text.split())


def _item(label: str) -> str | None:
    plain = _plain(label)
    if plain in ITEMS:
        return ITEMS[plain]
    letter = re.match(r"^(?:ngành\s+)?([a-u])(?:[\.\:\-–\s]|$)", plain)
    if letter and (len(plain) == 1 or not plain[1].isalpha()):
        return BY_LETTER[letter.group(1).upper()][0]
    for key, _, vi, en in SECTIONS:
        if plain in (_plain(vi), _plain(en)):
            return key
    return None


def read_volume_table(path: Path | str) -> VolumeTable:
    from .plan_table import read_table

    table = read_table(path)
    rows = table.rows
    header_at = next((i for i, row in enumerate(rows) if sum(_plain(c) in PERIODS for c in row) >= 2), None)
    if header_at is None:
        raise InputError("volumes-no-periods", file=table.file, fix="fix-volumes-no-periods")
    header = rows[header_at]
    columns = {j: PERIODS[_plain(c)] for j, c in enumerate(header) if _plain(c) in PERIODS}
    first = min(columns)
    known: dict[str, dict[str, float]] = {}
    skipped: list[str] = []
    for i in range(header_at + 1, len(rows)):
        row = rows[i]
        label = next((c for c in reversed(row[:first]) if c.strip() and not is_number(c)), "")
        if not label or not any(is_number(row[j]) for j in columns if j < len(row)):
            continue
        item = _item(label)
        if item is None:
            skipped.append(label.strip())
            continue
        figures = known.setdefault(item, {})
        for j, period in columns.items():
            if j < len(row) and row[j].strip():
                where = str(table.cell(i, j))
                try:
                    figures[period] = check_level(parse_number(row[j], period), period)
                except InputError as exc:
                    raise exc.moved(table.file, where) from None
    sections = tuple(k for k, *_ in SECTIONS if k in known)
    leaves = [*sections]
    for sector in ("agriculture", "industry_construction", "services", "product_taxes"):
        if not any(p == sector for k, p, *_ in SECTIONS if k in sections):
            leaves.append(sector)
    missing = [k for k in leaves if k not in known]
    if missing:
        raise InputError("volumes-missing-item", file=table.file, items=tuple(missing), fix="fix-volumes-missing-item")
    derived = {k: _with_quarters(known[k]) for k in leaves}
    blocks = next((p for p in PARTITIONS if all(all(b in derived[k] for b in p) for k in leaves)), None)
    if blocks is None:
        raise InputError("volumes-no-partition", file=table.file, fix="fix-volumes-no-partition")
    volume = {(k, b): derived[k][b] for k in leaves for b in blocks}
    for (k, b), v in volume.items():
        if v <= 0:
            raise InputError("volumes-not-positive", file=table.file, item=k, period=b, fix="fix-volumes-not-positive")
    return VolumeTable(volume, blocks, sections, tuple(skipped))


def _with_quarters(figures: dict[str, float]) -> dict[str, float]:
    """Quarters and halves from cumulative columns: volumes at constant prices add up (contract §1)."""
    out = dict(figures)
    for target, whole, part in (("Q2", "H1", "Q1"), ("Q3", "9M", "H1"), ("Q4", "FY", "9M"), ("H2", "FY", "H1")):
        if target not in out and whole in out and part in out:
            out[target] = out[whole] - out[part]
    if "H1" not in out and "Q1" in out and "Q2" in out:
        out["H1"] = out["Q1"] + out["Q2"]
    if "9M" not in out and "H1" in out and "Q3" in out:
        out["9M"] = out["H1"] + out["Q3"]
    return {p: v for p, v in out.items() if p in periods.NAMES}
