"""Options every command shares (README), declared once."""

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from ..present.render import Format

Targets = Annotated[
    Path | None,
    typer.Option(
        "--targets", help="Targets YAML (default: the packaged 2025 plan).", show_default=False, readable=False
    ),
]
Actuals = Annotated[
    Path | None,
    typer.Option(
        "--actuals",
        help="Base-year CSV (default: the one the plan names, or the packaged one for the packaged plan).",
        show_default=False,
        readable=False,
    ),
]
Outturn = Annotated[
    Path | None,
    typer.Option(
        "--outturn",
        help="Outturn CSV of published figures (default: none); it beats the plan for the same quarters.",
        show_default=False,
        readable=False,
    ),
]
FormatOpt = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        help="Output format (default: table, or what the --output file's extension names).",
        show_default=False,
    ),
]
LangOpt = Annotated[
    Lang,
    typer.Option(
        "--lang", envvar="GRDP_SCENARIO_LANG", help="Labels and number formatting: en or vi (env GRDP_SCENARIO_LANG)."
    ),
]
Strict = Annotated[
    bool,
    typer.Option("--strict", help="Also exit 1 when any other goal is missed (not when it is within rounding)."),
]
Counterfactual = Annotated[
    bool,
    typer.Option(
        "--counterfactual",
        help="Allow changing blocks that are actual, estimated or published (the published figures over them "
        "are set aside).",
    ),
]
Output = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the report to this file (atomically) instead of standard output.",
        show_default=False,
        readable=False,
    ),
]
Debug = Annotated[bool, typer.Option("--debug", envvar="GRDP_SCENARIO_DEBUG", help="Show the traceback of errors.")]
TargetsOutput = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the complete targets file with the new rates here (atomically; everything else kept).",
        show_default=False,
        readable=False,
    ),
]
VerdictExit = Annotated[
    bool,
    typer.Option(
        "--verdict-exit",
        help="When writing a workbook or HTML report, exit 1 if the goal is missed (by default a file written "
        "is exit 0).",
    ),
]
