"""The library: a plan with its base year (and what was published), and one method per command that computes.

Every command of the CLI is a method here, taking the command's options as keyword arguments and returning a
result whose ``to_dict()`` is the command's JSON (contract §4); the CLI parses, calls and renders. A notebook
calls the same methods:

>>> from grdp_scenario import Plan
>>> plan = Plan.load()                                   # the packaged 2025 plan of Cần Thơ
>>> plan.check().value("FY", "grdp")                     # 10.0135…
>>> plan.whatif(set={"Q4.services": 16}).scenario.value("FY", "grdp")
>>> plan.required(goal=10.5).to_dict()["solutions"][0]

Bad input raises ``grdp_scenario.InputError``, with the message the CLI prints
(``grdp_scenario.present.wording.error_text(err, "vi")`` words it in Vietnamese).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Mapping, Sequence

from .core.dataclass import dataclass
from .core.economy import PROVISIONAL, Economy
from .core.errors import Fact, InputError
from .core.evaluate import Evaluation, evaluate
from .core.goals import Goal, find
from .core.nominal import NominalInputs
from .inputs.actuals import BaseYear, load_actuals
from .inputs.join import economy_from_plan, goals_from_plan, no_figures_error, nominal_inputs_from_plan
from .inputs.packaged import (
    DEFAULT_ACTUALS,
    DEFAULT_BASE_YEAR,
    DEFAULT_HORIZON,
    DEFAULT_REGION,
    DEFAULT_TARGETS,
    data_path,
)
from .inputs.plan import PlanFile, load_plan
from .results import (
    AuditResult,
    ReportResult,
    RequiredResult,
    RolloverResult,
    SensitivityResult,
    TargetsResult,
    WhatifResult,
)

if TYPE_CHECKING:  # the outturn model is imported where an outturn is given
    from .core.outturn import Derived

__all__ = ["Plan", "data_path", "DEFAULT_TARGETS", "DEFAULT_ACTUALS"]

#: Overrides as the library takes them: ``{"Q4.services": 16}``, or as the CLI writes them: ``["Q4.services=16"]``.
Overrides = Mapping[str, Any] | Sequence[str] | None


def base_year_file(targets: PlanFile) -> Path:
    """The base-year file a plan goes with when none is given: the one it names (relative to the plan), else
    the packaged one, but only for the packaged plan's region and base year."""
    m = targets.model
    if m.actuals:
        return Path(targets.file).parent / m.actuals
    if (m.region.key, m.base_year) == (DEFAULT_REGION, DEFAULT_BASE_YEAR):
        return data_path(DEFAULT_ACTUALS)
    raise InputError(
        "actuals-not-named",
        file=targets.file,
        line=1,
        region=m.region.name,
        base_year=m.base_year,
        fix="fix-actuals-not-named",
    )


def made_on() -> str:
    """Today's date (ISO), or the one ``SOURCE_DATE_EPOCH`` names."""
    import datetime
    import os

    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.strip().isdigit():
        return datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date().isoformat()
    return datetime.date.today().isoformat()


def _texts(overrides: Overrides) -> list[str]:
    """``P.ITEM=VALUE`` texts from a mapping or a list, so both go through the CLI's one parser."""
    if overrides is None:
        return []
    if isinstance(overrides, Mapping):
        return [f"{k}={v}" for k, v in overrides.items()]
    if isinstance(overrides, str):
        return [overrides]
    return [str(t) for t in overrides]


