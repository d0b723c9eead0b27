"""``core.dataclass`` behaves as the standard library's ``dataclasses.dataclass``: the same class, made from
the same body by each decorator, answers alike (the standard decorator is the reference; ours only makes
defining a class cheap)."""

from __future__ import annotations

import copy
import dataclasses
import inspect
import pickle
import re
from typing import ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp_scenario.core.dataclass import dataclass

NAMES = ["a", "b", "c", "d", "e"]
#: A field: how it gets a default (none, a value, a factory), whether it is shown and compared.
FIELD = st.tuples(st.sampled_from(["required", "value", "factory"]), st.booleans(), st.booleans())


def body(spec: list[tuple[str, bool, bool]], doc: bool) -> dict:
    """A class body: annotations and defaults in the order given."""
    namespace: dict = {"__annotations__": {}, "__module__": __name__, "__qualname__": "Made"}
    if doc:
        namespace["__doc__"] = "A class made by the test."
    for name, (default, shown, compared) in zip(NAMES, spec):
        namespace["__annotations__"][name] = "int"
        options = {"repr": shown, "compare": compared}
        if default == "value":
            options["default"] = len(name)
        elif default == "factory":
            options["default_factory"] = list
        namespace[name] = dataclasses.field(**options)
    return namespace


def both(spec, doc: bool, **options):
    """The same class by each decorator, or the exception each raised defining it."""
    made = []
    for decorate in (dataclasses.dataclass, dataclass):
        try:
            made.append(decorate(type("Made", (), body(spec, doc)), **options))
        except (TypeError, ValueError) as error:
            made.append(type(error))
    return made


def outcome(action):
    """What an action gives, or the kind of exception it raised."""
    try:
        return ("value", action())
    except Exception as error:  # noqa: BLE001 - the kind of error is what is compared
        return ("error", type(error))


def shown(value) -> str:
    """repr without an address (a class not asked for a repr shows object's)."""
    return re.sub(r" at 0x[0-9a-f]+", "", repr(value))


def answers(cls, args: tuple, kwargs: dict) -> list:
    """Everything a user sees of the class and of an instance made from these arguments."""
    seen: list = [
        [f.name for f in dataclasses.fields(cls)],
        str(inspect.signature(cls)),
        cls.__doc__,
        cls.__match_args__,
        cls.__dataclass_params__.frozen,
        cls.__hash__ is None,
    ]
    made = outcome(lambda: cls(*args, **kwargs))
    seen.append(made[0] if made[0] == "error" else "made")
    seen.append(made[1] if made[0] == "error" else None)
    if made[0] == "value":
        one, two = made[1], cls(*args, **kwargs)
        seen += [
            shown(one),
            one == two,
            one != two,
            one == "something else",
            outcome(lambda: hash(one) == hash(two)),
            dataclasses.asdict(one),
            dataclasses.astuple(one),
            shown(copy.deepcopy(one)),
            outcome(lambda: shown(dataclasses.replace(one, **{NAMES[0]: 99}))),
            outcome(lambda: setattr(one, NAMES[0], 7)),
            outcome(lambda: setattr(one, "other", 7)),
            outcome(lambda: delattr(one, NAMES[0])),
            vars(one),
        ]
    return seen


@settings(max_examples=300, deadline=None)
@given(
    spec=st.lists(FIELD, max_size=5),
    doc=st.booleans(),
    frozen=st.booleans(),
    show=st.booleans(),
    compare=st.booleans(),
    positional=st.integers(0, 6),
    keywords=st.lists(st.sampled_from([*NAMES, "zz"]), unique=True, max_size=3),
)
def test_a_class_answers_as_the_standard_decorators_does(spec, doc, frozen, show, compare, positional, keywords):
    reference, ours = both(spec, doc, frozen=frozen, repr=show, eq=compare)
    if isinstance(reference, type) and issubclass(reference, Exception):
        assert ours is reference  # both refuse the class (a required field after a defaulted one)
        return
    args = tuple(range(10, 10 + positional))
    kwargs = {k: 50 + i for i, k in enumerate(keywords)}
    assert answers(ours, args, kwargs) == answers(reference, args, kwargs)


@dataclass(frozen=True)
class Goal:
    """A class of this module, for pickling."""

    period: str
    minimum: float = 0.0
    measure: str | None = None

    def __post_init__(self) -> None:
        if self.measure is None:
            object.__setattr__(self, "measure", f"growth of {self.period}")


def test_post_init_runs_after_the_fields_are_set():
    assert Goal("FY").measure == "growth of FY"
    assert Goal("FY", measure="level").measure == "level"


def test_an_instance_pickles_and_copies():
    goal = Goal("H2", 11.9)
    assert pickle.loads(pickle.dumps(goal)) == goal
    assert copy.copy(goal) == goal and hash(copy.copy(goal)) == hash(goal)


def test_methods_written_in_the_class_body_win():
    @dataclass(frozen=True)
    class Shown:
        x: int

        def __repr__(self) -> str:
            return "mine"

    assert repr(Shown(1)) == "mine" and Shown(1) == Shown(1)


@pytest.mark.parametrize(
    "namespace",
    [
        {"__annotations__": {"x": "int"}, "x": dataclasses.field(init=False, default=0)},
        {"__annotations__": {"x": "int"}, "x": dataclasses.field(kw_only=True, default=0)},
        {"__annotations__": {"x": ClassVar[int]}, "x": 0},
        {"__annotations__": {"x": dataclasses.InitVar[int]}},
        {"__annotations__": {"x": "int"}, "x": []},  # a mutable default, refused by the standard decorator too
    ],
    ids=["init=False", "kw_only", "ClassVar", "InitVar", "mutable default"],
)
def test_what_the_decorator_does_not_support_is_refused_when_the_class_is_defined(namespace):
    with pytest.raises((TypeError, ValueError)):
        dataclass(type("Refused", (), dict(namespace)), frozen=True)


def test_a_dataclass_base_is_refused():
    with pytest.raises(TypeError, match="base"):
        dataclass(type("Child", (Goal,), {"__annotations__": {"extra": "int"}, "extra": 0}), frozen=True)
