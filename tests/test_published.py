"""Base-year weights from published figures (core/published.py, ``init --published``): tested against
economies whose quarterly levels are known (generated here), published as a statistics office prints them
(rates and points rounded to two decimals, volumes to whole billions), the levels then hidden."""

from __future__ import annotations

import json
import math

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.errors import InputError
from grdp_scenario.core.published import QUARTERS, Release, estimate_volumes

SECTORS = ("agriculture", "industry_construction", "services", "product_taxes")
CUMULATIVE = {"Q1": (1,), "Q2": (2,), "Q3": (3,), "Q4": (4,), "H1": (1, 2), "9M": (1, 2, 3), "FY": (1, 2, 3, 4)}
runner = CliRunner()


@st.composite
def economies(draw):
    """Levels of the year before (M) and the base year (L) by sector and quarter, as a province's might be:
    a seasonal profile per sector, growth of 0–12 % per sector and quarter."""
    prev, base = {}, {}
    for s in SECTORS:
        size = draw(st.floats(20, 400))
        season = [draw(st.floats(0.7, 1.4)) for _ in QUARTERS]
        for k, q in enumerate(QUARTERS):
            prev[(s, q)] = size * season[k]
            base[(s, q)] = prev[(s, q)] * (1 + draw(st.floats(0.0, 0.12)))
    return base, prev


def rate(base, prev, items, quarters) -> float:
    """Growth over the same period of the year before: Σ L / Σ M − 1, in percent (contract §1)."""
    cells = [(s, f"Q{q}") for s in items for q in quarters]
    return (math.fsum(base[c] for c in cells) / math.fsum(prev[c] for c in cells) - 1) * 100


def published(base, prev, decimals: int = 2, split: str = "volume") -> list[Release]:
    """What the statistics office prints: GRDP by quarter and cumulative, each sector's FY rate, and the split
    between sectors (FY volumes, or FY contribution points)."""
    half = 0.5 * 10**-decimals
    out = [
        Release(p, "grdp", "rate", round(rate(base, prev, SECTORS, qs), decimals), half) for p, qs in CUMULATIVE.items()
    ]
    for s in SECTORS:
        out.append(Release("FY", s, "rate", round(rate(base, prev, (s,), (1, 2, 3, 4)), decimals), half))
        if split == "volume":
            places = 0 if decimals <= 2 else decimals  # the yearbook prints whole billions
            volume = round(sum(base[(s, q)] for q in QUARTERS), places)
            out.append(Release("FY", s, "volume", volume, 0.5 * 10**-places))
        else:
            whole = math.fsum(prev.values())
            points = (sum(base[(s, q)] - prev[(s, q)] for q in QUARTERS)) / whole * 100
            out.append(Release("FY", s, "points", round(points, decimals), half))
    return out


def fy_of(volume, plan_rates) -> float:
    """FY GRDP growth of a plan that sets each quarter's GRDP growth: Σ V_q·G_q / Σ V_q (contract §1)."""
    quarter = {q: math.fsum(v for (s, qq), v in volume.items() if qq == q) for q in QUARTERS}
    return math.fsum(quarter[q] * plan_rates[q] for q in QUARTERS) / math.fsum(quarter.values())


def fy_range(estimate, plan_rates):
    """The range the estimate's variants give (the box rule of core/published.py, widened by half again as
    core/evaluate.py states it, written out here)."""
    value = fy_of(estimate.volume, plan_rates)
    half = sum(abs(fy_of(up, plan_rates) - fy_of(down, plan_rates)) / 2 for up, down in estimate.variants)
    return value - 1.5 * half, value + 1.5 * half


def spread_of_quarters(base, prev) -> float:
    rates = [rate(base, prev, SECTORS, (k,)) for k in (1, 2, 3, 4)]
    return min(abs(a - b) for i, a in enumerate(rates) for b in rates[i + 1 :])


PLAN_RATES = st.fixed_dictionaries({q: st.floats(8.0, 12.0) for q in QUARTERS})


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(economy=economies(), plan=PLAN_RATES)
def test_the_range_from_published_rounding_holds_the_exact_figure(economy, plan):
    base, prev = economy
    assume(spread_of_quarters(base, prev) >= 0.3)  # quarters a release can tell apart at two decimals
    try:
        estimate = estimate_volumes(published(base, prev), SECTORS)
    except InputError as refused:  # a quarter as fast as the months before it: its weight is not told
        assert refused.code == "published-quarters-close"
        return
    low, high = fy_range(estimate, plan)
    exact = fy_of(base, plan)
    assert low - 1e-9 <= exact <= high + 1e-9


