"""`init`: a new plan and base-year pair; and the README's second worked example, from nothing to `check`,
step by step as the README gives it (Hà Nội 2024, figures of the city's statistics office)."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml
from openpyxl import load_workbook
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.plan_table import HEADER

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_init_writes_a_commented_pair_and_never_replaces_a_file(tmp_path):
    r = cli("init", tmp_path / "hg", "--region", "Tỉnh Hậu Giang", "--year", "2026", "--child", "industry")
    assert r.exit_code == 0, r.output
    plan = yaml.safe_load((tmp_path / "hg" / "targets_2026.yaml").read_text(encoding="utf-8"))
    assert plan["region"] == {"key": "hau-giang", "name": "Tỉnh Hậu Giang"}
    assert (plan["year"], plan["base_year"], plan["actuals"]) == (2026, 2025, "actuals_2025.csv")
    keys = [s["key"] for s in plan["sectors"]]
    assert keys == ["agriculture", "industry_construction", "industry", "services", "product_taxes"]
    assert plan["growth"] == {b: {"status": "target"} for b in ("Q1", "Q2", "Q3", "Q4")}
    text = (tmp_path / "hg" / "targets_2026.yaml").read_text(encoding="utf-8")
    assert text.startswith("# GRDP growth plan of Tỉnh Hậu Giang for 2026")
    rows = list(csv.DictReader(io.StringIO((tmp_path / "hg" / "actuals_2025.csv").read_text(encoding="utf-8"))))
    assert {(r["region"], r["year"]) for r in rows} == {("hau-giang", "2025")}
    assert len(rows) == 4 * 4 + 4  # a volume per quarter and sector, FY current prices

    before = (tmp_path / "hg" / "targets_2026.yaml").read_bytes()
    again = cli("init", tmp_path / "hg", "--region", "Tỉnh Hậu Giang", "--year", "2026")
    assert again.exit_code == 2 and "init never replaces a file" in again.output
    assert (tmp_path / "hg" / "targets_2026.yaml").read_bytes() == before


def test_check_on_a_new_pair_says_what_to_fill_in(tmp_path):
    cli("init", tmp_path, "--region", "Tỉnh Hậu Giang", "--year", "2026", "--lang", "vi")
    r = cli("check", "--targets", tmp_path / "targets_2026.yaml", "--lang", "vi")
    assert r.exit_code == 2 and "actuals_2025.csv, dòng 2" in r.output and "Traceback" not in r.output


@pytest.mark.parametrize(
    "args, words",
    [
        (["--region", " ", "--year", "2026"], "has no name"),
        (["--region", "A", "--year", "26"], "not a plan year"),
        (["--region", "A", "--year", "2026", "--blocks", "H1,Q3"], "--blocks"),
        (["--region", "A", "--year", "2026", "--child", "fishery"], "KEY=PARENT"),
    ],
)
def test_init_refuses_bad_options(tmp_path, args, words):
    r = cli("init", tmp_path, *args)
    assert r.exit_code == 2 and words in r.output
    assert not list(tmp_path.iterdir())


# ----- the README's second worked example ----------------------------------------------------------------
# Cục Thống kê TP Hà Nội, 9 months of 2024 (reported 7 October 2024): GRDP +6.12 %; agriculture +2.47 %
# (0.05 points), industry-construction +5.74 % (1.15), services +6.76 % (4.53), product taxes +3.54 % (0.39).
# Goal: Nghị quyết of the city council on the 2024 plan (6 December 2023), GRDP +6.5-7 %: 6.5 at least.
RATES_9M = {
    "grdp": "6.12",
    "agriculture": "2.47",
    "industry_construction": "5.74",
    "services": "6.76",
    "product_taxes": "3.54",
}
POINTS_9M = {"agriculture": 0.05, "industry_construction": 1.15, "services": 4.53, "product_taxes": 0.39}


def test_from_nothing_to_check_as_the_readme_says(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    # 1. grdp-scenario init hanoi --region "Thành phố Hà Nội" --year 2024 --blocks 9M,Q4
    assert cli("init", "hanoi", "--region", "Thành phố Hà Nội", "--year", "2024", "--blocks", "9M,Q4").exit_code == 0
    # 2. grdp-scenario plan export --targets hanoi/targets_2024.yaml --output hanoi/plan.xlsx
    assert cli("plan", "export", "--targets", "hanoi/targets_2024.yaml", "--output", "hanoi/plan.xlsx").exit_code == 0
    # 3. fill in the workbook, as in Excel: 9M actual with its rates, the FY goal
    wb = load_workbook("hanoi/plan.xlsx")
    ws = wb["plan"]
    column = {name: i for i, name in enumerate(HEADER)}
    for row in ws.iter_rows(min_row=2):
        section, item = row[0].value, row[1].value
        if (section, item) == ("status", "status"):
            row[column["9M"]].value = "actual"
        elif section == "growth":
            row[column["9M"]].value = float(RATES_9M[item])
            row[column["9M"]].number_format = "0.00"
        elif (section, item) == ("goal", "grdp"):
            row[column["FY"]].value = 6.5
        elif (section, item) == ("plan", "document"):
            row[column["name"]].value = "Cục Thống kê TP Hà Nội, 9 tháng 2024; Nghị quyết HĐND TP Hà Nội 6/12/2023"
    wb.save("hanoi/plan.xlsx")
    # 4. grdp-scenario plan import hanoi/plan.xlsx --output hanoi/targets_2024.yaml
    r = cli("plan", "import", "hanoi/plan.xlsx", "--output", "hanoi/targets_2024.yaml")
    assert r.exit_code == 0, r.output
    # 5. the base year: 9M volumes in proportion to the published points over the rates; Q4 assumed to have
    #    the 9M mix and a third of its size. The volumes are written in the file init made.
    lines = ["region,year,period,sector,volume,current,source"]
    for s, points in POINTS_9M.items():
        lines.append(f"ha-noi,2023,9M,{s},{points / float(RATES_9M[s]) * 1000:.4f},,points / rate")
    for s, points in POINTS_9M.items():
        lines.append(f"ha-noi,2023,Q4,{s},{points / float(RATES_9M[s]) * 1000 / 3:.4f},,assumed")
    (tmp_path / "hanoi" / "actuals_2023.csv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    # 6. grdp-scenario check: Q4 has no targets yet, and the message says how to build them
    r = cli("check", "--targets", "hanoi/targets_2024.yaml")
    assert r.exit_code == 2 and "grdp-scenario build" in r.output
    # 7. grdp-scenario build --goal 6.5 --targets hanoi/targets_2024.yaml --output hanoi/targets_2024.yaml
    r = cli("build", "--goal", "6.5", "--targets", "hanoi/targets_2024.yaml", "--output", "hanoi/targets_2024.yaml")
    assert r.exit_code == 0, r.output
    # 8. grdp-scenario check --targets hanoi/targets_2024.yaml
    r = cli("check", "--targets", "hanoi/targets_2024.yaml", "--format", "json")
    assert r.exit_code == 0, r.output
    result = json.loads(r.stdout)
    assert r.exit_code == 0 and result["goal_met"]
    said = " ".join(cli("check", "--targets", "hanoi/targets_2024.yaml").stdout.replace("│", " ").split())
    assert "PROJECTED TO MEET THE GOAL: FY GRDP growth 6.501% ≥ 6.50%" in said and "if Q4 meets its target" in said
    # The year, recomputed here from the files: the weighted mean of 9M (its published GRDP stands) and the
    # built Q4 (its sectors).
    plan = yaml.safe_load((tmp_path / "hanoi" / "targets_2024.yaml").read_text(encoding="utf-8"))
    rows = csv.DictReader(io.StringIO("\n".join(lines)))
    volumes = {(row["period"], row["sector"]): float(row["volume"]) for row in rows}
    nine = sum(v for (b, _), v in volumes.items() if b == "9M")
    q4 = sum(volumes[("Q4", s)] * float(plan["growth"]["Q4"][s]) for s in POINTS_9M)
    fy = (nine * 6.12 + q4) / sum(volumes.values())
    assert result["periods"]["FY"]["grdp"] == pytest.approx(fy, abs=1e-9)
    assert 6.5 <= fy < 6.51
    # The 9M sectors give the published 6.12: the points add up to it (0.05 + 1.15 + 4.53 + 0.39).
    assert result["warnings"] == []


def test_a_new_users_first_messages_are_all_vietnamese(tmp_path):
    from test_present import leftover_english

    said = [cli("init", tmp_path, "--region", "Tỉnh Hậu Giang", "--year", "2026", "--lang", "vi").output]
    said.append(cli("check", "--targets", tmp_path / "targets_2026.yaml", "--lang", "vi").output)
    said.append(cli("rollover", "--output", tmp_path / "next.csv", "--lang", "vi").output)
    assert all(said) and leftover_english("\n".join(said)) == [], said


@pytest.mark.parametrize(
    "extra, said",
    [
        (["--key", "=cmd|' /C calc'!A0"], "is not a plain name"),
        (["--key", "Hau-Giang"], "is not a plain name"),
        (["--child", "industry", "--child", "industry"], "declared twice"),
        (["--child", "agriculture"], "declared twice"),
    ],
)
def test_init_refuses_what_its_own_loader_would_refuse_and_writes_nothing(extra, said, tmp_path):
    r = cli("init", tmp_path / "new", "--region", "Tỉnh A", "--year", "2026", *extra)
    assert r.exit_code == 2 and said in r.stderr and not (tmp_path / "new").exists()


def test_a_region_name_with_a_line_break_is_one_line_in_the_plan(tmp_path):
    assert cli("init", tmp_path, "--region", "Tỉnh\nHậu\tGiang", "--year", "2026").exit_code == 0
    from grdp_scenario.inputs.plan import load_plan

    assert load_plan(tmp_path / "targets_2026.yaml").model.region.name == "Tỉnh Hậu Giang"
