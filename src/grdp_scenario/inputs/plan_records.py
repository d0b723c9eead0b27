"""The targets file as plain records (inputs/records.py), read without pydantic: what every command that reads
a plan starts from.

The pydantic models (inputs/plan_schema.py) are the reference. A file these records cannot prove valid (a
wrong type, an unknown key, a number out of bounds, a year written "2025") raises ``NotPlain``; the loader
then validates it with the models, which either word the error or, for a file they accept in a looser form,
give values these records take as they are (``plan_records(model.model_dump())``). tests/test_records.py
holds the two to the same fields and the same values.
"""

from __future__ import annotations

import re
from typing import Any

from ..core import periods
from .records import (
    REQUIRED,
    NotPlain,
    Record,
    absent,
    amount,
    goal_number,
    integer,
    listing,
    mapping,
    name,
    nested,
    one_of,
    optional,
    pair,
    positive,
    rate,
    text,
)

__all__ = ["NotPlain", "plan_records"]

#: Keys name things on command lines (``Q4.services``), in CSV columns and JSON: letters, digits and _.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
#: Columns of the plan's tables: the base year, then periods of the plan year.
COLUMNS = ("base_year", *periods.NAMES)
#: What an indicator row is (the audit adds up flows, not rates), and how a parent's components make it up.
KINDS = ("flow", "stock", "rate", "share", "level")
COMPONENTS = ("sum", "within")
#: What a block's figures are: published by the statistics office, an early figure, or the plan's.
STATUSES = ("actual", "estimate", "target")


class Region(Record):
    __slots__ = ("key", "name")
    FIELDS = {"key": (text, REQUIRED), "name": (name, REQUIRED)}


class Sector(Record):
    __slots__ = ("key", "vi", "en", "parent")
    FIELDS = {
        "key": (text, REQUIRED),
        "vi": (name, REQUIRED),
        "en": (name, REQUIRED),
        "parent": (optional(text), absent),
    }


class GrowthBlock(Record):
    __slots__ = ("status", "grdp", "extra")
    FIELDS = {"status": (one_of(*STATUSES), REQUIRED), "grdp": (optional(rate), absent)}
    EXTRA = staticmethod(rate)

    @property
    def rates(self) -> dict[str, float]:
        """The sector rates of the block, by sector key."""
        return dict(self.extra)


class Nominal(Record):
    __slots__ = ("base_year", "H1", "FY_min")
    FIELDS = {k: (optional(positive), absent) for k in __slots__}


class PerCapita(Record):
    __slots__ = ("base_year", "FY_min")
    FIELDS = {k: (optional(positive), absent) for k in __slots__}


class Assumptions(Record):
    __slots__ = ("deflators", "population", "vnd_per_usd", "child_shares")
    FIELDS = {
        "deflators": (mapping(rate), dict),
        "population": (optional(positive), absent),
        "vnd_per_usd": (optional(positive), absent),
        "child_shares": (mapping(amount), dict),
    }


class Indicator(Record):
    __slots__ = (
        "row", "key", "name", "unit", "kind", "parent", "agency", "values", "min", "range", "growth_min", "text",
        "stated", "components", "note",
    )  # fmt: skip
    FIELDS = {
        "row": (text, REQUIRED),
        "key": (text, REQUIRED),
        "name": (name, REQUIRED),
        "unit": (text, REQUIRED),
        "kind": (one_of(*KINDS), lambda: "flow"),
        "parent": (optional(text), absent),
        "agency": (optional(text), absent),
        "values": (mapping(amount), dict),
        "min": (mapping(amount), dict),
        "range": (mapping(pair(amount)), dict),
        "growth_min": (mapping(amount), dict),
        "text": (mapping(text), dict),
        "stated": (mapping(amount), dict),
        "components": (optional(one_of(*COMPONENTS)), absent),
        "note": (optional(text), absent),
    }


class TargetsFile(Record):
    __slots__ = (
        "region", "year", "base_year", "document", "actuals", "sectors", "goals", "printed_goals", "growth",
        "published", "weights_from", "base_year_growth", "base_year_block_growth", "nominal", "per_capita",
        "structure", "assumptions", "indicators",
    )  # fmt: skip
    FIELDS = {
        "region": (Region.read, REQUIRED),
        "year": (integer, REQUIRED),
        "base_year": (integer, REQUIRED),
        "document": (optional(text), absent),
        "actuals": (optional(text), absent),
        "sectors": (listing(Sector.read), REQUIRED),
        "goals": (mapping(mapping(goal_number)), REQUIRED),
        "printed_goals": (mapping(listing(text)), dict),
        "growth": (mapping(GrowthBlock.read), REQUIRED),
        "published": (mapping(mapping(rate)), dict),
        "weights_from": (optional(text), absent),
        "base_year_growth": (mapping(rate), dict),
        "base_year_block_growth": (mapping(mapping(rate)), dict),
        "nominal": nested(Nominal),
        "per_capita": nested(PerCapita),
        "structure": (mapping(mapping(amount)), dict),
        "assumptions": nested(Assumptions),
        "indicators": (listing(Indicator.read), list),
    }


def plan_records(data: Any) -> TargetsFile:
    """The plan's records from its YAML data; NotPlain when only the models can tell (inputs/plan.py)."""
    return TargetsFile.read(data)
