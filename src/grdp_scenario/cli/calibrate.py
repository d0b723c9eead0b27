"""``grdp-scenario calibrate``: derive the base-year volumes from the plan's printed growth figures."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import typer

from .options import Debug, Targets
from .run import guarded


def calibrate(targets: Targets = None,
              output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the actuals CSV here "
                                                             "(atomically); default: standard output.")] = None,
              debug: Debug = False) -> None:
    """Least-squares base volumes that reproduce every printed growth figure; residuals go to stderr."""

    def action() -> int:
        from ..actuals import format_actuals
        from ..calibrate import CURRENT_SOURCE, calibrate as fit_volumes
        from ..i18n import number
        from ..plan import load_plan
        from ..scenario import DEFAULT_TARGETS, data_path

        plan = load_plan(targets or data_path(DEFAULT_TARGETS))
        fit = fit_volumes(plan)
        text = format_actuals(fit.base, plan, CURRENT_SOURCE)
        lines = [f"Calibrated {fit.unknowns} volumes from {len(fit.equations)} printed growth figures; "
                 f"largest residual {number(fit.max_abs_residual, 5)} points:"]
        lines += [f"  {label:<28} printed {printed:>7.2f}  fitted {fitted:>9.5f}  residual {res:+.5f}"
                  for label, printed, fitted, res in fit.residuals]
        typer.echo("\n".join(lines), err=True)
        if output is None:
            typer.echo(text, nl=False)
        else:
            from ..atomic import write_output

            write_output(output, text)
            typer.echo(f"Wrote {output}", err=True)
        return 0

    guarded(action, debug)
