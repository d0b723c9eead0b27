"""The targets file (README, "File formats"), read into records, checked, and loaded with its places.

Only region, year, base_year, sectors, goals and growth are required. The optional sections keep one meaning per key and
every number traceable: the YAML carries the place in the plan as a comment, the loader keeps
each number's line and printed text (see yamlsource).
"""

from __future__ import annotations

import difflib
import re
from collections import Counter
from functools import partial
from pathlib import Path
from typing import Any

from ..core import periods
from ..core.errors import InputError
from ..core.values import parse_rate
from .plan_records import COLUMNS, IDENTIFIER, NotPlain, Sector, TargetsFile, plan_records
from .yamlsource import Located, load_yaml, placed_error


class PlanFile:
    """A validated targets file with the places of its numbers, and its text (what a writer edits)."""

    def __init__(self, model: TargetsFile, located: Located, file: str, text: str = "") -> None:
        self.model = model
        self.located = located
        self.file = file
        self.text = text

    # convenient views
    @property
    def sectors(self) -> list[Sector]:
        return self.model.sectors

    @property
    def top_level(self) -> list[str]:
        return [s.key for s in self.model.sectors if s.parent is None]

    def sector(self, key: str) -> Sector:
        return next(s for s in self.model.sectors if s.key == key)

    def line(self, *path: Any) -> int | None:
        return self.located.line(path)

    def decimals(self, *path: Any) -> int | None:
        return self.located.decimals(path)


def validate_plan(model: TargetsFile, located: Located, file: str) -> None:
    """What pydantic cannot see: keys that refer to sectors and periods, blocks that partition the year."""
    keys = [s.key for s in model.sectors]
    _check_keyed_list(file, located, "sectors", model.sectors, "sector-twice", "parent-unknown")
    for i, s in enumerate(model.sectors):
        if s.key == "grdp":
            raise placed_error(file, located, ("sectors", i, "key"), "sector-grdp-reserved", "fix-sector-grdp-reserved")
    parent_of = {s.key: s.parent for s in model.sectors}
    for i, s in enumerate(model.sectors):
        seen, key = {s.key}, s.parent
        while key is not None:
            if key in seen:
                raise placed_error(
                    file, located, ("sectors", i, "parent"), "parent-cycle", "fix-parent-cycle", key=s.key
                )
            seen.add(key)
            key = parent_of[key]
    top = [s.key for s in model.sectors if s.parent is None]
    if not top:
        raise placed_error(file, located, ("sectors",), "sectors-no-top", "fix-sectors-no-top")
    items = ["grdp", *keys]
    if model.base_year >= model.year:
        raise placed_error(
            file,
            located,
            ("base_year",),
            "base-year-not-before",
            "fix-base-year-not-before",
            base_year=model.base_year,
            year=model.year,
        )

    def check_items(section: str, mapping: dict[str, dict[str, float]], allowed_periods=periods.NAMES) -> None:
        for period, rates in mapping.items():
            if period not in allowed_periods:
                raise placed_error(
                    file,
                    located,
                    (section, period),
                    "period-unknown",
                    "fix-one-of",
                    value=period,
                    allowed=tuple(allowed_periods),
                )
            for item in rates:
                _check_item(file, located, (section, period, item), item, items)

    check_goals(file, located, model, items)
    check_items("published", model.published)
    check_items("base_year_block_growth", model.base_year_block_growth)
    for item in model.base_year_growth:
        _check_item(file, located, ("base_year_growth", item), item, items)
    for item in model.assumptions.deflators:
        _check_item(file, located, ("assumptions", "deflators", item), item, keys)
    children = [s.key for s in model.sectors if s.parent is not None]
    for item, share in model.assumptions.child_shares.items():
        _check_item(file, located, ("assumptions", "child_shares", item), item, children)
        if not 0 < share <= 100:
            raise placed_error(
                file,
                located,
                ("assumptions", "child_shares", item),
                "child-share-range",
                "fix-child-share-range",
                key=item,
                value=share,
            )
    for column, shares in model.structure.items():
        if column not in COLUMNS:
            raise placed_error(
                file, located, ("structure", column), "column-unknown", "fix-one-of", value=column, allowed=COLUMNS
            )
        for item in shares:
            _check_item(file, located, ("structure", column, item), item, keys)
    _check_keyed_list(file, located, "indicators", model.indicators, "indicator-twice", "indicator-parent-unknown")
    for i, ind in enumerate(model.indicators):
        for part in ("values", "min", "range", "growth_min", "text", "stated"):
            for column in getattr(ind, part):
                if column not in COLUMNS:
                    raise placed_error(
                        file,
                        located,
                        ("indicators", i, part, column),
                        "column-unknown",
                        "fix-one-of",
                        value=column,
                        allowed=COLUMNS,
                    )

    if not model.growth:
        raise placed_error(file, located, ("growth",), "growth-none", "fix-growth-none")
    for block, spec in model.growth.items():
        if block not in periods.NAMES or not periods.is_contiguous(block):
            raise placed_error(
                file,
                located,
                ("growth", block),
                "block-unknown",
                "fix-one-of",
                value=block,
                allowed=tuple(b for b in periods.NAMES if periods.is_contiguous(b)),
            )
        for item in spec.rates:
            _check_item(file, located, ("growth", block, item), item, keys)
        children_of: dict[str, list[str]] = {}
        for sector in model.sectors:
            if sector.parent is not None:
                children_of.setdefault(sector.parent, []).append(sector.key)

        def covered(key: str, rates=spec.rates, children_of=children_of) -> bool:
            """Given, or made by its industries, every one given (their volume-weighted rate, contract §2)."""
            kids = children_of.get(key, [])
            return key in rates or (bool(kids) and all(covered(k) for k in kids))

        given = [k for k in top if covered(k)]
        if spec.grdp is None and not spec.rates and spec.status == "target":
            continue  # a target block still to be written or built (as init leaves it): see economy_from_plan
        if spec.grdp is None and not given:
            raise placed_error(file, located, ("growth", block), "block-empty", "fix-block-empty", block=block)
        if given and len(given) < len(top):
            missing = [k for k in top if not covered(k)]
            raise placed_error(
                file,
                located,
                ("growth", block),
                "block-lacks-sectors",
                "fix-block-lacks-sectors",
                block=block,
                sectors=tuple(missing),
            )
        for item in spec.rates:
            parent = next(s.parent for s in model.sectors if s.key == item)
            if parent is not None and not covered(parent):
                raise placed_error(
                    file,
                    located,
                    ("growth", block, item),
                    "child-without-parent",
                    "fix-child-without-parent",
                    item=item,
                    parent=parent,
                )
    problem = periods.partition_problem(list(model.growth))
    if problem:
        raise placed_error(file, located, ("growth",), "blocks-not-partition", "fix-blocks-partition", because=problem)


