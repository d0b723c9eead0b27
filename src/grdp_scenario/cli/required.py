"""``grdp-scenario required``: what must the rest of the year deliver to meet a goal?"""

from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Output, Outturn, Targets, VerdictExit
from .run import emit, guarded

Goal = Annotated[float | None, typer.Option("--goal", help="Goal rate in percent (default: the plan's goal).")]
Item = Annotated[str, typer.Option("--item", help="grdp or a sector key: whose goal.")]
For = Annotated[str, typer.Option("--for", help="The period of the goal.")]
Period = Annotated[
    List[str] | None, typer.Option("--period", help="Only these blocks move (repeatable; default: every target block).")
]


def required(
    goal: Goal = None,
    item: Item = "grdp",
    period: Period = None,
    for_: For = "FY",
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    output: Output = None,
    verdict_exit: VerdictExit = False,
    debug: Debug = False,
) -> None:
    """The rate each target block's GRDP or sector must reach if it alone meets the goal exactly.

    Exit 0 when the goal is already met, 1 when a gap remains, 2 on bad input.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.analysis import required_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.required(goal=goal, item=item, period=period, for_=for_)
        return emit(required_document(plan, result, lang), format, lang.value, output, verdict_exit=verdict_exit)

    guarded(action, debug, lang)
