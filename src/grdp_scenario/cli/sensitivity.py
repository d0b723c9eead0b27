"""``grdp-scenario sensitivity``: which lever moves the year most?"""

from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Output, Outturn, Targets
from .run import emit, guarded


def sensitivity(
    period: Annotated[str, typer.Option("--period", help="The period whose growth is measured.")] = "FY",
    item: Annotated[str, typer.Option("--item", help="grdp or a sector key.")] = "grdp",
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    output: Output = None,
    debug: Debug = False,
) -> None:
    """Points of the period's growth gained per point of each target block × sector, largest first."""

    def action() -> int:
        from ..library import Plan
        from ..present.views.analysis import sensitivity_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.sensitivity(period=period, item=item)
        return emit(sensitivity_document(plan, result, lang), format, lang.value, output)

    guarded(action, debug, lang)