def _check_keyed_list(file: str, located: Located, section: str, entries: list, twice: str, unknown: str) -> None:
    """A list of things with keys and optional parents (sectors, indicators): each key a plain name, given
    once, and each parent one of the keys."""
    keys = [e.key for e in entries]
    counts = Counter(keys)  # counted once: the plan may have thousands of rows
    for i, e in enumerate(entries):
        if not IDENTIFIER.fullmatch(e.key):
            raise placed_error(
                file, located, (section, i, "key"), "key-not-identifier", "fix-key-not-identifier", key=e.key
            )
        if counts[e.key] > 1:
            raise placed_error(file, located, (section, i, "key"), twice, "fix-keep-one", key=e.key)
        if e.parent is not None and e.parent not in counts:
            raise placed_error(
                file, located, (section, i, "parent"), unknown, "fix-one-of", value=e.parent, allowed=tuple(keys)
            )


def check_goals(file: str, located: Located, model: TargetsFile, items: list[str]) -> None:
    """Goal items: growth of GRDP or a sector (a rate), or for FY a level at current prices (above 0);
    per capita in USD needs the exchange rate it is reckoned at."""
    from ..core.goals import LEVEL_PERIODS, LEVEL_UNITS

    for period, goals in model.goals.items():
        if period not in periods.NAMES:
            raise placed_error(
                file, located, ("goals", period), "period-unknown", "fix-one-of", value=period, allowed=periods.NAMES
            )
        for item, minimum in goals.items():
            path = ("goals", period, item)
            if item not in LEVEL_UNITS:
                _check_item(file, located, path, item, [*items, *LEVEL_UNITS])
                _fail_on(file, located, path, partial(parse_rate, minimum))
                continue
            if period not in LEVEL_PERIODS:
                raise placed_error(
                    file,
                    located,
                    path,
                    "goal-level-period",
                    "fix-one-of",
                    item=item,
                    value=period,
                    allowed=LEVEL_PERIODS,
                )
            if minimum <= 0:
                raise placed_error(
                    file, located, path, "goal-level-not-positive", "fix-level-zero", item=item, value=minimum
                )
            if item == "per_capita_usd" and model.assumptions.vnd_per_usd is None:
                raise placed_error(file, located, path, "goal-needs-exchange-rate", "fix-goal-needs-exchange-rate")
    for period, items in model.printed_goals.items():
        for i, item in enumerate(items):
            if item not in model.goals.get(period, {}):
                given = tuple(f"{p}.{k}" for p, goals in model.goals.items() for k in goals)
                raise placed_error(
                    file,
                    located,
                    ("printed_goals", period, i),
                    "printed-goal-unknown",
                    "fix-printed-goal-unknown",
                    goal=f"{period}.{item}",
                    allowed=given,
                )


