"""Excel workbook: the verdict and notes on a first sheet, one sheet per table, numbers as numbers.

Text that Excel would read as a formula is neutralised (core/text.py), as in every CSV the tool writes.
"""

from __future__ import annotations

import io

from ...core.text import spreadsheet_safe as safe_text
from ..document import Document


def _sheet_title(text: str, used: set[str]) -> str:
    title = "".join("_" if c in "[]:*?/\\" else c for c in text)[:28] or "Sheet"
    base, n = title, 2
    while title in used:
        title = f"{base[:25]} {n}"
        n += 1
    used.add(title)
    return title


def render(document: Document, lang: str = "en") -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from ..catalogue import LABELS
    from ..wording import Wording

    w = Wording(lang)
    sheet = lambda key: w.label(f"sheet_{key}") if f"sheet_{key}" in LABELS else key  # noqa: E731
    wb = Workbook()
    summary = wb.active
    used = {sheet("summary")}
    summary.title = sheet("summary")
    summary.append([safe_text(document.title)])
    summary["A1"].font = Font(bold=True, size=14)
    for line in (document.verdict or "").splitlines():
        summary.append([safe_text(line)])
    for note in document.notes:
        summary.append([safe_text(note)])
    summary.column_dimensions["A"].width = 120
    for table in document.tables:
        ws = wb.create_sheet(_sheet_title(sheet(table.key), used))
        ws.append([safe_text(table.title)])
        ws["A1"].font = Font(bold=True)
        ws.append([safe_text(c) for c in table.columns])
        for cell in ws[2]:
            cell.font = Font(bold=True)
        for row in table.rows:
            values = []
            for i, cell in enumerate(row):
                raw = cell.raw
                if i > 0 and isinstance(raw, (int, float)) and not isinstance(raw, bool):
                    values.append(raw)
                else:
                    values.append(safe_text(cell.text))
            ws.append(values)
        ws.column_dimensions["A"].width = 40
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
