from __future__ import annotations

import pytest

from grdp_scenario.calibrate import CURRENT_SOURCE, calibrate
from grdp_scenario.inputs.actuals import format_actuals
from grdp_scenario.inputs.plan import load_plan
from grdp_scenario.library import DEFAULT_ACTUALS, DEFAULT_TARGETS, data_path


def test_the_shipped_actuals_are_exactly_what_calibrate_produces():
    plan = load_plan(data_path(DEFAULT_TARGETS))
    produced = format_actuals(calibrate(plan).base, plan, CURRENT_SOURCE)
    assert data_path(DEFAULT_ACTUALS).read_text(encoding="utf-8") == produced


def test_every_printed_figure_is_reproduced_within_its_rounding():
    fit = calibrate(load_plan(data_path(DEFAULT_TARGETS)))
    assert len(fit.equations) == 13 and fit.unknowns == 12
    assert fit.max_abs_residual < 0.005
    assert all(v > 0 for v in fit.base.volume.values())


def test_fy_current_prices_follow_the_base_year_structure():
    fit = calibrate(load_plan(data_path(DEFAULT_TARGETS)))
    assert sum(fit.base.current.values()) == pytest.approx(277449)
    assert fit.base.current["services"] == pytest.approx(277449 * 0.4438)
