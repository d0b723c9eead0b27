"""Hostile and malformed input: every case exits 0, 1 or 2 as the contract says, never with a traceback, and
nothing is written when it exits 2. A hypothesis fuzz suite mutates the shipped files and option values."""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from grdp_scenario.cli.app import app
from grdp_scenario.library import DEFAULT_ACTUALS, DEFAULT_TARGETS, data_path

runner = CliRunner()
TARGETS = data_path(DEFAULT_TARGETS).read_text(encoding="utf-8")
ACTUALS = data_path(DEFAULT_ACTUALS).read_text(encoding="utf-8")


def cli(*args):
    return runner.invoke(app, [str(a) for a in args])


def no_traceback(r) -> bool:
    return (r.exception is None or isinstance(r.exception, SystemExit)) and "Traceback" not in r.output


def plan_with(old: str, new: str) -> str:
    assert old in TARGETS, old
    return TARGETS.replace(old, new, 1)


BILLION_LAUGHS = "a: &a [x,x,x,x,x,x,x,x,x]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [" + ",".join([f"*{chr(97 + i)}"] * 9) + "]\n" for i in range(9)
)

BAD_PLANS = {
    "merge key": (
        plan_with("goals:\n", "base: &b {grdp: 10}\ngoals:\n").replace("FY: {grdp: 10,", "FY: {<<: *b,"),
        "merge keys",
    ),
    "python tag": (plan_with("year: 2025", "year: !!python/name:os.system 2025"), "tag"),
    "custom tag": (plan_with("year: 2025", "year: !custom 2025"), "tag"),
    "alias loop": ("a: &a [*a]\n", "inside its own anchor"),
    "alias bomb": (BILLION_LAUGHS, "more than 100,000 values"),
    "deep nesting": ("a: " + "[" * 5000 + "]" * 5000 + "\n", "not valid YAML"),
    "400-digit rate": (plan_with("services: 13.91", "services: " + "9" * 400), "too large"),
    "1e308 rate": (plan_with("services: 13.91", "services: 1e308"), "too large"),
    "boolean rate": (plan_with("services: 13.91", "services: true"), "true/false"),
    "1_000 rate": (plan_with("services: 13.91", "services: 1_000"), "not a number"),
    "own parent": (plan_with("parent: industry_construction", "parent: industry"), "its own ancestor"),
    "zero nominal": (plan_with("nominal: {base_year: 277449", "nominal: {base_year: 0"), "0 cannot be divided"),
    "share beyond 100": (plan_with("child_shares: {industry: 75}", "child_shares: {industry: 140}"), "outside"),
}


@pytest.mark.parametrize("name", list(BAD_PLANS))
@pytest.mark.parametrize("command", ["check", "audit", "calibrate"])
def test_a_hostile_plan_gets_exit_2_and_one_message(name, command, write):
    text, said = BAD_PLANS[name]
    path = write("t.yaml", text)
    r = cli(command, "--targets", path)
    assert r.exit_code == 2 and no_traceback(r), r.output
    assert said in r.stderr and "t.yaml" in r.stderr


def test_a_1_mb_alias_bomb_is_refused_before_it_is_expanded(write):
    # counted, not expanded: refused at the count (how fast is scripts/benchmark.py's to measure, not a test's)
    path = write("bomb.yaml", BILLION_LAUGHS + "# padding\n" * 100_000)
    r = cli("check", "--targets", path)
    assert r.exit_code == 2 and "more than 100,000 values" in r.stderr


@pytest.mark.parametrize(
    ("old", "new", "said"),
    [
        ("2024,Q4,product_taxes,1450.9213", "2024,Q4,product_taxes,0", "is 0"),
        ("1450.9213", "1e308", "too large"),
        ("1450.9213", "nan", "not a number"),
    ],
)
def test_a_hostile_base_year_gets_exit_2(old, new, said, write):
    path = write("a.csv", ACTUALS.replace(old, new, 1))
    r = cli("check", "--actuals", path)
    assert r.exit_code == 2 and no_traceback(r) and said in r.stderr, r.output


def test_cr_only_line_ends_are_read(write):
    assert cli("check", "--targets", write("t.yaml", TARGETS.replace("\n", "\r"))).exit_code == 0
    assert cli("check", "--actuals", write("a.csv", ACTUALS.replace("\n", "\r"))).exit_code == 0


def test_devices_as_input_are_refused():
    r = cli("check", "--targets", "/dev/zero")
    assert r.exit_code == 2 and no_traceback(r)


