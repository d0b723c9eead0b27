"""Base-year volumes from what statistics offices publish: growth rates, contribution points, FY levels.

A province rarely publishes its quarterly GRDP at constant prices, but it does publish, for the base year
over the year before, quarterly and cumulative (6M, 9M, FY) growth rates of GRDP and often of the sectors,
sometimes each sector's contribution in percentage points, and the statistical yearbook gives the FY
volumes of the sectors. Each of these is a *linear* equation in the unknown quarterly volumes of the base
year, ``L[s,q]``, and of the year before, ``M[s,q]`` (contract §1: every growth figure is a weighted
average of constant-price volumes, never compounded):

- a rate ``r`` of item i over period P:           Σ_{(s,q)∈i,P} L − (1 + r/100)·Σ_{(s,q)∈i,P} M = 0
- a contribution ``c`` of sector s over P:         Σ_{q∈P} (L[s,q] − M[s,q]) − (c/100)·Σ_{s',q∈P} M = 0
- a volume ``Y`` of item i over P:                 Σ_{(s,q)∈i,P} L = Y
- (approximation) the current-price FY structure:  Σ_q L[s,q] = share_s · Σ L

So the quarter weights follow from the base year's own cumulative releases (9M with H1 pins Q3's weight,
as ``calibrate`` does for a plan), and a block's volume share from points / rate. Where the releases leave
something open (a sector whose quarters are not published), weak priors close it: a sector's quarterly
profile is GRDP's, and its growth in an unpublished quarter is its FY growth. Each row is weighted by the
rounding of its printed figure, so a prior never outweighs a published number. The solution is found by
weighted linear least squares, re-linearised a few times (the weights and priors depend on the solution).

How far this leaves the answer open: each published figure moved by half a unit of its last printed digit
gives another set of volumes (``variants``); a command's figure under each pair brackets how much that
figure's rounding can move it, and the sum over figures (linearised, box-shaped) is the range reported
(``weights.fy_grdp_range``, contract §3).
"""

from __future__ import annotations

from dataclasses import field, replace

from . import periods
from .dataclass import dataclass
from .errors import InputError

QUARTERS = ("Q1", "Q2", "Q3", "Q4")
#: The relative weight of a prior (a modelling assumption) against a published figure (weighted by its
#: rounding, about 10⁴ for a rate printed to two decimals): priors decide only what the figures leave open.
PRIOR = 1.0
#: Re-linearisations: the row scales and priors depend on the solution; three more passes settle them to
#: far below the rounding of any published figure.
PASSES = 4


@dataclass(frozen=True)
class Release:
    """One published figure about the base year: a growth rate over the year before, a contribution in
    points, or a level (constant or current prices), with half a unit of its last printed digit."""

    period: str
    item: str  # "grdp" or a top-level sector key
    kind: str  # "rate" | "points" | "volume" | "current"
    value: float
    half: float  # half a unit in the last printed place (0.005 for 7.41)
    line: int | None = None

    def moved(self, step: float) -> Release:
        return replace(self, value=self.value + step)


@dataclass(frozen=True)
class Estimate:
    """Base-year volumes by sector and quarter, how they were obtained, and the volumes under each published
    figure moved up and down by half its last digit (pairs, in the order of ``releases``)."""

    volume: dict[tuple[str, str], float]  # (sector, quarter) → constant-price volume (or index)
    routes: tuple[str, ...]  # what was used: "volumes", "points", "rates", "structure" (an approximation)
    assumed: tuple[str, ...]  # sectors whose quarterly profile was assumed to be GRDP's
    residual: float  # the largest misfit of a published figure, in units of its rounding
    variants: tuple[tuple[dict[tuple[str, str], float], dict[tuple[str, str], float]], ...] = field(default=())
    index: bool = False  # no level was published: the volumes are an index (only ratios matter)


def _cells(item: str, period: str, sectors: tuple[str, ...]) -> list[tuple[str, str]]:
    quarters = [q for q in QUARTERS if periods.quarters(q) <= periods.quarters(period)]
    chosen = sectors if item == "grdp" else (item,)
    return [(s, q) for s in chosen for q in quarters]


def estimate_volumes(releases: list[Release], sectors: tuple[str, ...], spread: bool = True) -> Estimate:
    """The base year's quarterly volumes from ``releases`` (module docstring); with ``spread``, also the
    volumes under each rate and points figure moved by ± half its last digit."""
    kinds = {r.kind for r in releases}
    if "rate" not in kinds:
        raise InputError("published-no-rates", fix="fix-published-no-rates")
    if not {"volume", "current", "points"} & kinds:
        raise InputError("published-no-split", fix="fix-published-no-split")
    missing = _undetermined_quarters(releases, sectors)
    if missing:
        raise InputError("published-quarters-open", periods=missing, fix="fix-published-quarters-open")
    close = _indistinct_quarter(releases)
    if close is not None:
        quarter, rate, before, period = close
        raise InputError(
            "published-quarters-close",
            quarter=quarter,
            rate=rate,
            before=before,
            period=period,
            fix="fix-published-quarters-close",
        )
    point = _solve(releases, sectors)
    variants = []
    if spread:
        for i, r in enumerate(releases):
            if r.kind in ("rate", "points") and r.half > 0:
                up = _solve([x if j != i else x.moved(r.half) for j, x in enumerate(releases)], sectors)
                down = _solve([x if j != i else x.moved(-r.half) for j, x in enumerate(releases)], sectors)
                variants.append((up[0], down[0]))
    volume, residual, assumed = point
    routes = tuple(k for k in ("volume", "points", "rate", "current") if k in kinds)
    index = not {"volume", "current"} & kinds
    return Estimate(volume, routes, assumed, residual, tuple(variants), index)


