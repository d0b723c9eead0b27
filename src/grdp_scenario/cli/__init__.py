"""The command line: a thin layer over the library. Typer is imported only when the CLI runs."""

from __future__ import annotations

import os
import sys


def requested_lang(argv: list[str]) -> str:
    """The language asked for on the command line (or in GRDP_SCENARIO_LANG), for errors found before parsing."""
    lang = os.environ.get("GRDP_SCENARIO_LANG", "en")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("en", "vi") else "en"


def parser_exceptions():
    """click's exceptions, wherever this typer keeps its click (newer typers vendor it)."""
    import typer

    return sys.modules[typer.BadParameter.__module__]


def main() -> None:
    import typer

    from .app import app

    try:
        code = app(standalone_mode=False)
    except parser_exceptions().UsageError as exc:  # the parser's words are English: say it in the user's language
        from ..present.views.usage import usage_error

        sys.stderr.write(usage_error(exc, requested_lang(sys.argv[1:]), sys.argv[1:]) + "\n")
        sys.exit(2)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code or 0)