@pytest.mark.parametrize(
    "args",
    [
        ["sweep", "--vary", "Q4.grdp=nan:15:0.1"],
        ["sweep", "--vary", "Q4.grdp=inf:15:0.1"],
        ["required", "--for", "H1", "--goal", "30"],
        ["required", "--goal", "nan"],
        ["risk", "--sd", "1", "--seed", "-1"],
        ["risk", "--sd", "1", "--corr", "nan"],
        ["risk", "--sd", "1", "--draws", "1000000000"],
        ["whatif", "--set", "Q4.grdp=1e308"],
        ["whatif", "--shift", "Q4.services=-200"],
        ["sensitivity", "--item", "industry"],
    ],
)
def test_hostile_option_values_get_exit_2(args):
    r = cli(*args)
    assert r.exit_code == 2 and no_traceback(r), r.output


def test_a_published_h2_moves_fy(tmp_path):
    """H2 published at 7.0 % over two target quarters: they move by equal points and FY follows."""
    outturn = tmp_path / "o.csv"
    assert cli("record", "H2", "--grdp", "7.0", "--outturn", outturn).exit_code == 0
    import json

    data = json.loads(cli("check", "--outturn", outturn, "-f", "json").stdout)
    assert data["periods"]["H2"]["grdp"] == pytest.approx(7.0)
    from grdp_scenario.library import Plan

    e = Plan.load().economy
    v_h1, v_h2 = e.block_volume(e.block("H1")), e.block_volume(e.block("Q3")) + e.block_volume(e.block("Q4"))
    assert data["periods"]["FY"]["grdp"] == pytest.approx((7.87 * v_h1 + 7.0 * v_h2) / (v_h1 + v_h2), abs=1e-9)
    assert data["goal_met"] is False


# ----- fuzzing --------------------------------------------------------------------------------------------

NUMBER = re.compile(r"(?<![\w.])\d+(\.\d+)?(?![\w.])")
JUNK = st.sampled_from(
    [
        "",
        "nan",
        "-inf",
        "1e308",
        "-100",
        "true",
        "null",
        "'x'",
        "[]",
        "{}",
        "1_000",
        "13,91",
        "&a",
        "*a",
        "!t 1",
        "<<",
        "\t",
        "-",
        "0",
        "9" * 40,
        "'=1+1'",
        ":",
        "#",
    ]
)


@st.composite
def mutated(draw, text: str):
    """The shipped file with a few numbers or lines replaced by junk, lines dropped or duplicated."""
    lines = text.splitlines()
    for _ in range(draw(st.integers(1, 3))):
        i = draw(st.integers(0, len(lines) - 1))
        how = draw(st.sampled_from(["number", "drop", "dup", "junk"]))
        if how == "number" and NUMBER.search(lines[i]):
            lines[i] = NUMBER.sub(draw(JUNK), lines[i], count=1)
        elif how == "drop":
            del lines[i]
        elif how == "dup":
            lines.insert(i, lines[i])
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))] + draw(JUNK)
        if not lines:
            lines = [""]
    return "\n".join(lines) + "\n"


#: FUZZ_EXAMPLES=1000 for a longer hunt; CI runs the default.
FUZZ = settings(
    max_examples=int(os.environ.get("FUZZ_EXAMPLES", "40")),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)


@FUZZ
@given(text=mutated(TARGETS), command=st.sampled_from(["check", "audit", "whatif", "reconcile"]))
def test_fuzzed_plans_never_crash_and_write_nothing_on_exit_2(tmp_path, text, command):
    plan = tmp_path / "t.yaml"
    plan.write_text(text, encoding="utf-8")
    out = tmp_path / "out.md"
    out.unlink(missing_ok=True)
    extra = ["--set", "Q4.services=15"] if command == "whatif" else []
    r = cli(command, "--targets", plan, *extra, "--format", "markdown", "--output", out)
    assert r.exit_code in (0, 1, 2) and no_traceback(r), r.output
    if r.exit_code == 2:
        assert not out.exists()


@FUZZ
@given(text=mutated(ACTUALS))
def test_fuzzed_base_years_never_crash(tmp_path, text):
    path = tmp_path / "a.csv"
    path.write_text(text, encoding="utf-8")
    r = cli("check", "--actuals", path)
    assert r.exit_code in (0, 1, 2) and no_traceback(r), r.output


OPTION_VALUES = st.one_of(JUNK, st.text(max_size=12), st.floats(allow_nan=True, allow_infinity=True).map(str))


