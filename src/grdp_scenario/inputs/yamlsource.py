"""YAML with its places: every value keeps the line it stands on and the text it was printed as.

The plan's numbers must stay traceable (the audit points at the exact line) and their printed
precision must stay knowable ("2,8" was printed with one decimal, "14,80" with two): a float
alone forgets both, so we walk the YAML node tree ourselves and keep a map of paths to places.
"""

from __future__ import annotations

import re
from dataclasses import field
from typing import Any, NamedTuple

from ..core.dataclass import dataclass
from ..core.errors import InputError

Path = tuple[Any, ...]


class Place(NamedTuple):  # a tuple, not a dataclass: a plan has thousands of places, made on every run
    line: int  # 1-based
    text: str  # the scalar as written, for printed precision

    @property
    def decimals(self) -> int:
        return decimals_of(self.text)


def decimals_of(text: str) -> int:
    """Decimals printed: '2.8' → 1, '14.80' → 2, '277449' → 0."""
    t = text.strip()
    if "e" in t.lower() or "." not in t:
        return 0
    return len(t.split(".", 1)[1])


@dataclass
class Located:
    data: Any
    places: dict[Path, Place] = field(default_factory=dict)

    def line(self, path: Path) -> int | None:
        """The line of ``path`` or of its nearest ancestor that has one."""
        p = tuple(path)
        while p:
            if p in self.places:
                return self.places[p].line
            p = p[:-1]
        return None

    def decimals(self, path: Path) -> int | None:
        place = self.places.get(tuple(path))
        return place.decimals if place else None


def placed_error(file: str, located: Located, path: Path, code: str, fix: str | None = None, **fields) -> InputError:
    """An error about the value at ``path`` of a YAML file: its line, and the path as dotted keys."""
    return InputError(code, file=file, line=located.line(path), where=dotted(path) or None, fix=fix, **fields)


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


#: A number as people write one (what core/values.py accepts), no YAML 1.1 extras.
PLAIN_NUMBER = re.compile(r"[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?")
#: The tag the resolver gives a scalar that is text (a plain word, or anything quoted).
TEXT_TAG = "tag:yaml.org,2002:str"
#: The most values aliases may repeat: a plan repeats none, a "billion laughs" file billions.
MAX_NODES = 100_000
#: An integer written with leading zeros (017, 02025): decimal, as people write it, not YAML 1.1's octal.
LEADING_ZERO = re.compile(r"[+-]?0\d+")


def load_yaml(text: str, file: str) -> Located:
    import yaml

    loader_cls = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    loader = loader_cls(text)
    try:
        root = loader.get_single_node()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        problem = exc.problem or str(exc)
        raise InputError("yaml-invalid", file=file, line=line, problem=problem, fix="fix-yaml") from None
    except yaml.YAMLError as exc:
        raise InputError("yaml-invalid", file=file, problem=str(exc), fix="fix-yaml") from None
    except RecursionError:
        raise InputError("yaml-invalid", file=file, problem="nested too deeply", fix="fix-yaml") from None
    finally:
        loader.dispose()
    if root is None:
        raise InputError("file-empty", file=file, kind="yaml", fix="fix-file-empty")
    places: dict[Path, Place] = {}
    constructor = yaml.SafeLoader("")  # only for turning scalar nodes into Python values
    # An alias repeats a node wherever it stands: a few lines of anchors can stand for billions of
    # values ("billion laughs"), and an alias inside its own anchor for infinitely many. The walk below
    # visits every repetition, so it counts them (beyond the first visit), and refuses a node inside itself.
    budget = [MAX_NODES]
    inside: set[int] = set()
    seen: set[int] = set()
    # An alias is written *name: a file without a "*" has none, and the walk visits each node once.
    guarded = "*" in text
    collections = (yaml.MappingNode, yaml.SequenceNode)

    def count(node: Any) -> None:
        if id(node) in seen:  # a repetition through an alias
            budget[0] -= 1
        seen.add(id(node))
        if budget[0] < 0:
            raise InputError(
                "yaml-too-many-values",
                file=file,
                line=node.start_mark.line + 1,
                limit=MAX_NODES,
                fix="fix-yaml-aliases",
            )
        if id(node) in inside:
            raise InputError("yaml-alias-loop", file=file, line=node.start_mark.line + 1, fix="fix-yaml-aliases")

    def walk(node: Any, path: Path) -> Any:
        if isinstance(node, collections):
            if not guarded:
                return _walk_collection(node, path)
            count(node)
            inside.add(id(node))
            try:
                return _walk_collection(node, path)
            finally:
                inside.discard(id(node))
        if guarded:
            count(node)
        places[path] = Place(node.start_mark.line + 1, node.value)
        if node.tag == TEXT_TAG:  # most scalars are text: taken as written, without the constructor's round
            return node.value
        value = constructor.construct_object(node)
        if isinstance(value, (int, float)) and not isinstance(value, bool) and not PLAIN_NUMBER.fullmatch(node.value):
            # YAML 1.1 reads 1_000 as 1000, 1:20 as 80, 0x1F as 31, .nan as NaN: keep the text, so the number
            # check says what is wrong with it instead of using a number nobody wrote
            return node.value
        if isinstance(value, int) and not isinstance(value, bool) and LEADING_ZERO.fullmatch(node.value):
            # YAML 1.1 reads 017 as octal 15 and 02025 as 1045; a planner who writes 017 means 17
            return int(node.value, 10)
        return value

    def _walk_collection(node: Any, path: Path) -> Any:
        places[path] = Place(node.start_mark.line + 1, "")
        if isinstance(node, yaml.MappingNode):
            out: dict[Any, Any] = {}
            for key_node, value_node in node.value:
                key = key_node.value if key_node.tag == TEXT_TAG else constructor.construct_object(key_node)
                if isinstance(key, (dict, list)):
                    raise InputError("yaml-key-not-text", file=file, line=key_node.start_mark.line + 1, fix="fix-yaml")
                if key in out:
                    raise InputError(
                        "yaml-key-twice",
                        file=file,
                        line=key_node.start_mark.line + 1,
                        where=dotted(path + (key,)),
                        key=key,
                        fix="fix-keep-one",
                    )
                out[key] = walk(value_node, path + (key,))  # the walk places the value
            return out
        return [walk(item, path + (i,)) for i, item in enumerate(node.value)]

    try:
        return Located(walk(root, ()), places)
    except yaml.MarkedYAMLError as exc:  # a tag we do not construct: !!python/…, a custom !tag, a merge key
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or str(exc)
        if "merge" in problem or "<<" in str(exc):
            problem = "merge keys (<<) are not supported"
        raise InputError(
            "yaml-invalid", file=file, line=mark.line + 1 if mark else None, problem=problem, fix="fix-yaml"
        ) from None
    except RecursionError:
        raise InputError("yaml-invalid", file=file, problem="nested too deeply", fix="fix-yaml") from None
