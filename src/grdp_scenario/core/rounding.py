"""Rounding as intervals: a number printed with d decimals stands for [v − ½·10⁻ᵈ, v + ½·10⁻ᵈ].

A relation between printed numbers holds exactly, holds within their rounding, or fails; we decide by
the intervals, never by a fixed tolerance (a one-unit difference between printed integers is often
rounding: 9 223 vs 264 + … may be, 9 007 vs 5 432 is not). ``goal_verdict`` is the one rule by which
``check`` and the audit judge a goal (docs/method.md §7).
"""

from __future__ import annotations

from .dataclass import dataclass

EXACT = "exact"
ROUNDING = "rounding"
FAIL = "fail"
#: What floating-point sums may miss by (points): far below any printed precision.
EPS = 1e-9


@dataclass(frozen=True)
class Printed:
    value: float
    decimals: int | None  # None: not printed (computed), exact

    @property
    def half(self) -> float:
        return half_unit(self.decimals)


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


MET = "met"
WITHIN_ROUNDING = "within_rounding"
MISSED = "missed"
#: The data cannot give the goal's value yet (a GRDP-only figure for sector goals): never counted as missed.
UNKNOWN = "unknown"


def half_unit(decimals: int | None) -> float:
    """Half a unit in the last printed place: what rounding may hide (0 for a computed number)."""
    return 0.0 if decimals is None else 0.5 * 10 ** (-decimals)


def noise(minimum: float, relative: bool = False) -> float:
    """What floating-point sums may miss a goal by: EPS points for a rate; for a level (billions of VND),
    EPS relative to the goal."""
    return EPS * max(1.0, abs(minimum)) if relative else EPS


def reaches(value: float | None, minimum: float, relative: bool = False) -> bool:
    """A minimum met at full precision: short by no more than floating-point noise is the goal itself."""
    return value is not None and value >= minimum - noise(minimum, relative)


class Judged:
    """A goal's value judged against its minimum by the one rule (``reaches``, ``goal_verdict``): mixed into
    every kind of goal result, which gives ``value``, ``min``, ``slack`` and ``relative``."""

    value: float | None
    min: float
    slack: float

    @property
    def relative(self) -> bool:
        return False

    @property
    def met(self) -> bool:
        return reaches(self.value, self.min, self.relative)

    #: The range the value may take where the base volumes are estimated (None: they are given).
    spread: tuple[float, float] | None = None

    @property
    def verdict(self) -> str:
        """met | within_rounding | missed | unknown (docs/method.md §7)."""
        return goal_verdict(self.value, self.min, self.slack, self.relative, self.spread)

    @property
    def margin(self) -> float | None:
        return None if self.value is None else self.value - self.min


def goal_verdict(
    value: float | None, minimum: float, slack: float, relative: bool = False, spread: tuple | None = None
) -> str:
    """A minimum goal: met at full precision; within rounding when short by no more than ``slack`` (the
    rounding of the figures the value comes from, plus the goal's own); missed otherwise; unknown when the
    data cannot give the value. Where the base volumes are estimated, ``spread`` is the range the value may
    take: a goal that this range could flip is within rounding, never met or missed (contract §3)."""
    if value is None:
        return UNKNOWN
    low, high = spread if spread is not None else (value, value)
    if reaches(low, minimum, relative):
        return MET
    if reaches(high, minimum, relative):
        return WITHIN_ROUNDING
    return WITHIN_ROUNDING if minimum - high <= slack + noise(minimum, relative) else MISSED
