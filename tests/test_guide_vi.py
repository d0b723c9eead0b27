"""The Vietnamese user guide (docs/vi/huong-dan.md) runs as written: every `$ grdp-scenario …` line, in order,
in one folder holding the two input files the guide names, exits 0 or 1 (never 2, never a traceback)."""

from __future__ import annotations

import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from test_published import EXCEL_VI

GUIDE = Path(__file__).resolve().parents[1] / "docs" / "vi" / "huong-dan.md"
#: The statistics office's table the guide's `init --volumes` reads, as it comes (`;`, decimal commas).
TABLE = """Chỉ tiêu;Quý I;6 tháng;9 tháng;Cả năm
Nông, lâm nghiệp và thủy sản;100;190;300;420
Công nghiệp - xây dựng;300;640;990;1380
Dịch vụ;500;1060;1640;2250
Thuế sản phẩm trừ trợ cấp sản phẩm;100;210;320;450
"""


def commands() -> list[str]:
    return [line[2:] for line in GUIDE.read_text(encoding="utf-8").splitlines() if line.startswith("$ grdp-scenario ")]


def test_the_guide_has_a_command_for_every_step():
    names = {shlex.split(c)[1] for c in commands()}
    assert {"check", "record", "required", "report", "whatif", "build", "init", "plan", "horizon", "audit"} <= names


def test_every_command_of_the_guide_runs_as_written(tmp_path):
    (tmp_path / "grdp-2025.csv").write_text(TABLE, encoding="utf-8")
    (tmp_path / "cong-bo-2025.csv").write_text(EXCEL_VI, encoding="utf-8-sig")
    for line in commands():
        args = shlex.split(line)[1:]
        done = subprocess.run(
            [sys.executable, "-m", "grdp_scenario", *args], cwd=tmp_path, capture_output=True, text=True
        )
        assert done.returncode in (0, 1), (line, done.stderr)
        assert "Traceback" not in done.stderr, line
    for made in ("so-lieu.csv", "phu-luc.docx", "bao-cao.html", "bao-cao.xlsx", "ke-hoach.yaml"):
        assert (tmp_path / made).stat().st_size > 0, made
    assert (tmp_path / "tinh-moi" / "actuals_2025.csv").exists() and (
        tmp_path / "tinh-b" / "published_2025.csv"
    ).exists()


@pytest.mark.parametrize("word", ["Cài đặt", "record", "phu-luc.docx", "--industries"])
def test_the_guide_covers_install_to_report(word):
    assert word in GUIDE.read_text(encoding="utf-8")
