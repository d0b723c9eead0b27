"""The ``horizon`` document: the five-year verdict, each year's levels, the goals, what the remaining years need,
the prices the goals imply, and a chart of real and current-price GRDP against the end-year goals."""

from __future__ import annotations

from ...core.horizon import HORIZON_ITEMS, HorizonResult
from ..document import Cell, Document, Table
from ..svg import bar_chart
from ..wording import Wording
from .check import VERDICT_STYLE
from .common import rate_cell, verdict_word

#: Decimals a horizon figure is shown with, by item.
DECIMALS = {"average_growth": 2, "grdp_current": 0, "per_capita": 2, "per_capita_usd": 0, "population": 0}


def _amount(w: Wording, item: str, value: float | None, extra: int = 0) -> str:
    return w.number(value, DECIMALS[item] + extra, grouping=HORIZON_ITEMS[item] != "percent")


def horizon_document(result: HorizonResult, lang="en") -> Document:
    w = Wording(lang)
    h = result.horizon
    span = f"{h.first}–{h.last}"
    head = next((g for g in result.goals if g.item == "average_growth"), None)
    if head is None:
        text = w.label("no_headline", met=sum(g.met for g in result.goals), total=len(result.goals))
    else:
        text = w.label(
            "horizon_verdict",
            span=span,
            value=w.percent(head.value, 3),
            min=w.percent(head.min),
            verdict=verdict_word(w, head),
        )
    years = Table(
        "years",
        w.label("horizon_years_title", base=h.base_year),
        [w.label(k) for k in ("horizon_year", "status", "horizon_growth", "horizon_current", "population")]
        + [w.item("per_capita"), w.item("per_capita_usd")],
        column_keys=["year", "status", "grdp_growth", "grdp_current", "population", "per_capita", "per_capita_usd"],
    )
    for f in result.figures:
        years.add(
            Cell(str(f.year), f.year),
            Cell(w.status(f.status), f.status),
            rate_cell(w, f.growth),
            Cell(w.number(f.grdp_current, 0, grouping=True), f.grdp_current),
            Cell(w.number(f.population, 0, grouping=True), f.population),
            Cell(w.number(f.per_capita, 2), f.per_capita),
            Cell(w.number(f.per_capita_usd, 0, grouping=True), f.per_capita_usd),
        )
    tables = [years]
    shown = [f for f in result.figures if f.structure]
    if shown:
        structure = Table(
            "structure",
            w.label("horizon_structure_title"),
            [w.label("sector"), *[str(f.year) for f in shown]],
            column_keys=["sector", *[str(f.year) for f in shown]],
        )
        for s in shown[0].structure:
            structure.add(Cell(s, s), *[rate_cell(w, f.structure[s]) for f in shown])
        tables.append(structure)
    goals = Table(
        "goals",
        w.label("goals_title"),
        [w.label(k) for k in ("item", "horizon_year", "min", "value", "horizon_margin", "verdict")],
        column_keys=["item", "year", "min", "value", "margin", "verdict"],
    )
    for g in result.goals:
        goals.add(
            Cell(w.label(f"horizon_{g.item}"), g.item),
            Cell(str(g.year), g.year),
            Cell(_amount(w, g.item, g.min), g.min),
            Cell(_amount(w, g.item, g.value, 1 if g.item == "average_growth" else 0), g.value),
            Cell(_amount(w, g.item, g.margin, 1 if g.item == "average_growth" else 0), g.margin),
            Cell(verdict_word(w, g), g.verdict, VERDICT_STYLE[g.verdict]),
        )
    need = Table(
        "required",
        w.label("horizon_required_title"),
        [w.label("item"), w.label("horizon_required")],
        column_keys=["goal", "required"],
    )
    if result.required_average is not None:
        need.add(Cell(w.label("horizon_average_growth"), "average_growth"), rate_cell(w, result.required_average))
    for key, rate in result.required_levels.items():
        item = key.split(".")[0]
        need.add(Cell(w.label(f"horizon_{item}"), key), rate_cell(w, rate))
    notes = []
    if result.implied_deflator is not None:
        low, high = h.price_band
        notes.append(
            w.label(
                "horizon_implied_implausible" if result.implausible else "horizon_implied",
                rate=w.percent(result.implied_deflator),
                low=w.percent(low, 1),
                high=w.percent(high, 1),
                assumed=w.percent(h.years[0].price_growth, 1),
            )
        )
    notes.append(
        w.label(
            "horizon_assumptions",
            prices=w.percent(h.years[0].price_growth, 1),
            population=w.percent(h.years[0].population_growth, 1),
            fx=w.number(h.years[0].vnd_per_usd, 0, grouping=True) if h.years[0].vnd_per_usd else "–",
        )
    )
    if result.overrides:
        notes.append(
            w.label("horizon_overrides", items=", ".join(f"{y}: {w.percent(r)}" for y, r in result.overrides.items()))
        )
    if result.risk:
        r = result.risk
        notes.append(
            w.label(
                "horizon_risk",
                probability=w.percent(100 * r["probability"], 1),
                sd=w.number(r["sd"], 2),
                draws=w.number(r["draws"], 0, grouping=True),
            )
        )
    if h.document:
        notes.append(w.label("provenance_document", document=h.document))
    if result.made:
        from ... import __version__

        notes.append(w.label("provenance_made", date=w.date(result.made), tool=f"grdp-scenario {__version__}"))
    decimal = w.number(0.5, 1)[1]
    level = next((g for g in result.goals if g.item == "grdp_current"), None)
    # (title, the years' column, its name, the goal, the goal's name, unit): drawn in SVG for the page and as
    # native charts in the workbook, from this one list
    specs = [
        ("horizon_chart_current", "grdp_current", "horizon_current", level, "horizon_grdp_current", ""),
        ("horizon_chart_real", "grdp_growth", "horizon_growth", head, "horizon_average_growth", "%"),
    ]
    column = {"grdp_current": lambda f: f.grdp_current, "grdp_growth": lambda f: f.growth}
    charts = [
        (
            w.label(title),
            bar_chart(
                [str(f.year) for f in result.figures],
                {w.label(name): [column[key](f) for f in result.figures]},
                goal=None if goal is None else goal.min,
                goal_label=w.label(goal_name),
                unit=unit,
                decimal=decimal,
            ),
        )
        for title, key, name, goal, goal_name, unit in specs
    ]
    years.charts = [
        (w.label(title), [key], None if goal is None else goal.min, w.label("report_goal"))
        for title, key, _, goal, _, _ in specs
    ]
    ok = result.goal_met
    return Document(
        w.label("horizon_title", span=span, region=h.region_name),
        result.to_dict(),
        [*tables, goals, need],
        text,
        ok,
        notes,
        exit_code=0 if ok else 1,
        charts=charts,
    )
