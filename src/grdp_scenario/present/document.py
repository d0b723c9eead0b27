"""What commands produce and renderers show: a document of tables, a verdict and notes.

Commands build a Document (views/), renderers (render/) turn it into text, the CLI prints it and
turns ``exit_code`` into the process's exit code. Nothing here knows about the terminal.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Callable

from ..core.dataclass import dataclass


@dataclass(frozen=True)
class Cell:
    """A formatted cell that keeps its raw value for machine formats."""

    text: str
    raw: Any = None
    style: str | None = None  # "good", "bad" or None

    def __str__(self) -> str:
        return self.text


@dataclass
class Table:
    key: str  # machine name, e.g. "growth"
    title: str
    columns: list[str]
    rows: list[list[Cell]] = field(default_factory=list)
    column_keys: list[str] | None = None  # machine names of the columns

    #: Columns (by key) to chart as bars over the rows, with an optional goal line: (title, keys, goal, the
    #: goal's name). The workbook draws it as a native chart beside the table; HTML has its own SVG charts.
    charts: list[tuple[str, list[str], float | None, str]] = field(default_factory=list)

    def numeric(self, i: int) -> bool:
        """Whether column ``i`` holds figures (shown right-aligned): any number in it, the first column (what a
        row is) never."""
        return i > 0 and any(
            isinstance(row[i].raw, (int, float)) and not isinstance(row[i].raw, bool) for row in self.rows
        )

    def add(self, *cells: Cell | str) -> None:
        self.rows.append([c if isinstance(c, Cell) else Cell(str(c), c) for c in cells])


@dataclass
class Document:
    title: str
    data: dict[str, Any]  # the JSON form (docs/method.md §9)
    tables: list[Table] = field(default_factory=list)
    verdict: str | None = None
    ok: bool | None = None  # colour of the verdict
    notes: list[str] = field(default_factory=list)
    exit_code: int = 0
    charts: list[tuple[str, str]] = field(default_factory=list)  # (title, inline SVG) for html
    #: One flat table for csv when the tables are not a natural long form (the audit's findings).
    records: list[dict[str, Any]] | None = None
    #: Makes the live model (views/live.py) for formats that recompute as the reader edits: the HTML page's
    #: what-if, the workbook's formulas. Made only when such a format asks (``live``); None where the
    #: document is a snapshot only.
    live_factory: Callable[[], dict[str, Any]] | None = None

    @property
    def live(self) -> dict[str, Any] | None:
        if self.live_factory is None:
            return None
        if "_live" not in self.__dict__:
            self.__dict__["_live"] = self.live_factory()
        return self.__dict__["_live"]

    @property
    def summary(self) -> str:
        return self.verdict or self.title
