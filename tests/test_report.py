"""The report (HTML and Markdown), Excel export and Vietnamese formatting."""

from __future__ import annotations

import io
import shutil
import subprocess
import tempfile

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.text import spreadsheet_safe as safe_text
from grdp_scenario.present.document import Cell, Document, Table
from grdp_scenario.present.i18n import number, percent
from grdp_scenario.present.render import render
from grdp_scenario.scenario import data_path

runner = CliRunner()


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def test_vietnamese_number_formatting():
    assert number(10.0132, 2, "vi") == "10,01"
    assert number(277449, 0, "vi", grouping=True) == "277.449"
    assert number(-0.0049, 2, "vi", sign=True) == "+0,00"  # never "-0,00"
    assert percent(7.23, "vi") == "7,23%"
    assert number(312624.4, 0, "en", grouping=True) == "312,624"


def test_html_report_structure(tmp_path):
    out = tmp_path / "r.html"
    r = cli("report", "--output", out, "--outturn", data_path("outturn_2025.csv"), "--lang", "vi")
    assert r.exit_code == 1  # the year missed its goal
    html = out.read_text(encoding="utf-8")
    assert html.startswith('<!DOCTYPE html><html lang="vi">')
    verdict = html.index('class="verdict bad"')
    assert verdict < html.index("<svg") < html.index("<table")  # the verdict first, then the charts
    assert html.count("<svg") == 2 and "Không đạt mục tiêu" in html and "7,23" in html
    assert "http://" not in html.replace('xmlns="http://www.w3.org/2000/svg"', "") and "https://" not in html
    assert "Quý IV" in html and "suy ra" in html


def test_markdown_report_while_the_year_is_open(tmp_path):
    out = tmp_path / "r.md"
    assert cli("report", "--output", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert md.startswith("# GRDP growth report 2025: Thành phố Cần Thơ\n\n**GOAL MET")
    assert "## What the remaining quarters need for 10.00% in FY" in md
    assert "| Q4 · GRDP | 12.71 | 12.66 |" in md


def test_report_refuses_unknown_extensions(tmp_path):
    r = cli("report", "--output", tmp_path / "r.pdf")
    assert r.exit_code == 2 and "Use one of: .html, .md" in r.stderr and not (tmp_path / "r.pdf").exists()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="Chromium is not installed")
def test_the_html_report_renders_in_a_real_browser(tmp_path):
    out = tmp_path / "r.html"
    cli("report", "--output", out, "--outturn", data_path("outturn_2025.csv"))
    shot = tmp_path / "r.png"
    subprocess.run(
        [
            "chromium",
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            f"--user-data-dir={tempfile.mkdtemp()}",
            "--window-size=1000,1400",
            f"--screenshot={shot}",
            out.as_uri(),
        ],
        capture_output=True,
        timeout=90,
    )
    assert shot.exists() and shot.stat().st_size > 20_000  # a blank page is a few kB


def test_xlsx_export_keeps_numbers_and_neutralises_formulas(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "c.xlsx"
    assert cli("check", "--format", "xlsx", "--output", out).exit_code == 0
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Summary", "Growth"]
    growth = wb["Growth"]
    row = next(r for r in growth.iter_rows(values_only=True) if r[0] == "GRDP")
    assert row[-1] == pytest.approx(10.0133, abs=1e-4)  # a number, unrounded
    doc = Document('=HYPERLINK("http://x")', {}, [Table("t", "-t", ["@a", "b"], [[Cell("+1", "+1"), Cell("1", 1.0)]])])
    data = render(doc, "xlsx")
    sheet = load_workbook(io.BytesIO(data))["t"]
    assert sheet["A2"].value == "'@a" and sheet["A3"].value == "'+1" and sheet["B3"].value == 1.0
    assert load_workbook(io.BytesIO(data))["Summary"]["A1"].value.startswith("'=")
    assert safe_text("Dịch vụ") == "Dịch vụ"


def test_xlsx_needs_an_output_file():
    r = cli("check", "--format", "xlsx")
    assert r.exit_code == 2 and "--output" in r.stderr
