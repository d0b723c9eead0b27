"""Pieces every view uses: item labels, rate cells, the verdict of an evaluation."""

from __future__ import annotations

from ..evaluate import RESIDUAL, Evaluation, GoalResult
from ..i18n import Lang, label, number, percent, period_label, sector_label
from ..report import Cell


def item_label(plan, item: str, lang: Lang | str) -> str:
    if item in ("grdp", RESIDUAL):
        return label(item, lang)
    sector = next((s for s in plan.sectors if s.key == item), None)
    if sector is None:
        return item
    text = sector_label(sector, lang)
    return f"  {text}" if sector.parent else text


def rate_cell(value: float | None, lang: Lang | str, style: str | None = None) -> Cell:
    return Cell(number(value, 2, lang), value, style)


def points_cell(value: float | None, lang: Lang | str, decimals: int = 2) -> Cell:
    style = None if value is None else ("good" if value >= 0 else "bad")
    return Cell(number(value, decimals, lang, sign=True), value, style)


def goal_phrase(plan, goal: GoalResult, lang: Lang | str) -> str:
    # Three decimals: a goal missed by less than a hundredth must not read "11.90 < 11.90".
    return f"{period_label(goal.period, lang)} {item_label(plan, goal.item, lang).strip()} {number(goal.value, 3, lang)} < " \
           f"{number(goal.min, 2, lang)}"


def verdict(plan, evaluation: Evaluation, lang: Lang | str, strict: bool) -> tuple[str, bool]:
    """The headline first: is the FY GRDP goal met, by how much; under --strict, the others too."""
    head = evaluation.headline
    ok = evaluation.goal_met(strict)
    if head is None:
        text = label("no_headline", lang, met=sum(g.met for g in evaluation.goals), total=len(evaluation.goals))
    else:
        key = "verdict_met" if head.met else "verdict_missed"
        margin = head.margin if head.margin is not None else float("nan")
        text = label(key, lang, period=period_label(head.period, lang).lower() if Lang(lang) is Lang.vi else head.period, value=percent(head.value, lang, 3),
                     min=percent(head.min, lang), margin=number(abs(margin), 3, lang))
    if strict:
        missed = [g for g in evaluation.goals if not g.met and not g.headline]
        if missed:
            text += "\n" + label("verdict_strict_missed", lang, n=len(missed),
                                 items="; ".join(goal_phrase(plan, g, lang) for g in missed))
    return text, ok
