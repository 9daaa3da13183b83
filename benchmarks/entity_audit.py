"""Entity audit: how many of kg's entity nodes an analyst would find wrong, on unseen news.

    python benchmarks/entity_audit.py [--set tuned|fresh|unseen|blind|sealed] [--list] [--write]

The probe articles are five sets, each built into a fresh store with kg's shipped pipeline
and reported apart. *tuned*, benchmarks/probes/entities/*.txt: 24 short wire stories written
for this audit (sports, politics, science and space, software, culture, crime, business; names
from many languages), which kg's entity rules have been tuned on for several sessions.
*fresh*, benchmarks/probes/fresh/*.txt: 10 more stories of 250-280 words (rugby, cricket,
Formula 1, local politics, a court case, a chipmaker, aid groups and churches, an earthquake,
a fossil find, a novel's review) written later to tell whether a rule holds beyond the
articles that prompted it, and tuned on since. *unseen*, benchmarks/probes/unseen/*.txt: 10
stories of 280-300 words written on 2026-12-04, while rules were being tuned on the other two
(a football transfer, a tennis final, a central bank's rate cut, a ship
collision, a presidential election in Chile, a phone launch full of brand and product names,
a painter's retrospective, an antibiotic paper from three institutes, a supreme court ruling
on a data law, aid and militias in Darfur; Yoruba, Polish, Vietnamese, Chinese, Indian,
Spanish, Arabic, Greek and Mapuche names, with titles, hyphens, particles and initials): never
tuned on that day, it is tuned on as of 2026-12-05. *blind*,
benchmarks/probes/blind/*.txt: 10 stories of 280-300 words written on 2026-12-05 by an engineer
who had not read kg's entity rules (a wildfire evacuation in Alberta, a
gold miners' strike in Tanzania, an Indonesian weather satellite on a Japanese rocket, a film
festival award, a volleyball club final, ransomware at a German hospital, a pharmaceutical
takeover, a temple dig in Ethiopia, a language law in Moldova's parliament, floods in
Bangladesh; Irish, Cree, Swahili, Indonesian, Japanese, Thai, Amharic, Brazilian Portuguese,
Turkish, German and Dutch particles, Hungarian, Romanian, Russian and Bengali names, with
titles, nicknames, initials, agencies' acronyms, ships, drugs, satellites, laws and named
events): never tuned on when written, it is tuned on as of the evening of 2026-12-05.
*sealed*, benchmarks/probes/sealed/*.txt: 12 stories of 280-320 words written on 2026-12-05
by another engineer who had not read the rules, and never tuned on (a port strike in Gdańsk,
an election in Samoa, a Vietnamese airline's jet order, an esports final in Busan, a museum
returning Māori carvings, a typhoon in the Philippines, a pop tour cancelled, a Czech bank
fined, a mountain rescue in Norway, a university ranking, a frigate captain's trial before a
military tribunal, a Lassa fever vaccine trial; Polish, Samoan, Vietnamese, Korean, Māori,
Scandinavian, Finnish, Filipino, Greek, Czech, Persian, Spanish, Italian, Yoruba, Igbo and
Arabic names, with titles, nicknames, hyphens, apostrophes, particles, acronyms, corporate
suffixes, clubs and firms named after places, ships, aircraft and model codes, laws and a
named storm): it tells whether the rules tuned on the other four hold on text nobody tuned
on. Each set has its own gold list. Each article's
entity nodes (kg:Person, kg:Organization, kg:Place, kg:Group, kg:NamedEvent, or plain
kg:Entity; dates and referents are left out) are read from its named graph with their label,
class, aliases (skos:altLabel) and mentions (kg:text, kg:start, kg:end), and matched against
the set's hand-written gold list, gold.tsv in its folder: per article, every named
person, organization, place, group (nationalities, languages, peoples), named event and other
named thing (spacecraft, software, books, films, ships, laws, prizes: type Entity), as
``file, name, type, other spellings``. A type written ``A|B`` accepts either class (a palace
that speaks for a government); other spellings are ``|``-joined.

Matching rules. Names are compared *normalized*: Unicode NFC, curly apostrophes made
straight, case folded, runs of white space made one space, quotes and punctuation at either
end dropped, a final possessive 's dropped, a leading "the " dropped ("the Netherlands" =
"Netherlands", "BRUSSELS" = "Brussels", "U.S." = "U.S"). Diacritics are kept: "Erdogan" is
not "Erdoğan". A gold name *occurs* wherever the article's text (as kg reads it) holds it,
case-insensitively, not inside a longer word. For each node:

- its *entity* is the gold entity whose name is the node's label; failing that, the first
  gold entity named by one of its mentions or aliases;
- **junk**: neither its label, nor a mention, nor an alias is a gold name, and no mention
  (for a node without mentions: no place where its label is written) overlaps an occurrence
  of a gold name: it is not an entity at all;
- **cut or run-on**: not junk, its label is not a gold name but is written in the article
  ("Leung Chun" for "Leung Chun-ying", "United States Helen Achterberg");
- **wrong type**: it has an entity and its class is not one the gold type accepts;
- **duplicate**: another node of the article has the same entity; of the nodes of one entity,
  the one whose label is a gold name with a right class (then the one labelled with the gold
  list's first name, then the most mentions, then the label) is kept and the others are
  duplicates;
- **renamed**: its label is written nowhere in the article and is not one of the article's
  gold names (the gold list may give the natural order of a "Surname, Given" book entry);
- **merged**: its label, mentions and aliases name two or more gold entities (two people
  joined on a shared first name; a surname joined to a place).

A node may have several problems; the *problem share* counts each node once. A gold entity
is **missed** when no node has it among the entities its label, mentions or aliases name.

``--list`` prints every node with a problem; ``--write`` keeps the five sets' figures, with
the commit they were measured on and the nodes with problems, in
benchmarks/results/entity_audit.json (the tuned set's at the top, the others under ``fresh``,
``unseen``, ``blind`` and ``sealed``); ``--set`` audits one set only.
"""

