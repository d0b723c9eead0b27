"""``grdp-scenario schema``: the JSON Schema of the targets file, for editors."""

from __future__ import annotations

from .options import Debug, Output
from .run import guarded


def schema(output: Output = None, debug: Debug = False) -> None:
    """Print the JSON Schema of targets_<year>.yaml (the shipped file points its editor at a committed copy)."""

    def action() -> int:
        import typer

        from ..inputs.atomic import write_output
        from ..inputs.plan import json_schema

        text = json_schema()
        if output is None:
            typer.echo(text, nl=False)
        else:
            write_output(output, text)
        return 0

    guarded(action, debug)
