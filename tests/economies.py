"""Small hand-made economies for the property tests."""

from __future__ import annotations

from types import MappingProxyType

from hypothesis import strategies as st

from grdp_scenario.core.economy import Block, Economy

SECTORS = ("a", "b", "c")
PARTITIONS = (("FY",), ("H1", "H2"), ("H1", "Q3", "Q4"), ("Q1", "Q2", "Q3", "Q4"), ("9M", "Q4"), ("Q1", "Q2", "H2"))

volumes = st.floats(min_value=0.5, max_value=1000, allow_nan=False)
rates = st.floats(min_value=-20, max_value=40, allow_nan=False)


def make(partition, vols, rts, grdp=None) -> Economy:
    """vols and rts: one dict per block, sector → value."""
    blocks = tuple(
        Block(b, "target", MappingProxyType(dict(v)), MappingProxyType(dict(r)), None if grdp is None else grdp[i])
        for i, (b, v, r) in enumerate(zip(partition, vols, rts))
    )
    return Economy("t", "T", 2025, 2024, SECTORS, MappingProxyType({s: None for s in SECTORS}), blocks)


@st.composite
def economies(draw, partition=None):
    partition = partition or draw(st.sampled_from(PARTITIONS))
    vols = [{s: draw(volumes) for s in SECTORS} for _ in partition]
    rts = [{s: draw(rates) for s in SECTORS} for _ in partition]
    return make(partition, vols, rts)