def _undetermined_quarters(releases: list[Release], sectors: tuple[str, ...]) -> tuple[str, ...]:
    """The cumulative periods whose GRDP rate is still needed when the published GRDP figures (rates and
    volumes, by quarter and cumulative) leave the base year's quarter weights open; () when they pin them.

    On quarter totals V (base year) and P (year before), a rate is Σ_P V − (1 + r)·Σ_P P = 0 and a volume
    Σ_P V = Y: the weights are pinned when the solutions leave V free only in its scale."""
    import numpy as np

    rows = []
    for r in releases:
        if r.item != "grdp" or r.kind not in ("rate", "volume"):
            continue
        inside = [1.0 if periods.quarters(q) <= periods.quarters(r.period) else 0.0 for q in QUARTERS]
        if r.kind == "rate":
            rows.append(inside + [-(1 + r.value / 100) * x for x in inside])
        else:
            rows.append(inside + [0.0] * 4)
    quarter_volumes = {r.period for r in releases if r.kind == "volume" and r.item != "grdp"}
    for period in quarter_volumes:  # every sector's volume of a period gives the GRDP volume of it
        if all(any(r.kind == "volume" and r.item == s and r.period == period for r in releases) for s in sectors):
            rows.append([1.0 if periods.quarters(q) <= periods.quarters(period) else 0.0 for q in QUARTERS] + [0.0] * 4)
    a = np.array(rows) if rows else np.zeros((0, 8))
    rank = np.linalg.matrix_rank(a, tol=1e-9) if len(rows) else 0
    _, _, vt = np.linalg.svd(np.vstack([a, np.zeros((8, 8))]))
    free = vt[rank:, :4]  # the directions of V the figures leave open (scale included)
    if np.linalg.matrix_rank(free, tol=1e-9) <= 1:
        return ()
    have = {r.period for r in releases if r.item == "grdp" and r.kind == "rate"}
    return tuple(p for p in ("Q1", "Q2", "Q3", "Q4", "H1", "9M", "FY") if p not in have) or ("H1", "9M")


#: A quarter whose growth differs from that of the months before it by less than this many half-digits of
#: the rates leaves its weight to the rounding: 9M = 3.03 % after H1 = 3.03 % and Q3 = 3.025 % says nothing
#: of how Q3 weighs against H1, and no rounding range would be honest about it.
DISTINCT = 2


def _indistinct_quarter(releases: list[Release]):
    """The first quarter whose weight the cumulative releases cannot tell (its growth as good as that of
    the months before it), as (quarter, its rate, the earlier rate, the cumulative period); None if none."""
    grdp = {r.period: r for r in releases if r.item == "grdp" and r.kind == "rate"}
    for quarter, before, period in (("Q2", "Q1", "H1"), ("Q3", "H1", "9M"), ("Q4", "9M", "FY")):
        if quarter in grdp and before in grdp and period in grdp:
            half = max(grdp[quarter].half, grdp[before].half, grdp[period].half)
            if abs(grdp[quarter].value - grdp[before].value) < DISTINCT * half - 1e-9:
                return quarter, grdp[quarter].value, grdp[before].value, period
    return None


