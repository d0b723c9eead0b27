"""Write a targets file with new rates, everything else in it kept as it was (comments, order, layout).

The plan is a document people keep by hand, with a source for every number in its comments: rewriting it
from the parsed data would lose all of that. So the new figures are edited into the text itself, at the
places the YAML parser reports for each number; a figure the file lacks is added to its mapping in the
mapping's own style. The result is read back and checked against what was meant to be written before it
is returned, so a file that says anything else is never written.
"""

from __future__ import annotations

from dataclasses import field
from pathlib import Path
from typing import Any, Mapping, Sequence

from ..core.dataclass import dataclass
from ..core.economy import Economy
from ..core.evaluate import computed_period_result
from ..core.printed import nearest_printed
from .actuals import BaseYear


@dataclass(frozen=True)
class FileNotes:
    """Comments the written file carries, so that every changed number still says where it came from."""

    header: str = ""
    blocks: Mapping[str, str] = field(default_factory=dict)  # block → a line above it
    published: str = ""  # above ``published`` when its figures were recomputed
    goals: str = ""  # above ``goals`` when they were replaced


class TextEdits:
    """Edits to a YAML text at the places of its nodes, applied together (the places are of the original)."""

    def __init__(self, text: str) -> None:
        import yaml

        self.text = text
        self.root = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
        self.edits: list[tuple[int, int, int, str]] = []  # (start, end, order, replacement)

    def node(self, path: Sequence[Any]):
        node = self.root
        for key in path:
            node = _value_node(node, key)
            if node is None:
                return None
        return node

    def _edit(self, start: int, end: int, replacement: str) -> None:
        self.edits.append((start, end, len(self.edits), replacement))

    def set(self, path: Sequence[Any], value: str) -> None:
        """The scalar at ``path`` becomes ``value`` (YAML text); a key the mapping lacks is added to it."""
        node = self.node(path)
        if node is not None:
            self._edit(node.start_mark.index, node.end_mark.index, value)
            return
        parent = self.node(path[:-1])
        if parent is None:
            raise KeyError(tuple(path[:-1]))
        self.add(parent, str(path[-1]), value)

    def add(self, mapping, key: str, value: str) -> None:
        if mapping.flow_style:
            close = self.text.rindex("}", 0, mapping.end_mark.index)
            self._edit(close, close, f"{', ' if mapping.value else ''}{key}: {value}")
            return
        indent = mapping.value[0][0].start_mark.column
        self._insert_line_after(_last_end(mapping), f"{' ' * indent}{key}: {value}")

    def replace_mapping(self, path: Sequence[Any], lines: Sequence[str]) -> None:
        """The mapping at ``path`` becomes ``lines`` (``key: value`` each), in its own indentation."""
        node = self.node(path)
        if node.flow_style or not node.value:
            self._edit(node.start_mark.index, node.end_mark.index, "{" + ", ".join(lines) + "}")
            return
        if not lines:  # a block mapping emptied: {} where its entries stood (a block's end mark takes in what follows)
            self._edit(node.start_mark.index, _last_end(node), "{}")
            return
        indent = " " * node.value[0][0].start_mark.column
        self._edit(node.value[0][0].start_mark.index, _last_end(node), f"\n{indent}".join(lines))

    def comment_before(self, path: Sequence[Any], comment: str) -> None:
        """A comment line above the line where the key of ``path`` stands, at its indentation."""
        key = _key_node(self.node(path[:-1]), path[-1])
        start = self.text.rfind("\n", 0, key.start_mark.index) + 1
        self._edit(start, start, f"{' ' * key.start_mark.column}# {comment}\n")

    def comment_at_top(self, comment: str) -> None:
        """A comment line after the file's opening comment lines."""
        position = 0
        for line in self.text.splitlines(keepends=True):
            if not line.startswith("#"):
                break
            position += len(line)
        self._edit(position, position, f"# {comment}\n")

    def _insert_line_after(self, index: int, line: str) -> None:
        newline = self.text.find("\n", index)
        if newline == -1:
            self._edit(len(self.text), len(self.text), f"\n{line}")
        else:
            self._edit(newline + 1, newline + 1, f"{line}\n")

    def result(self) -> str:
        text = self.text
        for start, end, _, replacement in sorted(self.edits, key=lambda e: (e[0], e[2]), reverse=True):
            text = text[:start] + replacement + text[end:]
        return text


def _key_node(mapping, key):
    for k, _ in mapping.value:
        if k.value == str(key):
            return k
    raise KeyError(key)


def _value_node(node, key):
    if getattr(node, "id", "") != "mapping":
        return None
    for k, v in node.value:
        if k.value == str(key):
            return v
    return None


