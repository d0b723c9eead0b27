"""``grdp-scenario schema``: the JSON Schema of the targets file, for editors."""

from typing import Annotated

import typer

from .options import Debug, Output
from .run import guarded


def schema(
    output: Output = None,
    horizon: Annotated[bool, typer.Option("--horizon", help="The horizon file's schema instead.")] = False,
    debug: Debug = False,
) -> None:
    """Print the JSON Schema of targets_<year>.yaml, or with --horizon of a horizon file (for editors)."""

    def action() -> int:
        from ..inputs.atomic import write_output
        from ..inputs.horizon_schema import horizon_schema
        from ..inputs.plan import json_schema

        text = horizon_schema() if horizon else json_schema()
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_output(output, text)
        return 0

    guarded(action, debug)
