"""What-if overrides, resolved together (docs/method.md §8): ``--set P.ITEM=RATE``, ``--shift P.ITEM=PP``
and the same in a scenario file.

Every override is one linear equation on the block rates: ``value(P, ITEM) = target``, where a shift's
target is the plan's value plus its points. Each override also names the direction it may move the
rates in (``direction``): a block's GRDP moves every sector of the block by equal points, a sector
moves itself (its children by the same points, its parent through the child's share of the parent's
base volume), a union of blocks (H2) moves each of its blocks alike. The rates that result are the
plan's plus one step along each override's direction, the steps chosen so that every equation holds.
All equations are solved at once, so the order in which overrides are given cannot matter; overrides
that do not determine the steps (the same lever twice, a GRDP already decided by all its sectors)
cannot all hold and are refused, named.
"""

from __future__ import annotations

import math
from dataclasses import replace
from types import MappingProxyType
from typing import Iterable, Literal, Mapping

from . import periods
from .dataclass import dataclass
from .economy import Block, Economy
from .errors import Fact, InputError, NotComputable
from .evaluate import value_of
from .values import check_rate, parse_number

Kind = Literal["set", "shift"]
#: A step matrix whose pivot falls below this (relative to its row) has overrides that cannot all hold.
SINGULAR = 1e-9


@dataclass(frozen=True)
class Override:
    kind: Kind
    period: str
    item: str
    value: float

    @property
    def lever(self) -> tuple[str, str]:
        return (self.period, self.item)

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


# ----- published figures are facts ------------------------------------------------------------------
def fixed_by(block: Block) -> Fact | None:
    """Why a block's rates are facts rather than targets: published in an outturn, derived from a
    published cumulative figure, or actual in the plan itself. None for a target or estimate."""
    # A fact is a fact whatever its status: published or derived blocks first, then the plan's own.
    origin, _, period = block.source.partition(":")
    if origin == "outturn":
        return Fact("block-outturn", block=block.name, period=period, status=block.status)
    if origin in ("derived", "spread"):
        return Fact("block-derived", block=block.name, period=period, status=block.status)
    if block.status == "actual":
        return Fact("block-actual", block=block.name)
    if block.status == "estimate":
        return Fact("block-estimate", block=block.name)
    return None


def open_blocks(economy: Economy) -> list[str]:
    """The one rule for which blocks may change (whatif without --counterfactual, required, sensitivity,
    risk, reconcile, build, the page, the workbook): targets, neither actual, estimated, published nor
    derived from what was published."""
    return [b.name for b in economy.blocks if fixed_by(b) is None]


def require_open(economy: Economy, period: str, item: str, where: str) -> None:
    """A lever on published or actual figures is refused: the counterfactual must be asked for."""
    for block in economy.blocks_of(period):
        because = fixed_by(block)
        if because is not None:
            raise InputError(
                "lever-fixed", where=where, lever=f"{period}.{item}", because=because, fix="fix-lever-fixed"
            )


def without_published(economy: Economy, quarters: frozenset[int]) -> Economy:
    """The economy with the published figures that cover any of ``quarters`` set aside (a counterfactual
    on those quarters recomputes the periods they belong to)."""
    kept = {p: v for p, v in economy.published.items() if not periods.quarters(p) & quarters}
    status = {p: s for p, s in economy.published_status.items() if p in kept}
    return replace(economy, published=MappingProxyType(kept), published_status=MappingProxyType(status))


# ----- directions ------------------------------------------------------------------------------------
Moves = Mapping[str, Mapping[str, float]]  # block → item → points ("grdp" only for a GRDP-only block)


def direction(economy: Economy, period: str, item: str) -> dict[str, dict[str, float]]:
    """How the rates move per point of a lever (docs/method.md §8).

    ``grdp``: every sector of each block by one point. A sector: itself and its children by one point,
    each ancestor by the sector's share of the ancestor's base volume (the rest of the ancestor holds).
    A union of blocks: each block alike.
    """
    out: dict[str, dict[str, float]] = {}
    for block in economy.blocks_of(period):
        if not block.rates:
            if item != "grdp":
                raise InputError("block-grdp-only", block=block.name, fix="fix-block-grdp-only")
            out[block.name] = {"grdp": 1.0}
            continue
        if item == "grdp":
            out[block.name] = {s: 1.0 for s in block.rates}
            continue
        if item not in block.rates:
            raise InputError(
                "block-lacks-rate", block=block.name, item=item, items=("grdp", *block.rates), fix="fix-block-items"
            )
        moves = {k: 1.0 for k in with_descendants(economy, item) if k in block.rates}
        key, points = item, 1.0
        while (parent := economy.parents[key]) is not None:
            if key in economy.proxied or block.volumes.get(parent, 0) <= 0:
                raise InputError("child-share-unknown", item=key, parent=parent, fix="fix-child-share-unknown")
            points *= block.volumes[key] / block.volumes[parent]
            moves[parent] = points
            key = parent
        out[block.name] = moves
    return out


def with_descendants(economy: Economy, key: str) -> list[str]:
    out = [key]
    for child in economy.children(key):
        out += with_descendants(economy, child)
    return out


def moved(economy: Economy, moves: Moves) -> Economy:
    """The economy with rates moved by ``moves``; a given GRDP moves with its sectors (its residual holds)."""
    blocks = []
    for block in economy.blocks:
        change = moves.get(block.name)
        if not change:
            blocks.append(block)
            continue
        rates = {k: v + change.get(k, 0.0) for k, v in block.rates.items()}
        grdp = block.grdp
        if grdp is not None:
            if "grdp" in change:
                grdp += change["grdp"]
            else:
                grdp += math.fsum(block.volumes[s] * change.get(s, 0.0) for s in economy.top) / economy.block_volume(
                    block
                )
        blocks.append(replace(block, rates=MappingProxyType(rates), grdp=grdp))
    return replace(economy, blocks=tuple(blocks))


