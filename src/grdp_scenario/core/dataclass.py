"""``dataclass``: the standard library's dataclass, defined in microseconds instead of a millisecond.

The standard decorator compiles source text for each class it decorates: ``__init__``, ``__repr__``,
``__eq__``, and for a frozen class ``__hash__``, ``__setattr__`` and ``__delattr__``, six ``exec`` calls,
about 1 ms a class on Python 3.11. ``check`` defines some twenty classes before it reads a line of the plan,
a tenth of its whole run (issue #25). This decorator lets the standard one collect the fields (so
``dataclasses.fields``, ``replace``, ``asdict`` and ``is_dataclass`` work as ever) and generate nothing;
the methods are the few functions below, shared by every class and reading the field names each class
keeps. They behave as the generated ones do (``tests/test_dataclass.py`` compares them, class for class,
with the standard decorator's); an instance costs a little more to make, which no command notices.

Only what this package uses is supported: ``frozen``, ``repr`` and ``eq``; fields with defaults, default
factories, ``repr=False`` and ``compare=False``; ``__post_init__``; inheriting the fields of a base
decorated the same way. Anything else is refused when the class is defined.
"""

from __future__ import annotations

import dataclasses
import inspect
import reprlib
from typing import Any, Callable

try:
    from typing import dataclass_transform
except ImportError:  # Python 3.10: the decorator only tells type checkers, so without it nothing changes

    def dataclass_transform(**_: Any) -> Callable:
        return lambda decorator: decorator


#: What a field may ask for beyond its default; anything else is refused (the standard decorator serves).
PLAIN_FIELD = {"init": True, "hash": None, "kw_only": False}


@dataclass_transform(field_specifiers=(dataclasses.field, dataclasses.Field))
def dataclass(cls: type | None = None, /, *, frozen: bool = False, repr: bool = True, eq: bool = True) -> Any:
    """Like ``dataclasses.dataclass(cls, frozen=..., repr=..., eq=...)``, without compiling methods."""

    def wrap(cls: type) -> type:
        return _process(cls, frozen=frozen, repr=repr, eq=eq)

    return wrap if cls is None else wrap(cls)


def _process(cls: type, *, frozen: bool, repr: bool, eq: bool) -> type:
    if any(dataclasses.is_dataclass(base) for base in cls.__mro__[1:]):
        raise TypeError(f"{cls.__qualname__}: a base that is a dataclass is not supported here")
    body = cls.__dict__
    class_hash = body.get("__hash__", dataclasses.MISSING)
    explicit_hash = not (class_hash is dataclasses.MISSING or (class_hash is None and "__eq__" in body))
    had_doc = bool(body.get("__doc__"))
    if frozen and ("__setattr__" in body or "__delattr__" in body):
        raise TypeError(f"Cannot overwrite attribute __setattr__ or __delattr__ in class {cls.__name__}")
    # The standard decorator with nothing to generate: it only collects the fields.
    dataclasses.dataclass(cls, init=False, repr=False, eq=False)
    fields = dataclasses.fields(cls)
    for f in fields:
        unsupported = {k: getattr(f, k) for k, v in PLAIN_FIELD.items() if getattr(f, k) != v}
        if unsupported:
            raise TypeError(f"{cls.__qualname__}.{f.name}: field options {unsupported} are not supported here")
    after_default = False
    for f in fields:
        if _has_default(f):
            after_default = True
        elif after_default:
            raise TypeError(f"non-default argument {f.name!r} follows default argument")
    if len(fields) != len(cls.__dataclass_fields__):
        raise TypeError(f"{cls.__qualname__}: ClassVar and InitVar pseudo-fields are not supported here")
    spec = _Spec(cls, fields)
    if "__init__" not in body:
        _set(cls, "__init__", _initialiser(spec))
        cls.__signature__ = _signature(spec)
    if repr:
        _set(cls, "__repr__", _representation(spec))
    if eq:
        _set(cls, "__eq__", _equality(spec))
        if not explicit_hash:  # the standard rule: frozen and comparable hashes its fields, mutable is unhashable
            cls.__hash__ = _hasher(spec) if frozen else None
    if frozen:
        cls.__setattr__, cls.__delattr__ = _frozen_guards(spec)
    if not had_doc:
        cls.__doc__ = cls.__name__ + str(inspect.signature(cls)).replace(" -> None", "")
    # What the class is, for introspection (the standard decorator was asked for no methods).
    cls.__dataclass_params__ = type(cls.__dataclass_params__)(
        init=True, repr=repr, eq=eq, order=False, unsafe_hash=False, frozen=frozen
    )
    return cls


