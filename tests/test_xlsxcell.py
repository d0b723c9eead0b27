"""A cell's number as its format shows it (inputs/xlsxcell.py): expected texts worked out by hand from the
format codes, as Excel displays them."""

from __future__ import annotations

import pytest

from grdp_scenario.inputs.xlsxcell import shown

CASES = [
    # value, format, shown text in the plan's units, the decimals are the planner's choice
    (0.11, "0%", "11"),  # "11%" typed in Excel: the goal 11, printed without decimals
    (0.0816, "0.00%", "8.16"),
    (0.0816, "0.00%;[Red]-0.00%", "8.16"),
    (14.8, "0.00", "14.80"),  # Phụ lục I prints 14,80
    (14.8, "0.00E+00", "14.8"),  # shows 1.48E+01: three significant digits, one decimal
    (0.000148, "0.00E+00", "0.000148"),
    (14.8, "0.0#", "14.8"),
    (14.85, "0.0#", "14.85"),
    (7.39, "#,##0.00", "7.39"),
    (14.8, '0.00" %"', "14.80"),  # a quoted % is a label, not a scaling
    (14.8, "0.00\\%", "14.80"),  # so is an escaped one
    (12_500_000_000, '0.0,,," tỷ"', "12500000000"),  # shown in billions: the value, to 0.1 billion
    (11, "0", "11"),
]


@pytest.mark.parametrize(("value", "number_format", "text"), CASES)
def test_a_number_reads_as_its_format_shows_it(value, number_format, text):
    got = shown(value, number_format)
    assert got.text == text and not got.general


def test_a_general_cell_keeps_its_own_digits_and_says_so():
    assert shown(14.8, "General").text == "14.8" and shown(14.8, "General").general
    assert shown(10.0, None).text == "10" and shown(10.0, None).general
