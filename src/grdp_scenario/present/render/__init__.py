"""Output formats: one module per format, each with ``render(document, lang) -> str``.

``Format`` lists them; ``renderer(fmt)`` finds the module. A test checks every member has one.
"""

from __future__ import annotations

from enum import Enum
from importlib import import_module
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the help page loads the formats' names, not the document they render
    from ..document import Document


class Format(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    html = "html"
    xlsx = "xlsx"
    docx = "docx"


class AuditFormat(str, Enum):
    """The audit adds formats for CI: annotations for GitHub and JUnit XML."""

    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"
    github = "github"
    junit = "junit"


#: Formats that are for machines: the summary goes to stderr, numbers stay unformatted.
MACHINE = {Format.json, Format.csv, AuditFormat.json, AuditFormat.csv, AuditFormat.github, AuditFormat.junit}
#: Formats whose output is bytes, written only to a file.
BINARY = {Format.xlsx, Format.docx}
#: Documents for people to keep and pass on: writing one is the command's success (README, "Reports and exports").
EXPORTS = {Format.html, Format.xlsx, Format.docx}
#: The format a file's extension names (``check -o plan.xlsx`` needs no ``--format``).
EXTENSIONS = {
    ".txt": Format.table,
    ".json": Format.json,
    ".csv": Format.csv,
    ".md": Format.markdown,
    ".html": Format.html,
    ".htm": Format.html,
    ".xlsx": Format.xlsx,
    ".docx": Format.docx,
}


def format_of_file(path) -> Format | None:
    """The format ``path``'s extension names, or None for an extension of no format."""
    from pathlib import Path

    return EXTENSIONS.get(Path(path).suffix.lower())


def renderer(fmt: Format | AuditFormat | str) -> Callable[..., str]:
    module = import_module(f"{__name__}.{getattr(fmt, 'value', fmt)}_format")
    return module.render


def render(document: Document, fmt: Format | AuditFormat | str, lang: str = "en", color: bool = False) -> str | bytes:
    if getattr(fmt, "value", fmt) == "table":
        return renderer(fmt)(document, lang, color=color)
    return renderer(fmt)(document, lang)
