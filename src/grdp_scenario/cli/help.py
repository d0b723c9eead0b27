"""Help in the user's language: every command's and option's help text is a message of the catalogue (its
English is the msgid, scripts/i18n.py collects them from the application), and the few words the parser
prints around them ("Usage:", "Options:", "[default: …]") are labels of the catalogue too."""

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
