"""Verdicts that say what is known (contract §3): a goal the data cannot give is unknown, never missed; a
verdict on a period not all actual says it is a projection and what it assumes; every figure with its
source; one rule for a child sector, whether an outturn or a what-if moves its parent."""

from __future__ import annotations

import json
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario import Plan
from grdp_scenario.cli.app import app
from grdp_scenario.inputs.packaged import data_path
from test_xlsx import needs_libreoffice, recalculated

from conftest import QUARTERLY_ACTUALS, mini_targets

OUTTURN = str(data_path("outturn_2025.csv"))


def cli(*args):
    return CliRunner().invoke(app, [str(a) for a in args])


@pytest.fixture
def nine_months(tmp_path):
    """A GRDP-only 9-month estimate: Q3 derived, its sectors (and so the year's) unknown."""
    out = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--status", "estimate", "--outturn", out).exit_code == 0
    return out


def test_a_goal_the_data_cannot_give_is_unknown_in_every_format(nine_months, tmp_path):
    data = json.loads(cli("check", "--outturn", nine_months, "--format", "json").stdout)
    unknown = [(g["period"], g["item"]) for g in data["goals"] if g["value"] is None]
    assert ("FY", "agriculture") in unknown
    assert all(g["verdict"] == "unknown" and g["met"] is False for g in data["goals"] if g["value"] is None)
    for fmt, lang, word in (("table", "en", "no data yet"), ("markdown", "vi", "chưa có số liệu")):
        out = cli("check", "--outturn", nine_months, "--format", fmt, "--lang", lang, "--format", fmt).stdout
        rows = [line for line in out.splitlines() if "Agriculture" in line or "Nông, lâm" in line]
        fy_rows = [r for r in rows if re.search(r"\bFY\b|Cả năm", r) and (word in r or "–" in r)]
        assert fy_rows and all(word in r for r in fy_rows), rows
        assert not any("missed" in r or "Không đạt" in r for r in fy_rows), rows


def test_strict_fails_only_on_goals_the_data_show_missed(nine_months):
    data = json.loads(cli("check", "--outturn", nine_months, "--strict", "--format", "json").stdout)
    missed = [g for g in data["goals"] if g["verdict"] == "missed" and not g["headline"]]
    code = cli("check", "--outturn", nine_months, "--strict").exit_code
    head = next(g for g in data["goals"] if g["headline"])
    assert code == (0 if head["met"] and not missed else 1)
    assert all(g["value"] is not None for g in missed)


@needs_libreoffice
def test_the_workbook_says_no_data_yet_for_an_unknown_goal(nine_months, tmp_path):
    path = tmp_path / "c.xlsx"
    assert cli("check", "--outturn", nine_months, "--output", path).exit_code == 0
    rows = list(recalculated(path, tmp_path)["Goals"].iter_rows(values_only=True))
    sheet = {(r[0], r[1]): r for r in rows[2:] if r[0]}
    assert sheet[("FY", "Agriculture, forestry and fishery")][6] == "no data yet"
    assert sheet[("FY", "GRDP")][6].endswith("(projected)")


def test_after_nine_months_the_year_is_a_projection_and_says_what_it_assumes(nine_months):
    data = json.loads(cli("check", "--outturn", nine_months, "--format", "json").stdout)
    head = next(g for g in data["goals"] if g["headline"])
    assert head["basis"] == "projected"
    first = cli("check", "--outturn", nine_months).stdout.splitlines()[1]
    assert "PROJECTED TO" in first
    said = " ".join(cli("check", "--outturn", nine_months).stdout.replace("│", " ").split())
    assert "if Q4 meets its target and if the estimates for 9M hold" in said
    vi = " ".join(cli("check", "--outturn", nine_months, "--lang", "vi").stdout.replace("│", " ").split())
    assert "Dự kiến" in vi and "nếu Quý IV đạt kế hoạch" in vi
    md = cli("check", "--outturn", nine_months, "--format", "markdown").stdout
    assert "(projected)" in md and "**PROJECTED TO" in md


def test_a_what_if_says_it_is_one():
    out = cli("whatif", "--set", "Q4.services=16").stdout
    assert "under this what-if" in " ".join(out.split())


