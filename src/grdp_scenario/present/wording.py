"""The one voice of the tool: every label, fact, error and audit message in the reader's language.

``Wording(lang, plan)`` fills the English templates of ``catalogue.py`` after gettext has translated
them, and spells what goes into them: numbers with the locale's symbols, period names as a Vietnamese
document writes them (Quý III, 9 tháng), sectors by their names in the plan, files as a user can find them.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..core.dataclass import dataclass
from ..core.errors import Fact, InputError
from ..core.goals import LEVEL_UNITS
from .catalogue import LABELS, MESSAGES, RULE_TEXTS
from .i18n import Lang, general, number, percent, translate

#: Fields of a fact that hold period or block names: shown as the reader's language names them.
PERIOD_FIELDS = {
    "period",
    "periods",
    "block",
    "blocks",
    "split",
    "end",
    "other",
    "straddling",
    "first_blocks",
    "quarter",
}
#: Decimals a level goal is printed with (rates: two).
LEVEL_DECIMALS = {"grdp_current": 0, "per_capita": 2, "per_capita_usd": 0}
#: Fields that hold sector or indicator keys of the plan: shown by their names.
NAMED_FIELDS = {"indicators", "item", "sectors"}
#: Fields that are file names.
FILE_FIELDS = {"file", "actuals"}
#: Numbers that count or name something (a byte, a line, a year): never given decimals or grouping.
COUNTING_FIELDS = {"byte", "first", "last", "base_year", "year", "line"}


def packaged_data_dir() -> Path:
    """Where the packaged plan and base year are: inside the wheel, or data/ of a source checkout."""
    from ..inputs.packaged import DEFAULT_ACTUALS, data_path

    return data_path(DEFAULT_ACTUALS).resolve().parent


@dataclass(frozen=True)
class Wording:
    lang: Lang = Lang.en
    plan: Any = None  # inputs.plan.PlanFile, for sector and indicator names

    def __post_init__(self) -> None:
        object.__setattr__(self, "lang", Lang(self.lang))

    @property
    def vi(self) -> bool:
        return self.lang is Lang.vi

    # ----- words ----------------------------------------------------------------------------------
    def label(self, key: str, **fields: Any) -> str:
        text = translate(LABELS[key], self.lang)
        return text.format(**fields) if fields else text

    def period(self, name: str) -> str:
        return self.label(name) if name in LABELS else name

    def status(self, name: str) -> str:
        return self.label(name) if name in LABELS else name

    def item(self, key: str, indent: bool = False) -> str:
        """'grdp' → GRDP; a sector → its name in the plan (children indented in tables)."""
        if key in ("grdp", "residual", "structure", "population", *LEVEL_UNITS):
            return self.label(key)
        plan = self.plan
        if plan is not None:
            sector = next((s for s in plan.sectors if s.key == key), None)
            if sector is not None:
                name = sector.vi if self.vi else sector.en
                return f"  {name}" if indent and sector.parent else name
            indicator = next((i for i in plan.model.indicators if i.key == key), None)
            if indicator is not None:
                return indicator.name
        return key

    def lever(self, period: str, item: str) -> str:
        return f"{self.period(period)} · {self.item(item)}"

    def growth_of(self, period: str, item: str) -> str:
        """'FY GRDP growth' (en); 'tăng trưởng GRDP cả năm' (vi)."""
        name = self.item(item)
        shown = name if item == "grdp" or not self.vi else name[:1].lower() + name[1:]
        return self.label("growth_of", period=self.period(period).lower() if self.vi else period, item=shown)

    # ----- numbers ----------------------------------------------------------------------------------
    def number(self, value: float | None, decimals: int = 2, sign: bool = False, grouping: bool = False) -> str:
        return number(value, decimals, self.lang, sign, grouping)

    def goal_number(self, goal, value: float | None, extra: int = 0) -> str:
        """A goal's minimum or value as its measure is printed: a rate with two decimals, per capita in
        million VND with two, other levels (billion VND, USD) whole and grouped; ``extra`` decimals more
        where a hair matters (a value just short of its goal)."""
        decimals = LEVEL_DECIMALS.get(goal.item, 2) + extra
        return self.number(value, decimals, grouping=goal.item in LEVEL_UNITS)

    def date(self, iso: str) -> str:
        """An ISO date as the reader writes it: 2025-10-16 in English, 16/10/2025 in Vietnamese."""
        parts = iso.split("-")
        if self.vi and len(parts) == 3 and all(p.isdigit() for p in parts):
            return f"{int(parts[2]):02d}/{int(parts[1]):02d}/{parts[0]}"
        return iso

    def percent(self, value: float | None, decimals: int = 2) -> str:
        return percent(value, self.lang, decimals)

    # ----- files ------------------------------------------------------------------------------------
    def path(self, file: str | os.PathLike | None) -> str:
        """A file as the user can find it: packaged data named as such, others relative to here."""
        if file is None:
            return ""
        path = Path(file)
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop (pathlib before 3.13)
            return str(file)
        data = packaged_data_dir()
        if resolved.is_relative_to(data):
            return self.label("packaged", name=f"data/{resolved.relative_to(data).as_posix()}")
        if path.is_absolute() and _inside_cwd(resolved):
            return resolved.relative_to(Path.cwd().resolve()).as_posix()
        return str(file)

    # ----- facts and errors ---------------------------------------------------------------------------
    def fact(self, fact: Fact | None) -> str:
        if fact is None:
            return ""
        template = translate(MESSAGES[fact.code], self.lang)
        return template.format(**{k: self._field(k, v) for k, v in fact.fields.items()})

    def _field(self, name: str, value: Any) -> str:
        if isinstance(value, Fact):
            return self.fact(value)
        if name == "kind":
            key = f"file-{value}"
            return self.label(key) if key in LABELS else str(value)
        if name in FILE_FIELDS:
            return self.path(value)
        if isinstance(value, (tuple, list, frozenset)):
            if name == "cells":  # (sector, block) pairs
                return ", ".join(f"{self.item(s)} {self.period(b)}" for s, b in value)
            parts = [self._field(name, v) for v in value]
            return " + ".join(parts) if name in ("periods", "indicators") else ", ".join(parts)
        if name in PERIOD_FIELDS and isinstance(value, str):
            return self.period(value)
        if name in NAMED_FIELDS and isinstance(value, str):
            return self.item(value)
        if isinstance(value, bool) or value is None:
            return "–" if value is None else str(value).lower()
        if isinstance(value, (int, float)) and name not in COUNTING_FIELDS:
            return general(float(value), self.lang)
        return str(value)

    def error(self, exc: InputError) -> str:
        """One paragraph: where, what is wrong, how to fix it."""
        place = ""
        if exc.file:
            shown = self.path(exc.file)
            place = self.label("place_line", file=shown, line=exc.line) if exc.line is not None else shown
            if exc.where:
                place += f" ({exc.where})"
            place += ": "
        elif exc.where:
            place = f"{exc.where}: "
        text = place + _sentence(self.fact(exc.fact))
        if exc.fix:
            fix = self.fact(Fact(exc.fix, **{"where": exc.where or "", **exc.fact.fields}))
            text += " " + _sentence(fix)
        return text

    # ----- audit rules --------------------------------------------------------------------------------
    def rule_title(self, slug: str) -> str:
        return translate(RULE_TEXTS[slug][0], self.lang)

    def rule_description(self, slug: str) -> str:
        return translate(RULE_TEXTS[slug][1], self.lang)

    def finding(self, finding) -> str:
        """An audit finding in words: the rule's template with the cell, its numbers and what they are."""
        template = translate(RULE_TEXTS[finding.rule][2], self.lang)
        if any(
            "{" + name + "}" in RULE_TEXTS[finding.rule][2] and getattr(finding, name) is None
            for name in ("actual", "expected")
        ):
            # a rule that could not be run has no figures: its detail says why, not a "–" in a sentence
            template = self.label("finding_without_figures")
        shown = self.label("all_periods") if finding.period == "all" else self.period(finding.period)
        if finding.section:
            key = f"section_{finding.section}"
            shown += f" ({self.label(key) if key in LABELS else finding.section})"
        text = template.format(
            indicator=self.item(finding.indicator),
            period=shown,
            actual=self._amount(finding.actual),
            expected=self._amount(finding.expected),
            detail=self.fact(finding.detail),
        )
        if finding.within_rounding:
            text += self.label("within_rounding")
        return text

    def _amount(self, value: float | None) -> str:
        return "–" if value is None else general(value, self.lang)


def _inside_cwd(path: Path) -> bool:
    try:
        return path.is_relative_to(Path.cwd().resolve())
    except OSError:
        return False


def _sentence(text: str) -> str:
    """A message ends with one full stop, or with the question or exclamation mark it has."""
    return text if text.endswith(("?", "!", ".")) else text + "."


def error_text(exc: InputError, lang: Lang | str = Lang.en, plan: Any = None) -> str:
    """The sentence of an InputError, for notebooks: ``error_text(err, "vi")``."""
    return Wording(Lang(lang), plan).error(exc)