@FUZZ
@given(
    value=OPTION_VALUES,
    option=st.sampled_from(["set", "shift", "vary", "goal", "sd", "corr", "record", "keep", "build"]),
)
def test_fuzzed_option_values_never_crash(tmp_path, value, option):
    outturn = tmp_path / "o.csv"
    before = outturn.read_bytes() if outturn.exists() else None
    args = {
        "set": ["whatif", "--set", f"Q4.services={value}"],
        "shift": ["whatif", "--shift", f"Q4.grdp={value}"],
        "vary": ["sweep", "--vary", f"Q4.grdp={value}:15:0.5"],
        "goal": ["required", "--goal", value],
        "sd": ["risk", "--sd", value, "--draws", "0"],
        "corr": ["risk", "--sd", "1", "--corr", value, "--draws", "0"],
        "record": ["record", "9M", "--grdp", value, "--source", value, "--outturn", outturn],
        "keep": ["reconcile", "--keep", value],
        "build": ["build", "--goal", value, "--item", f"services={value}"],
    }[option]
    r = cli(*args)
    assert r.exit_code in (0, 1, 2) and no_traceback(r), r.output
    if r.exit_code == 2 and option == "record":
        assert (outturn.read_bytes() if outturn.exists() else None) == before


# ----- outputs that cannot be turned against their reader -------------------------------------------------


def test_a_formula_in_a_recorded_source_never_runs_in_excel_and_reads_back_unchanged(tmp_path):
    outturn = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--source", "=1+1", "--outturn", outturn).exit_code == 0
    assert ",'=1+1," in outturn.read_text()  # Excel shows it as text
    from grdp_scenario.inputs.outturn import load_outturn
    from grdp_scenario.library import Plan

    assert load_outturn(outturn, Plan.load().targets)[0].source == "=1+1"  # the tool reads what was recorded


def test_text_cells_of_csv_exports_are_neutralised_and_numbers_kept():
    from grdp_scenario.present.document import Cell, Document, Table
    from grdp_scenario.present.render import Format, render

    table = Table("t", "T", ["item", "value", "note"], column_keys=["item", "value", "note"])
    table.add(Cell("=cmd|' /C calc'!A0", "=cmd|' /C calc'!A0"), Cell("-0.006", -0.006), Cell("@SUM(1)", "@SUM(1)"))
    text = render(Document("title", {}, [table], "verdict"), Format.csv, "en")
    assert "'=cmd" in text and "'@SUM(1)" in text and ",-0.006" in text
    audit = cli("audit", "--format", "csv").stdout
    assert not any(line.split(",", 1)[0].startswith(("=", "+", "@")) for line in audit.splitlines())


def test_markdown_escapes_html_and_terminals_get_no_control_characters(write):
    path = write("t.yaml", plan_with('name: "Thành phố Cần Thơ"', 'name: "<img src=x onerror=alert(1)>\\e]0;pwned\\a"'))
    md = cli("check", "--targets", path, "--format", "markdown").stdout
    assert "<img" not in md and "&lt;img" in md and "\x1b" not in md and "\x07" not in md
    table = cli("check", "--targets", path).stdout
    assert "\x1b" not in table and "\x07" not in table


def test_keys_are_plain_names(write):
    r = cli("check", "--targets", write("t.yaml", TARGETS.replace("key: services", "key: '=services'")))
    assert r.exit_code == 2 and "not a plain name" in r.stderr


@pytest.mark.parametrize("command", ["check", "audit", "calibrate"])
def test_a_rate_written_with_a_percent_sign_reads_the_same_in_every_command(command, write):
    path = write("t.yaml", plan_with("services: 13.91", 'services: "13.91%"'))
    assert cli(command, "--targets", path).exit_code == cli(command).exit_code


def test_a_number_with_leading_zeros_is_decimal_not_octal(write, targets_text):
    # YAML 1.1 reads 017 as 15 and 02025 as 1045: a planner who writes them means 17 and 2025
    text = targets_text.replace("services: 14.80,", "services: 017,").replace("year: 2025", "year: 02025")
    data = json.loads(cli("check", "--targets", write("t.yaml", text), "--format", "json").stdout)
    assert data["year"] == 2025 and data["periods"]["Q4"]["sectors"]["services"] == 17


