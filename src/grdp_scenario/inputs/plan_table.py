"""The plan as a table, the way planners keep the appendix (Phụ lục I): indicators down, periods across.

One table holds the whole plan, so that a workbook or a CSV file alone is a plan (README, "Any province"):

- ``plan`` rows carry the plan's own fields (region, year, ...), the value in the ``name`` column;
- ``status`` names each growth block's status in its period column: the blocks are the columns it fills;
- ``growth`` rows declare the sectors (name, English name, parent) and give each block's rate, and in the
  ``base_year`` column the base year's growth over the year before (Phụ lục I's first column);
- ``goal``, ``published``, ``base_year_block_growth``, ``structure``: one row per item, a figure per period;
- ``nominal``, ``per_capita`` (grdp row: base_year, H1, FY = the plan's minimum), ``deflator`` (FY column),
  ``child_share`` (base_year column), ``population`` (FY column): the assumptions and levels;
- ``indicator`` rows (and ``indicator_min``, ``indicator_growth_min``, ``indicator_stated``,
  ``indicator_text``, ``indicator_range_low``/``_high``) the appendix's other rows, with their metadata.

Cells hold numbers as printed: the decimals a cell shows are the decimals the plan printed, so the rounding
the verdicts weigh survives the round trip. Reading a table builds the plan's YAML text and loads it with
the plan's own loader; any error it finds is reported at the sheet and cell it came from.
"""

from __future__ import annotations

import csv
import io
import json
from dataclasses import field, replace
from pathlib import Path
from typing import Any

from ..core import periods
from ..core.dataclass import dataclass
from ..core.errors import InputError
from ..core.text import spreadsheet_restore, spreadsheet_safe
from ..core.values import is_number, parse_number
from .csvsource import reader as csv_reader
from .csvsource import rows as csv_rows
from .plan import PlanFile, plan_from_text, read_text
from .plan_records import COLUMNS, IDENTIFIER
from .yamlsource import decimals_of

SHEET = "plan"
META = ("section", "item", "name", "name_en", "parent")
PERIOD_COLUMNS = COLUMNS  # base_year, then the periods of the plan year
INDICATOR_META = ("row", "unit", "kind", "agency", "components", "note")
HEADER = (*META, *PERIOD_COLUMNS, *INDICATOR_META)
#: The plan's own fields, in the ``plan`` rows.
PLAN_FIELDS = ("region_key", "region", "year", "base_year", "document", "actuals", "weights_from")
#: The sheet's own words in Vietnamese (``plan export --lang vi``): its headings, section names and block
#: statuses. ``plan import`` reads either language (canonical_table), so a sheet filled in by a Vietnamese
#: planner and one exported in English import alike.
HEADER_VI = {
    "section": "phần",
    "item": "mã chỉ tiêu",
    "name": "tên",
    "name_en": "tên tiếng Anh",
    "parent": "thuộc",
    "base_year": "năm gốc",
    "Q1": "Quý I",
    "Q2": "Quý II",
    "Q3": "Quý III",
    "Q4": "Quý IV",
    "H1": "6 tháng đầu năm",
    "H2": "6 tháng cuối năm",
    "9M": "9 tháng",
    "FY": "Cả năm",
    "row": "dòng",
    "unit": "đơn vị",
    "kind": "loại",
    "agency": "cơ quan",
    "components": "thành phần",
    "note": "ghi chú",
}
SECTION_VI = {
    "plan": "kế hoạch",
    "status": "tình trạng",
    "growth": "tăng trưởng",
    "goal": "mục tiêu",
    "published": "đã công bố",
    "base_year_block_growth": "tăng trưởng năm gốc theo khối",
    "printed_goal": "mục tiêu đã in",
    "nominal": "GRDP giá hiện hành",
    "per_capita": "bình quân đầu người",
    "structure": "cơ cấu",
    "deflator": "chỉ số giảm phát",
    "child_share": "tỷ trọng ngành con",
    "population": "dân số",
    "exchange_rate": "tỷ giá",
    "indicator": "chỉ tiêu khác",
    "indicator_min": "chỉ tiêu khác: tối thiểu",
    "indicator_growth_min": "chỉ tiêu khác: tăng tối thiểu",
    "indicator_stated": "chỉ tiêu khác: như đã nêu",
    "indicator_text": "chỉ tiêu khác: dạng chữ",
    "indicator_range_low": "chỉ tiêu khác: cận dưới",
    "indicator_range_high": "chỉ tiêu khác: cận trên",
}
STATUS_VI = {"actual": "thực hiện", "estimate": "ước tính", "target": "mục tiêu"}
#: Indicator parts beside ``values``, each a section of its own.
INDICATOR_PARTS = {"indicator_min": "min", "indicator_growth_min": "growth_min", "indicator_stated": "stated"}