def _has_default(f: dataclasses.Field) -> bool:
    return f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING


def _signature(spec: _Spec) -> inspect.Signature:
    """The signature the generated ``__init__`` would show (``inspect.signature(cls)``, notebooks' help)."""
    parameters = [
        inspect.Parameter(
            f.name,
            inspect.Parameter.POSITIONAL_OR_KEYWORD,
            default=f.default
            if f.default is not dataclasses.MISSING
            else dataclasses._HAS_DEFAULT_FACTORY
            if f.default_factory is not dataclasses.MISSING
            else inspect.Parameter.empty,
            annotation=f.type,
        )
        for f in spec.fields
    ]
    return inspect.Signature(parameters, return_annotation=None)


def _set(cls: type, name: str, method: Callable) -> None:
    """A method defined in the class body wins, as with the standard decorator."""
    if name not in cls.__dict__:
        method.__qualname__ = f"{cls.__qualname__}.{name}"
        setattr(cls, name, method)


class _Spec:
    """What the shared methods need of a class, worked out once when it is defined."""

    def __init__(self, cls: type, fields: tuple[dataclasses.Field, ...]) -> None:
        self.cls = cls
        self.fields = fields
        self.names = tuple(f.name for f in fields)
        self.index = frozenset(self.names)
        self.defaults = {f.name: f.default for f in fields if f.default is not dataclasses.MISSING}
        self.factories = {f.name: f.default_factory for f in fields if f.default_factory is not dataclasses.MISSING}
        self.shown = tuple(f.name for f in fields if f.repr)
        self.compared = tuple(f.name for f in fields if f.compare)
        self.post_init = hasattr(cls, "__post_init__")


def _initialiser(spec: _Spec) -> Callable:
    names, index, defaults, factories = spec.names, spec.index, spec.defaults, spec.factories
    name = spec.cls.__qualname__

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(
                f"{name}.__init__() takes {len(names) + 1} positional arguments but {len(args) + 1} were given"
            )
        values = dict(zip(names, args))
        for key, value in kwargs.items():
            if key not in index:
                raise TypeError(f"{name}.__init__() got an unexpected keyword argument {key!r}")
            if key in values:
                raise TypeError(f"{name}.__init__() got multiple values for argument {key!r}")
            values[key] = value
        missing = []
        state = self.__dict__  # set past a frozen class's guard, as the generated __init__ does
        for field in names:
            if field in values:
                state[field] = values[field]
            elif field in defaults:
                state[field] = defaults[field]
            elif field in factories:
                state[field] = factories[field]()
            else:
                missing.append(field)
        if missing:
            listed = ", ".join(repr(m) for m in missing)
            raise TypeError(f"{name}.__init__() missing {len(missing)} required positional argument(s): {listed}")
        if spec.post_init:
            self.__post_init__()

    return __init__


def _representation(spec: _Spec) -> Callable:
    shown = spec.shown

    @reprlib.recursive_repr()
    def __repr__(self) -> str:
        inner = ", ".join(f"{n}={getattr(self, n)!r}" for n in shown)
        return f"{type(self).__qualname__}({inner})"

    return __repr__


def _equality(spec: _Spec) -> Callable:
    compared = spec.compared

    def __eq__(self, other: object) -> bool:
        if other.__class__ is self.__class__:
            return tuple(getattr(self, n) for n in compared) == tuple(getattr(other, n) for n in compared)
        return NotImplemented

    return __eq__


def _hasher(spec: _Spec) -> Callable:
    compared = spec.compared

    def __hash__(self) -> int:
        return hash(tuple(getattr(self, n) for n in compared))

    return __hash__


def _frozen_guards(spec: _Spec) -> tuple[Callable, Callable]:
    cls, index = spec.cls, spec.index

    def __setattr__(self, name: str, value: Any) -> None:
        if type(self) is cls or name in index:
            raise dataclasses.FrozenInstanceError(f"cannot assign to field {name!r}")
        super(cls, self).__setattr__(name, value)

    def __delattr__(self, name: str) -> None:
        if type(self) is cls or name in index:
            raise dataclasses.FrozenInstanceError(f"cannot delete field {name!r}")
        super(cls, self).__delattr__(name)

    return __setattr__, __delattr__
