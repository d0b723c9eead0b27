"""The Typer application: one module per command, registered here.

Only the command being run is imported and built: a run of ``check`` does not pay for the options of the
sixteen others (each module pulls in what its options need). Help, completion and a misspelt command get
the whole application, since they list every command. The modules of cli/ write their annotations as objects
(no ``from __future__ import annotations``): typer reads them on every run, and text would be evaluated anew.
"""

import inspect
import os
from importlib import import_module

import typer
import typer.core

#: Each command's name and the module (under cli/) that holds its function of the same name; ``plan`` is a
#: group of subcommands (export, import).
COMMANDS = {
    "check": "check",
    "whatif": "whatif",
    "required": "required",
    "sensitivity": "sensitivity",
    "sweep": "sweep",
    "risk": "risk",
    "reconcile": "reconcile",
    "build": "build",
    "record": "record",
    "report": "report",
    "audit": "audit",
    "schema": "schema",
    "calibrate": "calibrate",
    "init": "init",
    "rollover": "rollover",
    "horizon": "horizon",
    "plan": "plan",
}
GROUPS = ("plan",)
SUMMARY = "GRDP growth scenarios for a provincial plan: do the quarterly targets reach the annual goal?"


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        typer.echo(f"grdp-scenario {__version__}")
        raise typer.Exit()


def application(names: list[str] | tuple[str, ...] = tuple(COMMANDS)) -> typer.Typer:
    """The application with the commands ``names`` (by default all of them)."""
    app = typer.Typer(
        name="grdp-scenario", help=SUMMARY, no_args_is_help=True, pretty_exceptions_enable=False, rich_markup_mode=None
    )

    @app.callback()
    def main(
        version: bool = typer.Option(
            False, "--version", callback=_version, is_eager=True, help="Print the tool's version and exit."
        ),
    ) -> None:
        """GRDP growth scenarios for a provincial plan: do the quarterly targets reach the annual goal?"""

    for name in names:
        function = getattr(import_module(f"{__package__}.{COMMANDS[name]}"), name)
        if name in GROUPS:
            app.add_typer(function)
        else:
            app.command()(function)
    return app


def for_arguments(argv: list[str]):
    """The command a command line needs (a click command): its command alone; for the help page or a misspelt
    command, the list of commands (``listing``); for shell completion, every command whole."""
    named = next((a for a in argv if not a.startswith("-")), None)
    if named in COMMANDS:
        return typer.main.get_command(application([named]))
    if any(key.endswith("_COMPLETE") for key in os.environ):  # the shell asks for words: options included
        return typer.main.get_command(application())
    return listing()


def listing():
    """The application as its help page lists it: every command by name and summary, without building any
    command's options (what typer would do for all seventeen, about a third of ``--help``). A command is built
    whole when it runs or shows its own help."""
    group = typer.main.get_command(application(()))
    for name in COMMANDS:
        function = getattr(import_module(f"{__package__}.{COMMANDS[name]}"), name)
        summary = function.info.help if name in GROUPS else inspect.cleandoc(inspect.getdoc(function) or "")
        group.add_command(typer.core.TyperCommand(name, help=summary))
    return group


def __getattr__(name: str):
    if name == "app":  # the whole application, for tests and documentation (built on first use)
        whole = application()
        globals()["app"] = whole
        return whole
    raise AttributeError(name)
