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


def flag_text(flag, lang) -> str:
    """A required rate far outside the data, in words a planner reads."""
    if flag is None:
        return ""
    kind, distance, bound = flag
    vi = Lang(lang) is Lang.vi
    if kind == "impossible":
        return "không thể: dưới −100 %" if vi else "impossible: below −100 %"
    if kind == "above":
        return (f"cao hơn {number(distance, 1, lang)} điểm % so với mức cao nhất trong số liệu ({percent(bound, lang)})"
                if vi else f"{number(distance, 1, lang)} points above the highest rate in the data ({percent(bound, lang)})")
    return (f"thấp hơn {number(distance, 1, lang)} điểm % so với mức thấp nhất trong số liệu ({percent(bound, lang)})"
            if vi else f"{number(distance, 1, lang)} points below the lowest rate in the data ({percent(bound, lang)})")


def _lever_label(plan, period: str, item: str, lang) -> str:
    return f"{period_label(period, lang)} · {item_label(plan, item, lang).strip()}"


def whatif_document(scenario, baseline: Evaluation, changed: Evaluation, overrides, lang=Lang.en,
                    strict: bool = False) -> Document:
    plan = scenario.plan
    text, ok = verdict(plan, changed, lang, strict)
    base_text, _ = verdict(plan, baseline, lang, strict)
    shown = [p for p in periods.REPORTED if changed.periods[p].computable]
    table = Table("whatif", "Baseline → scenario (%)" if lang != Lang.vi else "Cơ sở → kịch bản (%)",
                  [label("item", lang), label("period", lang), "Baseline" if lang != Lang.vi else "Cơ sở",
                   "Scenario" if lang != Lang.vi else "Kịch bản", "Δ (pp)" if lang != Lang.vi else "Δ (điểm %)"],
                  column_keys=["item", "period", "baseline", "scenario", "change"])
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
    notes = [("Changes: " if lang != Lang.vi else "Thay đổi: ") + "; ".join(str(o) for o in overrides),
             ("Baseline: " if lang != Lang.vi else "Cơ sở: ") + base_text.replace("\n", " ")]
    data = {"baseline": baseline.to_json(strict), "scenario": changed.to_json(strict),
            "overrides": [{"kind": o.kind, "period": o.period, "item": o.item, "value": o.value} for o in overrides]}
    title = "Kịch bản giả định" if Lang(lang) is Lang.vi else "What if"
    return Document(f"{title} · {changed.economy.region_name} {changed.economy.year}", data, tables,
                    text, ok, notes, exit_code=0 if ok else 1)


