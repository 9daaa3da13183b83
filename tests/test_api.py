"""kg's public Python API: what `import kg` offers, and that importing it does no work."""

from __future__ import annotations

import ast
import importlib
import inspect
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import kg
from kg import api


def is_public(name: str) -> bool:
    return name.isidentifier() and (not name.startswith("_") or name.startswith("__"))


def offered_by_kg() -> set[str]:
    """The public names kg's __init__ assigns or spells as strings (its lazy names) that resolve."""
    tree = ast.parse(Path(kg.__file__).read_text(encoding="utf-8"))
    assigned = {
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id != "__all__"
    }
    spelled = {
        node.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
    }
    return {name for name in assigned | spelled if is_public(name) and hasattr(kg, name)}


def defined_in(module: ModuleType) -> set[str]:
    """The public functions and classes ``module`` defines itself (not those it imports)."""
    return {
        name
        for name, value in vars(module).items()
        if is_public(name)
        and (inspect.isfunction(value) or inspect.isclass(value))
        and value.__module__ == module.__name__
    }


def modules_with_all() -> Iterator[ModuleType]:
    """Every kg module that declares its public names in ``__all__``."""
    for info in pkgutil.walk_packages(kg.__path__, "kg."):
        if not info.name.endswith("__main__"):
            module = importlib.import_module(info.name)
            if hasattr(module, "__all__"):
                yield module


def test_all_names_the_public_api_and_each_name_resolves() -> None:
    assert len(set(kg.__all__)) == len(kg.__all__)
    for name in kg.__all__:
        assert getattr(kg, name) is not None
    # what kg offers is listed: what its __init__ assigns, and what its __getattr__ answers for
    assert offered_by_kg() <= set(kg.__all__)
    # the API module's names are kg's, the same objects, and it lists everything it defines
    for name in api.__all__:
        assert name in kg.__all__ and getattr(kg, name) is getattr(api, name), name
    assert defined_in(api) <= set(api.__all__)
    # each module's __all__ names only what the module has
    for module in modules_with_all():
        assert [name for name in module.__all__ if not hasattr(module, name)] == [], module


def test_api_functions_are_not_shadowed_by_modules_once_everything_is_imported() -> None:
    # a submodule named like an API function would replace it on the package once imported
    for module in pkgutil.walk_packages(kg.__path__, "kg."):
        if not module.name.endswith("__main__"):
            importlib.import_module(module.name)
    for name in ("build", "query", "export", "stats", "validate", "remove"):
        assert callable(getattr(kg, name)), name


def test_import_kg_loads_no_model_and_no_heavy_library() -> None:
    script = (
        "import sys, kg; "
        "print(sorted(m for m in ('spacy', 'rdflib', 'pyoxigraph', 'networkx', 'click') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True)
    assert result.stdout.strip() == "[]"