from __future__ import annotations

import argparse
import csv
import json
import re
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PROBES = ROOT / "benchmarks" / "probes" / "entities"
GOLD = PROBES / "gold.tsv"
FRESH = ROOT / "benchmarks" / "probes" / "fresh"
UNSEEN = ROOT / "benchmarks" / "probes" / "unseen"
BLIND = ROOT / "benchmarks" / "probes" / "blind"
SEALED = ROOT / "benchmarks" / "probes" / "sealed"
SETS = {"tuned": PROBES, "fresh": FRESH, "unseen": UNSEEN, "blind": BLIND, "sealed": SEALED}
TITLES = {
    "tuned": "tuned: the probes the rules were tuned on",
    "fresh": "fresh: written later, tuned on since",
    "unseen": "unseen: written 2026-12-04, tuned on as of 2026-12-05",
    "blind": "blind: written 2026-12-05, tuned on as of that evening",
    "sealed": "sealed: written 2026-12-05, never tuned on",
}
# Sets nobody tunes on: --write keeps their counts only, not which nodes and names went wrong,
# so that no one reads their errors while tuning rules (--list still prints them).
COUNTS_ONLY = frozenset({"sealed"})
RESULTS = ROOT / "benchmarks" / "results" / "entity_audit.json"
KINDS = ("junk", "cut", "type", "duplicate", "renamed", "merged")
TYPES = ("Person", "Organization", "Place", "Group", "NamedEvent", "Entity")
_EDGE_PUNCTUATION = " \t\n.,;:!?\"'()[]«»“”‘’-–—"


@dataclass(frozen=True)
class GoldEntity:
    """One entity an article names: its name as written, accepted classes, other spellings."""

    name: str
    types: frozenset[str]
    spellings: tuple[str, ...] = ()

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.spellings)


@dataclass(frozen=True)
class Mention:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Node:
    """An entity node as one article's graph holds it."""

    iri: str
    label: str
    type: str
    aliases: tuple[str, ...] = ()
    mentions: tuple[Mention, ...] = ()


@dataclass(frozen=True)
class Verdict:
    node: Node
    entity: GoldEntity | None
    problems: tuple[str, ...]


