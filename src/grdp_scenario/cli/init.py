"""``grdp-scenario init``: a new plan and base-year file pair for a region and year, ready to fill in."""

from pathlib import Path
from typing import Annotated, List

import typer

from ..present.i18n import Lang
from .options import Debug, LangOpt
from .run import guarded


def init(
    folder: Annotated[
        Path, typer.Argument(help="The folder to write the two files in (created if missing).", readable=False)
    ],
    region: Annotated[str, typer.Option("--region", help="The region's name as the plan prints it.")],
    year: Annotated[int, typer.Option("--year", help="The plan year; the base year is the year before.")],
    key: Annotated[
        str | None, typer.Option("--key", help="A short key for the region (default: from its name, hau-giang).")
    ] = None,
    blocks: Annotated[
        str, typer.Option("--blocks", help="The blocks of the year, e.g. Q1,Q2,Q3,Q4 or H1,Q3,Q4.")
    ] = "Q1,Q2,Q3,Q4",
    child: Annotated[
        List[str] | None,
        typer.Option("--child", help="A child sector: industry, construction, or KEY=PARENT (repeatable)."),
    ] = None,
    industries: Annotated[
        bool,
        typer.Option(
            "--industries",
            help="Lay out the 21 level-1 sections A-U of VSIC 2018 as industries of the four sectors, each with "
            "base-year volumes of its own (the level resolution 01/NQ-CP asks for).",
        ),
    ] = False,
    volumes: Annotated[
        Path | None,
        typer.Option(
            "--volumes",
            help="The statistics office's table of the base year's GRDP at constant prices (xlsx or CSV, items "
            "down, periods across, as it comes): the base-year file is made from it, exactly.",
            show_default=False,
            readable=False,
        ),
    ] = None,
    published: Annotated[
        Path | None,
        typer.Option(
            "--published",
            help="A CSV of what was published about the base year (rates over the year before; optional points, "
            "volume, current): the base-year volumes are estimated from it.",
            show_default=False,
            readable=False,
        ),
    ] = None,
    horizon: Annotated[
        int | None,
        typer.Option("--horizon", min=1, max=10, help="Write a horizon file of this many years from --year instead."),
    ] = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Write targets_YEAR.yaml and actuals_BASEYEAR.csv in FOLDER: the level-1 sectors (with --industries,
    the 21 VSIC sections), an FY goal and target blocks to fill in. The base year's volumes come from the
    statistics office's table (--volumes TABLE), are estimated from what was published (--published FILE,
    copied beside the plan, which every command then reads for its range), or are left to fill in. With
    --horizon N, horizon_YEAR_LAST.yaml instead, a plan of N years to fill in. Refuses to replace files that
    exist. Exit 0 when written."""

    def action() -> int:
        import re

        from ..core.errors import InputError
        from ..core.text import printable
        from ..inputs.atomic import write_output
        from ..inputs.template import actuals_text, child_sectors, parse_blocks, plan_text, region_key
        from ..present.views.template import comments
        from ..present.wording import Wording

        name = " ".join(printable(region).split())  # one line: no control characters, line breaks or tabs
        region_key_ = key or region_key(name)
        if not name or not region_key_:
            raise InputError("region-name-empty", where="--region", fix="fix-region-name-empty")
        if not re.fullmatch(r"[a-z0-9][a-z0-9-]*", region_key_):  # what the plan's loader takes (README, "Files")
            raise InputError("key-not-identifier", where="--key", key=region_key_, fix="fix-region-key")
        if not 1900 < year < 3000:
            raise InputError("year-implausible", where="--year", value=year, fix="fix-year-implausible")
        ordered = parse_blocks(blocks)
        children = child_sectors(child or [])
        if industries:
            from ..inputs.vsic import SECTIONS

            taken = {k for k, *_ in children}
            children = [*children, *((k, p, vi, en) for k, p, vi, en in SECTIONS if k not in taken)]
        if horizon is not None:
            from ..inputs.template import horizon_text
            from ..present.views.template import horizon_comments

            last = year + horizon - 1
            files = {
                folder / f"horizon_{year}_{last}.yaml": horizon_text(
                    name, region_key_, year, last, horizon_comments(lang)
                )
            }
        elif volumes is not None:
            from ..inputs.statstable import read_volume_table
            from ..inputs.template import measured_actuals_text
            from ..inputs.vsic import SECTIONS

            table = read_volume_table(volumes)
            taken = {k for k, *_ in children}
            children = [
                *children,
                *((k, p, vi, en) for k, p, vi, en in SECTIONS if k in table.sections and k not in taken),
            ]
            ordered = list(table.blocks) if blocks == "Q1,Q2,Q3,Q4" else ordered
            files = {
                folder / f"targets_{year}.yaml": plan_text(
                    name, region_key_, year, ordered, children, comments(lang, name, year)
                ),
                folder / f"actuals_{year - 1}.csv": measured_actuals_text(
                    region_key_, year - 1, table.volume, volumes.name
                ),
            }
            for label in table.skipped:
                typer.echo(Wording(lang).label("volumes_skipped", label=label), err=True)
        elif published is not None:
            from ..inputs.template import estimated_actuals_text
            from ..library import base_year_from_published
            from ..present.views.template import estimated_source

            made = base_year_from_published(published, year - 1, ordered)
            copy = f"published_{year - 1}.csv"
            files = {
                folder / f"targets_{year}.yaml": plan_text(
                    name,
                    region_key_,
                    year,
                    ordered,
                    children,
                    comments(lang, name, year),
                    published=(copy, list(made.releases)),
                ),
                folder / f"actuals_{year - 1}.csv": estimated_actuals_text(
                    region_key_, year - 1, made.volume, made.current, estimated_source(made.estimate, copy, lang)
                ),
            }
            if (folder / copy).resolve() != published.resolve():
                files[folder / copy] = published.read_bytes()
        else:
            files = {
                folder / f"targets_{year}.yaml": plan_text(
                    name, region_key_, year, ordered, children, comments(lang, name, year)
                ),
                folder / f"actuals_{year - 1}.csv": actuals_text(region_key_, year - 1, ordered, industries),
            }
        for path in files:
            if path.exists() or path.is_symlink():
                raise InputError("file-exists", file=str(path), fix="fix-file-exists")
        folder.mkdir(parents=True, exist_ok=True)
        w = Wording(lang)
        written = []
        try:
            for path, text in files.items():
                write_output(path, text)
                written.append(path)
        except BaseException:  # a pair or nothing: a full disk must not leave half of it
            for path in written:
                path.unlink(missing_ok=True)
            raise
        for path in written:
            typer.echo(w.label("wrote", file=path), err=True)
        return 0

    guarded(action, debug, lang)
