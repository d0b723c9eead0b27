"""Worked examples from published figures."""

from __future__ import annotations

from types import MappingProxyType

import pytest

from grdp_scenario.core.economy import Block, Economy
from grdp_scenario.core.evaluate import period_result
from grdp_scenario.core.growth import weighted_growth


def test_the_plans_cumulative_figures_come_out_of_its_quarters(shipped):
    """Kế hoạch 34/KH-UBND, Phụ lục I row 1: 9 months 9.03, second half 11.90, from H1, Q3 and Q4."""
    e = shipped.check()
    assert round(e.value("9M", "grdp"), 2) == 9.03
    assert round(e.value("H2", "grdp"), 2) == 11.90
    for sector, printed in {
        "agriculture": 3.08,
        "industry_construction": 11.51,
        "services": 11.09,
        "product_taxes": 5.68,
    }.items():
        assert e.value("9M", sector) == pytest.approx(printed, abs=0.005)
    for sector, printed in {
        "agriculture": 4.12,
        "industry_construction": 15.32,
        "industry": 15.17,
        "services": 14.38,
        "product_taxes": 7.57,
    }.items():
        assert e.value("H2", sector) == pytest.approx(printed, abs=0.005)


def test_the_quarterly_targets_meet_ten_percent_by_about_a_hundredth(shipped):
    e = shipped.check()
    assert round(e.value("FY", "grdp"), 2) == 10.01
    assert e.goal_met() and not e.goal_met(strict=True)
    missed = {(g.period, g.item) for g in e.goals if not g.met}
    assert missed == {("FY", "agriculture"), ("FY", "industry_construction"), ("FY", "product_taxes"), ("H2", "grdp")}


def test_hanoi_nine_months_2024_contributions():
    """Hà Nội statistics office, 9 months 2024: GRDP +6.12 %; agriculture +2.47 % (0.05 points), industry-
    construction +5.74 % (1.15), services +6.76 % (4.53), product taxes +3.54 % (0.39). The volumes are the
    published contributions over the rates (C = L·g / ΣL), so the example checks the contribution formula
    and that the parts add up to the published total within the rounding of the printed figures."""
    rates = {"agriculture": 2.47, "industry_construction": 5.74, "services": 6.76, "product_taxes": 3.54}
    contrib = {"agriculture": 0.05, "industry_construction": 1.15, "services": 4.53, "product_taxes": 0.39}
    volumes = {s: contrib[s] / rates[s] for s in rates}
    top = tuple(rates)
    economy = Economy(
        "ha-noi",
        "Hà Nội",
        2024,
        2023,
        top,
        MappingProxyType({s: None for s in top}),
        (
            Block("9M", "actual", MappingProxyType(volumes), MappingProxyType(rates)),
            Block("Q4", "target", MappingProxyType(volumes), MappingProxyType(rates)),
        ),
    )
    res = period_result(economy, "9M")
    assert res.grdp == pytest.approx(6.12, abs=0.01)
    for s in rates:
        assert res.contributions[s] == pytest.approx(contrib[s], abs=0.005)
    assert sum(res.contributions.values()) == pytest.approx(res.grdp, abs=1e-12)


def test_current_price_shares_are_not_weights(shipped):
    """Weighting Q3 2025 by the 2024 current-price structure gives 11.51 %, not the published 11.08 %."""
    structure = shipped.targets.model.structure["base_year"]
    q3 = shipped.targets.model.growth["Q3"]
    wrong = weighted_growth((structure[s], q3.rates[s]) for s in shipped.targets.top_level)
    assert round(wrong, 2) == 11.51
    right = shipped.economy.sector_grdp(shipped.economy.block("Q3"))
    assert round(right, 2) == 11.08


def test_nominal_gdp_per_capita_and_structure(shipped):
    n = shipped.check().nominal
    assert sum(n.structure.values()) == pytest.approx(100)
    # The implied deflators turn the plan's own FY sector goals back into its nominal GRDP exactly;
    # the quarterly targets give slightly different sector growth, hence a slightly different figure.
    assert n.total == pytest.approx(312621, rel=1e-3)
    assert n.per_capita == pytest.approx(96.9, abs=0.05)
    assert n.inputs.deflator_source == "implied"


def test_the_library_returns_dataframes():
    from grdp_scenario import Plan

    e = Plan.load().check()
    frame = e.periods_frame()
    assert list(frame.index) == ["H1", "Q3", "Q4", "9M", "H2", "FY"]
    assert frame.loc["FY", "grdp"] == pytest.approx(e.value("FY", "grdp"))
    assert e.goals_frame()["met"].sum() == 7
