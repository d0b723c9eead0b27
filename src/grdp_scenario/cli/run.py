"""Run a command: build its document, render it, print it, exit with its code; bad input exits 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import typer

from ..errors import InputError
from ..render import BINARY, MACHINE, Format, render


def fail(message: str) -> None:
    typer.echo(f"Error: {message}", err=True)
    raise typer.Exit(2)


def guarded(action: Callable[[], int | None], debug: bool) -> None:
    """Run ``action``; turn InputError into one paragraph on stderr and exit code 2."""
    try:
        code = action()
    except InputError as exc:
        if debug:
            raise
        fail(exc.message)
    except OSError as exc:  # the file system said no: a path the user gave, not a bug of ours
        if debug:
            raise
        where = f"{exc.filename}: " if exc.filename else ""
        fail(f"{where}{exc.strerror or exc}. Check that the folder exists and is writable")
    except typer.Exit:
        raise
    except (KeyboardInterrupt, BrokenPipeError):
        raise typer.Exit(130)
    raise typer.Exit(code or 0)


def emit(document, fmt: Format, lang: str, output: Path | None = None) -> int:
    """Print (or write) the document; the summary goes to stderr for machine formats."""
    if fmt in BINARY and output is None:
        raise InputError(f"the {fmt.value} format is a file, not text for the terminal", where="--format",
                         fix=f"Add --output FILE.{fmt.value}")
    text = render(document, fmt, lang, color=output is None and sys.stdout.isatty())
    if output is not None:
        from ..atomic import write_output

        write_output(output, text)
        typer.echo(f"{document.summary}\nWrote {output}", err=True)
    else:
        sys.stdout.write(text)
        if fmt in MACHINE and document.summary:
            typer.echo(document.summary, err=True)
    return document.exit_code
