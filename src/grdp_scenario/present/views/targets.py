"""Documents of the commands that make targets: reconcile and build (docs/method.md §10)."""

from __future__ import annotations

from ...core.economy import PROVISIONAL
from ...core.evaluate import Evaluation
from ...core.goals import as_mapping, find
from ..document import Cell, Document, Table
from ..wording import Wording
from .analysis import warning_cell
from .check import VERDICT_STYLE
from .common import points_cell, rate_cell, verdict_word


def changes_table(w: Wording, changes) -> Table:
    """Every changed figure: block, item, before, after, points, and a warning where it is far from the data."""
    table = Table(
        "changes",
        w.label("changes_title"),
        [w.label(k) for k in ("period", "item", "before", "after", "change", "warning")],
        column_keys=["block", "item", "before", "after", "points", "warning"],
    )
    for c in changes:
        table.add(
            Cell(w.period(c.block), c.block),
            Cell(w.item(c.item), c.item),
            rate_cell(w, c.before),
            rate_cell(w, c.after, "bad" if c.flag else None),
            points_cell(w, None if c.before is None else c.points, 2),
            warning_cell(w, c.flag),
        )
    return table


def block_grdp_table(w: Wording, before: Evaluation, after: Evaluation) -> Table:
    """Each block's GRDP growth before and after: what the changed sector rates add up to, block by block."""
    table = Table(
        "block_grdp",
        w.label("block_grdp_title"),
        [w.label(k) for k in ("period", "before", "after", "change")],
        column_keys=["block", "before", "after", "points"],
    )
    for block in after.economy.block_names:
        a, b = before.value(block, "grdp"), after.value(block, "grdp")
        table.add(
            Cell(w.period(block), block),
            rate_cell(w, a),
            rate_cell(w, b),
            points_cell(w, None if a is None or b is None else b - a, 2),
        )
    return table


def goals_before_after(w: Wording, before: Evaluation, after: Evaluation) -> Table:
    """Each goal with its value before and after, and its verdict after."""
    table = Table(
        "goals",
        w.label("goals_title"),
        [w.label(k) for k in ("period", "item", "min", "before", "after", "verdict")],
        column_keys=["period", "item", "min", "before", "after", "verdict"],
    )
    old = {(g.period, g.item): g for g in before.goals}
    for g in after.goals:
        was = old.get((g.period, g.item))
        table.add(
            Cell(w.period(g.period), g.period),
            Cell(w.item(g.item), g.item),
            Cell(w.goal_number(g, g.min), g.min),
            Cell(w.goal_number(g, None if was is None else was.value, 1), None if was is None else was.value),
            Cell(w.goal_number(g, g.value, 1), g.value),
            Cell(verdict_word(w, g), g.verdict, VERDICT_STYLE[g.verdict]),
        )
    return table


def _largest(w: Wording, changes) -> str:
    moved = [c for c in changes if c.before is not None and c.item != "grdp"]
    if not moved:
        return ""
    c = max(moved, key=lambda c: abs(c.points))
    return w.label("largest_change", points=w.number(c.points, 2, sign=True), lever=w.lever(c.block, c.item))


def _targets_document(w: Wording, title: str, plan, result, verdict, notes):
    """The document both commands give: the changes, the goals before and after, the verdict and notes."""
    if any(c.flag for c in result.changes):
        notes.append(w.label("flagged_targets_note"))
    return Document(
        f"{w.label(title)} · {plan.economy.region_name} {plan.economy.year}",
        result.to_dict(),
        [
            changes_table(w, result.changes),
            block_grdp_table(w, result.before, result.after),
            goals_before_after(w, result.before, result.after),
        ],
        verdict,
        all(g.met for g in result.after.goals),
        notes,
        exit_code=0,
    )


