"""The plan as an affine map: every figure a what-if shows, as its value in the plan plus the effect of one
point along each lever (docs/method.md §8).

Every figure is linear in the block rates (growth and contributions, docs/method.md §1; levels at current
prices for fixed deflators and population, §6; a published figure is a constant), and a what-if moves the
rates along the levers' directions (``overrides.direction``). So a what-if is: solve the small system that
makes every override hold, then add the levers' effects. This map is the one what-if engine of every place
where a reader edits rates and cannot call the library (the HTML report's page, ``render/whatif.js``): the
page resolves the overrides and multiplies; ``grdp-scenario whatif`` gives the same figures.

A lever the CLI would refuse is in the map with the fact that refuses it, so the page refuses what the CLI
refuses, for the same reason.
"""

from __future__ import annotations

from dataclasses import field
from typing import Any, Mapping, Sequence

from . import periods
from .dataclass import dataclass
from .economy import Economy
from .errors import Fact, InputError
from .evaluate import PeriodResult, period_result
from .overrides import allowed_items, allowed_periods, direction, moved, require_open
from .values import HUGE, RATE_MAX


def figure_values(economy: Economy, goals: Sequence) -> dict[str, float]:
    """Every figure a what-if shows, by name: ``P.ITEM`` growth (GRDP and sectors) of each computable
    period, ``contribution.P.ITEM`` its contributions, ``rate.B.ITEM`` each block's rates and ``grdp.B`` its
    GRDP (given or from its sectors), ``goal.I`` the value of each goal."""
    out: dict[str, float] = {}
    for p in periods.REPORTED:
        res: PeriodResult = period_result(economy, p)
        if not res.computable:
            continue
        out[f"{p}.grdp"] = res.grdp
        for k, v in res.sectors.items():
            out[f"{p}.{k}"] = v
        for k, v in res.contributions.items():
            out[f"contribution.{p}.{k}"] = v
    for b in economy.blocks:
        out[f"grdp.{b.name}"] = economy.block_grdp(b)
        for k, v in b.rates.items():
            out[f"rate.{b.name}.{k}"] = v
    for i, g in enumerate(goals):
        value = g.value(economy)
        if value is not None:
            out[f"goal.{i}"] = value
    return out


@dataclass(frozen=True)
class AffineMap:
    """Figures in the plan, and per lever (``P.ITEM``) the points each figure gains per point of it."""

    names: tuple[str, ...]
    baseline: tuple[float, ...]
    effects: Mapping[str, tuple[float, ...]]
    #: Levers the CLI refuses before solving, with why: on a block that is a fact (``lever-fixed``), a value
    #: the data cannot give (``override-unknown-value``), or no direction (a GRDP-only block, a rate the
    #: block lacks, a child with no stated share).
    refused: Mapping[str, Fact] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "names": list(self.names),
            "baseline": list(self.baseline),
            "effects": {k: list(v) for k, v in self.effects.items()},
            "refused": {k: f.to_json() for k, f in self.refused.items()},
            "rate_max": RATE_MAX,
            "huge": HUGE,
        }


def _refusal(economy: Economy, period: str, item: str) -> tuple[Fact | None, dict | None]:
    """Why ``resolve`` would refuse a set on this lever (in its order of checks), or its direction."""
    lever = f"{period}.{item}"
    try:
        require_open(economy, period, item, lever)
    except InputError as exc:
        return exc.fact, None
    res = period_result(economy, period)
    if (res.grdp if item == "grdp" else res.sectors.get(item)) is None:
        return Fact("override-unknown-value", period=period, item=item, blocks=tuple(economy.block_names)), None
    try:
        return None, direction(economy, period, item)
    except InputError as exc:
        return exc.fact, None


def affine_map(economy: Economy, goals: Sequence) -> AffineMap:
    """The map of ``economy`` over every lever ``whatif --set`` accepts: each lever stepped one point along
    its direction, exact for figures linear in the rates."""
    base = figure_values(economy, goals)
    names = tuple(base)
    effects, refused = {}, {}
    for period in allowed_periods(economy):
        for item in allowed_items(economy):
            lever = f"{period}.{item}"
            why, moves = _refusal(economy, period, item)
            if why is not None:
                refused[lever] = why
                continue
            stepped = figure_values(moved(economy, moves), goals)
            effects[lever] = tuple(stepped[n] - base[n] for n in names)
    return AffineMap(names, tuple(base[n] for n in names), effects, refused)
