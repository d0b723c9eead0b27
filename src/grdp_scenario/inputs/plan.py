"""The targets file (README, "File formats"), validated with pydantic, and loaded with its places.

Only region, year, base_year, sectors, goals and growth are required. The optional sections keep one meaning per key and
every number traceable: the YAML carries the place in the plan as a comment, the loader keeps
each number's line and printed text (see yamlsource).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator
from pydantic_core import PydanticCustomError

from ..core import periods
from ..core.errors import InputError
from ..core.values import check_level, parse_number, parse_rate
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


Rate = Annotated[float, BeforeValidator(_rate)]
Amount = Annotated[float, BeforeValidator(_amount)]
#: A total that other figures are divided by (nominal GRDP, per capita, population): above zero.
Positive = Annotated[float, BeforeValidator(_positive)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Region(Model):
    key: str
    name: str


class Sector(Model):
    key: str
    vi: str
    en: str
    parent: str | None = None


class GrowthBlock(Model):
    """One block's growth: its status, then GRDP and/or sector rates, in percent."""

    status: Status
    grdp: Rate | None = None
    rates: dict[str, Rate] = Field(default_factory=dict)

    @model_validator(mode="before")
    @classmethod
    def _collect_rates(cls, data: Any) -> Any:
        # The file writes sector rates beside status and grdp (Q3: {status: target, grdp: 11.08,
        # services: 13.91}); they are checked against the declared sectors by validate_plan.
        if isinstance(data, dict) and "rates" not in data:
            data = dict(data)
            rates = {k: data.pop(k) for k in list(data) if k not in ("status", "grdp")}
            data["rates"] = rates
        return data


class Nominal(Model):
    """GRDP at current prices, billion VND (Phụ lục I row 2)."""

    base_year: Positive | None = None
    H1: Positive | None = None
    FY_min: Positive | None = None


class PerCapita(Model):
    """GRDP per capita at current prices, million VND (II.1.1; Phụ lục I row 3)."""

    base_year: Positive | None = None
    FY_min: Positive | None = None


class Assumptions(Model):
    """What the figures rest on where the plan does not say it outright."""

    deflators: dict[str, Rate] = Field(default_factory=dict)
    population: Positive | None = None
    #: A child sector's share of its parent's base-year volume at constant prices, in percent
    #: (docs/method.md §1): what ties industry to industry-construction in a what-if.
    child_shares: dict[str, Amount] = Field(default_factory=dict)


class Indicator(Model):
    """Another numeric row of the appendix, kept as printed."""

    row: str
    key: str
    name: str
    unit: str
    kind: Literal["flow", "stock", "rate", "share", "level"] = "flow"
    parent: str | None = None
    agency: str | None = None
    values: dict[str, Amount] = Field(default_factory=dict)
    min: dict[str, Amount] = Field(default_factory=dict)
    range: dict[str, tuple[Amount, Amount]] = Field(default_factory=dict)
    growth_min: dict[str, Amount] = Field(default_factory=dict)
    text: dict[str, str] = Field(default_factory=dict)
    #: The same figure as the text of the plan states it (values or min), for the audit to compare.
    stated: dict[str, Amount] = Field(default_factory=dict)
    #: For a parent: do its components make up the total ("sum") or only part of it ("within")?
    components: Literal["sum", "within"] | None = None
    note: str | None = None


class TargetsFile(Model):
    region: Region
    year: int
    base_year: int
    document: str | None = None
    sectors: list[Sector]
    goals: dict[str, dict[str, Rate]]
    growth: dict[str, GrowthBlock]
    published: dict[str, dict[str, Rate]] = Field(default_factory=dict)
    base_year_growth: dict[str, Rate] = Field(default_factory=dict)
    #: The base year's growth in each of its blocks over the same block of the year before, by item (the
    #: statistics office's quarterly releases): the shape ``build --profile uplift|scaled`` starts from.
    base_year_block_growth: dict[str, dict[str, Rate]] = Field(default_factory=dict)
    nominal: Nominal = Field(default_factory=Nominal)
    per_capita: PerCapita = Field(default_factory=PerCapita)
    structure: dict[str, dict[str, Amount]] = Field(default_factory=dict)
    assumptions: Assumptions = Field(default_factory=Assumptions)
    indicators: list[Indicator] = Field(default_factory=list)


class Plan:
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
    """pydantic's first error as our fact, at its place in the file."""
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    # GrowthBlock moves sector rates under "rates"; the file has them one level up.
    path = tuple(p for p in loc if p != "rates")
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
    if "fix" in ctx:  # one of our facts, raised by a core check inside a validator
        fix = ctx.pop("fix")
        return _fail(file, located, path, etype, fix, **ctx)
    value = err.get("input")
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

    check_items("goals", model.goals)
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
        given = [k for k in top if k in spec.rates]
        if spec.grdp is None and not given:
            raise _fail(file, located, ("growth", block), "block-empty", "fix-block-empty", block=block)
        if given and len(given) < len(top):
            missing = [k for k in top if k not in spec.rates]
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
            if parent is not None and parent not in spec.rates:
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


def _check_item(file: str, located: Located, path: tuple, item: Any, allowed: list[str]) -> None:
    if item in allowed:
        return
    if isinstance(item, int) or (isinstance(item, str) and item.isdigit()):
        raise _fail(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=item)
    hint = difflib.get_close_matches(str(item), allowed, n=1)
    if hint:
        raise _fail(file, located, path, "sector-unknown", "fix-did-you-mean", value=item, hint=hint[0])
    raise _fail(file, located, path, "sector-unknown", "fix-one-of", value=item, allowed=tuple(allowed))


#: The largest input file read: a plan, base year or outturn is a few kilobytes; anything near this is
#: not one (or is /dev/zero), and reading it whole would only cost memory.
MAX_BYTES = 10 * 1024 * 1024


def read_text(path: Path, what: str) -> str:
    """Read a text file; say plainly when it is missing, too large, empty or not text."""
    name = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
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


def load_plan(path: Path | str) -> Plan:
    path = Path(path)
    return plan_from_text(read_text(path, "targets"), str(path))


def plan_from_text(text: str, file: str) -> Plan:
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
    return Plan(model, located, file, text)


def json_schema() -> str:
    """The JSON Schema of the targets file, as text (schema/targets.schema.json is a committed copy)."""
    import json

    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "grdp-scenario targets file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
