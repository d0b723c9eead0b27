"""Output formats: one module per format, each with ``render(document, lang) -> str``.

``Format`` lists them; ``renderer(fmt)`` finds the module. A test checks every member has one.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import Callable

from ..report import Document


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"


#: Formats that are for machines: the summary goes to stderr, numbers stay unformatted.
MACHINE = {Format.json, Format.csv}
#: Formats whose output is bytes, written only to a file.
BINARY = {Format.xlsx}


def renderer(fmt: Format | str) -> Callable[..., str]:
    module = import_module(f"{__name__}.{Format(fmt).value}_format")
    return module.render


def render(document: Document, fmt: Format | str, lang: str = "en", color: bool = False) -> str | bytes:
    if Format(fmt) is Format.table:
        return renderer(fmt)(document, lang, color=color)
    return renderer(fmt)(document, lang)
