"""The targets file (contract §2), validated with pydantic, and loaded with its places.

Only the contract's keys are required. The optional sections keep one meaning per key and
every number traceable: the YAML carries the place in the plan as a comment, the loader keeps
each number's line and printed text (see yamlsource).
"""

from __future__ import annotations

import difflib
import math
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, ValidationError, model_validator

from . import periods
from .errors import InputError
from .yamlsource import Located, dotted, load_yaml

STATUSES = ("actual", "estimate", "target")
Status = Literal["actual", "estimate", "target"]
#: Columns of the plan's tables: the base year, then periods of the plan year.
COLUMNS = ("base_year", *periods.NAMES)


def _number(value: Any) -> Any:
    """Accept YAML numbers; explain the mistakes people make when they type them."""
    if isinstance(value, bool):
        raise ValueError("expected a number, not true/false")
    if isinstance(value, str):
        text = value.strip().rstrip("%").strip()
        if "," in text and text.replace(",", "", 1).replace("-", "", 1).isdigit():
            raise ValueError(f"'{value}' is written with a decimal comma; write {text.replace(',', '.')} "
                             "(a point, as YAML numbers need)")
        try:
            return float(text)
        except ValueError:
            raise ValueError(f"'{value}' is not a number") from None
    if isinstance(value, (int, float)) and math.isnan(float(value)):
        raise ValueError("is NaN (not a number)")
    return value


def _rate(value: float) -> float:
    if not math.isfinite(value):
        raise ValueError(f"{value} is not a finite growth rate")
    if value <= -100:
        raise ValueError(f"a growth rate of {value} % would mean the economy vanished or turned negative; "
                         "rates must be above -100")
    return value


def _non_negative(value: float) -> float:
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{value} must be a finite number ≥ 0")
    return value


Rate = Annotated[float, BeforeValidator(_number), AfterValidator(_rate)]
Amount = Annotated[float, BeforeValidator(_number), AfterValidator(_non_negative)]


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

    base_year: Amount | None = None
    H1: Amount | None = None
    FY_min: Amount | None = None


class PerCapita(Model):
    """GRDP per capita at current prices, million VND (II.1.1; Phụ lục I row 3)."""

    base_year: Amount | None = None
    FY_min: Amount | None = None


class Assumptions(Model):
    """What nominal figures rest on when the plan does not say it outright."""

    deflators: dict[str, Rate] = Field(default_factory=dict)
    population: Amount | None = None


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
    nominal: Nominal = Field(default_factory=Nominal)
    per_capita: PerCapita = Field(default_factory=PerCapita)
    structure: dict[str, dict[str, Amount]] = Field(default_factory=dict)
    assumptions: Assumptions = Field(default_factory=Assumptions)
    indicators: list[Indicator] = Field(default_factory=list)


class Plan:
    """A validated targets file with the places of its numbers."""

    def __init__(self, model: TargetsFile, located: Located, file: str) -> None:
        self.model = model
        self.located = located
        self.file = file

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


def _fail(plan_file: str, located: Located, path: tuple, what: str, fix: str | None = None) -> InputError:
    return InputError(what, file=plan_file, line=located.line(path), where=dotted(path) or None, fix=fix)


def _from_validation_error(exc: ValidationError, located: Located, file: str) -> InputError:
    err = exc.errors()[0]
    loc = tuple(err["loc"])
    # GrowthBlock moves sector rates under "rates"; the file has them one level up.
    path = tuple(p for p in loc if p != "rates")
    etype = err["type"]
    if etype == "extra_forbidden":
        key = path[-1]
        parent = located.data
        for p in path[:-1]:
            parent = parent[p] if isinstance(parent, (dict, list)) else None
        if isinstance(key, int) or (isinstance(key, str) and key.isdigit()):
            return _fail(file, located, path, f"'{key}' looks like the decimals of a number typed with a "
                         "decimal comma (13,91 reads as 13 and 91)", "Write the number with a point: 13.91")
        allowed = _allowed_keys(exc, loc)
        hint = difflib.get_close_matches(str(key), allowed, n=1)
        fix = f"Did you mean '{hint[0]}'?" if hint else (f"Allowed keys here: {', '.join(allowed)}" if allowed
                                                         else "Remove it")
        return _fail(file, located, path, f"unknown key '{key}'", fix)
    if etype == "missing":
        return _fail(file, located, path, f"the required key '{path[-1]}' is missing",
                     "Add it (see data/targets_2025.yaml for an example)")
    msg = err["msg"].removeprefix("Value error, ")
    value = err.get("input")
    shown = f" (found {value!r})" if not isinstance(value, (dict, list)) else ""
    return _fail(file, located, path, f"{msg}{shown}" if "'" not in msg else msg,
                 "Correct the value; rates are plain numbers in percent such as 11.08")


