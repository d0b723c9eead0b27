from __future__ import annotations

import os
import re
from contextlib import contextmanager
from pathlib import Path

import pytest

from grdp_scenario.core.errors import InputError
from grdp_scenario.library import DEFAULT_ACTUALS, DEFAULT_TARGETS, Plan, data_path
from grdp_scenario.present.wording import error_text

ROOT = Path(__file__).resolve().parents[1]
# Every test process sees the same terminal: tables are as wide as in a wide terminal unless a test asks for
# a width (COLUMNS=80), whether the suite runs in one process or on both cores (pytest-xdist).
os.environ.setdefault("COLUMNS", "120")


def _built_once():
    """typer's test runner builds the application's command anew on every ``invoke`` (about 50 ms, most of
    an in-process test's time); the suite builds each application once. The command it builds is the same
    each time, and running it changes nothing in it (the CLI's own ``main`` is not on this path)."""
    import typer.testing

    build = typer.testing._get_command
    built: dict[int, tuple] = {}

    def get_command(app):
        if id(app) not in built:
            built[id(app)] = (app, build(app))  # the app held, so that its id stays its own
        return built[id(app)][1]

    typer.testing._get_command = get_command


_built_once()


@pytest.fixture(scope="session")
def shipped() -> Plan:
    return Plan.load()


@pytest.fixture
def targets_text() -> str:
    return data_path(DEFAULT_TARGETS).read_text(encoding="utf-8")


@pytest.fixture
def actuals_text() -> str:
    return data_path(DEFAULT_ACTUALS).read_text(encoding="utf-8")


@pytest.fixture
def write(tmp_path):
    """Write a file into tmp_path and return its path."""

    def _write(name: str, content: str | bytes) -> Path:
        path = tmp_path / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    return _write


MINI_TARGETS = """\
region: {key: test, name: Test}
year: 2025
base_year: 2024
sectors:
  - {key: a, vi: A, en: A}
  - {key: b, vi: B, en: B}
  - {key: b1, parent: b, vi: B1, en: B1}
goals:
  FY: {grdp: 5.0}
growth:
%s
"""


#: Base volumes of a plan by quarter: sectors a and b, Q1..Q4.
QUARTERLY_ACTUALS = "year,period,sector,volume,current,source\n" + "".join(
    f"2024,Q{q},{s},{v},,x\n"
    for q, vols in zip((1, 2, 3, 4), ((10, 20), (11, 21), (12, 22), (13, 25)))
    for s, v in zip("ab", vols)
)


def mini_targets(growth: str) -> str:
    return MINI_TARGETS % growth


@contextmanager
def raises_saying(pattern: str, lang: str = "en"):
    """Expect an InputError whose sentence, as the user reads it, matches ``pattern``."""
    with pytest.raises(InputError) as info:
        yield info
    text = error_text(info.value, lang)
    assert re.search(pattern, text), text


def converted_to_pdf(path, folder) -> tuple:
    """``path`` (a workbook or a Word document) printed to PDF by LibreOffice, and the PDF's text: what a
    finance department would get on paper. LibreOffice and pdftotext are required (CI installs them)."""
    import shutil
    import subprocess

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    pdftotext = shutil.which("pdftotext")
    assert soffice is not None and pdftotext is not None, "LibreOffice and pdftotext are required here (CI)"
    subprocess.run(
        [soffice, f"-env:UserInstallation=file://{folder}/lo", "--headless", "--convert-to", "pdf"]
        + ["--outdir", str(folder), str(path)],
        check=True,
        capture_output=True,
        timeout=120,
    )
    pdf = folder / (path.stem + ".pdf")
    text = subprocess.run([pdftotext, "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return pdf, text