@dataclass
class Row:
    section: str
    item: str
    name: str = ""
    name_en: str = ""
    parent: str = ""
    #: column → the cell's text as printed ("14.80", "target", "68% KH vốn")
    cells: dict[str, str] = field(default_factory=dict)
    meta: dict[str, str] = field(default_factory=dict)

    def values(self) -> list[str]:
        return [
            self.section,
            self.item,
            self.name,
            self.name_en,
            self.parent,
            *(self.cells.get(c, "") for c in PERIOD_COLUMNS),
            *(self.meta.get(c, "") for c in INDICATOR_META),
        ]


# ----- plan → rows ---------------------------------------------------------------------------------------


def plan_rows(plan: PlanFile) -> list[Row]:
    """Every figure of the plan as a row of the table, printed as the plan printed it."""
    m = plan.model
    places = plan.located.places

    def printed(*path: Any) -> str:
        place = places.get(tuple(path))
        return "" if place is None else place.text.strip()

    def figures(section: tuple, mapping: dict) -> dict[str, str]:
        return {c: printed(*section, c) for c in mapping}

    rows = [
        Row("plan", "region_key", m.region.key),
        Row("plan", "region", m.region.name),
        Row("plan", "year", str(m.year)),
        Row("plan", "base_year", str(m.base_year)),
        Row("plan", "document", m.document or ""),
        Row("plan", "actuals", m.actuals or ""),
        Row("plan", "weights_from", m.weights_from or ""),
        Row("status", "status", cells={b: spec.status for b, spec in m.growth.items()}),
    ]
    growth_grdp = {b: printed("growth", b, "grdp") for b, spec in m.growth.items() if spec.grdp is not None}
    if "grdp" in m.base_year_growth:
        growth_grdp["base_year"] = printed("base_year_growth", "grdp")
    rows.append(Row("growth", "grdp", cells=growth_grdp))
    for s in m.sectors:
        cells = {b: printed("growth", b, s.key) for b, spec in m.growth.items() if s.key in spec.rates}
        if s.key in m.base_year_growth:
            cells["base_year"] = printed("base_year_growth", s.key)
        rows.append(Row("growth", s.key, s.vi, s.en, s.parent or "", cells))
    items = ["grdp", *(s.key for s in m.sectors)]
    items += [k for k in dict.fromkeys(k for goals in m.goals.values() for k in goals) if k not in items]  # levels
    for section, mapping, key in (
        ("goal", m.goals, "goals"),
        ("published", m.published, "published"),
        ("base_year_block_growth", m.base_year_block_growth, "base_year_block_growth"),
    ):
        for item in items:
            cells = {p: printed(key, p, item) for p, figures_ in mapping.items() if item in figures_}
            # the year's GRDP goal and the base year's quarterly GRDP growth always have a row to fill
            if cells or (item == "grdp" and section in ("goal", "base_year_block_growth")):
                rows.append(Row(section, item, cells=cells))
    for item in items:  # 1 where a goal restates a figure the plan computed (printed_goals)
        cells = {p: "1" for p, listed in m.printed_goals.items() if item in listed}
        if cells:
            rows.append(Row("printed_goal", item, cells=cells))
    nominal = {"base_year": "base_year", "H1": "H1", "FY": "FY_min"}
    rows.append(Row("nominal", "grdp", cells=_present(printed, ("nominal",), nominal, m.nominal)))
    per_capita = {"base_year": "base_year", "FY": "FY_min"}
    rows.append(Row("per_capita", "grdp", cells=_present(printed, ("per_capita",), per_capita, m.per_capita)))
    for s in m.sectors:
        cells = {c: printed("structure", c, s.key) for c, shares in m.structure.items() if s.key in shares}
        if cells:
            rows.append(Row("structure", s.key, cells=cells))
    a = m.assumptions
    for key in a.deflators:
        rows.append(Row("deflator", key, cells={"FY": printed("assumptions", "deflators", key)}))
    for key in a.child_shares:
        rows.append(Row("child_share", key, cells={"base_year": printed("assumptions", "child_shares", key)}))
    if a.population is not None:
        rows.append(Row("population", "population", cells={"FY": printed("assumptions", "population")}))
    if a.vnd_per_usd is not None:
        rows.append(Row("exchange_rate", "vnd_per_usd", cells={"FY": printed("assumptions", "vnd_per_usd")}))
    for i, ind in enumerate(m.indicators):
        meta = {k: str(getattr(ind, k) or "") for k in INDICATOR_META}
        rows.append(
            Row(
                "indicator",
                ind.key,
                ind.name,
                "",
                ind.parent or "",
                figures(("indicators", i, "values"), ind.values),
                meta,
            )
        )
        for section, part in INDICATOR_PARTS.items():
            if getattr(ind, part):
                rows.append(Row(section, ind.key, cells=figures(("indicators", i, part), getattr(ind, part))))
        if ind.text:
            rows.append(Row("indicator_text", ind.key, cells=dict(ind.text)))
        for end, section in enumerate(("indicator_range_low", "indicator_range_high")):
            if ind.range:
                cells = {c: printed("indicators", i, "range", c, end) for c in ind.range}
                rows.append(Row(section, ind.key, cells=cells))
    return rows