def _solve(releases: list[Release], sectors: tuple[str, ...]):
    """Weighted least squares over x = (L, M), re-linearised PASSES times."""
    import numpy as np

    cells = [(s, q) for s in sectors for q in QUARTERS]
    n = len(cells)
    at = {c: i for i, c in enumerate(cells)}
    levels = [r for r in releases if r.kind == "volume"]
    current = [r for r in releases if r.kind == "current" and r.period == "FY" and r.item != "grdp"]
    if levels:
        scale = max(r.value for r in levels)
    elif current:
        scale = sum(r.value for r in current)
    else:
        scale = 100_000.0  # an index: only ratios matter
    # the sectors whose quarterly profile no release pins down take GRDP's (a prior)
    quarterly = {
        s
        for s in sectors
        if any(r.item == s and r.kind in ("rate", "points", "volume") and r.period not in ("FY",) for r in releases)
    }
    assumed = tuple(s for s in sectors if s not in quarterly)
    fy_rate = {r.item: r.value for r in releases if r.kind == "rate" and r.period == "FY"}
    grdp_fy = fy_rate.get("grdp", 0.0)
    # start: every quarter a quarter of the year, every sector an equal share, no growth
    x = np.full(2 * n, scale / n)
    for _ in range(PASSES):
        rows, targets = [], []
        # the scales of the rows come from the last solution, kept positive and away from zero (a cell of a
        # quarter that the figures make small must not weigh a thousand times a large one)
        floor = max(float(np.abs(x[:n]).mean()), 1e-12) * 0.05
        L, M = np.maximum(np.abs(x[:n]), floor), np.maximum(np.abs(x[n:]), floor)

        def add(coeffs: dict[int, float], target: float, weight: float, rows=rows, targets=targets) -> None:
            row = np.zeros(2 * n)
            for j, c in coeffs.items():
                row[j] += c
            rows.append(row * weight)
            targets.append(target * weight)

        for r in releases:
            part = _cells(r.item, r.period, sectors)
            if r.kind == "rate":
                size = max(sum(M[at[c]] for c in part), 1e-12)
                coeffs = {at[c]: 1.0 for c in part}
                for c in part:
                    coeffs[n + at[c]] = -(1 + r.value / 100)
                add({j: v / size for j, v in coeffs.items()}, 0.0, 1 / max(r.half / 100, 1e-9))
            elif r.kind == "points":
                whole = _cells("grdp", r.period, sectors)
                size = max(sum(M[at[c]] for c in whole), 1e-12)
                coeffs: dict[int, float] = {}
                for c in part:
                    coeffs[at[c]] = coeffs.get(at[c], 0.0) + 1.0
                    coeffs[n + at[c]] = coeffs.get(n + at[c], 0.0) - 1.0
                for c in whole:
                    coeffs[n + at[c]] = coeffs.get(n + at[c], 0.0) - r.value / 100
                add({j: v / size for j, v in coeffs.items()}, 0.0, 1 / max(r.half / 100, 1e-9))
            elif r.kind == "volume":
                add({at[c]: 1.0 / r.value for c in part}, 1.0, 1 / max(r.half / r.value, 1e-9))
        if not levels and current:
            total = sum(r.value for r in current)
            for r in current:  # the current-price structure as volume weights: an approximation (labelled)
                part = _cells(r.item, "FY", sectors)
                add({at[c]: 1.0 / scale for c in part}, r.value / total, 1e4)
        if not levels and not current:
            add({at[c]: 1.0 / scale for c in cells}, 1.0, 1e4)  # the index's scale
        # priors, weak: GRDP's quarterly profile for the sectors no release resolves by quarter ...
        quarter_total = [sum(L[at[(s, q)]] for s in sectors) for q in QUARTERS]
        profile = [v / sum(quarter_total) for v in quarter_total]
        for s in assumed:
            year = sum(L[at[(s, q)]] for q in QUARTERS)
            for k, q in enumerate(QUARTERS):
                size = profile[k] * year
                others = {at[(s, qq)]: -profile[k] / size for qq in QUARTERS}
                others[at[(s, q)]] = others.get(at[(s, q)], 0.0) + 1.0 / size
                add(others, 0.0, PRIOR)
        # ... and, for every cell, its FY growth (the sector's, or GRDP's) where no quarter says otherwise
        for s, q in cells:
            g = fy_rate.get(s, grdp_fy)
            size = L[at[(s, q)]]
            add({at[(s, q)]: 1.0 / size, n + at[(s, q)]: -(1 + g / 100) / size}, 0.0, PRIOR)
        A, b = np.array(rows), np.array(targets)
        x, *_ = np.linalg.lstsq(A, b, rcond=None)
    L, M = x[:n], x[n:]
    if (L <= 0).any() or (M <= 0).any():
        raise InputError("published-inconsistent", fix="fix-published-inconsistent")
    misfit = 0.0
    for r in releases:
        if r.kind in ("rate", "points") and r.half > 0:
            misfit = max(misfit, abs(_implied(r, L, M, at, sectors) - r.value) / r.half)
    return {c: float(L[at[c]]) for c in cells}, misfit, assumed


def _implied(r: Release, L, M, at, sectors) -> float:
    """The figure the solved volumes imply for release ``r`` (to measure the fit)."""
    part = _cells(r.item, r.period, sectors)
    if r.kind == "rate":
        return (sum(L[at[c]] for c in part) / sum(M[at[c]] for c in part) - 1) * 100
    whole = _cells("grdp", r.period, sectors)
    return sum(L[at[c]] - M[at[c]] for c in part) / sum(M[at[c]] for c in whole) * 100


def in_blocks(volume: dict[tuple[str, str], float], blocks: list[str]) -> dict[tuple[str, str], float]:
    """Quarterly volumes summed into the plan's blocks (H1 = Q1 + Q2 …): constant prices add up."""
    out: dict[tuple[str, str], float] = {}
    for (s, q), v in volume.items():
        block = next(b for b in blocks if periods.quarters(q) <= periods.quarters(b))
        out[(s, block)] = out.get((s, block), 0.0) + v
    return out
