"""The plan audit: each rule on small hand-made tables, the shipped plan's findings pinned, every format."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest
from typer.testing import CliRunner

from grdp_scenario.audit import SEVERITIES, run_audit
from grdp_scenario.audit.rules import RULES
from grdp_scenario.cli.app import app
from grdp_scenario.core.rounding import EXACT, FAIL, ROUNDING, at_most, equal
from grdp_scenario.inputs.plan import json_schema
from grdp_scenario.library import Plan, data_path
from grdp_scenario.present.catalogue import RULE_TEXTS
from grdp_scenario.present.render import AuditFormat, renderer
from grdp_scenario.present.wording import Wording

from conftest import ROOT

runner = CliRunner()
BASELINE = data_path("audit_baseline.yaml")


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def findings(scenario, rule=None):
    return [f for f in run_audit(scenario).findings if rule is None or f.rule == rule]


def test_rounding_is_decided_by_intervals():
    assert equal(620, 619, 1.5) == ROUNDING  # three printed integers: ±0.5 each
    assert equal(5432, 9007, 1.5) == FAIL
    assert equal(100.0, 100.0, 0.02) == EXACT
    assert at_most(9007, 5432, 1.5) == FAIL and at_most(5000, 5432, 1.5) == EXACT
    assert at_most(12.62, 12.586, 0.01) == FAIL and at_most(3.53, 3.524, 0.03) == ROUNDING


# ----- each rule on small hand-made plans: passes, fails, passes only within rounding ----------------


def plan_with(write, targets_text, old, new):
    assert old in targets_text
    return Plan.load(write("t.yaml", targets_text.replace(old, new)))


@pytest.mark.parametrize(
    "old, new, rule, severity",
    [
        # a flow: 9M = H1 + Q3 (38293 + 23748 = 62041) and FY = 9M + Q4 (62041 + 26125 = 88166)
        ("9M: 62041", "9M: 62041", "flow-adds-up", None),
        ("9M: 62041", "9M: 62042", "flow-adds-up", ["info", "info"]),
        ("9M: 62041", "9M: 62141", "flow-adds-up", ["error", "error"]),
        # components that make up a total: customs + domestic = revenue (1074 + 23627 = 24701)
        ("base_year: 24701", "base_year: 24702", "components-add-up", "info"),
        ("base_year: 24701", "base_year: 25701", "components-add-up", "error"),
        # a stock: credit at 9M is credit at the end of Q3
        ("9M: 320500}", "9M: 320501}", "stock-is-end-of-period", "info"),
        ("9M: 320500}", "9M: 629000}", "stock-is-end-of-period", "error"),
        # structure adds to 100
        ("FY: {agriculture: 20.95,", "FY: {agriculture: 20.96,", "structure-sums-to-100", "info"),
        ("FY: {agriculture: 20.95,", "FY: {agriculture: 21.95,", "structure-sums-to-100", "error"),
        # a claim: exports FY ≥ 4970 × 1.10 = 5467 (H1 2589 + H2 2878)
        ("growth_min: {FY: 10}", "growth_min: {FY: 10.01}", "growth-claim-holds", "info"),
        ("growth_min: {FY: 10}", "growth_min: {FY: 12}", "growth-claim-holds", "error"),
        # percentages
        ("values: {FY: 73.67}", "values: {FY: 173.67}", "percent-in-range", "error"),
        # a number in the text and the appendix
        ("stated: {FY: 50.31}", "stated: {FY: 50.20}", "repeated-number-agrees", "error"),
        ("stated: {FY: 50.31}", "stated: {FY: 50.3}", "repeated-number-agrees", "info"),  # 50.25…50.35
    ],
)
def test_rules_on_planted_numbers(write, targets_text, old, new, rule, severity):
    found = findings(plan_with(write, targets_text, old, new), rule)
    baseline = findings(Plan.load(), rule)
    new_findings = [
        f
        for f in found
        if (f.indicator, f.period, f.severity) not in {(b.indicator, b.period, b.severity) for b in baseline}
    ]
    if severity is None:
        assert not new_findings
    else:
        expected = severity if isinstance(severity, list) else [severity]
        assert [f.severity for f in new_findings] == expected, [Wording().finding(f) for f in found]
        assert "t.yaml" not in Wording().finding(new_findings[0]) and new_findings[0].line is not None


def test_growth_aggregates_between_parts_and_reproduced(write, targets_text):
    s = plan_with(write, targets_text, "9M: {grdp: 9.03,", "9M: {grdp: 12.03,")
    between = findings(s, "growth-between-parts")
    assert [(f.key_period, f.severity) for f in between] == [("9M (published)", "error")]
    reproduced = [f for f in findings(s, "growth-reproduced-by-weights") if f.period == "9M" and f.indicator == "grdp"]
    assert reproduced[0].severity == "error"
    assert [f.severity for f in findings(s, "weights-exist")] == ["error"]  # no weights reproduce 12.03


def test_implausible_population_is_a_warning(write, targets_text):
    s = plan_with(
        write,
        targets_text,
        "per_capita: {base_year: 86.50, FY_min: 96.9}",
        "per_capita: {base_year: 86.50, FY_min: 80.9}",
    )
    assert [f.severity for f in findings(s, "per-capita-plausible")] == ["warning"]


def test_the_shipped_plan_findings_are_its_real_inconsistencies(shipped):
    """Each pinned after checking it against Phụ lục I and section II of the plan (see the baseline's reasons)."""
    errors = {(f.rule, f.indicator, f.period) for f in run_audit(shipped).findings if f.severity == "error"}
    assert errors == {
        ("flow-adds-up", "agricultural_output", "9M"),  # 4338.62 + 1225.00 ≠ 5564.18
        ("flow-adds-up", "agricultural_output", "FY"),  # 4338.62 + 3233.00 ≠ 7510.53
        ("components-within-total", "budget_spending", "Q3"),  # 4538 + 4469 > 5432
        ("components-within-total", "budget_spending", "Q4"),  # 3858 + 4509 > 5313
        ("components-within-total", "budget_spending", "H2"),  # 8396 + 8978 > 10745
        ("sector-goals-reproduced", "industry_construction", "FY"),  # the targets give 12.59 < 12.62
        ("sector-goals-reproduced", "product_taxes", "FY"),  # 6.44 < 6.50
    }
    info = {(f.rule, f.indicator, f.period) for f in run_audit(shipped).findings if f.severity == "info"}
    # rounding artifacts are never errors: 100.01 %, 620 vs 264 + 355, 9224 vs 366… and the like
    assert ("structure-sums-to-100", "structure", "H1") in info
    assert ("flow-adds-up", "customs_revenue", "H2") in info
    assert ("components-add-up", "budget_revenue", "Q4") in info
    assert ("sector-goals-reproduced", "agriculture", "FY") in info  # 3.524 vs 3.53: within the rounding of 2,8
    assert not [f for f in run_audit(shipped).findings if f.severity == "warning"]


def test_every_rule_has_a_template_and_every_format_a_renderer():
    for rule in RULES.values():
        title, description, template = RULE_TEXTS[rule.slug]
        assert title and description and "{" in template
        assert rule.severity in SEVERITIES
    assert set(RULE_TEXTS) == set(RULES)
    for fmt in AuditFormat:
        assert callable(renderer(fmt))


# ----- the command ------------------------------------------------------------------------------------


def test_audit_fails_without_the_baseline_and_passes_with_it():
    r = cli("audit", "--format", "json")
    assert r.exit_code == 1
    data = json.loads(r.stdout)
    assert data["schema_version"] == 1
    for f in data["findings"]:
        assert {"rule", "severity", "indicator", "period", "message", "actual", "expected"} <= set(f)
        assert f["severity"] in SEVERITIES
    ok = cli("audit", "--targets", data_path("targets_2025.yaml"), "--baseline", BASELINE, "--format", "json")
    assert ok.exit_code == 0 and len(json.loads(ok.stdout)["suppressed"]) == 8
    assert cli("audit", "--baseline", BASELINE, "--fail-on", "warning").exit_code == 0


def test_a_planted_number_is_reported_with_file_and_line_in_every_format(write, targets_text):
    planted = targets_text.replace("9M: 62041", "9M: 62141")
    path = write("t.yaml", planted)
    line = next(i for i, text in enumerate(planted.splitlines(), 1) if "9M: 62141" in text)
    where = f"{path}:{line}"
    csv_out = cli("audit", path, "--baseline", BASELINE, "--format", "csv").stdout.splitlines()
    assert csv_out[0].startswith("rule,severity,indicator,period,message,actual,expected,file,line")
    assert any(row.startswith("flow-adds-up,error,investment,9M,") and f",{line}," in row for row in csv_out)
    for fmt in ("table", "markdown"):
        out = cli("audit", path, "--baseline", BASELINE, "--format", fmt).stdout
        # people read the rule by its title; the slug stays in the machine formats (csv, github, junit, json)
        assert (
            "Flows add up over time" in " ".join(out.replace("│", " ").split())
            and "t.yaml:" in out
            and "Tổng vốn đầu tư" in out
        )
    github = cli("audit", path, "--baseline", BASELINE, "--format", "github")
    assert github.exit_code == 1
    assert f"::error file={path},line={line},title=flow-adds-up::Tổng vốn đầu tư trên địa bàn 9M" in github.stdout
    assert "agricultural_output" not in github.stdout  # acknowledged in the baseline
    data = json.loads(cli("audit", path, "--baseline", BASELINE, "--format", "json").stdout)
    bad = [f for f in data["findings"] if f["severity"] == "error"]
    # the cell breaks two identities: 9M = H1 + Q3 and FY = 9M + Q4
    assert [(f["indicator"], f["period"], f["line"], f["file"]) for f in bad] == [
        ("investment", "9M", line, str(path)),
        ("investment", "FY", line, str(path)),
    ]
    junit = ET.fromstring(cli("audit", path, "--baseline", BASELINE, "--format", "junit").stdout)
    failures = junit.findall(".//testcase[failure]")
    assert [(c.get("name"), c.get("line")) for c in failures] == [
        ("investment 9M", str(line)),
        ("investment FY", str(line)),
    ]
    assert int(junit.get("tests")) > 100  # one test case per rule × cell
    assert where


def test_baseline_stale_entries_and_writing(tmp_path, write):
    stale = write("b.yaml", "acknowledged:\n- {rule: flow-adds-up, indicator: exports, period: 9M, reason: old}\n")
    r = cli("audit", "--baseline", stale, "--format", "json", "--fail-on", "warning")
    data = json.loads(r.stdout)
    assert r.exit_code == 1 and data["stale_baseline"][0]["indicator"] == "exports"
    assert any(f["rule"] == "baseline-stale" for f in data["findings"])
    out = tmp_path / "new.yaml"
    assert cli("audit", "--write-baseline", out).exit_code == 1
    assert out.read_text(encoding="utf-8").count("- rule:") == 7  # one entry per cell
    r = cli("audit", "--baseline", out)  # reasons are still empty
    assert r.exit_code == 2 and "reason" in r.stderr


def test_schema_command_and_committed_copy():
    r = cli("schema")
    assert r.exit_code == 0 and json.loads(r.stdout)["title"] == "grdp-scenario targets file"
    committed = ROOT / "schema" / "targets.schema.json"
    assert committed.read_text(encoding="utf-8") == json_schema()
    first = (ROOT / "data" / "targets_2025.yaml").read_text(encoding="utf-8").splitlines()[0]
    assert first == "# yaml-language-server: $schema=../schema/targets.schema.json"


def test_pre_commit_hook_is_declared():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "grdp-scenario-audit" and hooks[0]["entry"].startswith("grdp-scenario audit")


def test_conflicting_outturns_are_audit_warnings(tmp_path):
    path = tmp_path / "o.csv"
    cli("record", "9M", "--grdp", "7.39", "--outturn", path)
    cli("record", "Q3", "--grdp", "8.0", "--outturn", path)
    r = cli("audit", "--baseline", BASELINE, "--outturn", path, "--format", "json")
    data = json.loads(r.stdout)
    conflicts = [f for f in data["findings"] if f["rule"] == "outturn-consistent"]
    assert r.exit_code == 0 and conflicts and conflicts[0]["severity"] == "warning"
    assert "9M published 7.39% conflicts" in conflicts[0]["message"]
    assert cli("audit", "--baseline", BASELINE, "--outturn", path, "--fail-on", "warning").exit_code == 1


def test_the_readme_documents_every_rule():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for slug in RULES:
        assert f"| `{slug}` |" in readme


@pytest.mark.parametrize("deflator, flagged", [(14.0, False), (16.0, True), (-4.0, False), (-6.0, True)])
def test_a_deflator_outside_minus_5_to_15_percent_is_implausible(write, targets_text, deflator, flagged):
    # FY nominal = base-year nominal × (1 + real 10 %) × (1 + deflator): the deflator the plan implies
    fy_min = round(277449 * 1.10 * (1 + deflator / 100))
    s = plan_with(write, targets_text, "FY_min: 312621}", f"FY_min: {fy_min}}}")
    found = [f for f in findings(s, "deflator-plausible") if f.indicator == "grdp"]
    assert bool(found) == flagged, (deflator, [f.actual for f in found])
    if flagged:
        assert found[0].actual == pytest.approx(deflator, abs=0.01)


def test_a_block_whose_grdp_is_published_not_written_is_checked_against_the_published_figure(tmp_path):
    """H2 gives its sector's rate in growth and its GRDP only under published (found by hypothesis in
    test_schema): the weights check reads the GRDP where it stands, and finds it agrees with the sector."""
    (tmp_path / "targets_2026.yaml").write_text(
        "region: {key: thu-nghiem, name: Tỉnh Thử Nghiệm}\nyear: 2026\nbase_year: 2025\n"
        "actuals: actuals_2025.csv\nsectors:\n  - {key: s0, vi: Ngành s0, en: Sector s0}\n"
        "goals: {FY: {grdp: 0.0}}\ngrowth:\n  H1: {status: actual, s0: 1.0}\n  H2: {status: actual, s0: 1.0}\n"
        "published: {H2: {grdp: PRINTED}}\n".replace("PRINTED", "1.0"),
        encoding="utf-8",
    )
    (tmp_path / "actuals_2025.csv").write_text(
        "year,period,sector,volume,current,source\n2025,H1,s0,20.0,,x\n2025,H2,s0,20.0,,x\n", encoding="utf-8"
    )
    scenario = Plan.load(tmp_path / "targets_2026.yaml")
    found = [o for o in run_audit(scenario).outcomes if o.rule == "weights-exist"]
    assert [(o.period, o.indicator, o.status) for o in found] == [("all", "grdp", EXACT)]