def _present(printed, prefix: tuple, columns: dict[str, str], model) -> dict[str, str]:
    return {c: printed(*prefix, f) for c, f in columns.items() if getattr(model, f) is not None}


# ----- rows → plan ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Cell:
    """Where a value stands in the table, as a spreadsheet names it."""

    sheet: str | None
    ref: str

    def __str__(self) -> str:
        return f"{self.sheet}!{self.ref}" if self.sheet else self.ref


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass
class TableSource:
    """A table as read: its rows (header first) of cell texts, and where each came from."""

    file: str
    sheet: str | None
    rows: list[list[str]]
    #: rows[i] stands on this spreadsheet row (1-based)
    row_numbers: list[int]

    def cell(self, i: int, column: int) -> Cell:
        return Cell(self.sheet, f"{column_letter(column)}{self.row_numbers[i]}")


def plan_text_from_table(table: TableSource) -> tuple[str, dict[str, Cell]]:
    """The plan's YAML text from a table, and the cell each of its values came from (by dotted path)."""
    if not table.rows:
        raise InputError("table-empty", file=table.file, fix="fix-table-header", header=HEADER)
    header = [h.strip() for h in table.rows[0]]
    missing = [h for h in (*META, *PERIOD_COLUMNS) if h not in header]
    if missing:
        raise InputError(
            "table-header-lacks",
            file=table.file,
            where=str(table.cell(0, 0)),
            missing=tuple(missing),
            fix="fix-table-header",
            header=HEADER,
        )
    col = {h: header.index(h) for h in HEADER if h in header}
    cells: dict[str, Cell] = {}
    plan: dict[str, Any] = {}
    sectors: list[dict[str, str]] = []
    sections: dict[str, dict[str, dict[str, str]]] = {}
    indicators: dict[str, dict[str, Any]] = {}
    blocks: dict[str, str] = {}

    def get(row: list[str], name: str) -> str:
        i = col.get(name)
        return row[i].strip() if i is not None and i < len(row) else ""

    for i, row in enumerate(table.rows[1:], start=1):
        section, item = get(row, "section"), get(row, "item")
        if not section and not any(cell.strip() for cell in row):
            continue
        here = table.cell(i, col["section"])
        figures = {c: get(row, c) for c in PERIOD_COLUMNS if get(row, c)}
        where = {c: table.cell(i, col[c]) for c in figures}
        if section not in ("plan", "status") and not IDENTIFIER.fullmatch(item):
            cell = table.cell(i, col["item"])
            raise InputError(
                "key-not-identifier", file=table.file, where=str(cell), key=item, fix="fix-key-not-identifier"
            )
        if section not in ("plan", "status", "indicator_text"):
            figures = {c: _number(text, table.file, where[c]) for c, text in figures.items()}
        else:
            figures = {c: _string(text) for c, text in figures.items()}
        if section == "plan":
            if item not in PLAN_FIELDS:
                raise _unknown(table.file, table.cell(i, col["item"]), item, PLAN_FIELDS)
            plan[item] = get(row, "name")
            cells[{"region_key": "region.key", "region": "region.name"}.get(item, item)] = table.cell(i, col["name"])
        elif section == "status":
            blocks.update(figures)
            for c in figures:
                cells[f"growth.{c}"] = where[c]
                cells[f"growth.{c}.status"] = where[c]
        elif section == "growth":
            if item != "grdp":
                sector = {"key": item, "vi": get(row, "name"), "en": get(row, "name_en")}
                if get(row, "parent"):
                    sector["parent"] = get(row, "parent")
                cells[f"sectors[{len(sectors)}]"] = here
                sectors.append(sector)
            for c, text in figures.items():
                path = f"base_year_growth.{item}" if c == "base_year" else f"growth.{c}.{item}"
                sections.setdefault("growth" if c != "base_year" else "base_year_growth", {}).setdefault(c, {})[
                    item
                ] = text
                cells[path] = where[c]
        elif section in ("goal", "published", "base_year_block_growth", "structure"):
            key = "goals" if section == "goal" else section
            for c, text in figures.items():
                sections.setdefault(key, {}).setdefault(c, {})[item] = text
                cells[f"{key}.{c}.{item}"] = where[c]
            sections.setdefault(key, {})
        elif section in ("nominal", "per_capita"):
            for c, text in figures.items():
                name = "FY_min" if c == "FY" else c
                sections.setdefault(section, {}).setdefault("", {})[name] = text
                cells[f"{section}.{name}"] = where[c]
        elif section == "printed_goal":
            for c in figures:
                sections.setdefault("printed_goals", {}).setdefault(c, {})[item] = "1"
                cells[f"printed_goals.{c}"] = where[c]
        elif section in ("deflator", "child_share", "population", "exchange_rate"):
            column = {"deflator": "FY", "child_share": "base_year", "population": "FY", "exchange_rate": "FY"}[section]
            if column in figures:
                name = {"deflator": "deflators", "child_share": "child_shares"}.get(section, item)
                single = section in ("population", "exchange_rate")
                sections.setdefault("assumptions", {}).setdefault(name, {})[item] = figures[column]
                cells["assumptions." + (name if single else f"{name}.{item}")] = where[column]
        elif section == "indicator" or section.startswith("indicator_"):
            ind = indicators.setdefault(item, {"_cell": here})
            if section == "indicator":
                ind.update(name=get(row, "name"), parent=get(row, "parent"), values=figures, _where=where)
                ind.update({k: get(row, k) for k in INDICATOR_META})
            elif section in INDICATOR_PARTS or section == "indicator_text":
                ind[INDICATOR_PARTS.get(section, "text")] = figures
                ind["_where_" + INDICATOR_PARTS.get(section, "text")] = where
            elif section in ("indicator_range_low", "indicator_range_high"):
                ind["_" + section] = figures
                ind["_where_" + section] = where
            else:
                raise _unknown(table.file, here, section, SECTIONS)
        else:
            raise _unknown(table.file, here, section, SECTIONS)
    text = _yaml(table, plan, sectors, blocks, sections, indicators, cells)
    return text, cells


