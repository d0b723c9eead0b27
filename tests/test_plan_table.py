"""`plan export` / `plan import`: the plan as a table (indicators down, periods across), out and back in."""

from __future__ import annotations

import csv
import io
import json

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.plan_table import HEADER, column_letter
from grdp_scenario.library import DEFAULT_ACTUALS, data_path

runner = CliRunner()
ACTUALS = str(data_path(DEFAULT_ACTUALS))


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_export_then_import_gives_the_same_check_and_audit(tmp_path, suffix):
    table, back = tmp_path / f"plan.{suffix}", tmp_path / "targets.yaml"
    assert cli("plan", "export", "--output", table).exit_code == 0
    r = cli("plan", "import", table, "--output", back)
    assert r.exit_code == 0, r.output
    for command in (["check", "--format", "json", "--strict"], ["audit", "--format", "json"]):
        shipped = cli(*command)
        again = cli(*command, "--targets", back, "--actuals", ACTUALS)
        assert again.exit_code == shipped.exit_code
        if command[0] == "check":
            assert again.stdout == shipped.stdout
        else:
            strip = [
                {k: v for k, v in f.items() if k not in ("file", "line")} for f in json.loads(again.stdout)["findings"]
            ]
            assert strip == [
                {k: v for k, v in f.items() if k not in ("file", "line")}
                for f in json.loads(shipped.stdout)["findings"]
            ]


def _findings(stdout: str) -> list[dict]:
    """The audit's findings without their places (the imported file has other lines)."""
    return [{k: v for k, v in f.items() if k not in ("file", "line")} for f in json.loads(stdout)["findings"]]


def test_the_workbook_shows_numbers_as_printed(tmp_path):
    table = tmp_path / "plan.xlsx"
    cli("plan", "export", "--output", table)
    ws = load_workbook(table)["plan"]
    assert [c.value for c in ws[1]] == list(HEADER)
    rows = {(r[0].value, r[1].value): r for r in ws.iter_rows(min_row=2)}
    q4 = rows[("growth", "services")][HEADER.index("Q4")]
    assert q4.value == 14.8 and q4.number_format == "0.00"  # printed "14,80" in Phụ lục I
    h1 = rows[("growth", "agriculture")][HEADER.index("H1")]
    assert h1.value == 2.8 and h1.number_format == "0.0"  # printed "2,8"


