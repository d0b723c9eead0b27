"""The live workbook: rates and base volumes as cells, growth, goals and contributions as formulas.

The formulas are recalculated by a real spreadsheet engine (LibreOffice headless, from the distribution's
packages; ``.ci/run`` installs it) and compared with ``check`` and ``whatif``. Without LibreOffice those
tests are skipped, except where GRDP_REQUIRE_EXTERNAL is set (CI), where that is a failure.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.overrides import Override, resolve
from grdp_scenario.library import Plan, data_path

from conftest import converted_to_pdf

runner = CliRunner()
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
needs_libreoffice = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("GRDP_REQUIRE_EXTERNAL"), reason="LibreOffice is not installed"
)


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def recalculated(path, folder):
    """The workbook as LibreOffice computes it: converted (so recalculated) and read back as values."""
    assert SOFFICE is not None, "LibreOffice is required here (GRDP_REQUIRE_EXTERNAL)"
    out = folder / "recalculated"
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation=file://{folder}/lo-profile",
            "--headless",
            "--calc",
            "--convert-to",
            "xlsx",
            "--outdir",
            str(out),
            str(path),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    return load_workbook(out / path.name, data_only=True)


def table(ws):
    """{(row label, column label): value} of a sheet whose row 2 holds the column labels."""
    rows = list(ws.iter_rows(values_only=True))
    header = rows[1]
    return {(r[0], header[i]): v for r in rows[2:] if r[0] is not None for i, v in enumerate(r) if i and header[i]}


def set_rate(path, block: str, item_label: str, value: float) -> None:
    wb = load_workbook(path)
    ws = wb["Rates"]
    header = [c.value for c in ws[2]]
    row = next(r for r in range(3, ws.max_row + 1) if ws.cell(r, 1).value == block)
    ws.cell(row, header.index(item_label) + 1).value = value
    wb.save(path)


def outturn_9m(tmp_path):
    """An outturn with only the 9M GRDP published (the statistics office's first estimate)."""
    path = tmp_path / "outturn.csv"
    r = cli("record", "9M", "--grdp", "7.39", "--outturn", path)
    assert r.exit_code == 0, r.output
    return path


def test_the_format_follows_the_extension_and_numbers_carry_formats(tmp_path):
    out = tmp_path / "c.xlsx"
    r = cli("check", "--output", out, "--lang", "vi")
    assert r.exit_code == 0 and out.read_bytes()[:2] == b"PK"  # a zip: a workbook, not box-drawing text
    wb = load_workbook(out)
    assert wb.sheetnames[:6] == ["Tổng hợp", "Quy mô năm gốc", "Tốc độ tăng", "Tăng trưởng", "Mục tiêu", "Đóng góp"]
    rates = wb["Tốc độ tăng"]
    assert rates["D4"].value == 3.48 and rates["D4"].number_format == "0.00"  # Q3 agriculture, as printed
    assert rates["C4"].value.startswith("=")  # Q3's GRDP follows its sectors
    assert wb["Quy mô năm gốc"]["B3"].number_format == "#,##0"
    nominal = wb["Giá hiện hành"]  # a table of the tool's figures: formats as it printed them (312.624; 21,55)
    assert nominal["B3"].number_format == "#,##0" and nominal["C3"].number_format == "0.00"
    growth = wb["Tăng trưởng"]
    assert all(isinstance(c.value, str) and c.value.startswith("=SUMPRODUCT(") for c in growth[3][1:])


def test_a_mismatched_format_and_extension_is_refused(tmp_path):
    out = tmp_path / "c.xlsx"
    r = cli("check", "--output", out, "--format", "json")
    assert r.exit_code == 2 and "--format=json" in r.stderr and not out.exists()


OUTTURN = str(data_path("outturn_2025.csv"))  # the year published: FY 7.23 %, the goal missed


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--outturn", OUTTURN],
        ["whatif", "--set", "Q4.services=10"],
        ["required", "--goal", "11"],
    ],
)
def test_a_workbook_written_is_a_success_unless_the_verdict_is_asked_for(tmp_path, args):
    assert cli(*args).exit_code == 1  # on the terminal: the verdict's code (the goal is missed)
    out = tmp_path / "x.xlsx"
    assert cli(*args, "--output", out).exit_code == 0 and out.exists()
    out.unlink()
    assert cli(*args, "--output", out, "--verdict-exit").exit_code == 1 and out.exists()


def test_a_report_written_is_a_success_unless_the_verdict_is_asked_for(tmp_path):
    for name in ("r.html", "r.md", "r.xlsx"):
        assert cli("report", "--outturn", OUTTURN, "--output", tmp_path / name).exit_code == 0
        assert cli("report", "--outturn", OUTTURN, "--output", tmp_path / name, "--verdict-exit").exit_code == 1


