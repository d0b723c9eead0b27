"""The arithmetic of growth at constant prices: small functions, each named for what it computes.

Method (docs/method.md §1): GRDP is measured at constant prices ("giá so sánh"), so volumes add up, and
growth of any period is measured against the same period of the base year (Decision 05/2023/QĐ-TTg,
indicator T0501, "tốc độ tăng tổng sản phẩm trên địa bàn"). Growth of a sum is therefore the
volume-weighted mean of the growth of its parts: cumulative periods are weighted averages, never
compounded products. The weights are base-period volumes at constant prices, never current-price
shares ("cơ cấu").

Rates are in percent, contributions in percentage points. ``math.fsum`` keeps sums exact to the last
bit so contributions add up to their total.
"""

from __future__ import annotations

import math
from collections.abc import Iterable


def weighted_growth(pairs: Iterable[tuple[float, float]]) -> float:
    """G = Σ L·g / Σ L over (volume L, rate g) pairs: growth of an aggregate of volumes (docs/method.md §1)."""
    pairs = list(pairs)
    total = math.fsum(v for v, _ in pairs)
    if total <= 0:
        raise ZeroDivisionError("the base volumes add up to zero")
    return math.fsum(v * g for v, g in pairs) / total


def contribution(pairs: Iterable[tuple[float, float]], aggregate_volume: float) -> float:
    """C = Σ L·g / L_aggregate, in points: a part's share of the aggregate's growth (docs/method.md §2).

    The contributions of parts that partition the aggregate add up to its growth exactly.
    """
    return math.fsum(v * g for v, g in pairs) / aggregate_volume


def growth_weight(part_volume: float, aggregate_volume: float) -> float:
    """∂G/∂g: points of aggregate growth per point of the part's growth (its base-volume share)."""
    return part_volume / aggregate_volume


def required_rate(rate: float, aggregate: float, goal: float, weight: float) -> float:
    """The rate at which a part alone lifts the aggregate exactly to ``goal``: r + (goal − G)/w (method §3).

    Exact because the aggregate is linear in each part's rate (weight w = L_part / L_aggregate).
    """
    if weight <= 0:
        raise ZeroDivisionError("the part has no weight in the aggregate")
    return rate + (goal - aggregate) / weight


def completing_block_rate(
    cumulative_rate: float, cumulative_volume: float, known_rate: float, known_volume: float
) -> float:
    """Invert a published cumulative figure: the rate of the block that completes it (docs/method.md §4).

    G_cum·L_cum = g_known·L_known + g_new·L_new (9M known and H1 known gives Q3).
    """
    new_volume = cumulative_volume - known_volume
    if new_volume <= 0:
        raise ZeroDivisionError("the completing block has no volume")
    return (cumulative_rate * cumulative_volume - known_rate * known_volume) / new_volume


def nominal_value(base_current: float, real_growth: float, deflator_growth: float) -> float:
    """Current-price value = base current value × (1 + real growth) × (1 + deflator growth) (method §6)."""
    return base_current * (1 + real_growth / 100) * (1 + deflator_growth / 100)


def implied_deflator(nominal: float, base_current: float, real_growth: float) -> float:
    """The deflator growth, in percent, that turns real growth into a given nominal value."""
    return (nominal / (base_current * (1 + real_growth / 100)) - 1) * 100


def shares(values: dict[str, float]) -> dict[str, float]:
    """Percent shares of a total (the economic structure is nominal shares)."""
    total = math.fsum(values.values())
    return {k: 100 * v / total for k, v in values.items()}