@dataclass
class Audit:
    """One article's (or all articles') verdicts and missed gold entities."""

    verdicts: list[Verdict] = field(default_factory=list)
    missed: list[GoldEntity] = field(default_factory=list)
    gold: int = 0

    def counts(self) -> dict[str, int | float]:
        kinds = Counter(kind for v in self.verdicts for kind in v.problems)
        wrong = sum(bool(v.problems) for v in self.verdicts)
        nodes = len(self.verdicts)
        return {
            "nodes": nodes,
            **{kind: kinds[kind] for kind in KINDS},
            "with_problem": wrong,
            "problem_share": round(wrong / nodes, 3) if nodes else 0.0,
            "gold": self.gold,
            "missed": len(self.missed),
        }


def normalize(name: str) -> str:
    """A name as the matching rules compare it (see the module docstring)."""
    name = unicodedata.normalize("NFC", name).replace("’", "'").replace("‘", "'").casefold()
    name = " ".join(name.split()).strip(_EDGE_PUNCTUATION)
    if name.endswith("'s"):
        name = name[:-2]
    if name.startswith("the "):
        name = name[4:]
    return name.strip(_EDGE_PUNCTUATION)


def occurrences(name: str, text: str) -> list[tuple[int, int]]:
    """Where ``name`` is written in ``text``, case-insensitively, not inside a longer word."""
    pattern = re.compile(r"(?<!\w)" + re.escape(name) + r"(?!\w)", re.IGNORECASE)
    return [m.span() for m in pattern.finditer(text)]


def written(label: str, text: str) -> bool:
    """Whether the article writes ``label`` (normalized, apostrophes and spaces alike)."""
    flat = " ".join(unicodedata.normalize("NFC", text).replace("’", "'").split())
    core = normalize(label)
    return bool(core) and bool(occurrences(core, flat.casefold()))


def audit(text: str, gold: list[GoldEntity], nodes: Iterable[Node]) -> Audit:
    """Judge one article's nodes against its gold entities by the module's matching rules."""
    by_name = _names(gold)
    spans = [span for e in gold for name in e.names for span in occurrences(name, text)]
    judged = [_judge(node, text, by_name, spans) for node in nodes]
    kept: dict[str, tuple[tuple[bool, bool, int, str], str]] = {}
    for node, entity, _ in judged:
        if entity is None:
            continue
        exact = normalize(node.label) in {normalize(name) for name in entity.names}
        canonical = normalize(node.label) == normalize(entity.name)
        rank = (exact and node.type in entity.types, canonical, len(node.mentions), node.label)
        if entity.name not in kept or rank > kept[entity.name][0]:
            kept[entity.name] = (rank, node.iri)
    result = Audit(gold=len(gold))
    for node, entity, problems in judged:
        if entity is not None and kept[entity.name][1] != node.iri:
            problems.append("duplicate")
        order = [kind for kind in KINDS if kind in problems]
        result.verdicts.append(Verdict(node, entity, tuple(order)))
    found = {e.name for node, _, _ in judged for e in _named(node, by_name)}
    result.missed = [e for e in gold if e.name not in found]
    return result


def _names(gold: list[GoldEntity]) -> dict[str, GoldEntity]:
    """Each normalized gold name's entity; a name given to two entities is an error."""
    by_name: dict[str, GoldEntity] = {}
    for entity in gold:
        for name in entity.names:
            other = by_name.setdefault(normalize(name), entity)
            if other != entity:
                raise ValueError(f"gold gives {name!r} to both {other.name!r} and {entity.name!r}")
    return by_name


def _named(node: Node, by_name: dict[str, GoldEntity]) -> list[GoldEntity]:
    """The gold entities a node's label, then its mentions and aliases, name (in that order)."""
    names = [node.label, *(m.text for m in node.mentions), *node.aliases]
    return list({e.name: e for name in names if (e := by_name.get(normalize(name)))}.values())


def _judge(
    node: Node, text: str, by_name: dict[str, GoldEntity], spans: list[tuple[int, int]]
) -> tuple[Node, GoldEntity | None, list[str]]:
    """A node's entity and its problems but duplicate (which needs the article's other nodes)."""
    label_entity = by_name.get(normalize(node.label))
    named = _named(node, by_name)
    entity = named[0] if named else None
    places = [(m.start, m.end) for m in node.mentions] or occurrences(node.label, text)
    junk = entity is None and not any(s < b and a < e for s, e in places for a, b in spans)
    renamed = label_entity is None and not written(node.label, text)
    problems = {
        "junk": junk,
        "cut": label_entity is None and not renamed and not junk,
        "type": entity is not None and node.type not in entity.types,
        "renamed": renamed,
        "merged": len(named) > 1,
    }
    return node, entity, [kind for kind, found in problems.items() if found]


