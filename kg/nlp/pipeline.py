"""Find and load spaCy pipelines: kg's shipped one by default, or any the user names."""

from __future__ import annotations

import functools
import importlib.util
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kg.errors import ModelError

if TYPE_CHECKING:
    from spacy.language import Language

SHIPPED_NAME = "en_kg_news"


def shipped_path() -> Path:
    """Where the pipeline shipped inside the kg package lives."""
    return Path(__file__).resolve().parent.parent / "models" / SHIPPED_NAME


def resolve(model: str | Path | None = None) -> str | Path:
    """The path or package name ``spacy.load`` should get; raise ModelError if there is none."""
    if model is None or str(model) == SHIPPED_NAME:
        path = shipped_path()
        if not (path / "meta.json").exists():
            raise ModelError(
                f"kg's shipped pipeline is missing at {path}; reinstall kg, "
                "or train one with `python -m kg.train` and pass it with --model DIR"
            )
        return path
    path = Path(model).expanduser()
    if path.exists():
        if not (path / "meta.json").exists():
            raise ModelError(f"{path} is not a spaCy pipeline folder (it has no meta.json)")
        return path
    name = str(model)
    if "/" in name or "\\" in name or name.startswith("."):
        raise ModelError(f"no spaCy pipeline at {name}: the folder does not exist")
    if importlib.util.find_spec(name) is None:
        raise ModelError(
            f"spaCy pipeline '{name}' is not installed; install its package "
            f"(e.g. `pip install {name}` from a wheel or index that has it) "
            "or pass a pipeline folder with --model DIR"
        )
    return name


@functools.lru_cache(maxsize=4)
def load(model: str | Path | None = None) -> Language:
    """Load a pipeline once per process (``None``: the shipped one)."""
    import spacy

    target = resolve(model)
    try:
        return spacy.load(target)
    except (OSError, ValueError, KeyError) as exc:
        first_line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ModelError(f"cannot load spaCy pipeline {target}: {first_line}") from exc


def info(model: str | Path | None = None) -> dict[str, Any]:
    """What a pipeline is: components, labels, accuracy, training data, licences, size."""
    target = resolve(model)
    if isinstance(target, Path):
        path = target
    else:
        spec = importlib.util.find_spec(target)
        assert spec is not None and spec.origin is not None
        package = Path(spec.origin).parent
        metas = sorted(package.glob("*/meta.json"))
        path = metas[0].parent if metas else package
    meta = json.loads((path / "meta.json").read_text(encoding="utf-8"))
    size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file())
    return {
        "name": f"{meta.get('lang', '')}_{meta.get('name', '')}",
        "version": meta.get("version"),
        "spacy_version": meta.get("spacy_version"),
        "path": str(path),
        "size_bytes": size,
        "components": meta.get("pipeline", []),
        "labels": meta.get("labels", {}),
        "performance": meta.get("performance", {}),
        "benchmark": meta.get("kg_benchmark", {}),
        "sources": meta.get("sources", []),
        "license": meta.get("license"),
        "description": meta.get("description"),
    }
