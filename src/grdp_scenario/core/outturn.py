"""Published figures laid over a plan: an outturn beats the plan for the same quarters.

A block's figure replaces the block; a cumulative figure (H1, 9M, FY) is inverted into the one block it
completes (H1 7.87 and 9M 7.39 give Q3 ≈ 6.5, by growth.completing_block_rate) and is itself reported as
published. What applying says is returned as facts: the blocks derived, and figures that conflict with
the blocks they are made of.
"""

from __future__ import annotations

from dataclasses import replace
from types import MappingProxyType
from typing import Mapping

from . import periods
from .dataclass import dataclass
from .economy import Economy
from .errors import Fact, InputError, NotComputable
from .growth import completing_block_rate, weighted_growth
from .overrides import moved, with_descendants

KNOWN = ("actual", "estimate", "derived")
#: A published cumulative figure that its (published) blocks miss by more than this is a conflict: the
#: figures are printed to two decimals, so half a hundredth is what rounding can explain.
ROUNDING = 0.005


@dataclass(frozen=True)
class Published:
    """What was published for one period: rates by item ('grdp' or a sector) and whether it is an estimate."""

    period: str
    rates: Mapping[str, float]
    status: str = "actual"
    line: int | None = None  # where it stands in the outturn file, for errors


@dataclass(frozen=True)
class Derived:
    """A block implied by a published cumulative figure (Q3 from H1 and 9M)."""

    block: str
    period: str  # the published figure it comes from
    rate: float  # implied GRDP growth (NaN when only sectors are known)


@dataclass(frozen=True)
class Applied:
    economy: Economy
    derived: tuple[Derived, ...]
    #: Figures that do not fit: "outturn-conflict" (a published figure vs its published blocks).
    conflicts: tuple[Fact, ...]
    #: What the figures were laid over the plan on, that nothing published says: "outturn-unsplit" (several
    #: unknown blocks under one figure, taken to move by equal points). An assumption, not a conflict.
    assumptions: tuple[Fact, ...] = ()


def apply_outturn(economy: Economy, figures: list[Published], file: str | None = None) -> Applied:
    """Lay the published figures over the plan, in the order of the year."""
    conflicts: list[Fact] = []
    assumptions: list[Fact] = []
    derived: list[Derived] = []
    published: dict[str, dict[str, float]] = {}
    published_status: dict[str, str] = {}
    for fig in sorted(figures, key=lambda f: periods.sort_key(f.period)):
        period, items, status = fig.period, dict(fig.rates), fig.status
        try:
            blocks = economy.blocks_of(period)
        except NotComputable as exc:
            raise InputError(
                "outturn-period-unusable",
                file=file,
                line=fig.line,
                period=period,
                because=exc.fact,
                fix="fix-outturn-period",
            ) from None
        if len(blocks) == 1:
            economy = _replace_block(economy, blocks[0].name, items, status, f"outturn:{period}")
        else:
            unknown = [b for b in blocks if b.status not in KNOWN]
            if len(unknown) == 1:
                economy, implied = _derive_block(economy, period, blocks, unknown[0].name, items)
                derived.append(Derived(unknown[0].name, period, implied))
            elif not unknown and "grdp" in items:
                known = weighted_growth((economy.block_volume(b), economy.block_grdp(b)) for b in blocks)
                if abs(known - items["grdp"]) > ROUNDING:
                    conflicts.append(
                        Fact(
                            "outturn-conflict",
                            period=period,
                            published=items["grdp"],
                            blocks=tuple(b.name for b in blocks),
                            implied=known,
                        )
                    )
            else:
                # Several unknown blocks under one figure: they move by equal points so that the period
                # reaches it (the rule of a what-if on a union, docs/method.md §8); the split is an assumption.
                economy = _spread(economy, period, blocks, [b.name for b in unknown], items)
                for b in unknown:
                    derived.append(Derived(b.name, period, economy.block_grdp(economy.block(b.name))))
                assumptions.append(Fact("outturn-unsplit", period=period, blocks=tuple(b.name for b in unknown)))
        published[period] = items
        published_status[period] = status
    economy = replace(
        economy, published=MappingProxyType(published), published_status=MappingProxyType(published_status)
    )
    lines = {f.period: f.line for f in figures}
    for d in derived:  # a block the figures imply at or below −100 % is no economy: refused, never shown
        block = economy.block(d.block)
        for item, rate in [("grdp", block.grdp), *block.rates.items()]:
            if rate is not None and rate <= -100:
                raise InputError(
                    "outturn-implies-impossible",
                    file=file,
                    line=lines.get(d.period),
                    block=d.block,
                    period=d.period,
                    item=item,
                    value=rate,
                    fix="fix-outturn-implies-impossible",
                )
    return Applied(economy, tuple(derived), tuple(conflicts), tuple(assumptions))


