"""Targets at the plan's printed precision that still meet every goal: controlled rounding (docs/method.md §10).

A solution of ``leastsquares.smallest_change`` meets the goals with unrounded rates; the plan prints two
decimals, and a goal met by 12.6200 may be missed by the printed 12.62 once its parts are rounded to the
nearest hundredth. Controlled rounding takes each changed rate to one of the two printed values beside it
(its floor or its ceiling on the grid of the printed precision), choosing the combination that is closest to
the reference rates (weighted as the solve was) among those whose *printed* figures meet every goal. A
block's GRDP that the plan prints is rounded to the nearest printed value of what its rates give, as the
statistics office rounds it. Raising a rate never lowers a goal's value, so a branch whose remaining rates at
their ceilings miss a goal is cut; a small branch-and-bound over the choices is exact for a plan's few rates.
"""

from __future__ import annotations

import math
from dataclasses import replace
from types import MappingProxyType
from typing import Mapping, Sequence

from .analysis import effects, figure_value
from .dataclass import dataclass
from .economy import Economy
from .goals import PERCENT, Goal
from .overrides import moved
from .rounding import noise

Figure = tuple[str, str]  # (block, item); item "grdp" for a block's GRDP
#: The branch-and-bound looks at no more choices than this (a plan has a dozen changed rates; the best
#: combination found so far is kept, and it always meets every goal).
MAX_NODES = 20_000


@dataclass(frozen=True)
class PrintedTargets:
    """The economy with its changed figures at printed precision, and those figures."""

    economy: Economy
    figures: Mapping[Figure, float]  # every rate or block GRDP that differs from the input economy
    decimals: int


def on_grid(value: float, decimals: int) -> tuple[int, int]:
    """The printed values beside ``value``, in units of the last printed place: (floor, ceiling)."""
    scaled = value * 10**decimals
    nearest = round(scaled)
    if abs(scaled - nearest) < 1e-6:  # already printed at this precision (up to the binary representation)
        return nearest, nearest
    return math.floor(scaled), math.floor(scaled) + 1


def nearest_printed(value: float, decimals: int) -> int:
    """Rounded half up to ``decimals``, in units of the last place (a tie goes to the higher minimum)."""
    return math.floor(value * 10**decimals + 0.5 + 1e-9)


def printed_decimals(economy: Economy, blocks: Sequence[str], default: int = 2) -> int:
    """The plan's printed precision for these blocks: the most decimals any of their figures shows, and at
    least ``default``."""
    halves = [h for b in economy.blocks if b.name in blocks for h in b.halves.values() if h > 0]
    if not halves:
        return default
    return max(default, max(round(-math.log10(2 * h)) for h in halves))


def round_to_print(
    exact: Economy,
    original: Economy,
    free: Sequence[Figure],
    reference: Mapping[Figure, float],
    weights: Sequence[float],
    goals: Sequence[Goal],
    decimals: int,
) -> PrintedTargets:
    """The closest printed figures (Σ w·(printed − reference)²) meeting every goal, from the exact solution.

    ``exact`` holds the unrounded rates of the ``free`` figures; ``original`` is the economy before any
    change, against which the changed figures are listed.
    """
    unit = 10.0**-decimals
    values = [figure_value(exact, *f) for f in free]
    grdp_blocks = _printed_grdp_blocks(exact, free)
    # The linear model around the exact solution: goal values per unit of each free figure, each block
    # GRDP per unit of each free figure, and goal values per unit of each printed block GRDP.
    start = [g.value(exact) for g in goals]
    per_goal, _ = effects(exact, [{block: {item: 1.0}} for block, item in free], goals)
    per_figure = [[row[j] for row in per_goal] for j in range(len(free))]
    grdp_per_figure = []
    for block, item in free:
        stepped = moved(exact, {block: {item: 1.0}})
        grdp_per_figure.append([stepped.block(b).grdp - exact.block(b).grdp for b in grdp_blocks])
    per_goal, _ = effects(exact, [{b: {"grdp": 1.0}} for b in grdp_blocks], goals)
    per_grdp = [[row[k] for row in per_goal] for k in range(len(grdp_blocks))]
    grdp_exact = [exact.block(b).grdp for b in grdp_blocks]

    def goal_values(units: Sequence[int]) -> list[float]:
        delta = [u * unit - v for u, v in zip(units, values)]
        out = [s + math.fsum(d * col[g] for d, col in zip(delta, per_figure)) for g, s in enumerate(start)]
        for k, g_exact in enumerate(grdp_exact):
            moved_grdp = g_exact + math.fsum(d * col[k] for d, col in zip(delta, grdp_per_figure))
            rounding = nearest_printed(moved_grdp, decimals) * unit - moved_grdp
            for g in range(len(out)):
                out[g] += rounding * per_grdp[k][g]
        return out

    def cost(j: int, units: int) -> float:
        return weights[j] * (units * unit - reference[free[j]]) ** 2

    choices = [on_grid(v, decimals) for v in values]

    # Met as evaluate judges it (value ≥ min − EPS), with half of EPS to spare for the order of the sums.
    def meets(units: Sequence[int]) -> bool:
        # half the noise check allows: the printed figures meet every goal by check's rule with room to spare
        return all(v >= g.minimum - noise(g.minimum, g.unit != PERCENT) / 2 for v, g in zip(goal_values(units), goals))

    units, extra = _branch_and_bound(choices, cost, meets), 0
    while units is None:  # every ceiling still short (a printed GRDP rounded down): allow steps up
        extra += 1
        if extra > 10:  # pragma: no cover - ten units above every exact rate meet any goal
            raise ArithmeticError("no printed figures meet the goals")
        units = _branch_and_bound([(lo, hi + extra) for lo, hi in choices], cost, meets, steps=True)
    return _printed(exact, original, free, units, grdp_blocks, decimals)


