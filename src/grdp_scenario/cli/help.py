"""Help in the user's language: every command's and option's help text is a message of the catalogue (its
English is the msgid, scripts/i18n.py collects them from the application), and the few words the parser
prints around them ("Usage:", "Options:", "[default: …]") are labels of the catalogue too."""

import textwrap
from pathlib import Path

#: The words the parser prints on a help page without asking gettext (click's formatter), and the
#: catalogue's label for each.
PAGE_WORDS = {
    "Usage:": "help_usage",
    "Show this message and exit.": "help_show",
    "[OPTIONS]": "help_options_metavar",
    "COMMAND [ARGS]...": "help_command_metavar",
}
#: What kind of value an option takes, as the parser shows it; the user's word takes the same width, so that
#: the columns of the page stay aligned.
METAVARS = {
    "<path>": "help_path",
    "<list[Path]>": "help_path",
    "<str>": "help_text",
    "<list[str]>": "help_text",
    "<int>": "help_integer",
    "<int range>": "help_integer",
    "<float>": "help_number",
}
#: The words the parser asks gettext for (typer.core's ``_``): its own English is the msgid.
PARSER_MSGIDS = ("Arguments", "Options", "Commands", "default: {default}", "required", "env var: {var}")


def commands(command):
    """``command`` and every command under it."""
    yield command
    for sub in getattr(command, "commands", {}).values():
        yield from commands(sub)


def help_texts(command) -> list[str]:
    """Every help text of the application (commands' docstrings and options' helps), as written in English."""
    texts = []
    for c in commands(command):
        texts += [t for t in (c.help, c.short_help) if t]
        texts += [p.help for p in c.params if getattr(p, "help", None)]
    return list(dict.fromkeys(texts))


def help_ids() -> list[str]:
    """Every message of the command line's help: the help texts and the parser's words asked of gettext."""
    import typer.main

    from .app import application

    return [*help_texts(typer.main.get_command(application())), *PARSER_MSGIDS]


def localise(command, lang: str) -> None:
    """Put the help texts of ``command`` and everything under it in ``lang``."""
    import typer.core

    from ..present.i18n import translate

    # typer asks gettext for the words it prints around the help texts; the tool's catalogue answers
    typer.core._ = lambda message: translate(message, lang)
    for c in commands(command):
        if c.help:
            c.help = translate(c.help, lang)
        if c.short_help:
            c.short_help = translate(c.short_help, lang)
        for p in c.params:
            if getattr(p, "help", None):
                p.help = translate(p.help, lang)
        c.get_help_option = _translated_help_option(c.get_help_option, lang)


def _translated_help_option(made, lang: str):
    """The parser makes ``--help`` when a page is written, with its text in English: translated before the
    page is laid out (replaced afterwards, a text wrapped over two lines would stay half in English)."""
    from ..present.i18n import translate

    def get_help_option(ctx):
        option = made(ctx)
        if option is not None and option.help:
            option.help = translate(option.help, lang)
        return option

    return get_help_option


def localised_page(text: str, lang: str) -> str:
    """A help page with the parser's own words in ``lang``."""
    from ..present.wording import Wording

    w = Wording(lang)
    for english, label in PAGE_WORDS.items():
        text = text.replace(english, w.label(label))
    for english, label in METAVARS.items():
        word = f"<{w.label(label)}>"
        text = text.replace(english, word + " " * max(0, len(english) - len(word)))
    return text


#: The help page's contents, as ``python scripts/i18n.py`` wrote them from the application (``listing_contents``).
LISTING = Path(__file__).with_name("listing.json")
#: The widths click lays a page out in: the terminal's, at most 80, less a margin of 2, at least 50.
PAGE_MAX, PAGE_MARGIN, PAGE_MIN = 80, 2, 50


