"""Excel workbook: the verdict and notes on a first sheet, one sheet per table, numbers as numbers with
number formats.

A document with a live model (views/live.py) becomes a live workbook: the base volumes and the rates are
cells, and growth by period, the goals with their verdicts and the contributions are Excel formulas over
them (docs/method.md §1, §2, §7), so a planner who edits a rate sees the year move. A block's printed GRDP
keeps its residual over its sectors, as in ``whatif``; a published period figure is a value, as in ``check``.
tests/test_xlsx.py recalculates the formulas in LibreOffice and compares them with the tool.

Text that Excel would read as a formula is neutralised (core/text.py), as in every CSV the tool writes.
"""

from __future__ import annotations

import io
import math
from typing import Any

from ...core.text import spreadsheet_safe as safe_text
from ..document import Cell, Document, Table

RATE = "0.00"
VOLUME = "#,##0"
POINTS = "+0.000;-0.000;0.000"
#: Tables the live sheets replace (their figures would not follow an edited rate).
LIVE_TABLES = {"growth", "goals", "contributions"}


def _sheet_title(text: str, used: set[str]) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in text)[:28] or "Sheet"
    base, n = title, 2
    while title in used:
        title = f"{base[:25]} {n}"
        n += 1
    used.add(title)
    return title


def _number_format(cell: Cell, decimal: str) -> str:
    """The Excel format that shows a number as the tool printed it: as many decimals, grouping, sign."""
    text = cell.text
    whole, _, fraction = text.partition(decimal)
    group = "," if decimal == "." else "."
    body = ("#,##0" if group in whole else "0") + ("." + "0" * len(fraction) if fraction else "")
    return f"+{body};-{body};{body}" if text.startswith("+") else body


def _quote(sheet: str) -> str:
    return "'" + sheet.replace("'", "''") + "'"


def render(document: Document, lang: str = "en") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..catalogue import LABELS
    from ..wording import Wording

    w = Wording(lang)
    sheet = lambda key: w.label(f"sheet_{key}") if f"sheet_{key}" in LABELS else None  # noqa: E731
    decimal = w.number(0.5, 1)[1]
    wb = Workbook()
    summary = wb.active
    used = {sheet("summary")}
    summary.title = sheet("summary")
    summary.append([safe_text(document.title)])
    summary["A1"].font = Font(bold=True, size=14)
    live = document.live
    if live is not None:
        _live_sheets(wb, summary, live, w, used)
        summary.append([safe_text(w.label("xlsx_as_given"))])
        summary.cell(summary.max_row, 1).font = Font(italic=True)
    if live is None:  # a live workbook's verdict is the formula's above: a sentence would not follow an edit
        for line in (document.verdict or "").splitlines():
            summary.append([safe_text(line)])
    for note in document.notes:
        summary.append([safe_text(note)])
    summary.column_dimensions["A"].width = 60
    for table in document.tables:
        if live is not None and table.key in LIVE_TABLES:
            continue
        ws = wb.create_sheet(_sheet_title(sheet(table.key) or table.title, used))
        ws.append([safe_text(table.title)])
        ws["A1"].font = Font(bold=True)
        ws.append([safe_text(c) for c in table.columns])
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            ws.append([_value(c) if i else safe_text(c.text) for i, c in enumerate(row)])
            for i, c in enumerate(row):
                if i and _is_number(c.raw):
                    ws.cell(ws.max_row, i + 1).number_format = _number_format(c, decimal)
        ws.column_dimensions["A"].width = 40
        from openpyxl.utils import get_column_letter

        beside = get_column_letter(len(table.columns) + len(table.charts) + 2)
        for k, (title, keys, goal, name) in enumerate(table.charts):
            _bar_chart(ws, table, title, keys, (goal, name), len(table.columns) + 1 + k, anchor=f"{beside}{3 + 18 * k}")
    for ws in wb.worksheets:
        _print_ready(ws, header_row=1 if ws is summary else 2)
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


