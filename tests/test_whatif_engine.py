"""One what-if engine: the page's (present/render/whatif.js, over core/affine.py's map) gives every figure
``grdp-scenario whatif`` gives, and refuses what it refuses, on hundreds of random override sets; run under
node, without a browser (tests/test_browser.py drives the page itself)."""

from __future__ import annotations

import json
import os
import random
import shutil
import subprocess
from importlib import resources
from pathlib import Path

import pytest

from grdp_scenario import InputError, Plan
from grdp_scenario.core.overrides import allowed_items, allowed_periods
from grdp_scenario.inputs.packaged import data_path
from grdp_scenario.present.views.live import live_model

RUNNER = Path(__file__).parent / "js" / "whatif_engine.js"
ENGINE = Path(str(resources.files("grdp_scenario.present.render") / "whatif.js"))
NODE = shutil.which("node")
if NODE is None:
    if os.environ.get("GRDP_REQUIRE_EXTERNAL"):
        pytest.fail("node is required here (.ci/run installs it)", pytrace=False)
    pytestmark = pytest.mark.skip("node is not installed")

#: Texts the CLI reads in its own way: each must be accepted or refused alike.
EDGES = ["12.5%", "1e1", "5000", "14,5", "−3", "10001", "-100", "-99.5", "abc", "", " 11 ", "1e400", "+2", ".5"]


def random_sets(plan: Plan, n: int, seed: int) -> list[list[str]]:
    """``n`` override sets on any lever whatif names (open or not), plausible values and the edge texts, with
    now and then a repeated lever or a period the data cannot give."""
    rng = random.Random(seed)
    e = plan.economy
    levers = [f"{p}.{i}" for p in allowed_periods(e) for i in allowed_items(e)]
    out = []
    for _ in range(n):
        chosen = rng.sample(levers, rng.randint(1, 3))
        if rng.random() < 0.05:
            chosen.append(chosen[0])
        if rng.random() < 0.03:
            chosen.append("Q1.grdp")
        texts = []
        for lever in chosen:
            value = rng.choice(EDGES) if rng.random() < 0.1 else f"{rng.uniform(-5, 25):.3f}"
            texts.append(f"{lever}={value}")
        out.append(texts)
    return out


def library_answer(plan: Plan, texts: list[str]) -> dict:
    """What the library gives for the same set: every figure the page names, or the refusal's code."""
    from grdp_scenario.core.affine import figure_values

    try:
        result = plan.whatif(set=texts)
    except InputError as exc:
        return {"problem": exc.code}
    judged = result.scenario.goals
    by_goal = {(g.period, g.item): g for g in judged}
    ordered = [by_goal[(g["period"], g["item"])] for g in live_model(plan.check(), plan.goals)["goals"]]
    goals = sorted(plan.goals, key=lambda g: [(o.period, o.item) for o in ordered].index((g.period, g.item)))
    return {"figures": figure_values(result.scenario.economy, goals), "verdicts": [g.verdict for g in ordered]}


def engine_answers(model: dict, sets: list[list[str]], tmp_path: Path) -> list[dict]:
    path = tmp_path / "model.json"
    path.write_text(json.dumps(model), encoding="utf-8")
    done = subprocess.run(
        [NODE, str(RUNNER), str(ENGINE), str(path)],
        input=json.dumps(sets),
        capture_output=True,
        text=True,
        check=True,
        timeout=120,
    )
    return json.loads(done.stdout)


def nine_months(tmp_path: Path) -> Path:
    """An outturn of a GRDP-only 9-month estimate, as ``record`` writes it: Q3 derived, Q4 still open."""
    from typer.testing import CliRunner

    from grdp_scenario.cli.app import app

    out = tmp_path / "outturn.csv"
    done = CliRunner().invoke(app, ["record", "9M", "--grdp", "7.39", "--status", "estimate", "--outturn", str(out)])
    assert done.exit_code == 0, done.output
    return out


