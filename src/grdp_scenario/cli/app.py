"""The Typer application: one module per command, registered here."""

from __future__ import annotations

import typer

from .audit import audit
from .build import build
from .calibrate import calibrate
from .check import check
from .horizon import horizon
from .init import init
from .plan import plan
from .reconcile import reconcile
from .record import record
from .report import report
from .required import required
from .risk import risk
from .rollover import rollover
from .schema import schema
from .sensitivity import sensitivity
from .sweep import sweep
from .whatif import whatif

app = typer.Typer(
    name="grdp-scenario",
    help="GRDP growth scenarios for a provincial plan: do the quarterly targets reach the annual goal?",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"grdp-scenario {__version__}")
        raise typer.Exit()


@app.callback()
def main(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the tool's version and exit."
    ),
) -> None:
    """GRDP growth scenarios for a provincial plan: do the quarterly targets reach the annual goal?"""


for command in (
    check,
    whatif,
    required,
    sensitivity,
    sweep,
    risk,
    reconcile,
    build,
    record,
    report,
    audit,
    schema,
    calibrate,
    init,
    rollover,
    horizon,
):
    app.command()(command)
app.add_typer(plan)
