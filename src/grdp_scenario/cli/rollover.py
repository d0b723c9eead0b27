"""``grdp-scenario rollover``: next year's base-year file from this base year and the year's actual growth."""

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, LangOpt, Outturn, Targets
from .run import guarded, say


def rollover(
    output: Annotated[
        Path, typer.Option("--output", "-o", help="The new base-year CSV to write (actuals_YEAR.csv).", readable=False)
    ],
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Write next year's base year: each block's volume times (1 + its actual growth), per sector. Blocks whose
    growth is not actual are named on stderr and left empty in the file, to fill in. Exit 0 when written."""

    def action() -> int:
        from ..library import Plan
        from ..present.views.rollover import rollover_lines

        plan = Plan.load(targets, actuals, outturn)
        result = plan.rollover(output=output)
        say("\n".join(rollover_lines(plan, result.rollover, output, lang)))
        return 0

    guarded(action, debug, lang)
