"""Goals as values (core/goals.py): any measure, its own rounding, one verdict rule, and a level goal (GRDP
per capita) checked, reconciled and shown in every format with no special case outside the goal and its
words."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario import Plan
from grdp_scenario.cli.app import app
from grdp_scenario.core.goals import GoalResult, basis_of, growth_goal, stated
from grdp_scenario.core.rounding import EPS
from test_xlsx import needs_libreoffice, recalculated

from conftest import raises_saying

#: The plan's FY structure and sector goals, and its per-capita goal, as printed (data/targets_2025.yaml).
STRUCTURE = {"agriculture": 20.95, "industry_construction": 28.37, "services": 45.36, "product_taxes": 5.32}
FY_GOALS = {"agriculture": 3.53, "industry_construction": 12.62, "services": 12.10, "product_taxes": 6.50}
PER_CAPITA_PRINTED = 96.9


def per_capita_by_hand(fy_sectors: dict[str, float]) -> float:
    """docs/method.md §6 with the deflators and population the plan implies: each sector's nominal value is the
    plan's nominal FY split by its structure, scaled by (1 + growth) / (1 + the sector's goal); the population
    is nominal FY over per capita, so per capita scales the same way."""
    total = sum(STRUCTURE.values())
    return PER_CAPITA_PRINTED * math.fsum(
        STRUCTURE[s] / total * (100 + fy_sectors[s]) / (100 + FY_GOALS[s]) for s in STRUCTURE
    )


def with_goals(text: str, extra: str, assumptions: str = "") -> str:
    out = text.replace("product_taxes: 6.50}\n", f"product_taxes: 6.50, {extra}}}\n", 1)
    assert out != text
    if assumptions:
        out = out.replace("  child_shares: {industry: 75}", f"  child_shares: {{industry: 75}}\n  {assumptions}")
    return out


@pytest.fixture
def per_capita_plan(write, targets_text):
    return write("t.yaml", with_goals(targets_text, "per_capita: 100, per_capita_usd: 3900", "vnd_per_usd: 25400"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_a_per_capita_goal_is_a_level_reckoned_from_the_fy_sectors(per_capita_plan):
    data = json.loads(cli("check", "--targets", per_capita_plan, "--format", "json").stdout)
    goals = {(g["period"], g["item"]): g for g in data["goals"]}
    expected = per_capita_by_hand(data["periods"]["FY"]["sectors"])
    g = goals[("FY", "per_capita")]
    assert g["value"] == pytest.approx(expected, abs=1e-9)
    assert (g["unit"], g["min"], g["verdict"], g["met"]) == ("million VND", 100, "missed", False)
    # the printed rates' rounding carried to the level (about a hundredth of a million VND); "100" itself: none
    assert 0 < g["rounding"] < 0.02
    usd = goals[("FY", "per_capita_usd")]
    assert usd["value"] == pytest.approx(expected * 1e6 / 25400, rel=1e-12) and usd["unit"] == "USD"
    assert usd["verdict"] == "missed" and data["goal_met"] is True  # not the headline: exit 0 without --strict


def test_reconcile_lifts_the_targets_until_per_capita_is_met(per_capita_plan, tmp_path):
    out = tmp_path / "reconciled.yaml"
    assert cli("reconcile", "--targets", per_capita_plan, "--output", out).exit_code == 0
    data = json.loads(cli("check", "--targets", out, "--format", "json").stdout)
    g = next(g for g in data["goals"] if g["item"] == "per_capita")
    assert g["value"] >= 100 and g["verdict"] == "met"
    assert g["value"] == pytest.approx(per_capita_by_hand(data["periods"]["FY"]["sectors"]), abs=1e-9)


@pytest.mark.parametrize(
    "fmt, shown", [("table", "100.00"), ("markdown", "100.00"), ("csv", "per_capita"), ("html", "100.00")]
)
def test_every_format_shows_the_level_goal_in_its_unit(per_capita_plan, fmt, shown):
    for lang, name in (("en", "GRDP per capita (million VND)"), ("vi", "GRDP bình quân đầu người")):
        out = cli("check", "--targets", per_capita_plan, "--format", fmt, "--lang", lang).stdout
        assert (shown if lang == "en" else shown.replace(".", ",")) in out
        if fmt != "csv":
            assert name in out
    assert "3,9" in cli("check", "--targets", per_capita_plan).stdout  # USD grouped: 3,900


@needs_libreoffice
def test_the_workbook_recomputes_a_level_goal_from_its_rate_cells(per_capita_plan, tmp_path):
    from test_xlsx import set_rate

    path = tmp_path / "check.xlsx"
    assert cli("check", "--targets", per_capita_plan, "--output", path).exit_code == 0
    set_rate(path, "Q4", "Services", 16)
    rows = list(recalculated(path, tmp_path)["Goals"].iter_rows(values_only=True))
    header = rows[1]
    sheet = {(r[0], r[1]): dict(zip(header, r)) for r in rows[2:] if r[0]}
    after = {g.item: g for g in Plan.load(per_capita_plan).whatif(set={"Q4.services": 16}).scenario.goals}
    for item, label in (("per_capita", "GRDP per capita (million VND)"), ("per_capita_usd", "GRDP per capita (USD)")):
        row = sheet[("FY", label)]
        assert row["Value"] == pytest.approx(after[item].value, rel=1e-12), item
        assert row["Verdict"] == {"met": "met (projected)", "missed": "missed (projected)"}[after[item].verdict]


def test_a_level_goal_is_refused_where_the_plan_has_no_level(write, targets_text):
    bad = targets_text.replace("  H2: {grdp: 11.90,", "  H2: {per_capita: 50, grdp: 11.90,", 1)
    assert bad != targets_text
    r = cli("check", "--targets", write("t.yaml", bad))
    assert r.exit_code == 2 and "level of the whole year" in r.stderr and "H2" in r.stderr
    usd = cli("check", "--targets", write("u.yaml", with_goals(targets_text, "per_capita_usd: 3900")))
    assert usd.exit_code == 2 and "vnd_per_usd" in usd.stderr
    zero = cli("check", "--targets", write("z.yaml", with_goals(targets_text, "grdp_current: -5")))
    assert zero.exit_code == 2 and "above 0" in zero.stderr


def test_a_goal_carries_the_rounding_it_was_given_with(shipped):
    rounding = {(g.period, g.item): g.rounding for g in shipped.goals}
    assert rounding[("FY", "grdp")] == 0.0  # "từ 10% trở lên": a stated threshold
    assert rounding[("FY", "agriculture")] == pytest.approx(0.005)  # printed 3.53
    # a goal given from Python or the command line is exact: it inherits nothing from the printed 3.53
    given_here = growth_goal("FY", "agriculture", 3.528)
    result = given_here.judge(shipped.economy)
    assert given_here.rounding == 0.0 and result.slack == pytest.approx(
        next(g for g in shipped.check().goals if g.item == "agriculture").slack - 0.005
    )


@given(
    st.floats(-50, 50, allow_nan=False),
    st.floats(-50, 50, allow_nan=False),
    st.floats(0, 1, allow_nan=False),
    st.booleans(),
)
def test_one_verdict_rule_for_any_value(value, minimum, slack, relative):
    g = GoalResult("FY", "grdp", minimum, value, slack=slack, unit="million VND" if relative else "percent")
    noise = EPS * max(1.0, abs(minimum)) if relative else EPS
    if value >= minimum - noise:
        assert g.verdict == "met" and g.met
    elif minimum - value <= slack + noise:
        assert g.verdict == "within_rounding" and not g.met
    else:
        assert g.verdict == "missed" and not g.met
    unknown = GoalResult("FY", "grdp", minimum, None, slack=slack)
    assert unknown.verdict == "unknown" and not unknown.met and unknown.margin is None


def test_a_goal_the_data_cannot_give_is_unknown_never_missed(write, tmp_path):
    out = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--status", "estimate", "--outturn", out).exit_code == 0
    data = json.loads(cli("check", "--outturn", out, "--format", "json").stdout)
    unknown = [g for g in data["goals"] if g["value"] is None]
    assert unknown and all(g["verdict"] == "unknown" and g["met"] is False for g in unknown)
    assert not any(g["verdict"] == "missed" for g in unknown)


def test_the_basis_of_a_goal_says_how_much_of_its_period_is_actual(shipped):
    e = shipped.economy
    assert (basis_of(e, "FY"), basis_of(e, "H2"), basis_of(e, "H1")) == ("projected", "plan", "actual")


def test_goals_from_a_mapping_are_stated_thresholds():
    goals = stated({"FY": {"grdp": 10, "services": 13}, "H2": {"grdp": 11.9}})
    assert [(g.period, g.item, g.minimum, g.rounding) for g in goals] == [
        ("FY", "grdp", 10.0, 0.0),
        ("FY", "services", 13.0, 0.0),
        ("H2", "grdp", 11.9, 0.0),
    ]
    with raises_saying("goals: unknown item 'servces'"):  # checked where the library receives it
        Plan.load().with_goals(stated({"FY": {"servces": 1}}))
    assert Plan.load().with_goals(()).reconcile().changes == ()  # no goal: nothing to change