SECTIONS = (
    "plan",
    "status",
    "growth",
    "goal",
    "published",
    "base_year_block_growth",
    "nominal",
    "per_capita",
    "structure",
    "deflator",
    "child_share",
    "population",
    "exchange_rate",
    "printed_goal",
    "indicator",
    *INDICATOR_PARTS,
    "indicator_text",
    "indicator_range_low",
    "indicator_range_high",
)


def _number(text: str, file: str, cell: Cell) -> str:
    """A cell's number as the YAML will print it (its decimals kept), or an error at the cell."""
    try:
        parse_number(text)
    except InputError as exc:
        raise exc.moved(file, str(cell)) from None
    return text.strip().removesuffix("%").strip().replace("−", "-")


def _unknown(file: str, cell: Cell, value: str, allowed: tuple[str, ...]) -> InputError:
    return InputError("table-value-unknown", file=file, where=str(cell), value=value, allowed=allowed, fix="fix-one-of")


def _string(text: str) -> str:
    """A YAML scalar for a text: JSON's double-quoted strings are YAML's too."""
    return json.dumps(spreadsheet_restore(text), ensure_ascii=False)


def _integer(text: str) -> str:
    """A year as a YAML integer when it is one; otherwise quoted, for the loader to refuse at its cell."""
    return text if text.isdigit() else _string(text)


