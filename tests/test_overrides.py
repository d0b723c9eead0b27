"""What-if overrides resolved together (core/overrides.py, docs/method.md §8).

Expected values are derived here from the base volumes and the plan's rates by hand, never read back
from the resolution itself.
"""

from __future__ import annotations

import itertools
import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.errors import InputError
from grdp_scenario.core.evaluate import value_of
from grdp_scenario.core.overrides import Override, resolve
from grdp_scenario.library import Plan

from conftest import raises_saying

runner = CliRunner()
TOP = ("agriculture", "industry_construction", "services", "product_taxes")


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def q4_with_grdp_and_services(e, grdp: float, services: float) -> dict[str, float]:
    """By hand: services held at its value, the three other sectors shifted by one d so that the block's
    published GRDP (which keeps its residual over the sectors) reaches ``grdp``."""
    q4 = e.block("Q4")
    vol = q4.volumes
    total = sum(vol[s] for s in TOP)
    residual = q4.grdp - sum(vol[s] * q4.rates[s] for s in TOP) / total
    others = [s for s in TOP if s != "services"]
    d = ((grdp - residual) * total - vol["services"] * services - sum(vol[s] * q4.rates[s] for s in others)) / sum(
        vol[s] for s in others
    )
    return {s: q4.rates[s] + d for s in others} | {"services": services}


def test_set_grdp_and_a_sector_of_one_block_both_hold_in_either_order(shipped):
    """The issue's example: GRDP 14 and services 16, whatever the order on the command line."""
    e = shipped.economy
    expected = q4_with_grdp_and_services(e, 14.0, 16.0)
    one = [Override("set", "Q4", "grdp", 14.0), Override("set", "Q4", "services", 16.0)]
    for overrides in (one, one[::-1]):
        q4 = resolve(e, overrides).block("Q4")
        assert q4.grdp == 14.0 and q4.rates["services"] == 16.0
        for s in TOP:
            assert q4.rates[s] == pytest.approx(expected[s], abs=1e-9)
        # the others moved by equal points
        moves = {q4.rates[s] - e.block("Q4").rates[s] for s in TOP if s != "services"}
        assert max(moves) - min(moves) < 1e-9


def test_the_cli_gives_the_same_answer_in_both_orders():
    a = cli("whatif", "--set", "Q4.grdp=14", "--set", "Q4.services=16", "-f", "json")
    b = cli("whatif", "--set", "Q4.services=16", "--set", "Q4.grdp=14", "-f", "json")
    assert a.exit_code == b.exit_code == 0, a.output
    assert json.loads(a.stdout)["scenario"] == json.loads(b.stdout)["scenario"]
    q4 = json.loads(a.stdout)["scenario"]["periods"]["Q4"]
    assert q4["grdp"] == 14.0 and q4["sectors"]["services"] == 16.0


def test_a_shift_adds_to_the_plan_value_whatever_else_is_set(shipped):
    e = shipped.economy
    plan_q4 = e.block("Q4")
    # shift the block's GRDP, set one sector: GRDP is the plan's + 1, services as set
    moved = resolve(e, [Override("set", "Q4", "services", 16.0), Override("shift", "Q4", "grdp", 1.0)])
    assert moved.block("Q4").grdp == pytest.approx(plan_q4.grdp + 1.0, abs=1e-12)
    expected = q4_with_grdp_and_services(e, plan_q4.grdp + 1.0, 16.0)
    assert dict(moved.block("Q4").rates)["agriculture"] == pytest.approx(expected["agriculture"], abs=1e-9)


def test_the_same_lever_twice_is_refused_naming_both(shipped):
    with raises_saying(r"--shift Q4.services=1 and --set Q4.services=16|--set Q4.services=16 and --shift"):
        resolve(shipped.economy, [Override("shift", "Q4", "services", 1), Override("set", "Q4", "services", 16)])
    r = cli("whatif", "--shift", "Q4.services=1", "--set", "Q4.services=16")
    assert r.exit_code == 2 and "both change the same figure" in r.stderr


def test_a_grdp_already_decided_by_all_its_sectors_cannot_also_be_set(shipped):
    overrides = [Override("set", "Q4", s, 10.0) for s in TOP] + [Override("set", "Q4", "grdp", 12.0)]
    with raises_saying("cannot hold together with"):
        resolve(shipped.economy, overrides)


