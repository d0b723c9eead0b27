"""Targets written into the plan's own text (inputs/targets_writer.py): only the figures that change change;
comments, order and layout stay; flow and block mappings both take new keys; the file reads back as meant."""

from __future__ import annotations

import difflib

from grdp_scenario.core.build import build
from grdp_scenario.core.goals import as_mapping, stated
from grdp_scenario.core.reconcile import open_blocks, reconcile
from grdp_scenario.inputs.plan import load_plan
from grdp_scenario.inputs.targets_writer import FileNotes, TextEdits, targets_text
from grdp_scenario.library import Plan

from conftest import QUARTERLY_ACTUALS

BLOCK_STYLE = """\
# A province that writes its plan in block style.
region: {key: x, name: "Tỉnh X"}
year: 2025
base_year: 2024
sectors:
  - {key: a, vi: "Nông nghiệp", en: Agriculture}
  - {key: b, vi: "Công nghiệp", en: Industry}
# goals of the province
goals:
  FY:
    grdp: 7
    a: 3
growth:
  Q1: {status: actual, a: 2.0, b: 8.0}
  Q2: {status: actual, a: 2.5, b: 8.5}
  Q3:
    status: target
    grdp: 5.0  # a GRDP-only target: build gives it sectors
  Q4: {status: target, grdp: 6.0}
base_year_growth: {a: 3.0, b: 9.0}
"""


def changed_lines(before: str, after: str) -> tuple[list[str], list[str]]:
    diff = list(difflib.ndiff(before.splitlines(), after.splitlines()))
    return [d[2:] for d in diff if d.startswith("- ")], [d[2:] for d in diff if d.startswith("+ ")]


def test_reconciling_the_shipped_plan_touches_only_its_target_lines(shipped, targets_text):
    result = reconcile(shipped.economy, shipped.goals)
    notes = FileNotes(blocks={"Q3": "note three", "Q4": "note four"}, published="recomputed")
    text = globals()["targets_text"](
        shipped.targets, shipped.base, result.economy, open_blocks(shipped.economy), 2, notes
    )
    removed, added = changed_lines(targets_text, text)
    assert [line.split(":")[0].strip() for line in removed] == ["Q3", "Q4", "9M", "H2"]
    assert [line.strip() for line in added if line.strip().startswith("#")] == [
        "# note three",
        "# note four",
        "# recomputed",
    ]
    q3 = next(line for line in added if line.strip().startswith("Q3:"))
    assert (
        "product_taxes: 6.62" in q3 and "services: 13.91" in q3 and "industry: 14.97" in q3
    )  # untouched stay as printed


def test_build_adds_sectors_to_block_and_flow_mappings_and_replaces_the_goals(write):
    t, a = write("x.yaml", BLOCK_STYLE), write("x.csv", QUARTERLY_ACTUALS)
    scenario = Plan.load(t, a)
    built = build(scenario.economy, stated({"FY": {"grdp": 8.0}}), "uplift", {"a": 3.0, "b": 9.0})
    notes = FileNotes(goals="old goals were FY grdp 7, a 3")
    text = targets_text(scenario.targets, scenario.base, built.economy, ["Q3", "Q4"], 2, notes, as_mapping(built.goals))
    assert "# A province that writes its plan in block style." in text
    assert "grdp: 5.0  # a GRDP-only target" not in text and "# a GRDP-only target: build gives it sectors" in text
    assert "  FY: {grdp: 8}\n" in text and "# old goals were FY grdp 7, a 3\n" in text and "    a: 3\n" not in text
    path = write("built.yaml", text)
    plan = load_plan(path)
    q3, q4 = plan.model.growth["Q3"], plan.model.growth["Q4"]
    assert set(q3.rates) == {"a", "b"} and set(q4.rates) == {"a", "b"}
    assert q3.rates == dict(built.economy.block("Q3").rates) and q4.grdp == built.economy.block("Q4").grdp
    assert plan.model.goals == {"FY": {"grdp": 8.0}}


def test_text_edits_at_the_same_place_keep_their_order():
    edits = TextEdits("a: {x: 1}\n")
    mapping = edits.node(("a",))
    edits.add(mapping, "y", "2")
    edits.add(mapping, "z", "3")
    edits.set(("a", "x"), "10")
    assert edits.result() == "a: {x: 10, y: 2, z: 3}\n"


def test_a_block_mapping_at_the_end_of_a_file_without_newline_takes_a_key():
    edits = TextEdits("a:\n  x: 1")
    edits.set(("a", "y"), "2")
    assert edits.result() == "a:\n  x: 1\n  y: 2"