def _mapping(items: dict[str, str], strings: bool = False) -> str:
    return "{" + ", ".join(f"{k}: {_string(v) if strings else v}" for k, v in items.items()) + "}"


def _yaml(table, plan, sectors, blocks, sections, indicators, cells) -> str:
    lines = [
        f"# Written by grdp-scenario plan import from {Path(table.file).name}; numbers as printed in the table.",
        f"region: {{key: {_string(plan.get('region_key', ''))}, name: {_string(plan.get('region', ''))}}}",
        f"year: {_integer(plan.get('year', ''))}",
        f"base_year: {_integer(plan.get('base_year', ''))}",
    ]
    for key in ("document", "actuals", "weights_from"):
        if plan.get(key):
            lines.append(f"{key}: {_string(plan[key])}")
    lines.append("sectors:")
    lines += [f"  - {_mapping(s, strings=True)}" for s in sectors]
    lines.append("goals:" + ("" if sections.get("goals") else " {}"))
    lines += [f"  {p}: {_mapping(v)}" for p, v in sorted(sections.get("goals", {}).items(), key=_period_order)]
    if sections.get("printed_goals"):
        listed = sorted(sections["printed_goals"].items(), key=_period_order)
        lines.append("printed_goals: {" + ", ".join(f"{p}: [{', '.join(v)}]" for p, v in listed) + "}")
    lines.append("growth:" + ("" if blocks else " {}"))
    rates = sections.get("growth", {})
    for b in sorted(blocks, key=lambda b: periods.sort_key(b) if b in periods.NAMES else (99,)):
        lines.append(f"  {b}: {_mapping({'status': blocks[b], **rates.get(b, {})})}")  # status quoted on reading
    for b in rates:
        if b not in blocks:  # rates in a column the status row leaves empty
            raise InputError(
                "table-block-no-status",
                file=table.file,
                where=str(cells[f"growth.{b}.{next(iter(rates[b]))}"]),
                column=b,
                fix="fix-table-block-no-status",
            )
    for key in ("published", "base_year_block_growth", "structure"):
        if sections.get(key):
            lines.append(f"{key}:")
            lines += [f"  {p}: {_mapping(v)}" for p, v in sorted(sections[key].items(), key=_period_order)]
    if sections.get("base_year_growth"):
        lines.append(f"base_year_growth: {_mapping(sections['base_year_growth']['base_year'])}")
    for key in ("nominal", "per_capita"):
        if sections.get(key):
            lines.append(f"{key}: {_mapping(sections[key][''])}")
    a = sections.get("assumptions", {})
    if a:
        parts = [f"{k}: {_mapping(a[k])}" for k in ("deflators", "child_shares") if k in a]
        for key in ("population", "vnd_per_usd"):
            if key in a:
                parts.append(f"{key}: {a[key][key]}")
        lines.append("assumptions: {" + ", ".join(parts) + "}")
    if indicators:
        lines.append("indicators:")
    for index, (key, ind) in enumerate(indicators.items()):  # the index counted, not looked up (linear)
        entry = {"row": _string(ind.get("row", "")), "key": key, "name": _string(ind.get("name", ""))}
        entry["unit"] = _string(ind.get("unit", ""))
        for k in ("kind", "components", "parent", "agency", "note"):
            if ind.get(k):
                entry[k] = _string(ind[k])
        for part in ("values", "min", "growth_min", "stated"):
            if ind.get(part):
                entry[part] = _mapping(ind[part])
        if ind.get("text"):
            entry["text"] = _mapping(ind["text"])  # quoted on reading
        low, high = ind.get("_indicator_range_low", {}), ind.get("_indicator_range_high", {})
        if low or high:
            entry["range"] = "{" + ", ".join(f"{c}: [{low.get(c, 'null')}, {high.get(c, 'null')}]" for c in low) + "}"
        cells[f"indicators[{index}]"] = ind["_cell"]
        for part in ("values", "min", "growth_min", "stated", "text"):
            for c, cell in ind.get("_where" if part == "values" else f"_where_{part}", {}).items():
                cells[f"indicators[{index}].{part}.{c}"] = cell
        lines.append("  - {" + ", ".join(f"{k}: {v}" for k, v in entry.items()) + "}")
    return "\n".join(lines) + "\n"