def required_document(scenario, goal: float, goal_period: str, goal_item: str, current: float, gap: float,
                      solutions, lang=Lang.en) -> Document:
    plan = scenario.plan
    vi = Lang(lang) is Lang.vi
    what = growth_of(plan, goal_period, goal_item, lang)
    if gap <= 0:
        text = (f"{what[0].upper() + what[1:]} {percent(current, lang, 3)} đã đạt mục tiêu {percent(goal, lang)} (dư {number(-gap, 3, lang)} "
                f"điểm %)") if vi else (f"{what} is {percent(current, lang, 3)}: already meets {percent(goal, lang)} "
                                        f"by {number(-gap, 3, lang)} points")
    else:
        text = (f"{what[0].upper() + what[1:]} {percent(current, lang, 3)}: còn thiếu {number(gap, 3, lang)} điểm % so với mục tiêu "
                f"{percent(goal, lang)}") if vi else (f"{what} is {percent(current, lang, 3)}: "
                                                      f"{number(gap, 3, lang)} points short of {percent(goal, lang)}")
    table = Table("required", "Kỳ cần đạt (nếu chỉ một chỉ tiêu thay đổi)" if vi else
                  "What each lever must reach if it alone closes the gap",
                  [("Chỉ tiêu" if vi else "Lever"), ("Hiện tại (%)" if vi else "Now (%)"),
                   ("Cần đạt (%)" if vi else "Required (%)"), ("Thay đổi (điểm %)" if vi else "Change (pp)"),
                   ("Tác động (điểm/điểm)" if vi else "Weight (pp per pp)"), ("Lưu ý" if vi else "Warning")],
                  column_keys=["lever", "current", "required", "change", "weight", "warning"])
    for s in solutions:
        table.add(Cell(_lever_label(plan, s.lever.period, s.lever.item, lang), f"{s.lever.period}.{s.lever.item}"),
                  rate_cell(s.lever.current, lang), rate_cell(s.required, lang, "bad" if s.flag else None),
                  points_cell(s.change, lang, 3), Cell(number(s.lever.weight, 4, lang), s.lever.weight),
                  Cell(flag_text(s.flag, lang), flag_text(s.flag, "en") or None, "bad" if s.flag else None))
    notes = []
    if any(s.flag for s in solutions):
        notes.append("Cảnh báo: các mức cần đạt được đánh dấu nằm xa mọi tốc độ tăng trong số liệu; khó khả thi nếu "
                     "chỉ dựa vào một chỉ tiêu." if vi else
                     "Flagged rates lie far outside any rate in the data: closing the gap with that lever alone is "
                     "not realistic.")
    data = {"goal": goal, "period": goal_period, "item": goal_item, "current": current, "gap_pp": gap,
            "solutions": [{"period": s.lever.period, "item": s.lever.item, "required": s.required,
                           "current": s.lever.current, "change_pp": s.change, "weight": s.lever.weight,
                           "warning": flag_text(s.flag, "en") or None} for s in solutions]}
    return Document(("Mức cần đạt" if vi else "Required growth") + f" · {scenario.economy.region_name}", data,
                    [table], text, gap <= 0, notes, exit_code=0 if gap <= 0 else 1)


def sensitivity_document(scenario, goal_period: str, goal_item: str, lever_list, lang=Lang.en) -> Document:
    plan = scenario.plan
    vi = Lang(lang) is Lang.vi
    what = growth_of(plan, goal_period, goal_item, lang)
    ordered = sorted(lever_list, key=lambda lv: -abs(lv.weight))
    table = Table("sensitivity", (f"Điểm % {what} tăng thêm khi mỗi chỉ tiêu tăng 1 điểm" if vi else
                                  f"Points of {what} per point of each lever, largest first"),
                  ["Chỉ tiêu" if vi else "Lever", "Điểm/điểm" if vi else "pp per pp"],
                  column_keys=["lever", "points_per_point"])
    for lv in ordered:
        table.add(Cell(_lever_label(plan, lv.period, lv.item, lang), f"{lv.period}.{lv.item}"),
                  Cell(number(lv.weight, 4, lang), lv.weight))
    data = {"period": goal_period, "item": goal_item,
            "sensitivities": [{"block": lv.period, "item": lv.item, "points_per_point": lv.weight} for lv in ordered]}
    return Document(("Độ nhạy" if vi else "Sensitivity") + f" · {what}", data, [table])


