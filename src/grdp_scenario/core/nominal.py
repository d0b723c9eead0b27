"""Nominal GRDP, economic structure and GRDP per capita for the year (docs/method.md §6).

Nominal GRDP of sector s = base-year current-price value × (1 + real growth) × (1 + deflator growth);
structure = nominal shares; per capita = nominal GRDP / average population. The plan does not print
deflators or population: unless the targets file states them under ``assumptions``, we take the ones
the plan implies (its FY nominal GRDP split by its FY structure, over its FY sector goals; its nominal
GRDP over its per-capita figure) and show them as the assumptions they are.
"""

from __future__ import annotations

import math
from typing import Any, Mapping

from .dataclass import dataclass
from .errors import Fact
from .growth import nominal_value, shares

IMPLIED = "implied"
STATED = "stated"


@dataclass(frozen=True)
class NominalInputs:
    current: Mapping[str, float]  # base-year FY current-price value per top-level sector, bn VND
    deflators: Mapping[str, float] | None  # percent per sector
    deflator_source: str
    population: float | None  # persons
    population_source: str
    missing: Fact | None = None  # why nominal figures cannot be computed


@dataclass(frozen=True)
class NominalResult:
    inputs: NominalInputs
    by_sector: Mapping[str, float] | None = None
    total: float | None = None
    structure: Mapping[str, float] | None = None
    per_capita: float | None = None  # million VND
    reason: Fact | None = None

    def to_json(self) -> dict[str, Any]:
        i = self.inputs
        return {
            "grdp": self.total,
            "sectors": dict(self.by_sector or {}),
            "structure": dict(self.structure or {}),
            "per_capita": self.per_capita,
            "unit": "billion VND",
            "per_capita_unit": "million VND",
            "assumptions": {
                "deflators": dict(i.deflators or {}),
                "deflators_source": i.deflator_source,
                "population": i.population,
                "population_source": i.population_source,
            },
            "reason": None if self.reason is None else self.reason.to_json(),
        }


def nominal_result(inputs: NominalInputs, fy) -> NominalResult:
    if inputs.missing:
        return NominalResult(inputs, reason=inputs.missing)
    if not fy.computable or any(s not in fy.sectors for s in inputs.current):
        return NominalResult(inputs, reason=Fact("nominal-fy-sectors-unknown", because=fy.reason))
    by_sector = {s: nominal_value(inputs.current[s], fy.sectors[s], inputs.deflators[s]) for s in inputs.current}
    total = math.fsum(by_sector.values())
    per_capita = total * 1e9 / inputs.population / 1e6 if inputs.population else None
    return NominalResult(inputs, by_sector, total, shares(by_sector), per_capita)
