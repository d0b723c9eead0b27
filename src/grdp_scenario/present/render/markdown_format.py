"""Markdown: for reports and CI job summaries. The verdict first, then the tables."""

from __future__ import annotations

from ...core.text import printable
from ..document import Document


def _escape(text: str) -> str:
    """Cell text as text: no HTML that a Markdown viewer would run or render, no table breaks."""
    import html

    # no HTML, and no Markdown link or image ([text](url), ![alt](url)) from a plan's text: each bracket escaped
    escaped = html.escape(printable(text), quote=False).replace("|", "\\|").replace("\n", " ")
    return escaped.replace("[", "\\[").replace("]", "\\]").replace("`", "\\`")


def _cell(text: str) -> str:
    """A cell's text, a child's indentation kept (Markdown drops leading spaces; no-break spaces stay)."""
    indent = len(text) - len(text.lstrip(" "))
    return "\u00a0" * (2 * indent) + _escape(text.lstrip(" "))


def render(document: Document, lang: str = "en") -> str:
    lines = [f"# {_escape(document.title)}", ""]
    if document.verdict:
        lines += [f"**{_escape(document.verdict)}**", ""]
    for table in document.tables:
        lines += [
            f"## {_escape(table.title)}",
            "",
            "| " + " | ".join(_escape(c) for c in table.columns) + " |",
            "|" + "|".join("---:" if table.numeric(i) else ":---" for i in range(len(table.columns))) + "|",
        ]
        lines += ["| " + " | ".join(_cell(c.text) for c in row) + " |" for row in table.rows]
        lines.append("")
    if document.notes:
        lines += [f"- {_escape(n)}" for n in document.notes]
        lines.append("")
    return "\n".join(lines)
