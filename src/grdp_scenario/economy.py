"""The model the arithmetic runs on: blocks of a year, each with base volumes and growth rates.

Pure data, no I/O: built from a plan and a base year (``from_plan``), changed by scenarios
(``with_rate``, ``with_grdp``), read by ``evaluate``.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from types import MappingProxyType
from typing import Mapping

from . import periods
from .actuals import BaseYear
from .errors import InputError, NotComputable
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
            raise NotComputable(f"{period} would split block {', '.join(split)} (data exist only for "
                                f"{', '.join(self.block_names)})")
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
    def replace_block(self, new: Block) -> "Economy":
        return replace(self, blocks=tuple(new if b.name == new.name else b for b in self.blocks))

    def with_rate(self, block_name: str, sector: str, rate: float) -> "Economy":
        """Set a sector's rate in a block; its parents and a given GRDP move through the weights."""
        block = self.block(block_name)
        if sector not in block.rates:
            if not block.rates:
                raise InputError(f"block {block_name} gives only GRDP ({block.grdp}); its sector rates are not "
                                 "known", fix=f"Set {block_name}.grdp instead, or give its sectors in the data")
            raise InputError(f"block {block_name} has no rate for {sector}",
                             fix=f"Items of {block_name}: grdp, {', '.join(block.rates)}")
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

    def with_grdp(self, block_name: str, rate: float) -> "Economy":
        """Set a block's GRDP: every sector (children too) shifts by the same points."""
        block = self.block(block_name)
        delta = rate - self.block_grdp(block)
        return self.shifted(block_name, "grdp", delta)

    def shifted(self, block_name: str, item: str, points: float) -> "Economy":
        block = self.block(block_name)
        if item != "grdp":
            return self.with_rate(block_name, item, block.rates.get(item, 0.0) + points)
        rates = {k: v + points for k, v in block.rates.items()}
        grdp = None if block.grdp is None else block.grdp + points
        return self.replace_block(replace(block, rates=MappingProxyType(rates), grdp=grdp))


def from_plan(plan, base: BaseYear, growth: Mapping[str, object] | None = None) -> Economy:
    """Join the plan's growth blocks with the base year's volumes.

    Each growth block must be a union of volume blocks (its rate then applies to each, which changes
    nothing: splitting a block with its rate leaves every aggregate as it was). A volume block that a
    growth block would split cannot be weighted, and is an input error.
    """
    model = plan.model
    specs = dict(growth if growth is not None else model.growth)
    parents = {s.key: s.parent for s in model.sectors}
    top = tuple(plan.top_level)
    volume_blocks = base.blocks
    proxied = frozenset(s for s, p in parents.items() if p is not None and not any(k == s for k, _ in base.volume))
    blocks = []
    for name in sorted(specs, key=periods.sort_key):
        spec = specs[name]
        want = periods.quarters(name)
        parts = [v for v in volume_blocks if periods.quarters(v) <= want]
        straddling = [v for v in volume_blocks if periods.quarters(v) & want and not periods.quarters(v) <= want]
        if straddling:
            raise InputError(
                f"growth is given for {name} but {base.file} has volumes for {', '.join(straddling)} only as a "
                f"whole, so {name} cannot be weighted", file=plan.file, line=plan.line("growth", name),
                where=f"growth.{name}", fix=f"Give volumes for {name} in {base.file}, or growth for "
                f"{', '.join(straddling)} as a whole")
        volumes: dict[str, float] = {}
        for s in parents:
            if all((s, v) in base.volume for v in parts):
                volumes[s] = sum(base.volume[(s, v)] for v in parts)
        for s in proxied:
            if parents[s] in volumes:
                volumes[s] = volumes[parents[s]]
        rates = dict(spec.rates)
        blocks.append(Block(name, spec.status, MappingProxyType(volumes), MappingProxyType(rates), spec.grdp,
                            getattr(spec, "source", "") or "plan"))
    return Economy(model.region.key, model.region.name, model.year, model.base_year, top,
                   MappingProxyType(parents), tuple(blocks), MappingProxyType(dict(base.current)), proxied)
