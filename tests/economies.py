"""Small hand-made economies for the property tests."""

from __future__ import annotations

import csv
import itertools
from types import MappingProxyType

import numpy as np
from hypothesis import strategies as st

from grdp_scenario.core.economy import Block, Economy
from grdp_scenario.library import DEFAULT_ACTUALS, data_path

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


def exhaustive(a, d, w):
    """The cheapest x over every subset of binding goals (the KKT points), by brute force."""
    a, d, w = np.asarray(a, float), np.asarray(d, float), np.asarray(w, float)
    best = None
    for k in range(len(d) + 1):
        for rows in itertools.combinations(range(len(d)), k):
            rows = list(rows)
            if rows:
                # min Σw x² with A_S x = d_S: x = W⁻¹A_Sᵀλ, (A_S W⁻¹ A_Sᵀ)λ = d_S
                m = a[rows] / w
                lam = np.linalg.lstsq(m @ a[rows].T, d[rows], rcond=None)[0]
                x = m.T @ lam
            else:
                x = np.zeros(a.shape[1])
            if np.all(a @ x >= d - 1e-9):
                cost = float(np.sum(w * x * x))
                if best is None or cost < best[0]:
                    best = (cost, x)
    return best


PLAN = {  # the plan's printed rates (data/targets_2025.yaml)
    "H1": {"agriculture": 2.8, "industry_construction": 9.58, "services": 9.58, "product_taxes": 5.31},
    "Q3": {"agriculture": 3.48, "industry_construction": 15.14, "services": 13.91, "product_taxes": 6.51},
    "Q4": {"agriculture": 4.99, "industry_construction": 15.49, "services": 14.80, "product_taxes": 8.42},
}


def shipped_volumes() -> dict[tuple[str, str], float]:
    with open(data_path(DEFAULT_ACTUALS), encoding="utf-8") as fh:
        return {(r["period"], r["sector"]): float(r["volume"]) for r in csv.DictReader(fh) if r["volume"]}
