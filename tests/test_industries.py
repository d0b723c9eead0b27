"""Three levels (GRDP → sector → industry, contract §2): a plan of the 21 VSIC 2018 sections with volumes of
their own gives the same sector and GRDP figures as the same plan collapsed to its four sectors (a sector's
volume the sum of its sections', its rate their volume-weighted rate, worked out here), in every command."""

from __future__ import annotations

import json
import math
import random

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.inputs.vsic import SECTIONS

runner = CliRunner()
SECTORS = ("agriculture", "industry_construction", "services", "product_taxes")
BLOCKS = ("H1", "Q3", "Q4")
NAMES = {"agriculture": "Nông nghiệp", "industry_construction": "Công nghiệp", "services": "Dịch vụ"}


def generated(seed: int):
    """Volumes and rates by section and block (H1 actual, Q3 and Q4 targets), at two decimals as printed."""
    rnd = random.Random(seed)
    leaves = [k for k, *_ in SECTIONS] + ["product_taxes"]
    volume = {(k, b): round(rnd.uniform(100, 5000), 1) for k in leaves for b in BLOCKS}
    rate = {(k, b): round(rnd.uniform(1, 15), 2) for k in leaves for b in BLOCKS}
    return volume, rate


def parent_of(key: str) -> str:
    return next((p for k, p, *_ in SECTIONS if k == key), key)


def collapsed(volume, rate):
    """The same economy in four sectors: sums of volumes, volume-weighted rates (contract §1)."""
    vol, num = {}, {}
    for (k, b), v in volume.items():
        s = parent_of(k)
        vol[(s, b)] = vol.get((s, b), 0.0) + v
        num[(s, b)] = num.get((s, b), 0.0) + v * rate[(k, b)]
    return vol, {c: num[c] / vol[c] for c in vol}


def plan_text(rate, industries: bool, goals: str = "FY: {grdp: 5}") -> str:
    sectors = [
        "  - {key: agriculture, vi: 'Nông, lâm nghiệp và thủy sản', en: 'Agriculture'}",
        "  - {key: industry_construction, vi: 'Công nghiệp - xây dựng', en: 'Industry and construction'}",
        "  - {key: services, vi: 'Dịch vụ', en: 'Services'}",
        "  - {key: product_taxes, vi: 'Thuế sản phẩm', en: 'Product taxes'}",
    ]
    if industries:
        sectors += [f"  - {{key: {k}, parent: {p}, vi: '{vi}', en: '{en}'}}" for k, p, vi, en in SECTIONS]
    growth = []
    for b in BLOCKS:
        status = "actual" if b == "H1" else "target"
        items = ", ".join(f"{k}: {r!r}" for (k, bb), r in rate.items() if bb == b)
        growth.append(f"  {b}: {{status: {status}, {items}}}")
    return (
        "\n".join(
            ["region: {key: tinh-c, name: 'Tỉnh C'}", "year: 2026", "base_year: 2025", "actuals: actuals_2025.csv"]
            + ["sectors:", *sectors, "goals:", f"  {goals}", "growth:", *growth]
        )
        + "\n"
    )


def actuals_text(volume) -> str:
    rows = [f"2025,{b},{k},{v!r},," for (k, b), v in volume.items()]
    return "year,period,sector,volume,current,source\n" + "\n".join(rows) + "\n"


@pytest.fixture(params=[1, 2, 3])
def pair(request, tmp_path):
    """The plan with 21 sections (only their rates given) and the same plan in four sectors."""
    volume, rate = generated(request.param)
    wide, narrow = tmp_path / "wide", tmp_path / "narrow"
    wide.mkdir()
    narrow.mkdir()
    (wide / "targets.yaml").write_text(plan_text(rate, True), encoding="utf-8")
    (wide / "actuals_2025.csv").write_text(actuals_text(volume), encoding="utf-8")
    vol, rates = collapsed(volume, rate)
    (narrow / "targets.yaml").write_text(plan_text(rates, False), encoding="utf-8")
    (narrow / "actuals_2025.csv").write_text(actuals_text(vol), encoding="utf-8")
    return wide / "targets.yaml", narrow / "targets.yaml", volume


def run(plan, *args):
    r = runner.invoke(app, [*args, "--targets", str(plan), "--format", "json"])
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)


def figures(check: dict) -> dict:
    """GRDP and the four sectors of every period (the sections' own figures left aside)."""
    return {
        p: {"grdp": v["grdp"], **{s: v["sectors"][s] for s in SECTORS if s in v["sectors"]}}
        for p, v in check["periods"].items()
    }


def same(a: dict, b: dict, tol: float = 1e-9) -> None:
    assert a.keys() == b.keys()
    for p in a:
        assert a[p].keys() == b[p].keys(), p
        for k in a[p]:
            assert a[p][k] == pytest.approx(b[p][k], abs=tol), (p, k)


