"""kg: build a knowledge graph from English news.

    import kg
    kg.build(["examples/"], store="kg-store")
    for row in kg.query("who-announced", store="kg-store").dicts(): ...

``import kg`` does no work: the API's modules load on first use.
"""

from __future__ import annotations

import importlib
from typing import Any

__version__ = "0.1.0"

__all__ = [
    "BuildReport",
    "KgError",
    "__version__",
    "build",
    "export",
    "load",
    "load_pipeline",
    "openie",
    "query",
    "query_rows",
    "remove",
    "stats",
    "validate",
    "viz",
]

_LAZY = {
    "BuildReport": "kg.api",
    "build": "kg.api",
    "export": "kg.api",
    "load": "kg.api",
    "openie": "kg.api",
    "query": "kg.api",
    "query_rows": "kg.api",
    "remove": "kg.api",
    "stats": "kg.api",
    "validate": "kg.api",
    "viz": "kg.api",
    "KgError": "kg.errors",
}


def __getattr__(name: str) -> Any:
    if name == "load_pipeline":
        from kg.nlp.pipeline import load

        return load
    if name in _LAZY:
        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
