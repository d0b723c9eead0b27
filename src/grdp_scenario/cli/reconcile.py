"""``grdp-scenario reconcile``: the smallest change to the targets that meets every goal, as printed."""

from __future__ import annotations

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
        from ..core.reconcile import open_blocks, parse_keep
        from ..core.reconcile import reconcile as reconcile_targets
        from ..inputs.targets_writer import write_targets
        from ..present.views.targets import reconcile_document, reconcile_file_notes
        from ..scenario import Scenario

        scenario = Scenario.load(targets, actuals, outturn)
        kept = parse_keep(scenario.economy, keep or [])
        result = reconcile_targets(scenario.economy, scenario.goals, kept, weights.value)
        after = scenario.with_economy(result.economy)
        if output is not None:
            notes = reconcile_file_notes(scenario, result, lang)
            write_targets(output, scenario, result.economy, open_blocks(scenario.economy), result.decimals, notes)
        document = reconcile_document(scenario, result, scenario.check(), after.check(), output, lang)
        return emit(document, format, lang, wrote=output)

    guarded(action, debug, lang)
