"""Text from files, made safe for where it goes: spreadsheets and terminals.

A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return) as a formula ("CSV
injection", OWASP): a plan's labels or a recorded source must never run in a planner's Excel, so such text
gets a leading apostrophe, which Excel shows as text and which the tool takes off again when it reads its
own files. A terminal obeys control characters (escape sequences can rewrite the screen or the title):
text shown to people has them removed.
"""

from __future__ import annotations

import re
import unicodedata

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
#: A plain number ("-0.82", "+1.5e3"): a spreadsheet reads it as the number it is, never as a formula, so it
#: is written as it stands (neutralising it would change the number into text).
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?", re.ASCII)


def spreadsheet_safe(text: str) -> str:
    """Text a spreadsheet will show, never run; a plain number stays the number it is."""
    return "'" + text if text.startswith(FORMULA_START) and not PLAIN_NUMBER.fullmatch(text) else text


def spreadsheet_restore(text: str) -> str:
    """The text ``spreadsheet_safe`` was given (reading back what the tool wrote)."""
    return text[1:] if text.startswith("'") and text[1:].startswith(FORMULA_START) else text


#: Characters that reorder what a terminal shows (bidirectional overrides and isolates, "Trojan Source").
BIDI_CONTROLS = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def printable(text: str) -> str:
    """Text without control characters (line breaks and tabs kept) or bidirectional overrides."""
    if text.isprintable():  # no control or format character at all (the bidirectional ones are format): as is
        return text
    return "".join(c for c in text if c in "\n\t" or (unicodedata.category(c) != "Cc" and c not in BIDI_CONTROLS))
