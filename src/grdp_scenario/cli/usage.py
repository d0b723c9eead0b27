"""Usage errors found by the command-line parser (click): what the parser found, as our fact; the
presentation words it in the user's language like any other error."""

import os
import re
import sys

from ..core.errors import InputError


def requested_lang(argv: list[str]) -> str:
    """The language asked for on the command line (or in GRDP_SCENARIO_LANG), for errors found before parsing."""
    lang = os.environ.get("GRDP_SCENARIO_LANG", "en")
    for i, arg in enumerate(argv):
        if arg == "--lang" and i + 1 < len(argv):
            lang = argv[i + 1]
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
    return lang if lang in ("en", "vi") else "en"


#: Options whose values are numbers (or P.ITEM=NUMBER, START:STOP:STEP): where a Vietnamese user may write the
#: decimal comma the tool itself prints under --lang vi (7,39).
NUMERIC_OPTIONS = ("--grdp", "--rate", "--set", "--shift", "--goal", "--item", "--vary", "--sd", "--corr")


def global_lang(argv: list[str]) -> list[str]:
    """``--lang X`` given before the command (``grdp-scenario --lang vi check``) is the language of the whole
    run: taken out of the arguments and into the environment every command reads."""
    out: list[str] = []
    rest = iter(argv)
    seen_command = False
    for arg in rest:
        if not seen_command and arg == "--lang":
            os.environ["GRDP_SCENARIO_LANG"] = next(rest, "")
            continue
        if not seen_command and arg.startswith("--lang="):
            os.environ["GRDP_SCENARIO_LANG"] = arg.split("=", 1)[1]
            continue
        seen_command = seen_command or not arg.startswith("-")
        out.append(arg)
    return out


def decimal_points(argv: list[str]) -> list[str]:
    """Under --lang vi, the decimal commas in numeric options' values as points ('7,39' → '7.39',
    'Q4.services=16,5' → 'Q4.services=16.5'); every other argument (a file, a source text) as it is."""
    out, after = [], False
    for arg in argv:
        name, eq, value = arg.partition("=")
        if after:
            arg = re.sub(r"(\d),(\d)", r"\1.\2", arg)
        elif eq and name in NUMERIC_OPTIONS:
            arg = name + "=" + re.sub(r"(\d),(\d)", r"\1.\2", value)
        after = arg in NUMERIC_OPTIONS
        out.append(arg)
    return out


def parser_exceptions():
    """click's exceptions, wherever this typer keeps its click (newer typers vendor it)."""
    import typer

    return sys.modules[typer.BadParameter.__module__]


def usage_error(exc, lang: str = "en", argv: list[str] | None = None) -> str:
    """A missing option, an unknown option or a bad value, as one paragraph with the fix."""
    from ..present.wording import Wording

    errors = parser_exceptions()
    w = Wording(lang)
    command = exc.ctx.command_path if exc.ctx is not None else "grdp-scenario"
    param = getattr(exc, "param", None)
    name = param.opts[0] if param is not None and getattr(param, "opts", None) else getattr(param, "name", "")
    if isinstance(exc, errors.MissingParameter):
        error = InputError("usage-missing", where=command, option=name, command=command, fix="fix-usage-help")
    elif isinstance(exc, errors.NoSuchOption):
        error = InputError(
            "usage-no-such-option", where=command, option=exc.option_name, command=command, fix="fix-usage-help"
        )
    elif isinstance(exc, errors.BadParameter):
        error = InputError(
            "usage-bad-value",
            where=command,
            option=name,
            value=_value_of(list(getattr(param, "opts", None) or [name]), argv or []),
            command=command,
            fix="fix-usage-help",
        )
    elif isinstance(exc, errors.BadOptionUsage) and getattr(exc, "option_name", None):
        error = InputError(
            "usage-needs-value", where=command, option=exc.option_name, command=command, fix="fix-usage-help"
        )
    elif str(getattr(exc, "message", "")).startswith("Got unexpected extra argument"):
        found = re.search(r"\(([^()]*)\)\s*$", str(exc.message))  # "… argument(s) (extra)": the last brackets
        extra = found.group(1) if found else ""
        error = InputError("usage-extra-argument", where=command, value=extra, command=command, fix="fix-usage-help")
    elif str(getattr(exc, "message", "")).startswith("No such command"):
        error = _no_such_command(exc, command, argv or [])
    else:
        error = InputError("usage-other", where=command, command=command, fix="fix-usage-help")
    return f"{w.label('error')}: {w.error(error)}"


def _no_such_command(exc, command: str, argv: list[str]) -> InputError:
    """A misspelt command (``chekc``), named, with the command it most likely meant."""
    import difflib

    group = exc.ctx.command if exc.ctx is not None else None
    known = sorted(getattr(group, "commands", {}) or {})
    typed = next((a for a in argv if not a.startswith("-") and a not in command.split()), "")
    hint = difflib.get_close_matches(typed, known, n=1)
    if hint:
        return InputError("usage-no-such-command", where=command, value=typed, hint=hint[0], fix="fix-did-you-mean")
    return InputError("usage-no-such-command", where=command, value=typed, allowed=tuple(known), fix="fix-one-of")


def _value_of(names: list[str], argv: list[str]) -> str:
    """What the user gave the option under any of its ``names`` (--format, -f): the parser does not keep it."""
    found = ""
    for i, arg in enumerate(argv):
        for option in names:
            if arg == option and i + 1 < len(argv):
                found = argv[i + 1]
            elif arg.startswith(f"{option}=") and option.startswith("--"):
                found = arg.split("=", 1)[1]
            elif not option.startswith("--") and arg.startswith(option) and len(arg) > len(option):
                found = arg[len(option) :]  # -fmd
    return found
