"""A grid over one or two rates, vectorised: the goal is linear in each rate, so the whole grid is the
baseline plus an outer sum of weighted steps (numpy), never a Python loop per point."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import periods
from .analysis import goal_value, lever_weight
from .economy import Economy
from .errors import InputError
from .overrides import make_override
from .values import check_rate, parse_number

MAX_POINTS = 20_000_000


@dataclass(frozen=True)
class Axis:
    period: str
    item: str
    start: float
    stop: float
    step: float
    current: float
    weight: float

    @property
    def name(self) -> str:
        return f"{self.period}.{self.item}"

    @property
    def count(self) -> int:
        return int(round((self.stop - self.start) / self.step)) + 1

    def values(self):
        import numpy as np

        return np.linspace(self.start, self.start + (self.count - 1) * self.step, self.count)


def parse_axis(text: str, economy: Economy, goal_period: str, goal_item: str) -> Axis:
    target, sep, spec = text.partition("=")
    period, dot, item = target.strip().partition(".")
    parts = spec.split(":")
    if not sep or not dot or len(parts) != 3:
        raise InputError("vary-form", where="--vary", value=text, fix="fix-vary-form")
    make_override("set", period, item, "0", economy, "--vary")  # names what is allowed if it is not
    start, stop, step = (parse_number(p, "--vary") for p in parts)
    if step <= 0 or stop < start:
        raise InputError("vary-range", where="--vary", value=spec, fix="fix-vary-form")
    check_rate(start, "--vary")
    current = goal_value(economy, period, item)
    if current is None:
        raise InputError(
            "override-unknown-value",
            where="--vary",
            period=period,
            item=item,
            blocks=tuple(economy.block_names),
            fix="fix-override-unknown-value",
        )
    weight = lever_weight(economy, period, item, goal_period, goal_item)
    return Axis(period, item, start, stop, step, current, weight)


@dataclass
class SweepResult:
    axes: list[Axis]
    goal: float
    goal_period: str
    goal_item: str
    baseline: float
    grid: Any  # numpy array of the goal's value, one dimension per axis

    @property
    def points(self) -> int:
        return int(self.grid.size)

    def to_json(self) -> dict[str, Any]:
        met = self.grid >= self.goal
        out: dict[str, Any] = {
            "points": self.points,
            "goal": {"period": self.goal_period, "item": self.goal_item, "min": self.goal},
            "baseline": self.baseline,
            "share_meeting_goal": float(met.mean()),
            "min": float(self.grid.min()),
            "max": float(self.grid.max()),
            "vary": [
                {
                    "period": a.period,
                    "item": a.item,
                    "start": a.start,
                    "stop": a.stop,
                    "step": a.step,
                    "count": a.count,
                    "current": a.current,
                    "weight": a.weight,
                }
                for a in self.axes
            ],
            "boundary": self.boundary(),
        }
        return out

    def boundary(self) -> dict[str, Any]:
        """Where the goal is just met: 1 axis, a rate; 2 axes, a line second = intercept + slope × first."""
        base = self.goal - self.baseline
        a = self.axes
        if len(a) == 1:
            return {a[0].name: a[0].current + base / a[0].weight if a[0].weight else None}
        if not a[1].weight:
            return {"line": None}
        slope = -a[0].weight / a[1].weight
        intercept = a[1].current + (base + a[0].weight * a[0].current) / a[1].weight
        return {"line": {"y": a[1].name, "x": a[0].name, "intercept": intercept, "slope": slope}}

    def frame(self):
        """The full grid as a DataFrame: one column per axis, the goal's value and whether it is met."""
        import numpy as np
        import pandas as pd

        mesh = np.meshgrid(*[a.values() for a in self.axes], indexing="ij")
        data = {a.name: m.ravel() for a, m in zip(self.axes, mesh)}
        data[f"{self.goal_period}.{self.goal_item}"] = self.grid.ravel()
        data["goal_met"] = self.grid.ravel() >= self.goal
        return pd.DataFrame(data)


def sweep(
    economy: Economy, axes: list[Axis], goal: float, goal_period: str = "FY", goal_item: str = "grdp"
) -> SweepResult:
    import numpy as np

    if not 1 <= len(axes) <= 2:
        raise InputError("vary-count", where="--vary", count=len(axes), fix="fix-vary-count")
    if len(axes) == 2 and periods.quarters(axes[0].period) & periods.quarters(axes[1].period):
        raise InputError(
            "vary-overlap", where="--vary", first=axes[0].name, second=axes[1].name, fix="fix-vary-overlap"
        )
    total = 1
    for a in axes:
        total *= a.count
    if total > MAX_POINTS:
        raise InputError("vary-too-many", where="--vary", points=total, limit=MAX_POINTS, fix="fix-vary-too-many")
    baseline = goal_value(economy, goal_period, goal_item)
    grid = np.full((), baseline)
    for a in axes:
        step = a.weight * (a.values() - a.current)
        grid = np.add.outer(grid, step) if grid.ndim else baseline + step
    return SweepResult(axes, goal, goal_period, goal_item, baseline, grid)
