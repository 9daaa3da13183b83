"""How far kg's graph links the things a text relates, and the shape of the network it exports.

    python benchmarks/linking.py [--shared ../shared] [--write]

**re3d relation linking.** All re3d documents (benchmarks/re3d.py reads them) are built into
a fresh store. An annotated relation of any type but "Is the same as" gives a *pair*: the
unordered pair of its two entity mentions in one document, so a relation annotated in both
directions, or with two types, counts once (a relation from a mention to itself is dropped).
A pair is *kept* when both mentions carry a type kg has an entity class for: Person
(kg:Person), Organisation (kg:Organization), Location (kg:Place), Nationality (kg:Group),
Temporal (kg:TimeExpression); Weapon, MilitaryPlatform, Vehicle, Quantity, Money and the rest
have none. A mention *maps* to every kg entity with a kg:Mention in that document sharing at
least one character with it (kg:start, kg:end; re3d's offsets are carried over kg's
whitespace normalisation of the text), of any entity class, or every referent (kg:Referent:
re3d annotates nominal mentions, "the camp", "U.S. service members"). kg *links* two distinct
such nodes in a document when that document's graph joins them by a path of at most two edges:
a direct edge (any property from one to the other: rel:*, kg:locatedIn, kg:anchor), or one
event, role (kg:Role), containment (kg:Containment) or referent with an edge to each (kg:* and
role:* event roles, kg:holder and kg:organization, kg:part and kg:whole, a referent's
kg:anchor), so two entities filling roles of one event are linked, even in the same role, and
so are two entities that define one referent ("the NATO mission in Iraq"). A path through a
named entity does not count. A pair
is *mapped* when both mentions map, *linked* when a node of one and a different node of the
other are linked, *within a sentence* when both mentions start in one kg:Sentence. The
precision-like figure counts the pairs of entities kg links in a document that are *annotated*:
one maps to one mention of a pair (of any kinds) and the other to the other; the *judged* ones
are those whose entities both map to some annotated mention. "Is the same as" pairs of kept
kinds are counted apart: how often both mentions map to one same node.

**Network shape.** The seed articles, the probe documents of benchmarks/golden.py and re3d,
each in its own store: the default network (``kg export --format graphml``) read back with
networkx, its nodes, edges, isolated nodes and largest connected part (edges undirected); and
the values of the event roles the ontology names (kg.terms.ROLE_PROPERTIES): literals, entity
links, quantity nodes, and the share of events none of whose role values is an entity.

``--write`` keeps the figures, with the commit they were measured on, in
benchmarks/results/linking.json. The corpora are read from ``../shared``; nothing of them is
kept in the repository.
"""

from __future__ import annotations

import argparse
import bisect
import io
import json
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import networkx as nx

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks import re3d  # noqa: E402
from benchmarks.golden import probes  # noqa: E402
from kg import api  # noqa: E402
from kg.store.embedded import Store  # noqa: E402
from kg.terms import ENTITY_CLASSES, KG, ROLE_PROPERTIES  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "linking.json"
# re3d's entity types that kg has an entity class for.
KINDS = {
    "Person": KG.Person,
    "Organisation": KG.Organization,
    "Location": KG.Place,
    "Nationality": KG.Group,
    "Temporal": KG.TimeExpression,
}
SAME_AS = "IsSynonymOf"
# The things a text talks about: named entities and unnamed referents (the mission, the troops).
_ENTITY_CLASSES = {*ENTITY_CLASSES.values(), KG.Entity, KG.Referent}
_ENTITY_IRIS = {str(c) for c in _ENTITY_CLASSES}
_REFERENT = str(KG.Referent)


def _values(terms: Iterable[object]) -> str:
    return " ".join(f"<{term}>" for term in terms)


_MENTIONS = """
SELECT ?doc ?entity ?start ?end WHERE {
  GRAPH ?doc { ?m a kg:Mention ; kg:mentionOf ?entity ; kg:start ?start ; kg:end ?end }
}"""
_SENTENCES = "SELECT ?doc ?start WHERE { GRAPH ?doc { ?s a kg:Sentence ; kg:start ?start } }"
# Every edge from an entity, event, role or containment to an entity, in its document's graph.
_EDGES = f"""
SELECT DISTINCT ?doc ?node ?kind ?entity WHERE {{
  GRAPH ?doc {{ ?node ?p ?entity . ?entity a ?class . ?node a ?kind . }}
  VALUES ?class {{ {_values(_ENTITY_CLASSES)} }}
  VALUES ?kind {{ {_values([*_ENTITY_CLASSES, KG.Event, KG.Role, KG.Containment])} }}
  FILTER(?node != ?entity)
}}"""
_ROLES = f"""
SELECT ?event ?kind WHERE {{
  GRAPH ?doc {{ ?event a kg:Event ; ?role ?value . }}
  VALUES ?role {{ {_values(ROLE_PROPERTIES.values())} }}
  BIND(IF(isLiteral(?value), "literal",
          IF(EXISTS {{ ?value a kg:Quantity }}, "quantity", "entity")) AS ?kind)
}}"""

