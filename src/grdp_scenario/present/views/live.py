"""The live model: what an HTML page or a workbook needs to recompute the figures as a reader edits rates.

The base volumes, the rates of every block, the published figures and the goals, as plain JSON-able data,
with the labels a reader sees. The page (render/whatif.js) and the workbook (render/xlsx_format.py) apply
the arithmetic of docs/method.md §1 and the override rule of §8 to it; tests compare both with the tool.
"""

from __future__ import annotations

from typing import Any, Sequence

from ...core import periods
from ...core.affine import affine_map
from ...core.evaluate import RESIDUAL, Evaluation
from ...core.goals import PERCENT, find, linear_form
from ...core.overrides import allowed_items, allowed_periods, open_blocks
from ...core.rounding import EPS
from ..svg import ROLE_COLOURS
from ..wording import Wording

#: Words the page shows besides item and period names (catalogue keys).
PAGE_LABELS = (
    "whatif_link",
    "whatif_page_title",
    "whatif_page_intro",
    "whatif_page_fy",
    "whatif_page_reset",
    "whatif_page_closed",
    "whatif_page_scenario",
    "growth_title",
    "goals_title",
    "contrib_title",
    "item",
    "period",
    "min",
    "value",
    "margin",
    "verdict",
    "status",
    "report_goal",
    "whatif_bad_value",
    "whatif_bad_lever",
    "whatif_fixed",
    "whatif_conflict",
    "whatif_impossible",
)


def live_model(evaluation: Evaluation, goals: Sequence = (), lang: str = "en", plan: Any = None) -> dict[str, Any]:
    """The economy behind ``evaluation``, its goals (core/goals.Goal) and the words to show them, as JSON-able
    data: the base volumes and rates for the workbook's formulas, and the affine map (core/affine.py) the
    page's what-if resolves overrides over."""
    w = Wording(lang, plan)
    e = evaluation.economy
    open_names = set(open_blocks(e))
    return {
        "lang": w.lang.value,
        "decimal": w.number(0.5, 1)[1],
        "region_name": e.region_name,
        "year": e.year,
        "base_year": e.base_year,
        "top": list(e.top),
        "sectors": list(e.sector_keys),
        "parents": dict(e.parents),
        "proxied": sorted(e.proxied),
        "periods": {p: sorted(periods.quarters(p)) for p in periods.REPORTED},
        "blocks": [
            {
                "name": b.name,
                "quarters": sorted(b.quarters),
                "status": b.status,
                "open": b.name in open_names,
                "volumes": dict(b.volumes),
                "rates": dict(b.rates),
                "grdp": b.grdp,
            }
            for b in e.blocks
        ],
        "published": {p: dict(v) for p, v in e.published.items()},
        "published_status": dict(e.published_status),
        "goals": [
            {
                "period": g.period,
                "item": g.item,
                "min": g.min,
                "slack": g.slack,
                "headline": g.headline,
                "relative": g.relative,
                "unit": g.unit,
                "basis": g.basis,
                "linear": _linear(e, goals, g),
            }
            for g in evaluation.goals
        ],
        "eps": EPS,
        "affine": affine_dict(e, goals, evaluation.goals),
        # What the what-if departs from: the plan, or what was published and what it projects.
        "baseline_label": w.label("report_outturn" if _with_outturn(e) else "report_plan"),
        # The page's chart speaks the colours of the report's charts (present/svg.py): one meaning each.
        "chart": {
            "baseline": ROLE_COLOURS["published" if _with_outturn(e) else "plan"],
            "whatif": ROLE_COLOURS["whatif"],
        },
        "labels": {
            "items": {k: w.item(k) for k in ["grdp", *e.sector_keys, RESIDUAL, *(g.item for g in evaluation.goals)]},
            "periods": {p: w.period(p) for p in periods.REPORTED},
            "statuses": {s: w.status(s) for s in ("actual", "estimate", "target", "derived", "mixed")},
            "verdicts": {v: w.label(f"goal_{v}") for v in ("met", "within_rounding", "missed", "unknown")},
            # a verdict on a period not all actual is a projection, and says so
            "projected_verdicts": {
                v: w.label("verdict_projected", verdict=w.label(f"goal_{v}"))
                for v in ("met", "within_rounding", "missed")
            },
            "page": {k: w.label(k) for k in PAGE_LABELS},
        },
    }


def _linear(economy, goals: Sequence, judged) -> dict[str, Any] | None:
    """A level goal's linear form over the open rate cells (core/goals.linear_form), for the workbook: growth
    goals are formulas over the growth sheet instead."""
    goal = find(goals, judged.period, judged.item)
    if judged.unit == PERCENT or goal is None:
        return None
    form = linear_form(goal, economy)
    if form is None:
        return None
    value, terms = form
    rates = {b.name: b.rates for b in economy.blocks}
    return {
        "value": value,
        "terms": [
            [block, item, coef, rates[block].get(item, economy.block_grdp(economy.block(block)))]
            for (block, item), coef in terms.items()
        ],
    }


def affine_dict(economy, goals: Sequence, judged: Sequence) -> dict[str, Any]:
    """The affine map over the goals in the order the evaluation judged them (``goal.I`` is ``goals[I]``)."""
    order = {(g.period, g.item): i for i, g in enumerate(judged)}
    ordered = sorted(goals, key=lambda g: order.get((g.period, g.item), len(order)))
    out = affine_map(economy, ordered).to_dict()
    out["periods"] = allowed_periods(economy)
    out["items"] = allowed_items(economy)
    return out


def _with_outturn(economy) -> bool:
    return bool(economy.published) or any(
        b.source.startswith(("outturn:", "derived:", "spread:")) for b in economy.blocks
    )
