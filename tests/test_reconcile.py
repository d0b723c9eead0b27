"""Reconcile the shipped plan with its own goals (core/reconcile.py, core/printed.py, docs/method.md §10).

Expected values are derived here from the base-year CSV and the plan's printed rates: each goal that binds
on the shipped plan involves one sector only, so its smallest equal-weight change has the closed form
Δ_b = d·w_b/Σw_k² with w_b the block's share of the goal period's volume of that sector.
"""

from __future__ import annotations

import itertools
import math
from types import MappingProxyType

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp_scenario.core.economy import Block, Economy
from grdp_scenario.core.evaluate import value_of
from grdp_scenario.core.goals import stated
from grdp_scenario.core.reconcile import parse_keep, reconcile

from conftest import raises_saying
from economies import PLAN, exhaustive, shipped_volumes

FY_GOALS = {"agriculture": 3.53, "industry_construction": 12.62, "product_taxes": 6.50}


def closed_form(sector: str, goal: float, blocks=("Q3", "Q4")) -> dict[str, float]:
    """The smallest equal-weight change of ``blocks`` lifting the FY rate of ``sector`` to ``goal``."""
    vol = shipped_volumes()
    total = sum(vol[(b, sector)] for b in PLAN)
    fy = sum(vol[(b, sector)] * PLAN[b][sector] for b in PLAN) / total
    w = {b: vol[(b, sector)] / total for b in blocks}
    norm = sum(x * x for x in w.values())
    return {b: (goal - fy) * w[b] / norm for b in blocks}


@pytest.fixture(scope="module")
def result(shipped):
    return reconcile(shipped.economy, shipped.goals)


def test_each_binding_goal_moves_its_sector_by_the_closed_form(result):
    for sector, goal in FY_GOALS.items():
        for block, change in closed_form(sector, goal).items():
            exact = result.exact[(block, sector)] - PLAN[block][sector]
            assert exact == pytest.approx(change, abs=1e-9), (block, sector)
    # the other rates need nothing: services meets its goals, industry its own
    for block in ("Q3", "Q4"):
        for item in ("services", "industry"):
            assert result.exact[(block, item)] == result.economy.block(block).rates[item]
    # the figure: the largest change is product taxes in Q4, about 0.13 points
    largest = max((c for c in result.changes if c.item != "grdp"), key=lambda c: abs(c.points))
    assert (largest.block, largest.item) == ("Q4", "product_taxes")
    assert largest.points == pytest.approx(0.13, abs=1e-9)


def test_printed_figures_have_two_decimals_and_lie_beside_the_exact_ones(result):
    assert result.decimals == 2
    for c in result.changes:
        assert c.after == round(c.after, 2)
        if c.item != "grdp":
            assert (
                math.floor(c.exact * 100 + 1e-9) / 100 - 1e-9 <= c.after <= math.ceil(c.exact * 100 - 1e-9) / 100 + 1e-9
            )


def test_every_goal_is_met_by_the_printed_figures(shipped, result):
    after = shipped.with_economy(result.economy).check()
    assert all(g.met for g in after.goals), [(g.period, g.item, g.value) for g in after.goals if not g.met]
    before = shipped.check()
    assert not all(g.met for g in before.goals)


def test_the_rounding_is_the_cheapest_that_meets_every_goal(shipped, result):
    """Every floor/ceiling combination of the changed rates, evaluated in full, none cheaper and feasible."""
    e = shipped.economy
    rates = [c for c in result.changes if c.item != "grdp"]
    chosen = sum((c.after - c.before) ** 2 for c in rates)
    for combo in itertools.product(*[(math.floor(c.exact * 100) / 100, math.ceil(c.exact * 100) / 100) for c in rates]):
        economy = e
        for c, v in zip(rates, combo):
            b = economy.block(c.block)
            economy = economy.replace_block(_with(b, c.item, v, e))
        met = all(value_of(economy, g.period, g.item) >= g.minimum for g in shipped.goals)
        cost = sum((v - c.before) ** 2 for c, v in zip(rates, combo))
        if met:
            assert cost >= chosen - 1e-12


def _with(block: Block, item: str, value: float, economy: Economy) -> Block:
    """The block with one sector rate changed and its printed GRDP rounded from its moved value, as printed."""
    from dataclasses import replace

    rates = {**block.rates, item: value}
    new = replace(block, rates=MappingProxyType(rates))
    original = economy.block(block.name)
    moved = original.grdp + economy.sector_grdp(new) - economy.sector_grdp(original)
    return replace(new, grdp=math.floor(moved * 100 + 0.5) / 100)


def test_a_kept_rate_leaves_the_goal_to_the_other_block(shipped):
    result = reconcile(shipped.economy, shipped.goals, parse_keep(shipped.economy, ["Q4.product_taxes"]))
    assert ("Q4", "product_taxes") not in result.exact
    assert result.exact[("Q3", "product_taxes")] - PLAN["Q3"]["product_taxes"] == pytest.approx(
        closed_form("product_taxes", 6.50, ("Q3",))["Q3"], abs=1e-9
    )