def test_a_union_and_one_of_its_blocks_both_hold(shipped):
    """H2 at 13 with Q4 at 14: Q3 takes what H2 needs (by hand: volume-weighted, sectors shifted alike)."""
    e = shipped.economy
    moved = resolve(e, [Override("set", "H2", "grdp", 13.0), Override("set", "Q4", "grdp", 14.0)])
    v3, v4 = e.block_volume(e.block("Q3")), e.block_volume(e.block("Q4"))
    assert moved.block("Q4").grdp == 14.0
    assert moved.block("Q3").grdp == pytest.approx((13.0 * (v3 + v4) - 14.0 * v4) / v3, abs=1e-9)
    assert value_of(moved, "H2", "grdp") == pytest.approx(13.0, abs=1e-9)


def test_a_shift_that_would_make_a_rate_impossible_is_refused(shipped):
    with raises_saying("above -100"):
        resolve(shipped.economy, [Override("shift", "Q4", "services", -200)])
    with raises_saying("would fall to"):
        resolve(shipped.economy, [Override("set", "Q4", "grdp", -60), Override("set", "Q4", "services", 300)])


# ----- a child sector moves with its parent -----------------------------------------------------------------


def test_setting_industry_moves_industry_construction_gdp_and_fy_by_its_share(shipped):
    e = shipped.economy
    share = shipped.targets.model.assumptions.child_shares["industry"] / 100
    q4 = e.block("Q4")
    moved = resolve(e, [Override("set", "Q4", "industry", 30.0)])
    delta = 30.0 - q4.rates["industry"]
    assert moved.block("Q4").rates["industry_construction"] == pytest.approx(
        q4.rates["industry_construction"] + share * delta, abs=1e-9
    )
    total = sum(e.block_volume(b) for b in e.blocks)
    fy_gain = q4.volumes["industry_construction"] * share * delta / total
    assert value_of(moved, "FY", "grdp") - value_of(e, "FY", "grdp") == pytest.approx(fy_gain, abs=1e-9)


def test_setting_industry_construction_moves_industry_by_the_same_points(shipped):
    e = shipped.economy
    moved = resolve(e, [Override("set", "Q4", "industry_construction", 20.0)])
    q4 = e.block("Q4")
    assert moved.block("Q4").rates["industry"] == pytest.approx(q4.rates["industry"] + 20.0 - 15.49, abs=1e-9)
    # and both set: both hold (construction, the rest of the parent, takes the difference)
    both = resolve(e, [Override("set", "Q4", "industry", 30.0), Override("set", "Q4", "industry_construction", 20.0)])
    assert both.block("Q4").rates["industry"] == 30.0 and both.block("Q4").rates["industry_construction"] == 20.0


def test_whatif_on_industry_moves_fy_and_names_the_assumption():
    r = cli("whatif", "--set", "Q4.industry=30", "-f", "json")
    data = json.loads(r.stdout)
    assert data["scenario"]["periods"]["FY"]["grdp"] > data["baseline"]["periods"]["FY"]["grdp"] + 0.5
    text = cli("whatif", "--set", "Q4.industry=30").stdout
    assert "75.0% of Industry and construction by base volume" in text.replace("\n", " ")


def test_a_child_without_a_stated_share_cannot_be_a_lever(write, targets_text):
    path = write("t.yaml", targets_text.replace("  child_shares: {industry: 75}\n", "  child_shares: {}\n"))
    r = cli("whatif", "--set", "Q4.industry=30", "--targets", path)
    assert r.exit_code == 2 and "child_shares" in r.stderr and "Traceback" not in r.output
    # its own growth over H2 does not depend on the share: check gives the same H2 industry
    a = json.loads(cli("check", "-f", "json", "--targets", path).stdout)
    b = json.loads(cli("check", "-f", "json").stdout)
    assert a["periods"]["H2"]["sectors"]["industry"] == pytest.approx(b["periods"]["H2"]["sectors"]["industry"])


def test_a_bad_share_is_refused_with_its_line(write, targets_text):
    path = write("t.yaml", targets_text.replace("child_shares: {industry: 75}", "child_shares: {industry: 140}"))
    r = cli("check", "--targets", path)
    assert r.exit_code == 2 and "t.yaml, line" in r.stderr and "outside (0, 100]" in r.stderr


