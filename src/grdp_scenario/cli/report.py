"""``grdp-scenario report``: a self-contained HTML or Markdown report for leadership."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, LangOpt, Outturn, Targets
from .run import emit, guarded


def report(
    output: Annotated[Path, typer.Option("--output", "-o", help="FILE.html or FILE.md (written atomically).")],
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """The verdict, the quarterly path (plan vs published), contributions, what the remaining quarters need,
    per-capita GRDP and structure, the assumptions. Exit code as for check."""

    def action() -> int:
        from ..core.errors import InputError
        from ..present.render import Format
        from ..present.views.report import report_document
        from ..scenario import Scenario

        formats = {".html": Format.html, ".htm": Format.html, ".md": Format.markdown}
        fmt = formats.get(output.suffix.lower())
        if fmt is None:
            raise InputError("extension-unknown", file=str(output), allowed=(".html", ".md"), fix="fix-one-of")
        plan = Scenario.load(targets, actuals)
        scenario = plan.with_outturn(outturn) if outturn else plan
        return emit(report_document(plan, scenario, lang), fmt, lang.value, output)

    guarded(action, debug, lang)