def test_an_economy_shaped_like_ha_noi_2025_is_bracketed_and_says_how_loosely():
    """Quarterly growth near 7.41, 8.13, 8.85, 8.15 % as Hà Nội's 2025 (its levels are not published: these
    are made with a plain seasonal profile). Q4 grows about as fast as the nine months before it, so the FY
    rate barely tells Q4's weight: rates to two decimals leave the FY figure open by a tenth of a point, and
    the range says so instead of a precision the figures do not have."""
    growth = {"Q1": 7.41, "Q2": 8.13, "Q3": 8.85, "Q4": 8.15}
    share = {"agriculture": 0.025, "industry_construction": 0.20, "services": 0.665, "product_taxes": 0.11}
    season = {"Q1": 0.22, "Q2": 0.24, "Q3": 0.25, "Q4": 0.29}
    prev = {(s, q): 1_000_000 * share[s] * season[q] for s in SECTORS for q in QUARTERS}
    sector_shift = {"agriculture": -4.6, "industry_construction": -0.7, "services": 0.7, "product_taxes": -2.1}
    base = {(s, q): prev[(s, q)] * (1 + (growth[q] + sector_shift[s]) / 100) for s in SECTORS for q in QUARTERS}
    estimate = estimate_volumes(published(base, prev), SECTORS)
    plan = {"Q1": 10.2, "Q2": 10.8, "Q3": 11.3, "Q4": 11.6}  # a plan rising towards the fourth quarter
    exact = fy_of(base, plan)
    low, high = fy_range(estimate, plan)
    assert low <= exact <= high
    assert abs(fy_of(estimate.volume, plan) - exact) > 0.02 and high - low > 0.1  # wide, and said to be


def test_quarters_a_release_tells_apart_give_the_fy_figure_within_two_hundredths():
    """The same province with a fourth quarter unlike the nine months (a year that accelerates): the
    cumulative releases pin every quarter's weight, and the FY figure comes within 0.02 of the exact one."""
    growth = {"Q1": 6.2, "Q2": 7.4, "Q3": 8.6, "Q4": 9.8}
    share = {"agriculture": 0.025, "industry_construction": 0.20, "services": 0.665, "product_taxes": 0.11}
    season = {"Q1": 0.22, "Q2": 0.24, "Q3": 0.25, "Q4": 0.29}
    prev = {(s, q): 1_000_000 * share[s] * season[q] for s in SECTORS for q in QUARTERS}
    base = {(s, q): prev[(s, q)] * (1 + growth[q] / 100) for s in SECTORS for q in QUARTERS}
    estimate = estimate_volumes(published(base, prev), SECTORS)
    plan = {"Q1": 10.2, "Q2": 10.8, "Q3": 11.3, "Q4": 11.6}
    exact = fy_of(base, plan)
    assert abs(fy_of(estimate.volume, plan) - exact) <= 0.02
    low, high = fy_range(estimate, plan)
    assert low <= exact <= high


@settings(max_examples=30, deadline=None)
@given(economy=economies())
def test_unrounded_figures_give_back_the_quarter_weights_and_the_sector_split(economy):
    base, prev = economy
    assume(spread_of_quarters(base, prev) >= 0.1)
    estimate = estimate_volumes(published(base, prev, decimals=10), SECTORS, spread=False)
    total, true_total = math.fsum(estimate.volume.values()), math.fsum(base.values())
    for q in QUARTERS:
        got = math.fsum(v for (s, qq), v in estimate.volume.items() if qq == q) / total
        want = math.fsum(v for (s, qq), v in base.items() if qq == q) / true_total
        assert got == pytest.approx(want, abs=1e-6)
    for s in SECTORS:
        got = math.fsum(v for (ss, q), v in estimate.volume.items() if ss == s)
        assert got == pytest.approx(sum(base[(s, q)] for q in QUARTERS), rel=1e-6)


@settings(max_examples=25, deadline=None)
@given(economy=economies())
def test_contribution_points_give_the_split_between_sectors(economy):
    """Route b: a sector's share of the year before is its points over its rate; its base-year volume that
    share grown by its rate."""
    base, prev = economy
    assume(spread_of_quarters(base, prev) >= 0.1)
    estimate = estimate_volumes(published(base, prev, decimals=10, split="points"), SECTORS, spread=False)
    total = math.fsum(estimate.volume.values())
    for s in SECTORS:
        got = math.fsum(v for (ss, q), v in estimate.volume.items() if ss == s) / total
        want = sum(base[(s, q)] for q in QUARTERS) / math.fsum(base.values())
        assert got == pytest.approx(want, abs=1e-6)
    assert estimate.index  # no level was published: an index, only ratios matter


