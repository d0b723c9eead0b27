"""The targets file's schema as pydantic models: the reference for what a valid file is, the JSON Schema
editors check against (``grdp-scenario schema``), and the words of every error in a file's shape.

A valid file is read without them (inputs/plan_records.py, for a fast start); a file the records cannot
prove valid is validated here, so every error is pydantic's, placed in the file.
"""

from __future__ import annotations

import difflib
import re
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ..core import periods
from ..core.errors import InputError
from ..core.text import printable
from ..core.values import HUGE, RATE_MAX, check_level, parse_number, parse_rate
from .plan_records import COLUMNS, COMPONENTS, IDENTIFIER, KINDS, STATUSES
from .yamlsource import Located, placed_error

Status = Literal[STATUSES]


def _checked(check, value: Any) -> Any:
    """Run a core check inside pydantic, keeping its fact: pydantic then knows the place in the file."""
    try:
        return check(value)
    except InputError as exc:
        raise PydanticCustomError(exc.code, exc.code, {**exc.fact.fields, "fix": exc.fix}) from None


def _rate(value: Any) -> float:
    return _checked(parse_rate, value)


def _amount(value: Any) -> float:
    return _checked(lambda v: check_level(parse_number(v)), value)


def _positive(value: Any) -> float:
    def check(v: Any) -> float:
        level = check_level(parse_number(v))
        if level == 0:
            raise InputError("level-zero", value=level, fix="fix-level-zero")
        return level

    return _checked(check, value)


# The bounds repeat the core checks for the schema (an editor flags them as they are typed); the core
# checks run first, with their own messages.
Rate = Annotated[float, Field(gt=-100, le=RATE_MAX), BeforeValidator(_rate)]
Amount = Annotated[float, Field(ge=0, le=HUGE), BeforeValidator(_amount)]
#: A goal's minimum: a rate for growth items, a level for level items (validate_plan checks which).
GoalNumber = Annotated[float, Field(gt=-100, le=HUGE), BeforeValidator(lambda v: _checked(parse_number, v))]
#: A total that other figures are divided by (nominal GRDP, per capita, population): above zero.
Positive = Annotated[float, Field(gt=0, le=HUGE), BeforeValidator(_positive)]
#: A name as printed (a region, a sector, an indicator): display text, one line, no control characters or
#: bidirectional overrides (core/text.py), runs of spaces as one, so every format shows and keeps it alike.
Name = Annotated[str, AfterValidator(lambda v: " ".join(printable(v).split()))]


class Model(BaseModel):
    # Attribute docstrings become the schema's descriptions: one text for the reader of the code and
    # the editor of the file.
    model_config = ConfigDict(extra="forbid", frozen=True, use_attribute_docstrings=True)


def _keys_are(pattern: str) -> dict:
    """A mapping's keys as the schema states them (what validate_plan checks, for editors)."""
    return {"propertyNames": {"pattern": pattern}}


PERIOD_KEYS = _keys_are("^(" + "|".join(periods.NAMES) + ")$")
COLUMN_KEYS = _keys_are("^(" + "|".join(COLUMNS) + ")$")
ITEM_KEYS = _keys_are(IDENTIFIER.pattern.join("^$"))


class Region(Model):
    """The province or city whose plan this is."""

    key: str = Field(json_schema_extra={"pattern": r"^[a-z0-9][a-z0-9-]*$"})
    """A short name in lower case with hyphens (can-tho, hau-giang): it ties the plan to its base-year file."""
    name: Name
    """The name as the plan prints it (Thành phố Cần Thơ)."""


class Sector(Model):
    """One sector of GRDP by production (Phụ lục I row 1 lists them)."""

    key: str = Field(json_schema_extra={"pattern": IDENTIFIER.pattern.join("^$")})
    """The name used in growth blocks, goals, the base-year file and on the command line (agriculture)."""
    vi: Name
    """The sector's name in Vietnamese, as the plan prints it."""
    en: Name
    """The sector's name in English."""
    parent: str | None = None
    """For a part of another sector (industry within industry_construction): that sector's key. The sectors
    without a parent add up to GRDP."""


