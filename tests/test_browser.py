"""The HTML report in a real browser (Chromium, driven by Playwright): the what-if the page recomputes
gives what ``grdp-scenario whatif`` gives, from the URL fragment and from typed rates, and the page asks
the network for nothing.

Chromium comes from the distribution's packages (``.ci/run`` installs it). Without it these tests are
skipped, except where GRDP_REQUIRE_EXTERNAL is set (CI), where a missing browser is a failure.
"""

from __future__ import annotations

import os
import random
import shutil
import tempfile

import pytest
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.core.overrides import Override, resolve
from grdp_scenario.library import Plan, data_path
from grdp_scenario.present.i18n import number

from economies import shipped_volumes

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
if CHROMIUM is None:
    if os.environ.get("GRDP_REQUIRE_EXTERNAL"):
        pytest.fail("Chromium is required here (GRDP_REQUIRE_EXTERNAL) but not installed", pytrace=False)
    pytest.skip("Chromium is not installed", allow_module_level=True)
sync_api = pytest.importorskip("playwright.sync_api")  # in the [test] extra

ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def reports():
    folder = tempfile.mkdtemp()
    out = {}
    for lang in ("en", "vi"):
        path = os.path.join(folder, f"r-{lang}.html")
        result = CliRunner().invoke(app, ["report", "--output", path, "--lang", lang])
        assert result.exit_code == 0, result.output
        out[lang] = path
    path = os.path.join(folder, "r-outturn.html")
    result = CliRunner().invoke(app, ["report", "--output", path, "--outturn", str(data_path("outturn_2025.csv"))])
    assert result.exit_code == 0
    out["outturn"] = path
    yield out
    shutil.rmtree(folder)


def open_page(browser, path, fragment=""):
    """The page at ``path#fragment``, with every request it makes recorded (none is answered)."""
    page = browser.new_page()
    requests, errors = [], []
    page.on("request", lambda r: requests.append(r.url))
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.route("**/*", lambda route: route.continue_() if route.request.url.startswith("file:") else route.abort())
    page.goto(f"file://{path}" + (f"#{fragment}" if fragment else ""))
    page.wait_for_function("document.getElementById('fy-grdp').textContent !== ''")
    return page, requests, errors


def whatif_fy(sets: dict[str, float]) -> float:
    """FY GRDP growth as ``grdp-scenario whatif --set`` computes it (the same library call)."""
    s = Plan.load()
    overrides = [Override("set", *key.split("."), value) for key, value in sets.items()]
    return s.with_economy(resolve(s.economy, overrides)).check().value("FY", "grdp")


def sample_scenarios(n: int, seed: int = 12):
    """Random sets of rates for the open blocks (Q3, Q4): sectors, block GRDPs and a half-year."""
    rng = random.Random(seed)
    levers = [f"{p}.{i}" for p in ("Q3", "Q4") for i in ("agriculture", "industry_construction", "services")]
    levers += ["Q3.product_taxes", "Q4.product_taxes", "Q3.grdp", "Q4.grdp", "H2.grdp"]
    out = []
    while len(out) < n:
        chosen = rng.sample(levers, rng.randint(1, 3))
        if "H2.grdp" in chosen and ("Q3.grdp" in chosen and "Q4.grdp" in chosen):
            continue
        out.append({k: round(rng.uniform(-2.0, 20.0), rng.choice((0, 1, 2))) for k in chosen})
    return out


@pytest.mark.parametrize("lang", ["en", "vi"])
def test_the_fragment_of_the_contract_shows_whatif_fy(browser, reports, lang):
    page, requests, errors = open_page(browser, reports[lang], "Q4.services=16")
    shown = page.text_content("#fy-grdp")
    assert shown == number(whatif_fy({"Q4.services": 16.0}), 2, lang)
    # By hand: services' Q4 volume is this share of the year's; FY rises by 16 − 14.80 points times it.
    volumes = shipped_volumes()
    share = volumes[("Q4", "services")] / sum(volumes.values())
    by_hand = Plan.load().check().value("FY", "grdp") + (16 - 14.80) * share
    assert shown == number(by_hand, 2, lang)
    assert requests == [f"file://{reports[lang]}"] and not errors  # the page itself, nothing else
    page.close()


@pytest.mark.parametrize("sets", sample_scenarios(10))
def test_sampled_scenarios_agree_with_whatif_to_the_printed_precision(browser, reports, sets):
    fragment = "&".join(f"{k}={v}" for k, v in sets.items())
    page, requests, errors = open_page(browser, reports["vi"], fragment)
    assert page.text_content("#fy-grdp") == number(whatif_fy(sets), 2, "vi"), fragment
    assert page.is_hidden(".whatif-error") and not errors
    assert len(requests) == 1
    page.close()


