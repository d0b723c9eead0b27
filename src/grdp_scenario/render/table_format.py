"""Rich tables for people: the verdict first, then the tables, then the notes. Only renders."""

from __future__ import annotations

import io
import os

from ..report import Document

STYLE = {"good": "green", "bad": "bold red"}


def render(document: Document, lang: str = "en", color: bool = False, width: int | None = None) -> str:
    from rich.console import Console
    from rich.panel import Panel
    from rich.table import Table

    buffer = io.StringIO()
    force = color or os.environ.get("FORCE_COLOR") is not None
    console = Console(file=buffer, width=width or int(os.environ.get("COLUMNS", 120)), force_terminal=force,
                      no_color=os.environ.get("NO_COLOR") is not None, highlight=False, soft_wrap=False)
    if document.verdict:
        style = "green" if document.ok else "bold red" if document.ok is False else ""
        console.print(Panel(document.verdict, title=document.title, style=style, expand=False))
    else:
        console.print(f"[bold]{document.title}[/bold]")
    for t in document.tables:
        table = Table(title=t.title, title_justify="left", show_lines=False)
        for i, column in enumerate(t.columns):
            numeric = i > 0 and any(_is_number(row[i].raw) for row in t.rows)
            longest = max([len(column), *(len(row[i].text) for row in t.rows)])
            # Numbers never wrap; the first column (what a row is) keeps a readable width.
            table.add_column(column, justify="right" if numeric else "left", no_wrap=numeric,
                             min_width=min(longest, 28) if i == 0 else None)
        for row in t.rows:
            table.add_row(*[f"[{STYLE[c.style]}]{_esc(c.text)}[/]" if c.style in STYLE else _esc(c.text)
                            for c in row])
        console.print(table)
    for note in document.notes:
        console.print(f"• {_esc(note)}")
    return buffer.getvalue()


def _esc(text: str) -> str:
    from rich.markup import escape

    return escape(text)


def _is_number(value: object) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)
