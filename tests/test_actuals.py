"""The base-year CSV: Excel's files just work, bad ones are refused with their line."""

from __future__ import annotations

import pytest

from grdp_scenario.core.errors import InputError
from grdp_scenario.inputs.actuals import load_actuals
from grdp_scenario.inputs.join import economy_from_plan as from_plan
from grdp_scenario.inputs.plan import load_plan
from grdp_scenario.present.wording import error_text as said

from conftest import mini_targets, raises_saying

HEADER = "year,period,sector,volume,current,source\n"
ROWS = "2024,H1,a,10,,x\n2024,H1,b,20,,x\n2024,H2,a,12,,x\n2024,H2,b,25,,x\n"


@pytest.fixture
def plan(write):
    return load_plan(
        write(
            "t.yaml", mini_targets("  H1: {status: actual, a: 2.0, b: 8.0}\n  H2: {status: target, a: 3.0, b: 9.0}\n")
        )
    )


def test_excel_csv_with_bom_and_crlf(write, plan):
    data = ("\ufeff" + HEADER + ROWS).replace("\n", "\r\n").encode("utf-8")
    base = load_actuals(write("a.csv", data), plan)
    assert base.volume[("b", "H2")] == 25 and base.blocks == ["H1", "H2"]


def refused(write, plan, text) -> InputError:
    with pytest.raises(InputError) as info:
        load_actuals(write("a.csv", text), plan)
    assert "a.csv" in said(info.value)
    return info.value


@pytest.mark.parametrize(
    "row, needle, line",
    [
        ("2024,H1,a,-5,,x\n", "negative", 2),
        ("2024,H1,a,abc,,x\n", "not a number", 2),
        ("2024,H1,a,nan,,x\n", "is not a number", 2),
        ('2024,H1,a,"12,5",,x\n', "comma", 2),
        ("2024,H7,a,1,,x\n", "period 'H7'", 2),
        ("2024,H1,z,1,,x\n", "unknown sector 'z'. Use one of: a, b, b1", 2),
        ("2023,H1,a,1,,x\n", "base year 2024", 2),
    ],
)
def test_bad_cells(write, plan, row, needle, line):
    err = refused(write, plan, HEADER + row + ROWS)
    assert needle in said(err) and err.line == line


def test_duplicate_rows(write, plan):
    assert "appears twice" in said(refused(write, plan, HEADER + ROWS + "2024,H1,a,1,,x\n"))


def test_blocks_that_overlap_or_leave_quarters_uncovered(write, plan):
    assert "overlaps" in said(refused(write, plan, HEADER + ROWS + "2024,Q4,a,1,,x\n2024,Q4,b,1,,x\n"))
    assert "no block covers Q3, Q4" in said(refused(write, plan, HEADER + ROWS[:32]))


def test_current_prices_alone_are_never_used_as_weights(write, plan):
    err = refused(write, plan, HEADER + "2024,FY,a,,100,x\n2024,FY,b,,200,x\n")
    assert "current-price" in said(err) and "not growth weights" in said(err)


def test_missing_header_column(write, plan):
    assert "lacks the column(s) source" in said(refused(write, plan, "year,period,sector,volume,current\n"))


def test_growth_blocks_finer_than_the_volumes_cannot_be_weighted(write):
    plan = load_plan(
        write(
            "t.yaml",
            mini_targets(
                "  H1: {status: actual, a: 2.0, b: 8.0}\n  Q3: {status: target, a: 3.0, b: 9.0}\n"
                "  Q4: {status: target, a: 3.0, b: 9.0}\n"
            ),
        )
    )
    base = load_actuals(write("a.csv", HEADER + ROWS), plan)
    with raises_saying("H2 only as a whole"):
        from_plan(plan, base)


def test_growth_blocks_coarser_than_the_volumes_sum_them(write):
    plan = load_plan(write("t.yaml", mini_targets("  FY: {status: target, a: 2.0, b: 8.0}\n")))
    base = load_actuals(write("a.csv", HEADER + ROWS), plan)
    economy = from_plan(plan, base)
    # b1 has no volumes of its own: it is weighted by its parent's (a constant share of b).
    assert dict(economy.block("FY").volumes) == {"a": 22, "b": 45, "b1": 45}
    assert economy.proxied == {"b1"}
