"""``grdp-scenario horizon``: do the yearly targets reach the five-year plan's end-year goals?"""

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, FormatOpt, LangOpt, Output, Outturn, Targets, VerdictExit
from .run import emit, guarded

HorizonFile = Annotated[
    Path | None,
    typer.Option(
        "--horizon",
        help="Horizon YAML (default: the packaged Cần Thơ 2026–2030 plan).",
        show_default=False,
        readable=False,
    ),
]
YearSets = Annotated[
    List[str] | None, typer.Option("--set", help="YEAR=RATE, e.g. 2027=11: a year's real growth (repeatable).")
]


def horizon(
    horizon: HorizonFile = None,
    set: YearSets = None,
    sd: Annotated[float, typer.Option("--sd", help="Error of each remaining year's growth, points (risk).")] = 0.0,
    draws: Annotated[int, typer.Option("--draws", min=1, help="Monte Carlo draws for --sd.")] = 100_000,
    seed: Annotated[int, typer.Option("--seed", min=0, help="Seed of the Monte Carlo.")] = 2025,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    output: Output = None,
    verdict_exit: VerdictExit = False,
    debug: Debug = False,
) -> None:
    """Each year's real and current-price GRDP, population and per capita; the end-year goals; the growth the
    remaining years need; the price growth the goals imply. A year with --targets takes the quarterly plan's FY.

    Exit 0 when the average-growth goal is met, 1 when it is not, 2 on bad input.
    """

    def action() -> int:
        from ..library import horizon as check_horizon
        from ..present.views.horizon import horizon_document

        result = check_horizon(horizon, set, targets, actuals, outturn, sd, draws, seed)
        return emit(horizon_document(result, lang), format, lang.value, output, verdict_exit=verdict_exit)

    guarded(action, debug, lang)
