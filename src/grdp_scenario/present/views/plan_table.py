"""The guide sheet of a plan table: what each column and section holds, in the reader's language."""

from __future__ import annotations

from ..wording import Wording

GUIDE = (
    "guide_intro",
    "guide_columns",
    "guide_plan",
    "guide_status",
    "guide_growth",
    "guide_goal",
    "guide_published",
    "guide_levels",
    "guide_indicators",
    "guide_numbers",
    "guide_import",
)


def guide_title(lang) -> str:
    return Wording(lang).label("guide_title")


def guide_lines(lang) -> list[str]:
    w = Wording(lang)
    return [w.label(key) for key in GUIDE]
