"""The audit's checks: each looks at cells of the plan and yields one Outcome per cell.

Every outcome points at the YAML path of the number it is about, so every format can name the file
and line. Numbers are compared as the intervals their printed precision stands for (rounding.py).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from typing import Any

from ..core.dataclass import dataclass
from ..core.errors import Fact, InputError, NotComputable
from ..core.growth import weighted_growth
from ..core.rounding import EXACT, FAIL, MET, MISSED, ROUNDING, WITHIN_ROUNDING, Printed, at_most, equal, total_half
from ..core.values import parse_number

FLOW_IDENTITIES = (("9M", ("H1", "Q3")), ("H2", ("Q3", "Q4")), ("FY", ("H1", "H2")), ("FY", ("9M", "Q4")))
STOCK_END = {"9M": "Q3", "H2": "Q4", "FY": "Q4"}
POPULATION_GROWTH = (-2.0, 3.0)  # percent a year: a plausible range for a province
DEFLATOR_GROWTH = (-5.0, 15.0)


@dataclass(frozen=True)
class Outcome:
    rule: str
    indicator: str
    period: str
    status: str  # exact | rounding | fail
    actual: float | None
    expected: float | None
    path: tuple
    detail: Fact | None = None  # what the numbers are, for the message (worded by the presentation)
    line: int | None = None
    section: str | None = None  # where a growth figure stands when the period alone is ambiguous

    @property
    def key_period(self) -> str:
        """The period as baselines name it: 'FY (goals)' where the section matters."""
        return f"{self.period} ({self.section})" if self.section else self.period


class Audit:
    """The plan (and, for the weight rules, the economy) being audited."""

    def __init__(self, scenario) -> None:
        self.scenario = scenario
        self.plan = scenario.targets
        self.model = scenario.targets.model

    def printed(self, *path: Any) -> Printed:
        node: Any = self.plan.located.data
        for p in path:
            node = node[p]
        decimals = self.plan.decimals(*path)
        return Printed(parse_number(node), decimals)  # as the plan's loader read it ("13.91%" too)

    def rate_path(self, block: str, item: str) -> tuple:
        return ("growth", block, item)


def _indicator_value(audit: Audit, i: int, column: str) -> Printed | None:
    ind = audit.model.indicators[i]
    return audit.printed("indicators", i, "values", column) if column in ind.values else None


def structure_sums(audit: Audit) -> Iterator[Outcome]:
    for column, shares in audit.model.structure.items():
        parts = [audit.printed("structure", column, s) for s in shares]
        total = math.fsum(p.value for p in parts)
        status = equal(total, 100.0, total_half(parts))
        yield Outcome(
            "structure-sums-to-100",
            "structure",
            column,
            status,
            round(total, 10),
            100.0,
            ("structure", column),
            Fact("detail-shares", count=len(parts), decimals=parts[0].decimals),
        )


def flows_add_up(audit: Audit) -> Iterator[Outcome]:
    for i, ind in enumerate(audit.model.indicators):
        if ind.kind != "flow":
            continue
        for total, parts in FLOW_IDENTITIES:
            cells = [_indicator_value(audit, i, c) for c in (total, *parts)]
            if any(c is None for c in cells):
                continue
            whole, *pieces = cells
            expected = math.fsum(p.value for p in pieces)
            status = equal(whole.value, expected, total_half(cells))
            yield Outcome(
                "flow-adds-up",
                ind.key,
                total,
                status,
                whole.value,
                round(expected, 10),
                ("indicators", i, "values", total),
                Fact("detail-periods", periods=parts),
            )


def components(audit: Audit) -> Iterator[Outcome]:
    inds = audit.model.indicators
    for i, parent in enumerate(inds):
        if parent.components is None:
            continue
        children = [j for j, c in enumerate(inds) if c.parent == parent.key]
        for column in parent.values:
            cells = [_indicator_value(audit, j, column) for j in children]
            if not children or any(c is None for c in cells):
                continue
            whole = audit.printed("indicators", i, "values", column)
            parts = math.fsum(c.value for c in cells)
            slack = total_half([whole, *cells])
            names = tuple(inds[j].key for j in children)
            if parent.components == "sum":
                yield Outcome(
                    "components-add-up",
                    parent.key,
                    column,
                    equal(whole.value, parts, slack),
                    whole.value,
                    round(parts, 10),
                    ("indicators", i, "values", column),
                    Fact("detail-indicators", indicators=names),
                )
            else:
                yield Outcome(
                    "components-within-total",
                    parent.key,
                    column,
                    at_most(parts, whole.value, slack),
                    round(parts, 10),
                    whole.value,
                    ("indicators", i, "values", column),
                    Fact("detail-indicators", indicators=names),
                )


def stocks(audit: Audit) -> Iterator[Outcome]:
    for i, ind in enumerate(audit.model.indicators):
        if ind.kind != "stock":
            continue
        for column, end in STOCK_END.items():
            a, b = _indicator_value(audit, i, column), _indicator_value(audit, i, end)
            if a is None or b is None:
                continue
            detail = Fact("detail-end-level", end=end)
            yield Outcome(
                "stock-is-end-of-period",
                ind.key,
                column,
                equal(a.value, b.value, a.half + b.half),
                a.value,
                b.value,
                ("indicators", i, "values", column),
                detail,
            )


def _block_rate(audit: Audit, block: str, item: str) -> tuple[Printed, tuple] | None:
    spec = audit.model.growth.get(block)
    if spec is None:
        return None
    if item == "grdp":
        return (audit.printed("growth", block, "grdp"), ("growth", block, "grdp")) if spec.grdp is not None else None
    return (audit.printed("growth", block, item), ("growth", block, item)) if item in spec.rates else None


def _blocks_of(audit: Audit, period: str) -> list[str] | None:
    try:
        return [b.name for b in audit.scenario.economy.blocks_of(period)]
    except NotComputable:
        return None


def _aggregates(audit: Audit) -> Iterator[tuple[str, str, str, Printed, tuple]]:
    """Printed growth aggregates: (section, period, item, value, path) from published and goals."""
    for section in ("published", "goals"):
        for period, items in getattr(audit.model, section).items():
            for item in items:
                yield section, period, item, audit.printed(section, period, item), (section, period, item)


def growth_between_parts(audit: Audit) -> Iterator[Outcome]:
    for section, period, item, value, path in _aggregates(audit):
        blocks = _blocks_of(audit, period)
        if not blocks or len(blocks) < 2:
            continue
        parts = [_block_rate(audit, b, item) for b in blocks]
        if any(p is None for p in parts):
            continue
        lo = min(p.value - p.half for p, _ in parts)
        hi = max(p.value + p.half for p, _ in parts)
        lo_printed, hi_printed = min(p.value for p, _ in parts), max(p.value for p, _ in parts)
        if lo_printed <= value.value <= hi_printed:
            status = EXACT
        elif lo - value.half <= value.value <= hi + value.half:
            status = ROUNDING
        else:
            status = FAIL
        yield Outcome(
            "growth-between-parts",
            item,
            period,
            status,
            value.value,
            None,
            path,
            Fact("detail-range", low=lo_printed, high=hi_printed, blocks=tuple(blocks)),
            section=section,
        )
    # a block's GRDP lies between its sectors', and so does the base year's
    top = audit.plan.top_level
    for block, spec in audit.model.growth.items():
        if spec.grdp is not None and all(s in spec.rates for s in top):
            parts = [audit.printed("growth", block, s) for s in top]
            value = audit.printed("growth", block, "grdp")
            yield _between(value, parts, "grdp", block, ("growth", block, "grdp"))
    if "grdp" in audit.model.base_year_growth and all(s in audit.model.base_year_growth for s in top):
        parts = [audit.printed("base_year_growth", s) for s in top]
        value = audit.printed("base_year_growth", "grdp")
        yield _between(value, parts, "grdp", f"{audit.model.base_year}", ("base_year_growth", "grdp"))


def _between(value: Printed, parts: list[Printed], indicator: str, period: str, path: tuple) -> Outcome:
    lo, hi = min(p.value for p in parts), max(p.value for p in parts)
    slack_lo = min(p.value - p.half for p in parts) - value.half
    slack_hi = max(p.value + p.half for p in parts) + value.half
    status = EXACT if lo <= value.value <= hi else ROUNDING if slack_lo <= value.value <= slack_hi else FAIL
    return Outcome(
        "growth-between-parts",
        indicator,
        period,
        status,
        value.value,
        None,
        path,
        Fact("detail-range-sectors", low=lo, high=hi),
    )


def _weighted(audit: Audit, blocks: list[str], item: str) -> tuple[float, float] | None:
    """The aggregate of printed block rates with the base weights, and the rounding slack it carries."""
    e = audit.scenario.economy
    pairs, halves = [], []
    for name in blocks:
        b = e.block(name)
        if item == "grdp":
            vol = e.block_volume(b)
            if b.grdp is not None:
                printed = audit.printed("growth", name, "grdp")
                pairs.append((vol, printed.value))
                halves.append((vol, printed.half))
            elif e.has_sectors(b):
                for s in e.top:
                    p = audit.printed("growth", name, s)
                    pairs.append((b.volumes[s], p.value))
                    halves.append((b.volumes[s], p.half))
            else:
                return None
        else:
            if item not in b.rates or item not in b.volumes:
                return None
            p = audit.printed("growth", name, item)
            pairs.append((b.volumes[item], p.value))
            halves.append((b.volumes[item], p.half))
    total = math.fsum(v for v, _ in pairs)
    return weighted_growth(pairs), math.fsum(v * h for v, h in halves) / total


def reproduced_by_weights(audit: Audit) -> Iterator[Outcome]:
    e = audit.scenario.economy
    top = audit.plan.top_level
    for b in e.blocks:
        spec = audit.model.growth.get(b.name)
        if spec is None or spec.grdp is None or not all(s in spec.rates for s in top):
            continue
        value = audit.printed("growth", b.name, "grdp")
        parts = [audit.printed("growth", b.name, s) for s in top]
        vols = [b.volumes[s] for s in top]
        computed = weighted_growth(zip(vols, (p.value for p in parts)))
        slack = math.fsum(v * p.half for v, p in zip(vols, parts)) / math.fsum(vols) + value.half
        yield Outcome(
            "growth-reproduced-by-weights",
            "grdp",
            b.name,
            equal(value.value, computed, slack),
            value.value,
            computed,
            ("growth", b.name, "grdp"),
            Fact("detail-from-sectors"),
        )
    for period, item, blocks, computed, slack, value in _weighted_figures(audit, "published", min_blocks=2):
        yield Outcome(
            "growth-reproduced-by-weights",
            item,
            period,
            equal(value.value, computed, slack + value.half),
            value.value,
            computed,
            ("published", period, item),
            Fact("detail-from-blocks", blocks=tuple(blocks)),
        )


def sector_goals_reproduced(audit: Audit) -> Iterator[Outcome]:
    """Each goal against what the plan's blocks give, by the verdict ``check`` gives it (one rule:
    rounding.goal_verdict, docs/method.md §7)."""
    as_status = {MET: EXACT, WITHIN_ROUNDING: ROUNDING, MISSED: FAIL}
    evaluation = audit.scenario.check()
    for goal in evaluation.goals:
        if goal.value is None:
            continue
        yield Outcome(
            "sector-goals-reproduced",
            goal.item,
            goal.period,
            as_status[goal.verdict],
            goal.value,
            goal.min,
            ("goals", goal.period, goal.item),
            Fact("detail-from-blocks", blocks=evaluation.periods[goal.period].blocks),
        )


def _weighted_figures(audit: Audit, section: str, min_blocks: int):
    """Each printed figure of a section beside what its blocks give with the base weights, and the slack."""
    for period, items in getattr(audit.model, section).items():
        blocks = _blocks_of(audit, period)
        if not blocks or len(blocks) < min_blocks:
            continue
        for item in items:
            got = _weighted(audit, blocks, item)
            if got is not None:
                yield period, item, blocks, got[0], got[1], audit.printed(section, period, item)


def weights_exist(audit: Audit) -> Iterator[Outcome]:
    from ..calibrate import calibrate

    try:
        fit = calibrate(audit.plan)
    except InputError as exc:
        if exc.code in ("calibrate-no-sectors", "calibrate-too-few", "calibrate-undetermined"):
            # The printed figures are too few to pin weights down (a plan built from a goal prints its blocks
            # only): nothing printed disagrees with the base year's own volumes, so there is nothing to find.
            return
        yield Outcome(
            "weights-exist", "grdp", "all", FAIL, None, None, ("growth",), Fact("detail-because", because=exc.fact)
        )
        return
    bad = []
    for eq, fitted in zip(fit.equations, fit.fitted):
        period, item = eq.period, eq.item
        path = (eq.source, period, item)  # where calibrate took the figure from (a block may be published too)
        printed = audit.printed(*path)
        parts_half = 0.0
        weights = [fit.base.volume[v] for v in _variables(fit, eq)]
        halves = [audit.printed("growth", b, s).half for s, b in _variables(fit, eq)]
        parts_half = math.fsum(w * h for w, h in zip(weights, halves)) / math.fsum(weights)
        if equal(printed.value, fitted, printed.half + parts_half) == FAIL:
            bad.append(Outcome("weights-exist", item, period, FAIL, printed.value, fitted, path))
    if bad:
        yield from bad
    else:
        yield Outcome(
            "weights-exist",
            "grdp",
            "all",
            EXACT,
            None,
            None,
            ("growth",),
            Fact("detail-fit", figures=len(fit.equations), residual=fit.max_abs_residual),
        )


def _variables(fit, eq) -> list[tuple[str, str]]:
    keys = list(fit.base.volume)
    return [keys[i] for i in eq.variables]


def growth_claims(audit: Audit) -> Iterator[Outcome]:
    for i, ind in enumerate(audit.model.indicators):
        for column, pct in ind.growth_min.items():
            base = _indicator_value(audit, i, "base_year")
            value = _year_value(audit, i, column)
            if base is None or value is None:
                continue
            amount, half = value
            claim = base.value * (1 + pct / 100)
            slack = half + base.half * (1 + pct / 100)
            yield Outcome(
                "growth-claim-holds",
                ind.key,
                column,
                at_most(claim, amount, slack),
                amount,
                round(claim, 6),
                ("indicators", i, "growth_min", column),
                Fact("detail-claim", base=base.value, percent=pct),
            )


def _year_value(audit: Audit, i: int, column: str) -> tuple[float, float] | None:
    """The value of a column, printed or, for flows and stocks, made of printed parts."""
    ind = audit.model.indicators[i]
    if column in ind.values:
        p = audit.printed("indicators", i, "values", column)
        return p.value, p.half
    if column != "FY":
        return None
    if ind.kind == "stock" and "Q4" in ind.values:
        p = audit.printed("indicators", i, "values", "Q4")
        return p.value, p.half
    if ind.kind == "flow":
        for parts in (("H1", "H2"), ("9M", "Q4")):
            if all(c in ind.values for c in parts):
                cells = [audit.printed("indicators", i, "values", c) for c in parts]
                return math.fsum(c.value for c in cells), total_half(cells)
    return None


def per_capita(audit: Audit) -> Iterator[Outcome]:
    m = audit.model
    if None in (m.nominal.base_year, m.nominal.FY_min, m.per_capita.base_year, m.per_capita.FY_min):
        return
    before = m.nominal.base_year * 1e3 / m.per_capita.base_year  # bn VND / million VND = thousand persons
    after = m.nominal.FY_min * 1e3 / m.per_capita.FY_min
    growth = (after / before - 1) * 100
    lo, hi = POPULATION_GROWTH
    status = EXACT if lo <= growth <= hi else FAIL
    yield Outcome(
        "per-capita-plausible",
        "population",
        "FY",
        status,
        round(after * 1e3),
        round(before * 1e3),
        ("per_capita", "FY_min"),
        Fact("detail-population", before=before * 1e3, base_year=m.base_year, growth=growth, low=lo, high=hi),
    )


def deflators(audit: Audit) -> Iterator[Outcome]:
    m = audit.model
    fy = m.goals.get("FY", {})
    if m.nominal.base_year is None or m.nominal.FY_min is None or "grdp" not in fy:
        return
    deflator = (m.nominal.FY_min / m.nominal.base_year / (1 + fy["grdp"] / 100) - 1) * 100
    lo, hi = DEFLATOR_GROWTH
    yield Outcome(
        "deflator-plausible",
        "grdp",
        "FY",
        EXACT if lo <= deflator <= hi else FAIL,
        round(deflator, 4),
        None,
        ("nominal", "FY_min"),
        Fact("detail-deflator", before=m.nominal.base_year, after=m.nominal.FY_min, real=fy["grdp"], low=lo, high=hi),
    )
    nominal = audit.scenario.nominal_inputs
    for s, d in (nominal.deflators or {}).items():
        yield Outcome(
            "deflator-plausible",
            s,
            "FY",
            EXACT if lo <= d <= hi else FAIL,
            round(d, 4),
            None,
            ("structure", "FY", s),
            Fact("detail-deflator-sector"),
        )


def percent_range(audit: Audit) -> Iterator[Outcome]:
    for column, shares in audit.model.structure.items():
        for s, v in shares.items():
            yield Outcome(
                "percent-in-range", s, column, EXACT if 0 <= v <= 100 else FAIL, v, None, ("structure", column, s)
            )
    for i, ind in enumerate(audit.model.indicators):
        if not ind.unit.strip().startswith("%"):
            continue
        for part in ("values", "min", "stated"):
            for column, v in getattr(ind, part).items():
                yield Outcome(
                    "percent-in-range",
                    ind.key,
                    column,
                    EXACT if 0 <= v <= 100 else FAIL,
                    v,
                    None,
                    ("indicators", i, part, column),
                )


def repeated_numbers(audit: Audit) -> Iterator[Outcome]:
    m = audit.model
    for period, items in m.goals.items():
        for item in items:
            if item in m.published.get(period, {}):
                # A goal is a minimum: the appendix's figure for its period agrees when it reaches it (the plan
                # prints the two alike; a reconciled plan's appendix may reach further).
                a, b = audit.printed("goals", period, item), audit.printed("published", period, item)
                yield Outcome(
                    "repeated-number-agrees",
                    item,
                    period,
                    at_most(a.value, b.value, a.half + b.half),
                    a.value,
                    b.value,
                    ("published", period, item),
                    Fact("detail-text-and-appendix"),
                )
    for i, ind in enumerate(m.indicators):
        for column, _v in ind.stated.items():
            part = "values" if column in ind.values else "min" if column in ind.min else None
            if part is None:
                continue
            a, b = audit.printed("indicators", i, "stated", column), audit.printed("indicators", i, part, column)
            yield Outcome(
                "repeated-number-agrees",
                ind.key,
                column,
                equal(a.value, b.value, a.half + b.half),
                b.value,
                a.value,
                ("indicators", i, part, column),
                Fact("detail-text-and-appendix"),
            )


CHECKS = (
    structure_sums,
    flows_add_up,
    components,
    stocks,
    growth_between_parts,
    reproduced_by_weights,
    weights_exist,
    growth_claims,
    per_capita,
    deflators,
    percent_range,
    sector_goals_reproduced,
    repeated_numbers,
)
