"""``grdp-scenario report``: a self-contained HTML or Markdown report for leadership."""

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, LangOpt, Outturn, Targets, VerdictExit
from .run import emit, guarded


def report(
    output: Annotated[
        Path,
        typer.Option(
            "--output", "-o", help="FILE.html, FILE.md, FILE.xlsx or FILE.docx (written atomically).", readable=False
        ),
    ],
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    lang: LangOpt = Lang.en,
    verdict_exit: VerdictExit = False,
    debug: Debug = False,
) -> None:
    """The verdict, the quarterly path (plan vs published), contributions, what the remaining quarters need,
    per-capita GRDP and structure, the assumptions. The HTML page recomputes a what-if as rates are edited,
    the workbook with Excel formulas; the Word document is the scenario as an official appendix (Decree 30).
    Exit 0 when written (with --verdict-exit: the code of check)."""

    def action() -> int:
        from ..core.errors import InputError
        from ..inputs.atomic import is_stream
        from ..library import Plan
        from ..present.render import Format, format_of_file
        from ..present.views.report import report_document

        reports = (Format.html, Format.markdown, Format.xlsx, Format.docx)
        fmt = Format.html if is_stream(output) else format_of_file(output)  # a device has no extension
        if fmt not in reports:
            raise InputError(
                "extension-unknown", file=str(output), allowed=(".html", ".md", ".xlsx", ".docx"), fix="fix-one-of"
            )
        result = Plan.load(targets, actuals).report(outturn)
        document = report_document(result, lang)
        code = emit(document, fmt, lang.value, output, verdict_exit=True)
        return code if verdict_exit else 0  # a report written is the command's success, whatever its format

    guarded(action, debug, lang)
