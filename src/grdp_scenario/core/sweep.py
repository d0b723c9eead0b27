"""A grid over one or two rates, vectorised.

Each point is the what-if that sets the axes' levers to the point's rates, resolved by the override rule
(overrides.resolve). That resolution is linear in the rates it sets, so the goal over the whole grid is
the baseline plus an outer sum of weighted steps (numpy), never a Python loop per point. The weights
are measured jointly, through the same resolution: two levers that move separate rates simply add;
levers that overlap (a block's GRDP and one of its sectors, H2 and Q4) get the weights the override rule
gives them together, so every point equals ``whatif`` with the same ``--set``s.
"""

from __future__ import annotations

import math
from dataclasses import replace
from typing import Any

from .dataclass import dataclass
from .economy import Economy
from .errors import InputError
from .evaluate import value_of
from .overrides import Override, make_override, require_open, resolve
from .rounding import noise
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
    weight: float = float("nan")  # points of the goal per point of this axis, the other axis held

    @property
    def name(self) -> str:
        return f"{self.period}.{self.item}"

    @property
    def count(self) -> int:
        """Points from start by step up to the stop, never past it (a step that does not divide the range
        stops short); a stop a hair short of a whole step (binary noise) still counts that step."""
        steps = (self.stop - self.start) / self.step
        return math.floor(steps + 1e-9 * max(1.0, steps)) + 1

    def values(self):
        import numpy as np

        return np.linspace(self.start, self.start + (self.count - 1) * self.step, self.count)


def parse_axis(text: str, economy: Economy, counterfactual: bool = False) -> Axis:
    target, sep, spec = text.partition("=")
    period, dot, item = target.strip().partition(".")
    parts = spec.split(":")
    if not sep or not dot or len(parts) != 3:
        raise InputError("vary-form", where="--vary", value=text, fix="fix-vary-form")
    period, item = period.strip(), item.strip()
    make_override("set", period, item, "0", economy, "--vary")  # names what is allowed if it is not
    if not counterfactual:
        require_open(economy, period, item, "--vary")
    start, stop, step = (parse_number(p, "--vary") for p in parts)
    if step <= 0 or stop < start:
        raise InputError("vary-range", where="--vary", value=spec, fix="fix-vary-form")
    steps = (stop - start) / step
    if not math.isfinite(steps):  # a denormal step: more points than a number holds
        raise InputError("vary-step-too-small", where="--vary", value=spec, limit=MAX_POINTS, fix="fix-vary-too-many")
    if steps + 1 > MAX_POINTS:
        raise InputError("vary-too-many", where="--vary", points=steps + 1, limit=MAX_POINTS, fix="fix-vary-too-many")
    check_rate(start, "--vary")
    current = value_of(economy, period, item)
    if current is None:
        raise InputError(
            "override-unknown-value",
            where="--vary",
            period=period,
            item=item,
            blocks=tuple(economy.block_names),
            fix="fix-override-unknown-value",
        )
    return Axis(period, item, start, stop, step, current)


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

    def to_dict(self) -> dict[str, Any]:
        met = self.grid >= self.goal - noise(self.goal)  # the one goal rule (rounding.reaches)
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
            # the second axis does not move the goal (the override rule gives it no effect beside the first)
            x = a[0].current + base / a[0].weight if a[0].weight else None
            return {"line": None, a[0].name: x}
        slope = -a[0].weight / a[1].weight
        intercept = a[1].current + (base + a[0].weight * a[0].current) / a[1].weight
        return {"line": {"y": a[1].name, "x": a[0].name, "intercept": intercept, "slope": slope}}

    def frame(self):
        """The full grid as a DataFrame: one column per axis, the goal's value and whether it is met (a file
        is streamed instead: inputs/grid.py)."""
        import numpy as np
        import pandas as pd

        mesh = np.meshgrid(*[a.values() for a in self.axes], indexing="ij")
        data = {a.name: m.ravel() for a, m in zip(self.axes, mesh)}
        data[f"{self.goal_period}.{self.goal_item}"] = self.grid.ravel()
        data["goal_met"] = self.grid.ravel() >= self.goal - noise(self.goal)
        return pd.DataFrame(data)


def sweep(
    economy: Economy,
    axes: list[Axis],
    goal: float,
    goal_period: str = "FY",
    goal_item: str = "grdp",
    counterfactual: bool = False,
) -> SweepResult:
    import numpy as np

    if not 1 <= len(axes) <= 2:
        raise InputError("vary-count", where="--vary", count=len(axes), fix="fix-vary-count")
    total = 1
    for a in axes:
        total *= a.count
    if total > MAX_POINTS:
        raise InputError("vary-too-many", where="--vary", points=total, limit=MAX_POINTS, fix="fix-vary-too-many")

    def at(points: list[float]) -> float:
        overrides = [Override("set", a.period, a.item, x) for a, x in zip(axes, points)]
        try:
            return value_of(resolve(economy, overrides, counterfactual), goal_period, goal_item)
        except InputError as exc:
            exc.where = exc.where or "--vary"  # the levers come from --vary, whatever resolve says
            raise

    here = [a.current for a in axes]
    baseline = at(here)
    axes = [
        replace(a, weight=at([x + (1.0 if i == k else 0.0) for i, x in enumerate(here)]) - baseline)
        for k, a in enumerate(axes)
    ]
    grid = np.full((), baseline)
    for a in axes:
        step = a.weight * (a.values() - a.current)
        grid = np.add.outer(grid, step) if grid.ndim else baseline + step
    return SweepResult(axes, goal, goal_period, goal_item, baseline, grid)
