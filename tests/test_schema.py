"""The schema (`grdp-scenario schema`) is the plan model's: true to the shipped file, described field by
field, and every plan it allows works in every command."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path

import jsonschema
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.plan import json_schema
from grdp_scenario.library import DEFAULT_TARGETS, data_path

runner = CliRunner()
SCHEMA = json.loads(json_schema())
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_the_shipped_plan_validates_against_its_schema():
    plan = yaml.safe_load(data_path(DEFAULT_TARGETS).read_text(encoding="utf-8"))
    errors = [f"{'.'.join(map(str, e.absolute_path))}: {e.message}" for e in VALIDATOR.iter_errors(plan)]
    assert errors == []


def test_the_schema_refuses_what_the_loader_refuses():
    plan = yaml.safe_load(data_path(DEFAULT_TARGETS).read_text(encoding="utf-8"))
    wrong = [
        {**plan, "goal": plan["goals"]},  # a misspelt key
        {**plan, "growth": {**plan["growth"], "Q5": {"status": "target", "grdp": 9}}},  # no such block
        {**plan, "growth": {**plan["growth"], "Q3": {"status": "planned", "grdp": 9}}},  # no such status
        {**plan, "goals": {"FY": {"grdp": -100}}},  # not a rate
        {**plan, "goals": {"grdp": {"FY": 10}}},  # item → period: the wrong way round
    ]
    for doc in wrong:
        assert not VALIDATOR.is_valid(doc)


def _properties(schema: dict):
    """Every (model, field, definition) of the schema, the root included."""
    yield from ((schema["title"], k, v) for k, v in schema["properties"].items())
    for name, model in schema["$defs"].items():
        yield from ((name, k, v) for k, v in model.get("properties", {}).items())


def test_every_field_and_model_is_described():
    missing = [f"{model}.{name}" for model, name, field in _properties(SCHEMA) if not field.get("description")]
    missing += [name for name, model in SCHEMA["$defs"].items() if not model.get("description")]
    assert missing == []
    assert "keyed by period" in SCHEMA["properties"]["goals"]["description"]


# ----- schema-valid plans, generated --------------------------------------------------------------------

PARTITIONS = (("FY",), ("H1", "H2"), ("H1", "Q3", "Q4"), ("Q1", "Q2", "Q3", "Q4"), ("9M", "Q4"), ("Q1", "Q2", "H2"))
QUARTERS = {"Q1": 1, "Q2": 1, "Q3": 1, "Q4": 1, "H1": 2, "H2": 2, "9M": 3, "FY": 4}
rates = st.floats(min_value=-20, max_value=40, allow_nan=False).map(lambda x: round(x, 2))


@st.composite
def plans(draw):
    """A plan and its base year, in any form the schema allows: GRDP only, sectors only or both in a block,
    child sectors or none, any statuses, optional sections present or not."""
    n_top = draw(st.integers(1, 4))
    top = [f"s{i}" for i in range(n_top)]
    sectors = [{"key": k, "vi": f"Ngành {k}", "en": f"Sector {k}"} for k in top]
    child = draw(st.booleans())
    if child:
        sectors.append({"key": "c0", "parent": "s0", "vi": "Ngành con", "en": "Child"})
    blocks = draw(st.sampled_from(PARTITIONS))
    growth = {}
    for b in blocks:
        form = draw(st.sampled_from(("grdp", "sectors", "both")))
        block = {"status": draw(st.sampled_from(("actual", "estimate", "target")))}
        if form != "sectors":
            block["grdp"] = draw(rates)
        if form != "grdp":
            block.update({k: draw(rates) for k in top})
            if child and draw(st.booleans()):
                block["c0"] = draw(rates)
        growth[b] = block
    items = ["grdp", *top]
    goal_periods = draw(st.lists(st.sampled_from(("FY", "H2", "9M", "H1")), min_size=1, max_size=3, unique=True))
    if "FY" not in goal_periods:
        goal_periods.append("FY")
    goals = {
        p: {i: draw(rates) for i in draw(st.lists(st.sampled_from(items), min_size=1, unique=True))}
        for p in goal_periods
    }
    goals["FY"].setdefault("grdp", draw(rates))
    plan = {
        "region": {"key": "thu-nghiem", "name": "Tỉnh Thử Nghiệm"},
        "year": 2026,
        "base_year": 2025,
        "actuals": "actuals_2025.csv",
        "sectors": sectors,
        "goals": goals,
        "growth": growth,
    }
    if draw(st.booleans()):
        plan["published"] = {draw(st.sampled_from(("9M", "H2"))): {"grdp": draw(rates)}}
    if draw(st.booleans()):
        plan["nominal"] = {"base_year": draw(st.floats(1000, 1e6)), "FY_min": draw(st.floats(1000, 1e6))}
        plan["per_capita"] = {"base_year": draw(st.floats(1, 500))}
        plan["assumptions"] = {"deflators": {k: draw(rates) for k in top}, "population": draw(st.floats(1e4, 1e7))}
    if draw(st.booleans()):
        plan["structure"] = {"base_year": {k: 100 / n_top for k in top}}
    if child and draw(st.booleans()):
        plan.setdefault("assumptions", {})["child_shares"] = {"c0": draw(st.floats(1, 100))}
    volumes = {(s, b): draw(st.floats(10, 1e5)) * QUARTERS[b] for b in blocks for s in top}
    current = {s: draw(st.floats(100, 1e5)) for s in top} if "nominal" in plan else {}
    rows = ["year,period,sector,volume,current,source"]
    rows += [f"2025,{b},{s},{v!r},{current.get(s, '') if b == 'FY' else ''},generated" for (s, b), v in volumes.items()]
    if "FY" not in blocks:
        rows += [f"2025,FY,{s},,{c!r},generated" for s, c in current.items()]
    return plan, "\n".join(rows) + "\n"


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans())
def test_every_schema_valid_plan_passes_check_and_audit(case):
    plan, actuals = case
    assert VALIDATOR.is_valid(plan), [e.message for e in VALIDATOR.iter_errors(plan)]
    with tempfile.TemporaryDirectory() as folder:
        targets = Path(folder) / "targets_2026.yaml"
        targets.write_text(yaml.safe_dump(plan, allow_unicode=True), encoding="utf-8")
        (Path(folder) / "actuals_2025.csv").write_text(actuals, encoding="utf-8")
        for command in (["check", "--format", "json"], ["audit", "--format", "json"], ["check", "--lang", "vi"]):
            r = runner.invoke(app, [*command, "--targets", str(targets)])
            assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
            assert r.exit_code in (0, 1), (command, r.output)


# ----- what the loader says about forms the schema does not allow ---------------------------------------


def _error(args: list[str]) -> str:
    r = runner.invoke(app, args)
    assert r.exit_code == 2
    assert "Traceback" not in r.output
    return r.output


def test_a_misspelt_top_level_key_gets_did_you_mean(write, targets_text):
    targets = write("t.yaml", targets_text.replace("\ngoals:", "\ngoal:"))
    out = _error(["check", "--targets", str(targets)])
    assert "unknown key 'goal'. Did you mean 'goals'?" in out and "?." not in out


def test_rates_nested_under_a_block_say_where_rates_stand(write, targets_text):
    text = targets_text.replace(
        "H1: {status: actual, grdp: 7.87, agriculture: 2.8,",
        "H1: {status: actual, grdp: 7.87, rates: {agriculture: 2.8},",
    )
    targets = write("t.yaml", text)
    out = _error(["audit", "--targets", str(targets)])
    assert "(growth.H1.rates)" in out and "stand in the block itself" in out


# ----- plausibility in check -----------------------------------------------------------------------------


def _sector_grdp(block: str) -> float:
    """A block's GRDP from its sectors, weighted by the packaged base volumes, computed here from the files."""
    import csv

    plan = yaml.safe_load(data_path(DEFAULT_TARGETS).read_text(encoding="utf-8"))
    rates = {k: v for k, v in plan["growth"][block].items() if k not in ("status", "grdp")}
    rows = csv.DictReader(data_path("actuals_2024.csv").read_text(encoding="utf-8").splitlines())
    volumes = {r["sector"]: float(r["volume"]) for r in rows if r["period"] == block and r["volume"]}
    top = [s for s in volumes if s in rates]
    return sum(volumes[s] * rates[s] for s in top) / sum(volumes[s] for s in top)


