"""The ``check`` document: verdict, growth by period, goals, contributions, nominal figures."""

from __future__ import annotations

from ..evaluate import RESIDUAL, Evaluation
from ..i18n import Lang, label, number, percent, period_label
from ..report import Cell, Document, Table
from .common import goal_phrase, item_label, points_cell, rate_cell, verdict


def growth_table(plan, evaluation: Evaluation, lang: Lang | str, key: str = "growth", title: str | None = None) -> Table:
    e = evaluation.economy
    shown = [p for p in evaluation.periods.values() if p.computable]
    items = ["grdp", *e.sector_keys]
    table = Table(key, title or label("growth_title", lang, base=e.base_year),
                  [label("item", lang), *[period_label(p.period, lang) for p in shown]], column_keys=["item", *[p.period for p in shown]])
    table.add(Cell(label("status", lang), "status"), *[Cell(label(p.status, lang), p.status) for p in shown])
    for item in items:
        table.add(Cell(item_label(plan, item, lang), item),
                  *[rate_cell(p.grdp if item == "grdp" else p.sectors.get(item), lang) for p in shown])
    return table


def goals_table(plan, evaluation: Evaluation, lang: Lang | str) -> Table:
    table = Table("goals", label("goals_title", lang),
                  [label("period", lang), label("item", lang), label("min", lang), label("value", lang),
                   label("margin", lang), label("met", lang)],
                  column_keys=["period", "item", "min", "value", "margin", "met"])
    for g in evaluation.goals:
        table.add(Cell(period_label(g.period, lang), g.period), Cell(item_label(plan, g.item, lang).strip(), g.item),
                  rate_cell(g.min, lang), rate_cell(g.value, lang), points_cell(g.margin, lang, 3),
                  Cell(label("na" if g.value is None else "yes" if g.met else "no", lang), g.met,
                       None if g.value is None else "good" if g.met else "bad"))
    return table


def contributions_table(plan, evaluation: Evaluation, lang: Lang | str) -> Table | None:
    shown = [p for p in evaluation.periods.values() if p.contributions]
    if not shown:
        return None
    items = [*evaluation.economy.top, RESIDUAL]
    table = Table("contributions", label("contrib_title", lang),
                  [label("item", lang), *[period_label(p.period, lang) for p in shown]], column_keys=["item", *[p.period for p in shown]])
    for item in items:
        if not any(item in p.contributions for p in shown):
            continue
        decimals = 4 if item == RESIDUAL else 2
        table.add(Cell(item_label(plan, item, lang), item),
                  *[Cell(number(p.contributions.get(item), decimals, lang), p.contributions.get(item)) for p in shown])
    table.add(Cell(label("grdp", lang), "grdp"), *[rate_cell(p.grdp, lang) for p in shown])
    return table


def nominal_table(plan, evaluation: Evaluation, lang: Lang | str) -> tuple[Table | None, list[str]]:
    n = evaluation.nominal
    if n is None:
        return None, []
    if n.total is None:
        return None, [f"{label('nominal_title', lang, year=evaluation.economy.year)}: {n.reason}"]
    i = n.inputs
    table = Table("nominal", label("nominal_title", lang, year=evaluation.economy.year),
                  [label("sector", lang), label("nominal", lang), label("share", lang), label("deflator", lang)],
                  column_keys=["sector", "nominal", "share", "deflator"])
    for s, value in n.by_sector.items():
        table.add(Cell(item_label(plan, s, lang), s), Cell(number(value, 0, lang, grouping=True), value),
                  rate_cell(n.structure[s], lang), rate_cell(i.deflators[s], lang))
    table.add(Cell(label("total", lang), "grdp"), Cell(number(n.total, 0, lang, grouping=True), n.total),
              rate_cell(100.0, lang), Cell(""))
    notes = [f"{label('deflator', lang)}: {label('implied' if i.deflator_source == 'implied' else 'stated', lang)}."]
    if n.per_capita is not None:
        notes.append(f"{label('per_capita', lang)}: {number(n.per_capita, 2, lang)}; "
                     f"{label('population', lang)}: {number(i.population, 0, lang, grouping=True)} "
                     f"({label('implied_pop' if i.population_source == 'implied' else 'stated', lang)}).")
    return table, notes


def reason_text(result, economy, lang) -> str:
    """Why a period is not computable; the core says it in English, a planner may read Vietnamese."""
    if Lang(lang) is not Lang.vi:
        return result.reason or ""
    blocks = ", ".join(period_label(b, lang) for b in economy.block_names)
    return f"số liệu chỉ có theo các kỳ {blocks}, không tách riêng được kỳ này"


def check_document(scenario, evaluation: Evaluation, lang: Lang | str = Lang.en, strict: bool = False) -> Document:
    plan = scenario.plan
    e = evaluation.economy
    text, ok = verdict(plan, evaluation, lang, strict)
    tables = [growth_table(plan, evaluation, lang), goals_table(plan, evaluation, lang)]
    contrib = contributions_table(plan, evaluation, lang)
    if contrib:
        tables.append(contrib)
    nominal, nominal_notes = nominal_table(plan, evaluation, lang)
    if nominal:
        tables.append(nominal)
    notes = []
    missed = [g for g in evaluation.goals if not g.met and not g.headline and g.value is not None]
    if missed:
        notes.append(label("missed_goals", lang, items="; ".join(goal_phrase(plan, g, lang) for g in missed)))
    unknown = [g for g in evaluation.goals if g.value is None]
    if unknown:
        notes.append(label("unknown_goals", lang, items=", ".join(
            f"{period_label(g.period, lang)} {item_label(plan, g.item, lang).strip()}" for g in unknown)))
    notes += nominal_notes
    gaps = [(b.name, e.residual(b)) for b in e.blocks if abs(e.residual(b)) >= 0.00005]
    if gaps:
        notes.append(label("residual_note", lang,
                           blocks=", ".join(f"{period_label(name, lang)} {number(gap, 4, lang, sign=True)}"
                                            for name, gap in gaps)))
    for block, implied in scenario.derived:
        source = e.block(block).source
        notes.append(label("derived_note", lang, block=period_label(block, lang), rate=percent(implied, lang),
                           source=source))
    notes += list(scenario.outturn_notes)
    off = [p for p in evaluation.periods.values() if not p.computable]
    if off:
        notes.append(label("not_computable", lang, items="; ".join(
            f"{period_label(p.period, lang)}: {reason_text(p, e, lang)}" for p in off)))
    notes.append(label("weights_note", lang, file=scenario.base.file))
    title = f"{e.region_name} {e.year}"
    return Document(title, evaluation.to_json(strict), tables, text, ok, notes, exit_code=0 if ok else 1)