class GrowthBlock(Model):
    """One block's growth, percent over the same block of the base year: its status, then GRDP and/or the
    rate of each sector written beside them (Q3: {status: target, grdp: 11.08, services: 13.91, ...}). A block
    gives GRDP only, every top-level sector, or both."""

    # Sector rates are the block's other keys; validate_plan checks them against the declared sectors.
    model_config = ConfigDict(extra="allow", json_schema_extra=ITEM_KEYS)
    __pydantic_extra__: dict[str, Rate] = Field(init=False)

    status: Status
    """actual (published by the statistics office), estimate (an early figure) or target (the plan's)."""
    grdp: Rate | None = None
    """GRDP growth of the block in percent; with sectors too, the two are checked against each other."""

    @property
    def rates(self) -> dict[str, float]:
        """The sector rates of the block, by sector key."""
        return dict(self.__pydantic_extra__ or {})


class Nominal(Model):
    """GRDP at current prices, billion VND (Phụ lục I row 2)."""

    base_year: Positive | None = None
    """The base year's GRDP at current prices."""
    H1: Positive | None = None
    """The first half of the plan year, at current prices."""
    FY_min: Positive | None = None
    """The plan's minimum for the whole year at current prices ("> 312.621")."""


class PerCapita(Model):
    """GRDP per capita at current prices, million VND (II.1.1; Phụ lục I row 3)."""

    base_year: Positive | None = None
    """The base year's GRDP per capita."""
    FY_min: Positive | None = None
    """The plan's minimum for the whole year ("> 96,9")."""


class Assumptions(Model):
    """What the figures rest on where the plan does not say it outright."""

    deflators: dict[str, Rate] = Field(default_factory=dict, json_schema_extra=ITEM_KEYS)
    """Growth of each sector's price deflator over the base year, percent, by sector key: turns real
    growth into nominal GRDP."""
    population: Positive | None = None
    """Average population of the plan year, persons: divides nominal GRDP into GRDP per capita."""
    vnd_per_usd: Positive | None = None
    """VND per US dollar for the plan year: turns GRDP per capita into USD (a per_capita_usd goal)."""
    child_shares: dict[str, Amount] = Field(default_factory=dict, json_schema_extra=ITEM_KEYS)
    """A child sector's share of its parent's base-year volume at constant prices, in percent
    (docs/method.md §1): what ties industry to industry-construction in a what-if."""


class Indicator(Model):
    """Another numeric row of the appendix, kept as printed."""

    row: str
    """Where it stands in the plan (PL I r5 is Phụ lục I, row 5)."""
    key: str = Field(json_schema_extra={"pattern": IDENTIFIER.pattern.join("^$")})
    """A short name, unique among the indicators."""
    name: Name
    """The row's name as printed."""
    unit: str
    """The unit as printed (tỷ đồng, %, triệu lượt)."""
    kind: Literal[KINDS] = "flow"
    """flow (adds up over quarters), stock (a level at the period's end), rate, share or level: what the
    audit may add up."""
    parent: str | None = None
    """The key of the indicator this one is a component of."""
    agency: str | None = None
    """The agency responsible, as printed."""
    values: dict[str, Amount] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """The printed figures, by column (base_year, H1, Q3, ..., FY)."""
    min: dict[str, Amount] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """Thresholds printed as "> x" or "từ … trở lên", by column."""
    range: dict[str, tuple[Amount, Amount]] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """Ranges printed as "10-15", by column: [low, high]."""
    growth_min: dict[str, Amount] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """"Tăng trưởng ít nhất x% so năm trước" claims, percent, by column."""
    text: dict[str, str] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """Cells that are words rather than a number, by column."""
    stated: dict[str, Amount] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """The same figure as the text of the plan states it (values or min), for the audit to compare."""
    components: Literal[COMPONENTS] | None = None
    """For a parent: do its components make up the total (sum) or only part of it (within)?"""
    note: str | None = None
    """Anything a reader of the file should know about the row."""