def per_capita_targets(tmp_path: Path) -> Path:
    """The shipped plan with level goals: GRDP per capita in million VND and in USD, GRDP at current prices."""
    text = data_path("targets_2025.yaml").read_text(encoding="utf-8")
    text = text.replace("product_taxes: 6.50}\n", "product_taxes: 6.50, per_capita: 98, per_capita_usd: 3850}\n", 1)
    text = text.replace("  child_shares: {industry: 75}", "  child_shares: {industry: 75}\n  vnd_per_usd: 25400")
    path = tmp_path / "targets.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "case, lang, n, seed",
    [("plan", "en", 260, 1), ("plan", "vi", 50, 2), ("9M", "en", 90, 3), ("FY", "en", 30, 4), ("levels", "en", 70, 5)],
    ids=["plan-en", "plan-vi", "9M-estimate", "year-published", "per-capita-goals"],
)
def test_the_page_and_the_library_agree_on_every_figure_and_refusal(case, lang, n, seed, tmp_path):
    outturn = {"9M": lambda: nine_months(tmp_path), "FY": lambda: data_path("outturn_2025.csv")}.get(case)
    targets = per_capita_targets(tmp_path) if case == "levels" else None
    plan = Plan.load(targets, outturn=outturn() if outturn else None)
    model = live_model(plan.check(), plan.goals, lang, plan.targets)
    sets = random_sets(plan, n, seed)
    refused = 0
    for texts, page in zip(sets, engine_answers(model, sets, tmp_path)):
        mine = library_answer(plan, texts)
        assert ("problem" in page) == ("problem" in mine), (texts, page.get("problem"), mine.get("problem"))
        if "problem" in mine:
            refused += 1
            assert page["problem"] == mine["problem"], texts
            continue
        assert page["verdicts"] == mine["verdicts"], texts
        assert set(page["figures"]) == set(mine["figures"]), texts
        for name, value in mine["figures"].items():
            assert page["figures"][name] == pytest.approx(value, abs=1e-9 * max(1.0, abs(value))), (texts, name)
    # both kinds of answer were compared, except where the year is published and every lever is a fact
    assert 0 < refused < len(sets) or (case == "FY" and refused == len(sets))


def test_a_fragment_the_uri_cannot_decode_is_read_as_typed(tmp_path):
    plan = Plan.load()
    model = live_model(plan.check(), plan.goals, "en", plan.targets)
    (page,) = engine_answers(model, [["Q4.services=1%"]], tmp_path)
    assert "figures" in page  # "1%" is the rate 1 (a lone % in a fragment no longer stops the page)


#: Fragments the page and the CLI must refuse (or accept) alike, and why (issue of the third wave).
FRAGMENTS = [
    (["Q4.grdp=14", "Q4.grdp=15"], "override-twice"),
    (["Q4.grdp=14,5"], "number-decimal-comma"),
    (["Q1.grdp=5"], "period-not-computable"),
    (["Q4.servces=5"], "item-unknown"),
    (["H1.grdp=9"], "lever-fixed"),
    (["Q4.grdp=-100"], "rate-impossible"),
    (["Q4.grdp=10001"], "rate-implausible"),
    (["Q4.grdp"], "override-form"),
    (["Q4.grdp=12.5%"], None),
    (["Q4.grdp=1e1"], None),
    (["Q4.grdp=5000"], None),
    (["Q4.grdp=−3"], None),
    (["H2.grdp=12", "Q3.grdp=11", "Q4.grdp=13"], "overrides-conflict"),
]


@pytest.mark.parametrize("texts, code", FRAGMENTS, ids=lambda v: "&".join(v) if isinstance(v, list) else str(v))
def test_the_page_refuses_what_the_cli_refuses(texts, code, tmp_path):
    plan = Plan.load()
    model = live_model(plan.check(), plan.goals, "en", plan.targets)
    (page,) = engine_answers(model, [texts], tmp_path)
    mine = library_answer(plan, texts)
    assert page.get("problem") == mine.get("problem") == code
