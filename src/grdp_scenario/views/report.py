"""The report for leadership: the verdict, the quarterly path (plan vs published), contributions, what the
remaining quarters need, nominal GRDP per capita and structure, and the assumptions. Charts as inline SVG."""

from __future__ import annotations

from .. import periods
from ..analysis import movable_blocks, solve
from ..i18n import Lang, label, percent, period_label
from ..report import Cell, Document, Table
from ..svg import bar_chart
from .check import check_document, contributions_table
from .common import item_label, points_cell, rate_cell

def report_document(plan_scenario, scenario, lang=Lang.en) -> Document:
    plan = scenario.plan
    planned, current = plan_scenario.check(), scenario.check()
    base = check_document(scenario, current, lang)
    shown = [p for p in periods.REPORTED if planned.periods[p].computable]
    published = lambda p: current.periods[p].status in ("actual", "estimate", "derived")  # noqa: E731
    path = Table("path", label("report_path", lang), [label("period", lang), label("report_plan", lang), label("report_outturn", lang),
                                             label("status", lang), label("report_difference", lang)],
                 column_keys=["period", "plan", "outturn", "status", "difference"])
    plan_values, outturn_values = [], []
    for p in shown:
        a = planned.value(p, "grdp")
        b = current.value(p, "grdp") if published(p) else None
        plan_values.append(a)
        outturn_values.append(b)
        path.add(Cell(period_label(p, lang), p), rate_cell(a, lang), rate_cell(b, lang),
                 Cell(label(current.periods[p].status, lang), current.periods[p].status),
                 points_cell(None if a is None or b is None else b - a, lang))
    goal = scenario.goals.get("FY", {}).get("grdp")
    decimal = "," if Lang(lang) is Lang.vi else "."
    series = {label("report_plan", lang): plan_values, label("report_outturn", lang): outturn_values}
    charts = [(label("report_path", lang),
               bar_chart([period_label(p, lang) for p in shown], series, goal=goal, decimal=decimal,
                         goal_label=f"{label('report_goal', lang)} ({period_label('FY', lang)})"))]
    # Contributions need every block's sectors: published cumulative figures alone do not give them.
    fy_published = bool(current.periods["FY"].contributions)
    fy = current.periods["FY"] if fy_published else planned.periods["FY"]
    top = list(scenario.economy.top)
    charts.append((label("report_contrib_chart", lang, period=period_label("FY", lang)),
                   bar_chart([item_label(plan, s, lang).strip()[:22] for s in top],
                             {label("report_outturn" if fy_published else "report_plan", lang):
                                  [fy.contributions.get(s) for s in top]},
                             unit="pp", decimal=decimal)))
    tables = [path]
    tables += [tb for tb in base.tables if tb.key in ("goals", "nominal")]
    contrib = contributions_table(plan, current if current.periods["FY"].contributions else planned, lang)
    if contrib:
        tables.append(contrib)
    notes = list(base.notes)
    if goal is not None:
        need = Table("required", label("report_need", lang, goal=percent(goal, lang), period=period_label("FY", lang)),
                     [label("item", lang), label("report_now", lang), label("report_required", lang), label("report_difference", lang)],
                     column_keys=["lever", "current", "required", "change"])
        if movable_blocks(scenario.economy):
            _, solutions = solve(scenario.economy, goal)
            for s in solutions:
                need.add(Cell(f"{period_label(s.lever.period, lang)} · {item_label(plan, s.lever.item, lang).strip()}",
                              f"{s.lever.period}.{s.lever.item}"), rate_cell(s.lever.current, lang),
                         rate_cell(s.required, lang, "bad" if s.flag else None), points_cell(s.change, lang, 3))
            tables.insert(1, need)
        else:
            notes.insert(0, label("report_closed", lang))
    region = scenario.economy.region_name
    return Document(label("report_title", lang, year=scenario.economy.year, region=region), current.to_json(), tables,
                    base.verdict, base.ok, notes, base.exit_code, charts)
