"""Pieces every view uses: rate and point cells, the verdict of an evaluation."""

from __future__ import annotations

from ...core.evaluate import Evaluation
from ...core.goals import GoalResult
from ..document import Cell
from ..wording import Wording


def rate_cell(w: Wording, value: float | None, style: str | None = None) -> Cell:
    return Cell(w.number(value, 2), value, style)


def points_cell(w: Wording, value: float | None, decimals: int = 2, rising_is_good: bool = True) -> Cell:
    style = (
        None
        if value is None or abs(value) < 0.5 * 10**-decimals
        else ("good" if (value >= 0) == rising_is_good else "bad")
    )
    return Cell(w.number(value, decimals, sign=True), value, style)


def goal_phrase(w: Wording, goal: GoalResult) -> str:
    # Three decimals: a goal missed by less than a hundredth must not read "11.90 < 11.90".
    value, minimum = w.goal_number(goal, goal.value, 1), w.goal_number(goal, goal.min)
    return f"{w.period(goal.period)} {w.item(goal.item)} {value} < {minimum}"


def verdict(w: Wording, evaluation: Evaluation) -> tuple[str, bool]:
    """The headline first: is the FY GRDP goal met, by how much; under --strict, the others too."""
    head = evaluation.headline
    ok = evaluation.goal_met()
    if head is None:
        text = w.label("no_headline", met=sum(g.met for g in evaluation.goals), total=len(evaluation.goals))
    else:
        key = {"met": "verdict_met", "within_rounding": "verdict_within_rounding"}.get(head.verdict, "verdict_missed")
        margin = head.margin if head.margin is not None else float("nan")
        period = w.period(head.period).lower() if w.vi else head.period
        text = w.label(
            key,
            period=period,
            value=w.percent(head.value, 3),
            min=w.percent(head.min),
            margin=w.number(abs(margin), 3),
            rounding=w.number(head.slack, 3),
        )
    if evaluation.strict:
        missed = [g for g in evaluation.goals if g.verdict == "missed" and not g.headline]
        if missed:
            text += "\n" + w.label(
                "verdict_strict_missed", n=len(missed), items="; ".join(goal_phrase(w, g) for g in missed)
            )
    return text, ok
