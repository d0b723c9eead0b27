"""``grdp-scenario sensitivity``: which lever moves the year most?"""

from __future__ import annotations

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
        from ..core.analysis import levers
        from ..core.overrides import require_item, require_period
        from ..present.views.analysis import sensitivity_document
        from ..scenario import Scenario

        scenario = Scenario.load(targets, actuals, outturn)
        economy = scenario.economy
        require_period(economy, period, "--period")
        require_item(economy, item, "--item")
        found = levers(economy, period, item, together=False)
        return emit(sensitivity_document(scenario, period, item, found, lang), format, lang.value, output)

    guarded(action, debug, lang)
