"""Run a command: build its document, render it, print it, exit with its code; bad input exits 2."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Callable

import typer

from ..core.errors import InputError
from ..present.i18n import Lang
from ..present.render import BINARY, MACHINE, Format, render


def fail(message: str) -> None:
    from ..core.text import printable

    typer.echo(printable(message), err=True)  # names and values from files reach the terminal: no escapes
    raise typer.Exit(2)


def guarded(action: Callable[[], int | None], debug: bool, lang: Lang | str = Lang.en) -> None:
    """Run ``action``; turn InputError into one paragraph in the user's language and exit code 2."""
    from ..present.wording import Wording

    w = Wording(lang)
    try:
        code = action()
    except BrokenPipeError:
        # The reader of our output left (``| head``): what was to be written is written; say nothing more.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise typer.Exit(141) from None
    except InputError as exc:
        if debug:
            raise
        fail(f"{w.label('error')}: {w.error(exc)}")
    except OSError as exc:  # the file system said no: a path the user gave, not a bug of ours
        if debug:
            raise
        error = InputError(
            "file-unwritable", file=exc.filename, reason=exc.strerror or str(exc), fix="fix-file-unwritable"
        )
        fail(f"{w.label('error')}: {w.error(error)}")
    except typer.Exit:
        raise
    except KeyboardInterrupt:
        raise typer.Exit(130) from None
    raise typer.Exit(code or 0)


def emit(document, fmt: Format, lang: Lang | str, output: Path | None = None, wrote: Path | None = None) -> int:
    """Print (or write to ``output``) the document; the summary goes to stderr for machine formats, and so
    does the name of a file the command wrote (``wrote``)."""
    from ..present.wording import Wording

    if fmt in BINARY and output is None:
        raise InputError("format-needs-file", where="--format", format=fmt.value, fix="fix-format-needs-file")
    text = render(document, fmt, Lang(lang).value, color=output is None and sys.stdout.isatty())
    if output is not None:
        from ..inputs.atomic import write_output

        write_output(output, text)
        typer.echo(f"{document.summary}\n{Wording(lang).label('wrote', file=output)}", err=True)
    else:
        sys.stdout.write(text)
        if fmt in MACHINE and document.summary:
            typer.echo(document.summary, err=True)
    if wrote is not None:
        typer.echo(Wording(lang).label("wrote", file=wrote), err=True)
    return document.exit_code
