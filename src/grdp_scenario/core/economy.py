"""The model the arithmetic runs on: blocks of a year, each with base volumes and growth rates.

Pure data, no I/O: built from a plan and a base year (``inputs.join.economy_from_plan``), changed by what-if
overrides (``overrides.resolve``), read by ``evaluate``.
"""

from __future__ import annotations

import math
from dataclasses import field, replace
from typing import Mapping

from . import periods
from .dataclass import dataclass
from .errors import Fact, NotComputable
from .growth import weighted_growth

#: The source of a block whose figures are only a starting point (a target block the plan leaves empty).
PROVISIONAL = "provisional"


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
    #: Half a unit in the last printed place of each figure ("grdp" and sectors): the rounding a
    #: printed 11.08 may hide (docs/method.md §7). Empty where figures are exact.
    halves: Mapping[str, float] = field(default_factory=dict)

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
    #: Children with no volumes of their own and no stated share of their parent: their rates are
    #: weighted by the parent's volumes (any share constant through the year gives the same weights),
    #: but they cannot be levers, since how much they move the parent is unknown.
    proxied: frozenset[str] = frozenset()
    #: Figures published for whole periods (outturns: H1, 9M, FY …), period → item → rate. A published
    #: figure is the figure: it is reported as it is, whatever the blocks imply.
    published: Mapping[str, Mapping[str, float]] = field(default_factory=dict)
    published_status: Mapping[str, str] = field(default_factory=dict)
    #: Where the base volumes were estimated from published figures (core/published.py): the blocks' volumes
    #: with each published figure moved up and down by half its last digit, as pairs of block → sector →
    #: volume. A goal's value under each pair bounds how far that figure's rounding can move it.
    variants: tuple[tuple[Mapping[str, Mapping[str, float]], Mapping[str, Mapping[str, float]]], ...] = ()

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

    def block_half(self, block: Block) -> float:
        """The rounding a block's GRDP carries: its printed GRDP's, or its sectors' weighted."""
        if block.grdp is not None or not self.has_sectors(block):
            return block.halves.get("grdp", 0.0)
        return math.fsum(block.volumes[s] * block.halves.get(s, 0.0) for s in self.top) / self.block_volume(block)

    def residual(self, block: Block) -> float:
        """Given GRDP minus what its sectors imply (0 when GRDP follows from the sectors)."""
        if block.grdp is None or not self.has_sectors(block):
            return 0.0
        return block.grdp - self.sector_grdp(block)

    # ----- changes (scenarios) ------------------------------------------------------------
    def with_volumes(self, volumes: Mapping[str, Mapping[str, float]]) -> Economy:
        """The same rates on other base volumes (one of ``variants``), with no variants of its own."""
        blocks = tuple(replace(b, volumes={**b.volumes, **volumes.get(b.name, {})}) for b in self.blocks)
        return replace(self, blocks=blocks, variants=())

    def replace_block(self, new: Block) -> Economy:
        return replace(self, blocks=tuple(new if b.name == new.name else b for b in self.blocks))
