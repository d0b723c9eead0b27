"""The smallest weighted change meeting minimum goals (core/leastsquares.py, docs/method.md §10).

The active-set answer is compared with an exhaustive one: every subset of goals taken as binding, each
solved as an equality problem by numpy's least squares, the cheapest that meets every goal kept.
"""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from grdp_scenario.core.leastsquares import smallest_change, unreachable

from economies import exhaustive


def test_one_goal_has_the_closed_form():
    """min Σw·x² with a·x ≥ d: x_j = d·(a_j/w_j)/Σ(a_k²/w_k) (Lagrange)."""
    a, d, w = [0.2, 0.5, 0.3], 0.6, [1.0, 2.0, 4.0]
    x = smallest_change([a], [d], w)
    norm = sum(ai * ai / wi for ai, wi in zip(a, w))
    assert x == pytest.approx([d * ai / wi / norm for ai, wi in zip(a, w)], abs=1e-12)


def test_goals_already_met_change_nothing():
    assert list(smallest_change([[0.5, 0.5], [1.0, 0.0]], [-0.1, 0.0], [1, 1])) == [0.0, 0.0]


def test_a_goal_no_rate_moves_is_unreachable():
    found = unreachable([[0.0, 0.0], [0.5, 0.5]], [0.06, 0.3])
    assert found.rows == (0,) and found.shortfalls == (0.06,)
    assert unreachable([[0.0, 0.0]], [-1.0]) is None  # met already: nothing to reach
    with pytest.raises(ValueError):
        smallest_change([[0.0, 0.0]], [0.06], [1, 1])


def test_dependent_goals_are_handled():
    """FY and H2 goals on one sector have proportional rows when only H2 blocks move."""
    a = [[0.25, 0.25], [0.5, 0.5], [0.3, 0.0]]
    d = [0.05, 0.1, 0.01]
    x = smallest_change(a, d, [1, 1])
    cost, expected = exhaustive(a, d, [1, 1])
    assert np.sum(x * x) == pytest.approx(cost, abs=1e-12)
    assert x == pytest.approx(expected, abs=1e-9)


@st.composite
def problems(draw):
    m = draw(st.integers(1, 5))
    n = draw(st.integers(1, 5))
    entry = st.one_of(st.just(0.0), st.floats(0.01, 1.0))
    a = np.array([[draw(entry) for _ in range(n)] for _ in range(m)])
    a[:, 0] += 0.01  # every goal reachable
    if m > 1 and draw(st.booleans()):
        a[-1] = a[0] * draw(st.floats(0.5, 2.0))  # a dependent goal, as FY and H2 of one sector
    d = np.array([draw(st.floats(-1.0, 2.0)) for _ in range(m)])
    w = np.array([draw(st.floats(0.1, 10.0)) for _ in range(n)])
    return a, d, w


@settings(max_examples=200, deadline=None)
@given(problems())
def test_no_feasible_change_of_smaller_weighted_norm_exists(problem):
    a, d, w = problem
    x = smallest_change(a, d, w)
    assert np.all(a @ x >= d - 1e-9)
    cost, _ = exhaustive(a, d, w)
    assert float(np.sum(w * x * x)) == pytest.approx(cost, rel=1e-7, abs=1e-10)
