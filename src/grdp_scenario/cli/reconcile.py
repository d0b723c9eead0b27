"""``grdp-scenario reconcile``: the smallest change to the targets that meets every goal, as printed."""

from enum import Enum
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Outturn, Targets, TargetsOutput
from .run import emit, guarded


class Weights(str, Enum):
    equal = "equal"
    volume = "volume"


Keep = Annotated[
    List[str] | None,
    typer.Option("--keep", help="PERIOD.ITEM held as printed, e.g. Q3.services (repeatable; Q3.grdp: all of Q3)."),
]
WeightsOpt = Annotated[
    Weights,
    typer.Option(
        "--weights", help="equal: every point of change counts the same; volume: in proportion to base volume."
    ),
]


def reconcile(
    keep: Keep = None,
    weights: WeightsOpt = Weights.equal,
    output: TargetsOutput = None,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Change the target blocks' rates as little as possible (weighted least squares) so that every goal of the
    plan is met by the rates as printed (two decimals). Exit 0 when found, 2 when no rates can meet the goals.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.targets import reconcile_document

        plan = Plan.load(targets, actuals, outturn)
        result = plan.reconcile(keep=keep or (), weights=weights.value, output=output, lang=lang.value)
        return emit(reconcile_document(plan, result, lang), format, lang, wrote=output)

    guarded(action, debug, lang)