def read_gold(path: Path = GOLD) -> dict[str, list[GoldEntity]]:
    """The gold list, by article file name."""
    gold: dict[str, list[GoldEntity]] = defaultdict(list)
    with path.open(encoding="utf-8", newline="") as lines:
        for row in csv.reader(lines, delimiter="\t"):
            if not row or row[0].startswith("#"):
                continue
            file, name, types, spellings = (row + [""] * 4)[:4]
            accepted = frozenset(types.split("|"))
            if unknown := accepted - set(TYPES):
                raise ValueError(f"{file}: {name}: unknown type {', '.join(sorted(unknown))}")
            gold[file].append(GoldEntity(name, accepted, tuple(filter(None, spellings.split("|")))))
    return dict(gold)


_CLASSES = " ".join(f"kg:{name}" for name in TYPES)
_NODES = f"""
SELECT ?doc ?node ?class ?label WHERE {{
  GRAPH ?doc {{ ?node a ?class ; rdfs:label ?label }}
  VALUES ?class {{ {_CLASSES} }}
}}"""
_ALIASES = f"""
SELECT ?doc ?node ?alias WHERE {{
  GRAPH ?doc {{ ?node a ?class ; skos:altLabel ?alias }}
  VALUES ?class {{ {_CLASSES} }}
}}"""
_MENTIONS = """
SELECT ?doc ?node ?text ?start ?end WHERE {
  GRAPH ?doc { ?m a kg:Mention ; kg:mentionOf ?node ; kg:text ?text ; kg:start ?start ;
                  kg:end ?end }
}"""


def stored_nodes(store: object) -> dict[str, list[Node]]:
    """Each document's entity nodes, by kg's document id."""
    from kg import api

    def rows(sparql: str) -> Iterable[tuple[str, list[str]]]:
        for row in api.query(sparql, store=store).rows:  # type: ignore[arg-type]
            yield str(row[0]).rpartition("/")[2], [str(term) for term in row[1:]]

    classes: dict[tuple[str, str], set[str]] = defaultdict(set)
    labels: dict[tuple[str, str], str] = {}
    for doc, (node, cls, label) in rows(_NODES):
        classes[doc, node].add(cls.rpartition("#")[2])
        labels[doc, node] = min(labels.get((doc, node), label), label)
    aliases: dict[tuple[str, str], list[str]] = defaultdict(list)
    for doc, (node, alias) in rows(_ALIASES):
        aliases[doc, node].append(alias)
    mentions: dict[tuple[str, str], list[Mention]] = defaultdict(list)
    for doc, (node, text, start, end) in rows(_MENTIONS):
        if (doc, node) in labels:
            mentions[doc, node].append(Mention(text, int(start), int(end)))
    nodes: dict[str, list[Node]] = defaultdict(list)
    for (doc, node), label in sorted(labels.items()):
        kind = "+".join(sorted(classes[doc, node]))
        found = tuple(sorted(mentions[doc, node], key=lambda m: m.start))
        nodes[doc].append(Node(node, label, kind, tuple(sorted(aliases[doc, node])), found))
    return nodes


def measure(work: Path, probes: Path = PROBES) -> dict[str, Audit]:
    """Build one set's probe articles into a fresh store in ``work`` and audit each."""
    from kg import api
    from kg.records import Document
    from kg.sources import iter_documents
    from kg.store.embedded import Store

    gold = read_gold(probes / "gold.tsv")
    paths = sorted(probes.glob("*.txt"))
    if missing := set(gold) - {path.name for path in paths}:
        raise SystemExit(f"gold.tsv names articles that are not there: {', '.join(missing)}")
    api.build([str(path) for path in paths], store=work / "store")
    with Store(work / "store", read_only=True) as store:
        nodes = stored_nodes(store)
    audits = {}
    for item in iter_documents(paths):
        if isinstance(item, Document):
            name = Path(item.source or "").name
            audits[name] = audit(item.text, gold.get(name, []), nodes.get(item.id, []))
    return audits