def test_typing_a_rate_recomputes_and_writes_the_fragment(browser, reports):
    page, _, errors = open_page(browser, reports["en"])
    assert page.text_content("#fy-grdp") == number(Plan.load().check().value("FY", "grdp"), 2)
    page.fill("#set-Q3-grdp", "9")
    page.press("#set-Q3-grdp", "Enter")
    page.fill("#set-Q4-services", "16")
    page.press("#set-Q4-services", "Enter")
    assert page.evaluate("location.hash") == "#Q3.grdp=9&Q4.services=16"
    assert page.text_content("#fy-grdp") == number(whatif_fy({"Q3.grdp": 9.0, "Q4.services": 16.0}), 2)
    # the goals table follows: FY GRDP is now below 10 %
    verdict = page.text_content("#whatif .whatif-verdict")
    expected = Plan.load().whatif(set={"Q3.grdp": 9, "Q4.services": 16}).scenario.headline.verdict
    assert verdict.startswith({"met": "met", "missed": "missed", "within_rounding": "within rounding"}[expected])
    page.click("#whatif .whatif-reset")
    assert page.evaluate("location.hash") == "" and page.text_content("#fy-grdp") == "10.01"
    assert not errors
    page.close()


def test_what_cannot_hold_is_said_and_the_plan_stands(browser, reports):
    # H1 is actual: a fact, as `whatif --set H1.grdp=5` refuses without --counterfactual.
    page, _, errors = open_page(browser, reports["en"], "H1.grdp=5")
    assert "H1.grdp" in page.text_content(".whatif-error") and page.is_visible(".whatif-error")
    assert page.text_content("#fy-grdp") == "10.01"
    # A block's GRDP and every one of its sectors set: they cannot all hold (whatif exits 2).
    sets = "&".join(f"Q4.{k}=10" for k in ("agriculture", "industry_construction", "services", "product_taxes"))
    page.goto(f"file://{reports['en']}#{sets}&Q4.grdp=20")
    page.wait_for_function("!document.querySelector('.whatif-error').hidden")
    assert "Q4.services" in page.text_content(".whatif-error")  # as whatif names it: the last in order
    page.goto(f"file://{reports['en']}#Q4.services=abc")
    page.wait_for_function("!document.querySelector('.whatif-error').hidden")
    assert "Q4.services=abc" in page.text_content(".whatif-error")
    assert not errors
    page.close()


def test_with_every_quarter_published_the_page_says_nothing_is_left(browser, reports):
    page, requests, errors = open_page(browser, reports["outturn"])
    assert page.text_content("#fy-grdp") == number(
        Plan.load(outturn=data_path("outturn_2025.csv")).check().value("FY", "grdp"), 2
    )
    assert "no rate is left to change" in page.text_content("#whatif") and not errors
    assert len(requests) == 1
    page.close()


OVERLAPS = """
() => {
  const boxes = (svg, sel) => [...svg.querySelectorAll(sel)].map(e => {
    const b = e.getBoundingClientRect();
    return {text: e.textContent, x0: b.left, x1: b.right, y0: b.top, y1: b.bottom};
  });
  const meet = (a, b) => a.x0 < b.x1 - 0.5 && b.x0 < a.x1 - 0.5 && a.y0 < b.y1 - 0.5 && b.y0 < a.y1 - 0.5;
  const found = [];
  for (const svg of document.querySelectorAll("svg")) {
    const frame = svg.getBoundingClientRect();
    const texts = boxes(svg, "text"), bars = boxes(svg, "rect");
    texts.forEach((a, i) => {
      if (a.x0 < frame.left - 0.5 || a.x1 > frame.right + 0.5 || a.y0 < frame.top - 0.5 || a.y1 > frame.bottom + 0.5)
        found.push("cut: " + a.text);
      texts.slice(i + 1).forEach(b => { if (meet(a, b)) found.push(a.text + " × " + b.text); });
      bars.forEach(r => { if (meet(a, r)) found.push(a.text + " over a bar"); });
    });
  }
  return found;
}
"""


@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("outturn", [None, "9M", "year"])
def test_chart_labels_never_overlap_bars_or_each_other_and_are_never_cut(browser, tmp_path, lang, outturn):
    args = ["report", "--output", tmp_path / "r.html", "--lang", lang]
    if outturn == "9M":
        assert (
            CliRunner().invoke(app, ["record", "9M", "--grdp", "7.39", "--outturn", str(tmp_path / "o.csv")]).exit_code
            == 0
        )
        args += ["--outturn", tmp_path / "o.csv"]
    elif outturn == "year":
        args += ["--outturn", data_path("outturn_2025.csv")]
    assert CliRunner().invoke(app, [str(a) for a in args]).exit_code == 0
    page, _, errors = open_page(browser, str(tmp_path / "r.html"), "Q4.services=16" if outturn != "year" else "")
    assert page.locator("svg").count() == 3 and not errors
    assert page.evaluate(OVERLAPS) == []
    page.close()


def test_the_overlap_check_sees_an_overlap(browser):
    page = browser.new_page()
    page.set_content(
        '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><rect x="10" y="10" width="50" '
        'height="80"/><text x="20" y="50">on the bar</text><text x="150" y="50">cut off at the edge</text></svg>'
    )
    found = page.evaluate(OVERLAPS)
    assert "on the bar over a bar" in found and "cut: cut off at the edge" in found
    page.close()
