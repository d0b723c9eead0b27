"""The ``check`` document: verdict, growth by period, goals, contributions, nominal figures."""

from __future__ import annotations

from ...core.evaluate import RESIDUAL, Evaluation
from ..document import Cell, Document, Table
from ..wording import Wording
from .common import goal_phrase, points_cell, projected, rate_cell, verdict, verdict_word


def growth_table(w: Wording, evaluation: Evaluation, key: str = "growth", title: str | None = None) -> Table:
    e = evaluation.economy
    shown = [p for p in evaluation.periods.values() if p.computable]
    table = Table(
        key,
        title or w.label("growth_title", base=e.base_year),
        [w.label("item"), *[w.period(p.period) for p in shown]],
        column_keys=["item", *[p.period for p in shown]],
    )
    table.add(Cell(w.label("status"), "status"), *[Cell(w.status(p.status), p.status) for p in shown])
    for item in ["grdp", *e.sector_keys]:
        table.add(
            Cell(w.item(item, indent=True), item),
            *[rate_cell(w, p.grdp if item == "grdp" else p.sectors.get(item)) for p in shown],
        )
    return table


#: How a verdict looks in a table: its label and style (within rounding is neither good nor bad).
VERDICT_STYLE = {"met": "good", "within_rounding": None, "missed": "bad", "unknown": None}


def goals_table(w: Wording, evaluation: Evaluation) -> Table:
    table = Table(
        "goals",
        w.label("goals_title"),
        [w.label(k) for k in ("period", "item", "min", "value", "margin", "verdict")],
        column_keys=["period", "item", "min", "value", "margin", "verdict"],
    )
    for g in evaluation.goals:
        table.add(
            Cell(w.period(g.period), g.period),
            Cell(w.item(g.item), g.item),
            Cell(w.goal_number(g, g.min), g.min),
            Cell(w.goal_number(g, g.value), g.value),
            points_cell(w, g.margin, 3),
            Cell(verdict_word(w, g), g.verdict, VERDICT_STYLE[g.verdict]),
        )
    return table


def contributions_table(w: Wording, evaluation: Evaluation, title: str | None = None) -> Table | None:
    shown = [p for p in evaluation.periods.values() if p.contributions]
    if not shown:
        return None
    table = Table(
        "contributions",
        title or w.label("contrib_title"),
        [w.label("item"), *[w.period(p.period) for p in shown]],
        column_keys=["item", *[p.period for p in shown]],
    )
    for item in [*evaluation.economy.top, RESIDUAL]:
        if not any(item in p.contributions for p in shown):
            continue
        decimals = 4 if item == RESIDUAL else 2
        table.add(
            Cell(w.item(item), item),
            *[Cell(w.number(p.contributions.get(item), decimals), p.contributions.get(item)) for p in shown],
        )
    table.add(Cell(w.label("grdp"), "grdp"), *[rate_cell(w, p.grdp) for p in shown])
    return table


def nominal_table(w: Wording, evaluation: Evaluation, title: str | None = None) -> tuple[Table | None, list[str]]:
    n = evaluation.nominal
    if n is None:
        return None, []
    title = title or w.label("nominal_title", year=evaluation.economy.year)
    if n.total is None:
        return None, [w.label("nominal_unavailable", title=title, reason=w.fact(n.reason))]
    i = n.inputs
    table = Table(
        "nominal",
        title,
        [w.label("sector"), w.label("nominal"), w.label("share"), w.label("deflator")],
        column_keys=["sector", "nominal", "share", "deflator"],
    )
    for s, value in n.by_sector.items():
        table.add(
            Cell(w.item(s), s),
            Cell(w.number(value, 0, grouping=True), value),
            rate_cell(w, n.structure[s]),
            rate_cell(w, i.deflators[s]),
        )
    table.add(
        Cell(w.label("total"), "grdp"),
        Cell(w.number(n.total, 0, grouping=True), n.total),
        rate_cell(w, 100.0),
        Cell(""),
    )
    notes = [f"{w.label('deflator')}: {w.label('implied' if i.deflator_source == 'implied' else 'stated')}."]
    if n.per_capita is not None:
        notes.append(
            f"{w.label('per_capita')}: {w.number(n.per_capita, 2)}; "
            f"{w.label('population_assumed')}: {w.number(i.population, 0, grouping=True)} "
            f"({w.label('implied_pop' if i.population_source == 'implied' else 'stated')})."
        )
    return table, notes


