"""The probability of meeting goals when the target blocks' rates are uncertain.

Each movable block × top-level sector rate gets a normal error with standard deviation ``sd[sector]``
points and a common correlation ``corr``. Every goal is linear in the rates (weights from
analysis.lever_weight), so it is normal too: P(goal met) = Φ((value − min) / σ), σ² = wᵀ Σ w — exact.
A vectorised Monte Carlo with a seed cross-checks it.
"""

from __future__ import annotations

import math
from dataclasses import field
from statistics import NormalDist
from typing import Any, Sequence

from .analysis import effects
from .dataclass import dataclass
from .economy import Economy
from .errors import InputError
from .goals import PERCENT, Goal
from .overrides import direction, open_blocks
from .rounding import noise, reaches
from .values import parse_number

QUANTILES = (0.05, 0.10, 0.25, 0.50, 0.75, 0.90, 0.95)
#: The Monte Carlo is a cross-check of an exact result: this many draws pin it to ±0.0001, in bounded memory.
MAX_DRAWS = 100_000_000
#: Draws per chunk: memory stays about CHUNK × rates × 8 bytes × 3, whatever --draws is.
CHUNK = 1_000_000


@dataclass(frozen=True)
class GoalRisk:
    period: str
    item: str
    min: float
    mean: float
    stdev: float
    weights: tuple[float, ...]
    headline: bool = False
    #: Levels (billions of VND) meet their goal within a relative noise, rates within EPS points.
    relative: bool = False

    @property
    def threshold(self) -> float:
        """The value that meets the goal by the one rule of ``check`` (rounding.reaches)."""
        return self.min - noise(self.min, self.relative)

    @property
    def probability(self) -> float:
        if self.stdev == 0:
            return 1.0 if reaches(self.mean, self.min, self.relative) else 0.0
        return 1 - NormalDist(self.mean, self.stdev).cdf(self.threshold)

    def quantiles(self) -> dict[str, float]:
        return {f"{int(q * 100)}": self.mean + self.stdev * NormalDist().inv_cdf(q) for q in QUANTILES}


@dataclass
class RiskResult:
    variables: list[tuple[str, str]]  # (block, sector)
    sd: dict[str, float]
    corr: float
    goals: list[GoalRisk]
    draws: int = 0
    seed: int | None = None
    mc_probability: dict[tuple[str, str], float] = field(default_factory=dict)

    @property
    def headline(self) -> GoalRisk:
        return next((g for g in self.goals if g.headline), self.goals[0])

    def to_dict(self) -> dict[str, Any]:
        h = self.headline
        n = self.draws

        def se(p: float) -> float:
            return math.sqrt(p * (1 - p) / n) if n else float("nan")

        mc = self.mc_probability.get((h.period, h.item))
        return {
            "goal": {"period": h.period, "item": h.item, "min": h.min},
            "probability": h.probability,
            "mean": h.mean,
            "stdev": h.stdev,
            "quantiles": h.quantiles(),
            "monte_carlo": None
            if mc is None
            else {"probability": mc, "draws": n, "seed": self.seed, "standard_error": se(mc)},
            "sd": self.sd,
            "corr": self.corr,
            "uncertain_rates": [f"{b}.{s}" for b, s in self.variables],
            "goals": [
                {
                    "period": g.period,
                    "item": g.item,
                    "min": g.min,
                    "mean": g.mean,
                    "stdev": g.stdev,
                    "probability": g.probability,
                    "monte_carlo": self.mc_probability.get((g.period, g.item)),
                }
                for g in self.goals
            ],
        }


def parse_sd(values: list[str], sectors: list[str]) -> dict[str, float]:
    """``--sd 1`` (every sector) and/or ``--sd services=1.5``."""
    out: dict[str, float] = {}
    default = None
    for v in values:
        key, sep, raw = v.partition("=")
        if not sep:
            key, raw = "", key
        x = parse_number(raw, "--sd")
        if x < 0:
            raise InputError("sd-negative", where="--sd", value=x, fix="fix-sd")
        if not key:
            default = x
        elif key not in sectors:
            raise InputError("sector-unknown", where="--sd", value=key, allowed=tuple(sectors), fix="fix-one-of")
        else:
            out[key] = x
    return {s: out.get(s, default if default is not None else 0.0) for s in sectors}


