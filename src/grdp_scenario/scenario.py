"""The library: load a plan and its base year, evaluate it, change it. Usable from a notebook.

>>> from grdp_scenario import Scenario
>>> s = Scenario.load()              # the packaged 2025 plan of Cần Thơ
>>> s.check().value("FY", "grdp")    # 10.0135…
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from importlib import resources
from pathlib import Path

from .core.economy import Economy
from .core.errors import Fact, InputError
from .core.evaluate import Evaluation, evaluate
from .core.nominal import NominalInputs
from .core.outturn import Derived
from .inputs.actuals import BaseYear, load_actuals
from .inputs.join import economy_from_plan, goal_halves, nominal_inputs_from_plan
from .inputs.plan import Plan, load_plan

DEFAULT_TARGETS = "targets_2025.yaml"
DEFAULT_ACTUALS = "actuals_2024.csv"
#: Whose base year the packaged actuals are: only a plan of this region and base year may fall back on it.
DEFAULT_REGION, DEFAULT_BASE_YEAR = "can-tho", 2024


def data_path(name: str) -> Path:
    """A packaged data file: inside the wheel, or data/ of a source checkout."""
    packaged = resources.files("grdp_scenario") / "data" / name
    if packaged.is_file():
        return Path(str(packaged))
    return Path(__file__).resolve().parents[2] / "data" / name


def base_year_file(plan: Plan) -> Path:
    """The base-year file a plan goes with when --actuals is not given: the one it names (relative to the
    plan), else the packaged one, but only for the packaged plan's region and base year."""
    m = plan.model
    if m.actuals:
        return Path(plan.file).parent / m.actuals
    if (m.region.key, m.base_year) == (DEFAULT_REGION, DEFAULT_BASE_YEAR):
        return data_path(DEFAULT_ACTUALS)
    raise InputError(
        "actuals-not-named",
        file=plan.file,
        line=1,
        region=m.region.name,
        base_year=m.base_year,
        fix="fix-actuals-not-named",
    )


@dataclass(frozen=True)
class Scenario:
    plan: Plan
    base: BaseYear
    economy: Economy
    goals: dict
    nominal_inputs: NominalInputs
    #: What applying an outturn found: the blocks it implies, and figures that conflict.
    derived: tuple[Derived, ...] = ()
    conflicts: tuple[Fact, ...] = ()

    @classmethod
    def load(
        cls,
        targets: Path | str | None = None,
        actuals: Path | str | None = None,
        outturn: Path | str | None = None,
        provisional: bool = False,
    ) -> Scenario:
        """The plan, its base year and an outturn; ``provisional`` lets target blocks without figures start
        from the base year's growth (for ``build``, which replaces them)."""
        plan = load_plan(targets or data_path(DEFAULT_TARGETS))
        base = load_actuals(actuals or base_year_file(plan), plan)
        economy = economy_from_plan(plan, base, provisional=provisional)
        goals = {p: dict(items) for p, items in plan.model.goals.items()}
        scenario = cls(plan, base, economy, goals, nominal_inputs_from_plan(plan, base.current))
        return scenario if outturn is None else scenario.with_outturn(outturn)

    def with_outturn(self, outturn: Path | str) -> Scenario:
        """The same plan with what was published laid over it (the plan's files are not read again)."""
        from .core.outturn import apply_outturn
        from .inputs.outturn import load_outturn, published_figures

        figures = published_figures(load_outturn(outturn, self.plan))
        applied = apply_outturn(self.economy, figures, str(outturn))
        return replace(self, economy=applied.economy, derived=applied.derived, conflicts=applied.conflicts)

    def with_economy(self, economy: Economy) -> Scenario:
        return replace(self, economy=economy)

    def with_goals(self, goals: dict) -> Scenario:
        """The same plan judged by other goals (period → item → minimum), as ``build`` sets them."""
        return replace(self, goals={p: dict(items) for p, items in goals.items()})

    def check(self) -> Evaluation:
        return evaluate(self.economy, self.goals, self.nominal_inputs, goal_halves(self.plan))
