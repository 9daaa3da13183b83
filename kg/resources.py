"""Find the ontology and the named queries, in a source checkout or in an installed wheel.

The wheel carries ``ontology/`` and ``queries/`` as ``kg/_resources/{ontology,queries}``
(hatchling force-include, see pyproject.toml); a checkout (or an editable install) has them at
the repository root.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

__all__ = ["ontology_text", "query_names", "query_text", "resource_dir"]

Kind = Literal["ontology", "queries"]

_REPO_ROOT = Path(__file__).resolve().parent.parent


def resource_dir(kind: Kind) -> Traversable:
    """The folder holding the ontology files or the named queries."""
    installed = files("kg") / "_resources" / kind
    if installed.is_dir():
        return installed
    return _REPO_ROOT / kind


def ontology_text(name: str = "kg.ttl") -> str:
    """The text of ``ontology/<name>`` (kg.ttl or shapes.ttl)."""
    return (resource_dir("ontology") / name).read_text(encoding="utf-8")


def query_names() -> list[str]:
    """The names of the shipped queries, sorted: ``who-announced`` for who-announced.rq."""
    folder = resource_dir("queries")
    if not folder.is_dir():
        return []
    return sorted(item.name[:-3] for item in folder.iterdir() if item.name.endswith(".rq"))


def query_text(name: str) -> str | None:
    """The text of the shipped query ``name``, or None when there is none."""
    item = resource_dir("queries") / f"{name}.rq"
    return item.read_text(encoding="utf-8") if item.is_file() else None
