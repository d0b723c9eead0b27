"""Plain records read without pydantic: the readers of one value and the record they fill, shared by the
targets file (plan_records.py) and the horizon file (horizon.py).

Each file's pydantic models are its reference (what is valid, and the words of every error). Building them
costs more than the rest of a ``check`` (issue #25), so a file is read with these first: each reader accepts
only what the models would accept, giving the same value, and raises ``NotPlain`` for anything else, which the
loader then hands to the models.
"""

from __future__ import annotations

from typing import Any

from ..core.text import printable
from ..core.values import HUGE, RATE_MAX, check_level, parse_number, parse_rate


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


def number(value: Any) -> float:
    """Any finite number (horizon_schema.Number)."""
    return _number(parse_number, value, -HUGE, HUGE, False)


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


def mapping(read, key=None):
    """dict[str, X] (or dict[K, X] with ``key`` reading K): values read by ``read``, in the file's order."""
    key = key or text

    def read_mapping(value: Any) -> dict:
        if type(value) is not dict:
            raise NotPlain
        return {key(k): read(v) for k, v in value.items()}

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

    def as_dict(self) -> dict[str, Any]:
        """The fields and their values, in the model's order."""
        return {key: getattr(self, key) for key in self.FIELDS}

    def __setattr__(self, key: str, value: Any) -> None:
        raise AttributeError(f"{type(self).__name__} is frozen")

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and all(getattr(self, s) == getattr(other, s) for s in self.__slots__)

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{s}={getattr(self, s)!r}' for s in self.__slots__)})"


#: The default of a field the file must give.
REQUIRED = object()


def absent() -> None:
    """The default of an optional field."""
    return None


def nested(cls):
    """The reader of a nested record, and its default (the record with every field at its default)."""
    return cls.read, lambda: cls.read({})
