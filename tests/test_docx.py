"""``report --output FILE.docx``: the growth scenario as an appendix of an official document (Decree
30/2020/NĐ-CP: Times New Roman, A4 with margins of 20/20/30/15 mm, "Phụ lục" in bold, the title in capitals,
the italic "(Kèm theo …)" line), read back with python-docx, and converted to PDF by LibreOffice whose text
holds the figures as ``check`` prints them. Without LibreOffice's Writer and pdftotext the conversion test is
skipped, except under GRDP_REQUIRE_EXTERNAL (CI), where that is a failure."""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.library import data_path

from conftest import converted_to_pdf

runner = CliRunner()
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
PDFTOTEXT = shutil.which("pdftotext")
needs_converter = pytest.mark.skipif(
    (SOFFICE is None or PDFTOTEXT is None) and not os.environ.get("GRDP_REQUIRE_EXTERNAL"),
    reason="LibreOffice and pdftotext are not installed",
)
MM = 36000  # EMU per millimetre


def written(tmp_path, lang="vi", *extra):
    out = tmp_path / "phu-luc.docx"
    r = runner.invoke(app, ["report", "--output", str(out), "--lang", lang, *extra])
    assert r.exit_code == 0, r.output
    return out


def test_the_appendix_is_presented_as_decree_30_sets_out(tmp_path):
    from docx import Document

    doc = Document(str(written(tmp_path)))
    texts = [p.text for p in doc.paragraphs if p.text.strip()]
    assert texts[0] == "Phụ lục I"
    assert texts[1] == texts[1].upper() and "CẦN THƠ" in texts[1]
    assert texts[2].startswith("(Kèm theo Kế hoạch 34/KH-UBND ngày 19/8/2025")
    heading, title, attached = doc.paragraphs[0], doc.paragraphs[1], doc.paragraphs[2]
    assert all(r.bold and r.font.size.pt == 14 for p in (heading, title) for r in p.runs)
    assert all(r.italic for r in attached.runs)
    runs = [r for p in doc.paragraphs for r in p.runs]
    runs += [r for t in doc.tables for row in t.rows for c in row.cells for p in c.paragraphs for r in p.runs]
    assert runs and all(r.font.name == "Times New Roman" for r in runs)
    for section in doc.sections:
        assert {round(section.page_width / MM), round(section.page_height / MM)} == {210, 297}
        margins = [round(m / MM) for m in (section.top_margin, section.bottom_margin, section.left_margin)]
        assert margins == [20, 20, 30] and round(section.right_margin / MM) == 15


def test_the_tables_hold_the_scenario_by_sector_as_check_gives_it(tmp_path):
    from docx import Document

    doc = Document(str(written(tmp_path, "en")))
    check = json.loads(runner.invoke(app, ["check", "--format", "json"]).stdout)
    growth = doc.tables[0]
    header = [c.text for c in growth.rows[0].cells]
    assert header[0] == "Item" and header[-1] == "FY"
    rows = {r.cells[0].text.strip(): [c.text for c in r.cells] for r in growth.rows[1:]}
    for name, key in (("Services", "services"), ("Product taxes less subsidies", "product_taxes")):
        assert rows[name][header.index("Q4")] == f"{check['periods']['Q4']['sectors'][key]:.2f}"
    assert rows["GRDP"][header.index("FY")] == f"{check['periods']['FY']['grdp']:.2f}"


@needs_converter
def test_libreoffice_converts_it_to_pdf_with_the_figures_check_prints(tmp_path):
    path = written(tmp_path, "vi", "--outturn", str(data_path("outturn_2025.csv")))
    pdf, text = converted_to_pdf(path, tmp_path)
    check = runner.invoke(app, ["check", "--lang", "vi", "--outturn", str(data_path("outturn_2025.csv"))]).output
    assert "Phụ lục I" in text and "Kèm theo Kế hoạch 34/KH-UBND" in text
    assert "7,230%" in check and "7,230%" in text  # the headline, as check prints it
    fonts = subprocess.run(["pdffonts", str(pdf)], capture_output=True, text=True).stdout
    assert "LiberationSerif" in fonts or "TimesNewRoman" in fonts  # Times New Roman or its metric twin
