"""CSV: every table in one tidy long table (table, row, column, value), raw numbers, for Excel and pandas;
or the document's own flat records where it has them (the audit: one row per finding)."""

from __future__ import annotations

import csv
import io

from ...core.text import spreadsheet_safe
from ..document import Document


def _cell(value):
    """Numbers as numbers; text as Excel will show it, never run (core/text.py)."""
    return spreadsheet_safe(value) if isinstance(value, str) else value


def render(document: Document, lang: str = "en") -> str:
    out = io.StringIO()
    if document.records is not None:
        keys = list(document.records[0]) if document.records else ["message"]
        writer = csv.DictWriter(out, keys, lineterminator="\n", extrasaction="ignore")
        writer.writeheader()
        writer.writerows({k: _cell(v) for k, v in record.items()} for record in document.records)
        return out.getvalue()
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["table", "row", "column", "value"])
    for table in document.tables:
        keys = table.column_keys or table.columns
        for row in table.rows:
            row_key = row[0].raw if row[0].raw is not None else row[0].text
            for key, cell in zip(keys[1:], row[1:]):
                value = cell.raw if cell.raw is not None else ""
                if isinstance(value, bool):
                    value = str(value).lower()
                w.writerow([_cell(table.key), _cell(row_key), _cell(key), _cell(value)])
    return out.getvalue()