def check_notes(w: Wording, scenario, evaluation: Evaluation) -> list[str]:
    """What a reader needs besides the tables: goals missed, residuals, derived blocks, conflicts, weights."""
    e = evaluation.economy
    notes = [
        w.label(
            "gap_warning",
            block=w.period(g.block),
            grdp=w.percent(g.grdp),
            sectors=w.percent(g.from_sectors),
            gap=w.number(g.gap, 2, sign=True),
            rounding=w.number(g.rounding, 3),
        )
        for g in evaluation.gaps
    ]
    for verdict_key, note in (("missed", "missed_goals"), ("within_rounding", "rounding_goals")):
        goals = [g for g in evaluation.goals if g.verdict == verdict_key and not g.headline and g.value is not None]
        for key, group in (
            (note, [g for g in goals if not projected(g)]),
            (f"{note}_projected", [g for g in goals if projected(g)]),
        ):
            if group:
                notes.append(w.label(key, items="; ".join(goal_phrase(w, g) for g in group)))
    unknown = [g for g in evaluation.goals if g.value is None]
    if unknown:
        notes.append(
            w.label("unknown_goals", items=", ".join(f"{w.period(g.period)} {w.item(g.item)}" for g in unknown))
        )
    warned = {g.block for g in evaluation.gaps}
    gaps = [(b.name, e.residual(b)) for b in e.blocks if abs(e.residual(b)) >= 0.00005 and b.name not in warned]
    if gaps:
        notes.append(
            w.label(
                "residual_note",
                blocks=", ".join(f"{w.period(name)} {w.number(gap, 4, sign=True)}" for name, gap in gaps),
            )
        )
    for d in scenario.derived:
        notes.append(
            w.label("derived_note", block=w.period(d.block), period=w.period(d.period), rate=w.percent(d.rate))
        )
    notes += [w.label("conflict", text=w.fact(c)) for c in scenario.conflicts]
    notes += [w.label("assumption", text=w.fact(a)) for a in scenario.assumptions]
    off = [p for p in evaluation.periods.values() if not p.computable]
    if off:
        notes.append(
            w.label("not_computable", items="; ".join(f"{w.period(p.period)}: {w.fact(p.reason)}" for p in off))
        )
    spread = evaluation.fy_grdp_range
    if spread is not None:
        notes.append(
            w.label(
                "weights_estimated_note",
                file=w.path(scenario.targets.model.weights_from or scenario.base.file),
                low=w.percent(spread[0], decimals=3),
                high=w.percent(spread[1], decimals=3),
            )
        )
    else:
        notes.append(w.label("weights_note", file=w.path(scenario.base.file)))
    return notes + provenance_notes(w, evaluation.provenance)


def provenance_notes(w: Wording, provenance) -> list[str]:
    """The plan's document, the published figures used with their source and date, when and with what."""
    if not provenance:
        return []
    notes = [w.label("provenance_document", document=provenance["document"])] if provenance.get("document") else []
    groups: dict[tuple, list[str]] = {}
    for s in provenance.get("published", ()):
        figure = f"{w.period(s['period'])} {w.item(s['item'])} {w.percent(s['rate'])}"
        groups.setdefault((s["source"], s["published"]), []).append(figure)
    items = [
        w.label(
            "provenance_source_dated" if date else "provenance_source",
            figures=", ".join(figures),
            source=source or "–",
            date=w.date(date) if date else "",
        )
        for (source, date), figures in groups.items()
    ]
    if items:
        notes.append(w.label("provenance_published", items="; ".join(items)))
    notes.append(w.label("provenance_made", date=w.date(provenance["made"]), tool=provenance["tool"]))
    return notes


def check_document(scenario, evaluation: Evaluation, lang="en") -> Document:
    w = Wording(lang, scenario.targets)
    e = evaluation.economy
    text, ok = verdict(w, evaluation)
    tables = [growth_table(w, evaluation), goals_table(w, evaluation)]
    contrib = contributions_table(w, evaluation)
    if contrib:
        tables.append(contrib)
    nominal, nominal_notes = nominal_table(w, evaluation)
    if nominal:
        tables.append(nominal)
    notes = check_notes(w, scenario, evaluation)
    notes[-1:-1] = nominal_notes
    return Document(
        f"{e.region_name} {e.year}",
        evaluation.to_dict(),
        tables,
        text,
        ok,
        notes,
        exit_code=0 if ok else 1,
        live_factory=lambda: _live_model(evaluation, scenario.goals, lang, scenario.targets),
    )


def _live_model(*args):
    """The model of the page's and the workbook's live what-if (views/live.py), imported only for them: a table
    or JSON does not pay for it."""
    from .live import live_model

    return live_model(*args)
