"""The five-year horizon: do the yearly targets reach the end-year goals? (docs/method.md §11)

Years are chained, not averaged: each year's real growth is over the year before, so the real index of the
end year is the product of (1 + g). With a price growth (GDP deflator) p and a population growth n per year,
GRDP at current prices is N_t = N_0 · Π(1 + g)(1 + p), population P_t = P_0 · Π(1 + n), per capita N_t / P_t
(in USD at a stated rate). The average real growth over the years is the geometric mean
(Π(1 + g))^(1/T) − 1. What the remaining years need, and the price growth the goals imply, follow in closed
form. Goals are judged by the one rule of ``rounding.goal_verdict``.
"""

from __future__ import annotations

import math
from dataclasses import field, replace
from typing import Any, Mapping, Sequence

from .dataclass import dataclass
from .errors import InputError
from .rounding import Judged
from .values import check_rate, parse_number

#: Goal items of a horizon and their units.
HORIZON_ITEMS = {
    "average_growth": "percent",
    "grdp_current": "billion VND",
    "per_capita": "million VND",
    "per_capita_usd": "USD",
    "population": "persons",
}
#: Items that are levels (a goal reached within a relative noise).
LEVELS = ("grdp_current", "per_capita", "per_capita_usd", "population")


@dataclass(frozen=True)
class Year:
    year: int
    growth: float  # real GRDP growth over the year before, percent
    status: str = "target"  # actual | estimate | target
    price_growth: float = 0.0  # GDP deflator growth, percent
    population_growth: float = 0.0  # percent
    vnd_per_usd: float | None = None
    #: Real growth of each sector over the year before, percent, where the year gives them.
    sectors: Mapping[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class HorizonGoal:
    item: str
    year: int
    minimum: float
    rounding: float = 0.0  # a stated threshold carries none


@dataclass(frozen=True)
class Horizon:
    region: str
    region_name: str
    base_year: int
    grdp_current: float  # base year, billion VND
    population: float  # base year, persons
    years: tuple[Year, ...]
    goals: tuple[HorizonGoal, ...]
    #: The yearly price growth beyond which the goals' implied prices are implausible, percent [low, high].
    price_band: tuple[float, float] = (0.0, 6.0)
    #: The base year's economic structure, percent of GRDP at current prices by sector (for each year's).
    structure: Mapping[str, float] = field(default_factory=dict)
    #: The documents the goals come from, for citations.
    document: str | None = None

    @property
    def first(self) -> int:
        return self.years[0].year

    @property
    def last(self) -> int:
        return self.years[-1].year

    def year(self, y: int) -> Year:
        return next(x for x in self.years if x.year == y)

    def with_growth(self, y: int, rate: float) -> Horizon:
        """The horizon with one year's real growth set (``--set 2027=11``), as a what-if."""
        years = tuple(replace(x, growth=rate) if x.year == y else x for x in self.years)
        return replace(self, years=years)


@dataclass(frozen=True)
class YearFigures:
    year: int
    growth: float
    status: str
    real_index: float  # base year = 1
    grdp_current: float  # billion VND
    population: float
    per_capita: float  # million VND
    per_capita_usd: float | None
    #: Economic structure, percent of GRDP at current prices, where every year up to this one gives sectors.
    structure: Mapping[str, float] | None = None


def chain(h: Horizon) -> list[YearFigures]:
    """Each year's levels: the real index, GRDP at current prices, population, per capita (VND, USD)."""
    out = []
    real, nominal, population = 1.0, h.grdp_current, h.population
    # each sector's current-price level, from the base structure, moved by its own real growth and the prices
    levels: dict[str, float] | None = {s: share for s, share in h.structure.items()} or None
    for y in h.years:
        real *= 1 + y.growth / 100
        nominal *= (1 + y.growth / 100) * (1 + y.price_growth / 100)
        population *= 1 + y.population_growth / 100
        per_capita = nominal * 1e9 / population / 1e6
        usd = nominal * 1e9 / population / y.vnd_per_usd if y.vnd_per_usd else None
        if levels is not None and all(s in y.sectors for s in levels):
            levels = {s: v * (1 + y.sectors[s] / 100) * (1 + y.price_growth / 100) for s, v in levels.items()}
            total = math.fsum(levels.values())
            structure = {s: 100 * v / total for s, v in levels.items()}
        else:
            levels, structure = None, None
        out.append(YearFigures(y.year, y.growth, y.status, real, nominal, population, per_capita, usd, structure))
    return out


def average_growth(h: Horizon, until: int | None = None) -> float:
    """The geometric mean of the years' real growth, percent: (Π(1 + g))^(1/T) − 1."""
    years = [y for y in h.years if until is None or y.year <= until]
    product = math.prod(1 + y.growth / 100 for y in years)
    return (product ** (1 / len(years)) - 1) * 100


def value_of(h: Horizon, figures: Sequence[YearFigures], goal: HorizonGoal) -> float | None:
    if goal.item == "average_growth":
        return average_growth(h, goal.year)
    f = next((x for x in figures if x.year == goal.year), None)
    return None if f is None else getattr(f, goal.item)


def basis_of(h: Horizon, until: int) -> str:
    """actual when every year up to ``until`` is actual, plan when none is, projected between."""
    statuses = [y.status for y in h.years if y.year <= until]
    if all(s == "actual" for s in statuses):
        return "actual"
    return "projected" if any(s == "actual" for s in statuses) else "plan"


@dataclass(frozen=True)
class HorizonGoalResult(Judged):
    item: str
    year: int
    min: float
    value: float | None
    slack: float
    basis: str

    @property
    def relative(self) -> bool:
        return self.item in LEVELS


def remaining(h: Horizon, until: int) -> list[Year]:
    """The years up to ``until`` that are not actual yet: what is left to move."""
    return [y for y in h.years if y.year <= until and y.status != "actual"]


def required_average_growth(h: Horizon, goal: float, until: int | None = None) -> float | None:
    """The real growth each remaining year needs so that the average over the years reaches ``goal``:
    (1 + g)^m = (1 + G)^T / Π_actual(1 + g). None when no year remains."""
    until = until or h.last
    years = [y for y in h.years if y.year <= until]
    left = remaining(h, until)
    if not left:
        return None
    done = math.prod(1 + y.growth / 100 for y in years if y.status == "actual")
    return (((1 + goal / 100) ** len(years) / done) ** (1 / len(left)) - 1) * 100


def required_for_level(h: Horizon, goal: HorizonGoal) -> float | None:
    """The real growth each remaining year needs for a level goal (current-price GRDP, per capita, in VND or
    USD) under the stated price and population growth: the level is L_0 · Π_done · Π_left(1 + g) · (the
    years' price and population factors), so (1 + g)^m = goal / (what the rest gives at g = 0)."""
    if goal.item not in ("grdp_current", "per_capita", "per_capita_usd"):
        return None
    left = remaining(h, goal.year)
    if not left:
        return None
    zero = h
    for y in left:
        zero = zero.with_growth(y.year, 0.0)
    base = value_of(zero, chain(zero), goal)
    if not base or base <= 0:
        return None
    return ((goal.minimum / base) ** (1 / len(left)) - 1) * 100


def implied_price_growth(h: Horizon) -> float | None:
    """The average yearly price growth that the end-year current-price goal and the average real-growth goal
    imply together: (1 + p)^T = N_goal / (N_0 · (1 + G)^T)."""
    level = next((g for g in h.goals if g.item == "grdp_current" and g.year == h.last), None)
    average = next((g for g in h.goals if g.item == "average_growth"), None)
    if level is None or average is None:
        return None
    years = len([y for y in h.years if y.year <= level.year])
    return ((level.minimum / h.grdp_current) ** (1 / years) / (1 + average.minimum / 100) - 1) * 100


@dataclass(frozen=True)
class HorizonResult:
    horizon: Horizon
    figures: tuple[YearFigures, ...]
    goals: tuple[HorizonGoalResult, ...]
    required_average: float | None
    required_levels: Mapping[str, float | None]
    implied_deflator: float | None
    #: Overrides (``--set YEAR=RATE``) that made this a what-if.
    overrides: Mapping[int, float] = field(default_factory=dict)
    #: The probability that the average goal holds when each remaining year's growth has a normal error.
    risk: Mapping[str, Any] | None = None
    #: The day this was made (the horizon's document says where the goals come from).
    made: str | None = None

    @property
    def implausible(self) -> bool:
        low, high = self.horizon.price_band
        return self.implied_deflator is not None and not low <= self.implied_deflator <= high

    @property
    def goal_met(self) -> bool:
        head = next((g for g in self.goals if g.item == "average_growth"), None)
        return all(g.met for g in self.goals) if head is None else head.met

    def to_dict(self) -> dict[str, Any]:
        h = self.horizon
        return {
            "region": h.region,
            "from": h.first,
            "to": h.last,
            "base_year": h.base_year,
            "years": {
                str(f.year): {
                    "grdp_growth": f.growth,
                    "status": f.status,
                    "real_index": f.real_index,
                    "grdp_current": f.grdp_current,
                    "population": f.population,
                    "per_capita": f.per_capita,
                    "per_capita_usd": f.per_capita_usd,
                    "structure": None if f.structure is None else dict(f.structure),
                }
                for f in self.figures
            },
            "goals": [
                {
                    "item": g.item,
                    "year": g.year,
                    "min": g.min,
                    "value": g.value,
                    "met": g.met,
                    "verdict": g.verdict,
                    "basis": g.basis,
                    "margin": g.margin,
                    "rounding": g.slack,
                    "unit": HORIZON_ITEMS[g.item],
                }
                for g in self.goals
            ],
            "goal_met": self.goal_met,
            "required_average_growth": self.required_average,
            "required_growth": dict(self.required_levels),
            "implied": {
                "deflator": self.implied_deflator,
                "band": list(h.price_band),
                "implausible": self.implausible,
            },
            "overrides": {str(k): v for k, v in self.overrides.items()},
            "risk": None if self.risk is None else dict(self.risk),
            "provenance": {"document": h.document, "made": self.made},
        }


def parse_year_override(text: str, h: Horizon) -> tuple[int, float]:
    """``2027=11``: a year of the horizon and a real growth rate."""
    year, sep, raw = text.partition("=")
    if not sep or not year.strip().isdigit():
        raise InputError("horizon-set-form", where="--set", value=text, fix="fix-horizon-set-form")
    y = int(year)
    if y not in [x.year for x in h.years]:
        raise InputError(
            "horizon-year-unknown", where="--set", year=y, first=h.first, last=h.last, fix="fix-horizon-year"
        )
    return y, check_rate(parse_number(raw, "--set"), "--set")


def evaluate_horizon(
    h: Horizon, overrides: Mapping[int, float] | None = None, sd: float = 0.0, draws: int = 0, seed: int = 2025
) -> HorizonResult:
    """Every year's figures, every goal judged, what the remaining years need, the prices the goals imply;
    with ``sd`` (points), the probability that the average goal holds (Monte Carlo, ``draws``, ``seed``)."""
    for y, rate in (overrides or {}).items():
        h = h.with_growth(y, rate)
    figures = chain(h)
    goals = tuple(
        HorizonGoalResult(g.item, g.year, g.minimum, value_of(h, figures, g), g.rounding, basis_of(h, g.year))
        for g in h.goals
    )
    average = next((g for g in h.goals if g.item == "average_growth"), None)
    required = None if average is None else required_average_growth(h, average.minimum, average.year)
    levels = {f"{g.item}.{g.year}": required_for_level(h, g) for g in h.goals if g.item in LEVELS[:3]}
    risk = None
    if sd > 0 and average is not None and draws > 0:
        risk = _average_risk(h, average, sd, draws, seed)
    return HorizonResult(
        h, tuple(figures), goals, required, levels, implied_price_growth(h), dict(overrides or {}), risk
    )


def _average_risk(h: Horizon, goal: HorizonGoal, sd: float, draws: int, seed: int) -> dict[str, Any]:
    """The share of draws in which the average meets its goal, each remaining year's growth with a normal
    error of ``sd`` points (independent), in chunks of bounded memory; the same seed gives the same result."""
    import numpy as np

    years = [y for y in h.years if y.year <= goal.year]
    left = [i for i, y in enumerate(years) if y.status != "actual"]
    base = np.array([1 + y.growth / 100 for y in years])
    rng = np.random.default_rng(seed)
    met = 0
    threshold = (1 + goal.minimum / 100) ** len(years) * (1 - 1e-12)
    for start in range(0, draws, 65_536):
        size = min(65_536, draws - start)
        factors = np.tile(base, (size, 1))
        if left:
            factors[:, left] += rng.standard_normal((size, len(left))) * sd / 100
        met += int((np.prod(factors, axis=1) >= threshold).sum())
    return {"sd": sd, "draws": draws, "seed": seed, "probability": met / draws}
