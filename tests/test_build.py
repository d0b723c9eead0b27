"""Targets built from a goal (core/build.py, docs/method.md §10): the profiles' shapes, the goal met exactly
before rounding, consistency with ``required``. Expected values come from the CSV volumes and the plan's
printed figures, not from the builder."""

from __future__ import annotations

import pytest

from grdp_scenario.core.analysis import solve
from grdp_scenario.core.build import build, parse_goals
from grdp_scenario.core.evaluate import value_of
from grdp_scenario.core.goals import stated

from conftest import raises_saying
from economies import PLAN, shipped_volumes

TOP = ("agriculture", "industry_construction", "services", "product_taxes")
BASE_GROWTH = {
    "grdp": 7.39,
    "agriculture": 4.37,
    "industry_construction": 9.75,
    "services": 7.74,
    "product_taxes": 5.59,
}


def exact_rates(built):
    """The unrounded built rates: what the builder meant before printing (Change.exact, or the printed rate)."""
    out = {}
    for b in ("Q3", "Q4"):
        for s in built.economy.block(b).rates:
            out[(b, s)] = built.economy.block(b).rates[s]
    for c in built.changes:
        out[(c.block, c.item)] = c.exact
    return out


def fy_grdp_by_hand(rates) -> float:
    vol = shipped_volumes()
    total = sum(vol[(b, s)] for b in PLAN for s in TOP)
    known = sum(vol[("H1", s)] * PLAN["H1"][s] for s in TOP)  # H1 prints 7.87 but its sectors are given
    rest = sum(vol[(b, s)] * rates[(b, s)] for b in ("Q3", "Q4") for s in TOP)
    h1_grdp = 7.87 * sum(vol[("H1", s)] for s in TOP)  # the printed H1 GRDP stands for H1
    return (h1_grdp + rest) / total, known


def test_rising_steps_up_equally_from_the_latest_actual_rates(shipped):
    built = build(shipped.economy, stated({"FY": {"grdp": 10}}), "rising")
    r = exact_rates(built)
    steps = {r[("Q3", s)] - PLAN["H1"][s] for s in TOP}
    assert max(steps) - min(steps) < 1e-9  # one level for every sector (only the GRDP goal)
    step = steps.pop()
    for s in TOP:
        assert r[("Q4", s)] - r[("Q3", s)] == pytest.approx(step, abs=1e-9)  # Q4 a second step up
    fy, _ = fy_grdp_by_hand(r)
    assert fy == pytest.approx(10.0, abs=1e-9)  # the goal exactly, before printing
    assert value_of(built.economy, "FY", "grdp") >= 10.0


def test_uplift_adds_the_same_points_to_the_base_years_growth(shipped):
    built = build(shipped.economy, stated({"FY": {"grdp": 10}}), "uplift", BASE_GROWTH)
    r = exact_rates(built)
    ups = {r[(b, s)] - BASE_GROWTH[s] for b in ("Q3", "Q4") for s in TOP}
    assert max(ups) - min(ups) < 1e-9
    assert fy_grdp_by_hand(r)[0] == pytest.approx(10.0, abs=1e-9)
    assert r[("Q3", "industry")] == pytest.approx(r[("Q3", "industry_construction")], abs=1e-9)  # the parent's


def test_scaled_multiplies_the_base_years_growth_by_one_factor(shipped):
    built = build(shipped.economy, stated({"FY": {"grdp": 10}}), "scaled", BASE_GROWTH)
    r = exact_rates(built)
    factors = {r[(b, s)] / BASE_GROWTH[s] for b in ("Q3", "Q4") for s in TOP}
    assert max(factors) - min(factors) < 1e-9
    assert fy_grdp_by_hand(r)[0] == pytest.approx(10.0, abs=1e-9)


def test_growth_by_block_of_the_base_year_is_the_start_where_given(shipped):
    by_block = {"Q3": {"agriculture": 3.0, "industry_construction": 8.0, "services": 7.0, "product_taxes": 5.0}}
    built = build(shipped.economy, stated({"FY": {"grdp": 10}}), "uplift", BASE_GROWTH, by_block)
    r = exact_rates(built)
    q3 = {r[("Q3", s)] - by_block["Q3"][s] for s in TOP}
    q4 = {r[("Q4", s)] - BASE_GROWTH[s] for s in TOP}
    assert max(q3 | q4) - min(q3 | q4) < 1e-9
    assert dict(built.sources) == {"Q3": "base-year-block", "Q4": "base-year"}


def test_a_sector_goal_lifts_that_sector_alone(shipped):
    plain = exact_rates(build(shipped.economy, stated({"FY": {"grdp": 10}}), "uplift", BASE_GROWTH))
    built = build(shipped.economy, stated({"FY": {"grdp": 10, "services": 13}}), "uplift", BASE_GROWTH)
    r = exact_rates(built)
    assert value_of(built.economy, "FY", "services") >= 13
    assert r[("Q3", "agriculture")] == pytest.approx(plain[("Q3", "agriculture")], abs=1e-9)
    lift = r[("Q3", "services")] - plain[("Q3", "services")]
    assert lift > 0 and r[("Q4", "services")] - plain[("Q4", "services")] == pytest.approx(lift, abs=1e-9)


