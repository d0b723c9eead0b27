"""The help page's layout, written without the parser (cli/help.py), is click's: the same short helps,
wrapped texts and definition lists for any text and width (click's own functions are the reference)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from typer._click.formatting import HelpFormatter, wrap_text
from typer._click.utils import make_default_short_help

from grdp_scenario.cli.help import _definitions, _short, _wrap

WORD = st.text(alphabet="abcdeđươ.,:-", min_size=1, max_size=14)
TEXT = st.lists(WORD, min_size=1, max_size=40).map(" ".join)
NAME = st.text(alphabet="-abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=36)


@settings(max_examples=250, deadline=None)
@given(text=TEXT, limit=st.integers(5, 90))
def test_a_short_help_is_clicks(text, limit):
    assert _short(text, limit) == make_default_short_help(text, limit)


@settings(max_examples=200, deadline=None)
@given(text=TEXT, width=st.integers(10, 120), indent=st.sampled_from(["", "  ", "Usage: grdp-scenario "]))
def test_a_wrapped_text_is_clicks(text, width, indent):
    assert _wrap(text, width, indent, " " * len(indent)) == wrap_text(
        text, width, initial_indent=indent, subsequent_indent=" " * len(indent)
    )


@settings(max_examples=200, deadline=None)
@given(rows=st.lists(st.tuples(NAME, TEXT), min_size=1, max_size=6), width=st.integers(50, 78))
def test_a_definition_list_is_clicks(rows, width):
    formatter = HelpFormatter(width=width)
    formatter.indent()
    formatter.write_dl(rows)
    assert "\n".join(_definitions(rows, width, 2)) + "\n" == formatter.getvalue()