def _allowed_keys(exc: ValidationError, loc: tuple) -> list[str]:
    model: Any = TargetsFile
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
    for i, s in enumerate(model.sectors):
        if keys.count(s.key) > 1:
            raise _fail(file, located, ("sectors", i, "key"), f"sector '{s.key}' is declared twice",
                        "Declare each sector once")
        if s.key == "grdp":
            raise _fail(file, located, ("sectors", i, "key"), "'grdp' is reserved for the total",
                        "Give the sector another key")
        if s.parent is not None and s.parent not in keys:
            raise _fail(file, located, ("sectors", i, "parent"), f"parent '{s.parent}' is not a declared sector",
                        f"Use one of: {', '.join(keys)}")
    top = [s.key for s in model.sectors if s.parent is None]
    if not top:
        raise _fail(file, located, ("sectors",), "no top-level sector is declared",
                    "Declare the sectors that add up to GRDP (without parent)")
    items = ["grdp", *keys]
    if model.base_year >= model.year:
        raise _fail(file, located, ("base_year",), f"base_year {model.base_year} is not before year {model.year}",
                    "Growth is measured over an earlier base year")

    def check_items(section: str, mapping: dict[str, dict[str, float]], allowed_periods=periods.NAMES) -> None:
        for period, rates in mapping.items():
            if period not in allowed_periods:
                raise _fail(file, located, (section, period), f"unknown period '{period}'",
                            f"Use one of: {', '.join(allowed_periods)}")
            for item in rates:
                _check_item(file, located, (section, period, item), item, items)

    check_items("goals", model.goals)
    check_items("published", model.published)
    for item in model.base_year_growth:
        _check_item(file, located, ("base_year_growth", item), item, items)
    for item in model.assumptions.deflators:
        _check_item(file, located, ("assumptions", "deflators", item), item, keys)
    for column, shares in model.structure.items():
        if column not in COLUMNS:
            raise _fail(file, located, ("structure", column), f"unknown column '{column}'",
                        f"Use one of: {', '.join(COLUMNS)}")
        for item in shares:
            _check_item(file, located, ("structure", column, item), item, keys)
    indicator_keys = [ind.key for ind in model.indicators]
    for i, ind in enumerate(model.indicators):
        if indicator_keys.count(ind.key) > 1:
            raise _fail(file, located, ("indicators", i, "key"), f"indicator '{ind.key}' appears twice",
                        "Give each indicator its own key")
        if ind.parent is not None and ind.parent not in indicator_keys:
            raise _fail(file, located, ("indicators", i, "parent"), f"parent '{ind.parent}' is not an indicator",
                        "Use the key of another indicator")
        for part in ("values", "min", "range", "growth_min", "text", "stated"):
            for column in getattr(ind, part):
                if column not in COLUMNS:
                    raise _fail(file, located, ("indicators", i, part, column), f"unknown column '{column}'",
                                f"Use one of: {', '.join(COLUMNS)}")

    if not model.growth:
        raise _fail(file, located, ("growth",), "no growth block is given", "Give at least FY")
    for block, spec in model.growth.items():
        if block not in periods.NAMES or not periods.is_contiguous(block):
            raise _fail(file, located, ("growth", block), f"'{block}' is not a block of quarters",
                        f"Use blocks from: {', '.join(b for b in periods.NAMES)}")
        for item in spec.rates:
            _check_item(file, located, ("growth", block, item), item, keys)
        given = [k for k in top if k in spec.rates]
        if spec.grdp is None and not given:
            raise _fail(file, located, ("growth", block), f"block {block} gives neither grdp nor sector rates",
                        "Give grdp, the rate of every top-level sector, or both")
        if given and len(given) < len(top):
            missing = [k for k in top if k not in spec.rates]
            raise _fail(file, located, ("growth", block), f"block {block} lacks the rate of "
                        f"{', '.join(missing)}", "Give every top-level sector, or only grdp for an early estimate")
        for item in spec.rates:
            parent = next(s.parent for s in model.sectors if s.key == item)
            if parent is not None and parent not in spec.rates:
                raise _fail(file, located, ("growth", block, item),
                            f"{item} is given but its parent {parent} is not", f"Give {parent} as well")
    problem = periods.partition_problem(list(model.growth))
    if problem:
        raise _fail(file, located, ("growth",), f"the growth blocks do not partition the year: {problem}",
                    "Use blocks such as H1, Q3, Q4 or Q1, Q2, Q3, Q4, each quarter exactly once")


