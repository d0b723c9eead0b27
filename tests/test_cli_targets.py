"""The reconcile and build commands as users run them: exit codes, JSON, the written file, both languages."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_reconcile_json_meets_the_contract():
    result = run("reconcile", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"changes", "goals_before", "goals_after"} <= set(data)
    change = next(c for c in data["changes"] if (c["block"], c["item"]) == ("Q4", "product_taxes"))
    assert change["before"] == 8.42 and change["after"] == 8.55 and change["points"] == pytest.approx(0.13)
    assert all(g["met"] for g in data["goals_after"]) and not all(g["met"] for g in data["goals_before"])
    assert data["weights"] == "equal"


def test_reconciled_file_passes_check_strict_and_the_audits_goal_rule(tmp_path):
    out = tmp_path / "fixed.yaml"
    result = run("reconcile", "--output", out)
    assert result.exit_code == 0, result.output
    assert "fixed.yaml" in result.stderr
    assert run("check", "--strict", "--targets", out).exit_code == 0
    audit = json.loads(run("audit", "--targets", out, "--format", "json").stdout)
    goal_findings = [f for f in audit["findings"] if f["rule"] == "sector-goals-reproduced"]
    assert goal_findings == []
    assert not [f for f in audit["findings"] if f["rule"] == "repeated-number-agrees" and f["severity"] == "error"]
    # reconciling the reconciled file changes nothing
    again = json.loads(run("reconcile", "--targets", out, "--format", "json").stdout)
    assert again["changes"] == []


def test_reconcile_that_cannot_meet_a_goal_exits_2_and_writes_nothing(tmp_path):
    out = tmp_path / "fixed.yaml"
    result = run("reconcile", "--keep", "Q3.product_taxes", "--keep", "Q4.product_taxes", "--output", out)
    assert result.exit_code == 2
    assert "no change of the target rates can meet FY.product_taxes ≥ 6.5 (short by 0.0589 points)" in result.stderr
    assert "Traceback" not in result.output and not out.exists()


def test_reconcile_bad_keep_and_bad_weights_exit_2():
    assert run("reconcile", "--keep", "Q4").exit_code == 2
    assert run("reconcile", "--keep", "H1.services").exit_code == 2
    assert run("reconcile", "--weights", "heavy").exit_code == 2


def test_reconcile_into_a_read_only_file_exits_2_and_leaves_it(tmp_path):
    out = tmp_path / "fixed.yaml"
    out.write_text("keep me\n")
    out.chmod(0o444)
    result = run("reconcile", "--output", out)
    assert result.exit_code == 2 and out.read_text() == "keep me\n"


def test_build_after_nine_months_says_what_q4_needs(tmp_path):
    outturn = tmp_path / "outturn.csv"
    assert run("record", "9M", "--grdp", "7.39", "--outturn", outturn).exit_code == 0
    result = run("build", "--goal", "10", "--outturn", outturn, "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    required = json.loads(run("required", "--goal", "10", "--period", "Q4", "--outturn", outturn, "-f", "json").stdout)
    need = next(s["required"] for s in required["solutions"] if s["item"] == "grdp")
    q4 = next(c for c in data["changes"] if (c["block"], c["item"]) == ("Q4", "grdp"))
    assert need <= q4["after"]  # the year's goal met; the plan's H2 milestones may ask for more
    assert {c["block"] for c in data["changes"]} == {"Q4"}
    assert data["goals"]["FY"]["grdp"] == 10.0 and data["goals"]["H2"]["grdp"] == 11.9  # the plan's goals stay
    only = run("build", "--goal", "10", "--outturn", outturn, "--format", "json", "--drop", "H2.grdp")
    q4_only = next(c for c in json.loads(only.stdout)["changes"] if (c["block"], c["item"]) == ("Q4", "grdp"))
    assert need <= q4_only["after"] <= q4["after"]


def test_built_file_passes_check_strict_and_audit_goal_rule(tmp_path):
    out = tmp_path / "built.yaml"
    result = run("build", "--goal", "10.5", "--item", "services=13", "--profile", "uplift", "--output", out)
    assert result.exit_code == 0, result.output
    assert run("check", "--strict", "--targets", out).exit_code == 0
    audit = json.loads(run("audit", "--targets", out, "--format", "json").stdout)
    assert not [f for f in audit["findings"] if f["rule"] == "sector-goals-reproduced"]
    text = out.read_text(encoding="utf-8")
    assert "FY: {grdp: 10.5, agriculture: 3.53," in text and "services: 13" in text
    assert "the plan's goals were: FY: grdp 10, agriculture 3.53" in text


def test_build_bad_input_exits_2():
    assert run("build", "--drop", "FY.grdp").exit_code == 2  # no year's GRDP goal left to build for
    assert run("build", "--goal", "ten").exit_code == 2
    assert run("build", "--goal", "10", "--profile", "zigzag").exit_code == 2
    result = run("build", "--goal", "10", "--item", "servces=13")
    assert result.exit_code == 2 and "services" in result.stderr


@pytest.mark.parametrize("command", [["reconcile"], ["build", "--goal", "10"]])
def test_vietnamese_at_80_columns(command):
    from test_present import leftover_english

    result = runner.invoke(app, [*command, "--lang", "vi"], env={"COLUMNS": "80"})
    assert result.exit_code == 0, result.output
    assert max(len(line) for line in result.stdout.splitlines()) <= 80
    assert not leftover_english(result.stdout), leftover_english(result.stdout)


def test_reconcile_over_a_published_nine_months_reports_the_goals_it_cannot_compute(tmp_path):
    """9M GRDP alone is published: Q3 is derived and has no sectors, so the sector goals cannot be computed."""
    outturn = tmp_path / "outturn.csv"
    assert run("record", "9M", "--grdp", "7.39", "--outturn", outturn).exit_code == 0
    data = json.loads(run("reconcile", "--outturn", outturn, "--format", "json").stdout)
    assert {"period": "FY", "item": "agriculture"} in data["skipped"]
    assert {c["block"] for c in data["changes"]} == {"Q4"}  # Q3, derived from the published 9M, stays
    met = {(g["period"], g["item"]): g["met"] for g in data["goals_after"]}
    assert met[("FY", "grdp")] and met[("H2", "grdp")]
