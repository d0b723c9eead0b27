"""The library runs the commands (contract §4): each computing command's JSON is its ``Plan`` method's
``to_dict()``, bad input raises the CLI's message, and a notebook needs nothing from the CLI."""

from __future__ import annotations

import csv
import io
import json

import pytest
from typer.testing import CliRunner

from grdp_scenario import InputError, Plan
from grdp_scenario.cli.app import app
from grdp_scenario.inputs.packaged import data_path
from grdp_scenario.present.wording import error_text

OUTTURN = str(data_path("outturn_2025.csv"))


def cli_json(*args: str) -> dict:
    result = CliRunner().invoke(app, [*args, "--format", "json"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def same(a, b) -> bool:
    """Equal as JSON: NaN and infinity are null in the printed form."""
    return json.loads(json.dumps(a, allow_nan=True).replace("NaN", "null")) == b


#: (command line, the library's call): every command that computes, with the options that matter.
PAIRS = [
    (["check"], lambda p: p.check()),
    (["check", "--strict"], lambda p: p.check(strict=True)),
    (["check", "--outturn", OUTTURN], lambda p: p.with_outturn(OUTTURN).check()),
    (["whatif", "--set", "Q4.services=16"], lambda p: p.whatif(set={"Q4.services": 16})),
    (
        ["whatif", "--set", "Q3.grdp=9", "--shift", "Q4.agriculture=-1", "--strict"],
        lambda p: p.whatif(set={"Q3.grdp": 9}, shift={"Q4.agriculture": -1}, strict=True),
    ),
    (["required"], lambda p: p.required()),
    (["required", "--goal", "10.5", "--period", "Q4"], lambda p: p.required(goal=10.5, period="Q4")),
    (["required", "--item", "services", "--for", "H2"], lambda p: p.required(item="services", for_="H2")),
    (["sensitivity"], lambda p: p.sensitivity()),
    (["sensitivity", "--period", "H2", "--item", "services"], lambda p: p.sensitivity(period="H2", item="services")),
    (["sweep", "--vary", "Q4.grdp=11:14:0.5"], lambda p: p.sweep(["Q4.grdp=11:14:0.5"])),
    (["risk", "--sd", "1", "--draws", "2000", "--seed", "3"], lambda p: p.risk(1, draws=2000, seed=3)),
    (["risk", "--sd", "services=2", "--corr", "0.3"], lambda p: p.risk({"services": 2}, corr=0.3)),
    (["reconcile"], lambda p: p.reconcile()),
    (["reconcile", "--keep", "Q4.services", "--weights", "volume"], lambda p: p.reconcile(["Q4.services"], "volume")),
    (["build", "--goal", "10.2"], lambda p: p.build(10.2)),
    (["audit"], lambda p: p.audit()),
]


@pytest.mark.parametrize(
    "args, call",
    [pair for pair in PAIRS if pair[1] is not None],
    ids=lambda a: " ".join(a) if isinstance(a, list) else "",
)
def test_every_computing_command_is_its_library_call(args, call):
    assert same(call(Plan.load()).to_dict(), cli_json(*args))


def test_a_refusal_is_the_same_in_the_library_and_on_the_command_line():
    result = CliRunner().invoke(app, ["build", "--goal", "10", "--item", "servces=13"])
    assert result.exit_code == 2
    with pytest.raises(InputError) as info:
        Plan.load().build(10, item=["servces=13"])
    assert error_text(info.value, "en") in result.stderr.replace("\n", " ")
    result = CliRunner().invoke(app, ["whatif", "--set", "Q4.servces=16"])
    with pytest.raises(InputError) as info:
        Plan.load().whatif(set={"Q4.servces": 16})
    assert result.exit_code == 2 and error_text(info.value, "en") in result.stderr.replace("\n", " ")


def test_rollover_writes_what_its_result_holds(tmp_path):
    out = tmp_path / "actuals_2025.csv"
    result = Plan.load(outturn=OUTTURN).rollover(output=out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    written = {(r["period"], r["sector"]): float(r["volume"]) for r in rows if r["volume"]}
    assert written == {(v["period"], v["sector"]): v["volume"] for v in result.to_dict()["volumes"]}
    cli = tmp_path / "cli.csv"
    assert CliRunner().invoke(app, ["rollover", "--outturn", OUTTURN, "--output", str(cli)]).exit_code == 0
    assert cli.read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_reconcile_and_build_write_the_file_the_command_writes(tmp_path):
    for name, call, args in (
        ("r", lambda p, o: p.reconcile(output=o), ["reconcile"]),
        ("b", lambda p, o: p.build(10.2, output=o), ["build", "--goal", "10.2"]),
    ):
        mine, theirs = tmp_path / f"{name}-lib.yaml", tmp_path / f"{name}-cli.yaml"
        assert call(Plan.load(), mine).file == str(mine)
        assert CliRunner().invoke(app, [*args, "--output", str(theirs)]).exit_code == 0
        assert mine.read_text(encoding="utf-8") == theirs.read_text(encoding="utf-8")


def test_the_readme_shows_every_computing_command_beside_its_call():
    import re

    from conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## From Python") : readme.index("## Languages")]
    shown = set(re.findall(r"\| `(?:grdp-scenario )?(\w+)[^|]*` \| `(?:Plan\.load\([^)]*\)|plan)\.(\w+)\(", section))
    computing = {
        "check",
        "whatif",
        "required",
        "sensitivity",
        "sweep",
        "risk",
        "reconcile",
        "build",
        "rollover",
        "audit",
    }
    assert {method for _, method in shown} == computing
    assert all(command == method for command, method in shown)
    assert all(callable(getattr(Plan, m)) for m in computing)