def _combined(parts: Iterable[tuple[float, Moves]]) -> dict[str, dict[str, float]]:
    out: dict[str, dict[str, float]] = {}
    for scale, moves in parts:
        for block, items in moves.items():
            into = out.setdefault(block, {})
            for k, v in items.items():
                into[k] = into.get(k, 0.0) + scale * v
    return out


# ----- resolution ------------------------------------------------------------------------------------
def resolve(economy: Economy, overrides: list[Override], counterfactual: bool = False) -> Economy:
    """The economy with every override holding at once, whatever their order (docs/method.md §8).

    Published and actual blocks are facts: an override on one is refused unless ``counterfactual``,
    and then the published figures over the blocks it moves are set aside.
    """
    if not overrides:
        return economy
    ordered = sorted(overrides, key=lambda o: (periods.sort_key(o.period), o.period, o.item, o.kind, o.value))
    seen: dict[tuple[str, str], Override] = {}
    for o in ordered:
        if o.lever in seen:
            raise InputError("override-twice", first=str(seen[o.lever]), second=str(o), fix="fix-override-twice")
        seen[o.lever] = o
    if counterfactual:
        touched = frozenset().union(*(periods.quarters(o.period) for o in ordered))
        economy = without_published(economy, touched)
    else:
        for o in ordered:
            require_open(economy, o.period, o.item, str(o))
    current, targets, directions = [], [], []
    for o in ordered:
        now = value_of(economy, o.period, o.item)
        if now is None:
            raise InputError(
                "override-unknown-value",
                period=o.period,
                item=o.item,
                blocks=tuple(economy.block_names),
                fix="fix-override-unknown-value",
            )
        target = o.value if o.kind == "set" else now + o.value
        check_rate(target, str(o))
        current.append(now)
        targets.append(target)
        directions.append(direction(economy, o.period, o.item))
    # The effect of one point along each direction on every override's value: a linear system.
    effects = []
    for moves in directions:
        stepped = moved(economy, moves)
        effects.append([value_of(stepped, o.period, o.item) - now for o, now in zip(ordered, current)])
    matrix = [[effects[j][k] for j in range(len(ordered))] for k in range(len(ordered))]
    dependent = _first_dependent(matrix)
    if dependent is not None:
        o = ordered[dependent]
        others = [str(p) for p in ordered[:dependent] if periods.quarters(p.period) & periods.quarters(o.period)]
        raise InputError("overrides-conflict", override=str(o), others=tuple(others), fix="fix-overrides-conflict")
    steps = _solve(matrix, [t - c for t, c in zip(targets, current)])
    result = _exact(moved(economy, _combined(zip(steps, directions))), ordered, targets)
    for block in result.blocks:
        # every rate, and the GRDP of a block that gives no sectors: growth of -100 % or less is no economy's
        figures = block.rates.items() if block.rates else [("grdp", block.grdp)]
        for key, rate in figures:
            if rate <= -100:
                raise InputError(
                    "overrides-rate-impossible",
                    block=block.name,
                    item=key,
                    value=rate,
                    overrides=tuple(str(o) for o in ordered),
                    fix="fix-overrides-rate-impossible",
                )
    return result


def _exact(economy: Economy, overrides: list[Override], targets: list[float]) -> Economy:
    """A rate set for one block reads exactly as typed (the solve leaves it a rounding error away)."""
    for o, target in zip(overrides, targets):
        blocks = economy.blocks_of(o.period)
        if len(blocks) != 1:
            continue
        b = blocks[0]
        if o.item == "grdp" and b.grdp is not None:
            economy = economy.replace_block(replace(b, grdp=target))
        elif o.item in b.rates:
            economy = economy.replace_block(replace(b, rates=MappingProxyType({**b.rates, o.item: target})))
    return economy


def _first_dependent(matrix: list[list[float]]) -> int | None:
    """The first row that the rows before it already determine (reduced to nothing), or None."""
    basis: list[tuple[int, list[float]]] = []  # (pivot column, reduced row)
    for i, row in enumerate(matrix):
        r = list(row)
        for col, b in basis:
            factor = r[col] / b[col]
            r = [x - factor * y for x, y in zip(r, b)]
        scale = max((abs(x) for x in row), default=0.0)
        pivot = max(range(len(r)), key=lambda c: abs(r[c])) if r else 0
        if not r or abs(r[pivot]) <= SINGULAR * max(scale, 1.0):
            return i
        basis.append((pivot, r))
    return None


def _solve(matrix: list[list[float]], rhs: list[float]) -> list[float]:
    """Gaussian elimination with partial pivoting (the matrix is small and known to be regular)."""
    n = len(rhs)
    a = [list(row) + [b] for row, b in zip(matrix, rhs)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(col + 1, n):
            factor = a[r][col] / a[col][col]
            a[r] = [x - factor * y for x, y in zip(a[r], a[col])]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (a[r][n] - math.fsum(a[r][c] * x[c] for c in range(r + 1, n))) / a[r][r]
    return x


# ----- conveniences for one lever -----------------------------------------------------------------------
def set_rate(economy: Economy, period: str, item: str, rate: float) -> Economy:
    """One ``--set``: the period's item at ``rate`` (a notebook's what-if; counterfactual allowed)."""
    return resolve(economy, [Override("set", period, item, rate)], counterfactual=True)


def shift(economy: Economy, period: str, item: str, points: float) -> Economy:
    """One ``--shift``: the period's item up by ``points`` (counterfactual allowed)."""
    return resolve(economy, [Override("shift", period, item, points)], counterfactual=True)
