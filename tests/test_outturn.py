"""Recording what was published, and the 2025 walk-through: plan, 9 months, what Q4 needed, the result."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.analysis import solve
from grdp_scenario.core.evaluate import computed_period_result
from grdp_scenario.core.overrides import set_rate
from grdp_scenario.inputs import outturn
from grdp_scenario.library import Plan, data_path

from conftest import raises_saying

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_nine_months_implies_q3(tmp_path):
    path = tmp_path / "o.csv"
    r = cli("record", "9M", "--grdp", "7.39", "--source", "statistics office", "--outturn", path)
    assert r.exit_code == 0, r.output
    assert "Implied Q3: 6.54%" in r.stdout  # H1 7.87 and 9M 7.39 imply Q3 ≈ 6.5 %
    s = Plan.load(outturn=path)
    e = s.check()
    assert e.value("9M", "grdp") == pytest.approx(7.39, abs=1e-12)
    assert e.periods["Q3"].status == "derived" and e.periods["9M"].status == "actual"
    # and required says what Q4 must reach for 10 %, or any other goal
    for goal in (10.0, 8.0):
        gap, solutions = solve(s.economy, goal)
        q4 = next(x for x in solutions if x.lever.period == "Q4" and x.lever.item == "grdp")
        moved = set_rate(s.economy, "Q4", "grdp", q4.required)
        from grdp_scenario.core.evaluate import value_of

        assert value_of(moved, "FY", "grdp") == pytest.approx(goal, abs=1e-9)
    assert {x.lever.period for x in solutions} == {"Q4"}  # Q3 is no longer a target


def test_recording_twice_without_replace_exits_2_and_leaves_the_file(tmp_path):
    path = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--outturn", path).exit_code == 0
    before = path.read_bytes()
    r = cli("record", "9M", "--grdp", "7.40", "--outturn", path)
    assert r.exit_code == 2 and "--replace" in r.stderr
    assert path.read_bytes() == before


def test_replace_keeps_the_old_row_as_history(tmp_path, shipped):
    path = tmp_path / "o.csv"
    cli("record", "9M", "--grdp", "7.39", "--outturn", path)
    r = cli("record", "9M", "--grdp", "7.41", "--replace", "--outturn", path)
    assert r.exit_code == 0 and "Revised 9M" in r.stdout
    rows = outturn.load_outturn(path, shipped.targets)
    assert [(x.rate, x.active) for x in rows] == [(7.39, False), (7.41, True)]
    assert Plan.load(outturn=path).check().value("9M", "grdp") == pytest.approx(7.41)


def test_a_conflicting_revision_is_reported(tmp_path, shipped):
    path = tmp_path / "o.csv"
    cli("record", "9M", "--grdp", "7.39", "--outturn", path)
    cli("record", "Q3", "--grdp", "8.0", "--outturn", path)  # contradicts 9M with H1 7.87
    s = Plan.load(outturn=path)
    assert [c.code for c in s.conflicts] == ["outturn-conflict"]
    assert s.check().value("9M", "grdp") == 7.39  # the published figure is shown


def test_a_failed_write_leaves_the_old_file_intact(tmp_path, shipped, monkeypatch):
    path = tmp_path / "o.csv"
    cli("record", "9M", "--grdp", "7.39", "--outturn", path)
    before = path.read_bytes()

    def boom(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr("grdp_scenario.inputs.atomic.os.fsync", boom)
    with raises_saying("No space left"):
        outturn.record(path, shipped.targets, "FY", {"grdp": 7.23})
    assert path.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["o.csv", "o.csv.lock"]


def test_bad_outturn_files_exit_2(write, shipped):
    header = ",".join(outturn.COLUMNS) + "\n"
    cases = {
        '2025,9M,grdp,"7,39",actual,,,,\n': "decimal comma",
        "2025,9M,servics,7.39,actual,,,,\n": "item 'servics'",
        "2024,9M,grdp,7.39,actual,,,,\n": "plan's year 2025",
        "2025,9M,grdp,7.39,final,,,,\n": "Use one of: actual, estimate",
    }
    for row, needle in cases.items():
        r = cli("check", "--outturn", write("o.csv", header + row))
        assert r.exit_code == 2 and needle in r.stderr and "o.csv, line 2" in r.stderr, r.stderr
    assert cli("check", "--outturn", write("o.csv", "a,b\n")).exit_code == 2
    assert cli("record", "9M", "--outturn", write("p.csv", "")).exit_code == 2  # nothing to record


def test_the_2025_walk_through():
    """The plan (10.01 %), the 9-month check (7.39 %), what Q4 needed, the result (7.23 %)."""
    shipped_outturn = data_path("outturn_2025.csv")
    plan = json.loads(cli("check", "--format", "json").stdout)
    assert round(plan["periods"]["FY"]["grdp"], 2) == 10.01
    result = cli("check", "--outturn", shipped_outturn, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert data["periods"]["FY"]["grdp"] == 7.23 and data["periods"]["9M"]["grdp"] == 7.39
    assert data["periods"]["FY"]["sectors"] == {
        "agriculture": 3.79,
        "industry_construction": 8.01,
        "services": 8.79,
        "product_taxes": 4.99,
    }
    assert data["periods"]["Q4"]["status"] == "derived"
    q4 = data["periods"]["Q4"]["grdp"]
    assert q4 == pytest.approx(6.79, abs=0.005)  # the Q4 that FY 7.23 implies
    table = cli("check", "--outturn", shipped_outturn)
    assert "Q4 implied by the published FY figure: 6.79%" in table.stdout


def test_recording_into_a_missing_folder_exits_2(tmp_path):
    r = cli("record", "9M", "--grdp", "7.39", "--outturn", tmp_path / "nowhere" / "o.csv")
    assert r.exit_code == 2 and "No such file or directory" in r.stderr and "Traceback" not in r.output


def test_published_year_figures_spread_over_the_unknown_quarters_by_equal_points(tmp_path, shipped):
    # FY with its sectors published, Q3 and Q4 not: they move by the same points (docs/method.md §8) so
    # that the year gives every published figure; the split between them is an assumption, said so.
    out = tmp_path / "o.csv"
    rates = {"agriculture": 3.79, "industry_construction": 8.01, "services": 8.79, "product_taxes": 4.99}
    args = ["record", "FY", "--grdp", "7.23", *[a for k, v in rates.items() for a in ("--rate", f"{k}={v}")]]
    assert CliRunner().invoke(app, [*args, "--outturn", str(out)]).exit_code == 0
    after = Plan.load(outturn=out)
    for s, published in rates.items():
        moved = [after.economy.block(b).rates[s] - shipped.economy.block(b).rates[s] for b in ("Q3", "Q4")]
        assert moved[0] == pytest.approx(moved[1], abs=1e-9) and abs(moved[0]) > 0.1, s
        # the blocks themselves give the published figure (not only the figure laid over the year)
        assert computed_period_result(after.economy, "FY").sectors[s] == pytest.approx(published, abs=1e-9)
    assert {d.block for d in after.derived} == {"Q3", "Q4"}
    assert after.check().value("FY", "grdp") == 7.23
