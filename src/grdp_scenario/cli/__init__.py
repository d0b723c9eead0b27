"""The command line: a thin layer over the library. Typer is imported only when the CLI runs."""

from __future__ import annotations

import sys


def main() -> None:
    import os

    # BLAS on one thread, chosen: the tool's matrices are small (goals × goals), where threads cost more CPU
    # than they save (a 10⁸-draw risk takes 15 s of CPU on one thread, 36 s on two). The user's setting wins.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    import typer

    from .app import for_arguments
    from .usage import decimal_points, parser_exceptions, requested_lang, usage_error

    if requested_lang(sys.argv[1:]) == "vi":  # numbers as the tool prints them in Vietnamese: 7,39
        sys.argv[1:] = decimal_points(sys.argv[1:])
    try:
        code = for_arguments(sys.argv[1:])(standalone_mode=False)
    except parser_exceptions().UsageError as exc:  # the parser's words are English: say it in the user's language
        sys.stderr.write(usage_error(exc, requested_lang(sys.argv[1:]), sys.argv[1:]) + "\n")
        sys.exit(2)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code or 0)
