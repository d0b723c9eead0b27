"""Goals as values: a minimum on one measure of one period, with the rounding it was given with.

A goal is ``(period, measure, minimum, rounding)``. The measure gives the goal's value from an economy:
the growth of an item (GRDP or a sector, docs/method.md §1) or a level at current prices (GRDP, GRDP per
capita in VND or USD, docs/method.md §6). Every measure is affine in the block rates (levels too, for fixed
deflators, population and exchange rate), so ``analysis.effects`` finds any goal's linear form by stepping
the rates, and every command that moves rates (required, risk, reconcile, build, sweep) takes any measure.

``judge`` is the one rule by which a goal is met, within rounding, missed or unknown (docs/method.md §7).
"""

from __future__ import annotations

import math
from dataclasses import field
from typing import Mapping

from . import periods
from .dataclass import dataclass
from .economy import Economy
from .evaluate import period_result, rounding_of, spread, value_of
from .nominal import NominalInputs, nominal_result
from .rounding import Judged

PERCENT = "percent"
#: Level measures: the item a plan's goals name, and the unit its value is in.
LEVEL_UNITS = {"grdp_current": "billion VND", "per_capita": "million VND", "per_capita_usd": "USD"}
#: Only the whole year has levels (the plan's nominal GRDP and per capita are yearly).
LEVEL_PERIODS = ("FY",)


@dataclass(frozen=True)
class Growth:
    """Growth of GRDP (``item="grdp"``) or of a sector over a period, percent (docs/method.md §1)."""

    item: str
    unit: str = PERCENT

    def value(self, economy: Economy, period: str) -> float | None:
        return value_of(economy, period, self.item)

    def rounding(self, economy: Economy, period: str) -> float:
        return rounding_of(economy, period, self.item)


@dataclass(frozen=True)
class Level:
    """A level at current prices in the plan year (docs/method.md §6): nominal GRDP (billion VND), GRDP per
    capita (million VND), or per capita in USD at a stated rate. Affine in the FY sector rates for the
    fixed deflators, population and exchange rate of ``inputs``."""

    item: str
    inputs: NominalInputs = field(repr=False, compare=False)
    vnd_per_usd: float | None = None

    @property
    def unit(self) -> str:
        return LEVEL_UNITS[self.item]

    def _of_total(self, total: float) -> float | None:
        """The measure from nominal GRDP in billion VND."""
        if self.item == "grdp_current":
            return total
        population = self.inputs.population
        if not population:
            return None
        per_person_vnd = total * 1e9 / population
        if self.item == "per_capita":
            return per_person_vnd / 1e6
        return per_person_vnd / self.vnd_per_usd if self.vnd_per_usd else None

    def value(self, economy: Economy, period: str) -> float | None:
        result = nominal_result(self.inputs, period_result(economy, period))
        return None if result.total is None else self._of_total(result.total)

    def rounding(self, economy: Economy, period: str) -> float:
        """Each sector's rounding carried through: ∂level/∂g_s = current_s·(1 + deflator_s)/100, in the
        measure's unit."""
        i = self.inputs
        if i.deflators is None:
            return 0.0
        per_point = [
            (i.current[s] * (1 + i.deflators[s] / 100) / 100, rounding_of(economy, period, s)) for s in i.current
        ]
        scaled = self._of_total(math.fsum(d * r for d, r in per_point))
        return scaled or 0.0


@dataclass(frozen=True)
class GoalResult(Judged):
    """A goal judged on one economy: its value, margin, verdict and basis."""

    period: str
    item: str
    min: float
    value: float | None
    headline: bool = False
    #: The rounding the value and the goal carry as printed (docs/method.md §7), in the goal's unit.
    slack: float = 0.0
    unit: str = PERCENT
    #: actual (every quarter of the period actual), projected (some), plan (none): contract §3.
    basis: str = "plan"
    #: Where the base volumes are estimated from published figures: the lowest and highest value their
    #: rounding allows (core/published.py); None where the volumes are given.
    spread: tuple[float, float] | None = None

    @property
    def relative(self) -> bool:
        """Levels (billions of VND) meet their goal within a relative noise; rates within EPS points."""
        return self.unit != PERCENT


