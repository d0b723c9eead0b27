"""``grdp-scenario check``: do the quarterly targets (and what was published) reach the year's goal?"""

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Output, Outturn, Strict, Targets, VerdictExit
from .run import emit, guarded


def check(
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
    """Growth of every period, every goal with its margin, contributions and nominal GRDP.

    Exit 0 when the FY GRDP goal is met, 1 when it is missed (with --strict: any goal), 2 on bad input.
    """

    def action() -> int:
        from ..library import Plan
        from ..present.views.check import check_document

        plan = Plan.load(targets, actuals, outturn)
        document = check_document(plan, plan.check(strict), lang)
        return emit(document, format, lang.value, output, verdict_exit=verdict_exit)

    guarded(action, debug, lang)
