"""The package's layers: the core reads no files and builds no sentences; every fact has its words."""

from __future__ import annotations

import ast
import string
import sys
from pathlib import Path

import pytest

from grdp_scenario.present.catalogue import LABELS, MESSAGES, RULE_TEXTS, message_ids
from grdp_scenario.present.i18n import po_path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "grdp_scenario"
#: Below the presentation layer: the core, the file readers, the audit and the calibration.
BELOW_PRESENTATION = [
    *(p for p in (PACKAGE / "core").glob("*.py") if p.name != "errors.py"),
    *(PACKAGE / "inputs").glob("*.py"),
    *(PACKAGE / "audit").glob("*.py"),
    PACKAGE / "calibrate.py",
]
#: What the core may import besides itself: the standard library, and numpy and pandas for arrays and the
#: notebook frames (lazily, so ``check`` and ``--help`` start without them).
CORE_MAY_IMPORT = set(sys.stdlib_module_names) | {"numpy", "pandas"}


def imports(path: Path) -> list[tuple[int, str]]:
    """(level, module) of every import in a file, at any depth (lazy imports count too)."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(0, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            found.append((node.level, node.module or ""))
    return found


@pytest.mark.parametrize("path", sorted((PACKAGE / "core").glob("*.py")), ids=lambda p: p.name)
def test_the_core_imports_only_itself_and_the_standard_library(path):
    for level, module in imports(path):
        if level == 0:
            assert module.split(".")[0] in CORE_MAY_IMPORT, f"{path.name} imports {module}"
        else:
            assert level == 1, f"{path.name} reaches out of the core: {'.' * level}{module}"


#: The layers, bottom up: each may import the ones below it and never one above (README, "Design").
#: The library (library.py, results.py) sits above the presentation: a result's JSON may carry the
#: audit's messages, and reconcile's written file its comments, in the user's language.
LAYERS = [
    ("core", ["core"]),
    ("inputs", ["inputs"]),
    ("audit", ["audit", "calibrate.py"]),
    ("present", ["present"]),
    ("library", ["library.py", "results.py"]),
    ("cli", ["cli", "__main__.py"]),
]


def layer_of(module: str) -> str | None:
    """The layer of a module of the package, named from the package's root (``core.goals``, ``library``)."""
    head = module.split(".")[0]
    for layer, parts in LAYERS:
        if any(head == part.removesuffix(".py") for part in parts):
            return layer
    return None


def package_imports(path: Path) -> list[str]:
    """Every module of the package a file imports, resolved from the package's root, lazy imports too."""
    here = path.relative_to(PACKAGE).parent.parts
    out = []
    for level, module in imports(path):
        if level == 0:
            if module.startswith("grdp_scenario."):
                out.append(module.removeprefix("grdp_scenario."))
            continue
        base = here[: len(here) - (level - 1)] if level > 1 else here
        out.append(".".join([*base, module] if module else base))
    return out


def files_of(parts: list[str]) -> list[Path]:
    out = []
    for part in parts:
        target = PACKAGE / part
        out += sorted(target.rglob("*.py")) if target.is_dir() else [target]
    return out


@pytest.mark.parametrize("layer, parts", LAYERS, ids=[name for name, _ in LAYERS])
def test_every_layer_imports_only_the_layers_below_it(layer, parts):
    order = [name for name, _ in LAYERS]
    for path in files_of(parts):
        for module in package_imports(path):
            found = layer_of(module)
            if found is None:  # the package's __init__ (InputError, __version__) is for everyone
                continue
            assert order.index(found) <= order.index(layer), f"{path.relative_to(PACKAGE)} ({layer}) imports {module}"


#: What the CLI may take from below the library: errors, the parsing of option values and terminal text, and
#: the files it writes or reads as files (a command that computes goes through the library, contract §4).
CLI_MAY_IMPORT_BELOW = {"core.errors", "core.values", "core.text", "inputs.atomic", "inputs.packaged"}
#: Commands that only read and write files, and calibrate (a fit of the targets file alone): no Plan.
FILE_COMMANDS = {"init.py", "plan.py", "schema.py", "calibrate.py", "record.py", "audit.py"}


def test_the_cli_computes_nothing_itself():
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        for module in package_imports(path):
            if layer_of(module) not in ("core", "inputs", "audit"):
                continue
            allowed = module in CLI_MAY_IMPORT_BELOW or (path.name in FILE_COMMANDS and not module.startswith("core."))
            assert allowed, f"cli/{path.name} imports {module}: call the library (library.Plan) instead"


def test_every_module_of_the_package_is_in_a_layer():
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE)
        if relative.name == "__init__.py" and relative.parent == Path("."):
            continue
        assert layer_of(".".join(relative.with_suffix("").parts)) is not None, relative


