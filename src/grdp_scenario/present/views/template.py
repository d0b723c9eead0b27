"""The comments of a new plan (``init``), in the reader's language."""

from __future__ import annotations

from ...core.dataclass import dataclass
from ...inputs.template import Comments
from ..wording import Wording


def comments(lang, region: str, year: int) -> Comments:
    w = Wording(lang)
    return Comments(
        header=(
            w.label("init_header", region=region, year=year),
            w.label("init_numbers"),
            w.label("init_table", year=year),
        ),
        document=w.label("init_document"),
        goals=(w.label("init_goals", example="FY: {grdp: 8.0, agriculture: 3.5, services: 8.2}"),),
        growth=(
            w.label(
                "init_growth",
                example="Q1: {status: actual, grdp: 7.1, agriculture: 3.2, industry_construction: 9.0, "
                "services: 7.5, product_taxes: 5.0}",
            ),
            w.label("init_build"),
        ),
    )


@dataclass(frozen=True)
class HorizonComments:
    header: str
    base: str
    years: str
    assumptions: str
    goals: str


def horizon_comments(lang) -> HorizonComments:
    """The comments of a new horizon file, in the user's language."""
    w = Wording(lang)
    return HorizonComments(*(w.label(f"init_horizon_{k}") for k in ("header", "base", "years", "assumptions", "goals")))


def estimated_source(estimate, file: str, lang) -> str:
    """The base-year file's ``source`` for volumes estimated from published figures: how, and what was
    assumed."""
    w = Wording(lang)
    routes = ", ".join(w.label(f"estimated_route_{r}") for r in estimate.routes)
    parts = [w.label("estimated_source", file=file, routes=routes)]
    if estimate.assumed:
        parts.append(w.label("estimated_assumed", sectors=", ".join(w.item(s) for s in estimate.assumed)))
    if "current" in estimate.routes and "volume" not in estimate.routes:
        parts.append(w.label("estimated_structure"))
    return "; ".join(parts)
