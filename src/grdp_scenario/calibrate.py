"""Derive base-year constant-price volumes from the growth figures a plan prints.

Constant-price quarterly levels of the merged city are not published. But a plan that prints block
rates *and* their aggregates (block GRDP from sectors, 9M and H2 for GRDP and each sector) pins the
relative volumes down: each printed aggregate G is a weighted mean Σ L·g / Σ L of its parts. We find
the non-negative volumes L[s,b] (top-level sectors s, growth blocks b) that reproduce every printed
aggregate best in the least-squares sense, the residuals measured in percentage points:

    minimise Σ_P (Σ_{i∈P} L_i·g_i / Σ_{i∈P} L_i − G_P)²   subject to Σ L = SCALE.

The residuals are ratios of linear forms; we solve by Gauss–Newton from an iteratively reweighted
linear start, under the scale constraint (KKT system). The fit is unique when the equations pin down
every ratio (the shipped plan has 13 equations for 11 free ratios). Only ratios matter: the volumes
are an index whose year total is SCALE.
"""

from __future__ import annotations

from .core import periods
from .core.dataclass import dataclass
from .core.errors import InputError
from .inputs.actuals import BaseYear

SCALE = 100_000.0
SOURCE = "calibrated from the plan's printed growth figures (index: base-year total = 100000; only ratios matter)"


@dataclass(frozen=True)
class Equation:
    period: str  # a block or a published period
    item: str  # "grdp" or a top-level sector
    variables: tuple[int, ...]
    rates: tuple[float, ...]
    printed: float
    #: Where the printed figure stands in the targets file: a block's own GRDP, or a published period's item.
    source: str = "growth"


@dataclass(frozen=True)
class Fit:
    base: BaseYear
    equations: tuple[Equation, ...]
    fitted: tuple[float, ...]
    unknowns: int

    @property
    def residuals(self) -> list[tuple[str, float, float, float]]:
        return [(e, e.printed, f, f - e.printed) for e, f in zip(self.equations, self.fitted)]

    @property
    def max_abs_residual(self) -> float:
        return max((abs(r) for *_, r in self.residuals), default=0.0)


def _equations(plan) -> tuple[list[tuple[str, str]], list[Equation]]:
    m = plan.model
    top = plan.top_level
    blocks = sorted(m.growth, key=periods.sort_key)
    no_sectors = [b for b in blocks if not all(s in m.growth[b].rates for s in top)]
    if no_sectors:
        raise InputError(
            "calibrate-no-sectors",
            file=plan.file,
            line=plan.line("growth", no_sectors[0]),
            blocks=tuple(no_sectors),
            fix="fix-calibrate-no-sectors",
        )
    variables = [(s, b) for b in blocks for s in top]
    index = {v: i for i, v in enumerate(variables)}
    eqs: list[Equation] = []

    def add(period: str, item: str, cells: list[tuple[str, str]], printed: float, source: str) -> None:
        rates = tuple(m.growth[b].rates[s] for s, b in cells)
        eqs.append(Equation(period, item, tuple(index[c] for c in cells), rates, printed, source))

    for b in blocks:
        if m.growth[b].grdp is not None:
            add(b, "grdp", [(s, b) for s in top], m.growth[b].grdp, "growth")
    for period, items in m.published.items():
        inside = [b for b in blocks if periods.quarters(b) <= periods.quarters(period)]
        if frozenset().union(*(periods.quarters(b) for b in inside)) != periods.quarters(period):
            continue  # not a union of blocks: it cannot constrain block volumes
        for item, printed in items.items():
            if item == "grdp":
                add(period, "grdp", [(s, b) for b in inside for s in top], printed, "published")
            elif item in top:
                add(period, item, [(item, b) for b in inside], printed, "published")
    return variables, eqs