def _replace_block(economy: Economy, name: str, items: dict[str, float], status: str, source: str) -> Economy:
    block = economy.block(name)
    rates = {k: v for k, v in items.items() if k != "grdp"}
    if not all(s in rates for s in economy.top):
        rates = {}  # a partial sector list cannot weigh the block: keep what is certain, its GRDP
    grdp = items.get("grdp")
    if grdp is None and not rates:
        return economy
    return economy.replace_block(replace(block, status=status, rates=MappingProxyType(rates), grdp=grdp, source=source))


def _derive_block(economy: Economy, period: str, blocks, name: str, items: dict[str, float]):
    """The block a cumulative figure completes: G_new = (G_P·L_P − Σ_known L·g) / L_new."""
    new = economy.block(name)
    known = [b for b in blocks if b.name != name]
    total = sum(economy.block_volume(b) for b in blocks)
    known_volume = sum(economy.block_volume(b) for b in known)
    grdp = None
    if "grdp" in items:
        known_rate = weighted_growth((economy.block_volume(b), economy.block_grdp(b)) for b in known)
        grdp = completing_block_rate(items["grdp"], total, known_rate, known_volume)
    rates = {}
    for s in economy.sector_keys:
        if s in items and s in new.volumes and all(s in b.rates and s in b.volumes for b in known):
            s_total = sum(b.volumes[s] for b in blocks)
            s_known = sum(b.volumes[s] for b in known)
            s_rate = weighted_growth((b.volumes[s], b.rates[s]) for b in known)
            rates[s] = completing_block_rate(items[s], s_total, s_rate, s_known)
    if not all(s in rates for s in economy.top):
        rates = {}
    # a child the figures do not give moves with its parent by the same points (overrides.direction)
    for s in economy.sector_keys:
        parent = economy.parents[s]
        if rates and s not in rates and s in new.rates and parent in rates and parent in new.rates:
            rates[s] = new.rates[s] + (rates[parent] - new.rates[parent])
    block = replace(new, status="derived", rates=MappingProxyType(rates), grdp=grdp, source=f"derived:{period}")
    economy = economy.replace_block(block)
    return economy, economy.block_grdp(block) if (grdp is not None or rates) else float("nan")


def _spread(economy: Economy, period: str, blocks, names: list[str], items: dict[str, float]) -> Economy:
    """Shift the unknown blocks ``names`` by equal points so that ``period`` gives the published figures:
    d = (G_P·L_P − Σ_b L_b·g_b) / Σ_{unknown} L_b, for GRDP (all sectors of the block alike) and for each
    published sector on top of that."""
    unknown = [b for b in blocks if b.name in names]
    moves: dict[str, dict[str, float]] = {b.name: {} for b in unknown}
    if "grdp" in items:
        total = sum(economy.block_volume(b) for b in blocks)
        now = sum(economy.block_volume(b) * economy.block_grdp(b) for b in blocks)
        d = (items["grdp"] * total - now) / sum(economy.block_volume(b) for b in unknown)
        for b in unknown:
            moves[b.name] = {"grdp": d} if not b.rates else {s: d for s in b.rates}
    for s, rate in items.items():
        if s == "grdp" or not all(s in b.rates and s in b.volumes for b in blocks):
            continue
        shift_before = {b.name: moves[b.name].get(s, 0.0) for b in unknown}
        total = sum(b.volumes[s] for b in blocks)
        now = sum(b.volumes[s] * (b.rates[s] + shift_before.get(b.name, 0.0)) for b in blocks)
        d = (rate * total - now) / sum(b.volumes[s] for b in unknown)
        for b in unknown:
            # the sector and its children by the same points: the rule of a what-if on a sector (overrides.direction)
            for k in with_descendants(economy, s):
                if k in b.rates and (k == s or k not in items):
                    moves[b.name][k] = moves[b.name].get(k, 0.0) + d
    economy = moved(economy, moves)
    if "grdp" in items:
        # the published GRDP stands even where published sectors moved the blocks further
        now = [economy.block(b.name) for b in blocks]
        total = sum(economy.block_volume(b) for b in now)
        gap = items["grdp"] * total - sum(economy.block_volume(b) * economy.block_grdp(b) for b in now)
        c = gap / sum(economy.block_volume(economy.block(n)) for n in names)
        for n in names:
            block = economy.block(n)
            if abs(c) > 1e-12:
                economy = economy.replace_block(replace(block, grdp=economy.block_grdp(block) + c))
    for b in unknown:
        block = economy.block(b.name)
        # "spread": derived under the equal-points assumption, so not a fact about each block (rollover)
        economy = economy.replace_block(replace(block, status="derived", source=f"spread:{period}"))
    return economy
