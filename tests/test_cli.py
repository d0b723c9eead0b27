"""The command line: every command, every exit code, every format."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.present.render import Format, renderer

from conftest import QUARTERLY_ACTUALS

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env)


def test_check_on_the_shipped_plan_meets_the_goal():
    result = run("check")
    assert result.exit_code == 0, result.output
    first = result.stdout.strip().splitlines()[1]
    # the verdict comes first, and says it is a projection: Q3 and Q4 are still the plan's targets
    assert "PROJECTED TO MEET THE GOAL" in first and "10.013%" in first
    assert "if Q3, Q4 meet their targets" in result.stdout
    assert "Goals projected to be missed:" in result.stdout
    assert "Product taxes less subsidies 6.441 < 6.50" in " ".join(result.stdout.split())  # however the note wraps


def test_check_strict_exits_1_because_sector_goals_are_missed():
    result = run("check", "--strict")
    assert result.exit_code == 1
    # industry-construction and product taxes are missed; H2 GRDP and FY agriculture only within rounding
    assert "STRICT: 2 other goal(s) projected to be missed" in result.stdout
    assert "Industry and construction 12.586 < 12.62" in result.stdout
    verdicts = {(g["period"], g["item"]): g["verdict"] for g in json.loads(run("check", "-f", "json").stdout)["goals"]}
    assert verdicts == {
        ("FY", "grdp"): "met",
        ("FY", "agriculture"): "within_rounding",  # 3.524 against 3.53: within ±0.005 ± 0.005
        ("FY", "industry_construction"): "missed",  # 12.586 against 12.62
        ("FY", "services"): "met",
        ("FY", "product_taxes"): "missed",  # 6.441 against 6.50
        ("H2", "grdp"): "within_rounding",  # 11.899 against 11.90
        ("H2", "agriculture"): "met",
        ("H2", "industry_construction"): "met",
        ("H2", "industry"): "met",
        ("H2", "services"): "met",
        ("H2", "product_taxes"): "met",
    }


def test_check_exits_1_when_the_headline_goal_is_missed(write, targets_text):
    path = write("t.yaml", targets_text.replace("FY: {grdp: 10,", "FY: {grdp: 10.03,"))
    result = run("check", "--targets", str(path))
    assert result.exit_code == 1
    assert "PROJECTED TO MISS THE GOAL" in result.stdout and "short by 0.017 points" in result.stdout


def test_a_headline_short_within_rounding_says_so_and_still_exits_1(write, targets_text):
    # 10.0133 against 10.017: the blocks' GRDP printed to 0.01 allow ±0.005; a stated goal carries none
    path = write("t.yaml", targets_text.replace("FY: {grdp: 10,", "FY: {grdp: 10.017,"))
    result = run("check", "--targets", str(path), "--format", "json")
    assert result.exit_code == 1
    head = next(g for g in json.loads(result.stdout)["goals"] if g["headline"])
    assert head["met"] is False and head["verdict"] == "within_rounding"
    assert "WITHIN ROUNDING" in run("check", "--targets", str(path)).stdout


def test_check_json_meets_the_contract():
    result = run("check", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["region"] == "can-tho" and data["year"] == 2025 and data["goal_met"] is True
    assert set(data["periods"]) == {"H1", "Q3", "Q4", "9M", "H2", "FY"}
    for p in data["periods"].values():
        assert {"grdp", "sectors", "contributions", "status"} <= set(p)
    fy = data["periods"]["FY"]
    assert sum(fy["contributions"].values()) == pytest.approx(fy["grdp"], abs=1e-9)
    assert fy["grdp"] == pytest.approx(10.0133, abs=1e-4)  # unrounded
    for g in data["goals"]:
        assert {"period", "item", "min", "value", "met"} <= set(g)
    assert data["not_computable"]["Q1"] == {
        "code": "split-block",
        "period": "Q1",
        "split": ["H1"],
        "blocks": ["H1", "Q3", "Q4"],
    }


def test_check_csv_and_markdown():
    csv_out = run("check", "--format", "csv")
    assert csv_out.exit_code == 0
    assert csv_out.stdout.startswith("table,row,column,value\n")
    assert "growth,grdp,FY,10.013" in csv_out.stdout
    md = run("check", "--format", "markdown")
    assert md.stdout.startswith("# Thành phố Cần Thơ 2025\n\n**PROJECTED TO MEET THE GOAL")
    assert "| GRDP | 7.87 | 11.08 | 12.71 | 9.03 | 11.90 | 10.01 |" in md.stdout


def test_check_in_vietnamese():
    result = run("check", "--lang", "vi", "--format", "markdown")
    assert "Dự kiến đạt mục tiêu: tăng trưởng GRDP cả năm đạt 10,013% ≥ 10,00%" in result.stdout
    assert "10,013%" in result.stdout and "312.624" in result.stdout and "Quý III" in result.stdout
    env_result = run("check", "--format", "markdown", env={"GRDP_SCENARIO_LANG": "vi"})
    assert "Nông, lâm nghiệp và thủy sản" in env_result.stdout


def test_check_writes_its_report_atomically(tmp_path):
    out = tmp_path / "report.md"
    result = run("check", "--format", "markdown", "--output", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# Thành phố")
    assert [p.name for p in tmp_path.iterdir()] == ["report.md"]


def test_bad_input_exits_2_with_one_message_and_no_traceback(write, targets_text):
    path = write("t.yaml", targets_text.replace("services: 13.91", "services: 13,91"))
    result = run("check", "--targets", str(path))
    assert result.exit_code == 2
    assert "decimal comma" in result.stderr and "t.yaml, line" in result.stderr
    assert "Traceback" not in result.output
    debug = run("check", "--targets", str(path), "--debug")
    assert debug.exit_code != 0 and debug.exception is not None


def test_bad_actuals_exit_2(write, actuals_text):
    path = write("a.csv", actuals_text.replace("2024,Q3,services,", "2024,Q3,services,-"))
    result = run("check", "--actuals", str(path))
    assert result.exit_code == 2 and "a.csv, line 8" in result.stderr and "negative" in result.stderr


def test_usage_errors_exit_2():
    assert run("check", "--format", "pdf").exit_code == 2
    assert run("nonsense").exit_code == 2


def test_calibrate_prints_the_shipped_csv(actuals_text):
    result = run("calibrate")
    assert result.exit_code == 0
    assert result.stdout == actuals_text
    assert "largest residual 0.00072 points" in result.stderr


def test_calibrate_output_file(tmp_path, actuals_text):
    out = tmp_path / "a.csv"
    assert run("calibrate", "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == actuals_text


def test_every_format_has_a_renderer():
    for fmt in Format:
        assert callable(renderer(fmt))


def test_python_dash_m_runs_check():
    proc = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", "check", "--format", "json"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["goal_met"] is True
    assert "PROJECTED TO MEET THE GOAL" in proc.stderr  # the summary goes to stderr for machine formats


def test_help_imports_no_heavy_modules():
    code = (
        "import sys; sys.argv=['grdp-scenario','--help']\n"
        "from grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "heavy=[m for m in ('pandas','numpy','scipy') if m in sys.modules]\n"
        "print('HEAVY', heavy)"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


def test_shell_completion_imports_no_heavy_modules():
    import os

    code = (
        "import sys; sys.argv = ['grdp-scenario']\nfrom grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', [m for m in ('pandas','numpy','scipy') if m in sys.modules])"
    )
    env = dict(os.environ, _GRDP_SCENARIO_COMPLETE="complete_bash", COMP_WORDS="grdp-scenario ch", COMP_CWORD="1")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert "check" in proc.stdout and "HEAVY []" in proc.stdout, proc.stdout + proc.stderr


QUARTERLY_TARGETS = """\
region: {key: x, name: "Tỉnh X"}
year: 2025
base_year: 2024
sectors:
  - {key: a, vi: "Nông nghiệp", en: Agriculture}
  - {key: b, vi: "Công nghiệp", en: Industry}
