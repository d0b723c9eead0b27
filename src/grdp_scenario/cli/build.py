"""``grdp-scenario build``: targets for the blocks not yet actual, built from the goal and a profile."""

from enum import Enum
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Outturn, Targets, TargetsOutput
from .run import emit, guarded


class Profile(str, Enum):
    rising = "rising"
    uplift = "uplift"
    scaled = "scaled"


GoalOpt = Annotated[
    str | None,
    typer.Option(
        "--goal",
        help="The year's GRDP goal in percent, met exactly (default: the plan's FY GRDP goal).",
        show_default=False,
    ),
]
Hold = Annotated[
    List[str] | None,
    typer.Option(
        "--hold",
        help="Keep a sector near its trend (its latest rates, or the base year's): it takes no share of the "
        "lift the goal needs (repeatable).",
    ),
]
Drop = Annotated[
    List[str] | None,
    typer.Option("--drop", help="Leave out one of the plan's goals, PERIOD.ITEM or ITEM for FY (repeatable)."),
]
Items = Annotated[
    List[str] | None,
    typer.Option(
        "--item", help="A sector goal, KEY=RATE for the year or PERIOD.KEY=RATE, e.g. H2.grdp=11.9 (repeatable)."
    ),
]
ProfileOpt = Annotated[
    Profile,
    typer.Option(
        "--profile",
        help="rising: equal steps up from the latest actual rates; uplift: base-year growth plus equal points; "
        "scaled: base-year growth times one factor.",
    ),
]


def build(
    goal: GoalOpt = None,
    item: Items = None,
    drop: Drop = None,
    hold: Hold = None,
    profile: ProfileOpt = Profile.rising,
    output: TargetsOutput = None,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Build the target blocks' rates meeting the plan's goals (the year's GRDP goal exactly, every other goal
    as a minimum; --goal and --item replace or add goals, --drop leaves one out): blocks already actual or
    published stay. With --output, the plan with these targets and these goals. Exit 0 when built, 2 on bad input.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.targets import build_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.build(
            goal,
            item=item or (),
            profile=profile.value,
            output=output,
            lang=lang.value,
            drop=drop or (),
            hold=hold or (),
        )
        return emit(build_document(plan, result, lang), format, lang, wrote=output)

    guarded(action, debug, lang)
