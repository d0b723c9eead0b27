"""The presentation as its readers meet it: Vietnamese without English left, tables whole at any width."""

from __future__ import annotations

import io
import json
import os
import re
from html.parser import HTMLParser

import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.library import data_path
from grdp_scenario.present.catalogue import message_ids

OUTTURN = str(data_path("outturn_2025.csv"))
#: Words that stand in Vietnamese output as they are: names, formats, options the user types.
ALLOWED = {
    "grdp",
    "ubnd",  # Ủy ban nhân dân, in a document's number (34/KH-UBND) in either language
    "usd",  # the currency's code, written so in Vietnamese too
    "monte",
    "carlo",
    "readme",
    "yaml",
    "utf",
    "csv",
    "excel",
    "json",
    "html",
    "xlsx",
    "parquet",
    "pyarrow",
    "pip",
    "install",
    "scenario",
    "grdp-scenario",
    "whatif",  # the command's name, as typed
    "enter",  # the key, as printed on it
}


def english_words() -> set[str]:
    """Every ASCII word of three letters or more in the English message ids (the tool's own English)."""
    words = set()
    for msgid in message_ids():
        text = re.sub(r"\{[^}]*\}", " ", msgid)
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", text)}
    return words - ALLOWED


#: What the user types or finds in a file, quoted in a message: a 'value', a {yaml: example}, a command name,
#: the key path an error names as its place ("dòng 25 (goal): ...").
LITERAL = re.compile(r"'[^'\s]+'|\{[^{}]*\}|(?<=grdp-scenario )[a-z]+|\([\w.\[\]]+\):")


def leftover_english(text: str) -> list[str]:
    english = english_words()
    found = []
    for token in LITERAL.sub(" ", text).split():
        token = token.strip(",.;:()[]")
        if (
            any(c in token for c in "/_")
            or re.search(r"\w\.\w", token)
            or token.startswith("--")
            or re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)+", token)
        ):
            continue  # a path, a key, an option the user types or a rule's slug
        for word in re.findall(r"[A-Za-z]{3,}", token):
            if word.lower() in english and not re.search(r"[^\x00-\x7f]", token):
                found.append(token)
    return found


