"""The smallest weighted change that meets a set of minimum goals (docs/method.md §10).

Every goal of a plan is a minimum on an aggregate that is linear in the block rates, so "the targets meet
every goal" is a set of linear inequalities ``A·x ≥ d`` on the changes ``x`` (percentage points), and the
smallest change is the weighted least-squares problem

    minimise ½ Σ_j w_j·x_j²   subject to   A·x ≥ d.

Its solution is found by the primal active-set method for convex quadratic programs (Nocedal & Wright,
*Numerical Optimization*, 2nd ed., Algorithm 16.3), run on the scaled variables y = √w·x so that the
objective is ½‖y‖². Raising a rate never lowers a growth aggregate, so A ≥ 0: a goal that no free rate moves
(a zero row) and that is not yet met makes the set infeasible, and every other set is feasible.
"""

from __future__ import annotations

from .dataclass import dataclass

#: Changes, residuals and multipliers smaller than this (in points) are zero.
TOLERANCE = 1e-10
#: More iterations than any plan needs (each adds or drops one active goal).
MAX_ITERATIONS = 1000


@dataclass(frozen=True)
class Unreachable:
    """Goals that no free rate moves, each with how far it stays short (points)."""

    rows: tuple[int, ...]
    shortfalls: tuple[float, ...]


def unreachable(a, d) -> Unreachable | None:
    """The goals not met (d > 0) whose row is zero: no change of the free rates can meet them."""
    import numpy as np

    a, d = np.asarray(a, dtype=float), np.asarray(d, dtype=float)
    if a.size == 0:
        rows = [i for i in range(len(d)) if d[i] > TOLERANCE]
    else:
        rows = [i for i in range(len(d)) if d[i] > TOLERANCE and not np.any(a[i] > TOLERANCE)]
    return Unreachable(tuple(rows), tuple(float(d[i]) for i in rows)) if rows else None


def smallest_change(a, d, weights):
    """x minimising ½Σw·x² with A·x ≥ d, for A ≥ 0 with every unmet goal reachable (see ``unreachable``).

    Returns a numpy vector. Goals already met (d ≤ 0) may be met by x = 0; the method moves only as far as
    the binding goals ask.
    """
    import numpy as np

    a = np.asarray(a, dtype=float).reshape(len(d), -1)
    d = np.asarray(d, dtype=float)
    w = np.asarray(weights, dtype=float)
    if np.any(w <= 0) or np.any(a < -TOLERANCE):
        raise ValueError("weights must be positive and A non-negative")
    n = a.shape[1]
    if n == 0 or not np.any(d > TOLERANCE):
        return np.zeros(n)
    if unreachable(a, d) is not None:
        raise ValueError("a goal that no rate moves is not met")
    root = np.sqrt(w)
    b = a / root  # in y = √w·x the objective is ½‖y‖²
    # A feasible start: every free rate up by the same points, as many as the furthest goal needs.
    sums = a.sum(axis=1)
    need = max((d[i] / sums[i] for i in range(len(d)) if d[i] > TOLERANCE), default=0.0)
    y = root * need
    working: list[int] = []
    for _ in range(MAX_ITERATIONS):
        target, multipliers = _equality_minimum(b, d, working, n)
        step = target - y
        if np.linalg.norm(step) <= TOLERANCE * max(1.0, np.linalg.norm(y)):
            if not working or multipliers.min() >= -TOLERANCE:
                return y / root
            working.pop(int(np.argmin(multipliers)))  # the goal that holds y back least: let it go
            continue
        # Step towards the minimum on the working set, stopping at the first goal it would break.
        length, blocking = 1.0, None
        for i in range(len(d)):
            if i in working:
                continue
            slope = b[i] @ step
            if slope < -TOLERANCE:
                room = (d[i] - b[i] @ y) / slope
                if room < length:
                    length, blocking = max(room, 0.0), i
        y = y + length * step
        if blocking is not None:
            working.append(blocking)
    raise ArithmeticError("the active-set method did not converge")  # pragma: no cover - finite by theory


def _equality_minimum(b, d, working: list[int], n: int):
    """min ½‖y‖² with B_W·y = d_W: y = B_Wᵀλ, (B_W B_Wᵀ)λ = d_W (the rows of W are independent)."""
    import numpy as np

    if not working:
        return np.zeros(n), np.zeros(0)
    rows = b[working]
    multipliers = np.linalg.solve(rows @ rows.T, d[working])
    return rows.T @ multipliers, multipliers