def assess(
    economy: Economy,
    goals: Sequence[Goal],
    sd: dict[str, float],
    corr: float = 0.0,
    draws: int = 0,
    seed: int | None = None,
) -> RiskResult:
    if draws < 0 or draws > MAX_DRAWS:
        raise InputError("draws-too-many", where="--draws", value=draws, limit=MAX_DRAWS, fix="fix-draws")
    if seed is not None and seed < 0:
        raise InputError("seed-negative", where="--seed", value=seed, fix="fix-seed")
    blocks = open_blocks(economy)
    # each open block's top-level sector rates; a block that gives GRDP only, its GRDP
    variables = [
        (b, s)
        for b in blocks
        for s in (economy.top if economy.block(b).rates else ("grdp",))
        if s in economy.block(b).rates or s == "grdp"
    ]
    if not variables:
        raise InputError("risk-no-target", fix="fix-risk-no-target")
    n = len(variables)
    corr = parse_number(corr, "--corr")
    # A common correlation is valid on the closed range [−1/(n−1), 1]: the correlation matrix is positive
    # semi-definite there (singular at the ends, where the closed form still holds).
    if corr > 1 or (n > 1 and corr < -1 / (n - 1) - 1e-12) or (n == 1 and corr < -1):
        raise InputError("corr-impossible", where="--corr", value=corr, rates=n, low=-1 / max(n - 1, 1), fix="fix-corr")
    sds = [sd[s] for _, s in variables]
    cov = [[sds[i] * sds[j] * (1.0 if i == j else corr) for j in range(n)] for i in range(n)]
    out = []
    # goals the data cannot give yet (unknown) have no distribution
    known = [g for g in goals if g.value(economy) is not None]
    a, _ = effects(economy, [direction(economy, b, s) for b, s in variables], known)
    for goal, row in zip(known, a):
        mean = goal.value(economy)
        # every goal check reports: one no uncertain rate reaches (actual blocks only) has σ = 0
        w = tuple(row)
        var = math.fsum(w[i] * cov[i][j] * w[j] for i in range(n) for j in range(n))
        sd_goal = math.sqrt(max(var, 0.0))
        out.append(
            GoalRisk(goal.period, goal.item, goal.minimum, mean, sd_goal, w, goal.headline, goal.unit != PERCENT)
        )
    if not out:  # every goal waits for figures the data do not give yet
        raise InputError("risk-no-goal", fix="fix-risk-no-goal")
    result = RiskResult(variables, sd, corr, out, draws, seed)
    if draws:
        import numpy as np

        rng = np.random.default_rng(seed)
        # The goals are linear in the rates, so their errors are jointly normal with covariance WᵀΣW (k × k
        # for k goals, however many uncertain rates): the draws are made in goal space, through a square root
        # of that matrix (eigenvalues, so singular correlations work too). Memory and time grow with the
        # draws and the goals, not with the rates.
        k = len(out)
        weights = np.array([g.weights for g in out]).T.reshape(n, k)
        sigma = np.array(sds)
        covariance = (np.full((n, n), corr) + np.eye(n) * (1 - corr)) * np.outer(sigma, sigma)
        goal_cov = weights.T @ covariance @ weights
        eigenvalues, vectors = np.linalg.eigh((goal_cov + goal_cov.T) / 2)
        # only the directions with variance are drawn: no more normals per draw than the rank (≤ goals, rates)
        keep = eigenvalues > 1e-12 * max(float(eigenvalues.max(initial=0.0)), 1e-300)
        root = vectors[:, keep] * np.sqrt(eigenvalues[keep])
        met = np.zeros(k, dtype=np.int64)
        means = np.array([g.mean for g in out])
        minimums = np.array([g.threshold for g in out])
        chunk = max(1, min(CHUNK, 8_000_000 // max(k, 1)))  # about 32 MB of draws at a time
        root32 = root.T.astype(np.float32)
        rank = root32.shape[0]
        for start in range(0, draws, chunk):
            size = min(chunk, draws - start)
            # single precision for the draws (a Monte Carlo's own error is far larger), the means in double
            values = means + rng.standard_normal((size, rank), dtype=np.float32) @ root32
            met += (values >= minimums).sum(axis=0)
        for g, count in zip(out, met):
            result.mc_probability[(g.period, g.item)] = float(count) / draws
    return result