class _Text(HTMLParser):
    """The text a reader sees: element text, not style sheets."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs) -> None:
        self.hidden += tag in ("style", "script")

    def handle_endtag(self, tag) -> None:
        self.hidden -= tag in ("style", "script")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def html_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return " ".join(parser.parts)


def xlsx_text(data: bytes) -> str:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data))
    cells = [str(c.value) for ws in book for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    return " ".join([*book.sheetnames, *cells])


def run(*args: str, columns: int = 120):
    return CliRunner().invoke(app, [str(a) for a in args], env={"COLUMNS": str(columns)})


COMMANDS = {
    "check": ["check"],
    "check-outturn": ["check", "--outturn", OUTTURN],
    "whatif": ["whatif", "--set", "Q4.services=16", "--shift", "Q3.grdp=-1", "--set", "Q4.industry=20"],
    "required": ["required", "--goal", "10.5"],
    "required-outturn": ["required", "--outturn", OUTTURN.replace("outturn_2025", "outturn_2025")],
    "sensitivity": ["sensitivity"],
    "sweep": ["sweep", "--vary", "Q3.grdp=9:13:0.5", "--vary", "Q4.grdp=10:15:0.5"],
    "risk": ["risk", "--sd", "1", "--draws", "2000"],
    "audit": ["audit"],
    "reconcile": ["reconcile", "--keep", "Q3.services"],
    "build": ["build", "--goal", "10.5", "--item", "services=13"],
    "horizon": ["horizon", "--set", "2027=11", "--sd", "1", "--draws", "1000"],
}


#: Every command in every human format it has: the audit writes no html or xlsx, and the --output of sweep,
#: reconcile and build is their own file (the grid, the targets), so their summary is no workbook.
OWN_OUTPUT = ("sweep", "reconcile", "build")
HUMAN = [
    (name, fmt)
    for name in COMMANDS
    for fmt in ("table", "markdown", "html", "xlsx")
    if not (name == "audit" and fmt in ("html", "xlsx")) and not (name in OWN_OUTPUT and fmt == "xlsx")
]


@pytest.mark.parametrize(("name", "fmt"), HUMAN)
def test_vietnamese_output_has_no_english_left(name, fmt, tmp_path):
    args = COMMANDS[name]
    out = tmp_path / f"out.{fmt}"
    extra = ["--output", out] if fmt == "xlsx" or (fmt == "html" and name not in OWN_OUTPUT) else []
    r = run(*args, "--format", fmt, "--lang", "vi", *extra)
    assert r.exit_code in (0, 1), r.output
    if fmt == "html":
        text = html_text(out.read_text(encoding="utf-8") if extra else r.stdout)
    elif fmt == "xlsx":
        text = xlsx_text(out.read_bytes())
    else:
        text = r.stdout
    text += " " + r.stderr
    assert leftover_english(text) == [], text


@pytest.mark.parametrize(
    "args",
    [
        ["check", "--targets", "missing.yaml"],
        ["whatif", "--set", "Q9.services=1"],
        ["whatif", "--set", "Q4.services=13,5"],
        ["risk", "--sd", "-1"],
        ["record", "Q5", "--grdp", "1", "--outturn", "o.csv"],
        ["sweep", "--vary", "Q4.grdp=10:15"],
        ["whatif", "--set", "H1.grdp=9"],
        ["whatif", "--set", "Q4.services=16", "--shift", "Q4.services=1"],
        ["risk", "--sd", "1", "--corr", "1.5"],
        ["reconcile", "--keep", "Q3.product_taxes", "--keep", "Q4.product_taxes"],
        ["reconcile", "--keep", "Q4"],
        ["build", "--goal", "10", "--profile", "scaled", "--targets", "missing.yaml"],
        ["build", "--goal", "10", "--item", "services=13", "--item", "services=14"],
    ],
)
def test_errors_in_vietnamese_have_no_english_left(args, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    r = run(*args, "--lang", "vi")
    assert r.exit_code == 2 and r.stderr.startswith("Lỗi: "), r.output
    assert "Traceback" not in r.output
    assert leftover_english(r.stderr) == [], r.stderr


def test_record_and_report_speak_vietnamese(tmp_path):
    outturn = tmp_path / "o.csv"
    r = run("record", "9M", "--grdp", "7.39", "--outturn", outturn, "--lang", "vi")
    assert r.exit_code == 0 and "Suy ra Quý III: 6,54%" in r.stdout and leftover_english(r.stdout) == []
    report = tmp_path / "bao-cao.html"
    r = run("report", "--output", report, "--outturn", outturn, "--lang", "vi")
    assert r.exit_code in (0, 1) and leftover_english(html_text(report.read_text(encoding="utf-8"))) == []


def test_the_detector_finds_english():
    assert leftover_english("Kế hoạch derived from 9M") == ["derived", "from"]
    assert leftover_english("lấy từ data/actuals_2024.csv --outturn Q4.services=16") == []
    assert leftover_english("khóa 'goal' (grdp-scenario audit): Q1: {status: target}") == []
    assert leftover_english("khóa 'goal' the target") == ["the", "target"]


# ----- every figure whole at any width ---------------------------------------------------------------------


def local(value: float, decimals: int, lang: str, sign: bool = False) -> str:
    """The figure as the table must show it: rounded once, then spelled in the language (independent of the code
    under test: plain format() and a swap of separators)."""
    if round(value, decimals) == 0:
        value = 0.0
    text = format(value, f"{'+' if sign else ''},.{decimals}f")
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".") if lang == "vi" else text


def figures(name: str, data: dict, lang: str) -> set[str]:
    if name in ("check", "whatif"):
        result = data["scenario"] if name == "whatif" else data
        out = set()
        for p in result["periods"].values():
            out |= {local(v, 2, lang) for v in [p["grdp"], *p["sectors"].values()]}
            out |= {local(v, 4 if k == "residual" else 2, lang) for k, v in p["contributions"].items()}
        for g in result["goals"]:
            out |= {local(g["min"], 2, lang), local(g["value"], 2, lang), local(g["margin"], 3, lang, sign=True)}
        return out
    if name == "required":
        return {
            s
            for x in data["solutions"]
            for s in (
                local(x["current"], 2, lang),
                local(x["required"], 2, lang),
                local(x["change_pp"], 3, lang, sign=True),
                local(x["weight"], 4, lang),
            )
        }
    if name == "risk":
        return {
            s
            for g in data["goals"]
            for s in (
                local(g["min"], 2, lang),
                local(g["mean"], 2, lang),
                local(g["stdev"], 3, lang),
                local(100 * g["probability"], 1, lang),
            )
        }
    if name == "audit":
        return {f"{f['line']}" for f in data["findings"]}
    raise AssertionError(name)


WIDE = {
    "check": ["check"],
    "whatif": ["whatif", "--set", "Q4.services=16", "--all"],
    "required": ["required"],
    "risk": ["risk", "--sd", "1", "--draws", "0"],
    "audit": ["audit"],
}


@pytest.mark.parametrize("columns", [80, 100, 120])
@pytest.mark.parametrize("lang", ["en", "vi"])
@pytest.mark.parametrize("name", list(WIDE))
def test_every_figure_label_and_column_is_whole_at_any_width(name, lang, columns):
    data = json.loads(run(*WIDE[name], "--format", "json").stdout)
    table = run(*WIDE[name], "--lang", lang, columns=columns).stdout
    lines = table.splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "…" not in table  # nothing shortened
    for figure in figures(name, data, lang):
        assert re.search(rf"(?<![\d.,]){re.escape(figure)}(?![\d])", table), (figure, table)
    words = " ".join(lines)
    for label in (
        ("Nông, lâm nghiệp và thủy sản", "Thuế sản phẩm trừ trợ cấp sản phẩm")
        if lang == "vi"
        else ("Agriculture, forestry and fishery", "Product taxes less subsidies")
    ):
        if name != "audit":
            assert all(word in words for word in label.split()), (label, table)


@pytest.mark.parametrize(
    "args", [["risk"], ["check", "--nope"], ["risk", "--sd", "1", "--draws", "many"], ["chekc"], ["check", "extra"]]
)
def test_the_parsers_usage_errors_are_worded_too(args):
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", *args, "--lang", "vi"], capture_output=True, text=True, timeout=60
    )
    assert proc.returncode == 2 and proc.stderr.startswith("Lỗi: ") and args[-1] in proc.stderr, proc.stderr
    said = re.sub(r"(python -m grdp_scenario|grdp-scenario) \w+", "", proc.stderr)  # the command as typed
    assert "Traceback" not in proc.stderr and leftover_english(said) == [], proc.stderr


def app_commands() -> set[str]:
    """Every command the app has, from the app itself (a group by its subcommands: ``plan export``)."""
    from typer.main import get_command

    root = get_command(app)
    out = set()
    for name, command in root.commands.items():
        subcommands = getattr(command, "commands", None)
        out |= {f"{name} {sub}" for sub in subcommands} if subcommands else {name}
    return out


#: Commands that print no human format of their own: what they say (stderr, the files they write) is read
#: here in Vietnamese. ``schema`` prints the JSON Schema for editors, a machine form.
SAYING = {
    "record": ["record", "9M", "--grdp", "7.39", "--outturn", "{tmp}/o.csv"],
    "report": ["report", "--output", "{tmp}/r.md"],
    "init": ["init", "{tmp}/new", "--region", "Tỉnh Hậu Giang", "--year", "2026"],
    "rollover": ["rollover", "--output", "{tmp}/next.csv"],
    "calibrate": ["calibrate"],
    "plan export": ["plan", "export", "--output", "{tmp}/plan.csv"],
    "plan import": ["plan", "import", "{tmp}/plan.csv", "--output", "{tmp}/back.yaml"],
}
MACHINE_ONLY = {"schema"}


def test_every_command_of_the_app_is_read_in_vietnamese():
    covered = {args[0] for args in COMMANDS.values()} | set(SAYING) | MACHINE_ONLY
    assert app_commands() == covered, "a command without a Vietnamese test: add it to COMMANDS or SAYING"


def test_what_the_other_commands_say_is_vietnamese(tmp_path):
    for name in ("record", "report", "init", "rollover", "calibrate", "plan export", "plan import"):
        args = [a.replace("{tmp}", str(tmp_path)) for a in SAYING[name]]
        r = run(*args, "--lang", "vi")
        assert r.exit_code == 0, (name, r.output)
        # calibrate's standard output is the base-year CSV (for a machine); its words go to stderr
        text = r.stderr if name == "calibrate" else r.stdout + " " + r.stderr
        if name == "report":
            text += " " + (tmp_path / "r.md").read_text(encoding="utf-8")
        assert leftover_english(text) == [], (name, text)


def test_the_number_symbols_are_those_babel_ships():
    from babel import Locale

    from grdp_scenario.present.i18n import SYMBOLS, Lang

    for lang in Lang:
        cldr = Locale.parse(lang.value).number_symbols["latn"]
        assert SYMBOLS[lang] == (cldr["decimal"], cldr["group"], cldr["percentSign"])


@given(
    value=st.floats(min_value=-1e14, max_value=1e14, allow_nan=False),
    decimals=st.integers(0, 4),
    sign=st.booleans(),
    grouping=st.booleans(),
    lang=st.sampled_from(["en", "vi"]),
)
def test_numbers_are_spelt_as_babel_spells_them(value, decimals, sign, grouping, lang):
    """Babel, given the same rounded digits and pattern, is the independent speller."""
    from decimal import Decimal

    from babel.numbers import format_decimal

    from grdp_scenario.present.i18n import number

    shown = 0.0 if round(value, decimals) == 0 else value
    body = f"{'#,##' if grouping else ''}0{'.' + '0' * decimals if decimals else ''}"
    pattern = f"+{body};-{body}" if sign else body
    expected = format_decimal(
        Decimal(format(shown, f".{decimals}f")), format=pattern, locale=lang, decimal_quantization=False
    )
    assert number(value, decimals, lang, sign=sign, grouping=grouping) == expected


def _commands():
    """Every command path of the application: (), ("check",), …, ("plan", "export")."""
    import typer.main

    from grdp_scenario.cli.help import commands

    root = typer.main.get_command(app)
    out = [()]
    for name, command in root.commands.items():
        out.append((name,))
        out += [(name, sub) for sub in getattr(command, "commands", {})]
    assert len(list(commands(root))) == len(out)
    return out


def _help_english() -> set[str]:
    """Every word of three letters or more in the English help texts (the application's own English)."""
    import typer.main

    from grdp_scenario.cli.help import PAGE_WORDS, PARSER_MSGIDS, help_texts

    words = set()
    for text in [*help_texts(typer.main.get_command(app)), *PAGE_WORDS, *PARSER_MSGIDS]:
        words |= {w.lower() for w in re.findall(r"[A-Za-z]{3,}", re.sub(r"\{[^}]*\}", " ", text))}
    return words - ALLOWED


#: Words a Vietnamese help page keeps as they are: technical names a Vietnamese reader uses as such (a shell,
#: stderr, pre-commit, Word, JSON Schema) and the example of a region key (hau-giang).
HELP_ALLOWED = {"shell", "stderr", "pre", "commit", "word", "schema", "hau", "giang"}


def _typed() -> set[str]:
    """What the user types on the command line: every parameter's name."""
    import typer.main

    from grdp_scenario.cli.help import commands

    out = set()
    for command in commands(typer.main.get_command(app)):
        out |= {param.name or "" for param in command.params}
    return out


#: What a help page shows as the user types it: metavars (<path>, <table|json>), examples of values
#: (Q4.services=14.5, set: {Q4: …}), environment variables, file names and the commands' own names.
HELP_LITERAL = re.compile(
    r"<[^>]*>|'[^']+'|\S*=\S*|\{[^{}]*\}|[A-Z_]{3,}|\S+\.(?:yaml|csv|xlsx|html|md|docx|parquet)\b|\b(?:set|shift):"
    r"|(?<=: )[^\s\]]+\]"  # a default value, as the user would type it
)


@pytest.mark.parametrize("path", _commands(), ids=lambda p: " ".join(p) or "grdp-scenario")
def test_every_help_page_is_vietnamese_under_lang_vi(path):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", *path, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "GRDP_SCENARIO_LANG": "vi", "COLUMNS": "100"},
    )
    assert done.returncode == 0, done.stderr
    english = _help_english() - HELP_ALLOWED
    names = {p for p in _commands() for p in p} | _typed()
    names |= {c for m in re.findall(r"<([^>]*)>", done.stdout) for c in m.split("|")}  # the choices shown
    left = []
    for token in HELP_LITERAL.sub(" ", done.stdout).split():
        token = token.strip(",.;:()[]'\"")
        if token.startswith("-") or token in names or any(c in token for c in "/_") or re.search(r"\w\.\w", token):
            continue  # an option, a command or a key as typed
        left += [w for w in re.findall(r"[A-Za-z]{3,}", token) if w.lower() in english and token.isascii()]
    assert not left, (path, left)
    assert "Cách dùng:" in done.stdout


def test_a_stacked_table_numbers_its_parts_and_keeps_the_year_in_the_first():
    out = run("check", "--lang", "vi", columns=80).stdout
    first = out.index("Tốc độ tăng so với cùng kỳ năm 2024 (%) (1/2)")
    second = out.index("(2/2)")
    assert out.index("Cả năm", first) < second  # the year's column is in the first part


def test_a_long_output_closes_with_its_verdict_again():
    out = run("check", "--lang", "vi", columns=80).stdout.rstrip().splitlines()
    assert len(out) > 40
    assert "Dự kiến đạt mục tiêu" in " ".join(out[-3:])  # the last lines say the verdict again


def test_markdown_aligns_figures_right_and_names_left_and_keeps_a_childs_indent():
    out = run("check", "--format", "markdown").stdout.splitlines()
    header = out.index("| Item | H1 | Q3 | Q4 | 9M | H2 | FY |")
    assert out[header + 1] == "|:---|---:|---:|---:|---:|---:|---:|"
    assert any(line.startswith("| \u00a0\u00a0\u00a0\u00a0Industry |") for line in out)
