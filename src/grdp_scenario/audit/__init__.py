"""``audit``: every number of the plan's appendix checked against the others (frictionless-style report).

``run_audit(scenario)`` gives an AuditReport: outcomes of every check (pass or not), the findings among them,
and the stats; a baseline suppresses acknowledged findings and reports the stale ones.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..errors import InputError
from .catalogue import RULES
from .checks import CHECKS, Audit, Outcome
from .rounding import EXACT, FAIL, ROUNDING

SEVERITIES = ("error", "warning", "info")
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Finding:
    rule: str
    severity: str
    indicator: str
    period: str
    message: str
    actual: float | None
    expected: float | None
    line: int | None
    path: str
    suppressed: str | None = None  # the baseline's reason, when acknowledged

    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.indicator, self.period)

    def to_json(self, file: str) -> dict[str, Any]:
        return {"rule": self.rule, "severity": self.severity, "indicator": self.indicator, "period": self.period,
                "message": self.message, "actual": self.actual, "expected": self.expected, "file": file,
                "line": self.line, "path": self.path, "suppressed": self.suppressed}


@dataclass
class AuditReport:
    file: str
    outcomes: list[Outcome]
    findings: list[Finding]
    stale: list[dict[str, str]] = field(default_factory=list)

    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.active() if f.severity == severity)

    def fails(self, fail_on: str = "error") -> bool:
        levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
        return any(f.severity in levels for f in self.active())

    @property
    def stats(self) -> dict[str, int]:
        return {"checks": len(self.outcomes), "exact": sum(o.status == EXACT for o in self.outcomes),
                "within_rounding": sum(o.status == ROUNDING for o in self.outcomes),
                "failed": sum(o.status == FAIL for o in self.outcomes),
                **{s: self.count(s) for s in SEVERITIES},
                "suppressed": sum(f.suppressed is not None for f in self.findings)}

    def to_json(self, fail_on: str = "error") -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, "file": self.file, "valid": not self.fails(fail_on),
                "findings": [f.to_json(self.file) for f in self.findings if f.suppressed is None],
                "suppressed": [f.to_json(self.file) for f in self.findings if f.suppressed is not None],
                "stale_baseline": self.stale, "stats": self.stats,
                "checks": [{"rule": o.rule, "indicator": o.indicator, "period": o.period, "status": o.status,
                            "line": o.line} for o in self.outcomes]}


def _message(o: Outcome) -> str:
    text = RULES[o.rule].template.format(indicator=o.indicator, period=o.period, actual=_show(o.actual),
                                         expected=_show(o.expected), detail=o.detail)
    if o.status == ROUNDING:
        text += "; this holds within the rounding of the printed numbers"
    return text


def _show(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:,.4f}".rstrip("0").rstrip(".") if value != int(value) else f"{value:,.0f}"


def run_audit(scenario, outturn_notes: tuple[str, ...] = ()) -> AuditReport:
    """Audit the plan (``scenario`` without outturns); ``outturn_notes`` are the conflicts found in an outturn."""
    audit = Audit(scenario)
    outcomes = [replace(o, line=scenario.plan.line(*o.path)) for check in CHECKS for o in check(audit)]
    outcomes += [Outcome("outturn-consistent", "grdp", note.split(" ", 1)[0], FAIL, None, None, ("growth",),
                         note) for note in outturn_notes]
    findings = []
    for o in outcomes:
        if o.status == EXACT:
            continue
        severity = "info" if o.status == ROUNDING else RULES[o.rule].severity
        findings.append(Finding(o.rule, severity, o.indicator, o.period, _message(o), o.actual, o.expected,
                                o.line, ".".join(str(p) for p in o.path)))
    return AuditReport(scenario.plan.file, outcomes, findings)


# ----- baseline ------------------------------------------------------------------------------------------


def load_baseline(path: Path | str) -> list[dict[str, str]]:
    """A YAML list of acknowledged findings: {rule, indicator, period, reason}; every entry needs a reason."""
    from ..plan import read_text
    from ..yamlsource import load_yaml

    file = str(path)
    located = load_yaml(read_text(Path(path), "baseline"), file)
    entries = located.data.get("acknowledged") if isinstance(located.data, dict) else None
    if not isinstance(entries, list):
        raise InputError("must have a list 'acknowledged:' of {rule, indicator, period, reason}", file=file, line=1,
                         fix="Write one with --write-baseline and give each entry its reason")
    out = []
    for i, e in enumerate(entries):
        line = located.line(("acknowledged", i))
        if not isinstance(e, dict) or set(e) - {"rule", "indicator", "period", "reason", "message"}:
            raise InputError("an entry must have rule, indicator, period and reason (and optionally message)",
                             file=file, line=line, fix="Keep to those keys")
        missing = [k for k in ("rule", "indicator", "period", "reason") if not str(e.get(k) or "").strip()]
        if missing:
            raise InputError(f"the entry lacks {', '.join(missing)}", file=file, line=line,
                             fix="An acknowledged finding needs the reason why it is acceptable")
        if e["rule"] not in RULES:
            raise InputError(f"unknown rule '{e['rule']}'", file=file, line=line,
                             fix=f"Rules: {', '.join(RULES)}")
        out.append({k: str(e[k]) for k in ("rule", "indicator", "period", "reason")})
    return out


def apply_baseline(report: AuditReport, entries: list[dict[str, str]], baseline_file: str) -> AuditReport:
    by_key = {(e["rule"], e["indicator"], e["period"]): e for e in entries}
    used = set()
    findings = []
    for f in report.findings:
        entry = by_key.get(f.key())
        if entry is not None:
            used.add(f.key())
            f = Finding(**{**f.__dict__, "suppressed": entry["reason"]})
        findings.append(f)
    stale = [e for k, e in by_key.items() if k not in used]
    for e in stale:
        findings.append(Finding("baseline-stale", RULES["baseline-stale"].severity, e["indicator"], e["period"],
                                RULES["baseline-stale"].template.format(indicator=e["indicator"], period=e["period"],
                                                                        actual="", expected="", detail=e["rule"]),
                                None, None, None, baseline_file))
    return AuditReport(report.file, report.outcomes, findings, stale)


def baseline_text(report: AuditReport) -> str:
    """The findings of severity error and warning as a baseline, each with an empty reason to fill in."""
    import yaml

    entries, seen = [], set()
    for f in report.active():
        if f.severity in ("error", "warning") and f.key() not in seen:  # one entry acknowledges a cell
            seen.add(f.key())
            entries.append({"rule": f.rule, "indicator": f.indicator, "period": f.period, "reason": "",
                            "message": f.message})
    header = ("# Acknowledged findings of `grdp-scenario audit`. Give each entry its reason: why the finding\n"
              "# is accepted (for example: the number is printed so in the published plan).\n")
    return header + yaml.safe_dump({"acknowledged": entries}, allow_unicode=True, sort_keys=False, width=110)
