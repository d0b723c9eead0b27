"""The horizon file's schema as pydantic models: the reference for what a valid file is, its JSON Schema
(``grdp-scenario schema --horizon``) and the words of every error in its shape. A valid file is read without
them (inputs/horizon.py, for a fast start)."""

from __future__ import annotations

from typing import Annotated

from pydantic import BeforeValidator

from ..core.values import parse_number
from .plan_schema import Model, Positive, Rate, Region, Status, _checked, schema_text, validated_by
from .yamlsource import Located

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

    status: Status = "target"
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


def validated(located: Located, file: str) -> dict:
    """The horizon file's data as the models validate it, or the first error, placed."""
    return validated_by(HorizonFile, located, file)


def horizon_schema() -> str:
    """The JSON Schema of the horizon file, as text."""
    return schema_text(HorizonFile, "grdp-scenario horizon file")
