"""Run a command: build its document, render it, print it, exit with its code; bad input exits 2."""

import sys
from pathlib import Path
from typing import Callable

import typer

from ..core.errors import InputError
from ..present.i18n import Lang
from ..present.render import BINARY, EXPORTS, MACHINE, Format, format_of_file, render


def say(message: str) -> None:
    """A message to stderr; on a terminal, wrapped at its width between words (a planner's 80 columns),
    elsewhere one line per paragraph, for logs and scripts."""
    from ..core.text import printable

    text = printable(message)  # names and values from files reach the terminal: no escapes
    if sys.stderr.isatty():
        import shutil
        import textwrap

        width = shutil.get_terminal_size().columns
        text = "\n".join(textwrap.fill(line, width, break_on_hyphens=False) for line in text.split("\n"))
    typer.echo(text, err=True)


def fail(message: str) -> None:
    say(message)
    raise typer.Exit(2)


def guarded(action: Callable[[], int | None], debug: bool, lang: Lang | str = Lang.en) -> None:
    """Run ``action``; turn InputError into one paragraph in the user's language and exit code 2."""
    from ..inputs.atomic import INPUTS
    from ..present.wording import Wording

    w = Wording(lang)
    INPUTS.clear()  # the inputs of this command only (a test runs many commands in one process)
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


def output_format(fmt: Format | None, output: Path | None) -> Format:
    """The format asked for, or the one the output file's extension names; a mismatched pair is refused
    (a workbook named .html, or box-drawing text in a .xlsx, is never what the user wanted)."""
    named = format_of_file(output) if output is not None else None
    if fmt is None:
        return named or Format.table
    if named is not None and named != fmt:
        raise InputError(
            "format-extension-mismatch",
            where="--format",
            file=str(output),
            format=fmt.value,
            named=named.value,
            fix="fix-format-extension-mismatch",
        )
    return fmt


def emit(
    document,
    fmt: Format | None,
    lang: Lang | str,
    output: Path | None = None,
    wrote: Path | None = None,
    verdict_exit: bool = False,
) -> int:
    """Print (or write to ``output``) the document; the summary goes to stderr for machine formats, and so
    does the name of a file the command wrote (``wrote``).

    The exit code is the document's, except that a workbook or HTML report written as asked is a success
    (exit 0) unless ``verdict_exit`` asks for the verdict's code (README, "Reports and exports").
    """
    from ..present.wording import Wording

    fmt = output_format(fmt, output)
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
    if output is not None and fmt in EXPORTS and not verdict_exit:
        return 0
    return document.exit_code
