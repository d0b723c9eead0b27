"""Option values converted as typer converts them, without building a pydantic TypeAdapter for each option.

Typer (0.2x) converts every option's value through a TypeAdapter it builds on each run: pydantic's import and
about 15 ms an option, more than all of ``check``'s own work (issue #25). The tool's options are plain: text,
whole and decimal numbers, paths, flags, a choice of an Enum, lists of those. Their usual values (``json``,
``10.5``, ``plan.yaml``) are converted here exactly as typer's adapters convert them. Anything else (a value
these readers do not recognise, a number out of an option's range, an annotation they do not know) goes to
typer's own conversion, built only then, so an odd value gets typer's behaviour and typer's error.
tests/test_conversion.py holds the two to the same results.
"""

import math
import re
from enum import Enum
from pathlib import Path
from typing import Any, Callable, get_args, get_origin

#: A number as people type one: what float() and int() read the same way pydantic's lax mode does.
DECIMAL = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
WHOLE = re.compile(r"[+-]?(0|[1-9]\d*)")


class NotPlain(Exception):
    """A value these readers leave to typer."""


def converter(annotation: Any, info: Any):
    """How to convert a value of ``annotation`` (with typer's ParameterInfo ``info``), or None: typer's own."""
    if info.parser is not None or getattr(info, "click_type", None) is not None:
        return None
    if get_origin(annotation) is list:
        (item,) = get_args(annotation)
        each = converter(item, info)
        if each is None:
            return None

        def convert_list(value: Any, ctx: Any) -> list:
            items = value if isinstance(value, (list, tuple)) else [value]
            return [each(v, ctx) for v in items]

        return convert_list
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return _choice(annotation, info)
    if annotation is str:
        return _text
    if annotation is bool:
        return _flag
    if annotation in (int, float) and not info.clamp:
        return _number(annotation, info.min, info.max)
    if annotation is Path and info.path_type is None:
        return _path(info)
    return None


def _text(value: Any, ctx: Any) -> str:
    if type(value) is not str:
        raise NotPlain
    return value


def _flag(value: Any, ctx: Any) -> bool:
    if type(value) is not bool:
        raise NotPlain
    return value


def _number(kind: type, low: float | None, high: float | None):
    pattern = WHOLE if kind is int else DECIMAL

    def convert(value: Any, ctx: Any):
        if type(value) is kind:  # an option's default
            number = value
        elif type(value) is str and pattern.fullmatch(value):
            number = kind(value)
        else:
            raise NotPlain
        if (kind is float and not math.isfinite(number)) or (low is not None and number < low):
            raise NotPlain
        if high is not None and number > high:
            raise NotPlain
        return number

    return convert


def _choice(enum: type[Enum], info: Any):
    from typer._param_types import coerce_cli_choice

    def convert(value: Any, ctx: Any):
        try:
            return coerce_cli_choice(value, choices=list(enum), case_sensitive=info.case_sensitive, ctx=ctx)
        except ValueError:  # not one of them: typer words it
            raise NotPlain from None

    return convert


def _path(info: Any):
    from typer._param_types import coerce_cli_path

    def convert(value: Any, ctx: Any):
        if type(value) is not str or not value:
            raise NotPlain
        return coerce_cli_path(Path(value), info, path_type=Path, ctx=ctx)

    return convert


def use_plain_conversion() -> None:
    """Convert the options' values here, and with typer's adapters only what these readers leave to them.
    A typer without the hooks this needs keeps its own conversion (slower, the same results)."""
    try:
        from typer import _coercion, core
        from typer._click.exceptions import BadParameter
    except ImportError:
        return
    if not hasattr(core, "build_runtime_param") or not hasattr(_coercion, "RuntimeParam"):
        return
    typers_own = _coercion.build_runtime_param

    class PlainRuntimeParam(_coercion.RuntimeParam):
        """typer's runtime parameter with this module's reader; typer's own, built on first need, for the rest.
        A plain subclass (no dataclass of its own: defining one costs a millisecond on every run)."""

        def __init__(self, descriptor: Any, convert: Callable) -> None:
            super().__init__(parameter_info=descriptor.parameter_info, annotation=descriptor.annotation)
            self.convert, self.descriptor, self.fallback = convert, descriptor, None

        def _coerce_value(self, value: Any, param: Any, ctx: Any) -> Any:
            try:
                return self.convert(value, ctx)
            except NotPlain:
                pass
            except BadParameter:
                raise
            if self.fallback is None:
                self.fallback = typers_own(self.descriptor)
            return self.fallback._coerce_value(value, param=param, ctx=ctx)

    def build_runtime_param(descriptor):
        convert = (
            None
            if descriptor.file_annotation is not None
            else converter(descriptor.annotation, descriptor.parameter_info)
        )
        if convert is None:
            return typers_own(descriptor)
        return PlainRuntimeParam(descriptor, convert)

    core.build_runtime_param = build_runtime_param
