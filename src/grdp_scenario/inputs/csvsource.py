"""Reading a CSV the tool is given: what the csv module cannot read is an input error at its line, never a
traceback (a field over the module's limit, a NUL byte, an unclosed quote).

Files are read as spreadsheets write them (contract §2): Excel with Vietnamese regional settings separates
fields with ';' and writes decimal commas ("7,39", "1.234,5"). The separator is told from the header line;
in a ';' file a cell that is a number with a decimal comma is read as that number, its printed decimals kept
("7,39" is 7.39, two decimals). A ',' file keeps the tool's own form, where a comma cannot be a decimal mark.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Iterator

from ..core.errors import InputError

#: A number written with a decimal comma, its thousands grouped by points or not: 7,39 · -0,5 · 1.234,5
DECIMAL_COMMA = re.compile(r"[+\-−]?(\d{1,3}(\.\d{3})+|\d+)(,\d+)?%?")


def separator(text: str) -> str:
    """';' when the header line is separated by semicolons (outside quotes) and holds no comma, else ','."""
    first = next((line for line in text.splitlines() if line.strip()), "")
    bare = re.sub(r'"[^"]*"', "", first)
    return ";" if ";" in bare and "," not in bare else ","


def reader(text: str, fields: bool = False):
    """A csv.reader (or, with ``fields``, a csv.DictReader) over ``text``, separated as its header is."""
    if fields:
        return csv.DictReader(io.StringIO(text), delimiter=separator(text))
    return csv.reader(io.StringIO(text), delimiter=separator(text))


def _point_decimal(cell: str) -> str:
    """'7,39' → '7.39', '1.234,5' → '1234.5'; any other text as it is."""
    text = cell.strip()
    if "," not in text or not DECIMAL_COMMA.fullmatch(text):
        return cell
    return text.replace(".", "").replace(",", ".")


def rows(reader, file: str) -> Iterator:
    """The rows of ``reader`` (csv.reader or csv.DictReader), each csv.Error an input error at its line; in
    a ';' file, decimal commas read as points."""
    inner = getattr(reader, "reader", reader)
    commas = getattr(getattr(inner, "dialect", None), "delimiter", ",") == ";"
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise unreadable(exc, reader, file) from None
        if commas:
            if isinstance(row, dict):
                row = {k: _point_decimal(v) if isinstance(v, str) else v for k, v in row.items()}
            else:
                row = [_point_decimal(c) for c in row]
        yield row


def header(reader, file: str):
    """The header row of a csv.reader, or the field names of a csv.DictReader, read the same careful way."""
    try:
        return reader.fieldnames if isinstance(reader, csv.DictReader) else next(reader, None)
    except csv.Error as exc:
        raise unreadable(exc, reader, file) from None


def unreadable(exc: csv.Error, reader, file: str) -> InputError:
    # a DictReader counts its lines only once a row is read: the csv.reader inside it has counted this one
    line = getattr(getattr(reader, "reader", reader), "line_num", None) or None
    if "field larger than field limit" in str(exc):
        return InputError(
            "csv-field-too-large", file=file, line=line, limit=csv.field_size_limit(), fix="fix-csv-field"
        )
    return InputError("csv-unreadable", file=file, line=line, fix="fix-csv-unreadable")
