"""Documents of the analyst commands: whatif, required, sensitivity, sweep, risk."""

from __future__ import annotations

from ...core import periods
from ..document import Cell, Document, Table
from ..wording import Wording
from .check import contributions_table, goals_table
from .common import points_cell, rate_cell, verdict


def flag_text(w: Wording, flag) -> str:
    """A required rate far outside the data, in words a planner reads."""
    if flag is None:
        return ""
    kind, distance, bound = flag
    if kind == "impossible":
        return w.label("flag_impossible")
    return w.label(f"flag_{kind}", distance=w.number(distance, 1), bound=w.percent(bound))


def solution_cells(w: Wording, s) -> list[Cell]:
    """A required rate as a row: lever, now, required, change, warning (shared by required and the report)."""
    return [
        Cell(w.lever(s.lever.period, s.lever.item), f"{s.lever.period}.{s.lever.item}"),
        rate_cell(w, s.lever.current),
        rate_cell(w, s.required, "bad" if s.flag else None),
        points_cell(w, s.change, 3, rising_is_good=False),
        warning_cell(w, s.flag),
    ]


def warning_cell(w: Wording, flag) -> Cell:
    """A rate far outside the data, in the reader's words (its English for machine formats)."""
    return Cell(flag_text(w, flag), flag_text(Wording("en", w.plan), flag) or None, "bad" if flag else None)


def override_text(w: Wording, o) -> str:
    lever = w.lever(o.period, o.item)
    if o.kind == "set":
        return w.label("override_set", lever=lever, value=w.percent(o.value))
    return w.label("override_shift", lever=lever, value=w.number(o.value, 2, sign=True))


def baseline_label(w: Wording, plan) -> str:
    """ "Plan", or "Published / projected" where an outturn was laid over the plan."""
    return w.label("report_outturn" if plan.sources else "baseline")


def whatif_document(scenario, result, lang="en", changed_only: bool = False) -> Document:
    baseline, changed, overrides = result.baseline, result.scenario, result.overrides
    w = Wording(lang, scenario.targets)
    text, ok = verdict(w, changed, w.label("assumes_whatif"))
    base_text, _ = verdict(w, baseline)
    shown = [p for p in periods.REPORTED if changed.periods[p].computable]
    table = Table(
        "whatif",
        w.label("whatif_table_outturn" if scenario.sources else "whatif_table"),
        # the baseline column is the plan, or what was published laid over it: headed as what it shows
        [w.label("item"), w.label("period"), baseline_label(w, scenario), w.label("scenario"), w.label("change_pp")],
        column_keys=["item", "period", "baseline", "scenario", "change"],
    )
    rows = []
    for item in ["grdp", *changed.economy.sector_keys]:
        for p in shown:
            a, b = baseline.value(p, item), changed.value(p, item)
            if a is None and b is None:
                continue
            diff = None if a is None or b is None else b - a
            rows.append(
                (
                    diff is not None and abs(diff) >= 0.0005,
                    [
                        Cell(w.item(item), item),
                        Cell(w.period(p), p),
                        rate_cell(w, a),
                        rate_cell(w, b),
                        points_cell(w, diff, 3),
                    ],
                )
            )
    # What changed first; the order within each group stays that of the items and periods.
    for moved, cells in sorted(rows, key=lambda r: not r[0]):
        if moved or not changed_only:
            table.add(*cells)
    tables = [table, goals_table(w, changed)]
    contrib = contributions_table(w, changed)
    if contrib:
        tables.append(contrib)
    notes = [
        w.label("changes", items="; ".join(override_text(w, o) for o in overrides)),
        w.label("baseline_verdict", text=base_text.replace("\n", " ")),
    ]
    # A child lever, or a parent whose child follows it, rests on the stated share (docs/method.md §1).
    shares = scenario.targets.model.assumptions.child_shares
    parents = changed.economy.parents
    touched = {o.item for o in overrides}
    for key in sorted(k for k in shares if k in touched or parents.get(k) in touched):
        share = w.percent(shares[key], 1)
        notes.append(w.label("child_share_note", child=w.item(key), parent=w.item(parents[key]), share=share))
    return Document(
        f"{w.label('whatif_title')} · {changed.economy.region_name} {changed.economy.year}",
        result.to_dict(),
        tables,
        text,
        ok,
        notes,
        exit_code=0 if ok else 1,
    )


def required_document(scenario, result, lang="en") -> Document:
    goal, goal_period, goal_item, current = result.goal, result.period, result.item, result.current
    gap, solutions = result.gap_pp, result.solutions
    w = Wording(lang, scenario.targets)
    what = w.growth_of(goal_period, goal_item)
    what = what[:1].upper() + what[1:]
    text = w.label(
        "required_met" if result.goal_met else "required_gap",
        what=what,
        value=w.percent(current, 3),
        goal=w.percent(goal),
        gap=w.number(abs(gap), 3),
    )
    table = Table(
        "required",
        w.label("required_table"),
        [w.label(k) for k in ("lever", "now", "required", "change", "weight", "warning")],
        column_keys=["lever", "current", "required", "change", "weight", "warning"],
    )
    for s in solutions:
        lever, now, need, change, flag = solution_cells(w, s)
        table.add(lever, now, need, change, Cell(w.number(s.lever.weight, 4), s.lever.weight), flag)
    notes = [w.label("flagged_note")] if any(s.flag for s in solutions) else []
    data = result.to_dict()
    return Document(
        f"{w.label('required_title')} · {scenario.economy.region_name}",
        data,
        [table],
        text,
        result.goal_met,
        notes,
        exit_code=0 if result.goal_met else 1,
    )


