"""Bad targets files: each is refused with the file, the place and the fix."""

from __future__ import annotations

import pytest

from grdp_scenario.core.errors import InputError
from grdp_scenario.inputs.plan import load_plan
from grdp_scenario.present.wording import error_text as said

from conftest import mini_targets, raises_saying

GOOD_BLOCKS = """\
  H1: {status: actual, a: 2.0, b: 8.0, b1: 9.0}
  H2: {status: target, a: 3.0, b: 9.0}
"""


def refused(write, text, name="t.yaml") -> InputError:
    path = write(name, text)
    with pytest.raises(InputError) as info:
        load_plan(path)
    assert str(path) in said(info.value)
    return info.value


def test_a_good_small_plan_loads(write):
    plan = load_plan(write("t.yaml", mini_targets(GOOD_BLOCKS)))
    assert plan.top_level == ["a", "b"]
    assert plan.decimals("growth", "H1", "a") == 1


def test_yaml_syntax_error_names_the_line(write):
    err = refused(write, mini_targets(GOOD_BLOCKS) + "  Q4: {status: target, a: [1, 2\n")
    assert err.line is not None and "not valid YAML" in said(err)


@pytest.mark.parametrize(
    "bad, needle",
    [
        ("goalz:\n  FY: {grdp: 1}\n", "Did you mean 'goals'"),
        ("regoin: x\n", "Did you mean 'region'"),
    ],
)
def test_misspelt_top_level_keys_are_errors(write, bad, needle):
    err = refused(write, mini_targets(GOOD_BLOCKS) + bad)
    assert needle in said(err) and "unknown key" in said(err)


def test_misspelt_sector_in_a_block(write):
    err = refused(write, mini_targets(GOOD_BLOCKS.replace("b: 9.0}", "bb: 9.0}")))
    assert "unknown sector 'bb'" in said(err) and "Did you mean 'b'" in said(err)
    assert err.line == 12


def test_decimal_comma_in_block_style(write):
    text = mini_targets("  FY:\n    status: target\n    a: 13,91\n    b: 2.0\n")
    err = refused(write, text)
    assert "decimal comma" in said(err) and "13.91" in said(err) and err.line == 13


def test_decimal_comma_in_flow_style(write):
    err = refused(write, mini_targets("  FY: {status: target, a: 13,91, b: 2.0}\n"))
    assert "decimal comma" in said(err)


@pytest.mark.parametrize(
    "value, needle",
    [
        ("-100", "above -100"),
        ("-150.5", "above -100"),
        (".nan", "NaN"),
        ("abc", "not a number"),
        ("true", "is true/false, not a number"),
    ],
)
def test_impossible_rates(write, value, needle):
    err = refused(write, mini_targets(f"  FY: {{status: target, a: {value}, b: 2.0}}\n"))
    assert needle in said(err)


def test_overlapping_blocks(write):
    err = refused(write, mini_targets(GOOD_BLOCKS + "  Q4: {status: target, a: 1, b: 1}\n"))
    assert "overlaps" in said(err)


def test_uncovered_quarters(write):
    err = refused(write, mini_targets("  H1: {status: actual, a: 2.0, b: 8.0}\n  Q3: {status: target, a: 1, b: 1}\n"))
    assert "no block covers Q4" in said(err)


def test_a_sector_missing_from_a_block(write):
    err = refused(write, mini_targets("  FY: {status: target, a: 2.0}\n"))
    assert "lacks the rate of b" in said(err)


def test_unknown_status(write):
    err = refused(write, mini_targets("  FY: {status: planned, a: 2.0, b: 1.0}\n"))
    assert "actual" in said(err) and "growth.FY.status" in said(err)


@pytest.mark.parametrize(
    "content, needle",
    [
        ("", "is empty"),
        ("   \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "not a text file"),
        (b"caf\xe9: 1\n", "not UTF-8"),
        ("- 1\n- 2\n", "YAML mapping"),
    ],
)
def test_files_that_are_not_plans(write, content, needle):
    assert needle in said(refused(write, content))


def test_a_missing_file(tmp_path):
    with raises_saying("does not exist"):
        load_plan(tmp_path / "nope.yaml")


def test_the_shipped_plan_keeps_printed_precision(shipped):
    plan = shipped.targets
    assert plan.decimals("growth", "H1", "agriculture") == 1  # printed "2,8"
    assert plan.decimals("growth", "Q4", "services") == 2  # printed "14,80"
    assert plan.line("growth", "Q3", "services") is not None


@pytest.mark.parametrize(
    ("lang", "sentence"),
    [
        ("en", r"'actuall' is not one of 'actual', 'estimate', 'target'\."),
        ("vi", r"'actuall' không thuộc các giá trị 'actual', 'estimate', 'target'\."),
    ],
)
def test_a_value_not_among_those_allowed_is_listed_in_the_readers_language(write, lang, sentence):
    path = write("targets.yaml", mini_targets("  H1: {status: actuall, grdp: 5}\n  H2: {status: target, grdp: 6}"))
    with raises_saying(sentence, lang):
        load_plan(path)


@pytest.mark.parametrize(
    ("written", "sentence"),
    [
        ("[2025]", r"line 2 \(year\): a single value is expected here, not a list\."),
        ("{a: 1}", r"line 2 \(year\): a single value is expected here, not a mapping \(key: value\)\."),
    ],
)
def test_a_list_or_mapping_where_one_value_belongs_is_named_as_such(write, written, sentence):
    text = mini_targets(GOOD_BLOCKS).replace("year: 2025", f"year: {written}", 1)
    with raises_saying(sentence):
        load_plan(write("targets.yaml", text))