Pair = frozenset[str]


@dataclass
class Stored:
    """What kg's store holds for one document: mentions, sentence starts, edges to entities."""

    mentions: list[tuple[int, int, str]] = field(default_factory=list)
    sentences: list[int] = field(default_factory=list)
    edges: list[tuple[str, str, str]] = field(default_factory=list)

    def nodes(self, span: re3d.Span) -> set[str]:
        """The entities with a mention sharing a character with ``span``."""
        return {e for start, end, e in self.mentions if start < span[1] and span[0] < end}

    def sentence(self, span: re3d.Span) -> int:
        return bisect.bisect_right(self.sentences, span[0])

    def links(self) -> set[Pair]:
        """The node pairs a direct edge, or one event, role, containment or referent joins."""
        direct, through = set(), defaultdict(set)
        for node, kind, entity in self.edges:
            if kind in _ENTITY_IRIS:
                direct.add(frozenset((node, entity)))
            if kind not in _ENTITY_IRIS or kind == _REFERENT:
                through[node].add(entity)
        return direct | {frozenset(p) for group in through.values() for p in combinations(group, 2)}


def stored(store: Store) -> dict[str, Stored]:
    """Each document's mentions, sentences and edges, by kg's document id."""
    docs: dict[str, Stored] = defaultdict(Stored)

    def rows(sparql: str) -> Iterable[tuple[Stored, list[str]]]:
        for row in api.query(sparql, store=store).rows:
            yield docs[str(row[0]).rpartition("/")[2]], [str(term) for term in row[1:]]

    for doc, (entity, start, end) in rows(_MENTIONS):
        doc.mentions.append((int(start), int(end), entity))
    for doc, (start,) in rows(_SENTENCES):
        doc.sentences.append(int(start))
    for doc, (node, kind, entity) in rows(_EDGES):
        doc.edges.append((node, kind, entity))
    for doc in docs.values():
        doc.sentences.sort()
    return docs


def joins(links: set[Pair], one: set[str], other: set[str]) -> set[Pair]:
    """The pairs of distinct nodes, one from each side, that are in ``links``."""
    return {pair for x in one for y in other if x != y and (pair := frozenset((x, y))) in links}


def linking(annotated: list[re3d.Document], graph: dict[str, Stored]) -> dict[str, object]:
    """The re3d figures: see the module docstring."""
    n: Counter[str] = Counter()
    for doc in annotated:
        kg = graph[doc.id]
        links = kg.links()
        kinds = {span for span, types in doc.types.items() if types & KINDS.keys()}
        related: set[Pair] = set()
        for pair, types in doc.relations.items():
            a, b = sorted(pair)
            nodes_a, nodes_b = kg.nodes(a), kg.nodes(b)
            kept = pair <= kinds
            if types == {SAME_AS}:
                n["same-as"] += kept
                n["same-as one node"] += kept and bool(nodes_a & nodes_b)
                continue
            related |= {frozenset((x, y)) for x in nodes_a for y in nodes_b if x != y}
            if not kept:
                n["other kinds"] += 1
                continue
            where = "one" if kg.sentence(a) == kg.sentence(b) else "across"
            for key in (where, "all"):
                n[f"{key} pairs"] += 1
                n[f"{key} mapped"] += bool(nodes_a and nodes_b)
                n[f"{key} linked"] += bool(joins(links, nodes_a, nodes_b))
        judged = {e for span in doc.types for e in kg.nodes(span)}
        n["kg links"] += len(links)
        n["kg links judged"] += sum(link <= judged for link in links)
        n["kg links annotated"] += len(links & related)

    def share(part: str, whole: str) -> float:
        return round(n[part] / n[whole], 3) if n[whole] else 0.0

    def row(key: str) -> dict[str, object]:
        return {
            "pairs": n[f"{key} pairs"],
            "mapped": share(f"{key} mapped", f"{key} pairs"),
            "linked": share(f"{key} linked", f"{key} pairs"),
            "linked_of_mapped": share(f"{key} linked", f"{key} mapped"),
        }

    return {
        "documents": len(annotated),
        "pairs_other_kinds": n["other kinds"],
        "one_sentence": share("one pairs", "all pairs"),
        "all": row("all"),
        "within_sentence": row("one"),
        "across_sentences": row("across"),
        "kg_links": n["kg links"],
        "kg_links_judged": n["kg links judged"],
        "kg_links_annotated": n["kg links annotated"],
        "annotated_of_kg_links": share("kg links annotated", "kg links"),
        "annotated_of_judged_kg_links": share("kg links annotated", "kg links judged"),
        "same_as_pairs": n["same-as"],
        "same_as_one_node": share("same-as one node", "same-as"),
    }


