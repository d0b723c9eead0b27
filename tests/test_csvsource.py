"""CSV files as Excel with Vietnamese regional settings saves them (';' between fields, decimal commas, a
BOM, CRLF): the base year and the outturn read the same as the tool's own form; and decimal commas on the
command line under --lang vi."""

from __future__ import annotations

import csv
import io
import json

from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.library import DEFAULT_ACTUALS, data_path

runner = CliRunner()


def as_excel_vi(text: str) -> str:
    """';'-separated, decimal commas in every number, CRLF: written with the csv module, not the tool."""
    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")
    for row in csv.reader(io.StringIO(text)):
        w.writerow([c.replace(".", ",") if c.replace(".", "", 1).replace("-", "", 1).isdigit() else c for c in row])
    return "\ufeff" + out.getvalue()


def test_a_base_year_and_an_outturn_saved_by_excel_vi_give_the_same_check(tmp_path):
    actuals = tmp_path / "actuals.csv"
    actuals.write_text(as_excel_vi(data_path(DEFAULT_ACTUALS).read_text(encoding="utf-8")), encoding="utf-8")
    outturn = tmp_path / "outturn.csv"
    outturn.write_text(as_excel_vi(data_path("outturn_2025.csv").read_text(encoding="utf-8")), encoding="utf-8")
    assert ";" in actuals.read_text(encoding="utf-8") and "," in actuals.read_text(encoding="utf-8")
    shipped = runner.invoke(app, ["check", "--format", "json", "--outturn", str(data_path("outturn_2025.csv"))])
    again = runner.invoke(app, ["check", "--format", "json", "--actuals", str(actuals), "--outturn", str(outturn)])
    assert again.exit_code == shipped.exit_code, again.output
    drop = ("provenance",)
    assert {k: v for k, v in json.loads(again.stdout).items() if k not in drop} == {
        k: v for k, v in json.loads(shipped.stdout).items() if k not in drop
    }


def test_under_lang_vi_a_rate_may_be_typed_with_a_decimal_comma(tmp_path):
    import subprocess
    import sys

    outturn = tmp_path / "outturn.csv"
    done = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", "record", "9M", "--grdp", "7,39", "--outturn", str(outturn)]
        + ["--lang", "vi"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert ",9M,grdp,7.39,actual," in outturn.read_text(encoding="utf-8")
    whatif = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", "whatif", "--set", "Q4.services=16,5", "--lang", "vi"]
        + ["--format", "json"],
        capture_output=True,
        text=True,
    )
    assert json.loads(whatif.stdout)["scenario"]["periods"]["Q4"]["sectors"]["services"] == 16.5


def test_rollover_with_nothing_actual_writes_nothing_and_says_what_comes_first(tmp_path):
    from grdp_scenario.library import DEFAULT_TARGETS

    plan = tmp_path / "t.yaml"
    text = data_path(DEFAULT_TARGETS).read_text(encoding="utf-8").replace("status: actual", "status: target")
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "next.csv"
    r = runner.invoke(
        app, ["rollover", "--targets", str(plan), "--actuals", str(data_path(DEFAULT_ACTUALS)), "--output", str(out)]
    )
    assert r.exit_code == 2 and "record" in r.stderr and not out.exists()


def test_a_plan_table_resaved_by_excel_vi_imports_to_the_same_check(tmp_path):
    """plan export (CSV), opened and saved again by Excel with Vietnamese settings (';', decimal commas, a
    BOM, CRLF), then plan import: the same check as the shipped plan."""
    table = tmp_path / "ke-hoach.csv"
    assert runner.invoke(app, ["plan", "export", "--output", str(table)]).exit_code == 0
    resaved = tmp_path / "ke-hoach-vi.csv"
    resaved.write_text(as_excel_vi(table.read_text(encoding="utf-8")), encoding="utf-8")
    assert ";7,87;" in resaved.read_text(encoding="utf-8") or ";7,87\r" in resaved.read_text(encoding="utf-8")
    back = tmp_path / "t.yaml"
    r = runner.invoke(app, ["plan", "import", str(resaved), "--output", str(back)])
    assert r.exit_code == 0, r.output
    shipped = runner.invoke(app, ["check", "--format", "json", "--strict"])
    again = runner.invoke(
        app,
        ["check", "--format", "json", "--strict", "--targets", str(back), "--actuals", str(data_path(DEFAULT_ACTUALS))],
    )
    assert (again.exit_code, again.stdout) == (shipped.exit_code, shipped.stdout)
