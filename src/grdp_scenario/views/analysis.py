"""Documents of the analyst commands: whatif, required, sensitivity, sweep, risk."""

from __future__ import annotations

from .. import periods
from ..evaluate import Evaluation
from ..i18n import Lang, label, number, percent, period_label
from ..report import Cell, Document, Table
from .check import contributions_table, goals_table
from .common import item_label, points_cell, rate_cell, verdict


def growth_of(plan, period: str, item: str, lang) -> str:
    """'FY GRDP' in English; 'tăng trưởng GRDP cả năm' in Vietnamese word order."""
    name = item_label(plan, item, lang).strip()
    if Lang(lang) is Lang.vi:
        return f"tăng trưởng {name if item == 'grdp' else name.lower()} {period_label(period, lang).lower()}"
    return f"{period} {name}"


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def flag_text(flag, lang) -> str:
    """A required rate far outside the data, in words a planner reads."""
    if flag is None:
        return ""
    kind, distance, bound = flag
    if kind == "impossible":
        return label("flag_impossible", lang)
    return label(f"flag_{kind}", lang, distance=number(distance, 1, lang), bound=percent(bound, lang))


def _lever_label(plan, period: str, item: str, lang) -> str:
    return f"{period_label(period, lang)} · {item_label(plan, item, lang).strip()}"


def whatif_document(scenario, baseline: Evaluation, changed: Evaluation, overrides, lang=Lang.en,
                    strict: bool = False) -> Document:
    plan = scenario.plan
    text, ok = verdict(plan, changed, lang, strict)
    base_text, _ = verdict(plan, baseline, lang, strict)
    shown = [p for p in periods.REPORTED if changed.periods[p].computable]
    table = Table("whatif", label("whatif_table", lang),
                  [label("item", lang), label("period", lang), label("baseline", lang), label("scenario", lang),
                   label("change_pp", lang)], column_keys=["item", "period", "baseline", "scenario", "change"])
    for item in ["grdp", *changed.economy.sector_keys]:
        for p in shown:
            a, b = baseline.value(p, item), changed.value(p, item)
            if a is None and b is None:
                continue
            diff = None if a is None or b is None else b - a
            table.add(Cell(item_label(plan, item, lang), item), Cell(period_label(p, lang), p), rate_cell(a, lang),
                      rate_cell(b, lang), points_cell(diff, lang, 3))
    tables = [table, goals_table(plan, changed, lang)]
    contrib = contributions_table(plan, changed, lang)
    if contrib:
        tables.append(contrib)
    notes = [label("changes", lang, items="; ".join(str(o) for o in overrides)),
             label("baseline_verdict", lang, text=base_text.replace("\n", " "))]
    data = {"baseline": baseline.to_json(strict), "scenario": changed.to_json(strict),
            "overrides": [{"kind": o.kind, "period": o.period, "item": o.item, "value": o.value} for o in overrides]}
    return Document(f"{label('whatif_title', lang)} · {changed.economy.region_name} {changed.economy.year}", data,
                    tables, text, ok, notes, exit_code=0 if ok else 1)


def required_document(scenario, goal: float, goal_period: str, goal_item: str, current: float, gap: float,
                      solutions, lang=Lang.en) -> Document:
    plan = scenario.plan
    what = _capital(growth_of(plan, goal_period, goal_item, lang))
    text = label("required_met" if gap <= 0 else "required_gap", lang, what=what, value=percent(current, lang, 3),
                 goal=percent(goal, lang), gap=number(abs(gap), 3, lang))
    table = Table("required", label("required_table", lang),
                  [label(k, lang) for k in ("lever", "now", "required", "change", "weight", "warning")],
                  column_keys=["lever", "current", "required", "change", "weight", "warning"])
    for s in solutions:
        table.add(Cell(_lever_label(plan, s.lever.period, s.lever.item, lang), f"{s.lever.period}.{s.lever.item}"),
                  rate_cell(s.lever.current, lang), rate_cell(s.required, lang, "bad" if s.flag else None),
                  points_cell(s.change, lang, 3), Cell(number(s.lever.weight, 4, lang), s.lever.weight),
                  Cell(flag_text(s.flag, lang), flag_text(s.flag, "en") or None, "bad" if s.flag else None))
    notes = [label("flagged_note", lang)] if any(s.flag for s in solutions) else []
    data = {"goal": goal, "period": goal_period, "item": goal_item, "current": current, "gap_pp": gap,
            "solutions": [{"period": s.lever.period, "item": s.lever.item, "required": s.required,
                           "current": s.lever.current, "change_pp": s.change, "weight": s.lever.weight,
                           "warning": flag_text(s.flag, "en") or None} for s in solutions]}
    return Document(f"{label('required_title', lang)} · {scenario.economy.region_name}", data, [table], text,
                    gap <= 0, notes, exit_code=0 if gap <= 0 else 1)


