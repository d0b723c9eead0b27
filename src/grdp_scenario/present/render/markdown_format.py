"""Markdown: for reports and CI job summaries. The verdict first, then the tables."""

from __future__ import annotations

from ..document import Document


def _escape(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(document: Document, lang: str = "en") -> str:
    lines = [f"# {document.title}", ""]
    if document.verdict:
        lines += [f"**{_escape(document.verdict)}**", ""]
    for table in document.tables:
        lines += [
            f"## {table.title}",
            "",
            "| " + " | ".join(_escape(c) for c in table.columns) + " |",
            "|" + "|".join(":---" if i == 0 else "---:" for i in range(len(table.columns))) + "|",
        ]
        lines += ["| " + " | ".join(_escape(c.text) for c in row) + " |" for row in table.rows]
        lines.append("")
    if document.notes:
        lines += [f"- {_escape(n)}" for n in document.notes]
        lines.append("")
    return "\n".join(lines)
