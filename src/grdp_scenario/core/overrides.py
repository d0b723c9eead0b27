"""What-if overrides: ``--set P.ITEM=RATE`` and ``--shift P.ITEM=PP``, or the same in a scenario YAML.

Setting ``grdp`` of a block shifts all its sectors by the same points; setting a sector moves the block's
GRDP through the weights. P may also be a union of blocks (H2 = Q3 + Q4): every block in it then moves by
the same points, so that P reaches the rate.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from . import periods
from .economy import Economy
from .errors import InputError, NotComputable
from .evaluate import period_result
from .values import check_rate, parse_number

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
    target, sep, raw = text.partition("=")
    period, dot, item = target.strip().partition(".")
    if not sep or not dot:
        raise InputError("override-form", where=option, value=text, fix="fix-override-form")
    return make_override(kind, period.strip(), item.strip(), raw.strip(), economy, option)


def require_period(economy: Economy, period: str, where: str) -> None:
    """A period that is a union of the data's blocks, or an error that lists them."""
    ok_periods = allowed_periods(economy)
    if period not in ok_periods:
        raise InputError(
            "period-not-computable",
            where=where,
            value=period,
            allowed=tuple(ok_periods),
            blocks=tuple(economy.block_names),
            fix="fix-period-not-computable",
        )


def require_item(economy: Economy, item: str, where: str) -> None:
    items = allowed_items(economy)
    if item not in items:
        raise InputError("item-unknown", where=where, value=item, allowed=tuple(items), fix="fix-one-of")


def make_override(kind: Kind, period: str, item: str, raw: object, economy: Economy, where: str) -> Override:
    require_period(economy, period, where)
    require_item(economy, item, where)
    value = parse_number(raw, where)
    if kind == "set":
        check_rate(value, where)
    return Override(kind, period, item, value)


def apply(economy: Economy, override: Override) -> Economy:
    blocks = economy.blocks_of(override.period)
    points = override.value
    if override.kind == "set":
        current = period_result(economy, override.period)
        now = current.grdp if override.item == "grdp" else current.sectors.get(override.item)
        if now is None:
            raise InputError(
                "override-unknown-value",
                period=override.period,
                item=override.item,
                blocks=tuple(economy.block_names),
                fix="fix-override-unknown-value",
            )
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
