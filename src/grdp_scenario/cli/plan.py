"""``grdp-scenario plan export|import``: the plan as a table (indicators down, periods across), out and in."""

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Debug, LangOpt, Targets
from .run import guarded

plan = typer.Typer(
    name="plan",
    help="The plan as a spreadsheet table, as its appendix prints it: export it, fill it in, import it.",
    no_args_is_help=True,
    rich_markup_mode=None,
)

TableOutput = Annotated[
    Path,
    typer.Option(
        "--output",
        "-o",
        help="The table to write: FILE.xlsx (a workbook) or FILE.csv.",
        show_default=False,
        readable=False,
    ),
]
PlanOutput = Annotated[
    Path,
    typer.Option("--output", "-o", help="The targets YAML to write (atomically).", show_default=False, readable=False),
]
TableFile = Annotated[
    Path, typer.Argument(help="The table to read: FILE.xlsx or FILE.csv.", show_default=False, readable=False)
]


def _kind(path: Path) -> str:
    from ..core.errors import InputError
    from ..inputs.atomic import is_stream

    suffix = ".csv" if is_stream(path) else path.suffix.lower()  # a device has no extension: the text form
    if suffix not in (".xlsx", ".csv"):
        raise InputError("table-extension", file=str(path), value=suffix or path.name, fix="fix-table-extension")
    return suffix


@plan.command("export")
def export(output: TableOutput, targets: Targets = None, lang: LangOpt = Lang.en, debug: Debug = False) -> None:
    """Write the plan as a table: one row per indicator and item, one column per period (a template for a new
    plan from init). Exit 0 when written."""

    def action() -> int:
        from ..inputs.atomic import write_output
        from ..inputs.packaged import DEFAULT_TARGETS, data_path
        from ..inputs.plan import load_plan
        from ..inputs.plan_table import plan_rows, table_csv, table_workbook
        from ..present.views.plan_table import guide_lines, guide_title
        from ..present.wording import Wording

        kind = _kind(output)
        rows = plan_rows(load_plan(targets or data_path(DEFAULT_TARGETS)))
        if kind == ".csv":
            write_output(output, table_csv(rows, lang.value))
        else:
            write_output(output, table_workbook(rows, guide_lines(lang), guide_title(lang), lang.value))
        typer.echo(Wording(lang).label("wrote", file=output), err=True)
        return 0

    guarded(action, debug, lang)


@plan.command("import")
def import_(table: TableFile, output: PlanOutput, lang: LangOpt = Lang.en, debug: Debug = False) -> None:
    """Read a plan table (as export writes it) into a targets YAML, numbers with their printed decimals;
    errors name the sheet and cell. Exit 0 when written, 2 on a bad table."""

    def action() -> int:
        from ..inputs.atomic import write_output
        from ..inputs.plan_table import plan_from_table, read_table
        from ..present.wording import Wording

        _kind(table)
        _, text = plan_from_table(read_table(table))
        write_output(output, text)
        typer.echo(Wording(lang).label("wrote", file=output), err=True)
        return 0

    guarded(action, debug, lang)
