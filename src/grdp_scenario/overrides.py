"""What-if overrides: ``--set P.ITEM=RATE`` and ``--shift P.ITEM=PP``, or the same in a scenario YAML.

Setting ``grdp`` of a block shifts all its sectors by the same points; setting a sector moves the block's
GRDP through the weights. P may also be a union of blocks (H2 = Q3 + Q4): every block in it then moves by
the same points, so that P reaches the rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from . import periods
from .economy import Economy
from .errors import InputError, NotComputable
from .evaluate import period_result

Kind = Literal["set", "shift"]


@dataclass(frozen=True)
class Override:
    kind: Kind
    period: str
    item: str
    value: float

    def __str__(self) -> str:
        return f"{'--set' if self.kind == 'set' else '--shift'} {self.period}.{self.item}={self.value:g}"


def allowed_items(economy: Economy) -> list[str]:
    return ["grdp", *economy.sector_keys]


def allowed_periods(economy: Economy) -> list[str]:
    out = []
    for p in periods.REPORTED:
        try:
            economy.blocks_of(p)
            out.append(p)
        except NotComputable:
            pass
    return out


def parse_override(text: str, kind: Kind, economy: Economy, option: str | None = None) -> Override:
    """``Q4.services=14.5`` → Override; a bad one names what is allowed."""
    option = option or f"--{kind}"
    form = f"{option} PERIOD.ITEM={'RATE' if kind == 'set' else 'POINTS'}, e.g. {option} Q4.services=" \
           f"{'14.5' if kind == 'set' else '-1'}"
    target, sep, raw = text.partition("=")
    period, dot, item = target.strip().partition(".")
    if not sep or not dot:
        raise InputError(f"'{text}' is not of the form PERIOD.ITEM=VALUE", where=option, fix=f"Write {form}")
    return make_override(kind, period.strip(), item.strip(), raw.strip(), economy, option)


def require_period(economy: Economy, period: str, where: str) -> None:
    """A period that is a union of the data's blocks, or an error that lists them."""
    ok_periods = allowed_periods(economy)
    if period not in ok_periods:
        raise InputError(f"period '{period}' is not computable from the data", where=where,
                         fix=f"Use one of: {', '.join(ok_periods)} (blocks of the data: "
                             f"{', '.join(economy.block_names)})")


def require_item(economy: Economy, item: str, where: str) -> None:
    items = allowed_items(economy)
    if item not in items:
        raise InputError(f"unknown item '{item}'", where=where, fix=f"Use one of: {', '.join(items)}")


def make_override(kind: Kind, period: str, item: str, raw: object, economy: Economy, where: str) -> Override:
    require_period(economy, period, where)
    require_item(economy, item, where)
    try:
        value = float(str(raw).replace("%", "").strip()) if not isinstance(raw, (int, float)) else float(raw)
    except ValueError:
        hint = " (write a point, not a decimal comma)" if "," in str(raw) else ""
        raise InputError(f"'{raw}' is not a number{hint}", where=where, fix="Give the rate in percent, e.g. 14.5") from None
    if value != value or value in (float("inf"), float("-inf")):
        raise InputError(f"'{raw}' is not a finite number", where=where, fix="Give the rate in percent, e.g. 14.5")
    if kind == "set" and value <= -100:
        raise InputError(f"a rate of {value} % is impossible", where=where, fix="Rates must be above -100")
    return Override(kind, period, item, value)


def apply(economy: Economy, override: Override) -> Economy:
    blocks = economy.blocks_of(override.period)
    points = override.value
    if override.kind == "set":
        current = period_result(economy, override.period)
        now = current.grdp if override.item == "grdp" else current.sectors.get(override.item)
        if now is None:
            raise InputError(f"{override.period}.{override.item} is not known, so it cannot be set",
                             fix=f"Set it on a block where it is given ({', '.join(economy.block_names)})")
        if len(blocks) == 1 and override.item != "grdp":
            return economy.with_rate(blocks[0].name, override.item, override.value)
        points = override.value - now
    for b in blocks:
        economy = economy.shifted(b.name, override.item, points)
    return economy


def apply_all(economy: Economy, overrides: list[Override]) -> Economy:
    for o in overrides:
        economy = apply(economy, o)
    return economy


def load_scenario_file(path: Path | str, economy: Economy) -> list[Override]:
    """A YAML of overrides: ``set: {Q4: {services: 14.5}}``, ``shift: {Q3: {grdp: -1}}``, optional ``name``."""
    from pydantic import BaseModel, ConfigDict, ValidationError

    from .plan import read_text
    from .yamlsource import dotted, load_yaml

    class ScenarioFile(BaseModel):
        model_config = ConfigDict(extra="forbid")
        name: str | None = None
        description: str | None = None
        set: dict[str, dict[str, object]] = {}
        shift: dict[str, dict[str, object]] = {}

    file = str(path)
    located = load_yaml(read_text(Path(path), "scenario"), file)
    try:
        spec = ScenarioFile.model_validate(located.data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = tuple(err["loc"])
        what = f"unknown key '{loc[-1]}'" if err["type"] == "extra_forbidden" else err["msg"]
        raise InputError(what, file=file, line=located.line(loc), where=dotted(loc),
                         fix="A scenario file has name, description, set: {PERIOD: {ITEM: RATE}} and "
                             "shift: {PERIOD: {ITEM: POINTS}}") from None
    out = []
    for kind in ("set", "shift"):
        for period, items in getattr(spec, kind).items():
            for item, raw in items.items():
                path = (kind, period, item)
                try:
                    out.append(make_override(kind, period, item, raw, economy, dotted(path)))
                except InputError as exc:
                    exc.file, exc.line = file, located.line(path)
                    exc.args = (exc.message,)
                    raise
    return out
