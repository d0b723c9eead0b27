"""whatif, required, sensitivity, sweep and risk: round trips, linearity, agreement with Monte Carlo."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.analysis import levers, solve
from grdp_scenario.core.evaluate import value_of
from grdp_scenario.core.overrides import Override, parse_override, resolve
from grdp_scenario.core.risk import assess, parse_sd
from grdp_scenario.core.sweep import parse_axis, sweep

from conftest import raises_saying

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, list(args))


def test_required_q4_given_the_q3_target(shipped):
    gap, solutions = solve(shipped.economy, 10.0, blocks=["Q4"])
    q4 = next(s for s in solutions if s.lever.item == "grdp")
    assert q4.required == pytest.approx(12.66, abs=0.005)  # "about 12.65 %"
    assert gap == pytest.approx(10 - shipped.check().value("FY", "grdp"))


@pytest.mark.parametrize("goal", [9.0, 10.0, 10.5, 11.0])
def test_every_required_rate_plugged_back_into_whatif_meets_the_goal(shipped, goal):
    _, solutions = solve(shipped.economy, goal)
    assert len(solutions) == 13  # Q3 and Q4: GRDP, four sectors and industry each, and H2 together
    for s in solutions:
        moved = resolve(shipped.economy, [Override("set", s.lever.period, s.lever.item, s.required)])
        assert value_of(moved, "FY", "grdp") == pytest.approx(goal, abs=1e-9)


def test_required_for_a_sector_goal(shipped):
    _, solutions = solve(shipped.economy, 12.62, "FY", "industry_construction")
    assert {s.lever.item for s in solutions} == {"grdp", "industry_construction", "industry"}
    for s in solutions:
        moved = resolve(shipped.economy, [Override("set", s.lever.period, s.lever.item, s.required)])
        assert value_of(moved, "FY", "industry_construction") == pytest.approx(12.62, abs=1e-9)


def test_far_out_answers_are_flagged_in_words(shipped):
    _, solutions = solve(shipped.economy, 10.5)
    taxes = next(s for s in solutions if s.lever.period == "Q3" and s.lever.item == "product_taxes")
    from grdp_scenario.present.views.analysis import flag_text
    from grdp_scenario.present.wording import Wording

    assert taxes.flag[0] == "above" and taxes.flag[2] == 8.42  # the highest rate anywhere in the plan
    assert flag_text(Wording("en"), taxes.flag) == "39.9 points above the highest rate in the data (8.42%)"
    assert flag_text(Wording("vi"), taxes.flag) == (
        "cao hơn 39,9 điểm phần trăm so với mức cao nhất trong số liệu (8,42%)"
    )
    assert next(s for s in solutions if s.lever.period == "Q4" and s.lever.item == "grdp").flag is None


@pytest.mark.parametrize("points", [-2.0, 0.5, 1.0, 3.0])
def test_a_shift_moves_fy_by_the_sensitivity(shipped, points):
    weight = {(lv.period, lv.item): lv.weight for lv in levers(shipped.economy, together=False)}
    base = value_of(shipped.economy, "FY", "grdp")
    for (period, item), w in weight.items():
        moved = resolve(shipped.economy, [Override("shift", period, item, points)])
        assert value_of(moved, "FY", "grdp") - base == pytest.approx(points * w, abs=1e-9)


def test_the_q4_services_weight_is_its_share_of_the_base_year(shipped):
    e = shipped.economy
    total = sum(e.block_volume(b) for b in e.blocks)
    moved = resolve(e, [Override("shift", "Q4", "services", 1.0)])
    delta = value_of(moved, "FY", "grdp") - value_of(e, "FY", "grdp")
    assert delta == pytest.approx(e.block("Q4").volumes["services"] / total, abs=1e-12)


def test_setting_grdp_of_a_union_moves_its_blocks_together(shipped):
    moved = resolve(shipped.economy, [Override("set", "H2", "grdp", 13.0)])
    assert value_of(moved, "H2", "grdp") == pytest.approx(13.0, abs=1e-12)
    q3 = moved.block("Q3")
    assert q3.rates["services"] - 13.91 == pytest.approx(q3.grdp - 11.08)


def test_bad_overrides_say_what_is_allowed(shipped):
    with raises_saying("Use one of: H1, Q3, Q4, 9M, H2, FY"):
        parse_override("Q1.grdp=5", "set", shipped.economy)
    with raises_saying("unknown item 'service'.*services"):
        parse_override("Q4.service=5", "set", shipped.economy)
    with raises_saying("PERIOD.ITEM=VALUE"):
        parse_override("Q4services5", "set", shipped.economy)
    with raises_saying("decimal comma"):
        parse_override("Q4.services=14,5", "set", shipped.economy)


def test_sweep_matches_whatif_at_grid_points(shipped):
    axes = [
        parse_axis("Q3.grdp=9:12:0.5", shipped.economy),
        parse_axis("Q4.services=12:16:1", shipped.economy),
    ]
    result = sweep(shipped.economy, axes, 10.0)
    assert result.points == 7 * 5
    for i, x in enumerate(axes[0].values()):
        for j, y in enumerate(axes[1].values()):
            e = resolve(shipped.economy, [Override("set", "Q3", "grdp", x), Override("set", "Q4", "services", y)])
            assert result.grid[i, j] == pytest.approx(value_of(e, "FY", "grdp"), abs=1e-9)
    line = result.boundary()["line"]
    e = resolve(
        shipped.economy,
        [
            Override("set", "Q3", "grdp", 10.0),
            Override("set", "Q4", "services", line["intercept"] + line["slope"] * 10.0),
        ],
    )
    assert value_of(e, "FY", "grdp") == pytest.approx(10.0, abs=1e-9)


def test_sweep_over_two_sectors_of_one_block_adds_and_matches_whatif(shipped):
    """The issue's sweep: services and industry-construction of Q4 move separate rates, so they add."""
    e = shipped.economy
    axes = [parse_axis("Q4.services=10:20:0.01", e), parse_axis("Q4.industry_construction=10:20:0.01", e)]
    result = sweep(e, axes, 10.0)
    assert result.grid.shape == (1001, 1001) and result.points == 1001 * 1001
    total = sum(e.block_volume(b) for b in e.blocks)
    for axis, key in zip(result.axes, ("services", "industry_construction")):
        assert axis.weight == pytest.approx(e.block("Q4").volumes[key] / total, abs=1e-12)
    for i, j in [(0, 0), (0, 1000), (437, 12), (1000, 1000), (500, 618)]:
        x, y = axes[0].values()[i], axes[1].values()[j]
        moved = resolve(e, [Override("set", "Q4", "services", x), Override("set", "Q4", "industry_construction", y)])
        assert result.grid[i, j] == pytest.approx(value_of(moved, "FY", "grdp"), abs=1e-9)


