"""The next base year from this one: each block's constant-price volume times its growth (README, "Any
province"; contract §1: a block's growth is over the same block of the base year, so
``L[s,b, year] = L[s,b, year − 1] · (1 + g[s,b] / 100)``). Only growth that is actual gives a volume: a
target, an estimate or a GRDP without its sectors leaves the block's sector volumes undetermined, and they are
named, never guessed."""

from __future__ import annotations

from typing import Mapping

from . import periods
from .dataclass import dataclass
from .economy import Block, Economy

#: Why a block's volumes are not determined; SPLIT: only their sum over a published period is.
TARGET, ESTIMATE, GRDP_ONLY, SPLIT = "target", "estimate", "grdp-only", "split"


@dataclass(frozen=True)
class Undetermined:
    block: str
    sectors: tuple[str, ...]
    reason: str  # TARGET, ESTIMATE, GRDP_ONLY or SPLIT
    #: For SPLIT: the block their sum is written as (H2 for Q3 and Q4)
    union: str | None = None


@dataclass(frozen=True)
class Rollover:
    #: The new base year (the plan year just ended)
    year: int
    #: (sector, block) → volume at constant prices, in the unit of this base year
    volume: Mapping[tuple[str, str], float]
    undetermined: tuple[Undetermined, ...]

    @property
    def complete(self) -> bool:
        return not self.undetermined


def is_actual(economy: Economy, block: Block) -> bool:
    """A block whose rates are actual: so in the plan, or published as actual by an outturn (directly or
    derived from an actual cumulative figure). Blocks spread under one published figure by equal points
    (Q3 and Q4 from a published year) are not: only their sum is determined (``_sums_from_published``)."""
    if block.status == "actual":
        return True
    origin, _, period = block.source.partition(":")
    if block.status == "derived" and origin == "derived":
        return economy.published_status.get(period) == "actual"
    return False


def next_base_year(economy: Economy) -> Rollover:
    volume: dict[tuple[str, str], float] = {}
    undetermined = []
    for b in economy.blocks:
        if not is_actual(economy, b):
            reason = TARGET if b.status == "target" else ESTIMATE
            undetermined.append(Undetermined(b.name, economy.top, reason))
            continue
        missing = tuple(s for s in economy.top if s not in b.rates)
        if missing:
            undetermined.append(Undetermined(b.name, missing, GRDP_ONLY))
        for s in economy.top:
            if s in b.rates:
                volume[(s, b.name)] = b.volumes[s] * (1 + b.rates[s] / 100)
    return _sums_from_published(economy, volume, undetermined)


def _sums_from_published(economy: Economy, volume: dict, undetermined: list) -> Rollover:
    """A published actual period with every sector (FY after the year) fixes each sector's volume over it;
    what its determined blocks do not take is the sum of the others. Written as their union (H2 for Q3 and
    Q4) when that is a block, so the file still partitions the year; their split stays undetermined."""
    for period, items in economy.published.items():
        if economy.published_status.get(period) != "actual" or not all(s in items for s in economy.top):
            continue
        inside = [b for b in economy.blocks if b.quarters <= periods.quarters(period)]
        if frozenset().union(*(b.quarters for b in inside)) != periods.quarters(period):
            continue
        open_ = [b for b in inside if any((s, b.name) not in volume for s in economy.top)]
        union = periods.name_of(frozenset().union(*(b.quarters for b in open_))) if open_ else None
        if union is None or not periods.is_contiguous(union):
            continue
        determined = [b for b in inside if b not in open_]
        for s in economy.top:
            total = sum(b.volumes[s] for b in inside) * (1 + items[s] / 100)
            volume[(s, union)] = total - sum(volume[(s, b.name)] for b in determined)
            for b in open_:  # a sector an open block did give (GRDP-only blocks give none) joins the union
                volume.pop((s, b.name), None)
        names = {b.name for b in open_}
        undetermined = [u for u in undetermined if u.block not in names]
        undetermined += [Undetermined(b.name, economy.top, SPLIT, union) for b in open_]
    return Rollover(economy.year, volume, tuple(undetermined))
