"""Build targets from a goal: the rates of the blocks not yet actual, shaped by a profile (docs/method.md §10).

A profile gives every target block and sector a starting rate and a shape, and the targets are
``start + level × shape``, one level per sector:

- ``rising``: from the latest rate the year has shown (the last actual, estimated or published block; the
  base year's growth if none), up by equal steps through the remaining blocks (1, 2, … steps), as
  Vietnamese plans usually rise towards the fourth quarter;
- ``uplift``: the base year's growth in the same block, plus the same points in every block;
- ``scaled``: the base year's growth in the same block, times the same factor.

The base year's growth in a block is the plan's ``base_year_block_growth`` for that block; without it, the
base year's growth for the whole year (``base_year_growth``) stands for every block. First one level common
to every sector makes the year's GRDP goal hold exactly; then each sector that has a goal of its own (or a
milestone that needs more) rises by the least its goals need (``leastsquares.smallest_change``), and the
targets are rounded to the printed precision so that the printed figures meet every goal (``printed``).
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Mapping, Sequence

from .analysis import effects, figure_value
from .dataclass import dataclass
from .economy import Economy
from .errors import InputError
from .evaluate import value_of
from .goals import Goal, find, growth_goal
from .leastsquares import smallest_change
from .overrides import open_blocks, require_item, require_period, with_descendants
from .printed import printed_decimals, round_to_print
from .reconcile import Change, changes_of, goal_rows, raise_unreachable
from .values import parse_rate, split_assignment

PROFILES = ("rising", "uplift", "scaled")
#: Where a profile's starting rates came from, for the notes.
FROM_BLOCK, FROM_YEAR, FROM_LATEST = "base-year-block", "base-year", "latest"


@dataclass(frozen=True)
class Built:
    economy: Economy
    changes: tuple[Change, ...]
    profile: str
    goals: tuple[Goal, ...]
    #: The level common to every sector that meets the headline goal exactly (points, or a factor for scaled).
    level: float
    #: Each block's starting rates: from FROM_BLOCK, FROM_YEAR or FROM_LATEST.
    sources: Mapping[str, str]
    decimals: int


@dataclass(frozen=True)
class Shape:
    """rate[b, s] = start[b][s] + level[s] × shape[b][s]"""

    start: Mapping[str, Mapping[str, float]]
    shape: Mapping[str, Mapping[str, float]]
    sources: Mapping[str, str]


def build(
    economy: Economy,
    goals: Sequence[Goal],
    profile: str = "rising",
    base_growth: Mapping[str, float] | None = None,
    base_block_growth: Mapping[str, Mapping[str, float]] | None = None,
    hold: Sequence[str] = (),
) -> Built:
    """Targets for the open blocks meeting ``goals`` (the FY GRDP goal exactly, the others as minimums).
    The top-level sectors in ``hold`` keep their starting path (their trend: the latest rates, or the base
    year's) and take no share of the common level; they rise only as far as goals of their own need."""
    if profile not in PROFILES:
        raise InputError("item-unknown", where="--profile", value=profile, allowed=PROFILES, fix="fix-one-of")
    blocks = open_blocks(economy)
    if not blocks:
        raise InputError("build-nothing-open", blocks=tuple(economy.block_names), fix="fix-build-nothing-open")
    headline = find(goals, "FY", "grdp")
    if headline is None:
        raise InputError("goal-not-set", where="--goal", period="FY", item="grdp", fix="fix-goal-not-set")
    shape = shape_of(economy, blocks, profile, base_growth or {}, base_block_growth or {})
    items = {b: list(shape.start[b]) for b in blocks}
    # A block that gives GRDP only (no sector rates) is built in GRDP: one more level, its own.
    top_items = list(economy.top) + (["grdp"] if any("grdp" in items[b] for b in blocks) else [])
    for key in hold:
        if key not in economy.top:
            raise InputError("item-unknown", where="--hold", value=key, allowed=tuple(economy.top), fix="fix-one-of")
    held = set(hold)
    if held >= set(top_items):
        raise InputError("build-all-held", where="--hold", fix="fix-build-all-held")
    moving = {s: 0.0 if s in held else 1.0 for s in top_items}  # a held sector keeps its trend
    zero = _with_levels(economy, shape, {s: 0.0 for s in top_items})
    one = _with_levels(economy, shape, moving)
    goal = headline.minimum
    per_level = value_of(one, "FY", "grdp") - value_of(zero, "FY", "grdp")
    if per_level <= 1e-12:
        raise InputError("build-nothing-open", blocks=tuple(economy.block_names), fix="fix-build-nothing-open")
    level = (goal - value_of(zero, "FY", "grdp")) / per_level
    common = _with_levels(economy, shape, {s: level * moving[s] for s in top_items})
    # Each sector's own rise above the common level: along its shape, children with it.
    rows, skipped = goal_rows(common, goals)
    if skipped:
        period, item = skipped[0]
        raise InputError("goal-not-computable", where="--item", period=period, item=item, fix="fix-goal-not-computable")
    rises = []
    for s in top_items:
        keys = ["grdp"] if s == "grdp" else with_descendants(economy, s)
        moves = {b: {k: shape.shape[b][k] for k in keys if k in shape.shape[b]} for b in blocks}
        rises.append((s, moves))
    a, d = effects(common, [m for _, m in rises], rows)
    raise_unreachable(rows, a, d, ())
    extra = smallest_change(a, d, [1.0] * len(rises))
    levels = {s: level * moving[s] for s in top_items}
    for (s, _), x in zip(rises, extra):
        for k in ["grdp"] if s == "grdp" else with_descendants(economy, s):
            if k in levels:
                levels[k] += float(x)
    exact = _with_levels(economy, shape, levels)
    free = [(b, s) for b in blocks for s in items[b]]
    reference = {f: figure_value(exact, *f) for f in free}
    decimals = printed_decimals(economy, blocks)
    printed = round_to_print(exact, economy, free, reference, [1.0] * len(free), rows, decimals)
    return Built(
        printed.economy,
        changes_of(economy, exact, printed),
        profile,
        tuple(goals),
        level,
        shape.sources,
        decimals,
    )


def parse_goals(
    economy: Economy,
    goal: object,
    items: Sequence[str],
    plan_goals: Sequence[Goal] = (),
    drop: Sequence[str] = (),
) -> tuple[Goal, ...]:
    """The goals a build meets: the plan's own (each stays a minimum unless ``drop`` names it, PERIOD.ITEM or
    ITEM for FY), ``--goal RATE`` in place of the year's GRDP goal and ``--item KEY=RATE`` or
    ``--item PERIOD.KEY=RATE`` in place of or beside the others, checked. Goals given on the command line
    are stated thresholds: exact, carrying no rounding."""
    dropped = set()
    for text in drop:
        period, dot, item = text.rpartition(".")
        period = period if dot else "FY"
        if find(plan_goals, period, item) is None:
            raise InputError("goal-not-set", where="--drop", period=period, item=item, fix="fix-drop-goal-not-set")
        dropped.add((period, item))
    goals = [g for g in plan_goals if (g.period, g.item) not in dropped]

    def put(new: Goal, given: set) -> None:
        if (new.period, new.item) in given:
            raise InputError("goal-twice", where="--item", goal=f"{new.period}.{new.item}", fix="fix-keep-one-goal")
        given.add((new.period, new.item))
        goals[:] = [g for g in goals if (g.period, g.item) != (new.period, new.item)] + [new]

    given: set = set()
    if goal is not None:
        put(growth_goal("FY", "grdp", parse_rate(goal, "--goal")), given)
    if find(goals, "FY", "grdp") is None:
        raise InputError("goal-not-set", where="--goal", period="FY", item="grdp", fix="fix-goal-not-set")
    for text in items:
        target, raw = split_assignment(text, "--item")
        period, dot, item = target.rpartition(".")
        period = period if dot else "FY"
        require_period(economy, period, "--item")
        require_item(economy, item, "--item")
        put(growth_goal(period, item, parse_rate(raw, "--item")), given)
    head = find(goals, "FY", "grdp")
    return (head, *(g for g in goals if g is not head))


def shape_of(
    economy: Economy,
    blocks: list[str],
    profile: str,
    base_growth: Mapping[str, float],
    base_block_growth: Mapping[str, Mapping[str, float]],
) -> Shape:
    """Each open block's starting rates and shape under ``profile``; which sectors each block gets: every
    top-level sector, and the children the block already gives."""
    start: dict[str, dict[str, float]] = {}
    shape: dict[str, dict[str, float]] = {}
    sources: dict[str, str] = {}
    latest = _latest_rates(economy)
    # A plan of GRDP only (no block gives sectors) is built in GRDP; otherwise every block gets sectors.
    in_sectors = any(b.rates for b in economy.blocks)
    for step, name in enumerate(blocks, start=1):
        block = economy.block(name)
        keys = [s for s in economy.sector_keys if economy.parents[s] is None or s in block.rates]
        keys = keys if in_sectors else ["grdp"]
        if profile == "rising":
            known = {s: _inherited(economy, latest, s) for s in keys}
            if all(v is not None for v in known.values()):
                start[name], sources[name] = known, FROM_LATEST
            else:
                start[name], sources[name] = _base_rates(economy, name, keys, base_growth, base_block_growth)
            shape[name] = {s: float(step) for s in keys}
            continue
        base, sources[name] = _base_rates(economy, name, keys, base_growth, base_block_growth)
        if profile == "uplift":
            start[name], shape[name] = base, {s: 1.0 for s in keys}
        else:  # scaled
            low = [s for s in keys if base[s] <= 0]
            if low:
                raise InputError(
                    "build-scaled-needs-growth", block=name, item=low[0], value=base[low[0]], fix="fix-build-scaled"
                )
            start[name], shape[name] = {s: 0.0 for s in keys}, base
    return Shape(start, shape, sources)


def _base_rates(economy, name, keys, base_growth, base_block_growth) -> tuple[dict[str, float], str]:
    """The base year's growth of the block by sector: by block where the plan gives it, else for the year."""
    by_block = base_block_growth.get(name, {})
    source = FROM_BLOCK if by_block else FROM_YEAR
    figures = by_block or base_growth
    out = {}
    for s in keys:
        value = _inherited(economy, figures, s)
        if value is None and by_block:
            value = _shifted(economy, s, by_block, base_growth)
        if value is None:
            raise InputError("build-needs-base-growth", block=name, item=s, fix="fix-build-needs-base-growth")
        out[s] = value
    return out, source


def _shifted(economy: Economy, key: str, by_block: Mapping[str, float], year: Mapping[str, float]) -> float | None:
    """A sector's growth in a block where the base year published only the block's GRDP (a province's
    quarterly release): the sector's growth for the year, moved by as many points as the block's GRDP
    differs from the year's. The quarterly path of GRDP, carried by every sector alike."""
    own, grdp_year = _inherited(economy, year, key), year.get("grdp")
    if own is None or grdp_year is None or "grdp" not in by_block:
        return None
    return own + by_block["grdp"] - grdp_year


def _inherited(economy: Economy, figures: Mapping[str, float], key: str) -> float | None:
    """A sector's figure, or its parent's for a child without one of its own."""
    while key is not None:
        if key in figures:
            return figures[key]
        key = economy.parents.get(key)
    return None


def _latest_rates(economy: Economy) -> dict[str, float]:
    """Each sector's rate in the latest block that is not a target (what the year has shown so far)."""
    out: dict[str, float] = {}
    targets = open_blocks(economy)
    for block in economy.blocks:  # in the order of the year
        if block.name not in targets:
            out.update(block.rates)
            out["grdp"] = economy.block_grdp(block)
    return out


def _with_levels(economy: Economy, shape: Shape, levels: Mapping[str, float]) -> Economy:
    """The economy with rate = start + level × shape in every open block; a printed block GRDP follows its
    sectors (a built block has no residual)."""
    for name, start in shape.start.items():
        block = economy.block(name)
        if list(start) == ["grdp"]:  # a block of GRDP only: its GRDP is the figure built
            grdp = start["grdp"] + levels["grdp"] * shape.shape[name]["grdp"]
            economy = economy.replace_block(replace(block, grdp=grdp))
            continue
        rates = {}
        for s, base in start.items():
            parent_level = levels.get(s)
            if parent_level is None:  # a child follows its top-level ancestor's level
                top = s
                while economy.parents[top] is not None:
                    top = economy.parents[top]
                parent_level = levels[top]
            rates[s] = base + parent_level * shape.shape[name][s]
        new = replace(block, rates=MappingProxyType(rates))
        if block.grdp is not None:
            new = replace(new, grdp=economy.sector_grdp(new))
        economy = economy.replace_block(new)
    return economy
