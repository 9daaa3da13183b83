"""An offline graph viewer: one self-contained HTML file, no network, no framework.

The page holds the projected network (``kg.exporters.projection``) with positions from
``kg.exporters.layout``, and for each node the sentences behind its relations (with the
co-occurrence projection, the sentences that name it), each credited to its article's title
and date. ``viewer.js`` (kg's own, inlined) draws it on a canvas scaled to the window: pan,
zoom, search, a legend by entity type, the most connected nodes labelled, edge labels on
hover, a side panel for a clicked node. Article text reaches the page only as JSON data and
the script only ever sets ``textContent``, so nothing in an article can run as code.

``#search=NAME`` in the page's address runs a search and opens the first match on load;
``#click=NAME`` searches, then clicks the first match on the canvas.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib import resources
from typing import TextIO

from rdflib import URIRef

from kg.exporters.elements import node_id
from kg.exporters.layout import layout
from kg.exporters.network import NetworkOptions, project_with
from kg.exporters.network_xml import COLOURS, node_size
from kg.store.protocol import GraphStore
from kg.store.sparqltext import inject_rows

__all__ = ["DEFAULT_MAX_NODES", "write_viewer"]

DEFAULT_MAX_NODES = 300
SENTENCES_PER_NODE = 25

# An entity's sentences with their article: those behind its relations, or (co-occurrence)
# every sentence that names it.
_SENTENCES = {
    "relations": """
SELECT DISTINCT ?entity ?text ?doc ?citation ?source ?url WHERE {
  ?fact prov:wasDerivedFrom ?sentence ; ?role ?entity .
  ?sentence kg:text ?text ; dcterms:isPartOf ?doc .
  OPTIONAL { ?doc dcterms:bibliographicCitation ?citation }
  OPTIONAL { SELECT ?doc (MIN(?from) AS ?source) WHERE { ?doc dcterms:source ?from } GROUP BY ?doc }
  OPTIONAL { ?doc kg:url ?url }
}
""",
    "cooccurrence": """
SELECT DISTINCT ?entity ?text ?doc ?citation ?source ?url WHERE {
  ?mention kg:mentionOf ?entity ; dcterms:isPartOf ?sentence .
  ?sentence kg:text ?text ; dcterms:isPartOf ?doc .
  OPTIONAL { ?doc dcterms:bibliographicCitation ?citation }
  OPTIONAL { SELECT ?doc (MIN(?from) AS ?source) WHERE { ?doc dcterms:source ?from } GROUP BY ?doc }
  OPTIONAL { ?doc kg:url ?url }
}
""",
}


def write_viewer(source: GraphStore, out: TextIO, *, options: NetworkOptions | None = None) -> int:
    """Write the viewer page for ``source`` to ``out``; return the number of nodes shown."""
    options = options or NetworkOptions(max_nodes=DEFAULT_MAX_NODES)
    projection = project_with(source, options)
    positions = layout(projection)
    sentences: dict[str, list[list[str]]] = defaultdict(list)
    # Only the shown entities' sentences: the store may hold many more.
    shown = [[URIRef(n.iri)] for n in projection.nodes]
    query = _SENTENCES[options.projection]
    rows = source.query(inject_rows(query, ["entity"], shown)).dicts() if shown else []
    for row in rows:
        key = node_id(str(row["entity"]))
        if len(sentences[key]) < SENTENCES_PER_NODE:
            where = str(row.get("url") or row.get("source") or row["doc"])
            credit = str(row.get("citation") or where)
            sentences[key].append([str(row["text"]), credit, where])
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