def basis_of(economy: Economy, period: str) -> str:
    """actual when the period follows from actual figures alone (actual blocks, blocks derived from an actual
    published figure, actual published periods, and their unions and differences: H2 = FY − H1), plan when
    no quarter of it is actual or published, projected between (contract §3)."""
    wanted = periods.quarters(period)
    actual = {b.quarters for b in economy.blocks if _is_fact(economy, b)}
    actual |= {periods.quarters(p) for p, s in economy.published_status.items() if s == "actual"}
    actual = _closure(actual)
    if wanted in actual:
        return "actual"
    seen = set(actual) | {b.quarters for b in economy.blocks if b.status != "target"}
    seen |= {periods.quarters(p) for p in economy.published_status}
    return "projected" if any(q & wanted for q in seen) else "plan"


def _is_fact(economy: Economy, block) -> bool:
    """A block actual in the plan, or derived exactly from an actual published figure (not spread by an
    assumption over several blocks)."""
    origin, _, source = block.source.partition(":")
    if block.status == "actual":
        return True
    return origin == "derived" and economy.published_status.get(source) == "actual"


def _closure(known: set) -> set:
    """Every set of quarters the known ones give: unions of disjoint ones, differences of nested ones."""
    known = {frozenset(k) for k in known if k}
    while True:
        more = set()
        for a in known:
            for b in known:
                if not a & b:
                    more.add(a | b)
                elif b < a:
                    more.add(a - b)
        if more <= known:
            return known
        known |= more


@dataclass(frozen=True)
class Goal:
    """A minimum on a measure of a period. ``rounding`` is the goal's own half-unit as given: 0 for a
    stated threshold ("từ 10% trở lên"), half the last printed place for a figure the plan printed."""

    period: str
    item: str
    minimum: float
    rounding: float = 0.0
    measure: Growth | Level | None = None

    def __post_init__(self) -> None:
        if self.measure is None:
            object.__setattr__(self, "measure", Growth(self.item))

    @property
    def headline(self) -> bool:
        return (self.period, self.item) == ("FY", "grdp")

    @property
    def unit(self) -> str:
        return self.measure.unit

    def value(self, economy: Economy) -> float | None:
        return self.measure.value(economy, self.period)

    def judge(self, economy: Economy) -> GoalResult:
        value = self.value(economy)
        return GoalResult(
            self.period,
            self.item,
            self.minimum,
            value,
            self.headline,
            self.measure.rounding(economy, self.period) + self.rounding,
            self.unit,
            basis_of(economy, self.period),
            self.spread(economy, value),
        )

    def spread(self, economy: Economy, value: float | None) -> tuple[float, float] | None:
        """The range of the goal's value where the base volumes are estimated (evaluate.spread)."""
        return spread(economy, self.value, value)

    def with_minimum(self, minimum: float, rounding: float = 0.0) -> Goal:
        """The same measure with another minimum, stated exactly unless ``rounding`` says otherwise."""
        return Goal(self.period, self.item, minimum, rounding, self.measure)


def linear_form(goal: Goal, economy: Economy) -> tuple[float, dict[tuple[str, str], float]] | None:
    """The goal's value and what it gains per point of each open block's printed figure, the others held
    (a block's own rates, or its GRDP where it gives no sectors): exact, every measure being affine in the
    rates. What a workbook needs to recompute the goal from its rate cells. None when it has no value."""
    from .overrides import moved, open_blocks

    now = goal.value(economy)
    if now is None:
        return None
    terms = {}
    for name in open_blocks(economy):
        block = economy.block(name)
        for item in block.rates or ("grdp",):
            gained = goal.value(moved(economy, {name: {item: 1.0}})) - now
            if gained != 0.0:
                terms[(name, item)] = gained
    return now, terms


def growth_goal(period: str, item: str, minimum: float, rounding: float = 0.0) -> Goal:
    return Goal(period, item, minimum, rounding, Growth(item))


def stated(goals: Mapping[str, Mapping[str, float]]) -> tuple[Goal, ...]:
    """Growth goals as a notebook writes them, ``{"FY": {"grdp": 10, "services": 13}}``: stated thresholds,
    exact."""
    return tuple(growth_goal(p, item, float(m)) for p, items in goals.items() for item, m in items.items())


def as_mapping(goals) -> dict[str, dict[str, float]]:
    """Goals as a targets file writes them: period → item → minimum."""
    out: dict[str, dict[str, float]] = {}
    for g in goals:
        out.setdefault(g.period, {})[g.item] = g.minimum
    return out


def find(goals, period: str, item: str) -> Goal | None:
    """The goal on ``period.item`` among ``goals``, or None."""
    return next((g for g in goals if (g.period, g.item) == (period, item)), None)