def test_the_layer_test_sees_an_import_upward(tmp_path):
    # A control: a present module importing the CLI is named (the test above can fail).
    fake = PACKAGE / "present" / "views" / "check.py"
    assert "core.evaluate" in package_imports(fake)
    assert (
        layer_of("cli.run") == "cli" and layer_of("library") == "library" and layer_of("present.wording") == "present"
    )


def test_no_import_cycle_between_modules():
    graph: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        name = ".".join(path.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__")
        graph[name] = {m for m in package_imports(path) if m in _modules()}
    seen, stack = set(), []

    def visit(node: str) -> None:
        if node in stack:
            raise AssertionError(f"import cycle: {' -> '.join(stack[stack.index(node) :] + [node])}")
        if node in seen:
            return
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            visit(nxt)
        stack.pop()
        seen.add(node)

    for node in sorted(graph):
        visit(node)


def _modules() -> set[str]:
    return {
        ".".join(p.relative_to(PACKAGE).with_suffix("").parts).removesuffix(".__init__") for p in PACKAGE.rglob("*.py")
    }


def calls(path: Path):
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call):
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            if name in ("InputError", "Fact", "_fail"):
                yield name, node


def codes_in(name: str, node: ast.Call) -> list[str]:
    """The catalogue codes a call names: its first string argument (what) and its fix."""
    args = [a for a in node.args if isinstance(a, ast.Constant) and isinstance(a.value, str)]
    out = [args[0].value] if args else []
    if name == "_fail" and len(args) > 1:
        out.append(args[1].value)
    out += [
        k.value.value
        for k in node.keywords
        if k.arg == "fix" and isinstance(k.value, ast.Constant) and isinstance(k.value.value, str)
    ]
    return out


@pytest.mark.parametrize("path", BELOW_PRESENTATION, ids=lambda p: f"{p.parent.name}/{p.name}")
def test_below_the_presentation_errors_and_facts_are_codes_with_words_in_the_catalogue(path):
    for name, node in calls(path):
        first = node.args[0] if node.args and name != "_fail" else (node.args[3] if len(node.args) > 3 else None)
        # A code is a literal, or a variable passing one on (pydantic's error type); never a built string.
        assert isinstance(first, (ast.Constant, ast.Name)), f"{path.name}:{node.lineno}: {name} without a code"
        for code in codes_in(name, node):
            assert code in MESSAGES, f"{path.name}:{node.lineno}: '{code}' is not in the catalogue"
        assert not any(isinstance(a, ast.JoinedStr) for a in node.args), f"{path.name}:{node.lineno}: a sentence"


def po_entries(lang: str = "vi") -> dict[str, str]:
    from babel.messages.pofile import read_po

    with po_path(lang).open("rb") as fh:
        return {m.id: m.string for m in read_po(fh) if m.id}


def fields(text: str) -> set[str]:
    return {f for _, f, _, _ in string.Formatter().parse(text) if f}


def test_every_message_has_a_vietnamese_translation_with_the_same_fields():
    from grdp_scenario.cli.help import help_ids

    po = po_entries()
    ids = [*message_ids(), *help_ids()]
    for msgid in ids:
        assert po.get(msgid), f"no Vietnamese for {msgid!r} (run scripts/i18n.py, then translate)"
        assert fields(po[msgid]) == fields(msgid), msgid
    stale = set(po) - set(ids)
    assert not stale, f"stale entries in the .po: {sorted(stale)[:5]} (run scripts/i18n.py)"


def test_every_rule_has_its_words_and_labels_are_complete():
    from grdp_scenario.audit.rules import RULES

    assert set(RULE_TEXTS) == set(RULES)
    for period in ("Q1", "Q2", "Q3", "Q4", "H1", "H2", "9M", "FY"):
        assert period in LABELS


def test_errors_read_in_the_users_language():
    from grdp_scenario.core.errors import InputError
    from grdp_scenario.present.wording import error_text

    err = InputError("rate-impossible", file="t.yaml", line=3, where="growth.Q4.services", value=-150.5, fix="fix-rate")
    assert error_text(err, "en") == (
        "t.yaml, line 3 (growth.Q4.services): a growth rate of -150.5% would mean the "
        "economy vanished or turned negative. Rates are in percent and must be above -100."
    )
    assert error_text(err, "vi").startswith("t.yaml, dòng 3 (growth.Q4.services): tốc độ tăng -150,5% ")


def test_the_cli_modules_give_typer_annotations_it_need_not_evaluate():
    # Typer reads every option's annotation with typing.get_type_hints each run: written as text (the
    # __future__ import), each is evaluated again, about a fifth of what --help costs (scripts/benchmark.py).
    for path in sorted((PACKAGE / "cli").glob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        assert "from __future__ import annotations" not in lines, path.name