def sensitivity_document(scenario, result, lang="en") -> Document:
    w = Wording(lang, scenario.targets)
    what = w.growth_of(result.period, result.item)
    ordered = result.levers
    table = Table(
        "sensitivity",
        w.label("sensitivity_table", what=what),
        [w.label("lever"), w.label("pp_per_pp")],
        column_keys=["lever", "points_per_point"],
    )
    for lv in ordered:
        table.add(Cell(w.lever(lv.period, lv.item), f"{lv.period}.{lv.item}"), Cell(w.number(lv.weight, 4), lv.weight))
    return Document(f"{w.label('sensitivity_title')} · {what}", result.to_dict(), [table])


def sweep_document(scenario, result, lang="en") -> Document:
    w = Wording(lang, scenario.targets)
    data = result.to_dict()
    what = w.growth_of(result.goal_period, result.goal_item)
    table = Table(
        "sweep", w.label("sweep_title"), [w.label("measure"), w.label("value")], column_keys=["measure", "value"]
    )
    table.add(Cell(w.label("points"), "points"), Cell(w.number(result.points, 0, grouping=True), result.points))
    share = w.percent(100 * data["share_meeting_goal"], 1)
    table.add(Cell(w.label("share_meeting"), "share_meeting_goal"), Cell(share, data["share_meeting_goal"]))
    table.add(Cell(w.label("lowest", what=what), "min"), rate_cell(w, data["min"]))
    table.add(Cell(w.label("highest", what=what), "max"), rate_cell(w, data["max"]))
    b = data["boundary"]
    first = result.axes[0]
    if not b.get("line") and b.get(first.name) is not None:
        sign = "≥" if first.weight > 0 else "≤"
        boundary = f"{w.lever(first.period, first.item)} {sign} {w.number(b[first.name], 3)}"
    elif b.get("line"):
        line = b["line"]
        (xp, xi), (yp, yi) = (line["x"].split(".", 1), line["y"].split(".", 1))
        boundary = (
            f"{w.lever(yp, yi)} ≥ {w.number(line['intercept'], 3)} "
            f"{'−' if line['slope'] < 0 else '+'} {w.number(abs(line['slope']), 4)} × {w.lever(xp, xi)}"
        )
    else:
        boundary = "–"
    table.add(Cell(w.label("boundary"), "boundary"), Cell(boundary, boundary))
    text = w.label(
        "sweep_summary",
        points=w.number(result.points, 0, grouping=True),
        share=share,
        what=what,
        goal=w.percent(result.goal),
    )
    return Document(f"{w.label('sweep_title')} · {scenario.economy.region_name}", data, [table], text)


def risk_document(scenario, result, lang="en") -> Document:
    w = Wording(lang, scenario.targets)
    h = result.headline
    data = result.to_dict()
    mc = data["monte_carlo"]
    what = w.growth_of(h.period, h.item)
    text = w.label("risk_verdict", what=what, goal=w.percent(h.min), probability=w.percent(100 * h.probability, 1))
    if mc:
        text += w.label(
            "risk_mc", draws=w.number(mc["draws"], 0, grouping=True), probability=w.percent(100 * mc["probability"], 1)
        )
    goals = Table(
        "risk",
        w.label("risk_table"),
        [
            w.label("period"),
            w.label("item"),
            w.label("min"),
            w.label("mean"),
            w.label("stdev"),
            w.label("probability"),
            w.label("monte_carlo"),
        ],
        column_keys=["period", "item", "min", "mean", "stdev", "probability", "monte_carlo"],
    )
    for g in result.goals:
        m = result.mc_probability.get((g.period, g.item))
        goals.add(
            Cell(w.period(g.period), g.period),
            Cell(w.item(g.item), g.item),
            rate_cell(w, g.min),
            rate_cell(w, g.mean),
            Cell(w.number(g.stdev, 3), g.stdev),
            Cell(w.number(100 * g.probability, 1), g.probability),
            Cell(w.number(None if m is None else 100 * m, 1), m),
        )
    fan = Table(
        "fan", w.label("fan_title", what=what), [w.label("quantile"), w.label("grdp")], column_keys=["quantile", "grdp"]
    )
    for q, v in h.quantiles().items():
        fan.add(Cell(w.percent(float(q), 0), q), rate_cell(w, v))
    sds = ", ".join(f"{w.item(s)} {w.number(v, 2)}" for s, v in result.sd.items())
    rates = ", ".join(w.lever(b, s) for b, s in result.variables)
    notes = [w.label("risk_note", sds=sds, corr=w.number(result.corr, 2), rates=rates)]
    return Document(
        f"{w.label('risk_title')} · {scenario.economy.region_name}",
        data,
        [goals, fan],
        text,
        h.probability >= 0.5,
        notes,
    )