def test_check_gives_the_same_sector_and_grdp_figures(pair):
    wide, narrow, _ = pair
    w, n = run(wide, "check"), run(narrow, "check")
    same(figures(w), figures(n))
    assert w["goals"][0]["verdict"] == n["goals"][0]["verdict"]
    assert "vsic_c" in w["periods"]["FY"]["sectors"]  # the sections have figures of their own


def test_whatif_on_a_sector_or_a_section_moves_the_same(pair):
    wide, narrow, _ = pair
    same(
        figures(run(wide, "whatif", "--set", "Q4.services=14")["scenario"]),
        figures(run(narrow, "whatif", "--set", "Q4.services=14")["scenario"]),
    )
    same(
        figures(run(wide, "whatif", "--shift", "Q3.grdp=1")["scenario"]),
        figures(run(narrow, "whatif", "--shift", "Q3.grdp=1")["scenario"]),
    )
    # one section moved: its sector moves by its share of the sector's volume (worked out from the file)


def test_a_section_moved_moves_its_sector_by_its_share(pair):
    wide, _, volume = pair
    moved = run(wide, "whatif", "--shift", "Q4.vsic_c=2")["scenario"]
    base = run(wide, "check")
    sector = [k for k, p, *_ in SECTIONS if p == "industry_construction"]
    share = volume[("vsic_c", "Q4")] / math.fsum(volume[(k, "Q4")] for k in sector)
    got = moved["periods"]["Q4"]["sectors"]["industry_construction"]
    assert got == pytest.approx(base["periods"]["Q4"]["sectors"]["industry_construction"] + 2 * share, abs=1e-9)
    assert moved["periods"]["Q4"]["sectors"]["vsic_c"] == pytest.approx(
        base["periods"]["Q4"]["sectors"]["vsic_c"] + 2, abs=1e-9
    )


def test_required_agrees_for_grdp_and_the_sectors(pair):
    """The wide plan has more levers (each section); those of GRDP and the four sectors need the same."""
    wide, narrow, _ = pair
    for args in (["required", "--goal", "9.5"], ["required", "--goal", "9.5", "--item", "services"]):
        w, n = run(wide, *args), run(narrow, *args)
        levers = ("grdp", *SECTORS)
        w_sol = {(s["period"], s["item"]): s["required"] for s in w["solutions"] if s["item"] in levers}
        n_sol = {(s["period"], s["item"]): s["required"] for s in n["solutions"] if s["item"] in levers}
        assert w_sol.keys() == n_sol.keys() and w_sol
        for key in w_sol:
            assert w_sol[key] == pytest.approx(n_sol[key], abs=1e-9), key
    assert any(s["item"] == "vsic_c" for s in run(wide, "required", "--goal", "9.5")["solutions"])


def test_build_and_reconcile_reach_the_same_grdp(pair):
    wide, narrow, _ = pair
    for args in (["build", "--goal", "10"], ["reconcile"]):
        w, n = run(wide, *args), run(narrow, *args)
        head_w = next(g for g in w["goals_after"] if g["period"] == "FY" and g["item"] == "grdp")
        head_n = next(g for g in n["goals_after"] if g["period"] == "FY" and g["item"] == "grdp")
        assert head_w["met"] and head_n["met"]
        # rounding each section to print moves the sums by less than a rounding unit
        assert head_w["value"] == pytest.approx(head_n["value"], abs=0.01)


def test_audit_passes_and_init_lays_out_the_21_sections(pair, tmp_path):
    wide, _, _ = pair
    assert runner.invoke(app, ["audit", "--targets", str(wide)]).exit_code == 0
    r = runner.invoke(app, ["init", str(tmp_path / "new"), "--region", "Tỉnh D", "--year", "2026", "--industries"])
    assert r.exit_code == 0, r.output
    text = (tmp_path / "new" / "targets_2026.yaml").read_text(encoding="utf-8")
    assert all(f"key: {k}, parent: {p}" in text for k, p, *_ in SECTIONS) and len(SECTIONS) == 21
    rows = (tmp_path / "new" / "actuals_2025.csv").read_text(encoding="utf-8").splitlines()
    assert sum(",Q1,vsic_" in r for r in rows) == 21 and sum(",Q1,services," in r for r in rows) == 0


@pytest.mark.parametrize("suffix", ["html", "xlsx", "docx", "md"])
def test_the_report_page_workbook_and_appendix_take_21_sections(pair, tmp_path, suffix):
    wide, _, _ = pair
    out = tmp_path / f"report.{suffix}"
    r = runner.invoke(app, ["report", "--targets", str(wide), "--output", str(out), "--lang", "vi"])
    assert r.exit_code == 0, r.output
    assert out.stat().st_size > 0
    if suffix in ("html", "md"):
        text = out.read_text(encoding="utf-8")
        assert "Công nghiệp chế biến, chế tạo" in text  # a section by its Vietnamese name
