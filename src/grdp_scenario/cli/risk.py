"""``grdp-scenario risk``: how likely is the goal if the target rates may miss?"""

from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Output, Outturn, Targets
from .run import emit, guarded


def risk(
    sd: Annotated[
        List[str],
        typer.Option("--sd", help="Standard deviation in points: 1 (every sector) or services=1.5 (repeatable)."),
    ],
    corr: Annotated[float, typer.Option("--corr", help="Common correlation between the rates' errors.")] = 0.0,
    draws: Annotated[int, typer.Option("--draws", min=0, help="Monte Carlo draws (0: none).")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", help="Seed of the Monte Carlo.")] = 2025,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    output: Output = None,
    debug: Debug = False,
) -> None:
    """Probability of meeting each goal when every target block × sector rate has a normal error (exact),
    cross-checked by Monte Carlo, and the quantiles of FY GRDP."""

    def action() -> int:
        from ..library import Plan
        from ..present.views.analysis import risk_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.risk(sd, corr=corr, draws=draws, seed=seed)
        return emit(risk_document(plan, result, lang), format, lang.value, output)

    guarded(action, debug, lang)
