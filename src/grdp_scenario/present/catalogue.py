"""Every word the tool says, as English message ids: labels, facts and errors with their fixes, audit rules.

Each is translated through gettext (``locale/vi/LC_MESSAGES/grdp_scenario.po``); a test keeps the ``.po``
complete and free of stale entries. Fields in braces are filled by ``wording.Wording``, which spells
numbers and period names in the reader's language.
"""

from __future__ import annotations

from .i18n import N_

#: Labels: table headers, statuses, verdicts, notes, titles.
LABELS: dict[str, str] = {
    # periods
    "Q1": N_("Q1"),
    "Q2": N_("Q2"),
    "Q3": N_("Q3"),
    "Q4": N_("Q4"),
    "H1": N_("H1"),
    "H2": N_("H2"),
    "9M": N_("9M"),
    "FY": N_("FY"),
    # statuses of a block or period
    "actual": N_("actual"),
    "estimate": N_("estimate"),
    "target": N_("plan target"),
    "derived": N_("derived"),
    "mixed": N_("mixed"),
    # items
    "grdp": N_("GRDP"),
    "residual": N_("Residual (published GRDP vs sectors)"),
    "structure": N_("Structure"),
    "population": N_("Population"),
    # tables of check
    "period": N_("Period"),
    "item": N_("Item"),
    "status": N_("Status"),
    "min": N_("Goal (min)"),
    "value": N_("Value"),
    "margin": N_("Margin (pp)"),
    "met": N_("Met"),
    "growth_title": N_("Growth over the same period of {base} (%)"),
    "contrib_title": N_("Contributions to GRDP growth (percentage points)"),
    "goals_title": N_("Goals"),
    "nominal_title": N_("GRDP at current prices, {year}"),
    "sector": N_("Sector"),
    "nominal": N_("Nominal (bn VND)"),
    "share": N_("Structure (%)"),
    "deflator": N_("Deflator growth (%, assumed)"),
    "total": N_("Total"),
    "per_capita": N_("GRDP per capita (million VND)"),
    "per_capita_usd": N_("GRDP per capita (USD)"),
    "grdp_current": N_("GRDP at current prices (billion VND)"),
    "population_assumed": N_("Average population (assumed)"),
    "implied": N_("implied by the plan's FY nominal GRDP, structure and sector goals"),
    "implied_pop": N_("implied by the plan's FY nominal GRDP over its per-capita goal"),
    "stated": N_("stated in the targets file"),
    "verdict_met": N_("GOAL MET: {period} GRDP growth {value} ≥ {min} (margin {margin} points)"),
    "verdict_missed": N_("GOAL MISSED: {period} GRDP growth {value} < {min} (short by {margin} points)"),
    "verdict_within_rounding": N_(
        "GOAL NOT MET, WITHIN ROUNDING: {period} GRDP growth {value} < {min}, short by {margin} points, "
        "no more than the rounding of the printed figures ({rounding})"
    ),
    "verdict_met_projected": N_(
        "PROJECTED TO MEET THE GOAL: {period} GRDP growth {value} ≥ {min} (margin {margin} points) {assumes}"
    ),
    "verdict_missed_projected": N_(
        "PROJECTED TO MISS THE GOAL: {period} GRDP growth {value} < {min} (short by {margin} points) {assumes}"
    ),
    "verdict_within_rounding_projected": N_(
        "PROJECTED SHORT OF THE GOAL, WITHIN ROUNDING: {period} GRDP growth {value} < {min}, short by {margin} "
        "points, no more than the rounding of the printed figures ({rounding}), {assumes}"
    ),
    "verdict_within_weights": N_(
        "GOAL MET OR NOT, WITHIN THE PRECISION OF THE WEIGHTS: {period} GRDP growth {value} against {min}; the "
        "base-year weights estimated from published figures allow anything from {low} to {high}"
    ),
    "verdict_within_weights_projected": N_(
        "PROJECTED TO MEET THE GOAL OR NOT, WITHIN THE PRECISION OF THE WEIGHTS: {period} GRDP growth {value} "
        "against {min}; the base-year weights estimated from published figures allow anything from {low} to "
        "{high}, {assumes}"
    ),
    "verdict_unknown": N_(
        "{period} GRDP growth is not known yet: the figures published so far do not give it (goal {min})"
    ),
    "assumes_targets": N_("if {blocks} meet their targets"),
    "assumes_target": N_("if {blocks} meets its target"),
    "assumes_estimates": N_("if the estimates for {blocks} hold"),
    "assumes_whatif": N_("under this what-if"),
    "assumes_and": N_("{first} and {second}"),
    "verdict_projected": N_("{verdict} (projected)"),
    "no_headline": N_("The plan sets no FY GRDP goal; {met} of {total} goals are met"),
    "verdict_strict_missed": N_("STRICT: {n} other goal(s) missed: {items}"),
    "missed_goals": N_("Goals missed: {items}"),
    "missed_goals_projected": N_("Goals projected to be missed: {items}"),
    "rounding_goals_projected": N_("Goals projected short only within the rounding of the printed figures: {items}"),
    "verdict_strict_missed_projected": N_("STRICT: {n} other goal(s) projected to be missed: {items}"),
    "rounding_goals": N_("Goals short only within the rounding of the printed figures: {items}"),
    "verdict": N_("Verdict"),
    "goal_met": N_("met"),
    "goal_within_rounding": N_("within rounding"),
    "goal_missed": N_("missed"),
    "goal_unknown": N_("no data yet"),
    "unknown_goals": N_("Goals that cannot be evaluated (the data do not give them): {items}"),
    "not_computable": N_("Not computable: {items}"),
    "gap_warning": N_(
        "Warning: {block} GRDP is given as {grdp}, but its sectors, weighted by the base volumes, give {sectors} "
        "({gap} points, more than the {rounding} points the rounding of the printed figures explains). The given "
        "GRDP stands; check both against the document (grdp-scenario audit lists such figures)."
    ),
    "residual_note": N_(
        "Published GRDP stands where its sectors, weighted by the base volumes, imply a slightly "
        "different figure ({blocks} points); contributions carry the difference as a residual "
        "line."
    ),
    "derived_note": N_("{block} implied by the published {period} figure: {rate}"),
    "docx_appendix": N_("Appendix {number}"),
    "docx_attached": N_("(Attached to {document})"),
    "docx_notes": N_("Notes"),
    "volumes_skipped": N_("Not read: the row '{label}' is neither GRDP, a sector nor a VSIC section."),
    "block_grdp_title": N_("GRDP growth of each block (%)"),
    "help_usage": N_("Usage:"),
    "help_show": N_("Show this message and exit."),
    "help_options_metavar": N_("[OPTIONS]"),
    "help_command_metavar": N_("COMMAND [ARGS]..."),
    "help_path": N_("path"),
    "help_text": N_("text"),
    "help_integer": N_("integer"),
    "help_number": N_("number"),
    "chart_projected": N_("projected"),
    "weights_note": N_("Weights: base-year volumes at constant prices from {file}."),
    "weights_estimated_note": N_(
        "Weights: base-year volumes estimated from the published figures in {file}; within their rounding, "
        "FY GRDP growth lies between {low} and {high}."
    ),
    "estimated_source": N_("estimated from {file} by least squares ({routes})"),
    "estimated_assumed": N_("quarterly profile of {sectors} assumed to be GRDP's"),
    "estimated_structure": N_("sector weights from the current-price structure, an approximation"),
    "estimated_route_rate": N_("growth rates"),
    "estimated_route_points": N_("contribution points"),
    "estimated_route_volume": N_("volumes at constant prices"),
    "estimated_route_current": N_("current-price structure"),
    "nominal_unavailable": N_("{title}: not computed, because {reason}."),
    "packaged": N_("packaged {name}"),
    "guide_title": N_("Guide"),
    "rollover_wrote": N_("Wrote {file}: {n} base-year volumes of {year} at constant prices."),
    "rollover_target": N_("Undetermined: {block} ({sectors}): its growth is a target, not an actual figure."),
    "rollover_estimate": N_("Undetermined: {block} ({sectors}): its growth is an estimate, not an actual figure."),
    "rollover_grdp_only": N_("Undetermined: {block} ({sectors}): only its GRDP growth is actual."),
    "rollover_split": N_(
        "Undetermined: {block} on its own; only {union} as a whole follows from the published figures, and the "
        "file gives {union}."
    ),
    "rollover_fill": N_(
        "Their rows are left empty in the file: record the actual figures (grdp-scenario record) and run "
        "grdp-scenario rollover again, fill in the statistics office's volumes of {year}, or calibrate them "
        "from the next plan's printed figures (grdp-scenario calibrate)."
    ),
    "provisional_note": N_(
        "{blocks} had no figures in the plan: the goals 'before' count them at the base year's growth (0 where "
        "the plan does not give it)."
    ),
    "init_header": N_("GRDP growth plan of {region} for {year}, started by grdp-scenario init."),
    "init_numbers": N_(
        "Write numbers as the plan prints them, a point for the decimal comma (14,80 -> 14.80): the decimals are "
        "the rounding the verdicts weigh."
    ),
    "init_table": N_(
        "Or fill it in as a table: grdp-scenario plan export --targets targets_{year}.yaml --output plan.xlsx, "
        "then grdp-scenario plan import plan.xlsx --output targets_{year}.yaml"
    ),
    "init_document": N_("Plan No. .../KH-UBND, issued by ..., on ..."),
    "init_goals": N_("Minimum growth in percent, by period and then item (grdp or a sector key), e.g. {example}"),
    "init_growth": N_(
        "Growth of each block over the same block of the base year: status (actual, estimate or target), then grdp "
        "and/or every sector, e.g. {example}"
    ),
    "init_build": N_("Target blocks left empty can be filled by: grdp-scenario build --goal=RATE --output=FILE"),
    "guide_intro": N_(
        "The plan as a table, as its appendix prints it: one row per indicator and item, one column per period. "
        "Fill in the blue cells, then: grdp-scenario plan import THIS_FILE --output targets.yaml"
    ),
    "guide_columns": N_(
        "Columns: section and item say what a row is; name, name_en and parent name a sector; base_year is the "
        "base year; Q1 to FY are the periods of the plan year; row, unit, kind, agency, components and note "
        "describe an appendix indicator."
    ),
    "guide_plan": N_(
        "plan rows: the region's key and name, the year, the base year, the document and the "
        "base-year file, each in the name column."
    ),
    "guide_status": N_(
        "status row: actual, estimate or target under each block of the year (H1, Q3, Q4 or Q1 to Q4); the blocks "
        "are the columns this row fills."
    ),
    "guide_growth": N_(
        "growth rows: GRDP, then one row per sector with its names and parent; the growth of each block in percent "
        "over the same block of the base year, and in base_year the base year's own growth."
    ),
    "guide_goal": N_("goal rows: the minimum growth in percent for each period (FY, H2, ...) and item."),
    "guide_published": N_(
        "published and base_year_block_growth rows: cumulative figures the plan prints, and the base year's growth "
        "by block."
    ),
    "guide_levels": N_(
        "nominal and per_capita (base_year, H1, FY = the plan's minimum), structure (percent of GRDP), deflator (FY), "
        "child_share (base_year) and population (FY)."
    ),
    "guide_indicators": N_(
        "indicator rows: the appendix's other rows; indicator_min, indicator_growth_min, indicator_stated, "
        "indicator_text and indicator_range_low/high give their thresholds, claims, texts and ranges."
    ),
    "guide_numbers": N_(
        "Numbers as printed, with their decimals: a cell shown as 14.80 is read as printed with two decimals, "
        "which is the rounding the verdicts weigh."
    ),
    "guide_import": N_("An empty cell is a figure the plan does not give. Rows may be added or removed."),
    "finding_without_figures": N_("{indicator} {period}{detail}"),
    "all_periods": N_("(all figures)"),
    "wrote": N_("Wrote {file}"),
    "wrote_baseline": N_("Wrote {file}: give each entry its reason"),
    "error": N_("Error"),
    "place_line": N_("{file}, line {line}"),
    "calibrated": N_(
        "Calibrated {volumes} volumes from {figures} printed growth figures; largest residual {residual} points:"
    ),
    "printed": N_("printed"),
    "fitted": N_("fitted"),
    "residual_short": N_("residual"),
    # the analyst commands
    "flag_impossible": N_("impossible: below −100%"),
    "flag_above": N_("{distance} points above the highest rate in the data ({bound})"),
    "flag_below": N_("{distance} points below the lowest rate in the data ({bound})"),
    "whatif_title": N_("What-if scenario"),
    "whatif_table": N_("Plan → what-if scenario (%), changed figures first"),
    "whatif_table_outturn": N_("Published / projected → what-if scenario (%), changed figures first"),
    "baseline": N_("Plan"),
    "scenario": N_("What-if"),
    "change_pp": N_("Δ (pp)"),
    "changes": N_("Changes: {items}"),
    "child_share_note": N_(
        "{child} is taken as {share} of {parent} by base volume (assumptions.child_shares in the targets file)"
    ),
    "baseline_verdict": N_("Plan: {text}"),
    "override_set": N_("{lever} set to {value}"),
    "override_shift": N_("{lever} shifted by {value} points"),
    "required_title": N_("Required growth"),
    "required_met": N_("{what} is {value}: already meets {goal} by {gap} points"),
    "required_gap": N_("{what} is {value}: {gap} points short of {goal}"),
    "required_table": N_("What each lever must reach if it alone closes the gap"),
    "lever": N_("Lever"),
    "now": N_("Now (%)"),
    "required": N_("Required (%)"),
    "change": N_("Change (pp)"),
    "weight": N_("Weight (pp per pp)"),
    "warning": N_("Warning"),
    "flagged_note": N_(
        "Flagged rates lie far outside any rate in the data: closing the gap with that lever alone is not realistic."
    ),
    # reconcile and build
    "changes_title": N_("Changed figures"),
    "before": N_("Before (%)"),
    "after": N_("After (%)"),
    "largest_change": N_("; the largest change is {points} points ({lever})"),
    "flagged_targets_note": N_(
        "Flagged rates lie far outside any rate in the data: targets that need them are not realistic."
    ),
    "reconcile_title": N_("Targets reconciled with the goals"),
    "reconcile_nothing": N_("The targets already meet every goal as printed: nothing to change"),
    "reconcile_verdict": N_("{n} rate(s) changed: every goal is met by the rates as printed ({decimals} decimals)"),
    "weights_equal": N_("Weights: every percentage point of change counts the same (--weights=equal)."),
    "weights_volume": N_(
        "Weights: a point of change counts in proportion to the rate's base-year volume (--weights=volume)."
    ),
    "kept_note": N_("Held as printed (--keep): {levers}"),
    "reconcile_child_note": N_(
        "Child sectors ({children}) change only for goals of their own; a change of a parent sector is taken up by "
        "its other part."
    ),
    "goal_skipped": N_("Not computable from the data, so not reconciled: {goals}"),
    "build_title": N_("Targets built from the goal"),
    "build_verdict": N_("Targets for {blocks} built ({profile}): FY GRDP growth {value} ≥ {min}"),
    "profile_rising": N_("rising path"),
    "profile_uplift": N_("uplift"),
    "profile_scaled": N_("scaled"),
    "profile_rising_note": N_(
        "Rising path: each remaining block rises above the one before by equal steps, from the latest rates the "
        "year has shown; the year's GRDP goal is met exactly, sector goals lift their sectors."
    ),
    "profile_uplift_note": N_(
        "Uplift: the base year's growth in each block plus the same points in every block; the year's GRDP goal "
        "is met exactly, sector goals lift their sectors."
    ),
    "profile_scaled_note": N_(
        "Scaled: the base year's growth in each block times the same factor; the year's GRDP goal is met exactly, "
        "sector goals lift their sectors."
    ),
    "start_latest": N_("{blocks}: from the latest actual or published rates of the year."),
    "start_base-year": N_(
        "{blocks}: from the base year's growth over the whole year (the plan gives none by block in "
        "base_year_block_growth)."
    ),
    "start_base-year-block": N_("{blocks}: from the base year's growth in the same block (base_year_block_growth)."),
    "goals_replaced_note": N_(
        "The written file's goals are the goals given here; the plan's {n} other goal(s) stay in a comment above them."
    ),
    "file_reconciled": N_("grdp-scenario reconcile --weights={weights} changed: {changes}"),
    "file_published": N_("grdp-scenario recomputed the figures below from the growth blocks above."),
    "file_built": N_("grdp-scenario build --profile={profile} (FY GRDP goal {goal}) changed: {changes}"),
    "file_goals": N_("grdp-scenario build set the goals below; the plan's goals were: {goals}"),
    "growth_of": N_("{period} {item} growth"),
    "sensitivity_title": N_("Sensitivity"),
    "sensitivity_table": N_("Points of {what} per point of each lever, largest first"),
    "pp_per_pp": N_("pp per pp"),
    "sweep_title": N_("Sweep"),
    "points": N_("Grid points"),
    "share_meeting": N_("Share meeting the goal"),
    "lowest": N_("Lowest {what}"),
    "highest": N_("Highest {what}"),
    "boundary": N_("Goal just met where"),
    "measure": N_("Measure"),
    "sweep_summary": N_("{points} points; {share} meet {what} ≥ {goal}"),
    "risk_title": N_("Risk"),
    "risk_verdict": N_("Probability that {what} ≥ {goal}: {probability}"),
    "risk_mc": N_(" (Monte Carlo, {draws} draws: {probability})"),
    "risk_table": N_("Probability of each goal"),
    "mean": N_("Mean"),
    "stdev": N_("Std. dev."),
    "probability": N_("Probability (%)"),
    "monte_carlo": N_("Monte Carlo (%)"),
    "fan_title": N_("Quantiles of {what} (%)"),
    "quantile": N_("Quantile"),
    "risk_note": N_("Standard deviations (points): {sds}; correlation {corr}; applied to: {rates}"),
    # record
    "recorded": N_("Recorded {period}: {figures} → {file}"),
    "revised": N_("Revised {period}: {figures} → {file}"),
    "recorded_estimate": N_("Recorded {period} as an estimate: {figures} → {file}"),
    "revised_estimate": N_("Revised {period} as an estimate: {figures} → {file}"),
    "assumption": N_("Assumption: {text}"),
    "horizon_title": N_("Five-year horizon {span} · {region}"),
    "init_horizon_header": N_(
        "A multi-year plan for grdp-scenario horizon: fill in every empty value, with its source in a comment"
    ),
    "init_horizon_base": N_("The base year's GRDP at current prices (billion VND) and average population (persons)"),
    "init_horizon_years": N_(
        "Each year's real GRDP growth over the year before, percent: the target, or actual when published"
    ),
    "init_horizon_assumptions": N_(
        "Assumptions: price (GDP deflator) growth and population growth a year, percent; add vnd_per_usd for a "
        "goal in USD"
    ),
    "init_horizon_goals": N_(
        "Goals of the last year: average_growth (percent a year), grdp_current, per_capita, per_capita_usd, population"
    ),
    "horizon_verdict": N_("Average real GRDP growth {span}: {value} against a goal of {min}: {verdict}"),
    "horizon_years_title": N_(
        "Each year: real growth over the year before, and levels at current prices (base {base})"
    ),
    "horizon_year": N_("Year"),
    "horizon_structure_title": N_("Economic structure, percent of GRDP at current prices"),
    "horizon_margin": N_("Margin (in the goal's unit)"),
    "horizon_growth": N_("Real growth (%)"),
    "horizon_current": N_("GRDP, current prices (bn VND)"),
    "horizon_required_title": N_("What each remaining year needs"),
    "horizon_required": N_("Real growth a year (%)"),
    "horizon_average_growth": N_("Average real growth (%)"),
    "horizon_grdp_current": N_("GRDP at current prices (bn VND)"),
    "horizon_per_capita": N_("GRDP per capita (million VND)"),
    "horizon_per_capita_usd": N_("GRDP per capita (USD)"),
    "horizon_population": N_("Population"),
    "horizon_implied": N_(
        "The goals imply prices rising {rate} a year (the current-price goal over the real-growth goal), within "
        "the plausible {low} to {high}"
    ),
    "horizon_implied_implausible": N_(
        "Warning: the goals imply prices rising {rate} a year (the current-price goal over the real-growth goal), "
        "outside the plausible {low} to {high}; this file assumes {assumed}. Revisit the current-price goal or "
        "the price assumption"
    ),
    "horizon_assumptions": N_(
        "Assumed each year: prices {prices}, population {population}; {fx} VND per US dollar (assumptions of the "
        "horizon file)"
    ),
    "horizon_overrides": N_("What-if: real growth set for {items}"),
    "horizon_risk": N_(
        "Probability that the average goal holds when each remaining year's growth has an error of {sd} points: "
        "{probability} (Monte Carlo, {draws} draws)"
    ),
    "horizon_chart_current": N_("GRDP at current prices against the end-year goal (bn VND)"),
    "horizon_chart_real": N_("Real GRDP growth each year against the average goal (%)"),
    "provenance_document": N_("Document: {document}"),
    "provenance_published": N_("Published figures used: {items}"),
    "provenance_source_dated": N_("{figures} ({source}, published {date})"),
    "provenance_source": N_("{figures} ({source})"),
    "provenance_made": N_("Made on {date} with {tool}"),
    "implied_block": N_("Implied {block}: {rate}"),
    "conflict": N_("Conflict: {text}"),
    # the report
    "report_title": N_("GRDP growth report {year}: {region}"),
    "report_path": N_("Quarterly path: plan and published (%)"),
    "report_plan": N_("Plan"),
    "report_outturn": N_("Published / projected"),
    "report_difference": N_("Difference (pp)"),
    "report_goal": N_("Goal"),
    "report_now": N_("Now (%)"),
    "report_required": N_("Required (%)"),
    "report_need": N_("What the remaining quarters need for {goal} in {period}"),
    "report_closed": N_("No quarter is left to move: every block of the year is published."),
    "report_contrib_chart": N_("Contributions to {period} GRDP growth by sector (points)"),
    "report_contrib_unit": N_("pp"),
    "report_of_plan": N_("{title}: the plan"),
    "report_of_outturn": N_("{title}: published and projected"),
    "whatif_link": N_("Try other rates: the what-if at the end of this page"),
    # The report's what-if, recomputed in the page (render/whatif.js)
    "whatif_page_title": N_("What if: change the rates of the quarters still open"),
    "whatif_page_intro": N_(
        "Type a rate and press Enter: the periods, the goals, the contributions and the chart follow, by the "
        "rule of grdp-scenario whatif (a block's GRDP moves all its sectors by the same points). The address "
        "of the page keeps the changes, so a link shares them."
    ),
    "whatif_page_fy": N_("FY GRDP growth (%)"),
    "whatif_page_reset": N_("Back to the plan"),
    "whatif_page_closed": N_("Every quarter is published or actual: no rate is left to change."),
    "whatif_page_scenario": N_("What-if"),
    "whatif_bad_value": N_("Not a rate: {value} ({lever}). Give a number such as 14.5."),
    "whatif_bad_lever": N_("{lever} cannot be changed: the block has no such rate, or its share is unknown."),
    "whatif_fixed": N_("{lever} cannot be changed: {block} is published or actual, and its figures are facts."),
    "whatif_conflict": N_(
        "{lever} cannot hold together with the other changes (a GRDP whose sectors are all set, or the same "
        "figure twice). Clear one of them."
    ),
    "whatif_impossible": N_("These changes would need {lever} at -100 % or below."),
    # the audit
    "audit_title": N_("Plan audit"),
    "audit_passed": N_(
        "AUDIT PASSED: {error} error(s), {warning} warning(s), {info} within rounding (info) in {checks} checks"
    ),
    "audit_failed": N_(
        "AUDIT FAILED: {error} error(s), {warning} warning(s), {info} within rounding (info) in {checks} checks"
    ),
    "audit_suppressed": N_("; {suppressed} acknowledged in the baseline"),
    "findings": N_("Findings"),
    "severity": N_("Severity"),
    "rule": N_("Rule"),
    "where": N_("Where"),
    "message": N_("Message"),
    "reason": N_("Reason"),
    "acknowledged": N_("Acknowledged in the baseline"),
    "error_severity": N_("error"),
    "warning_severity": N_("warning"),
    "info_severity": N_("info"),
    "within_rounding": N_("; this holds within the rounding of the printed numbers"),
    "rules_note": N_("Rules checked: {rules}."),
    "section_goals": N_("goals"),
    "section_published": N_("published"),
    "baseline_header": N_(
        "Acknowledged findings of `grdp-scenario audit`. Give each entry its reason: why the "
        "finding\nis accepted (for example: the number is printed so in the published plan)."
    ),
    # sheet names of the workbook (at most 31 characters)
    "sheet_summary": N_("Summary"),
    "sheet_volumes": N_("Base volumes"),
    "sheet_rates": N_("Rates"),
    "xlsx_as_given": N_("As grdp-scenario computed it, for the rates as given:"),
    "xlsx_volumes_title": N_("Base-year volumes at constant prices ({base}), by block"),
    "xlsx_rates_title": N_("Growth rates over the same period of {base} (%): edit the blue cells"),
    "xlsx_block": N_("Block"),
    "xlsx_residual": N_("Residual of the printed GRDP (points)"),
    "xlsx_rounding": N_("Rounding (pp)"),
    "xlsx_grdp_typed": N_("GRDP as typed (optional)"),
    "xlsx_grdp_shift": N_("Points it moves every sector by"),
    "xlsx_applied": N_("{item} (applied)"),
    "xlsx_note_period": N_("The period the goal is set for."),
    "xlsx_note_item": N_("GRDP, a sector, or a level at current prices."),
    "xlsx_note_min": N_("The goal: the least the value may be."),
    "xlsx_note_value": N_("The value the rates on the sheet give (a formula: it follows every edit)."),
    "xlsx_note_margin": N_("Value minus goal, in percentage points (or in the goal's unit)."),
    "xlsx_note_rounding": N_(
        "Half a unit of the last printed digit of the figures the value is made of, plus the goal's own: a value "
        "short of the goal by no more than this may still reach it as printed, so it is 'within rounding', "
        "not 'missed'."
    ),
    "xlsx_note_verdict": N_("Met, within rounding, missed, or no data yet, by the rule of grdp-scenario check."),
    "xlsx_live_note": N_(
        "Edit the blue cells on the sheet {sheet}: growth, goals and contributions are formulas and follow. "
        "A printed block GRDP keeps its residual over its sectors; a published period figure stays as published. "
        "Other sheets are the tool's figures for the rates as given."
    ),
    "sheet_growth": N_("Growth"),
    "sheet_goals": N_("Goals"),
    "sheet_contributions": N_("Contributions"),
    "sheet_nominal": N_("Current prices"),
    "sheet_whatif": N_("What-if"),
    "sheet_required": N_("Required"),
    "sheet_sensitivity": N_("Sensitivity"),
    "sheet_sweep": N_("Sweep"),
    "sheet_risk": N_("Risk"),
    "sheet_fan": N_("Quantiles"),
    "sheet_path": N_("Path"),
    "sheet_findings": N_("Findings"),
    "sheet_acknowledged": N_("Acknowledged"),
    # kinds of files, in messages about them
    "file-targets": N_("targets"),
    "file-actuals": N_("base-year"),
    "file-outturn": N_("outturn"),
    "file-scenario": N_("scenario"),
    "file-baseline": N_("baseline"),
    "file-yaml": N_("YAML"),
}