class TargetsFile(Model):
    """A provincial plan's GRDP targets: the sectors, the goals, and the growth of each block of the year.
    Rates are percent over the same period of the base year; numbers are written as printed, with their
    decimals (the loader reads the printed precision from the text)."""

    region: Region
    """The province or city."""
    year: int
    """The plan year (2025)."""
    base_year: int
    """The year growth is measured against, normally the year before (2024)."""
    document: str | None = None
    """The plan's number, issuer and date, for citations."""
    actuals: str | None = None
    """The base-year file (actuals_<base_year>.csv), relative to this file; --actuals overrides it."""
    sectors: list[Sector]
    """The sectors, each declared once; the top-level ones add up to GRDP."""
    goals: dict[str, dict[str, GoalNumber]] = Field(json_schema_extra=PERIOD_KEYS)
    """Minimums keyed by period (FY, H2, ...), then by item: growth in percent of grdp or a sector key
    (FY: {grdp: 10, agriculture: 3.53}), or, for FY, a level at current prices: grdp_current (billion VND),
    per_capita (million VND), per_capita_usd (USD, at assumptions.vnd_per_usd)."""
    printed_goals: dict[str, list[str]] = Field(default_factory=dict, json_schema_extra=PERIOD_KEYS)
    """The goals that restate a figure the plan computed from its own targets and printed rounded (the
    appendix's cumulative columns: H2 11.90 as Q3 and Q4 give it), keyed by period, then the items: such a
    goal carries half a unit of its last printed place. Every other goal is a stated threshold, exact, however
    it is printed ("từ 10% trở lên", a resolution's 6.5 %)."""
    growth: dict[str, GrowthBlock] = Field(json_schema_extra=PERIOD_KEYS)
    """The growth of each block, keyed by block (Q1..Q4, H1, H2, 9M, FY); the blocks partition the year
    (H1, Q3, Q4 or Q1..Q4)."""
    published: dict[str, dict[str, Rate]] = Field(default_factory=dict, json_schema_extra=PERIOD_KEYS)
    """Cumulative growth the plan prints (9M, H2), keyed by period, then item: checked, and used by calibrate."""
    weights_from: str | None = None
    """The published figures about the base year (a CSV beside the plan, as ``init --published`` writes it)
    that its base-year volumes were estimated from: every command then reports how far its figures could
    move within the rounding of those figures."""
    base_year_growth: dict[str, Rate] = Field(default_factory=dict, json_schema_extra=ITEM_KEYS)
    """The base year's growth over the year before, by item (describes the base year; not a weight)."""
    base_year_block_growth: dict[str, dict[str, Rate]] = Field(default_factory=dict, json_schema_extra=PERIOD_KEYS)
    """The base year's growth in each of its blocks over the same block of the year before, keyed by block,
    then item (the statistics office's quarterly releases): the shape ``build --profile uplift|scaled`` starts
    from."""
    nominal: Nominal = Field(default_factory=Nominal)
    """GRDP at current prices, billion VND."""
    per_capita: PerCapita = Field(default_factory=PerCapita)
    """GRDP per capita at current prices, million VND."""
    structure: dict[str, dict[str, Amount]] = Field(default_factory=dict, json_schema_extra=COLUMN_KEYS)
    """Economic structure, percent of GRDP at current prices, keyed by column (base_year, H1, FY), then
    sector."""
    assumptions: Assumptions = Field(default_factory=Assumptions)
    """What the figures rest on where the plan does not say it."""
    indicators: list[Indicator] = Field(default_factory=list)
    """The appendix's other rows, as printed (the audit checks their arithmetic)."""


