"""Rich tables for people: the verdict first, then the tables, then the notes. Only renders.

Every table fits the terminal whole: numbers never wrap or shorten, labels wrap at word boundaries, and
a table too wide for the terminal is stacked into several narrower ones, each repeating the columns that
say what a row is (the key columns: the labels before the first column of numbers).

The layout is decided here (``Part``: each table's columns and their widths); ``boxes`` draws it, in the
characters and colours rich would (a third of the run of ``check`` saved: issue #25), and rich itself
where ``boxes`` does not promise its result.
"""

from __future__ import annotations

import io
import os
from typing import NamedTuple

from ...core.text import printable
from ..document import Document, Table
from . import boxes

STYLE = {"good": "green", "bad": "bold red"}
#: Space a column takes besides its text: a border and a blank on each side.
EDGE = 3
#: Lines of output beyond which the verdict, printed first, is repeated at the end (a screen's height).
LONG = 40
#: A wrapping label column is not made narrower than this, so that it wraps into words, not letters.
LABEL_MIN = 14


class Part(NamedTuple):
    """A table as printed: its title, and for each column shown its header, width (besides the blank each
    side) and side; each row's cells as (text, style, whole), whole for a figure that is never wrapped."""

    title: str
    headers: list[str]
    widths: list[int]
    right: list[bool]
    rows: list[list[tuple[str, str, bool]]]

    @property
    def width(self) -> int:
        return sum(self.widths) + EDGE * len(self.widths) + 1


#: The SGR codes of the styles the table uses, as rich writes them for a terminal: rich's default theme's
#: ``table.title`` (italic) and ``table.header`` (bold), and ``STYLE``'s colours.
CODES = {"table.title": "3", "table.header": "1", "bold": "1", "green": "32", "bold red": "1;31"}
#: The same without colours (NO_COLOR): bold and italic stay.
NO_COLOR_CODES = {**CODES, "green": "", "bold red": "1"}


def render(document: Document, lang: str = "en", color: bool = False, width: int | None = None) -> str:
    width = width or _terminal_width()
    parts = [part for t in document.tables for part in _stacked(t, width)]
    color = color or os.environ.get("FORCE_COLOR") is not None
    if _drawable(document, parts, width) and (not color or _colours_as_rich_would()):
        codes = (NO_COLOR_CODES if os.environ.get("NO_COLOR") is not None else CODES) if color else {}
        return _drawn(document, parts, width, codes)
    return _rich(document, parts, width, color)


def _colours_as_rich_would() -> bool:
    """Whether rich would colour this terminal with the standard codes ``CODES`` gives: not on Windows (its
    legacy console), not in a notebook, not in a terminal that says it has no colour."""
    import sys

    term = os.environ.get("TERM", "").lower()
    return sys.platform != "win32" and "IPython" not in sys.modules and term not in ("dumb", "unknown")


def _verdict_style(document: Document) -> str:
    """The verdict's colour: met green, missed bold red, neither (unknown, within rounding) none."""
    return "green" if document.ok else "bold red" if document.ok is False else ""


def _drawable(document: Document, parts: list[Part], width: int) -> bool:
    """Whether ``boxes`` draws this document as rich would: every table fits, every text is one cell a
    character (tabs and wide or combining characters go to rich)."""
    texts = [document.title, document.verdict or "", *document.notes]
    for part in parts:
        texts += [part.title, *part.headers, *(text for row in part.rows for text, _, _ in row)]
    return all(part.width <= width for part in parts) and all(boxes.drawable(printable(t)) for t in texts)


def _drawn(document: Document, parts: list[Part], width: int, codes: dict[str, str]) -> str:
    """The document drawn by ``boxes``; ``codes`` the SGR code of each style (none: no colour)."""
    if document.verdict:
        code = codes.get(_verdict_style(document), "")
        lines = boxes.panel(printable(document.verdict), printable(document.title), width, code)
    else:
        lines = [boxes.styled(line, codes.get("bold", "")) for line in boxes.wrap(printable(document.title), width)]
    for part in parts:
        rows = [[(printable(text), codes.get(style, ""), whole) for text, style, whole in row] for row in part.rows]
        headers = [printable(h) for h in part.headers]
        title_code, header_code = codes.get("table.title", ""), codes.get("table.header", "")
        lines += boxes.table(printable(part.title), headers, rows, part.widths, part.right, title_code, header_code)
    for note in document.notes:
        lines += boxes.wrap(printable(f"• {note}"), width)
    if document.verdict and len(lines) > LONG:  # the verdict has scrolled away: it closes the output too
        lines += [boxes.styled(line, codes.get("bold", "")) for line in boxes.wrap(printable(document.verdict), width)]
    return "".join(line + "\n" for line in lines)


def _rich(document: Document, parts: list[Part], width: int, color: bool) -> str:
    from rich.console import Console
    from rich.panel import Panel

    buffer = io.StringIO()
    console = Console(
        file=buffer,
        width=width,
        force_terminal=color,
        no_color=os.environ.get("NO_COLOR") is not None,
        highlight=False,
        emoji=False,  # a name with ":fire:" in it is printed as written (and rich's emoji table is not loaded)
        soft_wrap=False,
    )
    if document.verdict:
        style = _verdict_style(document)
        console.print(Panel(_text(document.verdict), title=_text(document.title), style=style, expand=False))
    else:
        console.print(_text(document.title, "bold"))
    for part in parts:
        console.print(_rich_table(part))
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
    """The table as one part, or several when its columns cannot all fit side by side."""
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
        widths = _widths(t, columns, mins, width)
        figures = [t.numeric(i) for i in columns]
        rows = [[(row[i].text, STYLE.get(row[i].style, ""), f) for i, f in zip(columns, figures)] for row in t.rows]
        yield Part(title, [t.columns[i] for i in columns], [widths[i] for i in columns], figures, rows)


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


def _rich_table(part: Part):
    from rich.table import Table as RichTable

    title_text = _text(part.title)
    title_text.style = "table.title"  # the whole line, as rich styles a table's title
    table = RichTable(title=title_text, title_justify="left", show_lines=False)
    for header, width, right in zip(part.headers, part.widths, part.right):
        table.add_column(_text(header), justify="right" if right else "left", width=width, overflow="fold")
    for row in part.rows:
        cells = [_text(text, style) for text, style, _ in row]
        for cell, (_, _, whole) in zip(cells, row):
            cell.no_wrap = whole  # a figure fits its column whole (_min_width): rich need not try to wrap it
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
