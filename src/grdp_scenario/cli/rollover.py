"""``grdp-scenario rollover``: next year's base-year file from this base year and the year's actual growth."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from ..present.i18n import Lang
from .options import Actuals, Debug, LangOpt, Outturn, Targets
from .run import guarded, say


def rollover(
    output: Annotated[Path, typer.Option("--output", "-o", help="The new base-year CSV to write (actuals_YEAR.csv).")],
    targets: Targets = None,
    actuals: Actuals = None,
    outturn: Outturn = None,
    lang: LangOpt = Lang.en,
    debug: Debug = False,
) -> None:
    """Write next year's base year: each block's volume times (1 + its actual growth), per sector. Blocks whose
    growth is not actual are named on stderr and left empty in the file, to fill in. Exit 0 when written."""

    def action() -> int:
        from ..core.rollover import next_base_year
        from ..inputs.actuals import BaseYear, format_actuals
        from ..inputs.atomic import write_output
        from ..present.views.rollover import rollover_lines
        from ..scenario import Scenario

        scenario = Scenario.load(targets, actuals, outturn)
        result = next_base_year(scenario.economy)
        source = f"{scenario.base.year} volume x (1 + {result.year} growth)"
        base = BaseYear(result.year, dict(result.volume), {}, {k: source for k in result.volume}, str(output))
        text = format_actuals(base, scenario.plan, region=True, exact=True)
        key = scenario.plan.model.region.key
        empty = [
            f"{key},{result.year},{u.block},{s},,," for u in result.undetermined if u.union is None for s in u.sectors
        ]
        write_output(output, text + "".join(line + "\n" for line in empty))
        say("\n".join(rollover_lines(scenario, result, output, lang)))
        return 0

    guarded(action, debug, lang)
