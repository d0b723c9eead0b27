"""``audit``: every number of the plan's appendix checked against the others (frictionless-style report).

``run_audit(scenario)`` gives an AuditReport: outcomes of every check (pass or not), the findings among them,
and the stats; a baseline suppresses acknowledged findings and reports the stale ones.
"""

from __future__ import annotations

from dataclasses import field, replace
from pathlib import Path
from typing import Callable

from ..core.dataclass import dataclass
from ..core.errors import Fact, InputError
from ..core.rounding import EXACT, FAIL, ROUNDING
from .checks import CHECKS, Audit, Outcome
from .rules import RULES

SEVERITIES = ("error", "warning", "info")
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Finding:
    """An outcome that is not exact: the rule, its severity, the cell, the numbers and what they are."""

    rule: str
    severity: str
    indicator: str
    period: str
    actual: float | None
    expected: float | None
    line: int | None
    path: str
    detail: Fact | None = None
    within_rounding: bool = False
    suppressed: str | None = None  # the baseline's reason, when acknowledged
    section: str | None = None  # 'goals' or 'published' where the period alone is ambiguous

    @property
    def key_period(self) -> str:
        """The period as baselines name it: 'FY (goals)' where the section matters."""
        return f"{self.period} ({self.section})" if self.section else self.period

    def key(self) -> tuple[str, str, str]:
        return (self.rule, self.indicator, self.key_period)


@dataclass
class AuditReport:
    file: str
    outcomes: list[Outcome]
    findings: list[Finding]
    stale: list[dict[str, str]] = field(default_factory=list)
    baseline_file: str | None = None

    def active(self) -> list[Finding]:
        return [f for f in self.findings if f.suppressed is None]

    def count(self, severity: str) -> int:
        return sum(1 for f in self.active() if f.severity == severity)

    def fails(self, fail_on: str = "error") -> bool:
        levels = SEVERITIES[: SEVERITIES.index(fail_on) + 1]
        return any(f.severity in levels for f in self.active())

    @property
    def stats(self) -> dict[str, int]:
        return {
            "checks": len(self.outcomes),
            "exact": sum(o.status == EXACT for o in self.outcomes),
            "within_rounding": sum(o.status == ROUNDING for o in self.outcomes),
            "failed": sum(o.status == FAIL for o in self.outcomes),
            **{s: self.count(s) for s in SEVERITIES},
            "suppressed": sum(f.suppressed is not None for f in self.findings),
        }


def run_audit(scenario, conflicts: tuple[Fact, ...] = ()) -> AuditReport:
    """Audit the plan (``scenario`` without outturns); ``conflicts`` are what applying an outturn found."""
    audit = Audit(scenario)
    outcomes = [replace(o, line=scenario.targets.line(*o.path)) for check in CHECKS for o in check(audit)]
    for fact in conflicts:
        f = fact.fields
        outcomes.append(
            Outcome(
                "outturn-consistent", "grdp", f["period"], FAIL, f.get("published"), f.get("implied"), ("growth",), fact
            )
        )
    findings = []
    for o in outcomes:
        if o.status == EXACT:
            continue
        severity = "info" if o.status == ROUNDING else RULES[o.rule].severity
        findings.append(
            Finding(
                o.rule,
                severity,
                o.indicator,
                o.period,
                o.actual,
                o.expected,
                o.line,
                ".".join(str(p) for p in o.path),
                o.detail,
                o.status == ROUNDING,
                section=o.section,
            )
        )
    return AuditReport(scenario.targets.file, outcomes, findings)


# ----- baseline ------------------------------------------------------------------------------------------


def load_baseline(path: Path | str) -> list[dict[str, str]]:
    """A YAML list of acknowledged findings: {rule, indicator, period, reason}; every entry needs a reason."""
    from ..inputs.plan import read_text
    from ..inputs.yamlsource import load_yaml

    file = str(path)
    located = load_yaml(read_text(Path(path), "baseline"), file)
    entries = located.data.get("acknowledged") if isinstance(located.data, dict) else None
    if not isinstance(entries, list):
        raise InputError("baseline-no-list", file=file, line=1, fix="fix-baseline-no-list")
    out = []
    for i, e in enumerate(entries):
        line = located.line(("acknowledged", i))
        if not isinstance(e, dict) or set(e) - {"rule", "indicator", "period", "reason", "message"}:
            raise InputError("baseline-entry-keys", file=file, line=line, fix="fix-baseline-entry-keys")
        missing = [k for k in ("rule", "indicator", "period", "reason") if not str(e.get(k) or "").strip()]
        if missing:
            raise InputError(
                "baseline-entry-lacks", file=file, line=line, keys=tuple(missing), fix="fix-baseline-entry-lacks"
            )
        if e["rule"] not in RULES:
            raise InputError(
                "baseline-rule-unknown", file=file, line=line, value=e["rule"], allowed=tuple(RULES), fix="fix-one-of"
            )
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
            f = replace(f, suppressed=entry["reason"])
        findings.append(f)
    stale = [e for k, e in by_key.items() if k not in used]
    for e in stale:
        findings.append(
            Finding(
                "baseline-stale",
                RULES["baseline-stale"].severity,
                e["indicator"],
                e["period"],
                None,
                None,
                None,
                "acknowledged",
                Fact("detail-stale", rule=e["rule"]),
            )
        )
    return AuditReport(report.file, report.outcomes, findings, stale, baseline_file)


def baseline_text(report: AuditReport, message: Callable[[Finding], str], header: str) -> str:
    """The findings of severity error and warning as a baseline, each with an empty reason to fill in.

    ``message`` words a finding and ``header`` explains the file: both are the presentation's."""
    import yaml

    entries, seen = [], set()
    for f in report.active():
        if f.severity in ("error", "warning") and f.key() not in seen:  # one entry acknowledges a cell
            seen.add(f.key())
            entries.append(
                {"rule": f.rule, "indicator": f.indicator, "period": f.key_period, "reason": "", "message": message(f)}
            )
    return "".join(f"# {line}\n" for line in header.splitlines()) + yaml.safe_dump(
        {"acknowledged": entries}, allow_unicode=True, sort_keys=False, width=110
    )