def _table(tmp_path, edit) -> str:
    """The shipped plan's table as CSV rows, edited, written; returns the path."""
    table = tmp_path / "plan.csv"
    cli("plan", "export", "--output", table)
    rows = list(csv.reader(io.StringIO(table.read_text(encoding="utf-8"))))
    edit(rows)
    with open(table, "w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows(rows)
    return table


def _set(rows, section, item, column, value):
    for i, row in enumerate(rows):
        if row[:2] == [section, item]:
            row[HEADER.index(column)] = value
            return f"{column_letter(HEADER.index(column))}{i + 1}"
    raise KeyError((section, item))


def test_a_bad_number_is_named_by_its_cell(tmp_path):
    cell = {}
    table = _table(tmp_path, lambda rows: cell.setdefault("ref", _set(rows, "growth", "services", "Q3", "13,91")))
    r = cli("plan", "import", table, "--output", tmp_path / "t.yaml")
    assert r.exit_code == 2 and "Traceback" not in r.output
    assert f"plan.csv ({cell['ref']})" in r.output and "13.91" in r.output
    assert not (tmp_path / "t.yaml").exists()


def test_an_unknown_sector_is_named_by_its_cell_in_the_workbook(tmp_path):
    from openpyxl import load_workbook as load

    table = tmp_path / "plan.xlsx"
    cli("plan", "export", "--output", table)
    wb = load(table)
    ws = wb["plan"]
    row = next(r for r in ws.iter_rows(min_row=2) if (r[0].value, r[1].value) == ("goal", "services"))
    row[1].value = "service"
    wb.save(table)
    r = cli("plan", "import", table, "--output", tmp_path / "t.yaml")
    assert r.exit_code == 2
    ref = f"{column_letter(HEADER.index('H2'))}{row[0].row}"  # H2's goal comes first in the plan
    assert f"plan!{ref}, goals.H2.service)" in r.output and "Did you mean 'services'?" in r.output


def test_rates_in_a_column_without_a_status_are_refused(tmp_path):
    table = _table(tmp_path, lambda rows: _set(rows, "growth", "grdp", "Q1", "5.0"))
    r = cli("plan", "import", table, "--output", tmp_path / "t.yaml")
    assert r.exit_code == 2 and "has growth rates but no status" in r.output


def test_other_files_are_refused(tmp_path):
    r = cli("plan", "export", "--output", tmp_path / "plan.ods")
    assert r.exit_code == 2 and "FILE.xlsx or FILE.csv" in r.output
    (tmp_path / "broken.xlsx").write_bytes(b"PK\x03\x04 not a workbook")
    r = cli("plan", "import", tmp_path / "broken.xlsx", "--output", tmp_path / "t.yaml")
    assert r.exit_code == 2 and "cannot be read" in r.output


def _exported(tmp_path):
    from typer.testing import CliRunner

    from grdp_scenario.cli.app import app

    out = tmp_path / "plan.xlsx"
    assert CliRunner().invoke(app, ["plan", "export", "--output", str(out)]).exit_code == 0
    return out


def _import(path):
    from typer.testing import CliRunner

    from grdp_scenario.cli.app import app

    return CliRunner().invoke(app, ["plan", "import", str(path), "--output", str(path.with_suffix(".yaml"))])


def test_hostile_workbooks_are_refused_in_one_message(tmp_path):
    import zipfile

    from openpyxl import Workbook, load_workbook

    far = _exported(tmp_path)  # a far cell: a million rows to walk
    wb = load_workbook(far)
    wb.worksheets[0]["XFD1048576"] = "x"
    wb.save(far)
    r = _import(far)
    assert r.exit_code == 2 and "beyond a plan's table" in r.stderr and not far.with_suffix(".yaml").exists()
    charts = tmp_path / "charts.xlsx"  # chart sheets only
    wb = Workbook()
    wb.create_chartsheet()
    wb.remove(wb.active)
    wb.save(charts)
    assert _import(charts).exit_code == 2
    broken = tmp_path / "broken.xlsx"  # malformed XML in the sheet
    with zipfile.ZipFile(_exported(tmp_path)) as src, zipfile.ZipFile(broken, "w") as dst:
        for item in src.infolist():
            data = src.read(item)
            dst.writestr(item, b"<worksheet><sheetData><row" if item.filename.endswith("sheet1.xml") else data)
    r = _import(broken)
    assert r.exit_code == 2 and "cannot be read" in r.stderr and "Traceback" not in r.output
    bomb = tmp_path / "bomb.xlsx"  # unpacks to far more than any table
    with zipfile.ZipFile(_exported(tmp_path)) as src, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as dst:
        for item in src.infolist():
            dst.writestr(item.filename, src.read(item))
        dst.writestr("xl/sharedStrings2.xml", b" " * (101 * 1024 * 1024))
    r = _import(bomb)
    assert r.exit_code == 2 and "would unpack to more than 100 MB" in r.stderr


def test_a_workbook_with_rates_as_percent_cells_gives_the_same_check(tmp_path):
    """As a planner re-types rates in Excel: '11.08%' is stored 0.1108 under the format 0.00%."""
    table = tmp_path / "plan.xlsx"
    assert cli("plan", "export", "--output", table).exit_code == 0
    wb = load_workbook(table)
    periods = [HEADER.index(p) for p in ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY")]
    changed = 0
    for row in wb["plan"].iter_rows(min_row=2):
        if row[0].value not in ("growth", "goals"):
            continue
        for i in periods:
            cell = row[i]
            if isinstance(cell.value, (int, float)) and not isinstance(cell.value, bool):
                cell.value, cell.number_format = cell.value / 100, cell.number_format + "%"
                changed += 1
    wb.save(table)
    assert changed > 15
    back = tmp_path / "targets.yaml"
    r = cli("plan", "import", table, "--output", back)
    assert r.exit_code == 0, r.output
    assert "FY: {grdp: 10," in back.read_text(encoding="utf-8")  # "10%" is the goal 10, not 0
    shipped = cli("check", "--format", "json", "--strict")
    again = cli("check", "--format", "json", "--strict", "--targets", back, "--actuals", ACTUALS)
    assert (again.exit_code, again.stdout) == (shipped.exit_code, shipped.stdout)


def test_a_scientific_cell_reads_with_the_digits_it_shows(tmp_path):
    table = tmp_path / "plan.xlsx"
    assert cli("plan", "export", "--output", table).exit_code == 0
    wb = load_workbook(table)
    rows = {(r[0].value, r[1].value): r for r in wb["plan"].iter_rows(min_row=2)}
    q4 = rows[("growth", "services")][HEADER.index("Q4")]
    q4.value, q4.number_format = 14.8, "0.00E+00"  # shows 1.48E+01: 14.8, one decimal
    wb.save(table)
    back = tmp_path / "targets.yaml"
    assert cli("plan", "import", table, "--output", back).exit_code == 0
    from grdp_scenario.inputs.plan import load_plan

    plan = load_plan(back)
    assert plan.model.growth["Q4"].rates["services"] == 14.8
    assert plan.decimals("growth", "Q4", "services") == 1


def test_a_general_cell_whose_precision_cannot_be_told_is_refused_at_the_cell(tmp_path):
    table = tmp_path / "plan.xlsx"
    assert cli("plan", "export", "--output", table).exit_code == 0
    wb = load_workbook(table)
    ws = wb["plan"]
    for r, row in enumerate(ws.iter_rows(min_row=2), start=2):
        if (row[0].value, row[1].value) == ("growth", "services"):
            cell = row[HEADER.index("Q4")]
            cell.value, cell.number_format = 14.8, "General"  # typed 14.80 or 14.8? Excel shows 14.8
            ref = f"{column_letter(HEADER.index('Q4'))}{r}"
    wb.save(table)
    r = cli("plan", "import", table, "--output", tmp_path / "t.yaml")
    assert r.exit_code == 2
    assert f"plan!{ref}" in r.output and "General" in r.output and "2 decimals" in r.output
    assert not (tmp_path / "t.yaml").exists()


@pytest.mark.parametrize("suffix", ["xlsx", "csv"])
def test_a_sheet_in_vietnamese_words_imports_as_the_english_one(tmp_path, suffix):
    """plan export --lang vi writes the headings, sections and statuses in Vietnamese; import reads both."""
    table = tmp_path / f"ke-hoach.{suffix}"
    assert cli("plan", "export", "--output", table, "--lang", "vi").exit_code == 0
    if suffix == "csv":
        text = table.read_text(encoding="utf-8")
        assert text.startswith("phần,mã chỉ tiêu,tên,") and "Quý III" in text.splitlines()[0]
        status = next(line for line in text.splitlines() if line.startswith("tình trạng,status,"))
        assert "thực hiện" in status and "mục tiêu" in status and "\ntăng trưởng,grdp," in text
    else:
        ws = load_workbook(table)["plan"]
        assert ws["A1"].value == "phần" and "Cả năm" in [c.value for c in ws[1]]
    back = tmp_path / "t.yaml"
    assert cli("plan", "import", table, "--output", back).exit_code == 0
    shipped = cli("check", "--format", "json", "--strict")
    again = cli("check", "--format", "json", "--strict", "--targets", back, "--actuals", ACTUALS)
    assert (again.exit_code, again.stdout) == (shipped.exit_code, shipped.stdout)


def test_every_new_plan_has_a_row_for_the_base_years_quarterly_growth(tmp_path):
    assert cli("init", tmp_path / "p", "--region", "Tỉnh G", "--year", "2026").exit_code == 0
    table = tmp_path / "p.csv"
    assert cli("plan", "export", "--targets", tmp_path / "p" / "targets_2026.yaml", "--output", table).exit_code == 0
    assert "\nbase_year_block_growth,grdp," in table.read_text(encoding="utf-8")
