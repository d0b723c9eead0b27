"""The live model: what an HTML page or a workbook needs to recompute the figures as a reader edits rates.

The base volumes, the rates of every block, the published figures and the goals, as plain JSON-able data,
with the labels a reader sees. The page (render/whatif.js) and the workbook (render/xlsx_format.py) apply
the arithmetic of docs/method.md §1 and the override rule of §8 to it; tests compare both with the tool.
"""

from __future__ import annotations

from typing import Any

from ...core import periods
from ...core.evaluate import RESIDUAL, Evaluation
from ...core.overrides import open_blocks
from ...core.rounding import EPS
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


def live_model(evaluation: Evaluation, lang: str = "en", plan: Any = None) -> dict[str, Any]:
    """The economy behind ``evaluation``, its goals and the words to show them, as JSON-able data."""
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
            {"period": g.period, "item": g.item, "min": g.min, "slack": g.slack, "headline": g.headline}
            for g in evaluation.goals
        ],
        "eps": EPS,
        # What the what-if departs from: the plan, or what was published and what it projects.
        "baseline_label": w.label("report_outturn" if _with_outturn(e) else "report_plan"),
        "labels": {
            "items": {k: w.item(k) for k in ["grdp", *e.sector_keys, RESIDUAL]},
            "periods": {p: w.period(p) for p in periods.REPORTED},
            "statuses": {s: w.status(s) for s in ("actual", "estimate", "target", "derived", "mixed")},
            "verdicts": {v: w.label(f"goal_{v}") for v in ("met", "within_rounding", "missed")},
            "page": {k: w.label(k) for k in PAGE_LABELS},
        },
    }


def _with_outturn(economy) -> bool:
    return bool(economy.published) or any(b.source.startswith(("outturn:", "derived:")) for b in economy.blocks)