def _fail_on(file: str, located: Located, path: tuple, check) -> None:
    """Run a core check of a value, its error placed at ``path`` in the file."""
    try:
        check()
    except InputError as exc:
        code, fix = exc.code, exc.fix
        raise placed_error(file, located, path, code, fix, **exc.fact.fields) from None


def _check_item(file: str, located: Located, path: tuple, item: Any, allowed: list[str]) -> None:
    if item in allowed:
        return
    if isinstance(item, int) or (isinstance(item, str) and item.isdigit()):
        raise placed_error(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=item)
    hint = difflib.get_close_matches(str(item), allowed, n=1)
    if hint:
        raise placed_error(file, located, path, "sector-unknown", "fix-did-you-mean", value=item, hint=hint[0])
    raise placed_error(file, located, path, "sector-unknown", "fix-one-of", value=item, allowed=tuple(allowed))


#: Line breaks YAML counts and editors do not show as such (NEL, LINE SEPARATOR, PARAGRAPH SEPARATOR).
ODD_LINE_BREAK = re.compile("[\x85\u2028\u2029]")
#: The largest input file read: a plan, base year or outturn is a few kilobytes; anything near this is
#: not one (or is /dev/zero), and reading it whole would only cost memory.
MAX_BYTES = 10 * 1024 * 1024


def read_text(path: Path, what: str) -> str:
    """Read a text file; say plainly when it is missing, too large, empty or not text."""
    from .atomic import read_as_input

    name = str(path)
    try:
        with open(path, "rb") as fh:
            raw = fh.read(MAX_BYTES + 1)
        read_as_input(path)
    except FileNotFoundError:
        raise InputError("file-missing", file=name, kind=what, fix="fix-file-missing") from None
    except IsADirectoryError:
        raise InputError("file-is-folder", file=name, kind=what, fix="fix-file-is-folder") from None
    except OSError as exc:
        raise InputError(
            "file-unreadable", file=name, kind=what, reason=exc.strerror or str(exc), fix="fix-file-unreadable"
        ) from None
    if b"\x00" in raw[:4096]:
        raise InputError("file-binary", file=name, kind=what, fix="fix-file-encoding")
    if len(raw) > MAX_BYTES:
        raise InputError(
            "file-too-large", file=name, kind=what, limit=MAX_BYTES // (1024 * 1024), fix="fix-file-too-large"
        )
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError("file-not-utf8", file=name, kind=what, byte=exc.start, fix="fix-file-encoding") from None
    if not text.strip():
        raise InputError("file-empty", file=name, kind=what, fix="fix-file-empty")
    found = ODD_LINE_BREAK.search(text)  # one scan in C: a file is read before every command
    if found is not None:  # YAML would start a new line there and editors would not: every line number would drift
        odd = found.start()
        line = text.count("\n", 0, odd) + 1
        code = f"U+{ord(text[odd]):04X}"
        raise InputError("file-odd-line-break", file=name, line=line, char=code, fix="fix-file-odd-line-break")
    # Line ends as any editor writes them: CRLF (Windows, Excel), CR alone (old Mac), LF.
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _refuse_decimal_commas(located: Located, file: str) -> None:
    """In a flow mapping, ``{services: 13,91}`` reads as services: 13 and a key 91 without a value."""
    for path in located.places:
        if path and isinstance(path[-1], int):
            parent = located.data
            for p in path[:-1]:
                parent = parent[p]
            if isinstance(parent, dict) and parent.get(path[-1], "") is None:
                raise placed_error(file, located, path, "decimal-comma-key", "fix-decimal-comma-key", key=path[-1])


def load_plan(path: Path | str) -> PlanFile:
    path = Path(path)
    return plan_from_text(read_text(path, "targets"), str(path))


def plan_from_text(text: str, file: str) -> PlanFile:
    """A plan from its text (``file`` names it in errors): what load_plan reads, and what writers check."""
    located = load_yaml(text, file)
    if not isinstance(located.data, dict):
        raise InputError("plan-not-mapping", file=file, line=1, fix="fix-plan-start")
    _refuse_decimal_commas(located, file)
    try:
        model = plan_records(located.data)
    except NotPlain:  # only the schema can tell: it words the error, or gives the values in their plain form
        from .plan_schema import validated

        model = plan_records(validated(located, file))
    validate_plan(model, located, file)
    return PlanFile(model, located, file, text)


def json_schema() -> str:
    """The JSON Schema of the targets file, as text (schema/targets.schema.json is a committed copy)."""
    from .plan_schema import json_schema

    return json_schema()