def test_text_from_a_plan_cannot_reorder_the_terminal_or_link_out_of_markdown(write, targets_text):
    evil = "Thành phố \\u202eevil\\u202c [click](http://x.example/t) ![t](http://x.example/t.png) `code`"
    text = targets_text.replace('name: "Thành phố Cần Thơ"', f'name: "{evil}"')  # YAML reads the \\u escapes
    md = cli("check", "--targets", write("t.yaml", text), "--format", "markdown").stdout
    assert "\u202e" not in md and "\u202c" not in md
    assert "[click](" not in md and "![t](" not in md and "\\[click\\]" in md  # brackets escaped: no link
    table = cli("check", "--targets", write("u.yaml", text)).stdout
    assert "\u202e" not in table and "\u202c" not in table and "evil" in table


@pytest.mark.parametrize("option", ["--actuals", "--outturn"])
def test_a_csv_field_beyond_the_csv_modules_limit_is_one_message_at_its_line(option, write):
    huge = "x" * 200_000
    if option == "--actuals":
        text = ACTUALS.replace("\n", f',"{huge}"\n', 0) + f'2024,H1,agriculture,1,,"{huge}"\n'
    else:
        text = "year,period,item,rate,status,source,published,recorded,replaced\n"
        text += f'2025,9M,grdp,7.39,actual,"{huge}",,,\n'
    path = write("big.csv", text)
    r = cli("check", option, path)
    lines = text.count("\n")
    assert r.exit_code == 2 and no_traceback(r) and f"line {lines}" in r.stderr and "131,072" in r.stderr


def test_a_misspelt_command_or_an_option_without_its_value_is_named():
    import subprocess
    import sys

    def said(*args):
        proc = subprocess.run(
            [sys.executable, "-m", "grdp_scenario", *args], capture_output=True, text=True, timeout=60
        )
        assert proc.returncode == 2 and "Traceback" not in proc.stderr
        return proc.stderr

    assert "there is no command 'chekc'. Did you mean 'check'?" in said("chekc")
    assert "the option --targets needs a value" in said("check", "--targets")


def test_a_step_too_small_to_count_is_refused_in_words():
    r = cli("sweep", "--vary", "Q4.grdp=1:2:1e-320")
    assert r.exit_code == 2 and no_traceback(r) and "cannot be counted" in r.stderr


def test_an_input_is_never_replaced_by_an_output_unless_rewriting_it_is_the_commands_purpose(tmp_path):
    import shutil

    plan = tmp_path / "targets_2025.yaml"
    shutil.copy(data_path(DEFAULT_TARGETS), plan)
    before = plan.read_bytes()
    for args in (
        ["check", "--targets", plan, "--format", "json", "--output", plan],
        ["rollover", "--targets", plan, "--output", plan],
        ["whatif", "--targets", plan, "--set", "Q4.services=16", "--format", "markdown", "--output", plan],
    ):
        r = cli(*args)
        assert r.exit_code == 2 and "is a file this command reads" in r.stderr, (args, r.output)
        assert plan.read_bytes() == before
    table = tmp_path / "plan.csv"
    assert cli("plan", "export", "--targets", plan, "--output", table).exit_code == 0
    r = cli("plan", "import", table, "--output", table)
    assert r.exit_code == 2 and "is a file this command reads" in r.stderr
    # reconcile --output on its own plan rewrites it: that is what it is for
    assert cli("reconcile", "--targets", plan, "--output", plan).exit_code == 0 and plan.read_bytes() != before


def test_an_outturn_that_implies_an_impossible_block_is_refused_not_shown(write):
    text = "year,period,item,rate,status,source,published,recorded,replaced\n2025,9M,grdp,-60,actual,x,,,\n"
    r = cli("check", "--outturn", write("o.csv", text))
    assert r.exit_code == 2 and no_traceback(r) and "line 2" in r.stderr and "impossible" in r.stderr


def test_a_line_break_editors_do_not_show_is_refused_at_its_line(write, targets_text):
    text = targets_text.replace('name: "Thành phố Cần Thơ"', 'name: "Thành phố\u2028Cần Thơ"')
    r = cli("check", "--targets", write("t.yaml", text))
    line = text[: text.index("\u2028")].count("\n") + 1
    assert r.exit_code == 2 and f"line {line}:" in r.stderr and "U+2028" in r.stderr


def test_a_lock_wait_that_is_not_a_number_is_named_and_nothing_is_created(tmp_path):
    out = tmp_path / "o.csv"
    r = runner.invoke(
        app, ["record", "9M", "--grdp", "7", "--outturn", str(out)], env={"GRDP_SCENARIO_LOCK_WAIT": "abc"}
    )
    assert r.exit_code == 2 and "GRDP_SCENARIO_LOCK_WAIT" in r.stderr
    assert list(tmp_path.iterdir()) == []