def test_sweep_of_overlapping_levers_follows_the_override_rule(shipped):
    """Q4 GRDP and Q4 services together: GRDP holds, so services no longer moves FY (as whatif says)."""
    e = shipped.economy
    axes = [parse_axis("Q4.grdp=11:14:0.5", e), parse_axis("Q4.services=12:16:1", e)]
    result = sweep(e, axes, 10.0)
    assert result.axes[1].weight == pytest.approx(0.0, abs=1e-12)
    for i, x in enumerate(axes[0].values()):
        for j, y in enumerate(axes[1].values()):
            moved = resolve(e, [Override("set", "Q4", "services", y), Override("set", "Q4", "grdp", x)])
            assert result.grid[i, j] == pytest.approx(value_of(moved, "FY", "grdp"), abs=1e-9)
    assert result.boundary()["Q4.grdp"] == pytest.approx(solve(e, 10.0, blocks=["Q4"])[1][0].required, abs=1e-9)


def test_sweep_refuses_the_same_lever_twice(shipped):
    axes = [parse_axis("Q4.grdp=9:12:0.5", shipped.economy), parse_axis("Q4.grdp=12:16:1", shipped.economy)]
    with raises_saying("both change the same figure"):
        sweep(shipped.economy, axes, 10.0)


def test_risk_exact_probability_agrees_with_monte_carlo(shipped):
    result = assess(shipped.economy, shipped.goals, parse_sd(["1"], list(shipped.economy.top)), 0.0, 200_000, 7)
    for g in result.goals:
        assert result.mc_probability[(g.period, g.item)] == pytest.approx(g.probability, abs=0.01)
    assert 0.5 < result.headline.probability < 0.55  # a hundredth of a point above 10 %, σ ≈ 0.22