def reconcile_document(scenario, targets_result, lang="en") -> Document:
    result = targets_result.made
    w = Wording(lang, scenario.targets)
    rates = [c for c in result.changes if c.item != "grdp"]
    if not result.changes:
        verdict = w.label("reconcile_nothing")
    else:
        verdict = w.label("reconcile_verdict", n=len(rates), decimals=result.decimals) + _largest(w, result.changes)
    notes = [w.label(f"weights_{result.weighting}")]
    if result.kept:
        notes.append(w.label("kept_note", levers=", ".join(w.lever(b, i) for b, i in result.kept)))
    children = [s for s in scenario.economy.sector_keys if scenario.economy.parents[s] is not None]
    if children:
        notes.append(w.label("reconcile_child_note", children=", ".join(w.item(c) for c in children)))
    if result.skipped:
        goals = "; ".join(f"{w.period(p)} {w.item(i)}" for p, i in result.skipped)
        notes.append(w.label("goal_skipped", goals=goals))
    return _targets_document(w, "reconcile_title", scenario, targets_result, verdict, notes)


def build_document(scenario, targets_result, lang="en") -> Document:
    result, after = targets_result.made, targets_result.after
    w = Wording(lang, scenario.targets)
    head = after.headline
    blocks = sorted({c.block for c in result.changes}, key=scenario.economy.block_names.index)
    verdict = w.label(
        "build_verdict",
        blocks=", ".join(w.period(b) for b in blocks),
        profile=w.label(f"profile_{result.profile}"),
        value=w.percent(head.value, 3),
        min=w.percent(head.min),
    )
    notes = [w.label(f"profile_{result.profile}_note")]
    empty = [b.name for b in scenario.economy.blocks if b.source == PROVISIONAL]
    if empty:
        notes.append(w.label("provisional_note", blocks=", ".join(w.period(b) for b in empty)))
    for source in sorted(set(result.sources.values())):
        named = [b for b, s in result.sources.items() if s == source]
        notes.append(w.label(f"start_{source}", blocks=", ".join(w.period(b) for b in named)))
    replaced = {(g.period, g.item) for g in scenario.goals} - {(g.period, g.item) for g in result.goals}
    if replaced and targets_result.file is not None:
        notes.append(w.label("goals_replaced_note", n=len(replaced)))
    return _targets_document(w, "build_title", scenario, targets_result, verdict, notes)


# ----- the comments of a written targets file ------------------------------------------------------------
def _figures_text(figures) -> str:
    from ...inputs.targets_writer import number_text

    return ", ".join(
        f"{item} {'' if before is None else number_text(before) + ' '}→ {number_text(after)}"
        for item, before, after in figures
    )


def _by_block(changes) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in changes:
        out.setdefault(c.block, []).append((c.item, c.before, c.after))
    return out


def reconcile_file_notes(scenario, result, lang="en"):
    """What the reconciled file says above each changed block: the figures as they were printed."""
    from ...inputs.targets_writer import FileNotes

    w = Wording(lang, scenario.targets)
    blocks = {
        b: w.label("file_reconciled", weights=result.weighting, changes=_figures_text(figures))
        for b, figures in _by_block(result.changes).items()
    }
    return FileNotes(blocks=blocks, published=w.label("file_published"))


def build_file_notes(scenario, result, lang="en"):
    """What the built file says above each block (its figures before) and above the goals (the plan's)."""
    from ...inputs.targets_writer import FileNotes, number_text

    w = Wording(lang, scenario.targets)
    goal = number_text(find(result.goals, "FY", "grdp").minimum)
    blocks = {
        b: w.label("file_built", profile=result.profile, goal=goal, changes=_figures_text(figures))
        for b, figures in _by_block(result.changes).items()
    }
    old = "; ".join(
        f"{p}: " + ", ".join(f"{i} {number_text(v)}" for i, v in items.items())
        for p, items in as_mapping(scenario.goals).items()
    )
    return FileNotes(blocks=blocks, published=w.label("file_published"), goals=w.label("file_goals", goals=old))
