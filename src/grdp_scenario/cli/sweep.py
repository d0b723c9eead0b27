"""``grdp-scenario sweep``: a grid over one or two rates."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ..i18n import Lang
from ..render import Format
from .options import Actuals, Outturn, Debug, FormatOpt, LangOpt, Targets
from .run import emit, guarded


def sweep(vary: Annotated[List[str], typer.Option("--vary", help="PERIOD.ITEM=START:STOP:STEP (once or twice).")],
          goal: Annotated[Optional[float], typer.Option("--goal", help="Default: the plan's FY GRDP goal.")] = None,
          output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write the full grid here: .csv, or "
                                                         ".parquet if pyarrow is installed.")] = None,
          targets: Targets = None, actuals: Actuals = None, outturn: Outturn = None, format: FormatOpt = Format.table,
          lang: LangOpt = Lang.en, debug: Debug = False) -> None:
    """FY GRDP over a grid of rates: how much of it meets the goal, and where the goal is just met."""

    def action() -> int:
        from ..errors import InputError
        from ..scenario import Scenario
        from ..sweep import parse_axis, sweep as run_sweep
        from ..views.analysis import sweep_document

        scenario = Scenario.load(targets, actuals, outturn)
        target = goal if goal is not None else scenario.goals.get("FY", {}).get("grdp")
        if target is None:
            raise InputError("the plan sets no FY GRDP goal", where="--goal", fix="Give --goal RATE")
        axes = [parse_axis(v, scenario.economy, "FY", "grdp") for v in vary]
        result = run_sweep(scenario.economy, axes, target)
        if output is not None:
            write_grid(result, output)
        return emit(sweep_document(scenario, result, lang), format, lang.value)

    guarded(action, debug)


def write_grid(result, output: Path) -> None:
    import io

    from ..atomic import write_output
    from ..errors import InputError

    frame = result.frame()
    if output.suffix.lower() == ".parquet":
        try:
            import pyarrow  # noqa: F401
        except ImportError:
            raise InputError("writing Parquet needs pyarrow, which is not installed", file=str(output),
                             fix="pip install pyarrow, or write .csv") from None
        buffer = io.BytesIO()
        frame.to_parquet(buffer, index=False)
        data: bytes | str = buffer.getvalue()
    elif output.suffix.lower() == ".csv":
        data = frame.to_csv(index=False, float_format="%.10g")
    else:
        raise InputError("has an unknown extension", file=str(output), fix="Use .csv or .parquet")
    write_output(output, data)