def sensitivity_document(scenario, goal_period: str, goal_item: str, lever_list, lang=Lang.en) -> Document:
    plan = scenario.plan
    what = growth_of(plan, goal_period, goal_item, lang)
    ordered = sorted(lever_list, key=lambda lv: -abs(lv.weight))
    table = Table("sensitivity", label("sensitivity_table", lang, what=what),
                  [label("lever", lang), label("pp_per_pp", lang)], column_keys=["lever", "points_per_point"])
    for lv in ordered:
        table.add(Cell(_lever_label(plan, lv.period, lv.item, lang), f"{lv.period}.{lv.item}"),
                  Cell(number(lv.weight, 4, lang), lv.weight))
    data = {"period": goal_period, "item": goal_item,
            "sensitivities": [{"block": lv.period, "item": lv.item, "points_per_point": lv.weight} for lv in ordered]}
    return Document(f"{label('sensitivity_title', lang)} · {what}", data, [table])


def sweep_document(scenario, result, lang=Lang.en) -> Document:
    data = result.to_json()
    what = growth_of(scenario.plan, result.goal_period, result.goal_item, lang)
    table = Table("sweep", label("sweep_title", lang), ["", ""], column_keys=["measure", "value"])
    table.add(Cell(label("points", lang), "points"), Cell(number(result.points, 0, lang, grouping=True), result.points))
    share = percent(100 * data["share_meeting_goal"], lang, 1)
    table.add(Cell(label("share_meeting", lang), "share_meeting_goal"), Cell(share, data["share_meeting_goal"]))
    table.add(Cell(f"{what} min", "min"), rate_cell(data["min"], lang))
    table.add(Cell(f"{what} max", "max"), rate_cell(data["max"], lang))
    b = data["boundary"]
    if len(result.axes) == 1:
        value = next(iter(b.values()))
        sign = "≥" if result.axes[0].weight > 0 else "≤"
        boundary = f"{result.axes[0].name} {sign} {number(value, 3, lang)}"
    elif b.get("line"):
        line = b["line"]
        boundary = (f"{line['y']} ≥ {number(line['intercept'], 3, lang)} "
                    f"{'−' if line['slope'] < 0 else '+'} {number(abs(line['slope']), 4, lang)} × {line['x']}")
    else:
        boundary = "–"
    table.add(Cell(label("boundary", lang), "boundary"), Cell(boundary, boundary))
    text = label("sweep_summary", lang, points=number(result.points, 0, lang, grouping=True), share=share,
                 what=what, goal=percent(result.goal, lang))
    return Document(f"{label('sweep_title', lang)} · {scenario.economy.region_name}", data, [table], text)


def risk_document(scenario, result, lang=Lang.en) -> Document:
    plan = scenario.plan
    h = result.headline
    data = result.to_json()
    mc = data["monte_carlo"]
    what = growth_of(plan, h.period, h.item, lang)
    text = label("risk_verdict", lang, what=what, goal=percent(h.min, lang),
                 probability=percent(100 * h.probability, lang, 1))
    if mc:
        text += label("risk_mc", lang, draws=number(mc["draws"], 0, lang, grouping=True),
                      probability=percent(100 * mc["probability"], lang, 1))
    goals = Table("risk", label("risk_table", lang),
                  [label("period", lang), label("item", lang), label("min", lang), label("mean", lang),
                   label("stdev", lang), label("probability", lang), "Monte Carlo (%)"],
                  column_keys=["period", "item", "min", "mean", "stdev", "probability", "monte_carlo"])
    for g in result.goals:
        m = result.mc_probability.get((g.period, g.item))
        goals.add(Cell(period_label(g.period, lang), g.period), Cell(item_label(plan, g.item, lang).strip(), g.item),
                  rate_cell(g.min, lang), rate_cell(g.mean, lang), Cell(number(g.stdev, 3, lang), g.stdev),
                  Cell(number(100 * g.probability, 1, lang), g.probability),
                  Cell(number(None if m is None else 100 * m, 1, lang), m))
    fan = Table("fan", label("fan_title", lang, what=what), [label("quantile", lang), "GRDP"],
                column_keys=["quantile", "grdp"])
    for q, v in h.quantiles().items():
        fan.add(Cell(f"{q} %", q), rate_cell(v, lang))
    sds = ", ".join(f"{item_label(plan, s, lang).strip()} {number(v, 2, lang)}" for s, v in result.sd.items())
    notes = [label("risk_note", lang, sds=sds, corr=number(result.corr, 2, lang),
                   rates=", ".join(data["uncertain_rates"]))]
    return Document(f"{label('risk_title', lang)} · {scenario.economy.region_name}", data, [goals, fan], text,
                    h.probability >= 0.5, notes)
