"""The report for leadership: the verdict, the quarterly path (plan vs published), contributions, what the
remaining quarters need, nominal GRDP per capita and structure, and the assumptions. Charts as inline SVG."""

from __future__ import annotations

from ...core import periods
from ..document import Cell, Document, Table
from ..svg import bar_chart
from ..wording import Wording
from .analysis import solution_cells
from .check import check_document, contributions_table, nominal_table
from .common import points_cell, rate_cell


def titled(w: Wording, title: str, with_outturn: bool, projected: bool) -> str:
    """A table's title saying whose figures it shows, once an outturn makes plan and projection differ."""
    if not with_outturn:
        return title
    return w.label("report_of_outturn" if projected else "report_of_plan", title=title)


def unbroken(name: str) -> str:
    """A short period name kept on one line in a chart ("Quý III", "9 tháng", "Cả năm")."""
    words = name.split()
    return "\u00a0".join(words) if len(words) == 2 else name


def report_document(result, lang="en") -> Document:
    """The report of a ``ReportResult``: the plan's check, the check with what was published, and what the
    open blocks require."""
    plan_scenario, scenario, planned, current, need = (
        result.plan,
        result.scenario,
        result.planned,
        result.current,
        result.need,
    )
    w = Wording(lang, scenario.targets)
    base = check_document(scenario, current, lang)
    shown = [p for p in periods.REPORTED if planned.periods[p].computable]
    published = lambda p: current.periods[p].status in ("actual", "estimate", "derived")  # noqa: E731
    path = Table(
        "path",
        w.label("report_path"),
        [
            w.label("period"),
            w.label("report_plan"),
            w.label("report_outturn"),
            w.label("status"),
            w.label("report_difference"),
        ],
        column_keys=["period", "plan", "outturn", "status", "difference"],
    )
    with_outturn = scenario is not plan_scenario
    plan_values, outturn_values = [], []
    for p in shown:
        a = planned.value(p, "grdp")
        # After an outturn every period has a figure: published, or projected from it and the plan.
        b = current.value(p, "grdp") if with_outturn or published(p) else None
        plan_values.append(a)
        outturn_values.append(b)
        path.add(
            Cell(w.period(p), p),
            rate_cell(w, a),
            rate_cell(w, b),
            Cell(w.status(current.periods[p].status), current.periods[p].status),
            points_cell(w, None if a is None or b is None else b - a),
        )
    headline = scenario.goal("FY", "grdp")
    goal = None if headline is None else headline.minimum
    decimal = w.number(0.5, 1)[1]
    series = {w.label("report_plan"): plan_values}
    if with_outturn:
        series[w.label("report_outturn")] = outturn_values
    roles = {w.label("report_plan"): "plan", w.label("report_outturn"): "published"}
    # after an outturn, a period not yet published is a projection from it and the plan: drawn as one
    ahead = {w.label("report_outturn"): [with_outturn and not published(p) for p in shown]}
    charts = [
        (
            w.label("report_path"),
            bar_chart(
                [unbroken(w.period(p)) for p in shown],
                series,
                goal=goal,
                decimal=decimal,
                goal_label=f"{w.label('report_goal')} ({w.period('FY')})",
                roles=roles,
                projected=ahead,
                projected_label=w.label("chart_projected"),
                goal_over=[shown.index("FY")] if "FY" in shown else None,  # the year's goal binds the year
            ),
        )
    ]
    # Contributions need every block's sectors: published cumulative figures alone do not give them, and
    # then the plan's stand in, said so in the title.
    fy_published = bool(current.periods["FY"].contributions)
    source = current if fy_published else planned
    top = list(scenario.economy.top)
    contrib_title = w.label("report_contrib_chart", period=w.period("FY"))
    charts.append(
        (
            titled(w, contrib_title, with_outturn, fy_published),
            bar_chart(
                [w.item(s) for s in top],
                {
                    w.label("report_outturn" if fy_published and with_outturn else "report_plan"): [
                        source.periods["FY"].contributions.get(s) for s in top
                    ]
                },
                unit=w.label("report_contrib_unit"),
                decimal=decimal,
                roles=roles,
            ),
        )
    )
    tables = [tb for tb in base.tables if tb.key == "growth"]  # the scenario by quarter and sector
    tables += [path]
    tables += [tb for tb in base.tables if tb.key == "goals"]
    nominal = next((tb for tb in base.tables if tb.key == "nominal"), None)
    projected = nominal is not None
    if nominal is None and with_outturn:  # the outturn leaves FY sectors unknown: the plan's figures stand in
        nominal, _ = nominal_table(w, planned)
    if nominal is not None:
        nominal.title = titled(w, nominal.title, with_outturn, projected)
        tables.append(nominal)
    contrib = contributions_table(w, source, titled(w, w.label("contrib_title"), with_outturn, fy_published))
    if contrib:
        tables.append(contrib)
    notes = list(base.notes)
    if goal is not None:
        table = Table(
            "required",
            w.label("report_need", goal=w.percent(goal), period=w.period("FY")),
            [
                w.label("item"),
                w.label("report_now"),
                w.label("report_required"),
                w.label("report_difference"),
                w.label("warning"),
            ],
            column_keys=["lever", "current", "required", "change", "warning"],
        )
        if need is not None:
            for s in need.solutions:
                table.add(*solution_cells(w, s))
            tables.insert(tables.index(path) + 1, table)
        else:
            notes.insert(0, w.label("report_closed"))
    region = scenario.economy.region_name
    return Document(
        w.label("report_title", year=scenario.economy.year, region=region),
        current.to_dict(),
        tables,
        base.verdict,
        base.ok,
        notes,
        base.exit_code,
        charts,
        live_factory=base.live_factory,
    )