def _printed_grdp_blocks(economy: Economy, free: Sequence[Figure]) -> list[str]:
    """Blocks whose GRDP is printed beside their sectors and moves with a free sector rate."""
    names = []
    for block, item in free:
        b = economy.block(block)
        if b.grdp is not None and b.rates and item in economy.top and block not in names:
            names.append(block)
    return names


def _branch_and_bound(choices, cost, meets, steps: bool = False) -> list[int] | None:
    """The cheapest choice of one value per figure that ``meets`` the goals; None if none does.

    ``choices`` are (low, high) unit values: the floor and ceiling, or with ``steps`` every value between.
    """
    options = [list(range(lo, hi + 1)) if steps else sorted({lo, hi}) for lo, hi in choices]
    n = len(options)
    order = sorted(range(n), key=lambda j: -abs(cost(j, options[j][-1]) - cost(j, options[j][0])))
    cheapest = [min(cost(j, u) for u in options[j]) for j in range(n)]
    rest = [0.0] * (n + 1)  # the least the figures after position k can cost
    for k in range(n - 1, -1, -1):
        rest[k] = rest[k + 1] + cheapest[order[k]]
    highest = [options[j][-1] for j in range(n)]
    if not meets(highest):
        return None
    best: list = [math.fsum(cost(j, highest[j]) for j in range(n)), list(highest)]
    chosen = list(highest)
    nodes = [0]

    def visit(k: int, spent: float) -> None:
        nodes[0] += 1
        if spent + rest[k] >= best[0] - 1e-15 or nodes[0] > MAX_NODES:
            return
        if k == n:
            best[0], best[1] = spent, list(chosen)
            return
        j = order[k]
        for u in sorted(options[j], key=lambda u: cost(j, u)):
            chosen[j] = u
            if meets(chosen):  # the figures not yet chosen stand at their highest: a miss here is final
                visit(k + 1, spent + cost(j, u))
        chosen[j] = highest[j]

    visit(0, 0.0)
    return best[1]


def _printed(
    exact: Economy, original: Economy, free: Sequence[Figure], units: Sequence[int], grdp_blocks, decimals: int
) -> PrintedTargets:
    unit = 10.0**-decimals
    economy = exact
    figures: dict[Figure, float] = {}
    by_block: dict[str, dict[str, float]] = {}
    for (block, item), u in zip(free, units):
        by_block.setdefault(block, {})[item] = round(u * unit, decimals)
    for name, items in by_block.items():
        b = economy.block(name)
        if b.rates:
            rates = {**b.rates, **items}
            economy = economy.replace_block(replace(b, rates=MappingProxyType(rates)))
        else:
            economy = economy.replace_block(replace(b, grdp=items["grdp"]))
    for name in grdp_blocks:
        # the printed GRDP: what the printed rates give, with the block's residual, rounded as printed
        b, before = economy.block(name), exact.block(name)
        moved_grdp = before.grdp + economy.sector_grdp(b) - exact.sector_grdp(before)
        economy = economy.replace_block(replace(b, grdp=round(nearest_printed(moved_grdp, decimals) * unit, decimals)))
    for block in economy.blocks:
        old = original.block(block.name)
        for item, rate in block.rates.items():
            if old.rates.get(item) != rate:
                figures[(block.name, item)] = rate
        if block.grdp is not None and block.grdp != old.grdp:
            figures[(block.name, "grdp")] = block.grdp
    return PrintedTargets(economy, MappingProxyType(figures), decimals)
