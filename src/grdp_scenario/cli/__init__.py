"""The command line: a thin layer over the library. Typer is imported only when the CLI runs."""

import sys


def main() -> None:
    import gc
    import os

    # The cyclic garbage collector runs after every 700 new objects by default, and each run looks at every
    # object alive: on a plan of 10,000 indicator rows that is 40 % of a check (scripts/benchmark.py). What the
    # tool builds holds no cycles to speak of, and the process is short: collect rarely (memory is unchanged).
    gc.set_threshold(200_000, 30, 30)

    # BLAS on one thread, chosen: the tool's matrices are small (goals × goals), where threads cost more CPU
    # than they save (a 10⁸-draw risk takes 15 s of CPU on one thread, 36 s on two). The user's setting wins.
    for name in ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, "1")
    # pydantic looks for plugins among every installed package's entry points when it first builds a model;
    # the tool uses none, so the scan is skipped (the user's own setting wins).
    os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")
    from .usage import decimal_points, global_lang, requested_lang

    argv = global_lang(sys.argv[1:])  # `grdp-scenario --lang vi check`: the language for every command
    lang = requested_lang(argv)
    if argv in ([], ["--help"]) and not any(key.endswith("_COMPLETE") for key in os.environ):
        from .help import page

        sys.stdout.write(page(lang))  # the list of commands, without building the parser
        sys.exit(0 if argv else 2)  # named without a command: the page, as a usage error
    import typer
    import typer.main

    from .app import for_arguments
    from .conversion import use_plain_conversion
    from .help import localise, localised_page
    from .usage import parser_exceptions, usage_error

    if lang == "vi":  # numbers as the tool prints them in Vietnamese: 7,39
        argv = decimal_points(argv)
    use_plain_conversion()
    command = for_arguments(argv)
    if lang != "en":
        localise(command, lang)
    errors = parser_exceptions()
    try:
        if lang != "en" and (not argv or "--help" in argv):
            import contextlib
            import io

            page = io.StringIO()
            try:
                with contextlib.redirect_stdout(page):  # the parser prints its own words: put them in the language
                    code = command.main(args=argv, standalone_mode=False)
            finally:
                sys.stdout.write(localised_page(page.getvalue(), lang))
        else:
            code = command.main(args=argv, standalone_mode=False)
    except errors.NoArgsIsHelpError as exc:  # a group named without a command: its help, as a usage error
        sys.stdout.write(localised_page(exc.ctx.get_help(), lang) + "\n")
        sys.exit(2)
    except errors.UsageError as exc:  # the parser's words are English: say it in the user's language
        sys.stderr.write(usage_error(exc, lang, argv) + "\n")
        sys.exit(2)
    except typer.Abort:
        sys.exit(130)
    sys.exit(code or 0)
