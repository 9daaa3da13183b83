"""An offline graph viewer: one self-contained HTML file, no network, no framework.

The page holds the projected network (``kg.exporters.projection``) with positions from
``kg.exporters.layout``, and for each node the sentences behind its relations (with the
co-occurrence projection, the sentences that name it), each credited to its article's title
and date. ``viewer.js`` (kg's own, inlined) draws it on a canvas scaled to the window: pan,
zoom, search, a legend by entity type, the most connected nodes labelled, edge labels on
hover, a side panel for a clicked node (up to 25 sentences, of its latest articles first).
Article text reaches the page only as JSON data and the script only ever sets
``textContent``, so nothing in an article can run as code.

``#search=NAME`` in the page's address runs a search and opens the first match on load;
``#click=NAME`` searches, then clicks the first match on the canvas.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from typing import TextIO

from rdflib import URIRef
from rdflib.term import Identifier

from kg.exporters.elements import node_id
from kg.exporters.layout import layout
from kg.exporters.network import NetworkOptions, project_with
from kg.exporters.network_xml import COLOURS, node_size
from kg.store.protocol import GraphStore
from kg.store.sparqltext import inject_rows

__all__ = ["DEFAULT_MAX_NODES", "write_viewer"]

DEFAULT_MAX_NODES = 300
SENTENCES_PER_NODE = 25

# The sentences behind an entity's facts (the events, statements, quotes and roles it has a part
# in), or (co-occurrence) every sentence that names it, each with its article and how many of
# the entity's facts or mentions it holds. Texts and articles are read for the sentences kept
# only: a whole row of text and credits for each (1.6 CPU-s at 3 million triples) was most of it.
_NAMED_IN = {
    "relations": """
SELECT ?entity ?sentence ?doc (COUNT(?fact) AS ?n) WHERE {
  ?fact ?role ?entity FILTER(?role != kg:mentionOf)
  ?fact prov:wasDerivedFrom ?sentence .
  ?sentence dcterms:isPartOf ?doc .
} GROUP BY ?entity ?sentence ?doc
""",
    "cooccurrence": """
SELECT ?entity ?sentence ?doc (COUNT(?mention) AS ?n) WHERE {
  GRAPH ?doc { ?mention kg:mentionOf ?entity ; dcterms:isPartOf ?sentence }
} GROUP BY ?entity ?sentence ?doc
""",
}
_TEXTS = "SELECT ?sentence ?text WHERE { ?sentence kg:text ?text }"
_ARTICLES = """
SELECT ?doc ?date ?citation ?source ?url WHERE {
  OPTIONAL { ?doc dcterms:date ?date }
  OPTIONAL { ?doc dcterms:bibliographicCitation ?citation }
  OPTIONAL { ?doc dcterms:source ?source }
  OPTIONAL { ?doc kg:url ?url }
}
"""


def write_viewer(source: GraphStore, out: TextIO, *, options: NetworkOptions | None = None) -> int:
    """Write the viewer page for ``source`` to ``out``; return the number of nodes shown."""
    options = options or NetworkOptions(max_nodes=DEFAULT_MAX_NODES)
    projection = project_with(source, options)
    positions = layout(projection)
    # Only the shown entities' sentences: the store may hold many more.
    sentences = _sentences(source, [URIRef(n.iri) for n in projection.nodes], options.projection)
    data = {
        "directed": projection.directed,
        "types": {t: "rgb({},{},{})".format(*c) for t, c in COLOURS.items()},
        "nodes": [
            {
                "id": n.id,
                "label": n.label,
                "type": n.entity_type,
                "mentions": n.mention_count,
                "docs": n.doc_count,
                "aliases": list(n.aliases),
                "size": node_size(n),
                "x": positions.get(n.id, (0.0, 0.0))[0],
                "y": positions.get(n.id, (0.0, 0.0))[1],
                "sentences": sorted(sentences.get(n.id, [])),
            }
            for n in projection.nodes
        ],
        "edges": [
            {"source": e.source, "target": e.target, "label": e.label, "weight": e.weight}
            for e in projection.edges
        ],
    }
    # JSON inside <script>: "<" escaped, so no text can close the element or open a comment.
    payload = json.dumps(data, ensure_ascii=False, sort_keys=True).replace("<", "\\u003c")
    assets = resources.files(__package__)
    page = (
        assets.joinpath("viewer.html")
        .read_text(encoding="utf-8")
        .replace("/*KG-STYLE*/", assets.joinpath("viewer.css").read_text(encoding="utf-8"))
        .replace("/*KG-SCRIPT*/", assets.joinpath("viewer.js").read_text(encoding="utf-8"))
        .replace("/*KG-DATA*/", payload)
    )
    out.write(page)
    return len(projection.nodes)


def _sentences(
    source: GraphStore, entities: list[URIRef], projection: str
) -> dict[str, list[list[str]]]:
    """Up to SENTENCES_PER_NODE sentences for each of ``entities`` by node id, as [text,
    credit, where]: those of the latest articles first, then those holding more of its facts."""
    if not entities:
        return {}
    query = inject_rows(_NAMED_IN[projection], ["entity"], [[e] for e in entities])
    named = source.query(query).dicts()
    articles = _articles(source, sorted({row["doc"] for row in named}))
    found: dict[str, list[tuple[str, int, str, str]]] = defaultdict(list)
    for row in named:
        doc = str(row["doc"])
        date = articles[doc][0] if doc in articles else ""
        found[node_id(str(row["entity"]))].append((date, int(row["n"]), str(row["sentence"]), doc))
    kept: dict[str, list[tuple[str, int, str, str]]] = {}
    for key, rows in found.items():
        rows.sort(key=lambda r: r[2])  # stable: the sentence decides between equals
        rows.sort(key=lambda r: (r[0], r[1]), reverse=True)
        kept[key] = rows[:SENTENCES_PER_NODE]
    chosen = [[URIRef(s)] for s in sorted({r[2] for rows in kept.values() for r in rows})]
    texts = {
        str(row["sentence"]): str(row["text"])
        for row in source.query(inject_rows(_TEXTS, ["sentence"], chosen)).dicts()
    }
    return {
        key: [
            list(t)
            for t in dict.fromkeys(
                (texts[s], *articles[doc][1:]) for _, _, s, doc in rows if s in texts
            )
        ]
        for key, rows in kept.items()
    }


def _articles(source: GraphStore, docs: list[Identifier]) -> dict[str, tuple[str, str, str]]:
    """Each article's date ("" where it has none), credit (its citation, or where it is) and
    where it is (its address, its source file, or its IRI)."""
    values: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    if docs:
        for row in source.query(inject_rows(_ARTICLES, ["doc"], [[d] for d in docs])).dicts():
            for name, value in row.items():
                values[str(row["doc"])][name].add(str(value))
    found = {}
    for doc, given in values.items():
        where = min(given["url"] or given["source"] or {doc})
        found[doc] = (min(given["date"] or {""}), min(given["citation"] or {where}), where)
    return found
