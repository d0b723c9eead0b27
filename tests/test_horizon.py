"""The five-year horizon (core/horizon.py): every figure against an independent computation, the shipped Cần Thơ
2026–2030 goals, what the remaining years need in closed form, the link to the quarterly plan, the CLI."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario import InputError
from grdp_scenario.cli.app import app
from grdp_scenario.core.horizon import Horizon, HorizonGoal, Year, evaluate_horizon
from grdp_scenario.inputs.packaged import data_path
from grdp_scenario.library import horizon

SHIPPED = data_path("horizon_2026_2030.yaml").read_text(encoding="utf-8")


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_the_shipped_goals_imply_prices_rising_7_3_to_7_8_percent_a_year_and_say_so():
    data = json.loads(cli("horizon", "--format", "json").stdout)
    implied = data["implied"]
    # (717,000 / 306,000)^(1/5) / 1.10 − 1: the current-price goal over ten per cent a year of real growth
    assert implied["deflator"] == pytest.approx(((717_000 / 306_000) ** 0.2 / 1.1 - 1) * 100, abs=1e-9)
    assert 7.3 <= implied["deflator"] <= 7.8 and implied["implausible"] is True
    assert data["required_average_growth"] == pytest.approx(10.0, abs=1e-9)  # no year is actual yet
    assert (data["from"], data["to"], data["region"]) == (2026, 2030, "can-tho")
    said = " ".join(cli("horizon").stdout.split())
    assert "Warning: the goals imply prices rising 7.79% a year" in said and "Revisit" in said


def test_a_recorded_year_moves_the_remaining_requirement_by_the_closed_form(write):
    text = SHIPPED.replace("2026: {status: target, growth: 10}", "2026: {status: actual, growth: 8.9}")
    data = json.loads(cli("horizon", "--horizon", write("h.yaml", text), "--format", "json").stdout)
    assert data["required_average_growth"] == pytest.approx(((1.1**5 / 1.089) ** 0.25 - 1) * 100, abs=1e-9)
    average = next(g for g in data["goals"] if g["item"] == "average_growth")
    assert average["basis"] == "projected" and average["value"] == pytest.approx(
        ((1.089 * 1.1**4) ** 0.2 - 1) * 100, abs=1e-12
    )


def test_a_year_of_the_quarterly_plan_takes_its_fy_from_check(write):
    # a horizon from 2025: the shipped 2025 plan, with the published year, gives 2025 its actual 7.23 %
    text = SHIPPED.replace("base_year: 2025", "base_year: 2024").replace(
        "years:\n", "years:\n  2025: {status: target, growth: 10}\n"
    )
    path = write("h.yaml", text)
    outturn = data_path("outturn_2025.csv")
    result = horizon(path, targets=data_path("targets_2025.yaml"), outturn=outturn)
    first = result.figures[0]
    assert (first.year, first.growth, first.status) == (2025, pytest.approx(7.23), "actual")
    assert result.required_average == pytest.approx(((1.1**6 / 1.0723) ** 0.2 - 1) * 100, abs=1e-9)
    plan_only = horizon(path, targets=data_path("targets_2025.yaml"))  # Q3 and Q4 still targets: not actual
    assert plan_only.figures[0].status == "target" and plan_only.figures[0].growth == pytest.approx(10.0133, abs=1e-4)
    with pytest.raises(InputError) as info:
        horizon(targets=data_path("targets_2025.yaml"))  # 2025 is not a year of 2026–2030
    assert info.value.code == "horizon-year-unknown"


def test_set_overrides_a_year_and_the_library_gives_the_commands_json():
    mine = horizon(set={2027: 11}).to_dict()
    data = json.loads(cli("horizon", "--set", "2027=11", "--format", "json").stdout)
    assert mine["years"] == data["years"] and mine["goals"] == data["goals"]
    assert data["years"]["2027"]["grdp_growth"] == 11 and data["overrides"] == {"2027": 11.0}
    r = cli("horizon", "--set", "2031=11")
    assert r.exit_code == 2 and "2026–2030" in r.stderr
    assert cli("horizon", "--set", "eleven").exit_code == 2


def test_risk_of_the_average_goal_is_seeded_and_bounded():
    a = horizon(sd=1.0, draws=20_000, seed=4).risk
    b = horizon(sd=1.0, draws=20_000, seed=4).risk
    assert a == b and 0.3 < a["probability"] < 0.7  # the goal sits at the targets' own average


@pytest.mark.parametrize("fmt", ["table", "markdown", "csv", "html"])
def test_every_format_and_both_languages(fmt, tmp_path):
    for lang in ("en", "vi"):
        r = cli("horizon", "--format", fmt, "--lang", lang)
        assert r.exit_code == 0, r.output
        assert ("717,000" if lang == "en" else "717.000") in r.stdout or fmt == "csv"
    out = tmp_path / "h.xlsx"
    assert cli("horizon", "--output", out).exit_code == 0 and out.stat().st_size > 0


def test_a_horizon_with_a_gap_is_refused_at_its_line(write):
    text = SHIPPED.replace("  2028: {status: target, growth: 10}\n", "")
    r = cli("horizon", "--horizon", write("h.yaml", text))
    assert r.exit_code == 2 and "h.yaml" in r.stderr and "without a gap" in r.stderr


# ----- every figure against an independent computation -----------------------------------------------------
growth = st.floats(-5, 20, allow_nan=False)


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.tuples(growth, st.sampled_from(["actual", "target"])), min_size=1, max_size=7),
    st.floats(0, 10, allow_nan=False),
    st.floats(-1, 2, allow_nan=False),
    st.floats(1e4, 1e6, allow_nan=False),
    st.floats(1e5, 1e7, allow_nan=False),
    st.floats(5, 12, allow_nan=False),
)
def test_every_figure_of_a_random_horizon(years, price, people, nominal, population, goal):
    h = Horizon(
        "x",
        "X",
        2025,
        nominal,
        population,
        tuple(Year(2026 + i, g, s, price, people, 25_000.0) for i, (g, s) in enumerate(years)),
        (
            HorizonGoal("average_growth", 2025 + len(years), goal),
            HorizonGoal("grdp_current", 2025 + len(years), nominal * 2),
            HorizonGoal("per_capita", 2025 + len(years), 100.0),
        ),
    )
    r = evaluate_horizon(h)
    n, p = nominal, population
    for (g, _), f in zip(years, r.figures):
        n, p = n * (1 + g / 100) * (1 + price / 100), p * (1 + people / 100)
        assert f.grdp_current == pytest.approx(n, rel=1e-12) and f.population == pytest.approx(p, rel=1e-12)
        assert f.per_capita == pytest.approx(n * 1000 / p, rel=1e-12)
        assert f.per_capita_usd == pytest.approx(n * 1e9 / p / 25_000, rel=1e-12)
    product = math.prod(1 + g / 100 for g, _ in years)
    average = (product ** (1 / len(years)) - 1) * 100
    goals = {g.item: g for g in r.goals}
    assert goals["average_growth"].value == pytest.approx(average, abs=1e-9)
    assert goals["average_growth"].met == (average >= goal - 1e-9)
    left = [g for g, s in years if s != "actual"]
    done = math.prod(1 + g / 100 for g, s in years if s == "actual")
    if left:
        need = (((1 + goal / 100) ** len(years) / done) ** (1 / len(left)) - 1) * 100
        assert r.required_average == pytest.approx(need, abs=1e-9)
        # a level goal: every remaining year at the required rate reaches it exactly
        rate = r.required_levels[f"grdp_current.{2025 + len(years)}"]
        reached = nominal * done * (1 + rate / 100) ** len(left) * (1 + price / 100) ** len(years)
        assert reached == pytest.approx(nominal * 2, rel=1e-9)
    else:
        assert r.required_average is None
    assert r.implied_deflator == pytest.approx((2 ** (1 / len(years)) / (1 + goal / 100) - 1) * 100, abs=1e-9)


def test_the_workbook_charts_current_and_real_grdp_against_the_goals(tmp_path):
    import zipfile

    out = tmp_path / "h.xlsx"
    assert cli("horizon", "--output", out).exit_code == 0
    names = zipfile.ZipFile(out).namelist()
    assert sum(n.startswith("xl/charts/chart") for n in names) == 2
    from openpyxl import load_workbook

    sheet = next(ws for ws in load_workbook(out) if ws["A2"].value == "Year")
    header = [c.value for c in sheet[2]]
    goal_columns = [i for i, h in enumerate(header) if h == "Goal"]
    assert [sheet.cell(3, i + 1).value for i in goal_columns] == [717_000, 10]  # each chart's goal line


def test_init_writes_a_horizon_the_tool_reads_once_filled(tmp_path):
    assert cli("init", tmp_path, "--region", "Thành phố Đà Nẵng", "--year", "2026", "--horizon", "5").exit_code == 0
    path = tmp_path / "horizon_2026_2030.yaml"
    r = cli("horizon", "--horizon", path)
    assert r.exit_code == 2 and "line 7 (base.grdp_current)" in r.stderr  # the first value still to fill in
    text = path.read_text(encoding="utf-8").replace(
        "grdp_current: , population: ", "grdp_current: 150000, population: 1300000"
    )
    text = text.replace("growth: }", "growth: 11}").replace("price_growth: ,", "price_growth: 4.5,")
    path.write_text(text.replace("average_growth: }", "average_growth: 11}"), encoding="utf-8")
    data = json.loads(cli("horizon", "--horizon", path, "--format", "json").stdout)
    assert data["goals"][0]["verdict"] == "met" and data["region"] == "da-nang"


def test_the_horizon_schema_accepts_the_shipped_file():
    import jsonschema
    import yaml

    schema = json.loads(cli("schema", "--horizon").stdout)
    from conftest import ROOT

    assert (ROOT / "schema" / "horizon.schema.json").read_text(encoding="utf-8") == cli("schema", "--horizon").stdout
    data = yaml.safe_load(SHIPPED)
    data["years"] = {str(k): v for k, v in data["years"].items()}  # JSON has string keys
    jsonschema.Draft202012Validator(schema).validate(data)


def test_structure_follows_where_every_year_gives_its_sectors(write):
    text = SHIPPED.replace(
        "base: {grdp_current: 306000, population: 3223088}",
        "base: {grdp_current: 306000, population: 3223088, structure: {a: 20, b: 30, c: 50}}",
    )
    for y, rates in ((2026, (3, 9, 12)), (2027, (4, 10, 11))):
        text = text.replace(
            f"{y}: {{status: target, growth: 10}}",
            f"{y}: {{status: target, growth: 10, sectors: {{a: {rates[0]}, b: {rates[1]}, c: {rates[2]}}}}}",
        )
    data = json.loads(cli("horizon", "--horizon", write("h.yaml", text), "--format", "json").stdout)["years"]
    # by hand: each sector's current-price level moves by its real growth and the year's prices (4.5 %)
    levels = {"a": 20.0, "b": 30.0, "c": 50.0}
    for y, rates in ((2026, (3, 9, 12)), (2027, (4, 10, 11))):
        levels = {s: v * (1 + r / 100) * 1.045 for (s, v), r in zip(levels.items(), rates)}
        total = sum(levels.values())
        assert data[str(y)]["structure"] == pytest.approx({s: 100 * v / total for s, v in levels.items()}, abs=1e-9)
    assert data["2028"]["structure"] is None  # 2028 gives no sectors: its structure is not known
    bad = text.replace("sectors: {a: 3,", "sectors: {x: 3,")
    r = cli("horizon", "--horizon", write("b.yaml", bad))
    assert r.exit_code == 2 and "'x'" in r.stderr