def _period_order(pair: tuple[str, Any]) -> tuple:
    name = pair[0]
    return (0,) if name == "base_year" else (1, *periods.sort_key(name)) if name in periods.NAMES else (2, name)


def plan_from_table(table: TableSource) -> tuple[PlanFile, str]:
    """The plan a table holds, checked by the plan's loader; errors name the sheet and cell."""
    text, cells = plan_text_from_table(table)
    try:
        return plan_from_text(text, table.file), text
    except InputError as exc:
        raise _at_cell(exc, table, cells) from None


def _at_cell(exc: InputError, table: TableSource, cells: dict[str, Cell]) -> InputError:
    where = exc.where or ""
    probe = where
    while probe and probe not in cells:
        probe = probe.rpartition(".")[0] if "." in probe else ""
    cell = cells.get(probe)
    shown = f"{cell}, {where}" if cell and where else str(cell) if cell else where or None
    return exc.moved(table.file, shown)


# ----- files -------------------------------------------------------------------------------------------


def _in_language(rows: list[Row], lang: str) -> tuple[list[str], list[list[str]]]:
    """The header and the rows' values in the sheet's words of ``lang`` (codes and figures unchanged)."""
    if lang != "vi":
        return list(HEADER), [r.values() for r in rows]
    header = [HEADER_VI.get(h, h) for h in HEADER]
    out = []
    for r in rows:
        values = r.values()
        values[0] = SECTION_VI.get(r.section, r.section)
        if r.section == "status":
            values[len(META) :] = [STATUS_VI.get(v, v) for v in values[len(META) :]]
        out.append(values)
    return header, out


def table_csv(rows: list[Row], lang: str = "en") -> str:
    out = io.StringIO()
    w = csv.writer(out, lineterminator="\n")
    header, values = _in_language(rows, lang)
    w.writerow(header)
    w.writerows([spreadsheet_safe(v) for v in row] for row in values)
    return out.getvalue()


def _is_header(row: list[str]) -> bool:
    return bool(row) and row[0].strip().lower() in ("section", HEADER_VI["section"])


