"""kg's public Python API: what `import kg` offers, and that importing it does no work."""

from __future__ import annotations

import subprocess
import sys

import kg


def test_all_names_the_public_api_and_each_name_resolves() -> None:
    assert sorted(kg.__all__) == sorted(
        [
            "BuildReport",
            "KgError",
            "__version__",
            "build",
            "export",
            "load_pipeline",
            "openie",
            "query",
            "remove",
            "stats",
            "validate",
            "viz",
        ]
    )
    for name in kg.__all__:
        assert getattr(kg, name) is not None


def test_api_functions_are_not_shadowed_by_modules_once_everything_is_imported() -> None:
    import importlib
    import pkgutil

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
