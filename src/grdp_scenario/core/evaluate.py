"""Evaluate an economy: growth, contributions and goal verdicts for every reportable period."""

from __future__ import annotations

import math
from dataclasses import field
from typing import Any, Mapping, Sequence

from . import periods
from .dataclass import dataclass
from .economy import Economy
from .errors import Fact, NotComputable
from .growth import contribution, weighted_growth
from .rounding import FAIL, MISSED, equal

RESIDUAL = "residual"


@dataclass(frozen=True)
class PeriodResult:
    period: str
    blocks: tuple[str, ...] = ()
    grdp: float | None = None
    sectors: Mapping[str, float] = field(default_factory=dict)
    contributions: Mapping[str, float] = field(default_factory=dict)
    status: str = ""
    reason: Fact | None = None  # why it, or its sectors, cannot be computed

    @property
    def computable(self) -> bool:
        return self.grdp is not None


def status_of(statuses: list[str]) -> str:
    """One block's status, or the common status of several; 'mixed' when they differ."""
    unique = sorted(set(statuses))
    return unique[0] if len(unique) == 1 else "mixed"


def period_result(economy: Economy, period: str) -> PeriodResult:
    """A period's figures: computed from its blocks, then any figure published for it laid over them."""
    res = computed_period_result(economy, period)
    figures = economy.published.get(period)
    if not figures or not res.computable:
        return res
    sectors = {**res.sectors, **{k: v for k, v in figures.items() if k != "grdp"}}
    grdp = figures.get("grdp", res.grdp)
    contributions = dict(res.contributions)
    if contributions and grdp != res.grdp:
        # The published total stands; what the blocks do not explain joins the residual line.
        contributions[RESIDUAL] = contributions.get(RESIDUAL, 0.0) + (grdp - res.grdp)
    reason = res.reason
    if not res.sectors and sectors:
        reason = None
    return PeriodResult(
        period, res.blocks, grdp, sectors, contributions, economy.published_status.get(period, "actual"), reason
    )


#: The first-order box (each published figure's half-digit moving the figure by half the gap between its
#: pair, the moves added up) leaves out how the estimate bends; it is widened by half again. On 875
#: generated economies (tests/test_published.py's kind; releases whose quarters cannot be told apart are
#: refused, core/published.py) the exact figure stood at most 0.86 box half-widths from the estimate,
#: typically 0.19.
SPREAD_MARGIN = 1.5


def spread(economy: Economy, value_at, value: float | None) -> tuple[float, float] | None:
    """The range of a figure (``value_at(economy)``, now ``value``) over the estimated volumes' variants:
    each published figure's half-digit moves it by half the gap between its pair, and the moves add up (a
    box: core/published.py), widened by SPREAD_MARGIN. None where the volumes are given or the figure is
    unknown."""
    if not economy.variants or value is None:
        return None
    half, seen = 0.0, [value]
    for up, down in economy.variants:
        a, b = value_at(economy.with_volumes(up)), value_at(economy.with_volumes(down))
        if a is None or b is None:
            continue
        half += abs(a - b) / 2
        seen += [a, b]
    half *= SPREAD_MARGIN
    return min(value - half, *seen), max(value + half, *seen)


def value_of(economy: Economy, period: str, item: str) -> float | None:
    """One figure: a period's GRDP (``item="grdp"``) or sector growth; None when it cannot be computed."""
    return _figure(period_result(economy, period), item)


def _figure(res: PeriodResult, item: str) -> float | None:
    if not res.computable:
        return None
    return res.grdp if item == "grdp" else res.sectors.get(item)