def test_four_actual_quarters_are_a_finding_not_a_projection(write):
    growth = "\n".join(f"  Q{q}: {{status: actual, a: 4.{q}, b: 6.{q}}}" for q in (1, 2, 3, 4))
    path = write("t.yaml", mini_targets(growth).replace("  - {key: b1, parent: b, vi: B1, en: B1}\n", ""))
    actuals = write("a.csv", QUARTERLY_ACTUALS)
    data = json.loads(cli("check", "--targets", path, "--actuals", actuals, "--format", "json").stdout)
    assert [g["basis"] for g in data["goals"]] == ["actual"]
    out = cli("check", "--targets", path, "--actuals", actuals).stdout
    assert "GOAL MET" in out and "projected" not in out.lower()


def test_a_published_year_makes_h2_actual_and_q3_alone_a_projection(tmp_path):
    # FY and H1 published or actual: H2 = FY − H1 follows; Q3 alone was spread by an assumption
    plan = Plan.load(outturn=OUTTURN)
    from grdp_scenario.core.goals import basis_of

    assert basis_of(plan.economy, "FY") == "actual" and basis_of(plan.economy, "H2") == "actual"
    out = tmp_path / "fy.csv"
    args = ["record", "FY", "--grdp", "7.23", "--rate", "agriculture=3.79", "--rate", "industry_construction=8.01"]
    args += ["--rate", "services=8.79", "--rate", "product_taxes=4.99", "--outturn", out]
    assert cli(*args).exit_code == 0
    spread = Plan.load(outturn=out)
    assert basis_of(spread.economy, "H2") == "actual" and basis_of(spread.economy, "Q3") == "projected"


# ----- provenance ---------------------------------------------------------------------------------------
def test_the_report_names_its_document_its_sources_and_when_it_was_made(tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1764460800")  # 2025-11-30
    for name, lang, made in (("r.html", "en", "2025-11-30"), ("r.md", "vi", "30/11/2025")):
        out = tmp_path / name
        assert cli("report", "--outturn", OUTTURN, "--output", out, "--lang", lang).exit_code == 0
        text = " ".join(out.read_text(encoding="utf-8").split())
        assert "34/KH-UBND" in text
        assert "Thống kê thành phố Cần Thơ: GRDP 9 tháng năm 2025" in text
        assert ("published 2025-10-16" if lang == "en" else "công bố ngày 16/10/2025") in text
        assert made in text and "grdp-scenario 0.1.0" in text
    data = json.loads(cli("check", "--outturn", OUTTURN, "--format", "json").stdout)["provenance"]
    assert data["made"] == "2025-11-30" and data["document"].startswith("Kế hoạch 34/KH-UBND")
    nine = next(p for p in data["published"] if p["period"] == "9M")
    assert (nine["rate"], nine["published"]) == (7.39, "2025-10-16")


def test_version():
    r = cli("--version")
    assert r.exit_code == 0 and r.stdout.strip() == "grdp-scenario 0.1.0"


# ----- one rule for a child -----------------------------------------------------------------------------
SECTORS = ("agriculture", "industry_construction", "services", "product_taxes")
rates = st.floats(-5, 25, allow_nan=False).map(lambda x: round(x, 2))


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    published=st.fixed_dictionaries({s: rates for s in SECTORS}), grdp=rates, period=st.sampled_from(["FY", "H2", "9M"])
)
def test_a_derived_child_is_what_whatif_gives_for_the_same_parent_rates(published, grdp, period, tmp_path_factory):
    out = tmp_path_factory.mktemp("o") / "o.csv"
    args = ["record", period, "--grdp", repr(grdp), *[a for k, v in published.items() for a in ("--rate", f"{k}={v}")]]
    assert cli(*args, "--outturn", out).exit_code == 0
    after = Plan.load(outturn=out)
    for block in ("Q3", "Q4"):
        b = after.economy.block(block)
        if b.status != "derived" or "industry" not in b.rates:
            continue
        same = Plan.load().whatif(set={f"{block}.{s}": b.rates[s] for s in SECTORS}).scenario.economy.block(block)
        assert b.rates["industry"] == pytest.approx(same.rates["industry"], abs=1e-9), (block, period)


def test_a_what_if_over_published_figures_heads_its_baseline_as_what_it_shows():
    out = cli("whatif", "--set", "Q4.grdp=9", "--outturn", OUTTURN, "--counterfactual").stdout
    assert "Published / projected → what-if" in out and "Plan → what-if" not in out
    plan = cli("whatif", "--set", "Q4.grdp=9").stdout
    assert "Plan → what-if" in plan