def test_after_nine_months_published_build_agrees_with_required(shipped, tmp_path):
    """The issue's case: only 9M GRDP 7.39 recorded; Q4 must then give what `required` says."""
    from grdp_scenario.inputs.outturn import record

    outturn = tmp_path / "outturn.csv"
    record(outturn, shipped.targets, "9M", {"grdp": 7.39}, "actual", "test", "", False, economy=shipped.economy)
    scenario = shipped.with_outturn(outturn)
    vol = shipped_volumes()
    nine = sum(vol[(b, s)] for b in ("H1", "Q3") for s in TOP)
    q4 = sum(vol[("Q4", s)] for s in TOP)
    by_hand = (10 * (nine + q4) - 7.39 * nine) / q4
    _, solutions = solve(scenario.economy, 10, "FY", "grdp", ["Q4"])
    required = next(s.required for s in solutions if s.lever.item == "grdp")
    assert required == pytest.approx(by_hand, abs=1e-9)
    built = build(scenario.economy, stated({"FY": {"grdp": 10}}), "rising")
    grdp = built.economy.block("Q4").grdp
    assert by_hand <= grdp < by_hand + 0.01 + 1e-9  # the printed Q4 GRDP: the required rate, rounded up
    assert {c.block for c in built.changes} == {"Q4"}  # Q3, derived from the published 9M, stays


def test_goals_are_checked_where_they_are_received(shipped):
    e = shipped.economy
    goals = parse_goals(e, "10.5", ["services=13", "H2.grdp=11.9"])
    assert [(g.period, g.item, g.minimum, g.rounding) for g in goals] == [
        ("FY", "grdp", 10.5, 0.0),
        ("FY", "services", 13.0, 0.0),
        ("H2", "grdp", 11.9, 0.0),
    ]
    with raises_saying("given twice"):
        parse_goals(e, 10, ["services=13", "FY.services=14"])
    with raises_saying("'servces'"):
        parse_goals(e, 10, ["servces=13"])
    with raises_saying("KEY=VALUE|form"):
        parse_goals(e, 10, ["services"])


def test_profiles_that_need_the_base_year_say_so(shipped):
    with raises_saying("no base-year growth of agriculture.*base_year_growth"):
        build(shipped.economy, stated({"FY": {"grdp": 10}}), "uplift", {})
    with raises_saying("scaling it cannot lift it.*--profile uplift"):
        build(shipped.economy, stated({"FY": {"grdp": 10}}), "scaled", {**BASE_GROWTH, "services": -1.0})


def test_the_plans_goals_stay_unless_replaced_or_dropped(shipped):
    """Every goal of the plan is a minimum of the build; --goal replaces the year's GRDP goal, --item replaces
    or adds one, --drop leaves one out."""
    e, own = shipped.economy, shipped.goals
    kept = parse_goals(e, None, [], own)
    assert {(g.period, g.item, g.minimum) for g in kept} == {(g.period, g.item, g.minimum) for g in own}
    assert kept[0].headline
    changed = parse_goals(e, "10.5", ["services=13"], own, ["FY.product_taxes"])
    got = {(g.period, g.item): g.minimum for g in changed}
    assert got[("FY", "grdp")] == 10.5 and got[("FY", "services")] == 13.0
    assert ("FY", "product_taxes") not in got and got[("FY", "agriculture")] == 3.53
    with raises_saying("--drop"):
        parse_goals(e, None, [], own, ["Q1.grdp"])


def test_build_without_a_goal_meets_every_goal_of_the_plan_and_writes_them_back(shipped, tmp_path):
    from grdp_scenario.inputs.plan import load_plan

    out = tmp_path / "built.yaml"
    result = shipped.build(output=out)
    after = result.after
    assert all(g.verdict in ("met", "within_rounding") for g in after.goals), [
        (g.period, g.item, g.verdict) for g in after.goals
    ]
    head = after.headline
    assert head.min == 10.0 and head.met
    written = load_plan(out).model
    assert {p: dict(i) for p, i in written.goals.items()} == {
        p: dict(i) for p, i in shipped.targets.model.goals.items()
    }
    assert written.printed_goals == shipped.targets.model.printed_goals


def test_a_held_sector_keeps_its_trend_and_the_others_carry_the_goal(shipped):
    """Agriculture held (its goals dropped): it stays at its latest actual rate (H1 2.80, Phụ lục I) in Q3 and
    Q4, and the year's GRDP goal is still met, by the other sectors (whose own goals may lift it further)."""
    result = shipped.build(drop=["FY.agriculture", "H2.agriculture"], hold=["agriculture"])
    economy = result.made.economy
    assert [economy.block(b).rates["agriculture"] for b in ("Q3", "Q4")] == [2.80, 2.80]
    head = result.after.headline
    assert head.met
    free = shipped.build(drop=["FY.agriculture", "H2.agriculture"])
    assert economy.block("Q4").rates["services"] >= free.made.economy.block("Q4").rates["services"]  # carries more
    assert free.made.economy.block("Q4").rates["agriculture"] > 2.80
    with raises_saying("every sector is held"):
        shipped.build(hold=["agriculture", "industry_construction", "services", "product_taxes"])