def test_risk_with_correlation_and_per_sector_sd(shipped):
    sd = parse_sd(["0.5", "services=1.5"], list(shipped.economy.top))
    assert sd == {"agriculture": 0.5, "industry_construction": 0.5, "services": 1.5, "product_taxes": 0.5}
    independent = assess(shipped.economy, shipped.goals, sd, 0.0)
    correlated = assess(shipped.economy, shipped.goals, sd, 0.6, 100_000, 1)
    assert correlated.headline.stdev > independent.headline.stdev
    assert correlated.mc_probability[("FY", "grdp")] == pytest.approx(correlated.headline.probability, abs=0.01)
    with raises_saying("correlation of 1.01 is impossible"):
        assess(shipped.economy, shipped.goals, sd, 1.01)


def test_a_common_correlation_is_valid_on_its_closed_range(shipped):
    """At ρ = 1 all errors are one: σ = |Σ wᵢ·sdᵢ|. At ρ = −1/(n−1) the matrix is singular but valid."""
    sd = parse_sd(["1"], list(shipped.economy.top))
    one = assess(shipped.economy, shipped.goals, sd, 1.0, 20_000, 5)
    h = one.headline
    assert h.stdev == pytest.approx(abs(sum(h.weights)), rel=1e-9)
    assert one.mc_probability[("FY", "grdp")] == pytest.approx(h.probability, abs=0.01)
    n = len(one.variables)
    low = assess(shipped.economy, shipped.goals, sd, -1 / (n - 1), 2_000, 5)
    w = low.headline.weights
    variance = sum(x * x for x in w) - (sum(w) ** 2 - sum(x * x for x in w)) / (n - 1)
    assert low.headline.stdev == pytest.approx(max(variance, 0) ** 0.5, abs=1e-9)
    with raises_saying("impossible"):
        assess(shipped.economy, shipped.goals, sd, -1 / (n - 1) - 0.01)


def test_risk_reports_every_goal_check_reports(shipped):
    result = assess(shipped.economy, shipped.goals, parse_sd(["1"], list(shipped.economy.top)))
    checked = {(g.period, g.item) for g in shipped.check().goals}
    assert {(g.period, g.item) for g in result.goals} == checked
    h2_industry = next(g for g in result.goals if (g.period, g.item) == ("H2", "industry"))
    assert h2_industry.stdev > 0  # industry moves with industry-construction


# ----- the commands ---------------------------------------------------------------------------------