def test_quarterly_and_annual_rates_alone_leave_the_quarters_open_and_say_what_is_missing():
    releases = [Release(q, "grdp", "rate", r, 0.005) for q, r in zip(QUARTERS, (7.41, 8.13, 8.85, 8.15))]
    releases += [Release("FY", "grdp", "rate", 8.16, 0.005), Release("FY", "services", "volume", 100.0, 0.5)]
    with pytest.raises(InputError) as caught:
        estimate_volumes(releases, SECTORS)
    assert caught.value.code == "published-quarters-open"
    assert set(caught.value.fact.fields["periods"]) == {"H1", "9M"}


def test_a_split_between_sectors_is_required():
    releases = [Release(p, "grdp", "rate", 8.0 + k / 10, 0.005) for k, p in enumerate(CUMULATIVE)]
    with pytest.raises(InputError) as caught:
        estimate_volumes(releases, SECTORS)
    assert caught.value.code == "published-no-split"


# ----- the command line, as a new province uses it ---------------------------------------------------------
#: A province's releases about 2025, as Excel with Vietnamese settings saves them (';', decimal commas).
EXCEL_VI = """year;period;item;rate;points;volume;current;source
2025;Q1;grdp;7,41;;;;Cục Thống kê
2025;Q2;grdp;8,13;;;;
2025;6M;grdp;7,79;;;;
2025;Q3;grdp;8,85;;;;
2025;9M;grdp;8,17;;;;
2025;Q4;grdp;8,15;;;;
2025;FY;grdp;8,16;;;;
2025;FY;agriculture;3,55;;24.000;;Niên giám
2025;FY;industry_construction;7,46;;250.000;;
2025;FY;services;8,83;;780.000;;
2025;FY;product_taxes;6,04;;110.000;;
"""


def test_init_published_then_build_check_and_audit(tmp_path):
    source = tmp_path / "published.csv"
    source.write_text(EXCEL_VI, encoding="utf-8-sig")
    folder = tmp_path / "plan"
    r = runner.invoke(app, ["init", str(folder), "--region", "Tỉnh A", "--year", "2026", "--published", str(source)])
    assert r.exit_code == 0, r.output
    assert {p.name for p in folder.iterdir()} == {"targets_2026.yaml", "actuals_2025.csv", "published_2025.csv"}
    plan = folder / "targets_2026.yaml"
    built = runner.invoke(app, ["build", "--targets", str(plan), "--goal", "10", "--output", str(plan)])
    assert built.exit_code == 0, built.output
    assert "FY: {grdp: 10}" in plan.read_text(encoding="utf-8")  # the goal given is the plan's now
    check = runner.invoke(app, ["check", "--targets", str(plan), "--format", "json"])
    assert check.exit_code in (0, 1), check.output
    data = json.loads(check.stdout)
    low, high = data["weights"]["fy_grdp_range"]
    assert data["weights"]["estimated"] is True and low <= data["periods"]["FY"]["grdp"] <= high
    head = next(g for g in data["goals"] if g["period"] == "FY" and g["item"] == "grdp")
    if low < 10 <= high:
        assert head["verdict"] == "within_rounding"  # the range could flip it: never met or missed
    assert runner.invoke(app, ["audit", "--targets", str(plan)]).exit_code == 0
    table = runner.invoke(app, ["check", "--targets", str(plan), "--lang", "vi"])
    assert "published_2025.csv" in table.output and "trong khoảng từ" in table.output


def test_init_published_refuses_what_cannot_be_estimated_and_writes_nothing(tmp_path):
    source = tmp_path / "published.csv"
    source.write_text("year,period,item,rate\n2025,Q1,grdp,7.41\n2025,FY,grdp,8.16\n", encoding="utf-8")
    folder = tmp_path / "plan"
    r = runner.invoke(app, ["init", str(folder), "--region", "Tỉnh A", "--year", "2026", "--published", str(source)])
    assert r.exit_code == 2 and "volume" in r.stderr and not folder.exists()
    source.write_text("year,period,item,rate\n2024,FY,grdp,8.16\n", encoding="utf-8")
    r = runner.invoke(app, ["init", str(folder), "--region", "Tỉnh A", "--year", "2026", "--published", str(source)])
    assert r.exit_code == 2 and "published.csv, line 2" in r.stderr and "2025" in r.stderr
