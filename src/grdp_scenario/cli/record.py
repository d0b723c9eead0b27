"""``grdp-scenario record``: record a published figure in the outturn file, atomically, under a lock."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, List, Optional

import typer

from ..i18n import Lang
from .options import Actuals, Debug, LangOpt, Targets
from .run import guarded


def record(period: Annotated[str, typer.Argument(help="Q1..Q4, H1, H2, 9M or FY (cumulative figures are "
                                                   "inverted into the block they complete).")],
           outturn: Annotated[Path, typer.Option("--outturn", help="The outturn CSV to write (created if absent).")],
           grdp: Annotated[Optional[float], typer.Option("--grdp", help="GRDP growth in percent.")] = None,
           rate: Annotated[Optional[List[str]], typer.Option("--rate", help="SECTOR=RATE (repeatable).")] = None,
           status: Annotated[str, typer.Option("--status", help="actual or estimate.")] = "actual",
           source: Annotated[str, typer.Option("--source", help="Who published it, where.")] = "",
           published: Annotated[str, typer.Option("--published", help="Date of publication, e.g. 2025-10-16.")] = "",
           replace: Annotated[bool, typer.Option("--replace", help="Record a revision of a recorded period; "
                                                 "the old row is kept as history.")] = False,
           targets: Targets = None, actuals: Actuals = None, lang: LangOpt = Lang.en, debug: Debug = False) -> None:
    """Record what the statistics office published; refuses (exit 2, file untouched) to overwrite a recorded
    period without --replace. Prints the block growth the figure implies."""

    def action() -> int:
        from ..errors import InputError
        from ..i18n import number
        from ..outturn import record as record_rows
        from ..scenario import Scenario

        scenario = Scenario.load(targets, actuals)
        rates: dict[str, float] = {}
        if grdp is not None:
            rates["grdp"] = grdp
        for text in rate or []:
            key, sep, raw = text.partition("=")
            if not sep:
                raise InputError(f"'{text}' is not of the form SECTOR=RATE", where="--rate",
                                 fix="Write e.g. --rate services=8.79")
            if key not in scenario.economy.sector_keys:
                raise InputError(f"unknown sector '{key}'", where="--rate",
                                 fix=f"Use one of: {', '.join(scenario.economy.sector_keys)}")
            try:
                rates[key] = float(raw)
            except ValueError:
                hint = " (write a point, not a decimal comma)" if "," in raw else ""
                raise InputError(f"'{raw}' is not a number{hint}", where="--rate", fix="Write e.g. --rate services=8.79") from None
        for key, value in rates.items():
            if value != value or value <= -100 or value in (float("inf"), float("-inf")):
                raise InputError(f"{key} {value} is not a possible growth rate", fix="Give a finite rate above -100")
        done = record_rows(outturn, scenario.plan, period, rates, status, source, published, replace)
        vi = Lang(lang) is Lang.vi
        verb = ("Đã ghi" if vi else "Recorded") if not done.replaced else ("Đã ghi đè" if vi else "Revised")
        typer.echo(f"{verb} {period}: " + ", ".join(f"{k} {number(v, 2, lang)}" for k, v in rates.items())
                   + f" → {outturn}")
        after = scenario.with_outturn(outturn)
        for block, implied in after.derived:
            typer.echo((f"Suy ra {block}: {number(implied, 2, lang)} %" if vi else
                        f"Implied {block}: {number(implied, 2, lang)} %"))
        for note in after.outturn_notes:
            typer.echo(("Mâu thuẫn: " if vi else "Conflict: ") + note, err=True)
        return 0

    guarded(action, debug)
