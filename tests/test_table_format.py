"""The table format draws its boxes without rich (render/boxes.py) exactly as rich draws them: random
documents, at random widths, rendered both ways, are the same text, and in colour each character has the
style rich gives it (rich is the reference)."""

from __future__ import annotations

import os
import re
import sys
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from rich.cells import cell_len

from grdp_scenario.present.document import Cell, Document, Table
from grdp_scenario.present.render import boxes, table_format

#: Letters as plans write them (Vietnamese with its marks), blanks, figures and signs; a line break at times.
ALPHABET = "abcxyzĐđươạầễỳ ABC  0123456789.,;:()%–•≥<>-/\n"
WORD = st.text(alphabet=ALPHABET.replace("\n", "").replace(" ", ""), min_size=1, max_size=30)
TEXT = st.lists(st.one_of(WORD, st.sampled_from([" ", "  ", "\n"])), min_size=0, max_size=16).map("".join)
LABEL = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
FIGURE = st.floats(-1e6, 1e6, allow_nan=False).map(lambda x: Cell(f"{x:,.2f}", x))


@st.composite
def tables(draw) -> Table:
    columns = draw(st.integers(1, 7))
    table = Table(draw(LABEL), draw(TEXT), [draw(LABEL) for _ in range(columns)])
    numeric = [False] + [draw(st.booleans()) for _ in range(columns - 1)]
    for _ in range(draw(st.integers(0, 6))):
        table.rows.append([draw(FIGURE) if n else Cell(draw(TEXT), None) for n in numeric])
    return table


@st.composite
def documents(draw) -> Document:
    return Document(
        title=draw(TEXT),
        data={},
        tables=draw(st.lists(tables(), max_size=3)),
        verdict=draw(st.one_of(st.none(), TEXT)),
        ok=draw(st.sampled_from([True, False, None])),
        notes=draw(st.lists(TEXT, max_size=4)),
    )


SGR = re.compile(r"\x1b\[([0-9;]*)m")


def styles(text: str) -> list[tuple[str, frozenset[str]]]:
    """Each character as the terminal shows it, with the SGR codes in force on it (a blank's are not seen)."""
    shown, codes, at = [], frozenset(), 0
    for match in [*SGR.finditer(text), None]:
        end = match.start() if match else len(text)
        shown += [(c, frozenset() if c in " \n" else codes) for c in text[at:end]]
        if match:
            given = match.group(1)
            codes = frozenset() if given in ("", "0") else codes | set(given.split(";"))
            at = match.end()
    return shown


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents(), width=st.integers(40, 200))
@example(document=Document(title="", data={}, verdict="\n", ok=True), width=40)  # a box with no room for text
def test_boxes_draw_what_rich_draws(document, width):
    parts = [part for t in document.tables for part in table_format._stacked(t, width)]
    if table_format._drawable(document, parts, width):
        assert table_format._drawn(document, parts, width, {}) == table_format._rich(document, parts, width, False)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=documents(), width=st.integers(40, 200), no_color=st.booleans())
def test_boxes_colour_each_character_as_rich_does(document, width, no_color):
    parts = [part for t in document.tables for part in table_format._stacked(t, width)]
    if not table_format._drawable(document, parts, width):
        return
    with mock.patch.dict(os.environ, {"TERM": "xterm-256color"}):  # a terminal that has colours
        os.environ.pop("NO_COLOR", None)
        if no_color:
            os.environ["NO_COLOR"] = "1"
        codes = table_format.NO_COLOR_CODES if no_color else table_format.CODES
        ours = table_format._drawn(document, parts, width, codes)
        riches = table_format._rich(document, parts, width, True)
    assert styles(ours) == styles(riches)
    assert SGR.sub("", ours) == table_format._drawn(document, parts, width, {})  # the same characters


def test_every_character_boxes_draws_is_one_cell_wide_in_riches_measure():
    wide = [c for c in boxes.one_cell_characters() if cell_len(c) != 1 or cell_len(c * 3) != 3]
    assert not wide, wide[:20]


def test_the_shipped_plans_check_is_drawn_without_rich(monkeypatch):
    from grdp_scenario.library import Plan
    from grdp_scenario.present.views.check import check_document

    plan = Plan.load()
    document = check_document(plan, plan.check(False), "vi")
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    for width in (40, 80, 120):
        parts = [part for t in document.tables for part in table_format._stacked(t, width)]
        assert table_format._drawable(document, parts, width) or width == 40  # at 40 a table is too wide: rich
        assert table_format.render(document, "vi", width=width) == table_format._rich(document, parts, width, False)


def test_wide_characters_and_dumb_terminals_are_left_to_rich(monkeypatch):
    wide = Document(title="省 X", data={}, verdict="MET", ok=True)
    assert not table_format._drawable(wide, [], 80)
    assert "省 X" in table_format.render(wide, width=80)
    monkeypatch.setenv("TERM", "dumb")
    assert not table_format._colours_as_rich_would()
    monkeypatch.setenv("TERM", "xterm")
    assert table_format._colours_as_rich_would()
    document = Document(title="Tỉnh X", data={}, verdict="MET", ok=True)
    assert "\x1b[32m" in table_format.render(document, color=True, width=80)


@pytest.mark.parametrize("colour", [{}, {"FORCE_COLOR": "1", "TERM": "xterm"}], ids=["pipe", "terminal"])
def test_a_check_does_not_import_rich(colour):
    import subprocess

    code = (
        "import sys; sys.argv = ['grdp-scenario', 'check']\nfrom grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\nprint('RICH', 'rich' in sys.modules)"
    )
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")} | colour
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60, env=env)
    assert "RICH False" in done.stdout, done.stdout + done.stderr
    assert ("\x1b[32m" in done.stdout) == bool(colour)
