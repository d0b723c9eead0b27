"""``grdp-scenario audit``: every number of the plan checked against the others, for CI."""

from enum import Enum
from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from ..present.render import AuditFormat
from .options import Actuals, Debug, LangOpt, Output, Outturn, Targets
from .run import emit, guarded


class FailOn(str, Enum):
    error = "error"
    warning = "warning"


def audit(
    files: Annotated[
        List[Path] | None,
        typer.Argument(help="Targets files to audit (as pre-commit passes them); default: --targets.", readable=False),
    ] = None,
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    format: Annotated[AuditFormat, typer.Option("--format", "-f", help="Output format.")] = AuditFormat.table,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest severity that fails (exit 1).")] = FailOn.error,
    baseline: Annotated[
        Path | None,
        typer.Option(
            "--baseline",
            help="YAML of acknowledged findings, each with a reason; without it nothing is suppressed.",
            readable=False,
        ),
    ] = None,
    write_baseline: Annotated[
        Path | None,
        typer.Option(
            "--write-baseline",
            help="Write the current errors and warnings as a baseline (reasons to fill in).",
            readable=False,
        ),
    ] = None,
    lang: LangOpt = Lang.en,
    output: Output = None,
    debug: Debug = False,
) -> None:
    """Structure, flows, components, stocks, growth aggregates, weights, claims, per capita, ranges, goals and
    repeated numbers. Exit 0 without error findings (or --fail-on warning: without warnings), 1 with, 2 on bad input."""

    def action() -> int:
        from ..audit import baseline_text
        from ..inputs.atomic import write_output
        from ..library import Plan
        from ..present.views.audit import audit_document
        from ..present.wording import Wording

        code = 0
        for target in files or [targets]:
            plan = Plan.load(target, actuals, outturn)
            result = plan.audit(baseline=baseline, fail_on=fail_on.value)
            w = Wording(lang, plan.targets)
            if write_baseline is not None:
                text = baseline_text(result.report, w.finding, w.label("baseline_header"))
                write_output(write_baseline, text, replaces=baseline)  # a baseline may be rewritten in place
                typer.echo(w.label("wrote_baseline", file=write_baseline), err=True)
            code = max(code, emit(audit_document(result, lang), format, lang, output))
        return code

    guarded(action, debug, lang)
