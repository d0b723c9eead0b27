"""The audit document: the verdict, the findings (severity, rule, where, message), the stats."""

from __future__ import annotations

from ..audit import SEVERITIES, AuditReport
from ..audit.catalogue import RULES
from ..report import Cell, Document, Table


def audit_document(report: AuditReport, fail_on: str = "error") -> Document:
    stats = report.stats
    failed = report.fails(fail_on)
    verdict = (f"{'AUDIT FAILED' if failed else 'AUDIT PASSED'}: {stats['error']} error(s), {stats['warning']} "
               f"warning(s), {stats['info']} within rounding (info) in {stats['checks']} checks"
               + (f"; {stats['suppressed']} acknowledged in the baseline" if stats["suppressed"] else ""))
    table = Table("findings", "Findings", ["Severity", "Rule", "Where", "Message"],
                  column_keys=["severity", "rule", "where", "message"])
    order = {s: i for i, s in enumerate(SEVERITIES)}
    for f in sorted(report.active(), key=lambda f: (order[f.severity], f.line or 0)):
        where = f"{report.file}:{f.line}" if f.line else f.path
        table.add(Cell(f.severity, f.severity, "bad" if f.severity == "error" else None),
                  Cell(f.rule, f.rule), Cell(where, where), Cell(f.message, f.message))
    tables = [table]
    suppressed = [f for f in report.findings if f.suppressed is not None]
    if suppressed:
        ack = Table("acknowledged", "Acknowledged in the baseline", ["Rule", "Where", "Reason"],
                    column_keys=["rule", "where", "reason"])
        for f in suppressed:
            ack.add(Cell(f.rule, f.rule), Cell(f"{report.file}:{f.line}", f.line), Cell(f.suppressed, f.suppressed))
        tables.append(ack)
    notes = [f"Rules: {', '.join(RULES)} (see the README's catalogue)."]
    data = report.to_json(fail_on)
    return Document("Plan audit", data, tables, verdict, not failed, notes, exit_code=1 if failed else 0,
                    records=data["findings"])
