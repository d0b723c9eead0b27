"""The horizon file (README, "The five-year horizon"): a multi-year plan's base levels, each year's real
growth, the assumptions that turn it into current prices and per capita, and the end-year goals; read into
plain records like the targets file (the pydantic models of horizon_schema.py are the reference, and word
every error), with its places kept for errors."""

from __future__ import annotations

from pathlib import Path

from ..core.errors import InputError
from ..core.horizon import Horizon, HorizonGoal, Year
from .plan import read_text
from .plan_records import STATUSES, Region
from .records import (
    REQUIRED,
    NotPlain,
    Record,
    absent,
    integer,
    mapping,
    number,
    one_of,
    optional,
    pair,
    positive,
    rate,
    text,
)
from .yamlsource import load_yaml, placed_error


class Base(Record):
    __slots__ = ("grdp_current", "population", "structure")
    FIELDS = {
        "grdp_current": (positive, REQUIRED),
        "population": (positive, REQUIRED),
        "structure": (mapping(positive), dict),
    }


class HorizonYear(Record):
    __slots__ = ("status", "growth", "price_growth", "population_growth", "sectors")
    FIELDS = {
        "status": (one_of(*STATUSES), lambda: "target"),
        "growth": (rate, REQUIRED),
        "price_growth": (optional(rate), absent),
        "population_growth": (optional(rate), absent),
        "sectors": (mapping(rate), dict),
    }


class HorizonAssumptions(Record):
    __slots__ = ("price_growth", "population_growth", "vnd_per_usd", "price_band")
    FIELDS = {
        "price_growth": (rate, REQUIRED),
        "population_growth": (rate, lambda: 0.0),
        "vnd_per_usd": (optional(positive), absent),
        "price_band": (pair(number), lambda: (0.0, 6.0)),
    }


class HorizonGoals(Record):
    __slots__ = ("average_growth", "grdp_current", "per_capita", "per_capita_usd", "population")
    FIELDS = {"average_growth": (optional(rate), absent), **{k: (optional(positive), absent) for k in __slots__[1:]}}


class HorizonFile(Record):
    __slots__ = ("region", "document", "base_year", "base", "years", "assumptions", "goals")
    FIELDS = {
        "region": (Region.read, REQUIRED),
        "document": (optional(text), absent),
        "base_year": (integer, REQUIRED),
        "base": (Base.read, REQUIRED),
        "years": (mapping(HorizonYear.read, key=integer), REQUIRED),
        "assumptions": (HorizonAssumptions.read, REQUIRED),
        "goals": (HorizonGoals.read, REQUIRED),
    }


def load_horizon(path: Path | str) -> Horizon:
    """A horizon file, checked where it is read; errors name the file, the line and the fix."""
    file = str(path)
    located = load_yaml(read_text(Path(path), "horizon"), file)
    if not isinstance(located.data, dict):
        raise InputError("plan-not-mapping", file=file, line=1, fix="fix-plan-start")
    try:
        model = HorizonFile.read(located.data)
    except NotPlain:  # only the schema can tell: it words the error, or gives the values in their plain form
        from .horizon_schema import validated

        model = HorizonFile.read(validated(located, file))
    years = sorted(model.years)
    if not years or years[0] != model.base_year + 1 or years != list(range(years[0], years[0] + len(years))):
        raise placed_error(file, located, ("years",), "horizon-years", "fix-horizon-years", base_year=model.base_year)
    a = model.assumptions
    if model.goals.per_capita_usd is not None and a.vnd_per_usd is None:
        raise placed_error(
            file, located, ("goals", "per_capita_usd"), "goal-needs-exchange-rate", "fix-goal-needs-exchange-rate"
        )
    for y in years:
        for key in model.years[y].sectors:
            if key not in model.base.structure:
                allowed = tuple(model.base.structure) or ("(base.structure is empty)",)
                raise placed_error(
                    file,
                    located,
                    ("years", y, "sectors", key),
                    "sector-unknown",
                    "fix-one-of",
                    value=key,
                    allowed=allowed,
                )
    last = years[-1]
    goals = tuple(HorizonGoal(item, last, value) for item, value in model.goals.as_dict().items() if value is not None)
    return Horizon(
        model.region.key,
        model.region.name,
        model.base_year,
        model.base.grdp_current,
        model.base.population,
        tuple(
            Year(
                y,
                model.years[y].growth,
                model.years[y].status,
                a.price_growth if model.years[y].price_growth is None else model.years[y].price_growth,
                a.population_growth if model.years[y].population_growth is None else model.years[y].population_growth,
                a.vnd_per_usd,
                dict(model.years[y].sectors),
            )
            for y in years
        ),
        goals,
        tuple(a.price_band),
        dict(model.base.structure),
        model.document,
    )