def computed_period_result(economy: Economy, period: str) -> PeriodResult:
    """docs/method.md §1: G[P] = Σ_{b∈P} Σ_s L·g / Σ_{b∈P} Σ_s L; g[s,P] likewise; C[s,P] = Σ_b L·g / Σ L_total."""
    try:
        blocks = economy.blocks_of(period)
    except NotComputable as exc:
        return PeriodResult(period, reason=exc.fact)
    volumes = [economy.block_volume(b) for b in blocks]
    grdp = weighted_growth((v, economy.block_grdp(b)) for v, b in zip(volumes, blocks))
    status = status_of([b.status for b in blocks])
    names = tuple(b.name for b in blocks)
    without = [b.name for b in blocks if not economy.has_sectors(b)]
    if without:
        return PeriodResult(period, names, grdp, status=status, reason=Fact("sectors-unknown", blocks=tuple(without)))
    sectors: dict[str, float] = {}
    for s in economy.sector_keys:
        if all(s in b.rates and s in b.volumes for b in blocks):
            sectors[s] = weighted_growth((b.volumes[s], b.rates[s]) for b in blocks)
    total_volume = math.fsum(volumes)
    contributions = {s: contribution(((b.volumes[s], b.rates[s]) for b in blocks), total_volume) for s in economy.top}
    # A given GRDP stands; what its sectors do not explain is carried as an explicit residual line.
    residual = math.fsum(v * economy.residual(b) for v, b in zip(volumes, blocks)) / total_volume
    if any(b.grdp is not None for b in blocks):
        contributions[RESIDUAL] = residual
    return PeriodResult(period, names, grdp, sectors, contributions, status)


@dataclass(frozen=True)
class Evaluation:
    """What ``check`` reports: every period, every goal, and the verdict."""

    economy: Economy
    periods: Mapping[str, PeriodResult]
    goals: tuple  # of goals.GoalResult, as judged
    nominal: Any = None  # nominal.NominalResult, or None
    #: Blocks whose given GRDP their sectors miss by more than rounding: a warning, not a verdict.
    gaps: tuple[ResidualGap, ...] = ()
    #: Whether goals other than the headline decide ``goal_met`` (``check --strict``).
    strict: bool = False
    #: Where the figures come from (the plan's document, each published figure's source and date, when and
    #: by what this was made), as the library states it; None for an evaluation of bare figures.
    provenance: Mapping[str, Any] | None = None

    @property
    def headline(self):
        return next((g for g in self.goals if g.headline), None)

    def goal_met(self, strict: bool | None = None) -> bool:
        """The headline FY GRDP goal met; with ``strict``, also no other goal missed beyond rounding
        (docs/method.md §7). Without a headline goal, every goal stands in for it."""
        strict = self.strict if strict is None else strict
        head = self.headline
        others = [g for g in self.goals if g is not head]
        if head is not None and not head.met:
            return False
        if head is None and not all(g.met for g in others):
            return False
        return not strict or all(g.verdict != MISSED for g in others)

    @property
    def fy_grdp_range(self) -> tuple[float, float] | None:
        """Where the base volumes are estimated: how low and how high FY GRDP growth could be within the
        rounding of the published figures they come from (core/published.py)."""
        head = self.headline
        if head is not None and head.spread is not None:  # the headline goal's value is FY GRDP: judged already
            return head.spread
        return spread(self.economy, lambda e: value_of(e, "FY", "grdp"), self.value("FY", "grdp"))

    def value(self, period: str, item: str) -> float | None:
        p = self.periods.get(period)
        return None if p is None else _figure(p, item)

    def to_dict(self, strict: bool | None = None) -> dict[str, Any]:
        """The docs/method.md §9 form of ``check --format json`` (rates in percent, unrounded)."""
        strict = self.strict if strict is None else strict
        e = self.economy
        out: dict[str, Any] = {
            "region": e.region,
            "year": e.year,
            "periods": {
                p.period: {
                    "grdp": p.grdp,
                    "sectors": dict(p.sectors),
                    "contributions": dict(p.contributions),
                    "status": p.status,
                    "blocks": list(p.blocks),
                }
                for p in self.periods.values()
                if p.computable
            },
            "not_computable": {
                p.period: p.reason.to_json() for p in self.periods.values() if not p.computable and p.reason is not None
            },
            "goals": [
                {
                    "period": g.period,
                    "item": g.item,
                    "min": g.min,
                    "value": g.value,
                    "met": g.met,
                    "verdict": g.verdict,
                    "margin": g.margin,
                    "rounding": g.slack,
                    "headline": g.headline,
                    "unit": g.unit,
                    "basis": g.basis,
                    **({"range": list(g.spread)} if g.spread is not None else {}),
                }
                for g in self.goals
            ],
            "goal_met": self.goal_met(strict),
            "strict": strict,
            "warnings": [
                {
                    "rule": "block-grdp-from-sectors",
                    "block": g.block,
                    "grdp": g.grdp,
                    "from_sectors": g.from_sectors,
                    "gap": g.gap,
                    "rounding": g.rounding,
                }
                for g in self.gaps
            ],
        }
        if e.variants:
            out["weights"] = {"estimated": True, "fy_grdp_range": list(self.fy_grdp_range or (None, None))}
        if self.nominal is not None:
            out["nominal"] = self.nominal.to_json()
        if self.provenance is not None:
            out["provenance"] = dict(self.provenance)
        return out

    def periods_frame(self):
        """Periods × (grdp and sectors) as a pandas DataFrame, for notebooks."""
        import pandas as pd

        rows = [
            {"period": p.period, "status": p.status, "grdp": p.grdp, **p.sectors}
            for p in self.periods.values()
            if p.computable
        ]
        return pd.DataFrame(rows).set_index("period")

    def contributions_frame(self):
        import pandas as pd

        rows = [{"period": p.period, **p.contributions} for p in self.periods.values() if p.contributions]
        return pd.DataFrame(rows).set_index("period")

    def goals_frame(self):
        import pandas as pd

        return pd.DataFrame(
            [
                {
                    "period": g.period,
                    "item": g.item,
                    "min": g.min,
                    "value": g.value,
                    "margin": g.margin,
                    "met": g.met,
                    "verdict": g.verdict,
                }
                for g in self.goals
            ]
        )


