"""What ``record`` says: the figures recorded, the blocks they imply, conflicts with what was published."""

from __future__ import annotations

from ..wording import Wording


def record_lines(plan, done, after, file: str, lang="en") -> tuple[list[str], list[str]]:
    """(lines for standard output, warnings for standard error)."""
    w = Wording(lang, plan)
    period = done.new[0].period
    figures = ", ".join(f"{w.item(r.item)} {w.percent(r.rate)}" for r in done.new)
    estimate = any(r.status == "estimate" for r in done.new)
    key = ("revised" if done.replaced else "recorded") + ("_estimate" if estimate else "")
    said = [w.label(key, period=w.period(period), figures=figures, file=w.path(file))]
    said += [w.label("implied_block", block=w.period(d.block), rate=w.percent(d.rate)) for d in after.derived]
    said += [w.label("assumption", text=w.fact(a)) for a in after.assumptions]
    return said, [w.label("conflict", text=w.fact(c)) for c in after.conflicts]