def listing_contents() -> dict:
    """What the tool's help page says, from the application: usage, summary, options and each command's help.
    ``page`` lays it out without the parser; scripts/i18n.py keeps ``listing.json`` in step with it."""
    from .app import listing

    group = listing()
    ctx = group.make_context("grdp-scenario", [], resilient_parsing=True)
    options = []
    for param in group.get_params(ctx):
        names, text = param.get_help_record(ctx)
        if text != param.help:  # a default or range the layout below does not write
            raise ValueError(f"{names}: the help page shows more than the option's help: {text!r}")
        options.append([names, text])
    return {
        "usage": " ".join(group.collect_usage_pieces(ctx)),
        "help": group.help,
        "options": options,
        "commands": [[name, command.help] for name, command in group.commands.items()],
    }


def page(lang: str) -> str:
    """``grdp-scenario --help``: the page the parser prints (click's layout: usage, the summary, options and
    commands as definition lists), written from ``listing.json`` without importing the parser, which is most
    of what ``--help`` would cost (tests/test_cli.py holds the two pages equal at every width)."""
    import json
    import shutil

    from ..present.i18n import translate

    contents = json.loads(LISTING.read_text(encoding="utf-8"))

    def say(text: str) -> str:
        return text if lang == "en" else translate(text, lang)

    width = max(min(shutil.get_terminal_size().columns, PAGE_MAX) - PAGE_MARGIN, PAGE_MIN)
    prefix = "Usage: grdp-scenario "
    lines = [_wrap(contents["usage"], width, prefix, " " * len(prefix)), ""]
    lines.append(_wrap(say(contents["help"]), width, "  ", "  "))
    lines += ["", f"{say('Options')}:", *_definitions([(n, say(h)) for n, h in contents["options"]], width, 2)]
    commands = [(name, say(text)) for name, text in contents["commands"]]
    limit = width - 6 - max(len(name) for name, _ in commands)
    lines += ["", f"{say('Commands')}:", *_definitions([(n, _short(t, limit)) for n, t in commands], width, 2)]
    text = "\n".join(lines) + "\n"
    return text if lang == "en" else localised_page(text, lang)


class _Wrapper(textwrap.TextWrapper):
    def _handle_long_word(self, chunks, line, length, width):  # click cuts where the line ends
        room = max(width - length, 1)
        line.append(chunks[-1][:room])
        chunks[-1] = chunks[-1][room:]


def _wrap(text: str, width: int, first: str, rest: str) -> str:
    """click's ``wrap_text``: each paragraph filled to ``width``; a word longer than a line is cut."""
    wrapper = _Wrapper(width, initial_indent=first, subsequent_indent=rest, replace_whitespace=False)
    paragraphs = [" ".join(line.strip() for line in p.splitlines()) for p in text.expandtabs().split("\n\n")]
    return "\n\n".join(wrapper.fill(p) for p in paragraphs if p)


def _definitions(rows: list[tuple[str, str]], width: int, indent: int) -> list[str]:
    """click's ``write_dl``: names in a column at most 30 wide, texts wrapped beside them."""
    column = min(max(len(name) for name, _ in rows), 30) + 2
    lines = []
    for name, text in rows:
        wrapped = _wrap(text, max(width - column - 2, 10), "", "").splitlines()
        if len(name) <= column - 2:
            lines.append(" " * indent + name + " " * (column - len(name)) + wrapped[0])
        else:
            lines += [" " * indent + name, " " * (column + indent) + wrapped[0]]
        lines += [" " * (column + indent) + line for line in wrapped[1:]]
    return lines


def _short(text: str, limit: int) -> str:
    """click's ``make_default_short_help``: the first paragraph up to its first full stop, or cut with "..."
    at a word to fit ``limit``."""
    words = text.split("\n\n")[0].split()
    total = 0
    for i, word in enumerate(words):
        total += len(word) + (i > 0)
        if total > limit:
            break
        if word.endswith("."):
            return " ".join(words[: i + 1])
        if total == limit and i != len(words) - 1:
            break
    else:
        return " ".join(words)
    total += 3
    while i > 0:
        total -= len(words[i]) + (i > 0)
        if total <= limit:
            break
        i -= 1
    return " ".join(words[:i]) + "..."
