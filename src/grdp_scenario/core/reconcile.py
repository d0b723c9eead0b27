"""Reconcile a plan's targets with its goals: the smallest change to the target blocks' printed rates that
meets every goal at once, at the plan's printed precision (docs/method.md §10).

The free figures are the rates of the target blocks (a block that gives GRDP only: its GRDP), less those
the user keeps. Each goal is one row of ``A·x ≥ d``: ``A`` holds the points the goal gains per point of
each free rate, measured through ``overrides.moved`` (the rule a what-if follows: a printed block GRDP moves
with its sectors, its residual holding), ``d`` what the goal lacks. A child (industry) is its own figure: a
change of its parent leaves it as printed, so that the smallest change to the printed table is found
without the assumed share of the parent (the rest of the parent absorbs the change).
"""

from __future__ import annotations

from typing import Mapping, Sequence

from .analysis import effects, far_from_data, figure_value
from .dataclass import dataclass
from .economy import PROVISIONAL, Economy
from .errors import Fact, InputError
from .goals import Goal
from .leastsquares import smallest_change, unreachable
from .overrides import moved, open_blocks, require_item, require_period
from .printed import Figure, PrintedTargets, printed_decimals, round_to_print

#: How changes are weighed: every point alike, or in proportion to the rate's base-year volume (a point
#: of a large sector costs more, so small sectors move first).
WEIGHTINGS = ("equal", "volume")


@dataclass(frozen=True)
class Change:
    """One printed figure of a target block, before and after."""

    block: str
    item: str
    before: float
    after: float
    #: The unrounded solution (docs/method.md §10); ``after`` is it at printed precision.
    exact: float
    #: ("above" | "below" | "impossible", points beyond, the bound) when far outside the data (as required).
    flag: tuple[str, float, float] | None = None

    @property
    def points(self) -> float:
        return self.after - self.before


@dataclass(frozen=True)
class Reconciled:
    """What reconcile found: the changed figures and the economy that has them."""

    economy: Economy
    changes: tuple[Change, ...]
    weighting: str
    kept: tuple[Figure, ...]
    decimals: int
    #: The unrounded solution for every free figure, changed or not (docs/method.md §10).
    exact: Mapping[Figure, float]
    #: Goals no figure can be computed for (they are reported, not reconciled).
    skipped: tuple[tuple[str, str], ...] = ()


def goal_rows(economy: Economy, goals: Sequence[Goal]) -> tuple[list[Goal], list[tuple[str, str]]]:
    """The goals a value can be computed for, and the others as (period, item)."""
    rows, skipped = [], []
    for goal in goals:
        if goal.value(economy) is None:
            skipped.append((goal.period, goal.item))
        else:
            rows.append(goal)
    return rows, skipped


def free_figures(economy: Economy, keep: Sequence[Figure] = ()) -> list[Figure]:
    """The printed figures reconcile may change: each target block's rates (or its GRDP if it has none)."""
    kept = set(keep)
    out = []
    for name in open_blocks(economy):
        block = economy.block(name)
        items = [s for s in economy.sector_keys if s in block.rates] if block.rates else ["grdp"]
        for item in items:
            if (name, item) not in kept and (name, "grdp") not in kept:
                out.append((name, item))
    return out


def parse_keep(economy: Economy, texts: Sequence[str]) -> list[Figure]:
    """``--keep P.ITEM``: a target block's rate, or its GRDP (all its figures), held as printed."""
    out = []
    allowed = open_blocks(economy)
    for text in texts:
        period, dot, item = text.strip().partition(".")
        if not dot:
            raise InputError("keep-form", where="--keep", value=text, fix="fix-keep-form")
        require_period(economy, period, "--keep")
        require_item(economy, item, "--keep")
        if period not in allowed:
            raise InputError(
                "block-not-target", where="--keep", value=period, allowed=tuple(allowed), fix="fix-block-not-target"
            )
        out.append((period, item))
    return out


def weights_of(economy: Economy, free: Sequence[Figure], weighting: str) -> list[float]:
    """Equal: 1 per point. Volume: the rate's base volume over the mean (a block GRDP: the block's volume)."""
    if weighting == "equal":
        return [1.0] * len(free)
    volumes = []
    for name, item in free:
        block = economy.block(name)
        volumes.append(economy.block_volume(block) if item == "grdp" else block.volumes[item])
    mean = sum(volumes) / len(volumes)
    return [v / mean for v in volumes]


def raise_unreachable(goals: Sequence[Goal], a, d, kept: Sequence[Figure]) -> None:
    """Exit 2 naming the goals no free figure can lift, and how far each stays short."""
    found = unreachable(a, d)
    if found is None:
        return
    short = tuple(
        Fact("goal-short", goal=f"{goals[i].period}.{goals[i].item}", min=goals[i].minimum, points=p)
        for i, p in zip(found.rows, found.shortfalls)
    )
    raise InputError(
        "goals-unreachable",
        goals=short,
        kept=tuple(f"{b}.{i}" for b, i in kept) or None,
        fix="fix-goals-unreachable",
    )


def reconcile(
    economy: Economy,
    goals: Sequence[Goal],
    keep: Sequence[Figure] = (),
    weighting: str = "equal",
) -> Reconciled:
    """The targets changed as little as possible (weighted least squares, docs/method.md §10) to meet every
    goal, then rounded to the printed precision so that the printed figures meet every goal."""
    if weighting not in WEIGHTINGS:
        raise InputError("item-unknown", where="--weights", value=weighting, allowed=WEIGHTINGS, fix="fix-one-of")
    rows, skipped = goal_rows(economy, goals)
    free = free_figures(economy, keep)
    a, d = effects(economy, [{b: {i: 1.0}} for b, i in free], rows)
    raise_unreachable(rows, a, d, keep)
    weights = weights_of(economy, free, weighting) if free else []
    # no goal the data can give, or nothing free to move: nothing changes
    steps = smallest_change(a, d, weights) if free and rows else []
    step_of = {f: float(x) for f, x in zip(free, steps) if abs(x) > 1e-12}
    exact = moved(economy, _as_moves(step_of))
    before = {f: figure_value(economy, *f) for f in free}
    changed = [f for f in free if f in step_of]
    decimals = printed_decimals(economy, open_blocks(economy))
    printed = round_to_print(exact, economy, changed, before, [weights[free.index(f)] for f in changed], rows, decimals)
    return Reconciled(
        printed.economy,
        changes_of(economy, exact, printed),
        weighting,
        tuple(keep),
        decimals,
        {f: figure_value(exact, *f) for f in free},
        tuple(skipped),
    )


def changes_of(original: Economy, exact: Economy, printed: PrintedTargets) -> tuple[Change, ...]:
    """Every figure the printed economy changes, in the order of the blocks and the sectors."""
    out = []
    for block in original.blocks:
        for item in ["grdp", *original.sector_keys]:
            if (block.name, item) not in printed.figures:
                continue
            after = printed.figures[(block.name, item)]
            known = _has(original, (block.name, item)) and block.source != PROVISIONAL
            before = figure_value(original, block.name, item) if known else None
            out.append(
                Change(
                    block.name,
                    item,
                    before,
                    after,
                    figure_value(exact, block.name, item),
                    far_from_data(original, item, after),
                )
            )
    return tuple(out)


def _has(economy: Economy, figure: Figure) -> bool:
    block = economy.block(figure[0])
    return block.grdp is not None if figure[1] == "grdp" else figure[1] in block.rates


def _as_moves(steps: Mapping[Figure, float]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for (block, item), x in steps.items():
        out.setdefault(block, {})[item] = x
    return out
