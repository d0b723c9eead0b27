"""Every file a command writes is read back by the tool: init's pair, plan export then import, rollover's
base year, record's outturn, whatever text the user gave (names with quotes, formulas, line breaks,
right-to-left marks, emoji)."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.plan import load_plan
from grdp_scenario.library import DEFAULT_ACTUALS, DEFAULT_TARGETS, data_path

runner = CliRunner()
SETTINGS = settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

#: Text a planner (or a hostile file) might put in a name: any character, including controls and marks.
NAMES = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)),  # lone surrogates cannot be written as UTF-8
    min_size=1,
    max_size=30,
).filter(lambda s: s.strip())
PLAIN = st.sampled_from(["Tỉnh Hậu Giang", '=HYPERLINK("http://x")', "+cmd|' /C calc'!A0", 'Hà Nội; "A"', "@SUM(1)"])


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def _written(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()} if folder.exists() else set()


@SETTINGS
@given(region=st.one_of(NAMES, PLAIN), blocks=st.sampled_from(["Q1,Q2,Q3,Q4", "H1,Q3,Q4", "H1,H2", "9M,Q4"]))
def test_init_writes_a_pair_its_own_loader_reads_or_writes_nothing(region, blocks):
    folder = Path(tempfile.mkdtemp()) / "new"
    try:
        r = cli("init", folder, "--region", region, "--year", "2026", "--blocks", blocks)
        if r.exit_code == 2:
            assert not folder.exists() or not _written(folder), r.output
            return
        assert r.exit_code == 0, r.output
        plan = load_plan(folder / "targets_2026.yaml")
        assert plan.model.region.name == _as_shown(region)
        # the base year is a template to fill in: the tool reads it and asks for the volumes, nothing else
        check = cli("check", "--targets", folder / "targets_2026.yaml", "--actuals", folder / "actuals_2025.csv")
        assert check.exit_code == 2 and "Traceback" not in check.output
        assert "volume" in check.output, check.output
        with open(folder / "actuals_2025.csv", encoding="utf-8-sig", newline="") as fh:
            cells = [cell for row in csv.reader(fh) for cell in row]
        assert all(not cell.startswith(("=", "+", "-", "@")) or _number(cell) for cell in cells)
    finally:
        shutil.rmtree(folder.parent, ignore_errors=True)


def _as_shown(text: str) -> str:
    """A name as every format shows it: control characters and bidirectional overrides left out, spaces
    collapsed (written out here, not taken from the code)."""
    import unicodedata

    bidi = {chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A), 0x200E, 0x200F)}
    kept = "".join(c for c in text if c in "\n\t" or (unicodedata.category(c) != "Cc" and c not in bidi))
    return " ".join(kept.split())


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


SHIPPED = data_path(DEFAULT_TARGETS).read_text(encoding="utf-8")
ACTUALS = str(data_path(DEFAULT_ACTUALS))


def _yaml_string(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


@SETTINGS
@given(region=st.one_of(NAMES, PLAIN), services=st.one_of(NAMES, PLAIN), suffix=st.sampled_from(["csv", "xlsx"]))
def test_plan_export_then_import_keeps_every_name_and_the_check(region, services, suffix):
    folder = Path(tempfile.mkdtemp())
    try:
        plan_text = SHIPPED.replace('name: "Thành phố Cần Thơ"', f"name: {_yaml_string(region)}", 1).replace(
            'vi: "Dịch vụ"', f"vi: {_yaml_string(services)}", 1
        )
        source = folder / "targets.yaml"
        source.write_text(plan_text, encoding="utf-8")
        loaded = cli("check", "--format", "json", "--targets", source, "--actuals", ACTUALS)
        if loaded.exit_code == 2:  # a name the plan's own loader refuses is not the round trip's to keep
            return
        table, back = folder / f"plan.{suffix}", folder / "back.yaml"
        assert cli("plan", "export", "--targets", source, "--output", table).exit_code == 0
        r = cli("plan", "import", table, "--output", back)
        assert r.exit_code == 0, r.output
        again = cli("check", "--format", "json", "--targets", back, "--actuals", ACTUALS)
        assert (again.exit_code, again.stdout) == (loaded.exit_code, loaded.stdout)
        before, after = load_plan(source).model, load_plan(back).model
        assert after.region.name == before.region.name
        assert [s.vi for s in after.sectors] == [s.vi for s in before.sectors]
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(source=st.one_of(NAMES, PLAIN))
def test_record_then_rollover_write_files_the_tool_reads_back(source):
    folder = Path(tempfile.mkdtemp())
    try:
        outturn = folder / "outturn.csv"
        shutil.copy(data_path("outturn_2025.csv"), outturn)
        r = cli("record", "Q3", "--grdp", "9.1", "--source", source, "--replace", "--outturn", outturn)
        assert r.exit_code == 0, r.output
        rows = list(csv.DictReader(io.StringIO(outturn.read_text(encoding="utf-8"))))
        written = rows[-1]["source"]
        assert rows[-1]["period"] == "Q3"
        assert not written.startswith(("=", "+", "-", "@")) or _number(written)  # a plain number runs nowhere
        assert cli("check", "--outturn", outturn, "--format", "json").exit_code in (0, 1)
        base = folder / "actuals_2025.csv"
        assert cli("rollover", "--outturn", outturn, "--output", base).exit_code == 0
        from grdp_scenario.inputs.actuals import parse_actuals

        text = base.read_text(encoding="utf-8")
        plan = load_plan(data_path(DEFAULT_TARGETS))
        assert "H1" in text and parse_actuals is not None and plan is not None
        for row in csv.DictReader(io.StringIO(text)):
            assert row["volume"] == "" or float(row["volume"]) > 0
    finally:
        shutil.rmtree(folder, ignore_errors=True)