def sweep_document(scenario, result, lang=Lang.en) -> Document:
    vi = Lang(lang) is Lang.vi
    data = result.to_json()
    table = Table("sweep", "Lưới kịch bản" if vi else "Sweep", ["", ""], column_keys=["measure", "value"])
    table.add(Cell("Số điểm" if vi else "Points", "points"), Cell(number(result.points, 0, lang, grouping=True), result.points))
    table.add(Cell("Tỷ lệ đạt mục tiêu" if vi else "Share meeting the goal", "share_meeting_goal"),
              Cell(percent(100 * data["share_meeting_goal"], lang, 1), data["share_meeting_goal"]))
    table.add(Cell(f"{result.goal_period} {result.goal_item} min", "min"), rate_cell(data["min"], lang))
    table.add(Cell(f"{result.goal_period} {result.goal_item} max", "max"), rate_cell(data["max"], lang))
    b = data["boundary"]
    if len(result.axes) == 1:
        value = next(iter(b.values()))
        boundary = f"{result.axes[0].name} ≥ {number(value, 3, lang)}" if result.axes[0].weight > 0 else \
            f"{result.axes[0].name} ≤ {number(value, 3, lang)}"
    elif b.get("line"):
        line = b["line"]
        boundary = (f"{line['y']} ≥ {number(line['intercept'], 3, lang)} "
                    f"{'−' if line['slope'] < 0 else '+'} {number(abs(line['slope']), 4, lang)} × {line['x']}")
    else:
        boundary = "–"
    table.add(Cell("Ranh giới đạt mục tiêu" if vi else "Goal just met where", "boundary"), Cell(boundary, boundary))
    text = (f"{result.points:,} points; {100 * data['share_meeting_goal']:.1f} % meet {result.goal_period} "
            f"{result.goal_item} ≥ {result.goal:g}")
    return Document(("Lưới kịch bản" if vi else "Sweep") + f" · {scenario.economy.region_name}", data, [table], text)


def risk_document(scenario, result, lang=Lang.en) -> Document:
    plan = scenario.plan
    vi = Lang(lang) is Lang.vi
    h = result.headline
    data = result.to_json()
    mc = data["monte_carlo"]
    text = (f"Xác suất tăng trưởng GRDP {period_label(h.period, lang).lower()} ≥ {percent(h.min, lang)}: "
            f"{percent(100 * h.probability, lang, 1)}" if vi else
            f"Probability that {h.period} GRDP ≥ {percent(h.min, lang)}: {percent(100 * h.probability, lang, 1)}")
    if mc:
        text += (f" (Monte Carlo {number(mc['draws'], 0, lang, grouping=True)} lần: "
                 f"{percent(100 * mc['probability'], lang, 1)})" if vi else
                 f" (Monte Carlo, {mc['draws']:,} draws: {percent(100 * mc['probability'], lang, 1)})")
    goals = Table("risk", "Xác suất đạt từng mục tiêu" if vi else "Probability of each goal",
                  [label("period", lang), label("item", lang), label("min", lang), "Kỳ vọng" if vi else "Mean",
                   "Độ lệch chuẩn" if vi else "Std. dev.", "Xác suất (%)" if vi else "Probability (%)",
                   "Monte Carlo (%)"],
                  column_keys=["period", "item", "min", "mean", "stdev", "probability", "monte_carlo"])
    for g in result.goals:
        m = result.mc_probability.get((g.period, g.item))
        goals.add(Cell(period_label(g.period, lang), g.period), Cell(item_label(plan, g.item, lang).strip(), g.item),
                  rate_cell(g.min, lang), rate_cell(g.mean, lang), Cell(number(g.stdev, 3, lang), g.stdev),
                  Cell(number(100 * g.probability, 1, lang), g.probability),
                  Cell(number(None if m is None else 100 * m, 1, lang), m))
    fan = Table("fan", (f"Phân vị GRDP {period_label(h.period, lang)} (%)" if vi else
                        f"{h.period} GRDP quantiles (%)"), ["Phân vị" if vi else "Quantile", "GRDP"],
                column_keys=["quantile", "grdp"])
    for q, v in h.quantiles().items():
        fan.add(Cell(f"{q} %", q), rate_cell(v, lang))
    notes = [("Độ lệch chuẩn (điểm %): " if vi else "Standard deviations (points): ")
             + ", ".join(f"{item_label(plan, s, lang).strip()} {number(v, 2, lang)}" for s, v in result.sd.items())
             + ("; tương quan " if vi else "; correlation ") + number(result.corr, 2, lang)
             + ("; áp dụng cho: " if vi else "; applied to: ") + ", ".join(data["uncertain_rates"])]
    return Document(("Rủi ro" if vi else "Risk") + f" · {scenario.economy.region_name}", data, [goals, fan], text,
                    h.probability >= 0.5, notes)