@dataclass(frozen=True)
class Plan:
    """A plan (its targets file), its base year, the economy they make, and its goals as values."""

    targets: PlanFile
    base: BaseYear
    economy: Economy
    goals: tuple[Goal, ...]
    nominal_inputs: NominalInputs
    #: What applying an outturn found: the blocks it implies, and figures that conflict.
    derived: tuple[Derived, ...] = ()
    conflicts: tuple[Fact, ...] = ()
    #: What laying the outturn over the plan assumed (several blocks under one figure moved by equal points).
    assumptions: tuple[Fact, ...] = ()
    #: The plan's own economy, before anything published was laid over it (what the audit reads).
    planned: Economy | None = None
    #: Each published figure laid over the plan: period, item, rate, status, source and publication date.
    sources: tuple[dict, ...] = ()

    # ----- loading ----------------------------------------------------------------------------------------
    @classmethod
    def load(
        cls,
        targets: Path | str | None = None,
        actuals: Path | str | None = None,
        outturn: Path | str | None = None,
    ) -> Plan:
        """The plan (default: the packaged one), its base year (default: the one it names) and an outturn."""
        file = load_plan(targets or data_path(DEFAULT_TARGETS))
        base = load_actuals(actuals or base_year_file(file), file)
        # Target blocks without figures (as ``init`` writes them) start from the base year's growth: ``build``
        # fills them; every other command refuses them (``ready``).
        economy = economy_from_plan(file, base, provisional=True)
        if file.model.weights_from:  # volumes estimated from published figures: carry how far they may move
            from .inputs.published import weight_variants

            economy = replace(economy, variants=weight_variants(file, base))
        nominal = nominal_inputs_from_plan(file, base.current)
        plan = cls(file, base, economy, goals_from_plan(file, nominal), nominal, planned=economy)
        return plan if outturn is None else plan.with_outturn(outturn)

    def with_outturn(self, outturn: Path | str, rows=None) -> Plan:
        """The same plan with what was published laid over it (the plan's files are not read again); ``rows``,
        when given, are the outturn's rows already in hand (``record`` to a device has nothing to read back)."""
        from .core.outturn import apply_outturn
        from .inputs.outturn import active_figures, load_outturn, published_figures

        rows = load_outturn(outturn, self.targets) if rows is None else rows
        figures = published_figures(rows)
        applied = apply_outturn(self.economy, figures, str(outturn))
        sources = tuple(
            {
                "period": r.period,
                "item": r.item,
                "rate": r.rate,
                "status": r.status,
                "source": r.source,
                "published": r.published or None,
            }
            for items in active_figures(rows).values()
            for r in items.values()
        )
        return replace(
            self,
            economy=applied.economy,
            derived=applied.derived,
            conflicts=applied.conflicts,
            assumptions=applied.assumptions,
            sources=sources,
        )

    def with_economy(self, economy: Economy) -> Plan:
        return replace(self, economy=economy)

    def with_goals(self, goals: Sequence[Goal]) -> Plan:
        """The same plan judged by other goals (``core.goals.stated({"FY": {"grdp": 10}})``), each checked
        here, where the library receives it, as the plan's own goals are checked when read."""
        from .core.goals import LEVEL_PERIODS, LEVEL_UNITS
        from .core.overrides import require_item, require_period

        for g in goals:
            require_period(self.economy, g.period, "goals")
            if g.item not in LEVEL_UNITS:
                require_item(self.economy, g.item, "goals")
            elif g.period not in LEVEL_PERIODS:
                raise InputError(
                    "goal-level-period",
                    where="goals",
                    item=g.item,
                    value=g.period,
                    allowed=LEVEL_PERIODS,
                    fix="fix-one-of",
                )
        return replace(self, goals=tuple(goals))

    def goal(self, period: str, item: str) -> Goal | None:
        return find(self.goals, period, item)

    def ready(self) -> Plan:
        """The plan, if every target block has figures; else the error that points at ``build``."""
        empty = next((b.name for b in self.economy.blocks if b.source == PROVISIONAL), None)
        if empty is not None:
            raise no_figures_error(self.targets, empty)
        return self

    def evaluate(self) -> Evaluation:
        return replace(evaluate(self.ready().economy, self.goals, self.nominal_inputs), provenance=self.provenance())

    def provenance(self) -> dict[str, Any]:
        """Where the figures come from: the plan's document, every published figure used with its source and
        publication date, the day this was made (``SOURCE_DATE_EPOCH`` fixes it, for reproducible files) and
        the tool's version."""
        from . import __version__

        return {
            "document": self.targets.model.document,
            "published": [dict(s) for s in self.sources],
            "made": made_on(),
            "tool": f"grdp-scenario {__version__}",
        }

    # ----- the commands -----------------------------------------------------------------------------------
    def check(self, strict: bool = False) -> Evaluation:
        """Every period's growth, every goal judged, contributions and nominal GRDP (``check``)."""
        return replace(self.evaluate(), strict=strict)

    def whatif(
        self,
        set: Overrides = None,
        shift: Overrides = None,
        scenario: Path | str | None = None,
        counterfactual: bool = False,
        strict: bool = False,
    ) -> WhatifResult:
        """The plan with rates changed, beside the plan (``whatif``): overrides hold together, in any order."""
        from .core.overrides import parse_override, resolve

        economy = self.ready().economy
        overrides = []
        if scenario:
            from .inputs.scenario_file import load_scenario_file  # pydantic: only for a scenario file

            overrides = load_scenario_file(scenario, economy)
        overrides += [parse_override(t, "set", economy) for t in _texts(set)]
        overrides += [parse_override(t, "shift", economy) for t in _texts(shift)]
        if not overrides:
            raise InputError("whatif-nothing", fix="fix-whatif-nothing")
        changed = self.with_economy(resolve(economy, overrides, counterfactual))
        return WhatifResult(self.check(strict), changed.check(strict), tuple(overrides))

    def required(
        self, goal: float | None = None, item: str = "grdp", period: Sequence[str] | str | None = None, for_: str = "FY"
    ) -> RequiredResult:
        """The rate each open block's GRDP or sector must reach if it alone meets the goal (``required``)."""
        from .core.analysis import solve
        from .core.evaluate import value_of

        economy = self.ready().economy
        if goal is None:
            stated = self.goal(for_, item)
            if stated is None:
                raise InputError("goal-not-set", where="--goal", period=for_, item=item, fix="fix-goal-not-set")
            goal = stated.minimum
        blocks = [period] if isinstance(period, str) else (list(period) if period else None)
        gap, solutions = solve(economy, goal, for_, item, blocks)
        return RequiredResult(float(goal), for_, item, value_of(economy, for_, item), gap, tuple(solutions))

    def sensitivity(self, period: str = "FY", item: str = "grdp") -> SensitivityResult:
        """Points of the period's growth per point of each open block × sector, largest first."""
        from .core.analysis import levers
        from .core.overrides import require_item, require_period

        economy = self.ready().economy
        require_period(economy, period, "--period")
        require_item(economy, item, "--item")
        found = levers(economy, period, item, together=False)
        return SensitivityResult(period, item, tuple(sorted(found, key=lambda lv: -abs(lv.weight))))

    def sweep(
        self,
        vary: Sequence[str] | str,
        goal: float | None = None,
        counterfactual: bool = False,
        output: Path | str | None = None,
    ):
        """FY GRDP over a grid of rates (``sweep``); with ``output``, the whole grid written to CSV or Parquet."""
        from .core.sweep import parse_axis
        from .core.sweep import sweep as run_sweep

        economy = self.ready().economy
        if goal is None:
            stated = self.goal("FY", "grdp")
            if stated is None:
                raise InputError("goal-not-set", where="--goal", period="FY", item="grdp", fix="fix-goal-not-set")
            goal = stated.minimum
        axes = [parse_axis(v, economy, counterfactual) for v in ([vary] if isinstance(vary, str) else vary)]
        result = run_sweep(economy, axes, goal, counterfactual=counterfactual)
        if output is not None:
            from .inputs.grid import write_grid

            write_grid(result, Path(output))
        return result

    def risk(
        self,
        sd: Sequence[str] | Mapping[str, float] | float | str,
        corr: float = 0.0,
        draws: int = 100_000,
        seed: int = 2025,
    ):
        """The probability of meeting each goal when every open rate has a normal error (``risk``)."""
        from .core.risk import assess, parse_sd

        if isinstance(sd, Mapping):
            texts = [f"{k}={v}" for k, v in sd.items()]
        elif isinstance(sd, (int, float, str)):
            texts = [str(sd)]
        else:
            texts = [str(t) for t in sd]
        economy = self.ready().economy
        items = list(economy.top) + (["grdp"] if any(not b.rates for b in economy.blocks) else [])
        return assess(economy, self.goals, parse_sd(texts, items), corr, draws, seed)

    def reconcile(
        self,
        keep: Sequence[str] = (),
        weights: str = "equal",
        output: Path | str | None = None,
        lang: str = "en",
    ) -> TargetsResult:
        """The smallest change of the open targets that meets every goal as printed (``reconcile``); with
        ``output``, the complete targets file with them (its comments in ``lang``)."""
        from .core.overrides import open_blocks
        from .core.reconcile import parse_keep
        from .core.reconcile import reconcile as reconcile_targets

        economy = self.ready().economy
        made = reconcile_targets(
            economy, self.goals, parse_keep(economy, list(keep)), getattr(weights, "value", weights)
        )
        result = TargetsResult(made, self.check(), self.with_economy(made.economy).check())
        if output is None:
            return result
        from .inputs.targets_writer import write_targets
        from .present.views.targets import reconcile_file_notes

        notes = reconcile_file_notes(self, made, lang)
        write_targets(output, self, made.economy, open_blocks(economy), made.decimals, notes)
        return replace(result, file=str(output))

    def build(
        self,
        goal: float | None = None,
        item: Sequence[str] = (),
        profile: str = "rising",
        output: Path | str | None = None,
        lang: str = "en",
        drop: Sequence[str] = (),
        hold: Sequence[str] = (),
    ) -> TargetsResult:
        """Targets for the open blocks meeting the plan's goals (``build``): ``goal`` in place of the year's
        GRDP goal, ``item`` goals in place of or beside the others, ``drop`` the plan's goals to leave out,
        ``hold`` sectors kept near their trend; with ``output``, the plan with these targets and goals."""
        from .core.build import build as build_targets
        from .core.build import parse_goals
        from .core.goals import as_mapping
        from .core.overrides import open_blocks

        economy = self.economy
        goals = parse_goals(economy, goal, list(item), self.goals, list(drop))
        # A goal the data cannot give yet (a sector's FY after a GRDP-only nine months) binds nothing: it
        # stays the plan's goal, judged when its figures come.
        binding = tuple(g for g in goals if g.headline or g.value(economy) is not None)
        m = self.targets.model
        made = build_targets(
            economy,
            binding,
            getattr(profile, "value", profile),
            m.base_year_growth,
            m.base_year_block_growth,
            hold=tuple(hold),
        )
        made = replace(made, goals=goals)
        # (the blocks build filled carry no figures of the plan, so these are judged without ``ready``)
        before = evaluate(economy, self.goals, self.nominal_inputs)
        after = evaluate(made.economy, made.goals, self.nominal_inputs)
        result = TargetsResult(made, before, after)
        if output is None:
            return result
        from .inputs.targets_writer import write_targets
        from .present.views.targets import build_file_notes

        notes = build_file_notes(self, made, lang)
        blocks = open_blocks(economy)
        same = as_mapping(made.goals) == as_mapping(self.goals)  # the plan's goals kept as they are
        goals = None if same else as_mapping(made.goals)
        write_targets(output, self, made.economy, blocks, made.decimals, notes, goals)
        return replace(result, file=str(output))

    def rollover(self, output: Path | str | None = None) -> RolloverResult:
        """Next year's base year from this one and the blocks whose growth is actual (``rollover``)."""
        from .core.rollover import next_base_year
        from .inputs.actuals import format_actuals

        made = next_base_year(self.ready().economy)
        if not made.volume:  # a file of empty rows is no base year: say what must come first
            raise InputError(
                "rollover-nothing-actual",
                file=self.targets.file,
                blocks=tuple(self.economy.block_names),
                fix="fix-rollover-nothing-actual",
            )
        source = f"{self.base.year} volume x (1 + {made.year} growth)"
        file = str(output) if output is not None else ""
        base = BaseYear(made.year, dict(made.volume), {}, {k: source for k in made.volume}, file)
        text = format_actuals(base, self.targets, region=True, exact=True)
        key = self.targets.model.region.key
        empty = [f"{key},{made.year},{u.block},{s},,," for u in made.undetermined if u.union is None for s in u.sectors]
        result = RolloverResult(made, text + "".join(line + "\n" for line in empty))
        return result if output is None else result.write(output)

    def report(self, outturn: Path | str | None = None) -> ReportResult:
        """What ``report`` shows: the plan beside what was published (``outturn``), and what the open blocks
        require for the year's GRDP goal."""
        from .core.overrides import open_blocks

        scenario = self.with_outturn(outturn) if outturn else self
        open_now = scenario.goal("FY", "grdp") is not None and open_blocks(scenario.ready().economy)
        need = scenario.required() if open_now else None
        return ReportResult(self, scenario, self.check(), scenario.check(), need)

    def audit(self, baseline: Path | str | None = None, fail_on: str = "error") -> AuditResult:
        """The plan's internal consistency (``audit``): the plan as printed, with any conflicts an outturn
        laid over it found; a baseline's acknowledged findings are suppressed."""
        from .audit import apply_baseline, load_baseline, run_audit

        plan = replace(self, economy=self.planned or self.economy).ready()
        report = run_audit(plan, self.conflicts)
        if baseline is not None:
            report = apply_baseline(report, load_baseline(baseline), str(baseline))
        return AuditResult(report, getattr(fail_on, "value", fail_on), self.targets)