def calibrate(plan) -> Fit:
    import numpy as np

    variables, eqs = _equations(plan)
    n = len(variables)
    if len(eqs) < n - 1:
        raise InputError(
            "calibrate-too-few", file=plan.file, figures=len(eqs), ratios=n - 1, fix="fix-calibrate-too-few"
        )

    def residuals_and_jacobian(x):
        r = np.empty(len(eqs))
        J = np.zeros((len(eqs), n))
        for k, e in enumerate(eqs):
            idx = np.array(e.variables)
            g = np.array(e.rates)
            total = x[idx].sum()
            G = x[idx] @ g / total
            r[k] = G - e.printed
            J[k, idx] = (g - G) / total
        return r, J

    ones = np.ones(n)

    def constrained_step(A, b):
        # minimise |A·x + b|² subject to Σx = const: the KKT system of the scale constraint.
        K = np.block([[2 * A.T @ A, ones[:, None]], [ones[None, :], np.zeros((1, 1))]])
        rhs = np.concatenate([-2 * A.T @ b, [0.0]])
        return _solve(K, rhs)[:n]

    try:
        with np.errstate(all="ignore"):  # degenerate figures give NaN or infinities, refused below with a message
            x = ones / n
            for _ in range(20):  # reweighted linear start: rows Σ L(g − G_P) / Σ L at the current weights
                A = np.zeros((len(eqs), n))
                for k, e in enumerate(eqs):
                    idx = np.array(e.variables)
                    A[k, idx] = (np.array(e.rates) - e.printed) / x[idx].sum()
                K = np.block([[2 * A.T @ A, ones[:, None]], [ones[None, :], np.zeros((1, 1))]])
                x_new = _solve(K, np.concatenate([np.zeros(n), [1.0]]))[:n]
                if not np.isfinite(x_new).all() or np.max(np.abs(x_new - x)) < 1e-14:
                    x = x_new
                    break
                x = x_new
            for _ in range(100):  # Gauss–Newton on the residuals in points
                if not np.isfinite(x).all():
                    break
                r, J = residuals_and_jacobian(x)
                dx = constrained_step(J, r)
                x = x + dx
                if np.max(np.abs(dx)) < 1e-16:
                    break
            if np.isfinite(x).all():
                r, _ = residuals_and_jacobian(x)
    except np.linalg.LinAlgError:  # the figures leave the system singular beyond what lstsq can bear
        x = np.full(n, np.nan)
    if not (np.isfinite(x).all() and np.isfinite(r).all()):
        raise InputError("calibrate-undetermined", file=plan.file, fix="fix-calibrate-too-few")
    if (x <= 0).any():
        bad = tuple(variables[i] for i in np.flatnonzero(x <= 0))
        raise InputError("calibrate-not-positive", file=plan.file, cells=bad, fix="fix-calibrate-not-positive")
    volume = {v: float(x[i] * SCALE) for i, v in enumerate(variables)}
    sources = {v: "calibrated" for v in variables}
    base = BaseYear(plan.model.base_year, volume, _current_prices(plan), sources, file="<calibrated>")
    fitted = tuple(float(e.printed + r[k]) for k, e in enumerate(eqs))
    return Fit(base, tuple(eqs), fitted, n)


def _solve(K, rhs):
    """Least squares of K·x = rhs; NaN where K is not finite (LAPACK would print to the terminal)."""
    import numpy as np

    if not (np.isfinite(K).all() and np.isfinite(rhs).all()):
        return np.full(len(rhs), np.nan)
    return np.linalg.lstsq(K, rhs, rcond=None)[0]


def _current_prices(plan) -> dict[str, float]:
    """FY current prices: the base-year nominal GRDP × the base-year structure (PL I rows 2 and 4)."""
    m = plan.model
    shares = m.structure.get("base_year", {})
    if m.nominal.base_year is None or not all(s in shares for s in plan.top_level):
        return {}
    total = sum(shares[s] for s in plan.top_level)
    return {s: m.nominal.base_year * shares[s] / total for s in plan.top_level}


CURRENT_SOURCE = "base-year nominal GRDP × base-year structure (plan: nominal.base_year, structure.base_year)"
