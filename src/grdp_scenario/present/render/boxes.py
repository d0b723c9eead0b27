"""The table format's boxes drawn without rich, character for character as rich draws them.

rich is a third of a ``check`` that prints a table: importing it and laying out a few hundred cells, each
through its general machinery (issue #25). What the table format asks of it is narrow: a panel with a title,
tables whose column widths table_format has already chosen, and paragraphs, all in characters one cell wide.
This module draws exactly that, by the rules rich follows (its word wrapping, justification, padding and box
characters) and in its colours (each character in the style rich gives it); ``tests/test_table_format.py``
renders random documents both ways and holds them equal, character for character and style for style. The
table format uses rich itself wherever this module does not promise the same result: text with wide,
combining or tab characters, a table that would not fit the terminal whole, and terminals whose colours
rich works out otherwise (Windows, notebooks, a "dumb" TERM).
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

#: Ranges of characters one cell wide in rich's measure, each its own grapheme (Latin with Vietnamese,
#: Greek, Cyrillic, punctuation, currency, arrows, mathematical signs, box drawing); tests hold the list
#: to rich's own measure.
ONE_CELL_RANGES = (
    (0x20, 0x7E),
    (0xA0, 0xAC),
    (0xAE, 0x2FF),
    (0x370, 0x482),
    (0x1E00, 0x1EFF),
    (0x2010, 0x2027),
    (0x2030, 0x205E),
    (0x20A0, 0x20C0),
    (0x2100, 0x214F),
    (0x2190, 0x21FF),
    (0x2200, 0x22FF),
    (0x2500, 0x25FC),
)
WORD = re.compile(r"\s*\S+\s*")


@lru_cache(maxsize=1)
def one_cell_characters() -> frozenset[str]:
    return frozenset(
        c
        for start, end in ONE_CELL_RANGES
        for c in map(chr, range(start, end + 1))
        if unicodedata.category(c) not in ("Cn", "Mn", "Me", "Cf", "Zl", "Zp")
    )


def drawable(text: str) -> bool:
    """Whether this module draws ``text`` as rich would: every character one cell wide (line breaks aside)."""
    return one_cell_characters().issuperset(text.replace("\n", ""))


def break_offsets(line: str, width: int) -> list[int]:
    """Where a line breaks to fit ``width``: before the word that would pass the edge, a word longer than a
    line cut at the edge (rich's ``divide_line`` with folding)."""
    breaks: list[int] = []
    position = 0
    for match in WORD.finditer(line):
        start, word = match.start(), match.group(0)
        length = len(word.rstrip())
        if width - position >= length:
            position += len(word)
        elif length > width:
            pieces = [word[i : i + width] for i in range(0, len(word), width)]
            for number, piece in enumerate(pieces):
                if start:
                    breaks.append(start)
                if number == len(pieces) - 1:
                    position = len(piece)
                else:
                    start += len(piece)
        elif position and start:
            breaks.append(start)
            position = len(word)
    return breaks


def wrap(text: str, width: int, justify: str | None = None, no_wrap: bool = False) -> list[str]:
    """The lines of ``text`` in ``width`` cells, as rich's ``Text.wrap`` gives them (overflow "fold"; the blanks
    rich strips past the edge are the ones the cut at ``width`` drops). A paragraph printed on its own is
    wrapped so, without justifying."""
    lines = []
    for line in text.split("\n"):
        if no_wrap:
            pieces = [line]
        else:
            bounds = [0, *break_offsets(line, width), len(line)]
            pieces = [line[a:b] for a, b in zip(bounds, bounds[1:])]
        for piece in pieces:
            if justify == "left":
                piece = piece[:width].ljust(width)
            elif justify == "right":
                piece = piece.rstrip()[:width]
                piece = " " * (width - len(piece)) + piece
            lines.append(piece[:width])
    return lines


def panel(text: str, title: str, width: int, code: str = "") -> list[str]:
    """A rounded box around ``text`` with ``title`` centred in its top edge, as narrow as the text allows
    (rich's ``Panel(..., expand=False)``, padding of one blank each side), all of it in colour ``code``."""
    longest = max((len(line) for line in text.split("\n")), default=0)
    inner = min(longest + 2, width - 2)
    if title:
        title = " " + title.replace("\n", " ") + " "
        inner = min(width - 2, max(inner, len(title) + 2))
        title = title[: inner - 2]
        excess = inner - 2 - len(title)
        left = excess // 2
        top = "╭─" + "─" * left + title + "─" * (excess - left) + "─╮"
    else:
        top = "╭" + "─" * inner + "╮"
    lines = wrap(text, inner - 2) if inner > 2 else []  # no room for text (it was only line breaks): no lines
    body = ["│ " + line.ljust(inner - 2) + " │" for line in lines]
    return [styled(line, code) for line in (top, *body, "╰" + "─" * inner + "╯")]


def table(
    title: str,
    headers: list[str],
    rows: list[list[tuple[str, str, bool]]],
    widths: list[int],
    right: list[bool],
    title_code: str = "",
    header_code: str = "",
):
    """A table with a heavy head (rich's ``box.HEAVY_HEAD``), the title above it on the left; each column
    ``widths[i]`` wide besides a blank each side, its text to the right where ``right[i]``. A row's cells are
    (text, code, no_wrap), ``code`` the cell's colour (``styled``); the title and headers have theirs."""
    total = sum(widths) + 3 * len(widths) + 1
    lines = [styled(line, title_code) for line in wrap(title, total, "left")] if title else []
    lines.append("┏" + "┳".join("━" * (w + 2) for w in widths) + "┓")
    lines += _row([(h, header_code, False) for h in headers], widths, right, "┃", bottom=True)
    lines.append("┡" + "╇".join("━" * (w + 2) for w in widths) + "┩")
    for row in rows:
        lines += _row(row, widths, right, "│")
    lines.append("└" + "┴".join("─" * (w + 2) for w in widths) + "┘")
    return lines


def _row(cells: list[tuple[str, str, bool]], widths: list[int], right: list[bool], edge: str, bottom: bool = False):
    """One row's lines: each cell wrapped in its column, the shorter ones filled with blank lines below (the
    header's above: rich sets headers on the line above the rule)."""
    columns = [
        [styled(line, code) for line in wrap(text, w, "right" if r else "left", no_wrap)]
        for (text, code, no_wrap), w, r in zip(cells, widths, right)
    ]
    height = max(len(c) for c in columns)
    fill = [[" " * w] * (height - len(c)) for c, w in zip(columns, widths)]
    columns = [f + c if bottom else c + f for c, f in zip(columns, fill)]
    return [edge + edge.join(f" {c[k]} " for c in columns) + edge for k in range(height)]


def styled(line: str, code: str) -> str:
    """``line`` in the terminal style of SGR ``code`` ("32" green, "1;31" bold red), its blanks at either end
    left as they are (a colour on a blank shows nothing); no code, no change."""
    core = line.strip(" ")
    if not code or not core:
        return line
    start = line.index(core)
    return f"{line[:start]}\x1b[{code}m{core}\x1b[0m{line[start + len(core) :]}"
