"""The audit document: the verdict, the findings (severity, rule, where, message), the stats, the JSON form."""

from __future__ import annotations

from typing import Any

from ...audit import SCHEMA_VERSION, SEVERITIES, AuditReport, Finding
from ...audit.rules import RULES
from ..document import Cell, Document, Table
from ..wording import Wording


def finding_json(w: Wording, f: Finding, file: str) -> dict[str, Any]:
    return {
        "rule": f.rule,
        "severity": f.severity,
        "indicator": f.indicator,
        "period": f.key_period,
        "message": w.finding(f),
        "actual": f.actual,
        "expected": f.expected,
        "file": file,
        "line": f.line,
        "path": f.path,
        "suppressed": f.suppressed,
    }


def audit_json(w: Wording, report: AuditReport, fail_on: str = "error") -> dict[str, Any]:
    """The JSON form scripts rely on (schema_version 1, README "Plan audit for CI"), files named as users find them."""
    file = w.path(report.file)
    baseline = w.path(report.baseline_file) if report.baseline_file else file
    where = lambda f: baseline if f.rule == "baseline-stale" else file  # noqa: E731
    return {
        "schema_version": SCHEMA_VERSION,
        "file": file,
        "valid": not report.fails(fail_on),
        "findings": [finding_json(w, f, where(f)) for f in report.active()],
        "suppressed": [finding_json(w, f, file) for f in report.findings if f.suppressed is not None],
        "stale_baseline": report.stale,
        "stats": report.stats,
        "checks": [
            {"rule": o.rule, "indicator": o.indicator, "period": o.key_period, "status": o.status, "line": o.line}
            for o in report.outcomes
        ],
    }


def audit_document(result, lang="en") -> Document:
    report, fail_on = result.report, result.fail_on
    w = Wording(lang, result.targets)
    stats = report.stats
    failed = report.fails(fail_on)
    verdict = w.label(
        "audit_failed" if failed else "audit_passed", **{k: stats[k] for k in ("error", "warning", "info", "checks")}
    )
    if stats["suppressed"]:
        verdict += w.label("audit_suppressed", suppressed=stats["suppressed"])
    data = result.to_dict(w.lang.value)
    # Where and which rule share a column: side by side with the message they would not fit 80 columns.
    table = Table(
        "findings",
        w.label("findings"),
        [w.label("severity"), f"{w.label('where')} · {w.label('rule')}", w.label("message")],
        column_keys=["severity", "where", "message"],
    )
    order = {s: i for i, s in enumerate(SEVERITIES)}
    shown = w.path(report.file)
    for f in sorted(report.active(), key=lambda f: (order[f.severity], f.line or 0)):
        where = f"{shown}:{f.line}" if f.line else f.path
        table.add(
            Cell(w.label(f"{f.severity}_severity"), f.severity, "bad" if f.severity == "error" else None),
            Cell(f"{where} · {w.rule_title(f.rule)}", where),  # the rule by its title; machine formats keep the slug
            Cell(w.finding(f), w.finding(f)),
        )
    tables = [table]
    suppressed = [f for f in report.findings if f.suppressed is not None]
    if suppressed:
        ack = Table(
            "acknowledged",
            w.label("acknowledged"),
            [w.label(k) for k in ("rule", "where", "reason")],
            column_keys=["rule", "where", "reason"],
        )
        for f in suppressed:
            ack.add(
                Cell(w.rule_title(f.rule), f.rule), Cell(f"{shown}:{f.line}", f.line), Cell(f.suppressed, f.suppressed)
            )
        tables.append(ack)
    notes = [w.label("rules_note", rules="; ".join(w.rule_title(r) for r in RULES))]
    return Document(
        w.label("audit_title"),
        data,
        tables,
        verdict,
        not failed,
        notes,
        exit_code=1 if failed else 0,
        records=data["findings"],
    )