@needs_libreoffice
@pytest.mark.parametrize("lang", ["en", "vi"])
def test_libreoffice_recalculates_what_check_says(tmp_path, lang):
    out = tmp_path / "c.xlsx"
    assert cli("check", "--output", out, "--lang", lang).exit_code == 0
    data = json.loads(cli("check", "--format", "json").stdout)
    wb = recalculated(out, tmp_path)
    sheets = wb.sheetnames
    growth, goals = table(wb[sheets[3]]), list(wb[sheets[4]].iter_rows(values_only=True))[2:]
    period_names = {
        "en": {},
        "vi": {
            "H1": "6 tháng đầu năm",
            "Q3": "Quý III",
            "Q4": "Quý IV",
            "9M": "9 tháng",
            "H2": "6 tháng cuối năm",
            "FY": "Cả năm",
        },
    }[lang]
    for period, figures in data["periods"].items():
        assert growth[("GRDP", period_names.get(period, period))] == pytest.approx(figures["grdp"], abs=1e-9)
    verdicts = {
        "en": {"met": "met", "within_rounding": "within rounding", "missed": "missed"},
        "vi": {"met": "Đạt", "within_rounding": "Trong phạm vi làm tròn", "missed": "Không đạt"},
    }[lang]
    projected = {"en": "{} (projected)", "vi": "{} (dự kiến)"}[lang]  # the year is not all actual yet
    said = [(projected if g["basis"] != "actual" else "{}").format(verdicts[g["verdict"]]) for g in data["goals"]]
    assert [g[6] for g in goals if g[0]] == said
    assert [g[3] for g in goals if g[0]] == pytest.approx([g["value"] for g in data["goals"]], abs=1e-9)


def edited(tmp_path, label: str, item: str, value: float):
    """The shipped plan's workbook with Q4's ``label`` row typed as ``value`` and recalculated by LibreOffice,
    beside what ``whatif --set Q4.<item>=<value>`` computes."""
    out = tmp_path / "c.xlsx"
    assert cli("check", "--output", out).exit_code == 0
    set_rate(out, "Q4", label, value)
    s = Plan.load()
    return recalculated(out, tmp_path), s.with_economy(resolve(s.economy, [Override("set", "Q4", item, value)])).check()


@needs_libreoffice
def test_an_edited_rate_gives_the_fy_of_whatif(tmp_path):
    wb, expected = edited(tmp_path, "Services", "services", 16.0)
    assert table(wb["Growth"])[("GRDP", "FY")] == pytest.approx(expected.value("FY", "grdp"), abs=1e-9)
    assert table(wb["Growth"])[("Services", "H2")] == pytest.approx(expected.value("H2", "services"), abs=1e-9)
    contributions = table(wb["Contributions"])
    assert contributions[("Services", "FY")] == pytest.approx(
        expected.periods["FY"].contributions["services"], abs=1e-9
    )
    summary = list(wb["Summary"].iter_rows(values_only=True))
    assert ("FY GRDP growth (%)", pytest.approx(expected.value("FY", "grdp"), abs=1e-9)) in summary


@needs_libreoffice
def test_a_typed_block_grdp_moves_its_sectors_as_whatif_does(tmp_path):
    """Q4's GRDP typed as 13.5 (the page allows it too): every Q4 sector moves by the same points, and the
    year follows as whatif --set Q4.grdp=13.5 says."""
    wb, expected = edited(tmp_path, "GRDP as typed (optional)", "grdp", 13.5)
    assert table(wb["Growth"])[("GRDP", "FY")] == pytest.approx(expected.value("FY", "grdp"), abs=1e-9)
    assert table(wb["Growth"])[("GRDP", "Q4")] == pytest.approx(13.5, abs=1e-9)
    assert table(wb["Growth"])[("Services", "Q4")] == pytest.approx(expected.value("Q4", "services"), abs=1e-9)


@needs_libreoffice
def test_with_a_published_9m_the_workbook_follows_check_and_whatif(tmp_path):
    outturn = outturn_9m(tmp_path)
    out = tmp_path / "c.xlsx"
    assert cli("check", "--output", out, "--outturn", outturn).exit_code == 0
    data = json.loads(cli("check", "--format", "json", "--outturn", outturn).stdout)
    wb = recalculated(out, tmp_path)
    growth = table(wb["Growth"])
    for period, figures in data["periods"].items():
        assert growth[("GRDP", period)] == pytest.approx(figures["grdp"], abs=1e-9), period
    set_rate(out, "Q4", "Services", 16)
    wb = recalculated(out, tmp_path)
    s = Plan.load(outturn=outturn)
    expected = s.with_economy(resolve(s.economy, [Override("set", "Q4", "services", 16.0)])).check()
    assert table(wb["Growth"])[("GRDP", "FY")] == pytest.approx(expected.value("FY", "grdp"), abs=1e-9)
    assert table(wb["Growth"])[("GRDP", "9M")] == pytest.approx(7.39)  # published: stays


@needs_libreoffice
def test_the_workbook_prints_one_a4_page_per_sheet_with_nothing_cut(tmp_path):
    """The report's workbook with the shipped outturn, printed by LibreOffice: one page per sheet, every
    sector's name and the title whole, no number shown as ###."""
    from grdp_scenario.library import data_path

    out = tmp_path / "bao-cao.xlsx"
    r = cli("report", "--output", out, "--lang", "vi", "--outturn", data_path("outturn_2025.csv"))
    assert r.exit_code == 0, r.output
    pdf, text = converted_to_pdf(out, tmp_path)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    pages = int(next(line.split()[-1] for line in info.splitlines() if line.startswith("Pages:")))
    assert pages == len(load_workbook(out).worksheets)
    words = " ".join(text.split())
    for name in ("Nông, lâm nghiệp và thủy sản", "Thuế sản phẩm trừ trợ cấp sản phẩm", "Thành phố Cần Thơ"):
        assert name in words, name
    assert "###" not in text


def test_every_column_of_the_live_goals_sheet_says_what_it_holds(tmp_path):
    out = tmp_path / "bao-cao.xlsx"
    assert cli("report", "--output", out, "--lang", "vi").exit_code == 0
    wb = load_workbook(out)
    goals = next(ws for ws in wb.worksheets if ws.title == "Mục tiêu")
    notes = [c.comment.text if c.comment else None for c in goals[2]]
    assert all(notes) and "trong phạm vi làm tròn" in notes[5]