def _last_end(node) -> int:
    """Where the last value inside a node ends (a block mapping's own end is the next token's start)."""
    if node.id == "mapping" and not node.flow_style and node.value:
        return _last_end(node.value[-1][1])
    if node.id == "sequence" and not node.flow_style and node.value:
        return _last_end(node.value[-1])
    return node.end_mark.index


def number_text(value: float, decimals: int | None = None) -> str:
    """A number as the plan writes it: a point for the decimal, ``decimals`` places when given."""
    return f"{value:.{decimals}f}" if decimals is not None else f"{value:.10g}"


def targets_text(
    plan,
    base: BaseYear,
    economy: Economy,
    blocks: Sequence[str],
    decimals: int,
    notes: FileNotes | None = None,
    goals: Mapping[str, Mapping[str, float]] | None = None,
) -> str:
    """The plan's text with ``blocks`` as ``economy`` has them (rates and printed GRDP), the cumulative figures
    its ``published`` section prints recomputed from the plan's blocks so changed, and ``goals`` in place of
    its goals when given. Blocks an outturn laid over the plan are not the plan's: only ``blocks`` are written."""
    from .join import economy_from_plan

    notes = notes or FileNotes()
    edits = TextEdits(plan.text)  # the text the plan was read from, not the file as it may be now
    model = plan.model
    in_file = economy_from_plan(plan, base, provisional=True)  # blocks init left empty are among those written
    for name in blocks:
        block, spec = economy.block(name), model.growth[name]
        in_file = in_file.replace_block(block)
        figures = {"status": block.status, **({"grdp": block.grdp} if block.grdp is not None else {}), **block.rates}
        for item, value in figures.items():
            old = spec.status if item == "status" else spec.grdp if item == "grdp" else spec.rates.get(item)
            if value != old:
                edits.set(("growth", block.name, item), value if item == "status" else number_text(value, decimals))
        if block.name in notes.blocks:
            edits.comment_before(("growth", block.name), notes.blocks[block.name])
    # The appendix's cumulative columns follow from the blocks: printed again from the new ones.
    published_before = len(edits.edits)
    for period, items in model.published.items():
        result = computed_period_result(in_file, period)
        for item, printed in items.items():
            value = result.grdp if item == "grdp" else result.sectors.get(item)
            places = plan.decimals("published", period, item)
            if value is None or places is None:
                continue
            new = nearest_printed(value, places) / 10**places
            if abs(new - printed) > 1e-9:
                edits.set(("published", period, item), number_text(new, places))
    if notes.published and len(edits.edits) > published_before:
        edits.comment_before(("published",), notes.published)
    if goals is not None:
        lines = [
            f"{p}: {{{', '.join(f'{i}: {number_text(v)}' for i, v in items.items())}}}" for p, items in goals.items()
        ]
        edits.replace_mapping(("goals",), lines)
        if model.printed_goals:  # a goal given anew is a stated threshold; one kept as it was keeps its print
            kept = {
                period: [i for i in items if goals.get(period, {}).get(i) == model.goals.get(period, {}).get(i)]
                for period, items in model.printed_goals.items()
            }
            edits.replace_mapping(("printed_goals",), [f"{p}: [{', '.join(i)}]" for p, i in kept.items() if i])
        if notes.goals:
            edits.comment_before(("goals",), notes.goals)
    if notes.header:
        edits.comment_at_top(notes.header)
    new_text = edits.result()
    _check_written(new_text, plan, base, in_file, goals)
    return new_text


def write_targets(
    path: Path | str,
    scenario,
    economy: Economy,
    blocks: Sequence[str],
    decimals: int,
    notes: FileNotes | None = None,
    goals: Mapping[str, Mapping[str, float]] | None = None,
) -> None:
    """The scenario's plan with ``blocks`` of ``economy`` (and ``goals``), written atomically to ``path``."""
    from .atomic import write_output

    text = targets_text(scenario.targets, scenario.base, economy, blocks, decimals, notes, goals)
    write_output(path, text, replaces=scenario.targets.file)  # rewriting the plan in place is what it is for


def _check_written(text: str, plan, base: BaseYear, economy: Economy, goals) -> None:
    """Read the new text back: it must load and give exactly the blocks (and goals) meant."""
    from .join import economy_from_plan
    from .plan import plan_from_text

    written = plan_from_text(text, plan.file)
    again = economy_from_plan(written, base)
    for block in economy.blocks:
        got = again.block(block.name)
        if dict(got.rates) != dict(block.rates) or got.grdp != block.grdp or got.status != block.status:
            raise AssertionError(f"the written block {block.name} reads back as {got}, not {block}")
    if goals is not None and {p: dict(i) for p, i in written.model.goals.items()} != {
        p: dict(i) for p, i in goals.items()
    }:
        raise AssertionError("the written goals read back differently")