def _check_item(file: str, located: Located, path: tuple, item: Any, allowed: list[str]) -> None:
    if item in allowed:
        return
    if isinstance(item, int) or (isinstance(item, str) and item.isdigit()):
        raise _fail(file, located, path, f"'{item}' looks like the decimals of a number typed with a decimal "
                    "comma (13,91 reads as 13 and 91)", "Write the number with a point: 13.91")
    hint = difflib.get_close_matches(str(item), allowed, n=1)
    fix = f"Did you mean '{hint[0]}'?" if hint else f"Use one of: {', '.join(allowed)}"
    raise _fail(file, located, path, f"unknown sector '{item}'", fix)


def read_text(path: Path, what: str) -> str:
    """Read a text file; say plainly when it is missing, empty or not text."""
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise InputError(f"the {what} file does not exist", file=name,
                         fix="Check the path, or leave the option out to use the packaged data") from None
    except IsADirectoryError:
        raise InputError(f"is a folder, not a {what} file", file=name, fix="Name the file inside it") from None
    except OSError as exc:
        raise InputError(f"cannot be read: {exc.strerror}", file=name) from None
    if b"\x00" in raw[:4096]:
        raise InputError(f"is not a text file (it contains binary data); a {what} file is plain text",
                         file=name, fix="Export it as UTF-8 text (for CSV: 'CSV UTF-8' in Excel)")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"is not UTF-8 text (byte {exc.start} cannot be read)", file=name,
                         fix="Save it as UTF-8 (in Excel: 'CSV UTF-8'; in an editor: encoding UTF-8)") from None
    if not text.strip():
        raise InputError("is empty", file=name, fix=f"Give a {what} file with content, or leave the option out "
                         "to use the packaged data")
    return text.replace("\r\n", "\n")


def _refuse_decimal_commas(located: Located, file: str) -> None:
    """In a flow mapping, ``{services: 13,91}`` reads as services: 13 and a key 91 without a value."""
    for path in located.places:
        if path and isinstance(path[-1], int):
            parent = located.data
            for p in path[:-1]:
                parent = parent[p]
            if isinstance(parent, dict) and parent.get(path[-1], "") is None:
                raise _fail(file, located, path, f"'{path[-1]}' looks like the decimals of a number typed with a "
                            "decimal comma (13,91 reads as 13 and 91)", "Write the number with a point: 13.91")


def load_plan(path: Path | str) -> Plan:
    path = Path(path)
    file = str(path)
    located = load_yaml(read_text(path, "targets"), file)
    if not isinstance(located.data, dict):
        raise InputError("must be a YAML mapping (region:, year:, sectors: …)", file=file, line=1,
                         fix="Start from the packaged data/targets_2025.yaml")
    _refuse_decimal_commas(located, file)
    try:
        model = TargetsFile.model_validate(located.data)
    except ValidationError as exc:
        raise _from_validation_error(exc, located, file) from None
    validate_plan(model, located, file)
    return Plan(model, located, file)


def json_schema() -> str:
    """The JSON Schema of the targets file, as text (schema/targets.schema.json is a committed copy)."""
    import json

    schema = TargetsFile.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "grdp-scenario targets file"
    return json.dumps(schema, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
