"""The scenario file of ``whatif --scenario``: overrides as YAML, read and checked like the plan."""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from ..core.economy import Economy
from ..core.errors import InputError
from ..core.overrides import Override, make_override
from .plan import read_text
from .plan_schema import from_validation_error
from .yamlsource import dotted, load_yaml


class ScenarioFile(BaseModel):
    model_config = ConfigDict(extra="forbid")
    name: str | None = None
    description: str | None = None
    set: dict[str, dict[str, object]] = {}
    shift: dict[str, dict[str, object]] = {}


def load_scenario_file(path: Path | str, economy: Economy) -> list[Override]:
    """A YAML of overrides: ``set: {Q4: {services: 14.5}}``, ``shift: {Q3: {grdp: -1}}``, optional ``name``."""
    file = str(path)
    located = load_yaml(read_text(Path(path), "scenario"), file)
    try:
        spec = ScenarioFile.model_validate(located.data)
    except ValidationError as exc:
        raise from_validation_error(exc, located, file, ScenarioFile) from None
    out = []
    for kind in ("set", "shift"):
        for period, items in getattr(spec, kind).items():
            for item, raw in items.items():
                path = (kind, period, item)
                try:
                    out.append(make_override(kind, period, item, raw, economy, dotted(path)))
                except InputError as exc:
                    raise exc.located(file, located.line(path)) from None
    return out
