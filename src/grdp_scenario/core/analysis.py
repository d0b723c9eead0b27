"""Levers on a goal: how many points a goal moves per point of a rate, and what a rate must reach.

Every aggregate is linear in every block's rates (growth.weighted_growth), so a lever has one weight
(points of the goal per point of the lever) and the required rate has a closed form
(growth.required_rate). The weight is measured through the same code that applies a what-if, on the
real economy, so it follows children, given GRDP figures and unions exactly as ``whatif`` does.
"""

from __future__ import annotations

from . import periods
from .dataclass import dataclass
from .economy import Economy
from .errors import InputError
from .evaluate import value_of
from .growth import required_rate
from .overrides import direction, fixed_by, moved, open_blocks, require_item, require_period
from .values import check_rate, parse_number

#: A required rate this many points beyond anything the plan shows for that item gets a warning.
FAR_POINTS = 3.0


@dataclass(frozen=True)
class Lever:
    period: str  # a block, or a union of movable blocks
    item: str  # "grdp" (all sectors together) or a sector key
    current: float
    weight: float  # points of the goal per point of the lever


def lever_weight(economy: Economy, lever_period: str, lever_item: str, goal_period: str, goal_item: str) -> float:
    """∂goal/∂lever, exact for a linear function: move the lever one point along its direction
    (overrides.direction, the rule ``whatif`` follows) and look."""
    stepped = moved(economy, direction(economy, lever_period, lever_item))
    gained = value_of(stepped, goal_period, goal_item) - value_of(economy, goal_period, goal_item)
    return gained / (value_of(stepped, lever_period, lever_item) - value_of(economy, lever_period, lever_item))


def effects(economy: Economy, moves, goals) -> tuple[list[list[float]], list[float]]:
    """A (goals × moves: what each goal gains per unit of each move) and d (what each goal lacks), for goals
    as values (goals.Goal, any measure): exact, every measure being affine in the rates, each move applied as
    a what-if applies it (``overrides.moved``)."""
    now = [g.value(economy) for g in goals]
    columns = []
    for move in moves:
        stepped = moved(economy, move)
        columns.append([g.value(stepped) - v for g, v in zip(goals, now)])
    return [[col[g] for col in columns] for g in range(len(goals))], [g.minimum - v for g, v in zip(goals, now)]


def figure_value(economy: Economy, block: str, item: str) -> float:
    """A block's printed figure: its GRDP (given, or what its sectors give) or a sector rate."""
    b = economy.block(block)
    return economy.block_grdp(b) if item == "grdp" else b.rates[item]


def levers(
    economy: Economy,
    goal_period: str = "FY",
    goal_item: str = "grdp",
    blocks: list[str] | None = None,
    together: bool = True,
) -> list[Lever]:
    """Each movable block's GRDP and sectors, and all movable blocks together, with their weights."""
    if value_of(economy, goal_period, goal_item) is None:
        raise InputError(
            "goal-not-computable", where="--item", period=goal_period, item=goal_item, fix="fix-goal-not-computable"
        )
    names = blocks if blocks is not None else open_blocks(economy)
    out = []
    for name in names:
        block = economy.block(name)
        # a child without a stated share of its parent cannot be a lever (docs/method.md §1)
        items = ["grdp", *[s for s in economy.sector_keys if s in block.rates and s not in economy.proxied]]
        for item in items:
            current = value_of(economy, name, item)
            if current is None:
                continue
            w = lever_weight(economy, name, item, goal_period, goal_item)
            if abs(w) > 1e-12:
                out.append(Lever(name, item, current, w))
    if together and len(names) > 1:
        union = periods.name_of(frozenset().union(*(periods.quarters(n) for n in names)))
        if union is not None and union not in names:
            w = lever_weight(economy, union, "grdp", goal_period, goal_item)
            if abs(w) > 1e-12:
                out.append(Lever(union, "grdp", value_of(economy, union, "grdp"), w))
    return out


@dataclass(frozen=True)
class Solution:
    lever: Lever
    required: float
    #: ("above" | "below" | "impossible", points beyond, the bound) when far outside the data
    flag: tuple[str, float, float] | None = None

    @property
    def change(self) -> float:
        return self.required - self.lever.current


def highest_and_lowest(economy: Economy, item: str) -> tuple[float, float]:
    """The range of rates the data show for an item (GRDP: every block's GRDP and sector rate)."""
    values = []
    for b in economy.blocks:
        if item == "grdp":
            values.append(economy.block_grdp(b))
            values += list(b.rates.values())
        elif item in b.rates:
            values.append(b.rates[item])
    return max(values), min(values)


def solve(
    economy: Economy, goal: float, goal_period: str = "FY", goal_item: str = "grdp", blocks: list[str] | None = None
) -> tuple[float, list[Solution]]:
    """The gap to the goal, and for each lever the rate at which it alone meets the goal exactly.

    The request is checked here, where the library receives it, so a notebook and the CLI get the same
    error (named by its option: --goal, --for, --item, --period)."""
    goal = check_rate(parse_number(goal, "--goal"), "--goal")
    require_period(economy, goal_period, "--for")
    require_item(economy, goal_item, "--item")
    movable = open_blocks(economy)
    if isinstance(blocks, str):
        blocks = [blocks]
    for name in blocks or []:
        if name in economy.block_names and name not in movable:
            raise InputError(
                "lever-fixed",
                where="--period",
                lever=name,
                because=fixed_by(economy.block(name)),
                fix="fix-lever-fixed",
            )
        if name not in movable:
            raise InputError(
                "block-not-target", where="--period", value=name, allowed=tuple(movable), fix="fix-block-not-target"
            )
    current = value_of(economy, goal_period, goal_item)
    if current is None:
        raise InputError(
            "goal-not-computable", where="--item", period=goal_period, item=goal_item, fix="fix-goal-not-computable"
        )
    gap = goal - current
    out = []
    found = levers(economy, goal_period, goal_item, blocks)
    if not found and movable:  # (no target block at all: the year is published, nothing is left to move)
        raise InputError("no-lever", where="--for", period=goal_period, item=goal_item, fix="fix-no-lever")
    for lever in found:
        need = required_rate(lever.current, current, goal, lever.weight)
        out.append(Solution(lever, need, far_from_data(economy, lever.item, need)))
    return gap, out


def far_from_data(economy: Economy, item: str, rate: float) -> tuple[str, float, float] | None:
    """("above" | "below" | "impossible", points beyond, the bound) for a rate more than FAR_POINTS outside
    what the data show for the item, or at or below −100 %; None for a rate within reach of the data."""
    high, low = highest_and_lowest(economy, item)
    if rate <= -100:
        return ("impossible", -100 - rate, -100.0)
    if rate > high + FAR_POINTS:
        return ("above", rate - high, high)
    if rate < low - FAR_POINTS:
        return ("below", low - rate, low)
    return None