#: Column widths in characters: the first column (names, sentences) and the figures' columns.
FIRST_COLUMN, FIGURES, WIDEST = (36, 60), (9, 16), 60


def _print_ready(ws, header_row: int) -> None:
    """A sheet a finance department can print: columns sized to their text, headings and long sentences
    wrapped (rows as high as their lines), the names and headings frozen, fitted to one A4 page (landscape
    for wide tables), the heading repeated and the page numbered."""
    from openpyxl.styles import Alignment
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.properties import PageSetupProperties

    for c in range(1, ws.max_column + 1):
        texts = [len(str(cell.value)) for cell in ws[get_column_letter(c)] if cell.value is not None]
        low, high = FIRST_COLUMN if c == 1 else FIGURES
        longest = max([t for r, t in enumerate(texts, start=1) if r > header_row] or [0])
        ws.column_dimensions[get_column_letter(c)].width = min(max(longest + 2, low), high)
    wrap = Alignment(wrap_text=True, vertical="top")
    wrapped = [cell for cell in ws[header_row]]
    wrapped += [c for c in ws["A"] if isinstance(c.value, str) and len(c.value) > FIRST_COLUMN[1] // 2 and c.row != 1]
    for cell in wrapped:  # a sentence wraps in its column instead of running off the page
        cell.alignment = wrap
        width = ws.column_dimensions[cell.column_letter].width or FIGURES[0]
        text = "" if cell.value is None else str(cell.value)
        size = (cell.font.sz or 11) / 11 * (1.15 if cell.font.b else 1.0)  # a title's letters are wider
        if text and not text.startswith("="):
            need = math.ceil(len(text) * 1.1 * size / max(width - 1, 1))
            ws.row_dimensions[cell.row].height = max(ws.row_dimensions[cell.row].height or 0, 15 * size * need)
    if ws.max_row > header_row:
        ws.freeze_panes = f"B{header_row + 1}"
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.orientation = "landscape" if ws.max_column > 6 or ws._charts else "portrait"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 1  # a sheet is one page: small tables, notes
    ws.print_title_rows = f"{header_row}:{header_row}"
    ws.oddFooter.center.text = "&P / &N"


def _bar_chart(ws, table: Table, title: str, keys: list[str], goal: tuple, goal_column: int, anchor: str) -> None:
    """A native bar chart of ``keys`` columns over the table's rows (the first column names them), with the goal
    as a line of its own (a series at the goal's value in every row), so it recalculates with the cells."""
    from openpyxl.chart import BarChart, LineChart, Reference

    rows = len(table.rows)
    columns = table.column_keys or []
    chart = BarChart()
    chart.title = safe_text(title)
    chart.height, chart.width = 8, 16
    categories = Reference(ws, min_col=1, min_row=3, max_row=2 + rows)
    for key in keys:
        c = columns.index(key) + 1
        chart.add_data(Reference(ws, min_col=c, min_row=2, max_row=2 + rows), titles_from_data=True)
    chart.set_categories(categories)
    goal, name = goal
    if goal is not None:
        c = goal_column
        ws.cell(2, c).value = safe_text(name)
        for r in range(3, 3 + rows):
            ws.cell(r, c).value = goal
        line = LineChart()
        line.add_data(Reference(ws, min_col=c, min_row=2, max_row=2 + rows), titles_from_data=True)
        chart += line
    ws.add_chart(chart, anchor)


def _is_number(raw: Any) -> bool:
    return isinstance(raw, (int, float)) and not isinstance(raw, bool)


def _value(cell: Cell) -> Any:
    return cell.raw if _is_number(cell.raw) else safe_text(cell.text)


# ----- the live sheets ---------------------------------------------------------------------------------
def _live_sheets(wb, summary, live: dict, w, used: set[str]) -> None:
    from openpyxl.styles import Font, PatternFill
    from openpyxl.utils import get_column_letter as col

    labels = live["labels"]
    bold = Font(bold=True)
    editable = PatternFill("solid", fgColor="DDF4FF")
    blocks = sorted(live["blocks"], key=lambda b: min(b["quarters"]))
    sectors, top = live["sectors"], live["top"]
    first = 3  # the first block's row on the volume and rate sheets

    # Base volumes: one row per block, one column per sector, the total of the top-level sectors.
    vol = wb.create_sheet(_sheet_title(w.label("sheet_volumes"), used))
    vname = _quote(vol.title)
    vol.append([safe_text(w.label("xlsx_volumes_title", base=live["base_year"]))])
    vol.append([w.label("xlsx_block"), *[safe_text(labels["items"][s]) for s in sectors], w.label("total")])
    vcol = {s: col(2 + i) for i, s in enumerate(sectors)}
    vcol["total"] = col(2 + len(sectors))
    for r, b in enumerate(blocks, start=first):
        vol.append([labels["periods"][b["name"]], *[b["volumes"].get(s) for s in sectors]])
        vol[f"{vcol['total']}{r}"] = "=" + "+".join(f"{vcol[s]}{r}" for s in top)
        for c in [*sectors, "total"]:
            vol[f"{vcol[c]}{r}"].number_format = VOLUME

    # Rates: the cells a planner edits. A block's GRDP follows its sectors (plus its printed residual).
    rates = wb.create_sheet(_sheet_title(w.label("sheet_rates"), used))
    rname = _quote(rates.title)
    rates.append([safe_text(w.label("xlsx_rates_title", base=live["base_year"]))])
    # The sector rates as typed (D…), the block's GRDP as typed (optional: it moves every sector of the block
    # by equal points, the rule of whatif and of the page), the points that moves them by, and the rates
    # applied: what every other sheet's formulas read.
    n = len(sectors)
    rin = {s: col(4 + i) for i, s in enumerate(sectors)}
    typed, shift = col(5 + n), col(6 + n)
    rcol = {"grdp": "C", **{s: col(7 + n + i) for i, s in enumerate(sectors)}, "residual": col(4 + n)}
    rates.append(
        [
            w.label("xlsx_block"),
            w.label("status"),
            labels["items"]["grdp"],
            *[safe_text(labels["items"][s]) for s in sectors],
            w.label("xlsx_residual"),
            w.label("xlsx_grdp_typed"),
            w.label("xlsx_grdp_shift"),
            *[safe_text(w.label("xlsx_applied", item=labels["items"][s])) for s in sectors],
        ]
    )
    for r, b in enumerate(blocks, start=first):
        rates.append([labels["periods"][b["name"]], labels["statuses"].get(b["status"], b["status"])])
        with_sectors = all(s in b["rates"] for s in top)
        for s in sectors:
            if s in b["rates"]:
                rates[f"{rin[s]}{r}"] = b["rates"][s]
                rates[f"{rcol[s]}{r}"] = f"={rin[s]}{r}+{shift}{r}"
        if with_sectors:
            implied = sum(b["volumes"][s] * b["rates"][s] for s in top) / sum(b["volumes"][s] for s in top)
            rates[f"{rcol['residual']}{r}"] = 0.0 if b["grdp"] is None else b["grdp"] - implied
            as_typed = "+".join(f"{vname}!{vcol[s]}{r}*{rin[s]}{r}" for s in top)
            before = f"(({as_typed})/{vname}!{vcol['total']}{r}+{rcol['residual']}{r})"
            rates[f"{shift}{r}"] = f"=IF(ISBLANK({typed}{r}),0,{typed}{r}-{before})"
            weighted = "+".join(f"{vname}!{vcol[s]}{r}*{rcol[s]}{r}" for s in top)
            rates[f"C{r}"] = f"=({weighted})/{vname}!{vcol['total']}{r}+{rcol['residual']}{r}"
        else:
            rates[f"C{r}"] = b["grdp"]
            rates[f"{shift}{r}"] = 0
        for c in [*rcol.values(), *rin.values(), typed, shift]:
            rates[f"{c}{r}"].number_format = RATE
        rates[f"{rcol['residual']}{r}"].number_format = "0.0000"
        if b["open"]:
            for cell in [*([] if with_sectors else ["C"]), *(rin[s] for s in sectors if s in b["rates"])]:
                rates[f"{cell}{r}"].fill = editable
            if with_sectors:
                rates[f"{typed}{r}"].fill = editable

    # Growth by period: formulas over the blocks of each period (a published figure is a value).
    row_of = {b["name"]: r for r, b in enumerate(blocks, start=first)}
    computable = {}
    for period, quarters in live["periods"].items():
        inside = [b for b in blocks if set(b["quarters"]) <= set(quarters)]
        if sorted(q for b in inside for q in b["quarters"]) == sorted(quarters):
            computable[period] = (row_of[inside[0]["name"]], row_of[inside[-1]["name"]], inside)

    def period_formula(period: str, item: str) -> Any:
        lo, hi, inside = computable[period]
        published = live["published"].get(period, {})
        if item in published:
            return published[item]
        if item != "grdp" and not all(all(s in b["rates"] for s in top) and item in b["rates"] for b in inside):
            return None
        v, g = vcol["total" if item == "grdp" else item], rcol[item]
        return f"=SUMPRODUCT({vname}!{v}{lo}:{v}{hi},{rname}!{g}{lo}:{g}{hi})/SUM({vname}!{v}{lo}:{v}{hi})"

    growth = wb.create_sheet(_sheet_title(w.label("sheet_growth"), used))
    gname = _quote(growth.title)
    growth.append([safe_text(labels["page"]["growth_title"].format(base=live["base_year"]))])
    growth.append([w.label("item"), *[labels["periods"][p] for p in computable]])
    gcell = {}
    for r, item in enumerate(["grdp", *sectors], start=3):
        growth.append([safe_text(labels["items"][item])])
        for i, p in enumerate(computable):
            value = period_formula(p, item)
            if value is None:
                continue
            ref = f"{col(2 + i)}{r}"
            growth[ref] = value
            growth[ref].number_format = RATE
            gcell[(p, item)] = f"{gname}!{ref}"

    # Goals: the value is the growth cell; met and verdict by the rule of check (core/rounding.py).
    goals = wb.create_sheet(_sheet_title(w.label("sheet_goals"), used))
    goals.append([safe_text(w.label("goals_title"))])
    goals.append(
        [w.label(k) for k in ("period", "item", "min", "value", "margin")]
        + [w.label("xlsx_rounding"), w.label("verdict")]
    )
    from openpyxl.comments import Comment

    for cell, key in zip(
        goals[2],
        (
            "xlsx_note_period",
            "xlsx_note_item",
            "xlsx_note_min",
            "xlsx_note_value",
            "xlsx_note_margin",
            "xlsx_note_rounding",
            "xlsx_note_verdict",
        ),
    ):
        cell.comment = Comment(w.label(key), "grdp-scenario")  # every column says what it holds
    eps = live["eps"]
    verdicts = labels["verdicts"]
    headline_row = None
    for r, g in enumerate(live["goals"], start=3):
        goals.append([labels["periods"][g["period"]], safe_text(labels["items"][g["item"]]), g["min"]])
        ref = gcell.get((g["period"], g["item"]))
        # A growth goal is its growth cell; a level goal its linear form over the rate cells.
        value = f"={ref}" if ref is not None else _linear_formula(g.get("linear"), rname, rcol, row_of)
        said = labels["projected_verdicts"] if g.get("basis", "actual") != "actual" else verdicts
        if value is not None:
            noise = f"{eps}*MAX(1,ABS(C{r}))" if g.get("relative") else f"{eps}"
            goals[f"D{r}"] = value
            goals[f"E{r}"] = f"=D{r}-C{r}"
            goals[f"G{r}"] = (
                f'=IF(D{r}>=C{r}-{noise},"{said["met"]}",'
                f'IF(C{r}-D{r}<=F{r}+{noise},"{said["within_rounding"]}","{said["missed"]}"))'
            )
        else:  # the data cannot give the value yet: no data, never "missed"
            goals[f"G{r}"] = verdicts["unknown"]
        goals[f"F{r}"] = g["slack"]
        level = g.get("unit", "percent") != "percent"
        for c, fmt in (("C", RATE), ("D", RATE), ("E", POINTS), ("F", "0.000")):
            fmt = "#,##0.00" if level and c in "CDE" else fmt
            goals[f"{c}{r}"].number_format = fmt
        if g["headline"]:
            headline_row = r

    # Contributions: Σ L·g over the period's blocks / the period's total volume; the residual is what the
    # sectors leave of the period's GRDP (a printed block GRDP, a published figure).
    contrib = wb.create_sheet(_sheet_title(w.label("sheet_contributions"), used))
    contrib.append([safe_text(w.label("contrib_title"))])
    shown = [p for p in computable if all(all(s in b["rates"] for s in top) for b in computable[p][2])]
    contrib.append([w.label("item"), *[labels["periods"][p] for p in shown]])
    residual = any(b["grdp"] is not None for b in blocks) or bool(live["published"])
    items = [*top, *(["residual"] if residual else []), "grdp"]
    for r, item in enumerate(items, start=3):
        contrib.append([safe_text(labels["items"][item])])
        for i, p in enumerate(shown):
            lo, hi, _ = computable[p]
            c = col(2 + i)
            if item == "grdp":
                formula = f"={gcell[(p, 'grdp')]}"
            elif item == "residual":
                formula = f"={gcell[(p, 'grdp')]}-SUM({c}3:{c}{2 + len(top)})"
            else:
                v, g = vcol[item], rcol[item]
                total = f"{vname}!{vcol['total']}{lo}:{vcol['total']}{hi}"
                formula = f"=SUMPRODUCT({vname}!{v}{lo}:{v}{hi},{rname}!{g}{lo}:{g}{hi})/SUM({total})"
            contrib[f"{c}{r}"] = formula
            contrib[f"{c}{r}"].number_format = "0.0000" if item == "residual" else RATE

    for ws in (vol, rates, growth, goals, contrib):
        ws["A1"].font = bold
        for cell in ws[2]:
            cell.font = bold
        ws.column_dimensions["A"].width = 34
        for c in range(2, ws.max_column + 1):
            ws.column_dimensions[col(c)].width = 14

    # The summary's live lines: the headline goal as the formulas give it now.
    summary.append([w.label("xlsx_live_note", sheet=rates.title)])
    if headline_row is not None:
        gref = _quote(goals.title)
        summary.append([labels["page"]["whatif_page_fy"], f"={gref}!D{headline_row}"])
        summary.cell(summary.max_row, 2).number_format = RATE
        summary.append([w.label("min"), f"={gref}!C{headline_row}"])
        summary.cell(summary.max_row, 2).number_format = RATE
        summary.append([w.label("verdict"), f"={gref}!G{headline_row}"])
        for r in range(summary.max_row - 2, summary.max_row + 1):
            summary.cell(r, 2).font = bold


def _linear_formula(linear: dict | None, rname: str, rcol: dict, row_of: dict) -> str | None:
    """A level goal as its value in the plan plus its gain per point of each rate cell moved from the plan's
    rate (core/goals.linear_form): exact, the goal being affine in the rates."""
    if linear is None:
        return None
    terms = "".join(
        f"{'+' if coef >= 0 else '-'}{abs(coef)!r}*({rname}!{rcol[item]}{row_of[block]}-({rate!r}))"
        for block, item, coef, rate in linear["terms"]
    )
    return f"={linear['value']!r}{terms}"
