"""kg's modules import in the direction of the data flow: read from their source, not run."""

from __future__ import annotations

import ast
from pathlib import Path

import kg

PACKAGE = Path(kg.__file__).resolve().parent


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


SOURCES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def is_package(module: str) -> bool:
    return SOURCES[module].name == "__init__.py"


def imported(module: str, node: ast.Import | ast.ImportFrom) -> list[str]:
    """The modules ``node`` imports; ``from a import b`` is module a.b where there is one."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:  # relative: from the module's package, up level - 1 more
        package = module if is_package(module) else module.rpartition(".")[0]
        for _ in range(node.level - 1):
            package = package.rpartition(".")[0]
        base = f"{package}.{base}" if base else package
    return [f"{base}.{a.name}" if f"{base}.{a.name}" in SOURCES else base for a in node.names]


def imports_anywhere(module: str) -> set[str]:
    """Every module ``module`` imports, at its top or inside a function."""
    tree = ast.parse(SOURCES[module].read_text(encoding="utf-8"))
    return {
        name
        for node in ast.walk(tree)
        if isinstance(node, ast.Import | ast.ImportFrom)
        for name in imported(module, node)
    }


def imports_on_load(module: str) -> set[str]:
    """The kg modules ``module`` imports when it is loaded: its top level, inside ``try`` and
    ``if`` blocks, but not under ``if TYPE_CHECKING`` and not inside functions."""
    tree = ast.parse(SOURCES[module].read_text(encoding="utf-8"))
    found: set[str] = set()
    pending: list[ast.stmt] = list(tree.body)
    while pending:
        node = pending.pop()
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.update(name for name in imported(module, node) if name in SOURCES)
        elif isinstance(node, ast.If) and "TYPE_CHECKING" not in ast.unparse(node.test):
            pending.extend([*node.body, *node.orelse])
        elif isinstance(node, ast.Try):
            pending.extend([*node.body, *node.orelse, *node.finalbody])
            pending.extend(stmt for handler in node.handlers for stmt in handler.body)
    found.discard(module)
    return found


def within(module: str, package: str) -> bool:
    return module == package or module.startswith(package + ".")


def test_only_the_training_package_imports_the_training_package() -> None:
    offenders = {
        module: sorted(name for name in imports_anywhere(module) if within(name, "kg.train"))
        for module in SOURCES
        if not within(module, "kg.train")
    }
    assert {module: names for module, names in offenders.items() if names} == {}


def test_only_the_cli_imports_click() -> None:
    offenders = [
        module
        for module in SOURCES
        if not within(module, "kg.cli")
        and any(within(name, "click") for name in imports_anywhere(module))
    ]
    assert offenders == []


def cycle_from(graph: dict[str, set[str]], start: str) -> list[str] | None:
    """A chain of imports from ``start`` back to itself, or None."""
    path: list[str] = [start]
    seen: set[str] = set()

    def walk(module: str) -> list[str] | None:
        for name in sorted(graph[module]):
            if name == start:
                return [*path, start]
            if name not in seen:
                seen.add(name)
                path.append(name)
                if found := walk(name):
                    return found
                path.pop()
        return None

    return walk(start)


def test_no_import_cycle_among_kg_modules() -> None:
    graph = {module: imports_on_load(module) for module in SOURCES}
    cycles = {" → ".join(chain) for module in graph if (chain := cycle_from(graph, module))}
    assert sorted(cycles) == []


def test_the_cycle_finder_reports_a_chain() -> None:
    graph = {"a": {"b"}, "b": {"c"}, "c": {"a", "d"}, "d": set()}
    assert cycle_from(graph, "a") == ["a", "b", "c", "a"]
    assert cycle_from(graph, "d") is None


def test_no_module_of_kg_hides_a_name_of_its_api() -> None:
    # Importing kg.<name> sets the attribute kg.<name> to the module, over kg's lazy function.
    top = {module.split(".")[1] for module in SOURCES if module != "kg"}
    assert top & set(kg.__all__) == set()