#: Facts and errors (core/errors.Fact codes), and the fixes of errors ("fix-…").
MESSAGES: dict[str, str] = {
    # the command line's own parsing
    "usage-missing": N_("the option {option} is required"),
    "usage-no-such-option": N_("there is no option {option}"),
    "usage-bad-value": N_("'{value}' is not a valid value of {option}"),
    "usage-other": N_("the command line cannot be read"),
    "usage-needs-value": N_("the option {option} needs a value after it"),
    "usage-no-such-command": N_("there is no command '{value}'"),
    "usage-extra-argument": N_("'{value}' is not an option or a value this command takes"),
    "fix-usage-help": N_("See {command} --help"),
    # numbers
    "number-boolean": N_("'{value}' is true/false, not a number"),
    "number-decimal-comma": N_("'{value}' is written with a decimal comma"),
    "number-not-a-number": N_("'{value}' is not a number"),
    "number-not-finite": N_("'{value}' is not a finite number"),
    "rate-implausible": N_("a growth rate of {value}% is beyond any plan (at most {limit}%)"),
    "rate-impossible": N_("a growth rate of {value}% would mean the economy vanished or turned negative"),
    "level-negative": N_("{value} is negative"),
    "fix-number": N_("Write a plain number such as 11.08"),
    "fix-decimal-comma": N_("Write {point} (a point, as the files and options need)"),
    "fix-rate": N_("Rates are in percent and must be above -100"),
    "fix-level": N_("Volumes and current-price values are levels and cannot be below zero"),
    "assignment-form": N_("'{value}' is not of the form KEY=VALUE"),
    "fix-assignment-form": N_("Write e.g. {where} services=8.79"),
    # files
    "file-missing": N_("the {kind} file does not exist"),
    "file-is-folder": N_("is a folder, not a {kind} file"),
    "file-unreadable": N_("cannot be read: {reason}"),
    "file-binary": N_("is not a text file (it contains binary data); a {kind} file is plain text"),
    "file-not-utf8": N_("is not UTF-8 text (byte {byte} cannot be read)"),
    "file-empty": N_("is empty"),
    "file-unwritable": N_("cannot be written: {reason}"),
    "file-read-only": N_("is read-only, so it is left as it is"),
    "actuals-volume-zero": N_("the base volume of {sector} in {period} is 0, so its growth is undefined"),
    "fix-actuals-volume-zero": N_(
        "Give the sector's base-year volume at constant prices (above 0), or leave the sector out"
    ),
    "yaml-merge-key": N_("merge keys (<<) are not supported"),
    "yaml-tag": N_("the tag {tag} is not supported"),
    "fix-yaml-plain": N_("Write plain YAML: numbers, text, lists and mappings, without tags (!) or merge keys (<<)"),
    "number-too-large": N_("'{value}' is too large for any figure of a plan"),
    "level-zero": N_("a total of 0 cannot be divided by"),
    "fix-level-zero": N_("Give the figure as printed in the plan (above 0), or leave it out"),
    "no-lever": N_("no target block moves {period} {item}: it is made of actual or published blocks"),
    "fix-no-lever": N_("Ask about a period that contains a target block (e.g. --for FY)"),
    "seed-negative": N_("a seed of {value} is below zero"),
    "fix-seed": N_("Give a whole number from 0 up"),
    "draws-too-many": N_("{value} draws are more than the {limit} the Monte Carlo takes"),
    "fix-draws": N_("Give at most {limit} draws; the exact probability needs none"),
    "key-not-identifier": N_("the key '{key}' is not a plain name"),
    "fix-key-not-identifier": N_("Use letters, digits and _ only, starting with a letter (e.g. industry_construction)"),
    "file-too-large": N_("is larger than {limit} MB, more than any {kind} file"),
    "fix-file-too-large": N_("Check that this is the file you meant"),
    "yaml-too-many-values": N_("its aliases (*name) stand for more than {limit} values"),
    "yaml-alias-loop": N_("an alias (*name) stands inside its own anchor (&name), without end"),
    "fix-yaml-aliases": N_("Write the values out instead of repeating anchors"),
    "fix-file-read-only": N_("Write to another file, or make this one writable first (chmod u+w)"),
    "fix-file-missing": N_("Check the path, or leave the option out to use the packaged data"),
    "fix-file-is-folder": N_("Name the file inside it"),
    "fix-file-unreadable": N_("Check that the file exists and may be read"),
    "fix-file-encoding": N_("Save it as UTF-8 text (in Excel: 'CSV UTF-8'; in an editor: encoding UTF-8)"),
    "fix-file-empty": N_("Give a file with content, or leave the option out to use the packaged data"),
    "fix-file-unwritable": N_("Check that the folder exists and is writable"),
    "extension-unknown": N_("has an extension the tool does not write"),
    "format-needs-file": N_("the {format} format is a file, not text for the terminal"),
    "fix-format-needs-file": N_("Add --output FILE.{format}"),
    "format-extension-mismatch": N_("--format={format} does not match the file's extension, which means {named}"),
    "fix-format-extension-mismatch": N_("Leave --format out (the extension decides), or name the file to match it"),
    "parquet-needs-pyarrow": N_("writing Parquet needs pyarrow, which is not installed"),
    "fix-parquet-needs-pyarrow": N_("Install pyarrow (pip install pyarrow), or write .csv"),
    # YAML and the targets file
    "yaml-invalid": N_("is not valid YAML: {problem}"),
    "yaml-key-not-text": N_("a key must be plain text"),
    "yaml-key-twice": N_("the key '{key}' appears twice"),
    "fix-yaml": N_("Check the indentation and the colons on that line; text containing ':' or '#' must be quoted"),
    "plan-not-mapping": N_("must be a YAML mapping (region:, year:, sectors: …)"),
    "fix-plan-start": N_("Start from a plan written by the tool, or from the README's example"),
    "key-unknown": N_("unknown key '{key}'"),
    "key-missing": N_("the required key '{key}' is missing"),
    "fix-key-missing": N_("Add it (the README lists the keys of the targets file)"),
    "fix-did-you-mean": N_("Did you mean '{hint}'?"),
    "region-name-empty": N_("the region has no name"),
    "fix-region-name-empty": N_("Give it as the plan prints it: --region='Tỉnh Hậu Giang'"),
    "fix-region-key": N_("Give a key of small letters, digits and hyphens: --key=hau-giang"),
    "year-implausible": N_("{value} is not a plan year"),
    "fix-year-implausible": N_("Give the year the plan is for, e.g. --year=2026"),
    "file-exists": N_("the file exists already"),
    "fix-file-exists": N_("Choose another folder, or move the file away first: init never replaces a file"),
    "child-parent": N_("'{value}' names no level-1 parent (one of {allowed})"),
    "fix-child-parent": N_("Write the child as KEY=PARENT, e.g. --child=fishery=agriculture"),
    "table-empty": N_("the table is empty"),
    "fix-table-header": N_("Start the table with the header row {header} (grdp-scenario plan export writes one)"),
    "table-header-lacks": N_("the header row lacks the columns {missing}"),
    "table-value-unknown": N_("'{value}' is not one of {allowed}"),
    "table-block-no-status": N_("the column {column} has growth rates but no status"),
    "fix-table-block-no-status": N_("Write actual, estimate or target in the status row of column {column}"),
    "table-extension": N_("'{value}' is not a table this tool reads or writes"),
    "fix-table-extension": N_("Name the file FILE.xlsx or FILE.csv"),
    "xlsx-unreadable": N_("the workbook cannot be read ({reason})"),
    "fix-xlsx-unreadable": N_("Save it from Excel or LibreOffice as an .xlsx workbook, or export the sheet as CSV"),
    "rollover-nothing-actual": N_("no block of the year is actual yet ({blocks}), so there is no volume to roll over"),
    "fix-rollover-nothing-actual": N_(
        "Record what the statistics office published (grdp-scenario record PERIOD --grdp RATE --outturn FILE), "
        "then run rollover with --outturn FILE"
    ),
    "volumes-no-periods": N_("no row of the table heads its columns with periods (Quý I, 6 tháng, 9 tháng, Cả năm)"),
    "fix-volumes-no-periods": N_(
        "Keep the statistics office's heading row, or head the columns Q1, Q2, Q3, Q4, H1, 9M, FY"
    ),
    "volumes-missing-item": N_("the table gives no volumes of {items}"),
    "fix-volumes-missing-item": N_(
        "Name each sector as the statistics office does (Nông, lâm nghiệp và thủy sản …) or each VSIC section by "
        "its letter (A, B, …), one row each"
    ),
    "volumes-no-partition": N_("the table's periods do not cut the year into blocks for every item"),
    "fix-volumes-no-partition": N_("Give each item the four quarters, or the quarters and cumulative columns"),
    "volumes-not-positive": N_("{item} has no positive volume in {period}"),
    "fix-volumes-not-positive": N_("Check the row against the statistics office's table"),
    "build-all-held": N_("every sector is held, so nothing can lift the year to its goal"),
    "fix-build-all-held": N_("Hold fewer sectors (--hold), so that the others can carry the goal"),
    "published-no-rates": N_("the published figures hold no growth rate of the base year"),
    "fix-published-no-rates": N_(
        "Give the base year's quarterly and cumulative GRDP growth over the year before (rate column)"
    ),
    "published-no-split": N_("the published figures do not say how GRDP splits into its sectors"),
    "fix-published-no-split": N_(
        "Add the FY volume of each sector at constant prices (volume column, from the statistical yearbook), "
        "its contribution in points (points column) or, as an approximation, its FY value at current prices "
        "(current column)"
    ),
    "published-quarters-open": N_(
        "the published GRDP figures do not tell how the base year's quarters weigh against each other"
    ),
    "fix-published-quarters-open": N_(
        "Add the base year's GRDP growth for {periods} (each quarter and the 6-month, 9-month and full-year "
        "cumulative rates pin the weights), or its volume at constant prices by quarter"
    ),
    "published-quarters-close": N_(
        "{quarter} grew {rate}%, as good as the {before}% of the months before it, so the {period} rate cannot "
        "tell how much {quarter} weighs"
    ),
    "fix-published-quarters-close": N_(
        "Use the statistics office's volumes by quarter (grdp-scenario init --volumes TABLE): from rates rounded "
        "as published, that weight would be a guess"
    ),
    "published-inconsistent": N_("no set of positive volumes reproduces the published figures"),
    "fix-published-inconsistent": N_(
        "Check the rates against the release (a cumulative rate outside its quarters' range is a typing error)"
    ),
    "published-wrong-year": N_("the year {value} is not the base year {year}"),
    "fix-published-year": N_(
        "Give the base year's figures over the year before it, one row per period and item, with year {year}"
    ),
    "fix-published-header": N_("Start the file with the header {header} (rate, points, volume, current optional)"),
    "xlsx-general-ambiguous": N_(
        "the cell is in the General format and shows {value}, while the row's other rates show {decimals} "
        "decimals: how precisely it was printed cannot be told"
    ),
    "fix-xlsx-general-ambiguous": N_(
        "Give the cell a number format with the decimals the plan prints (Format Cells, Number, {decimals} decimals)"
    ),
    "block-no-figures": N_("target block {block} has no figures yet"),
    "fix-block-no-figures": N_(
        "Write its GRDP and/or sector rates, or let grdp-scenario build --goal=RATE --output=FILE write them"
    ),
    "number-empty": N_("no number is filled in here yet"),
    "fix-number-empty": N_("Fill in the number as printed (11.08), or remove the line"),
    "block-rates-nested": N_("'{key}' holds a mapping; a block's sector rates stand in the block itself"),
    "fix-block-rates-nested": N_(
        "Write them beside 'status' and 'grdp': {block_key}: {{status: target, grdp: 11.08, services: 13.91, ...}}"
    ),
    "fix-keys-allowed": N_("Keys allowed here: {allowed}"),
    "fix-remove-key": N_("Remove it"),
    "decimal-comma-key": N_(
        "'{key}' looks like the decimals of a number typed with a decimal comma (13,91 reads as 13 and 91)"
    ),
    "fix-decimal-comma-key": N_("Write the number with a point: 13.91"),
    "value-not-integer": N_("'{value}' is not a whole number"),
    "value-not-text": N_("'{value}' is not text"),
    "value-not-mapping": N_("a mapping (key: value) is expected here"),
    "value-not-list": N_("a list is expected here"),
    "value-list-not-single": N_("a single value is expected here, not a list"),
    "value-mapping-not-single": N_("a single value is expected here, not a mapping (key: value)"),
    "value-not-boolean": N_("'{value}' is not true or false"),
    "value-not-one-of": N_("'{value}' is not one of {expected}"),
    "value-invalid": N_("'{value}' is not valid here ({type})"),
    "fix-value": N_("Correct the value as the README's file formats describe"),
    "sector-twice": N_("sector '{key}' is declared twice"),
    "indicator-twice": N_("indicator '{key}' appears twice"),
    "fix-keep-one": N_("Keep one of them"),
    "sector-grdp-reserved": N_("'grdp' is reserved for the total"),
    "fix-sector-grdp-reserved": N_("Give the sector another key"),
    "parent-unknown": N_("parent '{value}' is not a declared sector"),
    "indicator-parent-unknown": N_("parent '{value}' is not an indicator"),
    "sectors-no-top": N_("no top-level sector is declared"),
    "fix-sectors-no-top": N_("Declare the sectors that add up to GRDP (without parent)"),
    "base-year-not-before": N_("base_year {base_year} is not before year {year}"),
    "fix-base-year-not-before": N_("Growth is measured over an earlier base year"),
    "period-unknown": N_("unknown period '{value}'"),
    "column-unknown": N_("unknown column '{value}'"),
    "sector-unknown": N_("unknown sector '{value}'"),
    "item-unknown": N_("unknown item '{value}'"),
    "status-unknown": N_("unknown status '{value}'"),
    "block-unknown": N_("'{value}' is not a block of quarters"),
    "fix-one-of": N_("Use one of: {allowed}"),
    "growth-none": N_("no growth block is given"),
    "fix-growth-none": N_("Give the blocks of the year, e.g. H1, Q3 and Q4"),
    "block-empty": N_("block {block} gives neither grdp nor sector rates"),
    "fix-block-empty": N_("Give grdp, the rate of every top-level sector, or both"),
    "sector-from-industries": N_(
        "block {block} gives the rates of {item}'s industries but not {item}'s own, and the base year has no "
        "volumes of those industries to weigh them by"
    ),
    "fix-sector-from-industries": N_("Give {item}'s rate in the block, or the industries' volumes in {actuals}"),
    "block-lacks-sectors": N_("block {block} lacks the rate of {sectors}"),
    "fix-block-lacks-sectors": N_("Give every top-level sector, or only grdp for an early estimate"),
    "child-without-parent": N_("{item} is given but its parent {parent} is not"),
    "fix-child-without-parent": N_("Give {parent} as well"),
    "blocks-not-partition": N_("the growth blocks do not partition the year: {because}"),
    "fix-blocks-partition": N_("Use blocks such as H1, Q3, Q4 or Q1, Q2, Q3, Q4, each quarter exactly once"),
    "blocks-overlap": N_("{block} overlaps {other} (both cover {quarter})"),
    "quarters-uncovered": N_("no block covers {quarters}"),
    # the base year
    "csv-header-lacks": N_("the header lacks the column(s) {missing}"),
    "csv-header-unknown": N_("the header has unknown column(s) {unknown}"),
    "fix-csv-header": N_("The header must be: {header}"),
    "csv-row-cells": N_("the row has {cells} cells where the header has {columns}"),
    "fix-csv-row-cells": N_(
        "Quote cells that contain commas, and give every column (an empty cell is allowed for current)"
    ),
    "actuals-year": N_("year '{value}' is not the plan's base year {year}"),
    "fix-actuals-year": N_("Give data of the base year {year}, or the targets file that goes with them"),
    "actuals-region": N_("the base year is of region '{value}', the plan is of '{region}'"),
    "fix-actuals-region": N_("Give the base-year file of '{region}' (--actuals=FILE, or actuals: in the plan)"),
    "actuals-not-named": N_("the plan of {region} names no base-year file, and the packaged one is Cần Thơ's"),
    "fix-actuals-not-named": N_(
        "Add a line 'actuals: actuals_{base_year}.csv' to the plan (a path relative to it), or give --actuals=FILE"
    ),
    "actuals-twice": N_("{period} {sector} appears twice (first on line {first})"),
    "actuals-row-empty": N_("{period} '{sector}' gives neither 'volume' nor 'current'"),
    "fix-actuals-row-empty": N_(
        "Fill 'volume' (constant prices) or, for FY, 'current'; with only the published growth rates, start the "
        "plan with grdp-scenario init --published FILE instead (README: 'From published figures alone')"
    ),
    "actuals-current-not-fy": N_("a current-price value is given for {period}; only FY current prices are used"),
    "fix-actuals-current-not-fy": N_("Move it to an FY row or leave current empty"),
    "actuals-current-only": N_(
        "has current-price values but no constant-price volumes: current-price shares are not growth weights "
        "(prices move differently in each sector, so a quarter weighted by them can miss its own figure by "
        "tenths of a point)"
    ),
    "fix-actuals-current-only": N_(
        "Give a volume (constant prices) per block and sector from the statistics office; with only the "
        "published growth rates, start the plan with grdp-scenario init --published FILE (README: 'From "
        "published figures alone')"
    ),
    "actuals-no-rows": N_("has no data rows"),
    "actuals-no-volume": N_("has no volume for sector {sector}"),
    "fix-actuals-volumes": N_("Give a volume for every sector in every block of the year"),
    "actuals-not-partition": N_("the volume rows of {sector} do not partition the year: {because}"),
    "actuals-blocks-differ": N_("sector {sector} uses blocks {blocks} but {first} uses {first_blocks}"),
    "actuals-child-block": N_(
        "sector {sector} has a volume for {block}, which is not a block of the top-level sectors ({blocks})"
    ),
    "fix-actuals-same-blocks": N_("Give every sector in the same blocks"),
    "actuals-block-zero": N_("the volumes of block {block} add up to zero"),
    "fix-actuals-block-zero": N_("A block's base-year volume must be positive to weigh its growth"),
    "growth-splits-volume-block": N_(
        "growth is given for {block} but {actuals} has volumes for {straddling} only "
        "as a whole, so {block} cannot be weighted"
    ),
    "fix-growth-splits-volume-block": N_(
        "Give volumes for {block} in {actuals}, or growth for {straddling} as a whole"
    ),
    # the outturn file and record
    "fix-outturn-header": N_("An outturn file starts with {header}; 'grdp-scenario record' writes one"),
    "outturn-year": N_("year '{value}' is not the plan's year {year}"),
    "fix-outturn-year": N_("Record outturns of the plan's year, or use the targets file of that year"),
    "outturn-twice": N_("{period} {item} is recorded twice without one replacing the other (first on line {first})"),
    "fix-outturn-twice": N_("Fill 'replaced' on the older row, or record again with --replace"),
    "outturn-period-unusable": N_("{period} cannot be used: {because}"),
    "fix-outturn-period": N_("Record periods made of the plan's blocks"),
    "record-nothing": N_("nothing to record"),
    "fix-record-nothing": N_("Give --grdp RATE and/or --rate SECTOR=RATE"),
    "record-exists": N_("{period} {items} is already recorded ({rates}, recorded {recorded})"),
    "fix-record-exists": N_("Add --replace to record a revision (the old row is kept as history)"),
    "outturn-conflict": N_(
        "{period} published {published}% conflicts with its blocks ({blocks}), which give "
        "{implied}%; the published figure is shown"
    ),
    "outturn-unsplit": N_(
        "{period}: {blocks} are not published one by one; they are taken to differ from the plan by equal "
        "points so that {period} is as published (an assumption: record them when they are published)"
    ),
    "outturn-implies-impossible": N_(
        "the published {period} figure would make {block} {item} {value}%, which is impossible"
    ),
    "fix-outturn-implies-impossible": N_("Check the figure against the publication; nothing was written"),
    "outturn-locked": N_("another recorder (process {holder}) has held the lock {lock} too long"),
    "fix-outturn-locked": N_("Wait for it to finish, or if it is stopped, end it; the lock goes with its process"),
    # periods and blocks
    "split-block": N_("{period} would split block {split} (data exist only for {blocks})"),
    "sectors-unknown": N_("sector rates of {blocks} are not known (GRDP only)"),
    "period-not-computable": N_("period '{value}' is not computable from the data"),
    "fix-period-not-computable": N_("Use one of: {allowed} (blocks of the data: {blocks})"),
    "block-grdp-only": N_("block {block} gives only GRDP; its sector rates are not known"),
    "fix-block-grdp-only": N_("Set the block's grdp instead, or give its sectors in the data"),
    "block-lacks-rate": N_("block {block} has no rate for {item}"),
    "fix-block-items": N_("Items of the block: {items}"),
    # what-if, required, sweep, risk
    "override-form": N_("'{value}' is not of the form PERIOD.ITEM=VALUE"),
    "fix-override-form": N_("Write e.g. {where} Q4.services=14.5"),
    "override-unknown-value": N_("{period} {item} is not known, so it cannot be changed"),
    "fix-override-unknown-value": N_("Change it on a block where it is given ({blocks})"),
    "whatif-nothing": N_("no change given"),
    "fix-whatif-nothing": N_("Give --set PERIOD.ITEM=RATE, --shift PERIOD.ITEM=POINTS or --scenario FILE"),
    "goal-not-set": N_("the plan sets no {period} goal for {item}"),
    "horizon-set-form": N_("'{value}' is not of the form YEAR=RATE"),
    "fix-horizon-set-form": N_("Write --set 2027=11"),
    "horizon-year-unknown": N_("{year} is not a year of the horizon ({first}–{last})"),
    "fix-horizon-year": N_("Name a year of the horizon, or give a horizon file that holds it (--horizon)"),
    "horizon-years": N_("the years must follow the base year {base_year} one by one, without a gap"),
    "fix-horizon-years": N_("List every year from the year after the base year to the last, each once"),
    "printed-goal-unknown": N_("{goal} is listed under printed_goals, but the plan sets no such goal"),
    "fix-printed-goal-unknown": N_("List only goals the plan sets: {allowed}"),
    "table-too-large": N_(
        "spans {rows} rows and {columns} columns, beyond a plan's table ({max_rows} rows, {max_columns} columns)"
    ),
    "fix-table-too-large": N_("Export the plan again (grdp-scenario plan export) and fill in that table"),
    "xlsx-too-large": N_("would unpack to more than {limit} MB, far beyond a plan's table"),
    "fix-xlsx-too-large": N_("Export the plan again (grdp-scenario plan export) and fill in that table"),
    "lock-wait-range": N_("'{value}' is not a number of seconds from 0 to 3600"),
    "fix-lock-wait-range": N_("Set GRDP_SCENARIO_LOCK_WAIT to seconds, e.g. 10"),
    "file-odd-line-break": N_("holds a line break editors do not show ({char}), so line numbers would not match"),
    "fix-file-odd-line-break": N_("Replace it with an ordinary line break (Enter), or a space"),
    "link-not-followed": N_(
        "is a symbolic link whose owner may not write the file it points to, so it is not followed"
    ),
    "fix-link-not-followed": N_("Write to the file itself, or ask its owner to make the link"),
    "pipe-no-reader": N_("is a pipe that no program read within {seconds} seconds"),
    "fix-pipe-no-reader": N_("Start the program that reads the pipe first, or write to a file"),
    "output-is-input": N_("is a file this command reads, so it is not overwritten as its output"),
    "fix-output-is-input": N_("Write the output to another file"),
    "vary-step-too-small": N_("the step of '{value}' is so small that the grid's points cannot be counted"),
    "csv-field-too-large": N_("a field is longer than {limit} characters: this is not a table the tool wrote"),
    "fix-csv-field": N_("Check that the file is the CSV you meant (quotes closed), or shorten the field"),
    "csv-unreadable": N_("cannot be read as CSV here (an unclosed quote or a NUL byte)"),
    "fix-csv-unreadable": N_("Save the file again as CSV (UTF-8) from the spreadsheet"),
    "goal-level-period": N_("a goal on {item} is a level of the whole year, not of {value}"),
    "goal-level-not-positive": N_("a goal on {item} is a level and must be above 0, not {value}"),
    "goal-needs-exchange-rate": N_("a goal in US dollars per person needs the exchange rate it is reckoned at"),
    "fix-goal-needs-exchange-rate": N_(
        "Add vnd_per_usd under assumptions (VND per US dollar, with its source in a comment), or give the goal "
        "as per_capita in million VND"
    ),
    "fix-goal-not-set": N_("Give --goal RATE, or set the goal in the plan (goals: {{FY: {{grdp: RATE}}}})"),
    "fix-drop-goal-not-set": N_("Name one of the plan's goals (PERIOD.ITEM, or ITEM for FY)"),
    "goal-not-computable": N_("{period} {item} is not computable from the data"),
    "fix-goal-not-computable": N_("Choose an item given in every block"),
    "block-not-target": N_("'{value}' is not a target block"),
    "child-share-range": N_("the share of {key} is {value}%, outside (0, 100]"),
    "fix-child-share-range": N_("Give its share of its parent's base volume in percent, above 0 and at most 100"),
    "child-share-and-volumes": N_("{key} has volumes in {actuals} and a stated share too"),
    "fix-child-share-and-volumes": N_("Keep one: the volumes of the base-year file, or the share"),
    "parent-cycle": N_("sector {key} is its own ancestor"),
    "fix-parent-cycle": N_("Give each child sector a top-level sector (or another child) as parent, without a loop"),
    "fix-block-not-target": N_("Use one of the plan's target blocks: {allowed}"),
    "goals-unreachable": N_("no change of the target rates can meet {goals}"),
    "goal-short": N_("{goal} ≥ {min} (short by {points} points)"),
    "fix-goals-unreachable": N_(
        "These goals depend only on figures that are actual, published or held with --keep ({kept}): release a "
        "held figure, or change the goal"
    ),
    "keep-form": N_("'{value}' is not of the form PERIOD.ITEM"),
    "fix-keep-form": N_("Write e.g. --keep Q4.services"),
    "build-nothing-open": N_("no block is a target, so nothing is left to build (blocks: {blocks})"),
    "fix-build-nothing-open": N_("Give the blocks to build the status target in the growth section of the plan"),
    "build-scaled-needs-growth": N_(
        "the base year's growth of {item} in {block} is {value}%: scaling it cannot lift it"
    ),
    "fix-build-scaled": N_("Use --profile uplift or --profile rising"),
    "build-needs-base-growth": N_("the plan gives no base-year growth of {item}, which {block} starts from"),
    "fix-build-needs-base-growth": N_(
        "Add base_year_growth (or base_year_block_growth) to the plan, or use --profile rising"
    ),
    "goal-twice": N_("the goal {goal} is given twice"),
    "fix-keep-one-goal": N_("Give each goal once"),
    "vary-form": N_("'{value}' is not of the form PERIOD.ITEM=START:STOP:STEP"),
    "vary-range": N_("'{value}' needs START ≤ STOP and STEP > 0"),
    "fix-vary-form": N_("Write e.g. --vary Q4.grdp=10:15:0.1"),
    "vary-count": N_("{count} --vary options are given"),
    "fix-vary-count": N_("Vary one or two rates"),
    "vary-too-many": N_("the grid has {points} points"),
    "fix-vary-too-many": N_("Use a coarser STEP (at most {limit} points)"),
    "sd-negative": N_("a standard deviation of {value} is below zero"),
    "fix-sd": N_("Write --sd 1 (points, every sector) or --sd services=1.5"),
    "risk-no-target": N_("no block has the status target, so nothing is uncertain"),
    "risk-no-goal": N_("the data cannot give any goal of the plan yet, so there is no probability to compute"),
    "fix-risk-no-goal": N_(
        "Record the figures the goals need (a period's sectors, with grdp-scenario record), or ask about a goal "
        "the data give"
    ),
    "fix-risk-no-target": N_("Risk applies to the target blocks of the year"),
    "corr-impossible": N_("a common correlation of {value} is impossible for {rates} rates"),
    "fix-corr": N_("Give a value between {low} and 1"),
    "override-twice": N_("{first} and {second} both change the same figure"),
    "fix-override-twice": N_("Keep one of them"),
    "overrides-conflict": N_("{override} cannot hold together with {others}: they already decide that figure"),
    "fix-overrides-conflict": N_("Leave out one of these overrides"),
    "overrides-rate-impossible": N_("to make {overrides} hold, {block} {item} would fall to {value}%"),
    "fix-overrides-rate-impossible": N_("Choose less extreme values"),
    "lever-fixed": N_("{lever} cannot be changed: {because}"),
    "fix-lever-fixed": N_(
        "Change a target block, or ask for the counterfactual with --counterfactual (the published "
        "figures over that block are then set aside); to correct a published figure, edit the outturn file"
    ),
    "block-actual": N_("{block} is actual in the plan"),
    "block-estimate": N_("{block} is an estimate in the plan of what happened"),
    "block-outturn": N_("{block} is published in the outturn ({status})"),
    "block-derived": N_("{block} is derived from the published {period} figure of the outturn"),
    "child-share-unknown": N_("{item} has no base volumes of its own, so how much it moves {parent} is not known"),
    "fix-child-share-unknown": N_(
        "State its share of {parent} in the targets file (assumptions: child_shares: {item}: PERCENT), or "
        "change {parent} instead"
    ),
    # calibration
    "calibrate-no-sectors": N_("block {blocks} gives no sector rates, so its volumes cannot be calibrated"),
    "fix-calibrate-no-sectors": N_(
        "calibrate works on a plan that prints every sector's rate in every block; for a plan still being "
        "drafted, estimate the base year from what was published: grdp-scenario init --published FILE"
    ),
    "calibrate-too-few": N_(
        "the plan prints {figures} growth figures for {ratios} free volume ratios, too few to pin the volumes down"
    ),
    "fix-calibrate-too-few": N_(
        "Give the published aggregates (9M, H2) of GRDP and every sector under "
        "'published', or supply measured volumes in the base-year file"
    ),
    "calibrate-undetermined": N_(
        "the printed growth figures do not determine the volumes (each figure equals the rates it is made of)"
    ),
    "calibrate-not-positive": N_(
        "no positive base volumes reproduce the printed growth figures (the best fit gives {cells} a volume ≤ 0)"
    ),
    "fix-calibrate-not-positive": N_("Check the growth and published sections against the document"),
    # nominal GRDP
    "nominal-no-current": N_("the base-year file gives no FY current-price value for {sectors}"),
    "nominal-deflators-lack": N_("assumptions.deflators lacks {sectors}"),
    "nominal-no-deflators": N_(
        "the plan states no deflators, and no FY nominal GRDP, FY structure and FY sector "
        "goals to imply them from (give assumptions.deflators)"
    ),
    "nominal-fy-sectors-unknown": N_("FY sector growth is not computable ({because})"),
    # the audit's baseline file
    "baseline-no-list": N_("must have a list 'acknowledged:' of {{rule, indicator, period, reason}}"),
    "fix-baseline-no-list": N_("Write one with --write-baseline and give each entry its reason"),
    "baseline-entry-keys": N_("an entry must have rule, indicator, period and reason (and optionally message)"),
    "fix-baseline-entry-keys": N_("Keep to those keys"),
    "baseline-entry-lacks": N_("the entry lacks {keys}"),
    "fix-baseline-entry-lacks": N_("An acknowledged finding needs the reason why it is acceptable"),
    "baseline-rule-unknown": N_("unknown rule '{value}'"),
    # details of audit findings
    "detail-shares": N_(" ({count} shares printed with {decimals} decimals)"),
    "detail-periods": N_(" ({periods})"),
    "detail-indicators": N_(" ({indicators})"),
    "detail-end-level": N_(" (the level at the end of {end})"),
    "detail-range": N_(" [{low}, {high}] of {blocks}"),
    "detail-range-sectors": N_(" [{low}, {high}] of its sectors"),
    "detail-from-sectors": N_(" (from its sectors)"),
    "detail-from-blocks": N_(" (from {blocks})"),
    "detail-because": N_(": {because}"),
    "detail-fit": N_(": {figures} printed figures, largest residual {residual}"),
    "detail-claim": N_(" ({base} × (1 + {percent}%))"),
    "detail-population": N_(
        " (GRDP / per capita; {before} in {base_year}, a change of {growth}% a year; plausible: {low} to {high}%)"
    ),
    "detail-deflator": N_(" (nominal {before} → {after}, real +{real}%; plausible: {low} to {high}%)"),
    "detail-deflator-sector": N_(" (from the FY nominal GRDP, structure and sector goal)"),
    "detail-text-and-appendix": N_(" (section II.1.1 and Phụ lục I)"),
    "detail-stale": N_("rule {rule}"),
}