def horizon(
    horizon: Path | str | None = None,
    set: Mapping[int | str, float] | Sequence[str] | None = None,
    targets: Path | str | None = None,
    actuals: Path | str | None = None,
    outturn: Path | str | None = None,
    sd: float = 0.0,
    draws: int = 100_000,
    seed: int = 2025,
):
    """``grdp-scenario horizon``: a multi-year plan checked against its end-year goals (default: the packaged
    Cần Thơ 2026–2030 horizon). A year whose quarterly plan is given (``targets``, with ``outturn``) takes its
    real growth from that plan's check, and is actual when the check's year is; ``set`` overrides a year's
    growth as ``whatif`` overrides a block (``{2027: 11}`` or ``["2027=11"]``); ``sd`` asks the probability that
    the average goal holds when each remaining year's growth has a normal error of that many points."""
    from dataclasses import replace as with_

    from .core.horizon import evaluate_horizon, parse_year_override
    from .core.values import parse_number
    from .inputs.horizon import load_horizon

    file = horizon or data_path(DEFAULT_HORIZON)
    h = load_horizon(file)
    if targets is not None:
        quarterly = Plan.load(targets, actuals, outturn)
        year = quarterly.targets.model.year
        if year not in [y.year for y in h.years]:
            raise InputError(
                "horizon-year-unknown",
                where="--targets",
                year=year,
                first=h.first,
                last=h.last,
                fix="fix-horizon-year",
            )
        fy = quarterly.check()
        head = fy.headline
        growth = fy.value("FY", "grdp")
        if growth is None:
            raise InputError(
                "goal-not-computable", where="--targets", period="FY", item="grdp", fix="fix-goal-not-computable"
            )
        status = "actual" if head is not None and head.basis == "actual" else h.year(year).status
        h = with_(h, years=tuple(with_(y, growth=growth, status=status) if y.year == year else y for y in h.years))
    texts = [f"{k}={v}" for k, v in set.items()] if isinstance(set, Mapping) else list(set or [])
    overrides = dict(parse_year_override(t, h) for t in texts)
    sd = parse_number(sd, "--sd")
    if sd < 0:
        raise InputError("sd-negative", where="--sd", value=sd, fix="fix-sd")
    result = evaluate_horizon(h, overrides, sd, draws if sd > 0 else 0, seed)
    return with_(result, made=made_on())


@dataclass(frozen=True)
class PublishedBaseYear:
    """A base year estimated from published figures (``init --published``): the figures, the estimate, the
    volumes in the plan's blocks and the FY current prices published with them."""

    releases: tuple
    estimate: Any
    volume: dict[tuple[str, str], float]
    current: dict[str, float]


def base_year_from_published(path: Path | str, base_year: int, blocks: Sequence[str]) -> PublishedBaseYear:
    """Estimate a base year's volumes by sector and block from what was published about it (contract §3,
    core/published.py): for a new plan whose province publishes no quarterly levels."""
    from .core.published import estimate_volumes, in_blocks
    from .inputs.published import load_published
    from .inputs.template import LEVEL1

    sectors = tuple(k for k, *_ in LEVEL1)
    releases = load_published(path, base_year, sectors)
    estimate = estimate_volumes(releases, sectors, spread=False)
    current = {r.item: r.value for r in releases if r.kind == "current" and r.item in sectors}
    return PublishedBaseYear(tuple(releases), estimate, in_blocks(estimate.volume, list(blocks)), current)