def rounding_of(economy: Economy, period: str, item: str) -> float:
    """The rounding a period's figure carries from its blocks' printed figures: their half-units, weighted
    as the figure is (docs/method.md §7). A published figure for the period is taken as it stands."""
    if item in economy.published.get(period, {}):
        return 0.0
    try:
        blocks = economy.blocks_of(period)
    except NotComputable:
        return 0.0
    if item == "grdp":
        pairs = [(economy.block_volume(b), economy.block_half(b)) for b in blocks]
    else:
        pairs = [(b.volumes[item], b.halves.get(item, 0.0)) for b in blocks if item in b.volumes]
    total = math.fsum(v for v, _ in pairs)
    return math.fsum(v * h for v, h in pairs) / total if total > 0 else 0.0


@dataclass(frozen=True)
class ResidualGap:
    """A block whose given GRDP its sectors, weighted by the base volumes, miss by more than the rounding of
    the printed figures (docs/method.md §7): a figure is misprinted, or the base volumes are not the
    statistics office's. The given GRDP still stands (README, "What check says")."""

    block: str
    grdp: float
    from_sectors: float
    #: Half a unit of the printed GRDP plus its sectors' half-units, weighted: what rounding may explain.
    rounding: float

    @property
    def gap(self) -> float:
        return self.grdp - self.from_sectors


def residual_gaps(economy: Economy) -> tuple[ResidualGap, ...]:
    """The blocks whose published GRDP and sectors disagree beyond rounding (the rule of rounding.equal)."""
    gaps = []
    for b in economy.blocks:
        if b.grdp is None or not economy.has_sectors(b):
            continue
        from_sectors = economy.sector_grdp(b)
        parts = math.fsum(b.volumes[s] * b.halves.get(s, 0.0) for s in economy.top) / economy.block_volume(b)
        slack = b.halves.get("grdp", 0.0) + parts
        if equal(b.grdp, from_sectors, slack) == FAIL:
            gaps.append(ResidualGap(b.name, b.grdp, from_sectors, slack))
    return tuple(gaps)


def evaluate(economy: Economy, goals: Sequence, nominal_inputs: Any = None) -> Evaluation:
    """Every reported period and every goal judged (goals.Goal.judge, docs/method.md §7): the headline first,
    then the year's other goals, then the periods in the year's order."""
    results = {p: period_result(economy, p) for p in periods.REPORTED}
    judged = sorted(
        (g.judge(economy) for g in goals),
        key=lambda g: (g.period != "FY", periods.sort_key(g.period), g.item != "grdp"),
    )
    nominal = None
    if nominal_inputs is not None:
        from .nominal import nominal_result

        nominal = nominal_result(nominal_inputs, results["FY"])
    return Evaluation(economy, results, tuple(judged), nominal, residual_gaps(economy))
