"""Blocks and periods of a year, as sets of quarters.

A *block* is a contiguous run of quarters for which data exist (docs/method.md §1); a *period*
is any union of blocks we report. Growth over a period is always measured against the
same period of the base year (Decision 05/2023/QĐ-TTg, indicator T0501), so periods are
just sets of quarters and every aggregate is a weighted average over them.
"""

from __future__ import annotations

from .errors import Fact

QUARTERS_OF: dict[str, frozenset[int]] = {
    "Q1": frozenset({1}),
    "Q2": frozenset({2}),
    "Q3": frozenset({3}),
    "Q4": frozenset({4}),
    "H1": frozenset({1, 2}),
    "H2": frozenset({3, 4}),
    "9M": frozenset({1, 2, 3}),
    "FY": frozenset({1, 2, 3, 4}),
}

#: The periods reported (every computable one of these, docs/method.md §9), in the order
#: of the plan's appendix: quarters and half-years as they come, then the cumulative columns.
REPORTED = ("Q1", "Q2", "H1", "Q3", "Q4", "9M", "H2", "FY")
#: Cumulative periods the statistics office publishes, from the start of the year.
CUMULATIVE = ("H1", "9M", "FY")

NAMES = tuple(QUARTERS_OF)


def quarters(period: str) -> frozenset[int]:
    return QUARTERS_OF[period]


def is_contiguous(period: str) -> bool:
    q = sorted(QUARTERS_OF[period])
    return q == list(range(q[0], q[-1] + 1))


def name_of(qs: frozenset[int]) -> str | None:
    """The period name for a set of quarters, if it has one (Q1+Q3 has none)."""
    for name, q in QUARTERS_OF.items():
        if q == qs:
            return name
    return None


def sort_key(period: str) -> tuple[int, int]:
    q = QUARTERS_OF[period]
    return (max(q), len(q))


def partition_problem(blocks: list[str]) -> Fact | None:
    """Why these blocks do not partition the year, or None if they do."""
    seen: dict[int, str] = {}
    for b in blocks:
        for q in sorted(QUARTERS_OF[b]):
            if q in seen:
                return Fact("blocks-overlap", block=b, other=seen[q], quarter=f"Q{q}")
            seen[q] = b
    missing = [f"Q{q}" for q in (1, 2, 3, 4) if q not in seen]
    if missing:
        return Fact("quarters-uncovered", quarters=tuple(missing))
    return None