def test_a_refused_record_creates_nothing_not_even_its_lock(tmp_path):
    out = tmp_path / "o.csv"
    assert cli("record", "9M", "--grdp", "7.39", "--outturn", out).exit_code == 0
    (tmp_path / "o.csv.lock").unlink()
    r = cli("record", "9M", "--grdp", "7.5", "--outturn", out)  # recorded already, no --replace
    assert r.exit_code == 2 and sorted(p.name for p in tmp_path.iterdir()) == ["o.csv"]


def test_a_symbolic_link_loop_as_output_is_one_message(tmp_path):
    a, b = tmp_path / "a.json", tmp_path / "b.json"
    a.symlink_to(b)
    b.symlink_to(a)
    r = cli("check", "--format", "json", "--output", a)
    assert r.exit_code == 2 and no_traceback(r) and "a.json" in r.stderr


# Devices and streams as outputs: written in place with the text form (there is no extension to name one),
# nothing created beside them (no lock file in /dev), nothing to read back.
STREAM_COMMANDS = {
    "report": ("report", "--output", "/dev/null"),
    "plan export": ("plan", "export", "--output", "/dev/null"),
    "sweep": ("sweep", "--vary", "Q4.grdp=10:12:1", "--output", "/dev/null", "--format", "json"),
    "record": ("record", "9M", "--grdp", "7.39", "--outturn", "/dev/null"),
}


@pytest.mark.parametrize("name", list(STREAM_COMMANDS))
def test_dev_null_takes_every_command_s_output_and_nothing_is_created_beside_it(name):
    r = cli(*STREAM_COMMANDS[name])
    assert r.exit_code == 0, r.output
    assert not os.path.exists("/dev/null.lock")


def test_record_to_standard_output_writes_the_outturn_rows_there(capfd):
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-m", "grdp_scenario", "record", "9M", "--grdp", "7.39", "--outturn", "/dev/stdout"],
        capture_output=True,
        text=True,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].startswith("year,period,item,rate")
    assert ",9M,grdp,7.39,actual," in done.stdout


def _as_another_user() -> list[str]:
    """A command prefix under which file permissions bind: root reads any file, whatever its mode, unless it
    runs without the capabilities that let it (CAP_DAC_OVERRIDE, CAP_DAC_READ_SEARCH). It stays root, so the
    checkout and its interpreter stay readable wherever CI cloned them."""
    import shutil

    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:  # util-linux: on every Debian and Ubuntu, CI's included
        if os.environ.get("GRDP_REQUIRE_EXTERNAL"):
            pytest.fail("setpriv (util-linux) is required here (GRDP_REQUIRE_EXTERNAL)", pytrace=False)
        pytest.skip("setpriv (util-linux) is needed to drop root's file capabilities here")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search"]


@pytest.fixture
def shared_dir():
    """A folder an unprivileged user may enter (pytest's tmp_path is private to root)."""
    import shutil
    import tempfile

    folder = tempfile.mkdtemp(prefix="grdp-hostile-")
    os.chmod(folder, 0o777)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.mark.parametrize("option", ["--targets", "--actuals", "--outturn"])
def test_an_unreadable_file_is_called_unreadable_not_missing_or_invalid(shared_dir, option):
    import subprocess
    import sys

    path = os.path.join(shared_dir, "locked.csv" if option != "--targets" else "locked.yaml")
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(TARGETS if option == "--targets" else ACTUALS)
    os.chmod(path, 0)
    done = subprocess.run(
        [*_as_another_user(), sys.executable, "-m", "grdp_scenario", "check", option, path],
        capture_output=True,
        text=True,
        cwd=shared_dir,
    )
    assert done.returncode == 2, done.stderr
    assert "cannot be read" in done.stderr and "Permission denied" in done.stderr, done.stderr
    assert "does not exist" not in done.stderr and "not a valid value" not in done.stderr


def test_a_read_only_folder_is_named_as_such_when_recording(shared_dir):
    import subprocess
    import sys

    folder = os.path.join(shared_dir, "ro")
    os.mkdir(folder, 0o555)
    os.chmod(folder, 0o555)
    done = subprocess.run(
        [*_as_another_user(), sys.executable, "-m", "grdp_scenario", "record", "9M", "--grdp", "7.39"]
        + ["--outturn", os.path.join(folder, "outturn.csv")],
        capture_output=True,
        text=True,
        cwd=shared_dir,
    )
    assert done.returncode == 2, done.stderr
    assert "Permission denied" in done.stderr and "No such file" not in done.stderr, done.stderr
    assert os.listdir(folder) == []