def canonical_table(table: TableSource) -> TableSource:
    """A table in the sheet's own words whatever their language: Vietnamese headings, sections and statuses
    read as the tool's (HEADER_VI, SECTION_VI, STATUS_VI)."""
    if not table.rows or not _is_header(table.rows[0]):
        return table
    heading = {v.lower(): k for k, v in HEADER_VI.items()}
    section = {v.lower(): k for k, v in SECTION_VI.items()}
    status = {v.lower(): k for k, v in STATUS_VI.items()}
    header = [heading.get(h.strip().lower(), h.strip()) for h in table.rows[0]]
    at = {h: j for j, h in enumerate(header)}
    periods_at = [j for j, h in enumerate(header) if h in PERIOD_COLUMNS]
    rows = [header]
    for row in table.rows[1:]:
        row = list(row)
        j = at.get("section")
        if j is not None and j < len(row):
            row[j] = section.get(row[j].strip().lower(), row[j])
            if row[j].strip() == "status":
                for k in (k for k in periods_at if k < len(row)):
                    row[k] = status.get(row[k].strip().lower(), row[k])
        rows.append(row)
    return replace(table, rows=rows)


def read_table(path: Path | str) -> TableSource:
    """A plan table from a .xlsx workbook (its first sheet) or a .csv file."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        return _read_xlsx(path)
    text = read_text(path, "plan table")
    reader = csv_reader(text)
    rows = list(csv_rows(reader, str(path)))
    width = max((len(r) for r in rows), default=0)
    if len(rows) > MAX_TABLE_ROWS or width > MAX_TABLE_COLUMNS:
        raise InputError(
            "table-too-large",
            file=str(path),
            rows=len(rows),
            columns=width,
            max_rows=MAX_TABLE_ROWS,
            max_columns=MAX_TABLE_COLUMNS,
            fix="fix-table-too-large",
        )
    return canonical_table(TableSource(str(path), None, rows, list(range(1, len(rows) + 1))))


#: A plan table is a few hundred rows and some twenty columns: far beyond is not a plan (a far cell, a bomb).
MAX_TABLE_ROWS, MAX_TABLE_COLUMNS = 50_000, 200
#: What a workbook may unpack to: far beyond any plan's table (a shared-string or whitespace bomb is not one).
MAX_UNPACKED_BYTES = 100 * 1024 * 1024


def _check_unpacked_size(path: Path) -> None:
    """Refuse a workbook that would unpack to more than MAX_UNPACKED_BYTES before reading any of it."""
    import zipfile

    try:
        with zipfile.ZipFile(path) as archive:
            size = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError):
        return  # load_workbook names what is wrong with it
    if size > MAX_UNPACKED_BYTES:
        raise InputError(
            "xlsx-too-large", file=str(path), limit=MAX_UNPACKED_BYTES // (1024 * 1024), fix="fix-xlsx-too-large"
        )


def _read_xlsx(path: Path) -> TableSource:
    from zipfile import BadZipFile

    from openpyxl import load_workbook

    from .atomic import read_as_input

    read_as_input(path)
    _check_unpacked_size(path)
    try:
        # keep_links=False: a workbook's links to other files are never followed
        wb = load_workbook(path, data_only=True, read_only=False, keep_links=False)
    except FileNotFoundError:
        raise InputError("file-missing", file=str(path), kind="plan table", fix="fix-file-missing") from None
    except (BadZipFile, OSError, KeyError, ValueError) as exc:
        raise InputError("xlsx-unreadable", file=str(path), reason=str(exc), fix="fix-xlsx-unreadable") from None
    except Exception as exc:  # malformed XML, an index past the shared strings, an entity bomb: not a table
        raise InputError(
            "xlsx-unreadable", file=str(path), reason=type(exc).__name__, fix="fix-xlsx-unreadable"
        ) from None
    if not wb.worksheets:  # chart sheets only
        raise InputError("xlsx-unreadable", file=str(path), reason="no worksheet", fix="fix-xlsx-unreadable")
    ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
    if ws.max_row > MAX_TABLE_ROWS or ws.max_column > MAX_TABLE_COLUMNS:  # a far cell (XFD1048576)
        raise InputError(
            "table-too-large",
            file=str(path),
            rows=ws.max_row,
            columns=ws.max_column,
            max_rows=MAX_TABLE_ROWS,
            max_columns=MAX_TABLE_COLUMNS,
            fix="fix-table-too-large",
        )
    rows, numbers, general = [], [], set()
    for r, row in enumerate(ws.iter_rows(), start=1):
        texts = []
        for c, cell in enumerate(row):
            text = _cell_text(cell)
            if text is not None and not isinstance(text, str) and text.general:
                general.add((len(rows), c))
            texts.append("" if text is None else text if isinstance(text, str) else text.text)
        rows.append(texts)
        numbers.append(r)
    # the header is the first row that names the section column (a title may stand above it)
    start = next((i for i, row in enumerate(rows) if _is_header(row)), 0)
    table = canonical_table(TableSource(str(path), ws.title, rows[start:], numbers[start:]))
    if table.rows and _is_header(table.rows[0]):  # a plan's rates, not a statistics office's volumes
        _refuse_ambiguous_general(table, {(i - start, c) for i, c in general if i > start})
    return table


def _cell_text(cell):
    """A cell as the plan would print it: text as it is, a number as its format shows it (xlsxcell.py)."""
    from .xlsxcell import shown

    value = cell.value
    if value is None:
        return None
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return shown(value, cell.number_format)
    return str(value)


def _refuse_ambiguous_general(table: TableSource, general: set[tuple[int, int]]) -> None:
    """A rate in a General cell shows the value's own digits: 14.80 typed shows 14.8. Where the row's other
    rates show more decimals, the cell's printed precision cannot be told, so it is refused at the cell."""
    header = [h.strip() for h in table.rows[0]] if table.rows else []
    periods_at = [c for c, h in enumerate(header) if h in PERIOD_COLUMNS]
    for i, row in enumerate(table.rows[1:], start=1):
        shown = {c: decimals_of(row[c]) for c in periods_at if c < len(row) and is_number(row[c])}
        most = max(shown.values(), default=0)
        for c, decimals in shown.items():
            if (i, c) in general and decimals < most:
                raise InputError(
                    "xlsx-general-ambiguous",
                    file=table.file,
                    where=str(table.cell(i, c)),
                    value=row[c],
                    decimals=most,
                    fix="fix-xlsx-general-ambiguous",
                )


