"""`rollover`: next year's base year from this one and the year's actual growth."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app

runner = CliRunner()

PLAN = """\
region: {key: thu-nghiem, name: "Tỉnh Thử Nghiệm"}
year: 2025
base_year: 2024
actuals: actuals_2024.csv
sectors:
  - {key: a, vi: A, en: A}
  - {key: b, vi: B, en: B}
goals:
  FY: {grdp: 6}
growth:
  Q1: {status: actual, a: 3.1, b: 7.25}
  Q2: {status: actual, a: 2.9, b: 8.05}
  Q3: {status: actual, a: 4.4, b: 6.5}
  Q4: {status: %s, a: 3.75, b: 9.1}
"""
VOLUMES = {
    ("Q1", "a"): 120.5,
    ("Q1", "b"): 301.25,
    ("Q2", "a"): 98.0,
    ("Q2", "b"): 333.3,
    ("Q3", "a"): 140.0,
    ("Q3", "b"): 310.0,
    ("Q4", "a"): 150.75,
    ("Q4", "b"): 390.5,
}
RATES = {
    ("Q1", "a"): 3.1,
    ("Q1", "b"): 7.25,
    ("Q2", "a"): 2.9,
    ("Q2", "b"): 8.05,
    ("Q3", "a"): 4.4,
    ("Q3", "b"): 6.5,
    ("Q4", "a"): 3.75,
    ("Q4", "b"): 9.1,
}


def _files(tmp_path, q4_status: str):
    (tmp_path / "targets_2025.yaml").write_text(PLAN % q4_status, encoding="utf-8")
    rows = ["year,period,sector,volume,current,source"]
    rows += [f"2024,{b},{s},{v},," for (b, s), v in VOLUMES.items()]
    (tmp_path / "actuals_2024.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path / "targets_2025.yaml"


def _volumes(path) -> dict:
    return {(r["period"], r["sector"]): r["volume"] for r in csv.DictReader(io.StringIO(path.read_text("utf-8")))}


def test_a_year_of_actual_quarters_gives_next_years_volumes_exactly(tmp_path):
    targets = _files(tmp_path, "actual")
    r = runner.invoke(app, ["rollover", "--targets", str(targets), "--output", str(tmp_path / "actuals_2025.csv")])
    assert r.exit_code == 0, r.output
    got = _volumes(tmp_path / "actuals_2025.csv")
    assert {k: float(v) for k, v in got.items()} == {k: v * (1 + RATES[k] / 100) for k, v in VOLUMES.items()}
    assert "Undetermined" not in r.output
    # The file is the base year of next year's plan, of this region.
    nxt = (PLAN % "target").replace("year: 2025\nbase_year: 2024", "year: 2026\nbase_year: 2025")
    (tmp_path / "targets_2026.yaml").write_text(nxt.replace("actuals_2024", "actuals_2025"), encoding="utf-8")
    assert runner.invoke(app, ["check", "--targets", str(tmp_path / "targets_2026.yaml")]).exit_code in (0, 1)


def test_a_target_quarter_is_named_and_left_to_fill(tmp_path):
    targets = _files(tmp_path, "target")
    r = runner.invoke(app, ["rollover", "--targets", str(targets), "--output", str(tmp_path / "next.csv")])
    assert r.exit_code == 0
    got = _volumes(tmp_path / "next.csv")
    assert got[("Q4", "a")] == got[("Q4", "b")] == ""
    assert float(got[("Q3", "b")]) == VOLUMES[("Q3", "b")] * (1 + 6.5 / 100)
    assert "Undetermined: Q4 (A, B): its growth is a target" in r.output


def test_the_shipped_2025_outturn_leaves_the_second_half_undetermined(tmp_path):
    r = runner.invoke(app, ["rollover", "--output", str(tmp_path / "actuals_2025.csv")])
    assert r.exit_code == 0
    got = _volumes(tmp_path / "actuals_2025.csv")
    assert all(got[("H1", s)] for s in ("agriculture", "industry_construction", "services", "product_taxes"))
    assert all(got[(b, s)] == "" for b in ("Q3", "Q4") for s in ("agriculture", "services"))
    assert "Undetermined: Q3" in r.output and "Undetermined: Q4" in r.output


def test_with_the_shipped_outturn_the_second_half_is_determined_whole(tmp_path):
    """The outturn publishes FY for every sector but 9M for GRDP only: H2 = FY − H1 is known per sector,
    how Q3 and Q4 split it is not."""
    from grdp_scenario.library import data_path

    out = tmp_path / "actuals_2025.csv"
    r = runner.invoke(app, ["rollover", "--outturn", str(data_path("outturn_2025.csv")), "--output", str(out)])
    assert r.exit_code == 0
    got = {k: float(v) for k, v in _volumes(out).items()}
    assert {b for b, _ in got} == {"H1", "H2"}
    base = {}
    for row in csv.DictReader(io.StringIO(data_path("actuals_2024.csv").read_text("utf-8"))):
        if row["volume"]:
            base[row["sector"]] = base.get(row["sector"], 0.0) + float(row["volume"])
    fy = {"agriculture": 3.79, "industry_construction": 8.01, "services": 8.79, "product_taxes": 4.99}
    for s, rate in fy.items():
        assert got[("H1", s)] + got[("H2", s)] == pytest.approx(base[s] * (1 + rate / 100), rel=1e-12)
    assert "Undetermined: Q3 on its own" in r.output and "Undetermined: Q4 on its own" in r.output
