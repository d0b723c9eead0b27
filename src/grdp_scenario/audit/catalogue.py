"""The catalogue of audit rules: each with a slug, a title, a description and a message template.

A rule's check yields one Outcome per cell it looks at; an outcome holds exactly (no finding), holds only
within the rounding of the printed numbers (an info finding), or fails (a finding of the rule's severity).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    slug: str
    title: str
    description: str
    template: str  # str.format fields: indicator, period, actual, expected, detail
    severity: str = "error"


RULES: dict[str, Rule] = {r.slug: r for r in (
    Rule("structure-sums-to-100", "Structure shares add to 100",
         "The economic structure (current-price shares) of a column adds up to 100 %.",
         "{indicator} {period}: the shares add up to {actual} %, not {expected} %{detail}"),
    Rule("flow-adds-up", "Flows add up over time",
         "For flows, 9M = H1 + Q3, H2 = Q3 + Q4, FY = H1 + H2 = 9M + Q4.",
         "{indicator} {period}: printed {actual}, but its parts add up to {expected}{detail}"),
    Rule("components-add-up", "Components add up to their total",
         "Where the indicator says its components make up the total, they add up to it.",
         "{indicator} {period}: printed total {actual}, components add up to {expected}{detail}"),
    Rule("components-within-total", "Components stay within their total",
         "Where the components are only some of the total, they add up to no more than it.",
         "{indicator} {period}: components add up to {actual}, more than the printed total {expected}{detail}"),
    Rule("stock-is-end-of-period", "Stocks are end-of-period, not summed",
         "A stock (credit) at 9M is its level at the end of Q3, at H2 and FY its level at the end of Q4.",
         "{indicator} {period}: printed {actual}, but the end-of-period level is {expected}{detail}"),
    Rule("growth-between-parts", "A growth aggregate lies between its parts",
         "Growth of 9M, H2 or FY lies between the smallest and largest growth of its blocks (needs no weights).",
         "{indicator} {period}: {actual} % lies outside its parts' range {expected}{detail}"),
    Rule("growth-reproduced-by-weights", "Growth aggregates are reproduced by the base weights",
         "Block GRDP from its sectors, and 9M and H2 from their blocks, with the base-year volumes.",
         "{indicator} {period}: printed {actual} %, the base weights give {expected} %{detail}"),
    Rule("weights-exist", "Some base weights reproduce every printed growth figure",
         "Non-negative base volumes exist (fitted anew from the plan, not the shipped ones) that reproduce "
         "every printed growth figure within its rounding.",
         "{indicator} {period}: the best-fitting base weights give {expected} % for the printed {actual} %{detail}"),
    Rule("growth-claim-holds", "Stated growth claims hold",
         "A claim 'at least x % over the base year' holds for the year's value: FY ≥ base × (1 + x %).",
         "{indicator} {period}: {actual} is below the claimed minimum {expected}{detail}"),
    Rule("per-capita-plausible", "Per capita × population ≈ GRDP, population plausible",
         "GRDP over GRDP per capita gives the population; its growth from the base year is plausible.",
         "{indicator} {period}: implied population {actual}{detail}", "warning"),
    Rule("deflator-plausible", "Implied deflators are plausible",
         "Nominal growth over real growth gives the implied price change; it is plausible.",
         "{indicator} {period}: implied deflator growth {actual} %{detail}", "warning"),
    Rule("percent-in-range", "Percentages lie within 0…100",
         "Shares and rates printed in percent lie between 0 and 100.",
         "{indicator} {period}: {actual} % is outside 0…100{detail}"),
    Rule("sector-goals-reproduced", "The quarterly targets reproduce the period goals",
         "The goals for a period (FY, H2) follow from the block targets with the base weights.",
         "{indicator} {period}: the targets give {actual} %, the goal is {expected} %{detail}"),
    Rule("repeated-number-agrees", "Numbers printed twice agree",
         "A number that stands in the text and in the appendix is the same in both.",
         "{indicator} {period}: {actual} in one place, {expected} in the other{detail}"),
    Rule("outturn-consistent", "Published outturns agree with each other",
         "A published cumulative figure agrees with the published or plan blocks it is made of.",
         "{indicator} {period}: {detail}", "warning"),
    Rule("baseline-stale", "Baseline entries still match a finding",
         "An acknowledged finding in the baseline that no longer occurs should be removed.",
         "baseline entry {indicator} {period} ({detail}) matches no finding any more", "warning"),
)}
