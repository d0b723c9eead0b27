"""``grdp-scenario whatif``: the plan with some rates changed, side by side with the baseline."""

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Counterfactual, Debug, FormatOpt, LangOpt, Output, Outturn, Strict, Targets, VerdictExit
from .run import emit, guarded

Sets = Annotated[
    List[str] | None,
    typer.Option(
        "--set", help="PERIOD.ITEM=RATE, e.g. Q4.services=14.5 (repeatable; grdp shifts all sectors of the block)."
    ),
]
Shifts = Annotated[
    List[str] | None, typer.Option("--shift", help="PERIOD.ITEM=POINTS, e.g. Q4.services=-1 (repeatable).")
]
ScenarioFile = Annotated[
    Path | None,
    typer.Option(
        "--scenario", help="YAML of overrides: set: {Q4: {services: 14.5}}, shift: {Q3: {grdp: -1}}.", readable=False
    ),
]
ChangedOnly = Annotated[
    bool,
    typer.Option(
        "--changed-only/--all",
        help="Show only the figures the overrides change (the default), or all of them beside the plan's.",
    ),
]


def whatif(
    set: Sets = None,
    shift: Shifts = None,
    scenario: ScenarioFile = None,
    counterfactual: Counterfactual = False,
    changed_only: ChangedOnly = True,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    strict: Strict = False,
    output: Output = None,
    verdict_exit: VerdictExit = False,
    debug: Debug = False,
) -> None:
    """Change rates and see every period, goal and contribution move. Exit code follows the scenario.

    All overrides hold together, in any order: a sector set holds; a block's GRDP set holds by shifting its
    other sectors equally; a shift adds to the plan's value.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.analysis import whatif_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.whatif(set=set, shift=shift, scenario=scenario, counterfactual=counterfactual, strict=strict)
        document = whatif_document(plan, result, lang, changed_only)
        return emit(document, format, lang.value, output, verdict_exit=verdict_exit)

    guarded(action, debug, lang)
