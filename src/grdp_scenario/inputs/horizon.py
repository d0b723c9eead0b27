"""The horizon file (README, "The five-year horizon"): a multi-year plan's base levels, each year's real
growth, the assumptions that turn it into current prices and per capita, and the end-year goals; validated
with pydantic like the targets file, with its places kept for errors."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

from pydantic import BeforeValidator, ValidationError

from ..core.errors import InputError
from ..core.horizon import Horizon, HorizonGoal, Year
from ..core.values import parse_number
from .plan import read_text
from .plan_schema import Model, Positive, Rate, Region, _checked, from_validation_error
from .yamlsource import load_yaml, placed_error

#: A price or population growth: any finite rate above −100 %.
Growth = Rate
Number = Annotated[float, BeforeValidator(lambda v: _checked(parse_number, v))]


class Base(Model):
    """The base year's levels (the last year before the horizon)."""

    grdp_current: Positive
    """GRDP at current prices, billion VND (the statistics office's estimate or outturn)."""
    population: Positive
    """Average population, persons."""
    structure: dict[str, Positive] = {}
    """The economic structure, percent of GRDP at current prices by sector key (for each year's structure)."""


class HorizonYear(Model):
    """One year's real GRDP growth over the year before, percent, and what it is; price and population growth
    of that year where they differ from the horizon's assumptions."""

    status: Literal["actual", "estimate", "target"] = "target"
    """actual (published), estimate or target (the year's plan, or the five-year goal spread over the years)."""
    growth: Rate
    """Real GRDP growth, percent over the year before."""
    price_growth: Growth | None = None
    """GDP deflator growth of this year, percent (default: the assumptions')."""
    population_growth: Growth | None = None
    """Population growth of this year, percent (default: the assumptions')."""
    sectors: dict[str, Rate] = {}
    """Real growth of each sector of base.structure, percent over the year before (where the year's plan gives
    them): each year's structure follows."""


class HorizonAssumptions(Model):
    """What turns real growth into current prices, population and dollars: each an assumption, stated."""

    price_growth: Growth
    """GDP deflator growth a year, percent."""
    population_growth: Growth = 0.0
    """Population growth a year, percent."""
    vnd_per_usd: Positive | None = None
    """VND per US dollar, for a per-capita goal in USD."""
    price_band: tuple[Number, Number] = (0.0, 6.0)
    """The yearly price growth a planner can defend, percent [low, high]: goals that imply more are flagged."""


class HorizonGoals(Model):
    """The horizon's goals: minimums in its last year (the average over all its years)."""

    average_growth: Rate | None = None
    """Average real GRDP growth a year over the horizon, percent (geometric mean)."""
    grdp_current: Positive | None = None
    """GRDP at current prices in the last year, billion VND."""
    per_capita: Positive | None = None
    """GRDP per capita in the last year, million VND."""
    per_capita_usd: Positive | None = None
    """GRDP per capita in the last year, USD (needs assumptions.vnd_per_usd)."""
    population: Positive | None = None
    """Population in the last year, persons."""


class HorizonFile(Model):
    """A province's multi-year plan (2026–2030): base levels, years, assumptions and goals."""

    region: Region
    """The province or city."""
    document: str | None = None
    """The documents the goals come from, for citations."""
    base_year: int
    """The last year before the horizon (2025)."""
    base: Base
    """The base year's levels."""
    years: dict[int, HorizonYear]
    """Each year of the horizon, in order, without a gap: its real growth and status."""
    assumptions: HorizonAssumptions
    """Price growth, population growth, the exchange rate and the plausible band of prices."""
    goals: HorizonGoals
    """The end-year goals."""


def load_horizon(path: Path | str) -> Horizon:
    """A horizon file, checked where it is read; errors name the file, the line and the fix."""
    file = str(path)
    located = load_yaml(read_text(Path(path), "horizon"), file)
    if not isinstance(located.data, dict):
        raise InputError("plan-not-mapping", file=file, line=1, fix="fix-plan-start")
    try:
        model = HorizonFile.model_validate(located.data)
    except ValidationError as exc:
        raise from_validation_error(exc, located, file, HorizonFile) from None
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
    goals = tuple(
        HorizonGoal(item, last, value) for item, value in model.goals.model_dump().items() if value is not None
    )
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


def horizon_schema() -> str:
    """The JSON Schema of the horizon file, as text."""
    import json

    schema = HorizonFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "grdp-scenario horizon file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