def test_check_warns_when_a_block_grdp_misses_its_sectors_beyond_rounding(write, targets_text):
    targets = write(
        "t.yaml", targets_text.replace("Q3: {status: target, grdp: 11.08", "Q3: {status: target, grdp: 11.44")
    )
    r = runner.invoke(
        app, ["check", "--format", "json", "--targets", str(targets), "--actuals", str(data_path("actuals_2024.csv"))]
    )
    warnings = json.loads(r.stdout)["warnings"]
    assert [w["block"] for w in warnings] == ["Q3"]
    assert warnings[0]["gap"] == pytest.approx(11.44 - _sector_grdp("Q3"), abs=1e-9)
    assert warnings[0]["gap"] == pytest.approx(0.36, abs=0.005)
    text = runner.invoke(
        app, ["check", "--targets", str(targets), "--actuals", str(data_path("actuals_2024.csv"))]
    ).output
    assert "Warning: Q3 GRDP is given as 11.44%" in text and "+0.36 points" in text


def test_the_shipped_plan_has_no_such_warning():
    r = runner.invoke(app, ["check", "--format", "json"])
    assert json.loads(r.stdout)["warnings"] == []


# ----- which base year a plan goes with -----------------------------------------------------------------


def test_another_regions_plan_never_falls_back_on_the_packaged_base_year(write, targets_text):
    targets = write("t.yaml", targets_text.replace("region: {key: can-tho", "region: {key: hau-giang"))
    out = _error(["check", "--targets", str(targets)])
    assert "names no base-year file" in out and "actuals: actuals_2024.csv" in out
    assert "site-packages" not in out and "targets_2025.yaml" not in out


def test_a_base_year_file_of_another_region_is_refused(write, targets_text, actuals_text):
    lines = actuals_text.splitlines()
    write("actuals_2024.csv", "\n".join(["region," + lines[0], *("hau-giang," + line for line in lines[1:])]) + "\n")
    targets = write("t.yaml", targets_text.replace("\nsectors:", "\nactuals: actuals_2024.csv\nsectors:"))
    out = _error(["check", "--targets", str(targets)])
    assert "line 2" in out and "region 'hau-giang', the plan is of 'can-tho'" in out


def test_a_plan_names_its_base_year_file_relative_to_itself(write, targets_text, actuals_text):
    folder = write("t.yaml", "").parent / "plans"
    folder.mkdir()
    (folder / "actuals_2024.csv").write_text(actuals_text, encoding="utf-8")
    text = targets_text.replace("\nsectors:", "\nactuals: actuals_2024.csv\nsectors:")
    (folder / "t.yaml").write_text(text, encoding="utf-8")
    named = runner.invoke(app, ["check", "--format", "json", "--targets", str(folder / "t.yaml")])
    packaged = runner.invoke(app, ["check", "--format", "json"])
    assert named.exit_code == packaged.exit_code == 0
    assert json.loads(named.stdout)["periods"] == json.loads(packaged.stdout)["periods"]