# ----- published figures are facts ---------------------------------------------------------------------------


def test_a_whatif_on_a_block_an_outturn_derived_is_refused_unless_counterfactual(tmp_path):
    outturn = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--outturn", outturn).exit_code == 0
    r = cli("whatif", "--set", "Q3.grdp=9", "--outturn", outturn)
    assert r.exit_code == 2 and "derived from the published 9M figure" in r.stderr and "--counterfactual" in r.stderr
    r = cli("sweep", "--vary", "Q3.services=8:12:1", "--outturn", outturn)
    assert r.exit_code == 2 and "Q3" in r.stderr and "published 9M" in r.stderr
    r = cli("required", "--period", "Q3", "--outturn", outturn)
    assert r.exit_code == 2 and "published 9M" in r.stderr
    r = cli("whatif", "--set", "Q3.grdp=9", "--outturn", outturn, "--counterfactual", "-f", "json")
    nine = json.loads(r.stdout)["scenario"]["periods"]["9M"]
    s = Plan.load(outturn=outturn)
    h1, q3 = s.economy.block("H1"), s.economy.block("Q3")
    v1, v3 = s.economy.block_volume(h1), s.economy.block_volume(q3)
    assert nine["grdp"] == pytest.approx((7.87 * v1 + 9.0 * v3) / (v1 + v3), abs=1e-9)  # not 7.39 any more


def test_the_plans_own_actual_block_is_a_fact_too():
    r = cli("whatif", "--set", "H1.grdp=9")
    assert r.exit_code == 2 and "H1 is actual in the plan" in r.stderr
    assert cli("whatif", "--set", "H1.grdp=9", "--counterfactual").exit_code == 0


# ----- order never matters ------------------------------------------------------------------------------------

LEVERS = [
    (p, i) for p in ("Q3", "Q4") for i in ("grdp", "agriculture", "industry_construction", "industry", "services")
] + [("H2", "grdp"), ("H2", "services"), ("Q3", "product_taxes")]


@st.composite
def override_sets(draw):
    levers = draw(st.lists(st.sampled_from(LEVERS), min_size=1, max_size=5, unique=True))
    out = []
    for period, item in levers:
        if draw(st.booleans()):
            out.append(Override("set", period, item, draw(st.floats(min_value=-5, max_value=30))))
        else:
            out.append(Override("shift", period, item, draw(st.floats(min_value=-5, max_value=5))))
    return out


def outcome(economy, overrides):
    try:
        moved = resolve(economy, overrides)
    except InputError as exc:
        return ("refused", exc.code)
    return tuple((b.name, b.grdp, tuple(sorted(b.rates.items()))) for b in moved.blocks)


def same(a, b) -> bool:
    if a[0] == "refused" or b[0] == "refused":
        return a == b
    for (na, ga, ra), (nb, gb, rb) in zip(a, b):
        if na != nb or not math.isclose(ga or 0, gb or 0, abs_tol=1e-7):
            return False
        if any(ka != kb or not math.isclose(x, y, abs_tol=1e-7) for (ka, x), (kb, y) in zip(ra, rb)):
            return False
    return True


@settings(max_examples=60, deadline=None)
@given(overrides=override_sets(), rnd=st.randoms(use_true_random=False))
def test_any_order_gives_the_same_result_and_every_override_holds(shipped, overrides, rnd):
    economy = shipped.economy
    first = outcome(economy, overrides)
    shuffled = list(overrides)
    rnd.shuffle(shuffled)
    assert same(first, outcome(economy, shuffled))
    if first[0] != "refused":
        moved = resolve(economy, overrides)
        for o in overrides:
            target = o.value if o.kind == "set" else value_of(economy, o.period, o.item) + o.value
            assert value_of(moved, o.period, o.item) == pytest.approx(target, abs=1e-7)


def test_every_permutation_of_a_mixed_set_agrees(shipped):
    overrides = [
        Override("set", "Q4", "grdp", 14.0),
        Override("set", "Q4", "services", 16.0),
        Override("shift", "Q3", "agriculture", 1.0),
        Override("set", "H2", "industry_construction", 17.0),
    ]
    results = [outcome(shipped.economy, list(p)) for p in itertools.permutations(overrides)]
    assert all(same(results[0], r) for r in results[1:])
