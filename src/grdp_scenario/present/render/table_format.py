"""Rich tables for people: the verdict first, then the tables, then the notes. Only renders.

Every table fits the terminal whole: numbers never wrap or shorten, labels wrap at word boundaries, and
a table too wide for the terminal is stacked into several narrower ones, each repeating the columns that
say what a row is (the key columns: the labels before the first column of numbers).
"""

from __future__ import annotations

import io
import os

from ...core.text import printable
from ..document import Document, Table

STYLE = {"good": "green", "bad": "bold red"}
#: Space a column takes besides its text: a border and a blank on each side.
EDGE = 3
#: Lines of output beyond which the verdict, printed first, is repeated at the end (a screen's height).
LONG = 40
#: A wrapping label column is not made narrower than this, so that it wraps into words, not letters.
LABEL_MIN = 14


def render(document: Document, lang: str = "en", color: bool = False, width: int | None = None) -> str:
    from rich.console import Console
    from rich.panel import Panel

    buffer = io.StringIO()
    force = color or os.environ.get("FORCE_COLOR") is not None
    width = width or _terminal_width()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=force,
        no_color=os.environ.get("NO_COLOR") is not None,
        highlight=False,
        emoji=False,  # a name with ":fire:" in it is printed as written (and rich's emoji table is not loaded)
        soft_wrap=False,
    )
    if document.verdict:
        style = "green" if document.ok else "bold red" if document.ok is False else ""
        console.print(Panel(_text(document.verdict), title=_text(document.title), style=style, expand=False))
    else:
        console.print(_text(document.title, "bold"))
    for t in document.tables:
        for part in _stacked(t, width):
            console.print(part)
    for note in document.notes:
        console.print(_text(f"• {note}"))
    text = buffer.getvalue()
    if document.verdict and text.count("\n") > LONG:  # the verdict has scrolled away: it closes the output too
        console.print(_text(document.verdict, "bold"))
        text = buffer.getvalue()
    return text


def _terminal_width() -> int:
    try:
        return max(40, int(os.environ.get("COLUMNS", 120)))
    except ValueError:
        return 120


def _longest_word(text: str) -> int:
    return max((len(w) for w in text.split()), default=0)


def _natural_width(t: Table, i: int) -> int:
    return max([len(t.columns[i]), *(len(row[i].text) for row in t.rows)])


def _min_width(t: Table, i: int) -> int:
    """The narrowest a column may be: numbers whole, words whole (headers included)."""
    cells = [row[i].text for row in t.rows]
    words = max([_longest_word(t.columns[i]), *(_longest_word(c) for c in cells)])
    if t.numeric(i):
        return max([words, *(len(c) for c in cells)])
    return min(_natural_width(t, i), max(words, LABEL_MIN))


def _stacked(t: Table, width: int):
    """The table as one rich Table, or several when its columns cannot all fit side by side."""
    n = len(t.columns)
    mins = [_min_width(t, i) for i in range(n)]
    first_number = next((i for i in range(1, n) if t.numeric(i)), n)
    keys = list(range(first_number)) or [0]
    rest = [i for i in range(n) if i not in keys]
    # The year's column is the one that matters: it stays in the first table, after the columns that fit.
    year = next((i for i in rest if (t.column_keys or [])[i : i + 1] == ["FY"]), None)
    kept = [year] if year is not None else []
    need = lambda cols: sum(mins[j] + EDGE for j in cols) + 1  # noqa: E731
    groups: list[list[int]] = []
    for i in (i for i in rest if i != year):
        reserve = kept if len(groups) == 1 else []  # room for the year's column in the first table
        if groups and need(keys + groups[-1] + [i] + reserve) <= width:
            groups[-1].append(i)
        else:
            groups.append([i])
    if year is not None:
        if groups:
            groups[0].append(year)
        else:
            groups = [[year]]
    for number, group in enumerate(groups or [[]]):
        title = t.title if len(groups) < 2 else f"{t.title} ({number + 1}/{len(groups)})"
        columns = keys + sorted(group, key=lambda j: (j == year, j)) if number == 0 else keys + group
        yield _rich_table(t, columns, _widths(t, columns, mins, width), title)


def _widths(t: Table, columns: list[int], mins: list[int], width: int) -> dict[int, int]:
    """Each column from its minimum towards its natural width, the spare shared by what each lacks."""
    widths = {i: mins[i] for i in columns}
    spare = width - sum(widths.values()) - EDGE * len(columns) - 1
    lacking = {i: _natural_width(t, i) - widths[i] for i in columns}
    total = sum(lacking.values())
    if spare <= 0 or total <= 0:
        return widths
    if spare >= total:
        return {i: widths[i] + lacking[i] for i in columns}
    for i in columns:
        widths[i] += spare * lacking[i] // total
    return widths


def _rich_table(t: Table, columns: list[int], widths: dict[int, int], title: str):
    from rich.table import Table as RichTable

    title_text = _text(title)
    title_text.style = "table.title"  # the whole line, as rich styles a table's title
    table = RichTable(title=title_text, title_justify="left", show_lines=False)
    for i in columns:
        table.add_column(
            _text(t.columns[i]), justify="right" if t.numeric(i) else "left", width=widths[i], overflow="fold"
        )
    figures = {i for i in columns if t.numeric(i)}
    for row in t.rows:
        cells = [_text(row[i].text, STYLE.get(row[i].style, "")) for i in columns]
        for i, cell in zip(columns, cells):
            cell.no_wrap = i in figures  # a figure fits its column whole (_min_width): rich need not try to wrap it
        table.add_row(*cells)
    return table


def _text(text: str, style: str = ""):
    """Text as the terminal shows it: as written, never read as markup (a name with "[b]" or ":fire:" in it
    prints as it is, and nothing is parsed), control characters (escape sequences) removed."""
    from rich.text import Text

    shown = Text(printable(text))
    if style:
        shown.stylize(style, 0, len(shown))  # the words, not the cell's padding
    return shown