def shape(store: Store) -> dict[str, object]:
    """The default network's size and connectedness, and how event roles hold their values."""
    out = io.BytesIO()
    api.export(out, format="graphml", store=store)
    network = nx.read_graphml(io.BytesIO(out.getvalue()))
    nodes = network.number_of_nodes() or 1
    largest = max(map(len, nx.connected_components(network.to_undirected())), default=0)
    values: Counter[str] = Counter()
    with_entity: dict[str, bool] = defaultdict(bool)
    for event, kind in api.query(_ROLES, store=store).rows:
        values[str(kind)] += 1
        with_entity[str(event)] |= str(kind) == "entity"
    events = len(with_entity) or 1
    return {
        "nodes": network.number_of_nodes(),
        "edges": network.number_of_edges(),
        "isolated": round(nx.number_of_isolates(network) / nodes, 3),
        "largest_part": round(largest / nodes, 3),
        "role_literals": values["literal"],
        "role_entities": values["entity"],
        "role_quantities": values["quantity"],
        "events": len(with_entity),
        "events_without_entity": round(list(with_entity.values()).count(False) / events, 3),
    }


def build(documents: list[dict[str, str]] | list[Path], folder: Path) -> Store:
    """A fresh store in ``folder`` of ``documents``: text files, or records written as .jsonl."""
    folder.mkdir()
    sources = [str(path) for path in documents if isinstance(path, Path)]
    if not sources:
        sources = [str(folder / "documents.jsonl")]
        lines = "".join(json.dumps(record) + "\n" for record in documents)
        Path(sources[0]).write_text(lines, encoding="utf-8")
    api.build(sources, store=folder / "store")
    return Store(folder / "store", read_only=True)


def commit() -> dict[str, object]:
    """The commit measured, and whether kg's code in the working tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    changed = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "kg", "ontology"], cwd=ROOT)
    return {"commit": head.stdout.strip(), "kg_changed_since_commit": changed.returncode != 0}


def measure(shared: Path, work: Path) -> dict:
    annotated = list(re3d.documents(shared / "corpora" / "re3d"))
    if unaligned := sum(doc.unaligned for doc in annotated):
        print(f"warning: {unaligned} re3d mentions read differently in kg's text", file=sys.stderr)
    sets = {
        "seeds": sorted((shared / "seeds").resolve().glob("*.txt")),
        "probes": probes(shared),
        "re3d": [{"title": doc.title, "text": doc.original} for doc in annotated],
    }
    figures: dict = {**commit(), "network": {}}
    for name, documents in sets.items():
        started = time.perf_counter()
        with build(documents, work / name) as store:
            if name == "re3d":
                figures["re3d"] = linking(annotated, stored(store))
            figures["network"][name] = {"documents": len(documents), **shape(store)}
        print(f"{name}: {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return figures


def table(figures: dict) -> str:
    """The figures as a few lines of text."""
    r = figures["re3d"]
    lines = [
        f"re3d: {r['documents']} documents, {r['all']['pairs']} annotated pairs of kept kinds "
        f"({r['pairs_other_kinds']} of other kinds left out); "
        f"both sides in one sentence: {r['one_sentence']:.1%}",
        f"{'pairs':16}{'n':>6}{'mapped':>8}{'linked':>8}{'of mapped':>11}",
    ]
    for key in ("all", "within_sentence", "across_sentences"):
        row = r[key]
        lines.append(
            f"{key.replace('_', ' '):16}{row['pairs']:>6}{row['mapped']:>8.1%}"
            f"{row['linked']:>8.1%}{row['linked_of_mapped']:>11.1%}"
        )
    lines += [
        f"entity pairs kg links: {r['kg_links']}, annotated {r['annotated_of_kg_links']:.1%}; "
        f"{r['kg_links_judged']} between annotated mentions, "
        f"annotated {r['annotated_of_judged_kg_links']:.1%}",
        f"same-as pairs: {r['same_as_pairs']}, one node for both sides {r['same_as_one_node']:.1%}",
        "",
        f"{'network':8}{'docs':>5}{'nodes':>7}{'edges':>7}{'isolated':>10}{'largest':>9}"
        f"{'roles: text':>13}{'entity':>8}{'quantity':>10}{'events':>8}{'no entity':>11}",
    ]
    for name, s in figures["network"].items():
        lines.append(
            f"{name:8}{s['documents']:>5}{s['nodes']:>7}{s['edges']:>7}{s['isolated']:>10.1%}"
            f"{s['largest_part']:>9.1%}{s['role_literals']:>13}{s['role_entities']:>8}"
            f"{s['role_quantities']:>10}{s['events']:>8}{s['events_without_entity']:>11.1%}"
        )
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write", action="store_true", help=f"record {RESULTS.name}")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        figures = measure(args.shared, Path(tmp))
    print(table(figures))
    if args.write:
        RESULTS.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")
        print(f"recorded {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
