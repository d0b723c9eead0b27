"""Reading a CSV the tool is given: what the csv module cannot read is an input error at its line, never a
traceback (a field over the module's limit, a NUL byte, an unclosed quote)."""

from __future__ import annotations

import csv
from typing import Iterator

from ..core.errors import InputError


def rows(reader, file: str) -> Iterator:
    """The rows of ``reader`` (csv.reader or csv.DictReader), each csv.Error an input error at its line."""
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise unreadable(exc, reader, file) from None
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
