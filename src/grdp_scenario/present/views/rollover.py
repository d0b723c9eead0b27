"""What ``rollover`` says: the file written, and the volumes it could not determine."""

from __future__ import annotations

from ..wording import Wording


def rollover_lines(scenario, result, output, lang) -> list[str]:
    w = Wording(lang, scenario.targets)
    lines = [w.label("rollover_wrote", file=output, year=result.year, n=len(result.volume))]
    for u in result.undetermined:
        lines.append(
            w.label(
                f"rollover_{u.reason.replace('-', '_')}",
                block=w.period(u.block),
                sectors=", ".join(w.item(s) for s in u.sectors),
                union=w.period(u.union) if u.union else "",
            )
        )
    if any(u.union is None for u in result.undetermined):
        lines.append(w.label("rollover_fill", year=result.year))
    return lines
