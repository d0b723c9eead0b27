"""``init --volumes TABLE``: the statistics office's table of GRDP at constant prices, read as it comes
(Vietnamese headings, cumulative columns, sectors by name, VSIC sections by letter, decimal commas), makes the
base-year file exactly: quarters from cumulative columns by subtraction, worked out here."""

from __future__ import annotations

import json

from openpyxl import Workbook
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.vsic import SECTIONS

runner = CliRunner()
HEAD = ["STT", "Chỉ tiêu", "Quý I", "6 tháng", "9 tháng", "Cả năm"]
#: Cumulative volumes (billion VND, 2010 prices) of four sectors, as a yearbook table prints them.
ROWS = [
    ["", "TỔNG SẢN PHẨM TRÊN ĐỊA BÀN (GRDP)", 1000.0, 2100.0, 3250.0, 4500.0],
    ["1.", "Nông, lâm nghiệp và thủy sản", 100.0, 190.0, 300.0, 420.0],
    ["2.", "Công nghiệp - xây dựng", 300.0, 640.0, 990.0, 1380.0],
    ["", "Trong đó: Công nghiệp", 200.0, 420.0, 650.0, 900.0],
    ["3.", "Dịch vụ", 500.0, 1060.0, 1640.0, 2250.0],
    ["4.", "Thuế sản phẩm trừ trợ cấp sản phẩm", 100.0, 210.0, 320.0, 450.0],
]


def test_a_yearbook_workbook_gives_the_quarters_exactly(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["GRDP theo giá so sánh 2010 (tỷ đồng)"])  # a title above the heading row
    ws.append(HEAD)
    for row in ROWS:
        ws.append(row)
    table = tmp_path / "grdp_2025.xlsx"
    wb.save(table)
    r = runner.invoke(
        app, ["init", str(tmp_path / "p"), "--region", "Tỉnh E", "--year", "2026", "--volumes", str(table)]
    )
    assert r.exit_code == 0, r.output
    assert "Trong đó: Công nghiệp" in r.stderr  # said, not silently dropped
    rows = (tmp_path / "p" / "actuals_2025.csv").read_text(encoding="utf-8").splitlines()[1:]
    got = {(c[2], c[3]): float(c[4]) for c in (line.split(",") for line in rows)}
    # Q2 = 6 months − Q1, Q3 = 9 months − 6 months, Q4 = year − 9 months
    assert got[("Q1", "services")] == 500 and got[("Q2", "services")] == 560
    assert got[("Q3", "services")] == 580 and got[("Q4", "services")] == 610
    assert got[("Q4", "agriculture")] == 120 and got[("Q2", "product_taxes")] == 110
    plan = tmp_path / "p" / "targets_2026.yaml"
    plan.write_text(
        plan.read_text(encoding="utf-8")
        .replace("  FY: {}", "  FY: {grdp: 8}")
        .replace("  Q1: {status: target}", "  Q1: {status: target, grdp: 8}")
        .replace("  Q2: {status: target}", "  Q2: {status: target, grdp: 8}")
        .replace("  Q3: {status: target}", "  Q3: {status: target, grdp: 8}")
        .replace("  Q4: {status: target}", "  Q4: {status: target, grdp: 12}"),
        encoding="utf-8",
    )
    check = json.loads(runner.invoke(app, ["check", "--targets", str(plan), "--format", "json"]).stdout)
    # FY = Σ V_q·G_q / Σ V_q over the quarters' GRDP volumes (1000, 1100, 1150, 1250)
    assert abs(check["periods"]["FY"]["grdp"] - (8 * 3250 + 12 * 1250) / 4500) < 1e-12


def test_sections_by_letter_in_a_semicolon_csv(tmp_path):
    import csv
    import io

    out = io.StringIO()
    w = csv.writer(out, delimiter=";", lineterminator="\r\n")  # as Excel with Vietnamese settings saves it
    w.writerow(["Ngành", "Quý I", "Quý II", "Quý III", "Quý IV"])
    for k, _, vi, _ in SECTIONS:
        w.writerow([f"{k.removeprefix('vsic_').upper()} - {vi}", "10,5", "11,5", "12,5", "13,5"])
    w.writerow(["Thuế sản phẩm trừ trợ cấp sản phẩm", "5", "5", "5", "5"])
    table = tmp_path / "nganh.csv"
    table.write_text(out.getvalue(), encoding="utf-8-sig")
    r = runner.invoke(
        app, ["init", str(tmp_path / "p"), "--region", "Tỉnh F", "--year", "2026", "--volumes", str(table)]
    )
    assert r.exit_code == 0, r.output
    text = (tmp_path / "p" / "targets_2026.yaml").read_text(encoding="utf-8")
    assert all(f"key: {k}, parent: {p}" in text for k, p, *_ in SECTIONS)
    rows = (tmp_path / "p" / "actuals_2025.csv").read_text(encoding="utf-8")
    assert ",Q3,vsic_c,12.5," in rows and ",Q1,product_taxes,5," in rows


def test_a_table_without_period_headings_is_refused_in_one_message(tmp_path):
    table = tmp_path / "x.csv"
    table.write_text("a,b\n1,2\n", encoding="utf-8")
    r = runner.invoke(app, ["init", str(tmp_path / "p"), "--region", "X", "--year", "2026", "--volumes", str(table)])
    assert r.exit_code == 2 and "Quý I" in r.stderr and not (tmp_path / "p").exists()
