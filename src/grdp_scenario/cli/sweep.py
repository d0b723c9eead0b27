"""``grdp-scenario sweep``: a grid over one or two rates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Actuals, Counterfactual, Debug, FormatOpt, LangOpt, Outturn, Targets
from .run import emit, guarded


def sweep(
    vary: Annotated[List[str], typer.Option("--vary", help="PERIOD.ITEM=START:STOP:STEP (once or twice).")],
    goal: Annotated[float | None, typer.Option("--goal", help="Default: the plan's FY GRDP goal.")] = None,
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="Write the full grid here: .csv, or .parquet if pyarrow is installed."),
    ] = None,
    counterfactual: Counterfactual = False,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: FormatOpt = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """FY GRDP over a grid of rates: how much of it meets the goal, and where the goal is just met.

    Each point is the what-if that sets the varied rates (the override rule of whatif): any two levers can
    be varied together, except the same one twice.
    """

    def action() -> int:
        from ..core.errors import InputError
        from ..core.sweep import parse_axis
        from ..core.sweep import sweep as run_sweep
        from ..present.views.analysis import sweep_document
        from ..scenario import Scenario

        scenario = Scenario.load(targets, actuals, outturn)
        target = goal if goal is not None else scenario.goals.get("FY", {}).get("grdp")
        if target is None:
            raise InputError("goal-not-set", where="--goal", period="FY", item="grdp", fix="fix-goal-not-set")
        axes = [parse_axis(v, scenario.economy, counterfactual) for v in vary]
        result = run_sweep(scenario.economy, axes, target, counterfactual=counterfactual)
        if output is not None:
            write_grid(result, output)
        return emit(sweep_document(scenario, result, lang), format, lang.value)

    guarded(action, debug, lang)


def write_grid(result, output: Path) -> None:
    import io

    from ..core.errors import InputError
    from ..inputs.atomic import write_output

    frame = result.frame()
    if output.suffix.lower() == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("parquet-needs-pyarrow", file=str(output), fix="fix-parquet-needs-pyarrow") from None
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        data: bytes | str = buffer.getvalue()
    elif output.suffix.lower() == ".csv":
        data = frame.to_csv(index=False, float_format="%.10g")
    else:
        raise InputError("extension-unknown", file=str(output), allowed=(".csv", ".parquet"), fix="fix-one-of")
    write_output(output, data)
