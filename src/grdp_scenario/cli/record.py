"""``grdp-scenario record``: record a published figure in the outturn file, atomically, under a lock."""

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, LangOpt, Targets
from .run import guarded


def record(
    period: Annotated[
        str,
        typer.Argument(help="Q1..Q4, H1, H2, 9M or FY (cumulative figures are inverted into the block they complete)."),
    ],
    outturn: Annotated[
        Path, typer.Option("--outturn", help="The outturn CSV to write (created if absent).", readable=False)
    ],
    grdp: Annotated[float | None, typer.Option("--grdp", help="GRDP growth in percent.")] = None,
    rate: Annotated[List[str] | None, typer.Option("--rate", help="SECTOR=RATE (repeatable).")] = None,
    status: Annotated[str, typer.Option("--status", help="actual or estimate.")] = "actual",
    source: Annotated[str, typer.Option("--source", help="Who published it, where.")] = "",
    published: Annotated[str, typer.Option("--published", help="Date of publication, e.g. 2025-10-16.")] = "",
    replace: Annotated[
        bool, typer.Option("--replace", help="Record a revision of a recorded period; the old row is kept as history.")
    ] = False,
    targets: Targets = None,
    actuals: Actuals = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Record what the statistics office published; refuses (exit 2, file untouched) to overwrite a recorded
    period without --replace. Prints the block growth the figure implies."""

    def action() -> int:
        from ..core.values import split_assignment
        from ..inputs.outturn import record as record_rows
        from ..library import Plan
        from ..present.views.record import record_lines

        scenario = Plan.load(targets, actuals).ready()  # a plan whose target blocks have figures
        rates: dict[str, object] = {} if grdp is None else {"grdp": grdp}
        rates.update(split_assignment(text, "--rate") for text in rate or [])
        done = record_rows(
            outturn, scenario.targets, period, rates, status, source, published, replace, economy=scenario.economy
        )
        after = scenario.with_outturn(outturn, rows=done.rows)
        said, warnings = record_lines(scenario.targets, done, after, str(outturn), lang)
        typer.echo("\n".join(said))
        for line in warnings:
            typer.echo(line, err=True)
        return 0

    guarded(action, debug, lang)
