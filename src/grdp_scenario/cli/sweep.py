"""``grdp-scenario sweep``: a grid over one or two rates."""

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Counterfactual, Debug, FormatOpt, LangOpt, Outturn, Targets
from .run import emit, guarded


def sweep(
    vary: Annotated[List[str], typer.Option("--vary", help="PERIOD.ITEM=START:STOP:STEP (once or twice).")],
    goal: Annotated[float | None, typer.Option("--goal", help="Default: the plan's FY GRDP goal.")] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output",
            "-o",
            help="Write the full grid here: .csv, or .parquet if pyarrow is installed.",
            readable=False,
        ),
    ] = None,
    counterfactual: Counterfactual = False,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """FY GRDP over a grid of rates: how much of it meets the goal, and where the goal is just met.

    Each point is the what-if that sets the varied rates (the override rule of whatif): any two levers can
    be varied together, except the same one twice.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.analysis import sweep_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.sweep(vary, goal=goal, counterfactual=counterfactual, output=output)
        return emit(sweep_document(plan, result, lang), format, lang.value)

    guarded(action, debug, lang)
