"""The targets file as plain records, read without pydantic: what every command that reads a plan starts from.

The pydantic models (inputs/plan_schema.py) are the reference: they say what a valid file is and word every
error. Building them costs more than the rest of a ``check`` (issue #25), so a file is read here first, by
readers that accept only what the models would accept and would give the same values for. Anything they
cannot prove valid (a wrong type, an unknown key, a number out of bounds, a year written "2025") raises
``NotPlain``; the loader then validates with the models, which either word the error or, for a file they
accept in a looser form, give values these readers take as they are (``plan_records(model.model_dump())``).
tests/test_plan_records.py holds the two to the same fields and the same values.
"""

from __future__ import annotations

import re
from typing import Any

from ..core import periods
from ..core.text import printable
from ..core.values import HUGE, RATE_MAX, check_level, parse_number, parse_rate

#: Keys name things on command lines (``Q4.services``), in CSV columns and JSON: letters, digits and _.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
#: Columns of the plan's tables: the base year, then periods of the plan year.
COLUMNS = ("base_year", *periods.NAMES)
#: What a block's figures are: published by the statistics office, an early figure, or the plan's.
STATUSES = ("actual", "estimate", "target")


class NotPlain(Exception):
    """A value the plain readers do not accept: the models decide (and word the error, if any)."""


# -- readers of one value: each returns the value as the model's field would hold it, or raises NotPlain ------


def text(value: Any) -> str:
    if type(value) is not str:
        raise NotPlain
    return value


def name(value: Any) -> str:
    """A name as printed: one line, no control characters, runs of spaces as one (plan_schema.Name)."""
    return " ".join(printable(text(value)).split())


def integer(value: Any) -> int:
    if type(value) is not int:
        raise NotPlain
    return value


def _number(parse, value: Any, low: float, high: float, low_open: bool) -> float:
    try:
        number = float(parse(value))
    except Exception:  # the model's validator raises the same, and words it with its place
        raise NotPlain from None
    if not (low < number <= high if low_open else low <= number <= high):
        raise NotPlain
    return number


def rate(value: Any) -> float:
    """plan_schema.Rate: percent, above −100, at most RATE_MAX."""
    return _number(parse_rate, value, -100, RATE_MAX, True)


def amount(value: Any) -> float:
    """plan_schema.Amount: a level, 0 or more."""
    return _number(lambda v: check_level(parse_number(v)), value, 0, HUGE, False)


def positive(value: Any) -> float:
    """plan_schema.Positive: a level above 0."""
    return _number(lambda v: check_level(parse_number(v)), value, 0, HUGE, True)


def goal_number(value: Any) -> float:
    """plan_schema.GoalNumber: a rate or a level (validate_plan checks which)."""
    return _number(parse_number, value, -100, HUGE, True)


def one_of(*allowed: str):
    def read(value: Any) -> str:
        if type(value) is not str or value not in allowed:
            raise NotPlain
        return value

    return read


def optional(read):
    return lambda value: None if value is None else read(value)


def mapping(read):
    """dict[str, X]: keys are text, values read by ``read``, in the file's order."""

    def read_mapping(value: Any) -> dict:
        if type(value) is not dict:
            raise NotPlain
        return {text(k): read(v) for k, v in value.items()}

    return read_mapping


def listing(read):
    def read_list(value: Any) -> list:
        if type(value) is not list:
            raise NotPlain
        return [read(v) for v in value]

    return read_list


def pair(read):
    def read_pair(value: Any) -> tuple:
        if type(value) not in (list, tuple) or len(value) != 2:
            raise NotPlain
        return (read(value[0]), read(value[1]))

    return read_pair


# -- records -------------------------------------------------------------------------------------------------


