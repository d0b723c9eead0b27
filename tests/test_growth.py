"""Invariants of the arithmetic (docs/method.md §1), on random economies."""

from __future__ import annotations

import math
from dataclasses import replace
from types import MappingProxyType

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from grdp_scenario.core import growth, periods
from grdp_scenario.core.evaluate import RESIDUAL, period_result
from grdp_scenario.core.overrides import set_rate
from grdp_scenario.core.values import RATE_MAX

from economies import PARTITIONS, SECTORS, economies, make, rates, volumes

settings.register_profile("fast", max_examples=60, deadline=None)
settings.load_profile("fast")


def level_growth(economy, period):
    """The same figure from levels: (Σ L·(1+g) / Σ L − 1) · 100, the definition of growth of a sum."""
    blocks = economy.blocks_of(period)
    base = sum(b.volumes[s] for b in blocks for s in SECTORS)
    now = sum(b.volumes[s] * (1 + b.rates[s] / 100) for b in blocks for s in SECTORS)
    return (now / base - 1) * 100


@given(economies())
def test_growth_equals_level_arithmetic_and_contributions_add_up(economy):
    for period in periods.REPORTED:
        res = period_result(economy, period)
        if not res.computable:
            continue
        assert res.grdp == pytest.approx(level_growth(economy, period), abs=1e-9)
        parts = [v for k, v in res.contributions.items() if k != RESIDUAL]
        assert math.fsum(parts) == pytest.approx(res.grdp, abs=1e-9)


@given(economies())
def test_aggregate_lies_between_its_parts(economy):
    for period in periods.REPORTED:
        res = period_result(economy, period)
        if not res.computable:
            continue
        parts = [b.rates[s] for b in economy.blocks_of(period) for s in SECTORS]
        assert min(parts) - 1e-9 <= res.grdp <= max(parts) + 1e-9
        for s in SECTORS:
            mine = [b.rates[s] for b in economy.blocks_of(period)]
            assert min(mine) - 1e-9 <= res.sectors[s] <= max(mine) + 1e-9


@given(economies(), st.data(), st.floats(min_value=0.001, max_value=10))
def test_raising_a_rate_never_lowers_an_aggregate_that_contains_it(economy, data, bump):
    block = data.draw(st.sampled_from(economy.blocks))
    sector = data.draw(st.sampled_from(SECTORS))
    raised = set_rate(economy, block.name, sector, block.rates[sector] + bump)
    for period in periods.REPORTED:
        before, after = period_result(economy, period), period_result(raised, period)
        if before.computable and block.name in before.blocks:
            assert after.grdp >= before.grdp - 1e-12
            assert after.sectors[sector] >= before.sectors[sector] - 1e-12


@given(economies(), st.floats(min_value=1e-3, max_value=1e6))
def test_scaling_all_volumes_changes_nothing(economy, factor):
    scaled = replace(
        economy,
        blocks=tuple(
            replace(b, volumes=MappingProxyType({s: v * factor for s, v in b.volumes.items()})) for b in economy.blocks
        ),
    )
    for period in ("FY", "H1", "H2", "9M"):
        a, b = period_result(economy, period), period_result(scaled, period)
        assert a.computable == b.computable
        if a.computable:
            assert b.grdp == pytest.approx(a.grdp, abs=1e-9)
            for k in a.contributions:
                assert b.contributions[k] == pytest.approx(a.contributions[k], abs=1e-9)


@given(st.sampled_from(PARTITIONS), st.lists(volumes, min_size=12, max_size=12), rates)
def test_equal_rates_everywhere_give_that_rate(partition, vols, rate):
    it = iter(vols)
    economy = make(
        partition, [{s: next(it) for s in SECTORS} for _ in partition], [{s: rate for s in SECTORS} for _ in partition]
    )
    for period in periods.REPORTED:
        res = period_result(economy, period)
        if res.computable:
            assert res.grdp == pytest.approx(rate, abs=1e-9)


