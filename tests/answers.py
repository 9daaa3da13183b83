"""Reading the competency questions' answers off a built store: by name, not by IRI.

Shared by the tests that build a store with a real pipeline (conftest's stores, test_seeds,
test_end_to_end, test_cli), with the pipeline and the inputs they build from. Entities are
compared by label or alias, case-insensitively, so a test states "Jens Stoltenberg" and not the
IRI a key happens to give.
"""

from __future__ import annotations

import os
from pathlib import Path

import kg
from kg.store.embedded import Store

# The pipeline the slow tests build with: the shipped one (None), or KG_TEST_MODEL's.
MODEL: str | None = os.environ.get("KG_TEST_MODEL") or None
# What they build: the repository's two examples, and the seed articles beside the repository.
EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SEEDS = Path(__file__).resolve().parents[2] / "shared" / "seeds"
SEEDS_MISSING = (
    f"the seed articles are not at {SEEDS}; they live beside the repository, in ../shared"
)

# Facts (events, quotes, roles) not traceable to a sentence with its text and position in a
# document. Empty when every fact is linked.
UNLINKED_FACTS = """
SELECT ?fact ?kind WHERE {
  VALUES ?kind { kg:Event kg:Quote kg:Role }
  ?fact a ?kind .
  FILTER NOT EXISTS {
    ?fact prov:wasDerivedFrom ?sentence .
    ?sentence kg:text ?text ; kg:index ?index ; kg:start ?start ; kg:end ?end ;
              dcterms:isPartOf ?document .
    ?document a kg:Document .
  }
}
"""
FACT_COUNT = "SELECT (COUNT(DISTINCT ?fact) AS ?n) WHERE { ?fact prov:wasDerivedFrom ?s }"
SENTENCES = """
SELECT ?source ?text ?start ?end WHERE {
  ?sentence a kg:Sentence ; kg:text ?text ; kg:start ?start ; kg:end ?end ;
            dcterms:isPartOf ?document .
  ?document dcterms:source ?source .
}
"""
_NAMES = "SELECT ?entity ?name WHERE { ?entity rdfs:label|skos:altLabel ?name }"


def rows(store: Store | Path, query: str, **params: str) -> list[dict[str, str]]:
    """A named query's rows as plain strings (unbound variables left out)."""
    result = kg.query(query, store=store, params=params)
    return [{k: str(v) for k, v in row.items()} for row in result.dicts()]


class Names:
    """Every entity's label and aliases, case-folded."""

    def __init__(self, store: Store | Path):
        self.by_entity: dict[str, set[str]] = {}
        for row in rows(store, _NAMES):
            self.by_entity.setdefault(row["entity"], set()).add(row["name"].casefold())

    def of(self, entity: str) -> set[str]:
        """The names of ``entity`` (an IRI); none for a literal or an unknown IRI."""
        return self.by_entity.get(entity, set())

    def is_named(self, entity: str, *names: str) -> bool:
        """Whether ``entity`` goes by any of ``names``."""
        return bool(self.of(entity) & {n.casefold() for n in names})


def documents(store: Store | Path) -> dict[str, str]:
    """File name (without folder) → document IRI."""
    return {Path(r["source"]).name: r["document"] for r in rows(store, "documents")}