class Record:
    """A frozen record with the fields of one model: ``FIELDS`` maps each to its reader and its default
    (``REQUIRED``, or a function giving a fresh default)."""

    __slots__ = ()
    FIELDS: dict[str, tuple[Any, Any]] = {}
    #: A reader for keys beyond FIELDS (GrowthBlock's sector rates), or None: an unknown key is not plain.
    EXTRA: Any = None

    def __init__(self, **values: Any) -> None:
        for key, value in values.items():
            object.__setattr__(self, key, value)

    @classmethod
    def read(cls, data: Any) -> Record:
        if type(data) is not dict:
            raise NotPlain
        values = {}
        for key, (read, default) in cls.FIELDS.items():
            if key in data:
                values[key] = read(data[key])
            elif default is REQUIRED:
                raise NotPlain
            else:
                values[key] = default()
        extra = {k: v for k, v in data.items() if k not in cls.FIELDS}
        if extra:
            if cls.EXTRA is None:
                raise NotPlain
            values["extra"] = {text(k): cls.EXTRA(v) for k, v in extra.items()}
        elif cls.EXTRA is not None:
            values["extra"] = {}
        return cls(**values)

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(getattr(self, s) == getattr(other, s) for s in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{s}={getattr(self, s)!r}' for s in self.__slots__)})"


#: The default of a field the file must give.
REQUIRED = object()


def _none() -> None:
    return None


def _record(cls):
    """The reader of a nested record, and its default (the record with every field at its default)."""
    return cls.read, lambda: cls.read({})


class Region(Record):
    __slots__ = ("key", "name")
    FIELDS = {"key": (text, REQUIRED), "name": (name, REQUIRED)}


class Sector(Record):
    __slots__ = ("key", "vi", "en", "parent")
    FIELDS = {
        "key": (text, REQUIRED),
        "vi": (name, REQUIRED),
        "en": (name, REQUIRED),
        "parent": (optional(text), _none),
    }


class GrowthBlock(Record):
    __slots__ = ("status", "grdp", "extra")
    FIELDS = {"status": (one_of(*STATUSES), REQUIRED), "grdp": (optional(rate), _none)}
    EXTRA = staticmethod(rate)

    @property
    def rates(self) -> dict[str, float]:
        """The sector rates of the block, by sector key."""
        return dict(self.extra)


class Nominal(Record):
    __slots__ = ("base_year", "H1", "FY_min")
    FIELDS = {k: (optional(positive), _none) for k in __slots__}


class PerCapita(Record):
    __slots__ = ("base_year", "FY_min")
    FIELDS = {k: (optional(positive), _none) for k in __slots__}


class Assumptions(Record):
    __slots__ = ("deflators", "population", "vnd_per_usd", "child_shares")
    FIELDS = {
        "deflators": (mapping(rate), dict),
        "population": (optional(positive), _none),
        "vnd_per_usd": (optional(positive), _none),
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
        "kind": (one_of("flow", "stock", "rate", "share", "level"), lambda: "flow"),
        "parent": (optional(text), _none),
        "agency": (optional(text), _none),
        "values": (mapping(amount), dict),
        "min": (mapping(amount), dict),
        "range": (mapping(pair(amount)), dict),
        "growth_min": (mapping(amount), dict),
        "text": (mapping(text), dict),
        "stated": (mapping(amount), dict),
        "components": (optional(one_of("sum", "within")), _none),
        "note": (optional(text), _none),
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
        "document": (optional(text), _none),
        "actuals": (optional(text), _none),
        "sectors": (listing(Sector.read), REQUIRED),
        "goals": (mapping(mapping(goal_number)), REQUIRED),
        "printed_goals": (mapping(listing(text)), dict),
        "growth": (mapping(GrowthBlock.read), REQUIRED),
        "published": (mapping(mapping(rate)), dict),
        "weights_from": (optional(text), _none),
        "base_year_growth": (mapping(rate), dict),
        "base_year_block_growth": (mapping(mapping(rate)), dict),
        "nominal": _record(Nominal),
        "per_capita": _record(PerCapita),
        "structure": (mapping(mapping(amount)), dict),
        "assumptions": _record(Assumptions),
        "indicators": (listing(Indicator.read), list),
    }


def plan_records(data: Any) -> TargetsFile:
    """The plan's records from its YAML data; NotPlain when only the models can tell (inputs/plan.py)."""
    return TargetsFile.read(data)