#: pydantic's error types, as our facts
PYDANTIC_TYPES = {
    "int_parsing": "value-not-integer",
    "int_type": "value-not-integer",
    "int_from_float": "value-not-integer",
    "string_type": "value-not-text",
    "dict_type": "value-not-mapping",
    "model_type": "value-not-mapping",
    "model_attributes_type": "value-not-mapping",
    "list_type": "value-not-list",
    "tuple_type": "value-not-list",
    "literal_error": "value-not-one-of",
    "float_parsing": "number-not-a-number",
    "float_type": "number-not-a-number",
    "bool_parsing": "value-not-boolean",
    "bool_type": "value-not-boolean",
}


def from_validation_error(exc: ValidationError, located: Located, file: str, model: type[BaseModel]) -> InputError:
    """pydantic's first error as our fact, at its place in the file. An unknown key is reported before a
    missing one: a misspelt ``goal:`` is both, and "did you mean goals" is the fix."""
    errors = exc.errors()
    err = next((e for e in errors if e["type"] == "extra_forbidden"), errors[0])
    loc = tuple(err["loc"])
    path = loc
    etype = err["type"]
    ctx = dict(err.get("ctx") or {})
    if etype == "extra_forbidden":
        key = path[-1]
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            return placed_error(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=key)
        allowed = _allowed_keys(model, loc)
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        if hint:
            return placed_error(file, located, path, "key-unknown", "fix-did-you-mean", key=key, hint=hint[0])
        return placed_error(
            file,
            located,
            path,
            "key-unknown",
            "fix-keys-allowed" if allowed else "fix-remove-key",
            key=key,
            allowed=tuple(allowed),
        )
    if etype == "missing":
        return placed_error(file, located, path, "key-missing", "fix-key-missing", key=path[-1])
    value = err.get("input")
    if path[:1] == ("growth",) and len(path) == 3 and isinstance(value, dict):
        # rates: {…} under a block, as an earlier schema had it: the file writes them in the block itself
        return placed_error(
            file, located, path, "block-rates-nested", "fix-block-rates-nested", block_key=path[1], key=path[2]
        )
    if "fix" in ctx:  # one of our facts, raised by a core check inside a validator
        fix = ctx.pop("fix")
        return placed_error(file, located, path, etype, fix, **ctx)
    shown = value if not isinstance(value, (dict, list)) else None
    code = PYDANTIC_TYPES.get(etype, "value-invalid")
    if isinstance(value, (dict, list)) and code not in ("value-not-mapping", "value-not-list"):
        code = "value-mapping-not-single" if isinstance(value, dict) else "value-list-not-single"
    expected = ctx.get("expected")
    if isinstance(expected, str) and "'" in expected:  # pydantic's "'a', 'b' or 'c'": the values, worded by us
        expected = tuple(f"'{v}'" for v in re.findall(r"'([^']*)'", expected))
    return placed_error(file, located, path, code, "fix-value", value=shown, expected=expected, type=etype)


def _allowed_keys(model: Any, loc: tuple) -> list[str]:
    for part in loc[:-1]:
        fields = getattr(model, "model_fields", None)
        if not fields or part not in fields:
            return []
        ann = fields[part].annotation
        model = getattr(ann, "__args__", (ann,))[0] if not hasattr(ann, "model_fields") else ann
        if not hasattr(model, "model_fields"):
            return []
    return sorted(getattr(model, "model_fields", {}))


def validated_by(model: type[BaseModel], located: Located, file: str) -> dict:
    """The file's data as ``model`` validates it (every value in its plain form), or the first error, placed."""
    try:
        return model.model_validate(located.data).model_dump()
    except ValidationError as exc:
        raise from_validation_error(exc, located, file, model) from None


def validated(located: Located, file: str) -> dict:
    """The targets file's data as the models validate it, or the first error, placed."""
    return validated_by(TargetsFile, located, file)


def schema_text(model: type[BaseModel], title: str) -> str:
    """A model's JSON Schema, as text."""
    import json

    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


def json_schema() -> str:
    """The JSON Schema of the targets file, as text (schema/targets.schema.json is a committed copy)."""
    return schema_text(TargetsFile, "grdp-scenario targets file")
