"""What the library's commands return: typed results whose ``to_dict()`` is the command's JSON (contract §3).

``check`` returns the core's ``Evaluation`` and ``sweep`` and ``risk`` the core's results directly; the
others are gathered here. A result holds facts and numbers only: the words are the presentation's
(``present/views``), which renders a result for people.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .core.dataclass import dataclass
from .core.goals import as_mapping
from .core.rounding import reaches

if TYPE_CHECKING:
    from .audit import AuditReport
    from .core.analysis import Lever, Solution
    from .core.build import Built
    from .core.evaluate import Evaluation
    from .core.overrides import Override
    from .core.reconcile import Reconciled
    from .core.rollover import Rollover


@dataclass(frozen=True)
class WhatifResult:
    """The plan and the plan with overrides, each evaluated."""

    baseline: Evaluation
    scenario: Evaluation
    overrides: tuple[Override, ...]

    @property
    def goal_met(self) -> bool:
        return self.scenario.goal_met()

    def to_dict(self) -> dict[str, Any]:
        return {
            "baseline": self.baseline.to_dict(),
            "scenario": self.scenario.to_dict(),
            "overrides": [
                {"kind": o.kind, "period": o.period, "item": o.item, "value": o.value} for o in self.overrides
            ],
        }


def _warning(flag) -> dict[str, Any] | None:
    return None if flag is None else {"kind": flag[0], "points": flag[1], "bound": flag[2]}


@dataclass(frozen=True)
class RequiredResult:
    """For each lever, the rate at which it alone meets the goal exactly (docs/method.md §4)."""

    goal: float
    period: str
    item: str
    current: float
    gap_pp: float
    solutions: tuple[Solution, ...]

    @property
    def goal_met(self) -> bool:
        # the one goal rule (core/rounding.reaches): short by floating-point noise is the goal itself
        return reaches(self.current, self.goal)

    def to_dict(self) -> dict[str, Any]:
        return {
            "goal": self.goal,
            "period": self.period,
            "item": self.item,
            "current": self.current,
            "gap_pp": self.gap_pp,
            "solutions": [
                {
                    "period": s.lever.period,
                    "item": s.lever.item,
                    "required": s.required,
                    "current": s.lever.current,
                    "change_pp": s.change,
                    "weight": s.lever.weight,
                    "warning": _warning(s.flag),
                }
                for s in self.solutions
            ],
        }


@dataclass(frozen=True)
class SensitivityResult:
    """Points of a period's growth per point of each lever, largest first."""

    period: str
    item: str
    levers: tuple[Lever, ...]

    def to_dict(self) -> dict[str, Any]:
        return {
            "period": self.period,
            "item": self.item,
            "sensitivities": [
                {"block": lv.period, "item": lv.item, "points_per_point": lv.weight} for lv in self.levers
            ],
        }


def change_dict(c) -> dict[str, Any]:
    return {
        "block": c.block,
        "item": c.item,
        "before": c.before,
        "after": c.after,
        "points": None if c.before is None else c.points,
        "exact": c.exact,
        "warning": _warning(c.flag),
    }


@dataclass(frozen=True)
class TargetsResult:
    """What ``reconcile`` or ``build`` made: the changed targets, and the goals before and after.
    ``made`` is the core's ``Reconciled`` or ``Built``; ``after`` the plan with the new targets."""

    made: Reconciled | Built
    before: Evaluation
    after: Evaluation
    #: The targets file written, if one was asked for.
    file: str | None = None

    @property
    def command(self) -> str:
        return "reconcile" if hasattr(self.made, "weighting") else "build"

    @property
    def changes(self):
        return self.made.changes

    def to_dict(self) -> dict[str, Any]:
        m = self.made
        out: dict[str, Any] = {
            "changes": [change_dict(c) for c in m.changes],
            "goals_before": self.before.to_dict()["goals"],
            "goals_after": self.after.to_dict()["goals"],
            "file": self.file,
        }
        if self.command == "reconcile":
            out |= {
                "weights": m.weighting,
                "kept": [f"{b}.{i}" for b, i in m.kept],
                "decimals": m.decimals,
                "skipped": [{"period": p, "item": i} for p, i in m.skipped],
            }
        else:
            out |= {
                "profile": m.profile,
                "level": m.level,
                "goals": as_mapping(m.goals),
                "starts": dict(m.sources),
                "decimals": m.decimals,
            }
        return out


@dataclass(frozen=True)
class RolloverResult:
    """Next year's base year: the volumes determined, the blocks left to fill, and the file's text."""

    rollover: Rollover
    text: str
    file: str | None = None

    def to_dict(self) -> dict[str, Any]:
        r = self.rollover
        return {
            "year": r.year,
            "volumes": [{"period": b, "sector": s, "volume": v} for (s, b), v in r.volume.items()],
            "undetermined": [
                {"block": u.block, "sectors": list(u.sectors), "reason": u.reason, "union": u.union}
                for u in r.undetermined
            ],
            "file": self.file,
        }

    def write(self, path: Path | str) -> RolloverResult:
        """Write the base-year file (atomically) and return the result that names it."""
        from .inputs.atomic import write_output

        write_output(Path(path), self.text)
        return RolloverResult(self.rollover, self.text, str(path))


@dataclass(frozen=True)
class ReportResult:
    """What a report shows: the plan, the plan with what was published (``scenario``, the plan itself without
    an outturn), each checked, and what the open blocks require for the FY GRDP goal (None when no block is
    open or the plan sets no such goal)."""

    plan: Any
    scenario: Any
    planned: Evaluation
    current: Evaluation
    need: RequiredResult | None = None

    def to_dict(self) -> dict[str, Any]:
        return self.current.to_dict()


@dataclass(frozen=True)
class AuditResult:
    """The audit's findings (after any baseline) and the severity that fails."""

    report: AuditReport
    fail_on: str = "error"
    targets: Any = field(default=None, repr=False)  # the targets file, for the names in messages

    @property
    def fails(self) -> bool:
        return self.report.fails(self.fail_on)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        """The contract's form; findings' messages in ``lang`` (English for scripts)."""
        from .present.views.audit import audit_json
        from .present.wording import Wording

        return audit_json(Wording(lang, self.targets), self.report, self.fail_on)