def commit() -> dict[str, object]:
    """The commit measured, and whether kg's code in the working tree differs from it."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True)
    changed = subprocess.run(["git", "diff", "--quiet", "HEAD", "--", "kg", "ontology"], cwd=ROOT)
    return {"commit": head.stdout.strip(), "kg_changed_since_commit": changed.returncode != 0}


def total(audits: dict[str, Audit]) -> Audit:
    whole = Audit()
    for one in audits.values():
        whole.verdicts += one.verdicts
        whole.missed += one.missed
        whole.gold += one.gold
    return whole


def table(audits: dict[str, Audit]) -> str:
    """Per article and in total: nodes, each kind of problem, problem share, missed gold."""
    heads = ("nodes", *KINDS, "problem", "missed")
    lines = [f"{'article':22}" + "".join(f"{h:>10}" for h in heads)]
    for name, one in [*audits.items(), ("total", total(audits))]:
        n = one.counts()
        cells = [n["nodes"], *(n[kind] for kind in KINDS)]
        missed = f"{n['missed']}/{n['gold']}"
        lines.append(
            f"{name.removesuffix('.txt'):22}"
            + "".join(f"{c:>10}" for c in cells)
            + f"{n['problem_share']:>10.1%}{missed:>10}"
        )
    whole = total(audits).counts()
    nodes = whole["nodes"] or 1
    shares = ", ".join(f"{kind} {whole[kind] / nodes:.1%}" for kind in KINDS)
    lines.append(f"shares of nodes: {shares}")
    return "\n".join(lines)


def problems(audits: dict[str, Audit]) -> list[dict[str, object]]:
    """Every node with a problem: article, label, class, problems, the gold entity."""
    return [
        {
            "article": name,
            "label": v.node.label,
            "type": v.node.type,
            "problems": list(v.problems),
            "gold": v.entity.name if v.entity else None,
            "mentions": sorted({m.text for m in v.node.mentions}),
        }
        for name, one in audits.items()
        for v in one.verdicts
        if v.problems
    ]


def figures(audits: dict[str, Audit]) -> dict[str, object]:
    """One set's figures as --write keeps them."""
    return {
        "articles": {name: one.counts() for name, one in audits.items()},
        "total": total(audits).counts(),
        "problems": problems(audits),
        "missed": [
            {"article": name, "name": e.name, "type": "|".join(sorted(e.types))}
            for name, one in audits.items()
            for e in one.missed
        ],
    }


def counts_only(audits: dict[str, Audit]) -> dict[str, object]:
    """A set's figures without the nodes and names behind them."""
    return {
        "articles": {name: one.counts() for name, one in audits.items()},
        "total": total(audits).counts(),
    }


def listing(audits: dict[str, Audit]) -> list[str]:
    """Each node with a problem, then each missed gold entity, one line each."""
    lines = []
    for row in problems(audits):
        gold = f" (gold: {row['gold']})" if row["gold"] else ""
        said = "; ".join(row["mentions"])  # type: ignore[arg-type]
        lines.append(
            f"{row['article']:24} {', '.join(row['problems']):16} "  # type: ignore[arg-type]
            f"{row['label']!r} {row['type']}{gold} [{said}]"
        )
    for name, one in audits.items():
        for entity in one.missed:
            lines.append(
                f"{name:24} missed           {entity.name!r} {'|'.join(sorted(entity.types))}"
            )
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=sorted(SETS), help="audit one set of probes only")
    parser.add_argument("--list", action="store_true", help="print each node with a problem")
    parser.add_argument("--write", action="store_true", help=f"record {RESULTS.name}")
    args = parser.parse_args()
    if args.write and args.set:
        parser.error("--write records every set; leave out --set")
    names = [args.set] if args.set else list(SETS)
    measured = {}
    for name in names:
        with tempfile.TemporaryDirectory() as tmp:
            measured[name] = measure(Path(tmp), SETS[name])
        print(f"== {TITLES[name]}")
        print(table(measured[name]))
        if args.list:
            print("\n".join(listing(measured[name])))
    if args.write:
        others = {
            name: counts_only(measured[name]) if name in COUNTS_ONLY else figures(measured[name])
            for name in names
            if name != "tuned"
        }
        recorded = {**commit(), **figures(measured["tuned"]), **others}
        RESULTS.write_text(json.dumps(recorded, indent=2, ensure_ascii=False) + "\n", "utf-8")
        print(f"recorded {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
