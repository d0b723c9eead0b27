"""The audit rules: each with a slug and a severity; its title, description and message
template are words, and live with the other words in the presentation layer (present/catalogue.py, RULE_TEXTS).

A rule's check yields one Outcome per cell it looks at; an outcome holds exactly (no finding), holds only
within the rounding of the printed numbers (an info finding), or fails (a finding of the rule's severity).
"""

from __future__ import annotations

from ..core.dataclass import dataclass


@dataclass(frozen=True)
class Rule:
    slug: str
    severity: str = "error"


RULES: dict[str, Rule] = {
    r.slug: r
    for r in (
        Rule("structure-sums-to-100"),
        Rule("flow-adds-up"),
        Rule("components-add-up"),
        Rule("components-within-total"),
        Rule("stock-is-end-of-period"),
        Rule("growth-between-parts"),
        Rule("growth-reproduced-by-weights"),
        Rule("weights-exist"),
        Rule("growth-claim-holds"),
        Rule("per-capita-plausible", "warning"),
        Rule("deflator-plausible", "warning"),
        Rule("percent-in-range"),
        Rule("sector-goals-reproduced"),
        Rule("repeated-number-agrees"),
        Rule("outturn-consistent", "warning"),
        Rule("baseline-stale", "warning"),
    )
}