@given(st.lists(volumes, min_size=12, max_size=12), st.lists(rates, min_size=9, max_size=9))
def test_splitting_a_block_into_quarters_with_its_rate_changes_nothing(vols, rts):
    v, r = iter(vols), iter(rts)
    h1_vol = {s: next(v) for s in SECTORS}
    q3_vol, q4_vol = {s: next(v) for s in SECTORS}, {s: next(v) for s in SECTORS}
    h1_rate, q3_rate, q4_rate = ({s: next(r) for s in SECTORS} for _ in range(3))
    share = {s: next(v) / 2000 + 0.25 for s in SECTORS}  # Q1's part of H1, 0.25..0.75
    coarse = make(("H1", "Q3", "Q4"), [h1_vol, q3_vol, q4_vol], [h1_rate, q3_rate, q4_rate])
    fine = make(
        ("Q1", "Q2", "Q3", "Q4"),
        [{s: h1_vol[s] * share[s] for s in SECTORS}, {s: h1_vol[s] * (1 - share[s]) for s in SECTORS}, q3_vol, q4_vol],
        [h1_rate, h1_rate, q3_rate, q4_rate],
    )
    for period in ("H1", "9M", "H2", "FY"):
        a, b = period_result(coarse, period), period_result(fine, period)
        assert b.grdp == pytest.approx(a.grdp, abs=1e-9)
        for s in SECTORS:
            assert b.contributions[s] == pytest.approx(a.contributions[s], abs=1e-9)


@given(economies(partition=("H1", "Q3", "Q4")))
def test_cumulative_figures_invert_to_the_completing_block(economy):
    h1, q3 = period_result(economy, "H1"), period_result(economy, "Q3")
    nine = period_result(economy, "9M")
    vol = {b.name: economy.block_volume(b) for b in economy.blocks}
    q3_back = growth.completing_block_rate(nine.grdp, vol["H1"] + vol["Q3"], h1.grdp, vol["H1"])
    assert q3_back == pytest.approx(q3.grdp, abs=1e-9)


@given(economies(), st.data(), st.floats(min_value=0.0, max_value=15))
def test_required_rate_meets_the_goal_exactly(economy, data, goal):
    block = data.draw(st.sampled_from(economy.blocks))
    sector = data.draw(st.sampled_from(SECTORS))
    fy = period_result(economy, "FY")
    total = sum(economy.block_volume(b) for b in economy.blocks)
    weight = growth.growth_weight(block.volumes[sector], total)
    need = growth.required_rate(block.rates[sector], fy.grdp, goal, weight)
    assume(-100 < need <= RATE_MAX)  # beyond these the rate is impossible or implausible, and set_rate says so
    moved = set_rate(economy, block.name, sector, need)
    assert period_result(moved, "FY").grdp == pytest.approx(goal, abs=1e-9)


def test_a_period_that_splits_a_block_is_not_computable():
    economy = make(("H1", "H2"), [{s: 1.0 for s in SECTORS}] * 2, [{s: 5.0 for s in SECTORS}] * 2)
    res = period_result(economy, "Q1")
    assert not res.computable
    assert res.reason.code == "split-block" and res.reason.fields["split"] == ("H1",)
    assert period_result(economy, "9M").grdp is None


def test_given_grdp_stands_and_the_difference_is_a_residual_line():
    economy = make(("FY",), [{"a": 1.0, "b": 1.0, "c": 2.0}], [{"a": 4.0, "b": 6.0, "c": 5.0}], grdp=[5.2])
    res = period_result(economy, "FY")
    assert res.grdp == 5.2
    assert res.contributions[RESIDUAL] == pytest.approx(0.2)
    assert math.fsum(res.contributions.values()) == pytest.approx(5.2)


def test_setting_a_sector_moves_a_given_grdp_through_the_weights():
    economy = make(("FY",), [{"a": 1.0, "b": 1.0, "c": 2.0}], [{"a": 4.0, "b": 6.0, "c": 5.0}], grdp=[5.2])
    moved = set_rate(economy, "FY", "c", 6.0)
    assert period_result(moved, "FY").grdp == pytest.approx(5.2 + 2.0 / 4.0 * 1.0)
    shifted = set_rate(economy, "FY", "grdp", 6.0)
    assert dict(shifted.block("FY").rates) == pytest.approx({"a": 4.8, "b": 6.8, "c": 5.8})