#: Audit rules (audit/rules.py has their slugs and severities): title, description, message template.
RULE_TEXTS: dict[str, tuple[str, str, str]] = {
    "structure-sums-to-100": (
        N_("Structure shares add to 100"),
        N_("The economic structure (current-price shares) of a column adds up to 100%."),
        N_("{indicator} {period}: the shares add up to {actual}%, not {expected}%{detail}"),
    ),
    "flow-adds-up": (
        N_("Flows add up over time"),
        N_("For flows, 9M = H1 + Q3, H2 = Q3 + Q4, FY = H1 + H2 = 9M + Q4."),
        N_("{indicator} {period}: printed {actual}, but its parts add up to {expected}{detail}"),
    ),
    "components-add-up": (
        N_("Components add up to their total"),
        N_("Where the indicator says its components make up the total, they add up to it."),
        N_("{indicator} {period}: printed total {actual}, components add up to {expected}{detail}"),
    ),
    "components-within-total": (
        N_("Components stay within their total"),
        N_("Where the components are only some of the total, they add up to no more than it."),
        N_("{indicator} {period}: components add up to {actual}, more than the printed total {expected}{detail}"),
    ),
    "stock-is-end-of-period": (
        N_("Stocks are end-of-period, not summed"),
        N_("A stock (credit) at 9M is its level at the end of Q3, at H2 and FY its level at the end of Q4."),
        N_("{indicator} {period}: printed {actual}, but the end-of-period level is {expected}{detail}"),
    ),
    "growth-between-parts": (
        N_("A growth aggregate lies between its parts"),
        N_("Growth of 9M, H2 or FY lies between the smallest and largest growth of its blocks (needs no weights)."),
        N_("{indicator} {period}: {actual}% lies outside its parts' range{detail}"),
    ),
    "growth-reproduced-by-weights": (
        N_("Growth aggregates are reproduced by the base weights"),
        N_("Block GRDP from its sectors, and 9M and H2 from their blocks, with the base-year volumes."),
        N_("{indicator} {period}: printed {actual}%, the base weights give {expected}%{detail}"),
    ),
    "weights-exist": (
        N_("Some base weights reproduce every printed growth figure"),
        N_(
            "Non-negative base volumes exist (fitted anew from the plan, not the shipped ones) that reproduce every "
            "printed growth figure within its rounding."
        ),
        N_("{indicator} {period}: the best-fitting base weights give {expected}% for the printed {actual}%{detail}"),
    ),
    "growth-claim-holds": (
        N_("Stated growth claims hold"),
        N_("A claim 'at least x % over the base year' holds for the year's value: FY ≥ base × (1 + x %)."),
        N_("{indicator} {period}: {actual} is below the claimed minimum {expected}{detail}"),
    ),
    "per-capita-plausible": (
        N_("Per capita × population ≈ GRDP, population plausible"),
        N_("GRDP over GRDP per capita gives the population; its growth from the base year is plausible."),
        N_("{indicator} {period}: implied population {actual}{detail}"),
    ),
    "deflator-plausible": (
        N_("Implied deflators are plausible"),
        N_("Nominal growth over real growth gives the implied price change; it is plausible."),
        N_("{indicator} {period}: implied deflator growth {actual}%{detail}"),
    ),
    "percent-in-range": (
        N_("Percentages lie between 0 and 100"),
        N_("Shares and rates printed in percent lie between 0 and 100."),
        N_("{indicator} {period}: {actual}% is outside 0 to 100{detail}"),
    ),
    "sector-goals-reproduced": (
        N_("The quarterly targets reproduce the period goals"),
        N_("The goals for a period (FY, H2) follow from the block targets with the base weights."),
        N_("{indicator} {period}: the targets give {actual}%, the goal is {expected}%{detail}"),
    ),
    "repeated-number-agrees": (
        N_("Numbers printed twice agree"),
        N_(
            "A number that stands in the text and in the appendix is the same in both; the appendix's figure for "
            "a period reaches the text's goal for it."
        ),
        N_("{indicator} {period}: {actual} in one place, {expected} in the other{detail}"),
    ),
    "outturn-consistent": (
        N_("Published outturns agree with each other"),
        N_("A published cumulative figure agrees with the published or plan blocks it is made of."),
        N_("{detail}"),
    ),
    "baseline-stale": (
        N_("Baseline entries still match a finding"),
        N_("An acknowledged finding in the baseline that no longer occurs should be removed."),
        N_("baseline entry {indicator} {period} ({detail}) matches no finding any more"),
    ),
}


def message_ids() -> list[str]:
    """Every message id, for the gettext catalogue (tests keep the .po equal to this list)."""
    ids = [*LABELS.values(), *MESSAGES.values()]
    for texts in RULE_TEXTS.values():
        ids += list(texts)
    return list(dict.fromkeys(ids))
