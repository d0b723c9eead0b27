"""The model the arithmetic runs on: blocks of a year, each with base volumes and growth rates.

Pure data, no I/O: built from a plan and a base year (``inputs.join.economy_from_plan``), changed by scenarios
(``with_rate``, ``with_grdp``), read by ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from . import periods
from .errors import Fact, InputError, NotComputable
from .growth import weighted_growth


@dataclass(frozen=True)
class Block:
    """A contiguous run of quarters with its base volumes and growth.

    ``rates`` holds sector rates (top-level and children), empty for a GRDP-only estimate;
    ``grdp`` is a given GRDP figure, None when it follows from the sectors. A given figure stands even
    when the sectors, weighted by our volumes, imply another: the difference is the block's residual.
    """

    name: str
    status: str
    volumes: Mapping[str, float]
    rates: Mapping[str, float]
    grdp: float | None = None
    source: str = ""

    @property
    def quarters(self) -> frozenset[int]:
        return periods.quarters(self.name)


@dataclass(frozen=True)
class Economy:
    region: str
    region_name: str
    year: int
    base_year: int
    top: tuple[str, ...]
    parents: Mapping[str, str | None]
    blocks: tuple[Block, ...]
    current: Mapping[str, float] = field(default_factory=dict)
    #: Children with no volumes of their own, weighted by their parent's volumes (their share of the
    #: parent assumed constant through the year); a change to their rate cannot move the parent.
    proxied: frozenset[str] = frozenset()
    #: Figures published for whole periods (outturns: H1, 9M, FY …), period → item → rate. A published
    #: figure is the figure: it is reported as it is, whatever the blocks imply.
    published: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    published_status: Mapping[str, str] = field(default_factory=dict)

    # ----- structure -------------------------------------------------------------------
    def block(self, name: str) -> Block:
        for b in self.blocks:
            if b.name == name:
                return b
        raise KeyError(name)

    @property
    def block_names(self) -> list[str]:
        return [b.name for b in self.blocks]

    @property
    def sector_keys(self) -> list[str]:
        return list(self.parents)

    def children(self, key: str) -> list[str]:
        return [k for k, p in self.parents.items() if p == key]

    def blocks_of(self, period: str) -> list[Block]:
        """The blocks that make up ``period``; NotComputable if it would split one."""
        want = periods.quarters(period)
        inside = [b for b in self.blocks if b.quarters <= want]
        covered = frozenset().union(*(b.quarters for b in inside)) if inside else frozenset()
        if covered != want:
            split = [b.name for b in self.blocks if b.quarters & want and not b.quarters <= want]
            raise NotComputable(Fact("split-block", period=period, split=tuple(split), blocks=tuple(self.block_names)))
        return inside

    # ----- block arithmetic ---------------------------------------------------------------
    def block_volume(self, block: Block) -> float:
        return sum(block.volumes[s] for s in self.top)

    def has_sectors(self, block: Block) -> bool:
        return all(s in block.rates for s in self.top)

    def sector_grdp(self, block: Block) -> float:
        """GRDP growth the block's sector rates imply: Σ_s L[s,b]·g[s,b] / Σ_s L[s,b]."""
        return weighted_growth((block.volumes[s], block.rates[s]) for s in self.top)

    def block_grdp(self, block: Block) -> float:
        if block.grdp is not None:
            return block.grdp
        return self.sector_grdp(block)

    def residual(self, block: Block) -> float:
        """Given GRDP minus what its sectors imply (0 when GRDP follows from the sectors)."""
        if block.grdp is None or not self.has_sectors(block):
            return 0.0
        return block.grdp - self.sector_grdp(block)

    # ----- changes (scenarios) ------------------------------------------------------------
    def replace_block(self, new: Block) -> Economy:
        return replace(self, blocks=tuple(new if b.name == new.name else b for b in self.blocks))

    def with_rate(self, block_name: str, sector: str, rate: float) -> Economy:
        """Set a sector's rate in a block; its parents and a given GRDP move through the weights."""
        block = self.block(block_name)
        if sector not in block.rates:
            if not block.rates:
                raise InputError("block-grdp-only", block=block_name, fix="fix-block-grdp-only")
            raise InputError(
                "block-lacks-rate", block=block_name, item=sector, items=("grdp", *block.rates), fix="fix-block-items"
            )
        rates = dict(block.rates)
        grdp = block.grdp
        key, new = sector, rate
        while True:
            delta = new - rates[key]
            rates[key] = new
            parent = self.parents[key]
            if parent is None:
                if grdp is not None:
                    grdp += block.volumes[key] * delta / self.block_volume(block)
                break
            if key in self.proxied or key not in block.volumes or block.volumes.get(parent, 0) <= 0:
                break  # no volume for the child here: its parent cannot follow
            new = rates[parent] + block.volumes[key] * delta / block.volumes[parent]
            key = parent
        return self.replace_block(replace(block, rates=MappingProxyType(rates), grdp=grdp))

    def with_grdp(self, block_name: str, rate: float) -> Economy:
        """Set a block's GRDP: every sector (children too) shifts by the same points."""
        block = self.block(block_name)
        delta = rate - self.block_grdp(block)
        return self.shifted(block_name, "grdp", delta)

    def shifted(self, block_name: str, item: str, points: float) -> Economy:
        block = self.block(block_name)
        if item != "grdp":
            return self.with_rate(block_name, item, block.rates.get(item, 0.0) + points)
        rates = {k: v + points for k, v in block.rates.items()}
        grdp = None if block.grdp is None else block.grdp + points
        return self.replace_block(replace(block, rates=MappingProxyType(rates), grdp=grdp))
