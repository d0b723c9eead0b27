"""Rounding as intervals: a number printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].

A relation between printed numbers holds exactly, holds within their rounding, or fails; we decide by
the intervals, never by a fixed tolerance (a one-unit difference between printed integers is often
rounding: 9 223 vs 264 + … may be, 9 007 vs 5 432 is not).
"""

from __future__ import annotations

from dataclasses import dataclass

EXACT = "exact"
ROUNDING = "rounding"
FAIL = "fail"
EPS = 1e-9


@dataclass(frozen=True)
class Printed:
    value: float
    decimals: int | None  # None: not printed (computed), exact

    @property
    def half(self) -> float:
        return 0.0 if self.decimals is None else 0.5 * 10 ** (-self.decimals)


def equal(lhs: float, rhs: float, slack: float) -> str:
    """lhs = rhs, each side's rounding adding up to ``slack``."""
    diff = abs(lhs - rhs)
    if diff <= EPS:
        return EXACT
    return ROUNDING if diff <= slack + EPS else FAIL


def at_most(lhs: float, rhs: float, slack: float) -> str:
    if lhs <= rhs + EPS:
        return EXACT
    return ROUNDING if lhs - rhs <= slack + EPS else FAIL


def total_half(values: list[Printed]) -> float:
    return sum(v.half for v in values)