def table_workbook(rows: list[Row], guide: list[str], title: str, lang: str = "en") -> bytes:
    """The table as a workbook: numbers as numbers in their printed format, texts as text; headings,
    sections and statuses in ``lang``."""
    from openpyxl import Workbook
    from openpyxl.styles import Font, PatternFill

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    header, translated = _in_language(rows, lang)
    ws.append(header)
    for c in ws[1]:
        c.font = Font(bold=True)
    input_fill = PatternFill("solid", fgColor="DDEBF7")
    for r, (row, shown) in enumerate(zip(rows, translated), start=2):
        for c, text in enumerate(shown, start=1):
            name = HEADER[c - 1]
            cell = ws.cell(row=r, column=c)
            if name in PERIOD_COLUMNS and text and row.section not in ("status", "indicator_text"):
                try:
                    value = parse_number(text)
                except InputError:
                    cell.value = spreadsheet_safe(text)
                    continue
                decimals = decimals_of(text)
                cell.value = value
                cell.number_format = "0" if decimals == 0 else "0." + "0" * decimals
            else:
                cell.value = spreadsheet_safe(text) if text else None
            if name in PERIOD_COLUMNS and row.section not in ("plan",):
                cell.fill = input_fill
    ws.freeze_panes = "F2"
    for c, name in enumerate(HEADER, start=1):
        ws.column_dimensions[column_letter(c - 1)].width = 30 if name in ("name", "note", "agency") else 12
    guide_sheet = wb.create_sheet(title[:31])
    for line in guide:
        guide_sheet.append([line])
    guide_sheet.column_dimensions["A"].width = 110
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()