goals:
  FY: {grdp: 7, a: 3}
growth:
  Q1: {status: actual, a: 2.0, b: 8.0}
  Q2: {status: actual, grdp: 6.1}
  Q3: {status: estimate, a: 3.0, b: 9.0}
  Q4: {status: target, a: 3.5, b: 10.0}
"""


def test_a_quarterly_plan_with_a_grdp_only_estimate(write):
    t, a = write("q.yaml", QUARTERLY_TARGETS), write("q.csv", QUARTERLY_ACTUALS)
    result = run("check", "--targets", str(t), "--actuals", str(a), "--format", "json")
    assert result.exit_code == 1  # 6.75 % < 7 %
    data = json.loads(result.stdout)
    assert set(data["periods"]) == {"Q1", "Q2", "Q3", "Q4", "H1", "9M", "H2", "FY"}
    # FY from the levels: Σ L·g / Σ L with Q2's GRDP-only estimate on its total volume
    levels = [(10, 2.0), (20, 8.0), (32, 6.1), (12, 3.0), (22, 9.0), (13, 3.5), (25, 10.0)]
    expected = sum(v * g for v, g in levels) / sum(v for v, _ in levels)
    assert data["periods"]["FY"]["grdp"] == pytest.approx(expected, abs=1e-12)
    assert data["periods"]["FY"]["sectors"] == {} and "Q2" not in str(data["periods"]["H2"]["blocks"])
    goal = next(g for g in data["goals"] if g["item"] == "a")
    assert goal["value"] is None and goal["met"] is False  # sector a is unknown in Q2


def test_a_period_of_blocks_with_different_statuses_is_mixed():
    periods = json.loads(run("check", "-f", "json").stdout)["periods"]
    statuses = {p: periods[p]["status"] for p in ("H1", "Q3", "H2", "9M", "FY")}
    assert statuses == {"H1": "actual", "Q3": "target", "H2": "target", "9M": "mixed", "FY": "mixed"}


def test_the_help_page_lists_every_command_as_the_whole_application_would():
    import typer.main

    from grdp_scenario.cli.app import COMMANDS, application, listing

    def page(command) -> str:
        return command.get_help(command.make_context("grdp-scenario", [], resilient_parsing=True))

    whole, quick = typer.main.get_command(application()), listing()
    assert page(quick) == page(whole)
    assert list(quick.commands) == list(COMMANDS) and not any(c.params for c in quick.commands.values())


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("columns", [30, 50, 52, 60, 79, 80, 81, 200])
def test_the_help_page_written_without_the_parser_is_the_parsers(lang, columns, monkeypatch):
    import typer.core

    from grdp_scenario.cli.app import listing
    from grdp_scenario.cli.help import localise, localised_page, page

    monkeypatch.setenv("COLUMNS", str(columns))
    monkeypatch.setattr(typer.core, "_", typer.core._)  # localise() points the parser's words at the catalogue
    group = listing()
    if lang != "en":
        localise(group, lang)
    parsers = group.get_help(group.make_context("grdp-scenario", [], resilient_parsing=True)) + "\n"
    assert page(lang) == (parsers if lang == "en" else localised_page(parsers, lang))


def test_the_help_pages_contents_are_the_applications():
    from grdp_scenario.cli.help import LISTING, listing_contents

    assert json.loads(LISTING.read_text(encoding="utf-8")) == listing_contents(), "run python scripts/i18n.py"


@pytest.mark.parametrize("argv", [["--help"], ["--lang", "vi", "--help"], []])
def test_the_help_page_is_written_without_the_parser(argv):
    code = (
        f"import sys; sys.argv=['grdp-scenario', *{argv!r}]\n"
        "from grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit as e:\n    print('EXIT', e.code)\n"
        "print('LOADED', [m for m in ('typer', 'rich', 'pydantic') if m in sys.modules])"
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert "Commands:" in proc.stdout or "Lệnh:" in proc.stdout, proc.stdout + proc.stderr
    assert f"EXIT {0 if argv else 2}" in proc.stdout and "LOADED []" in proc.stdout, proc.stdout


@pytest.mark.parametrize("given", [["-f", "md"], ["-fmd"], ["--format", "md"], ["--format=md"]])
def test_a_bad_value_is_named_however_the_option_was_written(given):
    done = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", "check", *given], capture_output=True, text=True, check=False
    )
    assert done.returncode == 2
    assert "'md' is not a valid value of --format" in done.stderr
