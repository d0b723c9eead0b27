"""The report for leadership: the verdict, the quarterly path (plan vs published), contributions, what the
remaining quarters need, nominal GRDP per capita and structure, and the assumptions. Charts as inline SVG."""

from __future__ import annotations

from .. import periods
from ..analysis import movable_blocks, solve
from ..i18n import Lang, label, number, percent, period_label
from ..report import Cell, Document, Table
from ..svg import bar_chart
from .check import check_document, contributions_table
from .common import item_label, points_cell, rate_cell

TEXT = {
    "title": ("GRDP growth report {year}: {region}", "Báo cáo tăng trưởng GRDP năm {year}: {region}"),
    "path": ("Quarterly path: plan and published (%)", "Diễn biến theo quý: kế hoạch và thực hiện (%)"),
    "plan": ("Plan", "Kế hoạch"),
    "outturn": ("Published / implied", "Thực hiện / suy ra"),
    "difference": ("Difference (pp)", "Chênh lệch (điểm %)"),
    "goal": ("Goal", "Mục tiêu"),
    "now": ("Now (%)", "Hiện tại (%)"),
    "required": ("Required (%)", "Cần đạt (%)"),
    "need": ("What the remaining quarters need for {goal} in {period}", "Các quý còn lại cần đạt để {period} đạt {goal}"),
    "closed": ("No quarter is left to move: every block of the year is published.",
               "Không còn quý nào để điều chỉnh: tất cả các quý đã có số liệu."),
    "contrib_chart": ("Contributions to {period} GRDP growth by sector (points)",
                      "Đóng góp vào tăng trưởng GRDP {period} theo khu vực (điểm %)"),
}


def t(key: str, lang, **fields) -> str:
    en, vi = TEXT[key]
    return (vi if Lang(lang) is Lang.vi else en).format(**fields)


def report_document(plan_scenario, scenario, lang=Lang.en) -> Document:
    plan = scenario.plan
    planned, current = plan_scenario.check(), scenario.check()
    base = check_document(scenario, current, lang)
    shown = [p for p in periods.REPORTED if planned.periods[p].computable]
    published = lambda p: current.periods[p].status in ("actual", "estimate", "derived")  # noqa: E731
    path = Table("path", t("path", lang), [label("period", lang), t("plan", lang), t("outturn", lang),
                                             label("status", lang), t("difference", lang)],
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
    charts = [(t("path", lang), bar_chart([period_label(p, lang) for p in shown],
                                          {t("plan", lang): plan_values, t("outturn", lang): outturn_values},
                                          goal=goal, goal_label=f"{t('goal', lang)} ({period_label('FY', lang)})",
                                          decimal=decimal))]
    # Contributions need every block's sectors: published cumulative figures alone do not give them.
    fy_published = bool(current.periods["FY"].contributions)
    fy = current.periods["FY"] if fy_published else planned.periods["FY"]
    top = list(scenario.economy.top)
    charts.append((t("contrib_chart", lang, period=period_label("FY", lang)),
                   bar_chart([item_label(plan, s, lang).strip()[:22] for s in top],
                             {t("outturn" if fy_published else "plan", lang): [fy.contributions.get(s) for s in top]},
                             unit="pp",
                             decimal=decimal)))
    tables = [path]
    tables += [tb for tb in base.tables if tb.key in ("goals", "nominal")]
    contrib = contributions_table(plan, current if current.periods["FY"].contributions else planned, lang)
    if contrib:
        tables.append(contrib)
    notes = list(base.notes)
    if goal is not None:
        need = Table("required", t("need", lang, goal=percent(goal, lang), period=period_label("FY", lang)),
                     [label("item", lang), t("now", lang), t("required", lang), t("difference", lang)],
                     column_keys=["lever", "current", "required", "change"])
        if movable_blocks(scenario.economy):
            _, solutions = solve(scenario.economy, goal)
            for s in solutions:
                need.add(Cell(f"{period_label(s.lever.period, lang)} · {item_label(plan, s.lever.item, lang).strip()}",
                              f"{s.lever.period}.{s.lever.item}"), rate_cell(s.lever.current, lang),
                         rate_cell(s.required, lang, "bad" if s.flag else None), points_cell(s.change, lang, 3))
            tables.insert(1, need)
        else:
            notes.insert(0, t("closed", lang))
    region = scenario.economy.region_name
    return Document(t("title", lang, year=scenario.economy.year, region=region), current.to_json(), tables,
                    base.verdict, base.ok, notes, base.exit_code, charts)
