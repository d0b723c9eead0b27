"""``grdp-scenario calibrate``: derive the base-year volumes from the plan's printed growth figures."""

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Debug, LangOpt, Targets
from .run import guarded


def calibrate(
    targets: Targets = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the actuals CSV here (atomically); default: standard output.", readable=False
        ),
    ] = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Least-squares base volumes that reproduce every printed growth figure; residuals go to stderr."""

    def action() -> int:
        from ..calibrate import CURRENT_SOURCE
        from ..calibrate import calibrate as fit_volumes
        from ..inputs.actuals import format_actuals
        from ..inputs.packaged import DEFAULT_TARGETS, data_path
        from ..inputs.plan import load_plan
        from ..present.views.calibrate import fit_lines
        from ..present.wording import Wording

        plan = load_plan(targets or data_path(DEFAULT_TARGETS))
        fit = fit_volumes(plan)
        text = format_actuals(fit.base, plan, CURRENT_SOURCE)
        typer.echo("\n".join(fit_lines(fit, lang, plan)), err=True)
        if output is None:
            typer.echo(text, nl=False)
        else:
            from ..inputs.atomic import write_output

            write_output(output, text)
            typer.echo(Wording(lang).label("wrote", file=output), err=True)
        return 0

    guarded(action, debug, lang)