def test_goals_no_free_rate_moves_exit_2_naming_them(shipped):
    keep = parse_keep(shipped.economy, ["Q3.product_taxes", "Q4.product_taxes"])
    short = 6.50 - value_of(shipped.economy, "FY", "product_taxes")
    with raises_saying(r"FY\.product_taxes ≥ 6\.5 \(short by 0\.0589 points\).*Q3\.product_taxes"):
        reconcile(shipped.economy, shipped.goals, keep)
    assert short == pytest.approx(0.0589, abs=1e-4)


def test_keep_is_checked_where_it_is_received(shipped):
    with raises_saying("not of the form PERIOD.ITEM"):
        parse_keep(shipped.economy, ["Q4"])
    with raises_saying("'H1' is not a target block"):
        parse_keep(shipped.economy, ["H1.services"])


def test_reconciled_targets_need_nothing_more(shipped, result):
    again = reconcile(result.economy, shipped.goals)
    assert again.changes == ()


def test_volume_weights_move_small_sectors_first(shipped):
    """With volume weights the closed form becomes Δ_b ∝ w_b/L_b: equal points in every block of the sector."""
    result = reconcile(shipped.economy, shipped.goals, weighting="volume")
    q3 = result.exact[("Q3", "product_taxes")] - PLAN["Q3"]["product_taxes"]
    q4 = result.exact[("Q4", "product_taxes")] - PLAN["Q4"]["product_taxes"]
    assert q3 == pytest.approx(q4, rel=1e-9)


# ----- random plans: the printed output meets every goal, the exact one is the smallest --------------------
SECTORS = ("a", "b")


def economy_of(vols, rates) -> Economy:
    blocks = [Block("H1", "actual", MappingProxyType(vols[0]), MappingProxyType(rates[0]))]
    for name, v, r in zip(("Q3", "Q4"), vols[1:], rates[1:]):
        blocks.append(Block(name, "target", MappingProxyType(v), MappingProxyType(r), None, "plan"))
    return Economy("t", "T", 2025, 2024, SECTORS, MappingProxyType({s: None for s in SECTORS}), tuple(blocks))


def hand_rows(vols, goals):
    """A by hand: points of each goal per point of each (block, sector) of Q3 and Q4."""
    index = {"H1": 0, "Q3": 1, "Q4": 2}
    periods = {"FY": ("H1", "Q3", "Q4"), "H2": ("Q3", "Q4")}
    rows = []
    for period, item, _ in goals:
        blocks = periods[period]
        if item == "grdp":
            total = sum(vols[index[b]][s] for b in blocks for s in SECTORS)
        row = []
        for b in ("Q3", "Q4"):
            for s in SECTORS:
                if item == "grdp":
                    row.append(vols[index[b]][s] / total)
                else:
                    row.append(vols[index[b]][s] / sum(vols[index[k]][s] for k in blocks) if s == item else 0.0)
        rows.append(row)
    return rows


@settings(max_examples=40, deadline=None)
@given(
    st.lists(st.fixed_dictionaries({s: st.floats(10, 1000) for s in SECTORS}), min_size=3, max_size=3),
    st.lists(
        st.fixed_dictionaries({s: st.integers(-200, 1500).map(lambda x: x / 100) for s in SECTORS}),
        min_size=3,
        max_size=3,
    ),
    st.lists(
        st.tuples(st.sampled_from(["FY", "H2"]), st.sampled_from(["grdp", *SECTORS]), st.floats(0, 3)),
        min_size=1,
        max_size=4,
        unique_by=lambda g: g[:2],
    ),
)
def test_random_plans_meet_every_goal_with_the_smallest_change(vols, rates, lifts):
    economy = economy_of(vols, rates)
    goals: dict[str, dict[str, float]] = {}
    for period, item, lift in lifts:  # goals a little above what the plan gives: feasible, binding
        goals.setdefault(period, {})[item] = round(value_of(economy, period, item) + lift, 2)
    result = reconcile(economy, stated(goals))
    for period, items in goals.items():
        for item, minimum in items.items():  # met as the contract judges it: at full precision, to 1e-9
            assert value_of(result.economy, period, item) >= minimum - 1e-9
    keys = [(p, i, m) for p, items in goals.items() for i, m in items.items()]
    a = hand_rows(vols, keys)
    d = [m - value_of(economy, p, i) for p, i, m in keys]
    cost, _ = exhaustive(a, d, [1.0] * 4)
    exact_cost = sum((x - economy.block(b).rates[i]) ** 2 for (b, i), x in result.exact.items())
    assert exact_cost == pytest.approx(cost, rel=1e-6, abs=1e-9)
    for c in result.changes:
        assert c.after == round(c.after, 2)
