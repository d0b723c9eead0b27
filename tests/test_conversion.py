"""Every option's value converts as typer's own conversion converts it (cli/conversion.py), and a run of
``check`` does not import pydantic for it."""

from __future__ import annotations

import subprocess
import sys

import pytest
import typer.main

from grdp_scenario.cli import conversion
from grdp_scenario.cli.app import application

# A typer before 0.2x converts with click's own types, and there is nothing to replace (the hook is a no-op).
_coercion = pytest.importorskip("typer._coercion")
Context = pytest.importorskip("typer._click.core").Context
BadParameter = pytest.importorskip("typer._click.exceptions").BadParameter

VALUES = [
    "json", "JSON", "table", "xlsx", "vi", "en", "nope", "", " ", "10.5", "-3", "+7", "007", "0", "1e3", "1e400",
    "nan", "inf", "1_000", " 5", "5.", ".5", "7,39", "abc", "plan.yaml", "-", "a/b/../c.csv", "Q4.services=16",
    "12:13:0.5", "100001", "10", "11", "1.0", True, False, ["1", "2"], ("x",), 0, 100_000, 2025, 0.0, 2.5, -1,
]  # fmt: skip


def _params():
    command = typer.main.get_command(application())
    out = []

    def walk(cmd, path):
        for p in getattr(cmd, "params", []):
            if getattr(p, "type_descriptor", None) is not None:
                out.append((cmd, f"{path} {p.name}", p))
        for name, sub in getattr(cmd, "commands", {}).items():
            walk(sub, f"{path} {name}")

    walk(command, "grdp-scenario")
    return out


PARAMS = _params()


def _convert(runtime, cmd, param, value):
    ctx = Context(cmd)
    try:
        result = runtime._coerce_value(value, param=param, ctx=ctx)
        return ("ok", type(result), repr(result))  # repr: nan is nan
    except BadParameter:
        return ("bad",)


@pytest.mark.parametrize(("cmd", "param"), [(c, p) for c, _, p in PARAMS], ids=[i for _, i, _ in PARAMS])
def test_each_option_converts_as_typer_does(cmd, param):
    descriptor = param.type_descriptor
    convert = conversion.converter(descriptor.annotation, descriptor.parameter_info)
    assert convert is not None, f"{descriptor.annotation!r}: an option the tool has, left to typer's adapters"
    typers = _coercion.build_runtime_param(descriptor)
    assert not isinstance(typers, _coercion.PassThroughRuntimeParam)
    plain = _plain_runtime(descriptor)
    for value in VALUES:
        expected = _convert(typers, cmd, param, value)
        assert _convert(plain, cmd, param, value) == expected, f"{param.name} given {value!r}"


def _plain_runtime(descriptor):
    """Our conversion for this descriptor, as use_plain_conversion() sets it (typer left as it was)."""
    import typer.core as core

    saved = core.build_runtime_param
    try:
        conversion.use_plain_conversion()
        return core.build_runtime_param(descriptor)
    finally:
        core.build_runtime_param = saved


def test_a_run_of_check_does_not_import_pydantic():
    code = (
        "import sys; sys.argv = ['grdp-scenario', 'check', '--format', 'json', '--lang', 'vi']\n"
        "from grdp_scenario.cli import main\n"
        "try:\n    main()\nexcept SystemExit:\n    pass\n"
        "print('PYDANTIC' if 'pydantic' in sys.modules else 'WITHOUT')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip().endswith("WITHOUT")


def test_a_value_typer_would_refuse_is_refused_the_same_way(tmp_path):
    from typer.testing import CliRunner

    result = CliRunner().invoke(application(["horizon"]), ["horizon", "--draws", "0"])
    assert result.exit_code == 2
    assert "--draws" in result.output