def test_whatif_json_has_baseline_and_scenario():
    r = cli("whatif", "--shift", "Q4.services=1", "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert set(data) >= {"baseline", "scenario"}
    assert data["scenario"]["periods"]["FY"]["grdp"] > data["baseline"]["periods"]["FY"]["grdp"]
    assert {"periods", "goals", "goal_met"} <= set(data["scenario"])


def test_whatif_exit_code_follows_the_scenario(write):
    assert cli("whatif", "--set", "Q4.grdp=11").exit_code == 1
    path = write("s.yaml", "name: weak Q3\nset:\n  Q3: {grdp: 9}\nshift:\n  Q4: {services: 3}\n")
    r = cli("whatif", "--scenario", str(path), "--format", "json")
    assert r.exit_code == 1  # Q3 at 9 % costs 0.55 points, Q4 services +3 gives back only 0.39
    assert json.loads(r.stdout)["scenario"]["periods"]["Q3"]["grdp"] == pytest.approx(9.0)


def test_whatif_bad_input_exits_2(write):
    r = cli("whatif", "--set", "Q9.grdp=1")
    assert r.exit_code == 2 and "Use one of" in r.stderr and "Traceback" not in r.output
    assert cli("whatif").exit_code == 2
    path = write("s.yaml", "set:\n  Q3: {servics: 9}\n")
    r = cli("whatif", "--scenario", str(path))
    assert r.exit_code == 2 and "s.yaml, line 2" in r.stderr and "servics" in r.stderr


def test_required_command_forms():
    r = cli("required", "--goal", "10", "--period", "Q4", "--format", "json")
    assert r.exit_code == 0  # the goal is already met
    data = json.loads(r.stdout)
    assert set(data) >= {"goal", "gap_pp", "solutions"}
    q4 = next(s for s in data["solutions"] if s["item"] == "grdp")
    assert q4["period"] == "Q4" and round(q4["required"], 2) == 12.66
    missed = cli("required", "--goal", "10.5")
    assert missed.exit_code == 1 and "points short of 10.50%" in missed.stdout
    assert cli("required", "--period", "H1").exit_code == 2
    assert cli("required", "--item", "nope").exit_code == 2


def test_sensitivity_command():
    r = cli("sensitivity", "--format", "json")
    assert r.exit_code == 0
    levers_ = json.loads(r.stdout)["sensitivities"]
    assert levers_[0]["block"] == "Q4" and levers_[0]["item"] == "grdp"
    weights = [abs(x["points_per_point"]) for x in levers_]
    assert weights == sorted(weights, reverse=True)
    assert cli("sensitivity", "--period", "Q1").exit_code == 2


def test_sweep_command_and_grid_file(tmp_path):
    out = tmp_path / "grid.csv"
    r = cli("sweep", "--vary", "Q4.grdp=10:15:0.5", "--output", str(out), "--format", "json")
    assert r.exit_code == 0, r.output
    data = json.loads(r.stdout)
    assert data["points"] == 11 and isinstance(data["points"], int)
    assert data["boundary"]["Q4.grdp"] == pytest.approx(12.66, abs=0.005)
    lines = out.read_text().splitlines()
    assert lines[0] == "Q4.grdp,FY.grdp,goal_met" and len(lines) == 12
    assert cli("sweep", "--vary", "Q4.grdp=15:10:0.5").exit_code == 2
    assert cli("sweep", "--vary", "Q4.grdp=10:15:0.5", "--output", str(tmp_path / "g.txt")).exit_code == 2


def test_risk_command():
    r = cli("risk", "--sd", "1", "--draws", "50000", "--seed", "3", "--format", "json")
    assert r.exit_code == 0
    data = json.loads(r.stdout)
    assert abs(data["probability"] - data["monte_carlo"]["probability"]) < 0.01
    assert set(data["quantiles"]) == {"5", "10", "25", "50", "75", "90", "95"}
    assert cli("risk", "--sd", "x").exit_code == 2
    assert cli("risk", "--sd", "servics=1").exit_code == 2


def test_sensitivity_of_a_goal_the_data_cannot_give_exits_2():
    r = cli("sensitivity", "--item", "industry")  # FY industry: H1 gives no industry rate
    assert r.exit_code == 2 and "FY industry is not computable" in r.stderr and "Traceback" not in r.output
    assert cli("sensitivity", "--item", "industry", "--period", "H2").exit_code == 0


def test_a_required_rate_is_far_from_the_data_beyond_three_points_not_before(shipped):
    # docs/method.md §4: more than FAR_POINTS (3) points outside the rates the data show
    from grdp_scenario.core.analysis import far_from_data, highest_and_lowest

    high, low = highest_and_lowest(shipped.economy, "services")
    assert far_from_data(shipped.economy, "services", high + 2.99) is None
    assert far_from_data(shipped.economy, "services", high + 3.01)[0] == "above"
    assert far_from_data(shipped.economy, "services", low - 2.99) is None
    assert far_from_data(shipped.economy, "services", low - 3.01)[0] == "below"
    assert far_from_data(shipped.economy, "services", -100.0)[0] == "impossible"


def test_a_grid_streamed_to_csv_is_the_grid_written_whole(tmp_path):
    # the CSV is written a block of rows at a time (bounded memory); it must say what the whole table says
    from grdp_scenario import Plan
    from grdp_scenario.inputs.grid import csv_pieces

    result = Plan.load().sweep(["Q3.grdp=9:11:0.25", "Q4.services=12:16:0.5"])
    whole = result.frame().to_csv(index=False, float_format="%.10g")
    assert "".join(csv_pieces(result, rows=7)) == whole
    assert whole.count("\n") == 1 + 9 * 9
