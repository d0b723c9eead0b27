"""The targets file (README, "File formats"), validated with pydantic, and loaded with its places.

Only region, year, base_year, sectors, goals and growth are required. The optional sections keep one meaning per key and
every number traceable: the YAML carries the place in the plan as a comment, the loader keeps
each number's line and printed text (see yamlsource).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError
from pydantic_core import PydanticCustomError

from ..core import periods
from ..core.errors import InputError
from ..core.text import printable
from ..core.values import HUGE, RATE_MAX, check_level, parse_number, parse_rate
from .yamlsource import Located, dotted, load_yaml

STATUSES = ("actual", "estimate", "target")
#: Keys name things on command lines (``Q4.services``), in CSV columns and JSON: letters, digits and _.
IDENTIFIER = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
Status = Literal["actual", "estimate", "target"]
#: Columns of the plan's tables: the base year, then periods of the plan year.
COLUMNS = ("base_year", *periods.NAMES)


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
    kind: Literal["flow", "stock", "rate", "share", "level"] = "flow"
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
    components: Literal["sum", "within"] | None = None
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


class PlanFile:
    """A validated targets file with the places of its numbers, and its text (what a writer edits)."""

    def __init__(self, model: TargetsFile, located: Located, file: str, text: str = "") -> None:
        self.model = model
        self.located = located
        self.file = file
        self.text = text

    # convenient views
    @property
    def sectors(self) -> list[Sector]:
        return self.model.sectors

    @property
    def top_level(self) -> list[str]:
        return [s.key for s in self.model.sectors if s.parent is None]

    def sector(self, key: str) -> Sector:
        return next(s for s in self.model.sectors if s.key == key)

    def line(self, *path: Any) -> int | None:
        return self.located.line(path)

    def decimals(self, *path: Any) -> int | None:
        return self.located.decimals(path)


def _fail(plan_file: str, located: Located, path: tuple, code: str, fix: str | None = None, **fields) -> InputError:
    return InputError(code, file=plan_file, line=located.line(path), where=dotted(path) or None, fix=fix, **fields)


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
            return _fail(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=key)
        allowed = _allowed_keys(model, loc)
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        if hint:
            return _fail(file, located, path, "key-unknown", "fix-did-you-mean", key=key, hint=hint[0])
        return _fail(
            file,
            located,
            path,
            "key-unknown",
            "fix-keys-allowed" if allowed else "fix-remove-key",
            key=key,
            allowed=tuple(allowed),
        )
    if etype == "missing":
        return _fail(file, located, path, "key-missing", "fix-key-missing", key=path[-1])
    value = err.get("input")
    if path[:1] == ("growth",) and len(path) == 3 and isinstance(value, dict):
        # rates: {…} under a block, as an earlier schema had it: the file writes them in the block itself
        return _fail(
            file, located, path, "block-rates-nested", "fix-block-rates-nested", block_key=path[1], key=path[2]
        )
    if "fix" in ctx:  # one of our facts, raised by a core check inside a validator
        fix = ctx.pop("fix")
        return _fail(file, located, path, etype, fix, **ctx)
    shown = value if not isinstance(value, (dict, list)) else None
    code = PYDANTIC_TYPES.get(etype, "value-invalid")
    return _fail(file, located, path, code, "fix-value", value=shown, expected=ctx.get("expected"), type=etype)


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


def validate_plan(model: TargetsFile, located: Located, file: str) -> None:
    """What pydantic cannot see: keys that refer to sectors and periods, blocks that partition the year."""
    keys = [s.key for s in model.sectors]
    _check_keyed_list(file, located, "sectors", model.sectors, "sector-twice", "parent-unknown")
    for i, s in enumerate(model.sectors):
        if s.key == "grdp":
            raise _fail(file, located, ("sectors", i, "key"), "sector-grdp-reserved", "fix-sector-grdp-reserved")
    parent_of = {s.key: s.parent for s in model.sectors}
    for i, s in enumerate(model.sectors):
        seen, key = {s.key}, s.parent
        while key is not None:
            if key in seen:
                raise _fail(file, located, ("sectors", i, "parent"), "parent-cycle", "fix-parent-cycle", key=s.key)
            seen.add(key)
            key = parent_of[key]
    top = [s.key for s in model.sectors if s.parent is None]
    if not top:
        raise _fail(file, located, ("sectors",), "sectors-no-top", "fix-sectors-no-top")
    items = ["grdp", *keys]
    if model.base_year >= model.year:
        raise _fail(
            file,
            located,
            ("base_year",),
            "base-year-not-before",
            "fix-base-year-not-before",
            base_year=model.base_year,
            year=model.year,
        )

    def check_items(section: str, mapping: dict[str, dict[str, float]], allowed_periods=periods.NAMES) -> None:
        for period, rates in mapping.items():
            if period not in allowed_periods:
                raise _fail(
                    file,
                    located,
                    (section, period),
                    "period-unknown",
                    "fix-one-of",
                    value=period,
                    allowed=tuple(allowed_periods),
                )
            for item in rates:
                _check_item(file, located, (section, period, item), item, items)

    check_goals(file, located, model, items)
    check_items("published", model.published)
    check_items("base_year_block_growth", model.base_year_block_growth)
    for item in model.base_year_growth:
        _check_item(file, located, ("base_year_growth", item), item, items)
    for item in model.assumptions.deflators:
        _check_item(file, located, ("assumptions", "deflators", item), item, keys)
    children = [s.key for s in model.sectors if s.parent is not None]
    for item, share in model.assumptions.child_shares.items():
        _check_item(file, located, ("assumptions", "child_shares", item), item, children)
        if not 0 < share <= 100:
            raise _fail(
                file,
                located,
                ("assumptions", "child_shares", item),
                "child-share-range",
                "fix-child-share-range",
                key=item,
                value=share,
            )
    for column, shares in model.structure.items():
        if column not in COLUMNS:
            raise _fail(
                file, located, ("structure", column), "column-unknown", "fix-one-of", value=column, allowed=COLUMNS
            )
        for item in shares:
            _check_item(file, located, ("structure", column, item), item, keys)
    _check_keyed_list(file, located, "indicators", model.indicators, "indicator-twice", "indicator-parent-unknown")
    for i, ind in enumerate(model.indicators):
        for part in ("values", "min", "range", "growth_min", "text", "stated"):
            for column in getattr(ind, part):
                if column not in COLUMNS:
                    raise _fail(
                        file,
                        located,
                        ("indicators", i, part, column),
                        "column-unknown",
                        "fix-one-of",
                        value=column,
                        allowed=COLUMNS,
                    )

    if not model.growth:
        raise _fail(file, located, ("growth",), "growth-none", "fix-growth-none")
    for block, spec in model.growth.items():
        if block not in periods.NAMES or not periods.is_contiguous(block):
            raise _fail(
                file,
                located,
                ("growth", block),
                "block-unknown",
                "fix-one-of",
                value=block,
                allowed=tuple(b for b in periods.NAMES if periods.is_contiguous(b)),
            )
        for item in spec.rates:
            _check_item(file, located, ("growth", block, item), item, keys)
        children_of: dict[str, list[str]] = {}
        for sector in model.sectors:
            if sector.parent is not None:
                children_of.setdefault(sector.parent, []).append(sector.key)

        def covered(key: str, rates=spec.rates, children_of=children_of) -> bool:
            """Given, or made by its industries, every one given (their volume-weighted rate, contract §2)."""
            kids = children_of.get(key, [])
            return key in rates or (bool(kids) and all(covered(k) for k in kids))

        given = [k for k in top if covered(k)]
        if spec.grdp is None and not spec.rates and spec.status == "target":
            continue  # a target block still to be written or built (as init leaves it): see economy_from_plan
        if spec.grdp is None and not given:
            raise _fail(file, located, ("growth", block), "block-empty", "fix-block-empty", block=block)
        if given and len(given) < len(top):
            missing = [k for k in top if not covered(k)]
            raise _fail(
                file,
                located,
                ("growth", block),
                "block-lacks-sectors",
                "fix-block-lacks-sectors",
                block=block,
                sectors=tuple(missing),
            )
        for item in spec.rates:
            parent = next(s.parent for s in model.sectors if s.key == item)
            if parent is not None and not covered(parent):
                raise _fail(
                    file,
                    located,
                    ("growth", block, item),
                    "child-without-parent",
                    "fix-child-without-parent",
                    item=item,
                    parent=parent,
                )
    problem = periods.partition_problem(list(model.growth))
    if problem:
        raise _fail(file, located, ("growth",), "blocks-not-partition", "fix-blocks-partition", because=problem)


def _check_keyed_list(file: str, located: Located, section: str, entries: list, twice: str, unknown: str) -> None:
    """A list of things with keys and optional parents (sectors, indicators): each key a plain name, given
    once, and each parent one of the keys."""
    keys = [e.key for e in entries]
    counts = Counter(keys)  # counted once: the plan may have thousands of rows
    for i, e in enumerate(entries):
        if not IDENTIFIER.fullmatch(e.key):
            raise _fail(file, located, (section, i, "key"), "key-not-identifier", "fix-key-not-identifier", key=e.key)
        if counts[e.key] > 1:
            raise _fail(file, located, (section, i, "key"), twice, "fix-keep-one", key=e.key)
        if e.parent is not None and e.parent not in counts:
            raise _fail(
                file, located, (section, i, "parent"), unknown, "fix-one-of", value=e.parent, allowed=tuple(keys)
            )


def check_goals(file: str, located: Located, model: TargetsFile, items: list[str]) -> None:
    """Goal items: growth of GRDP or a sector (a rate), or for FY a level at current prices (above 0);
    per capita in USD needs the exchange rate it is reckoned at."""
    from ..core.goals import LEVEL_PERIODS, LEVEL_UNITS

    for period, goals in model.goals.items():
        if period not in periods.NAMES:
            raise _fail(
                file, located, ("goals", period), "period-unknown", "fix-one-of", value=period, allowed=periods.NAMES
            )
        for item, minimum in goals.items():
            path = ("goals", period, item)
            if item not in LEVEL_UNITS:
                _check_item(file, located, path, item, [*items, *LEVEL_UNITS])
                _fail_on(file, located, path, partial(parse_rate, minimum))
                continue
            if period not in LEVEL_PERIODS:
                raise _fail(
                    file,
                    located,
                    path,
                    "goal-level-period",
                    "fix-one-of",
                    item=item,
                    value=period,
                    allowed=LEVEL_PERIODS,
                )
            if minimum <= 0:
                raise _fail(file, located, path, "goal-level-not-positive", "fix-level-zero", item=item, value=minimum)
            if item == "per_capita_usd" and model.assumptions.vnd_per_usd is None:
                raise _fail(file, located, path, "goal-needs-exchange-rate", "fix-goal-needs-exchange-rate")
    for period, items in model.printed_goals.items():
        for i, item in enumerate(items):
            if item not in model.goals.get(period, {}):
                given = tuple(f"{p}.{k}" for p, goals in model.goals.items() for k in goals)
                raise _fail(
                    file,
                    located,
                    ("printed_goals", period, i),
                    "printed-goal-unknown",
                    "fix-printed-goal-unknown",
                    goal=f"{period}.{item}",
                    allowed=given,
                )


def _fail_on(file: str, located: Located, path: tuple, check) -> None:
    """Run a core check of a value, its error placed at ``path`` in the file."""
    try:
        check()
    except InputError as exc:
        code, fix = exc.code, exc.fix
        raise _fail(file, located, path, code, fix, **exc.fact.fields) from None


def _check_item(file: str, located: Located, path: tuple, item: Any, allowed: list[str]) -> None:
    if item in allowed:
        return
    if isinstance(item, int) or (isinstance(item, str) and item.isdigit()):
        raise _fail(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=item)
    hint = difflib.get_close_matches(str(item), allowed, n=1)
    if hint:
        raise _fail(file, located, path, "sector-unknown", "fix-did-you-mean", value=item, hint=hint[0])
    raise _fail(file, located, path, "sector-unknown", "fix-one-of", value=item, allowed=tuple(allowed))


#: Line breaks YAML counts and editors do not show as such (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
ODD_LINE_BREAKS = frozenset("\x85\u2028\u2029")
#: The largest input file read: a plan, base year or outturn is a few kilobytes; anything near this is
#: not one (or is /dev/zero), and reading it whole would only cost memory.
MAX_BYTES = 10 * 1024 * 1024


def read_text(path: Path, what: str) -> str:
    """Read a text file; say plainly when it is missing, too large, empty or not text."""
    from .atomic import read_as_input

    name = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        read_as_input(path)
    except FileNotFoundError:
        raise InputError("file-missing", file=name, kind=what, fix="fix-file-missing") from None
    except IsADirectoryError:
        raise InputError("file-is-folder", file=name, kind=what, fix="fix-file-is-folder") from None
    except OSError as exc:
        raise InputError(
            "file-unreadable", file=name, kind=what, reason=exc.strerror or str(exc), fix="fix-file-unreadable"
        ) from None
    if b"\x00" in raw[:4096]:
        raise InputError("file-binary", file=name, kind=what, fix="fix-file-encoding")
    if len(raw) > MAX_BYTES:
        raise InputError(
            "file-too-large", file=name, kind=what, limit=MAX_BYTES // (1024 * 1024), fix="fix-file-too-large"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("file-not-utf8", file=name, kind=what, byte=exc.start, fix="fix-file-encoding") from None
    if not text.strip():
        raise InputError("file-empty", file=name, kind=what, fix="fix-file-empty")
    odd = next((i for i, c in enumerate(text) if c in ODD_LINE_BREAKS), None)
    if odd is not None:  # YAML would start a new line there and editors would not: every line number would drift
        line = text.count("\n", 0, odd) + 1
        code = f"U+{ord(text[odd]):04X}"
        raise InputError("file-odd-line-break", file=name, line=line, char=code, fix="fix-file-odd-line-break")
    # Line ends as any editor writes them: CRLF (Windows, Excel), CR alone (old Mac), LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_decimal_commas(located: Located, file: str) -> None:
    """In a flow mapping, ``{services: 13,91}`` reads as services: 13 and a key 91 without a value."""
    for path in located.places:
        if path and isinstance(path[-1], int):
            parent = located.data
            for p in path[:-1]:
                parent = parent[p]
            if isinstance(parent, dict) and parent.get(path[-1], "") is None:
                raise _fail(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=path[-1])


def load_plan(path: Path | str) -> PlanFile:
    path = Path(path)
    return plan_from_text(read_text(path, "targets"), str(path))


def plan_from_text(text: str, file: str) -> PlanFile:
    """A plan from its text (``file`` names it in errors): what load_plan reads, and what writers check."""
    located = load_yaml(text, file)
    if not isinstance(located.data, dict):
        raise InputError("plan-not-mapping", file=file, line=1, fix="fix-plan-start")
    _refuse_decimal_commas(located, file)
    try:
        model = TargetsFile.model_validate(located.data)
    except ValidationError as exc:
        raise from_validation_error(exc, located, file, TargetsFile) from None
    validate_plan(model, located, file)
    return PlanFile(model, located, file, text)


def json_schema() -> str:
    """The JSON Schema of the targets file, as text (schema/targets.schema.json is a committed copy)."""
    import json

    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "grdp-scenario targets file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
