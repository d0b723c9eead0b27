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


def projected(goal) -> bool:
    """A verdict on a goal whose period is not all actual is a projection, and says so (contract §3)."""
    return goal.basis != "actual" and goal.verdict != "unknown"


def assumption(w: Wording, evaluation: Evaluation, period: str) -> str:
    """What a projection of ``period`` assumes: its blocks still targets meet them, its estimates hold."""
    e = evaluation.economy
    try:
        blocks = e.blocks_of(period)
    except Exception:  # a period the data cannot give has no projection to qualify
        return ""
    targets = [w.period(b.name) for b in blocks if b.status == "target"]
    estimates = [w.period(b.name) for b in blocks if b.status == "estimate"]
    estimates += [w.period(p) for p, s in e.published_status.items() if s == "estimate"]
    parts = []
    if targets:
        parts.append(w.label("assumes_targets" if len(targets) > 1 else "assumes_target", blocks=", ".join(targets)))
    if estimates:
        parts.append(w.label("assumes_estimates", blocks=", ".join(dict.fromkeys(estimates))))
    return w.label("assumes_and", first=parts[0], second=parts[1]) if len(parts) == 2 else "".join(parts)


def verdict_word(w: Wording, goal) -> str:
    """A goal's verdict in words: met, within rounding or missed, "(projected)" where it is a projection;
    "no data yet" where the data cannot give it."""
    word = w.label(f"goal_{goal.verdict}")
    return w.label("verdict_projected", verdict=word) if projected(goal) else word


def verdict(w: Wording, evaluation: Evaluation, assumes: str | None = None) -> tuple[str, bool]:
    """The headline first: is the FY GRDP goal met, by how much; a projection says what it assumes
    (``assumes``: a what-if, or by default the targets and estimates of the period); under --strict, the
    other goals too."""
    head = evaluation.headline
    ok = evaluation.goal_met()
    if head is None:
        text = w.label("no_headline", met=sum(g.met for g in evaluation.goals), total=len(evaluation.goals))
    else:
        period = w.period(head.period).lower() if w.vi else head.period
        if head.verdict == "unknown":
            key = "verdict_unknown"
        elif (
            head.verdict == "within_rounding"
            and head.spread is not None
            and head.spread[0] < head.min <= head.spread[1]
        ):
            # the value may reach the goal or not: the estimated weights, not the rates, leave it open
            key = "verdict_within_weights" + ("_projected" if projected(head) else "")
        else:
            key = f"verdict_{head.verdict}" + ("_projected" if projected(head) else "")
        margin = head.margin if head.margin is not None else float("nan")
        text = w.label(
            key,
            period=period,
            value=w.percent(head.value, 3),
            min=w.percent(head.min),
            margin=w.number(abs(margin), 3),
            rounding=w.number(head.slack, 3),
            low=w.percent(head.spread[0], 3) if head.spread else "",
            high=w.percent(head.spread[1], 3) if head.spread else "",
            assumes=assumes or assumption(w, evaluation, head.period),
        )
    if evaluation.strict:
        missed = [g for g in evaluation.goals if g.verdict == "missed" and not g.headline]
        if missed:
            key = "verdict_strict_missed_projected" if any(projected(g) for g in missed) else "verdict_strict_missed"
            text += "\n" + w.label(key, n=len(missed), items="; ".join(goal_phrase(w, g) for g in missed))
    return text, ok
