"""One IRI per event, and every mapped document conforms to the shapes: over generated parses
and over real sentences through the shipped pipeline.

Two clauses of one sentence once shared an event IRI ("It was the deadliest attack": a copula
and an event noun on one token), so one node carried two predicates, two spans and two
confidences. These properties hold that shut for any parse the extractor may be given.
"""

from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from answers import EXAMPLES, MODEL
from doc_table import build, document
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import URIRef
from rdflib.namespace import RDF

from benchmarks.golden import re3d_articles
from kg import iris
from kg.extract import extract, pipeline_aliases
from kg.mapping import map_extraction
from kg.queries.shacl import validate_quads
from kg.records import Document, Extraction
from kg.terms import KG

# Words the generated sentences are made of: (word, UPOS, Penn tag, lemma, entity label).
WORDS = [
    ("NATO", "PROPN", "NNP", "NATO", "ORG"),
    ("Stoltenberg", "PROPN", "NNP", "Stoltenberg", "PERSON"),
    ("Iraq", "PROPN", "NNP", "Iraq", "GPE"),
    ("Erbil", "PROPN", "NNP", "Erbil", "GPE"),
    ("Monday", "PROPN", "NNP", "Monday", "DATE"),
    ("attack", "NOUN", "NN", "attack", "O"),
    ("bombing", "NOUN", "NN", "bombing", "O"),
    ("mission", "NOUN", "NN", "mission", "O"),
    ("expansion", "NOUN", "NN", "expansion", "O"),
    ("announcement", "NOUN", "NN", "announcement", "O"),
    ("troops", "NOUN", "NNS", "troop", "O"),
    ("base", "NOUN", "NN", "base", "O"),
    ("contractor", "NOUN", "NN", "contractor", "O"),
    ("said", "VERB", "VBD", "say", "O"),
    ("announced", "VERB", "VBD", "announce", "O"),
    ("attacked", "VERB", "VBD", "attack", "O"),
    ("expanded", "VERB", "VBD", "expand", "O"),
    ("killed", "VERB", "VBN", "kill", "O"),
    ("claimed", "VERB", "VBD", "claim", "O"),
    ("made", "VERB", "VBD", "make", "O"),
    ("was", "AUX", "VBD", "be", "O"),
    ("is", "AUX", "VBZ", "be", "O"),
    ("will", "AUX", "MD", "will", "O"),
    ("the", "DET", "DT", "the", "O"),
    ("a", "DET", "DT", "a", "O"),
    ("its", "PRON", "PRP$", "its", "O"),
    ("It", "PRON", "PRP", "it", "O"),
    ("we", "PRON", "PRP", "we", "O"),
    ("deadliest", "ADJ", "JJS", "deadly", "O"),
    ("military", "ADJ", "JJ", "military", "O"),
    ("in", "ADP", "IN", "in", "O"),
    ("on", "ADP", "IN", "on", "O"),
    ("of", "ADP", "IN", "of", "O"),
    ("by", "ADP", "IN", "by", "O"),
    ("from", "ADP", "IN", "from", "O"),
    ("500", "NUM", "CD", "500", "CARDINAL"),
    ("not", "PART", "RB", "not", "O"),
    ("that", "SCONJ", "IN", "that", "O"),
    ("and", "CCONJ", "CC", "and", "O"),
    (",", "PUNCT", ",", ",", "O"),
]
DEPS = [
    "nsubj",
    "nsubjpass",
    "obj",
    "dobj",
    "iobj",
    "attr",
    "cop",
    "aux",
    "auxpass",
    "neg",
    "det",
    "amod",
    "compound",
    "prep",
    "pobj",
    "obl",
    "nmod",
    "poss",
    "nummod",
    "appos",
    "conj",
    "cc",
    "ccomp",
    "xcomp",
    "advcl",
    "acl",
    "relcl",
    "mark",
    "advmod",
    "npadvmod",
    "agent",
    "dep",
    "punct",
]


@st.composite
def sentences(draw: st.DrawFn) -> str:
    """A parse table of one sentence: a projective tree over 2 to 12 words, then a period."""
    n = draw(st.integers(min_value=2, max_value=12))
    words = [draw(st.sampled_from(WORDS)) for _ in range(n)]
    heads = [0] * n

    def tree(lo: int, hi: int, parent: int) -> None:
        """Words lo..hi-1 hang off ``parent`` (0: the root), as subtrees side by side."""
        while lo < hi:
            end = draw(st.integers(min_value=lo + 1, max_value=hi))
            root = draw(st.integers(min_value=lo, max_value=end - 1))
            heads[root] = parent
            tree(lo, root, root + 1)
            tree(root + 1, end, root + 1)
            lo = end
            if parent == 0:  # one root a sentence: the rest hangs off it
                parent = root + 1

    tree(0, n, 0)
    rows = []
    for (word, upos, tag, lemma, ent), head in zip(words, heads, strict=True):
        dep = "root" if head == 0 else draw(st.sampled_from(DEPS))
        entity = ent if ent == "O" else f"B-{ent}"
        rows.append(f"{word} {head} {dep} {upos} {lemma} {entity} tag={tag}")
    root = heads.index(0) + 1
    rows.append(f". {root} punct PUNCT . O")
    return "\n".join(rows)


def check(extraction: Extraction) -> None:
    """Each event has an IRI of its own, with its one predicate; the mapped graph conforms."""
    base, doc_id = iris.DEFAULT_BASE, extraction.document.id
    names = [iris.event_iri(base, doc_id, event.id) for event in extraction.events]
    assert len(set(names)) == len(names), [event.id for event in extraction.events]
    mapped = map_extraction(extraction)
    predicates: dict[URIRef, set[str]] = defaultdict(set)
    events = set()
    for s, p, o, _ in mapped.quads:
        if p == RDF.type and o == KG.Event:
            events.add(s)
        elif p == KG.predicate:
            predicates[s].add(str(o))
    told = {name: event.predicate for name, event in zip(names, extraction.events, strict=True)}
    assert events <= set(told)
    assert {event: predicates[event] for event in events} == {
        event: {told[event]} for event in events
    }
    report = validate_quads(mapped.quads)
    assert report.conforms, report.summary()


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(sentences(), min_size=1, max_size=3))
def test_generated_parses_give_each_event_its_own_iri_and_conform(tables: list[str]) -> None:
    doc = build("\n\n".join(tables))
    check(extract(doc, document(doc)))


def test_a_copula_and_its_event_noun_are_two_events() -> None:
    doc = build(
        """
        It        4 nsubj PRON  it
        was       4 cop   AUX   be
        the       4 det   DET   the
        attack    0 root  NOUN  attack
        .         4 punct PUNCT .
        """
    )
    extraction = extract(doc, document(doc))
    check(extraction)
    assert len({event.id for event in extraction.events}) == len(extraction.events)


def _pool() -> list[str]:
    """Sentences of real news: the examples', and re3d's where ../shared has it."""
    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    re3d = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "re3d"
    if re3d.is_dir():
        texts += [article["text"] for article in re3d_articles(re3d, per_source=1000)]
    found = []
    for text in texts:
        for sentence in re.split(r"(?<=[.!?])\s+", text):
            if 5 <= len(sentence.split()) <= 60:
                found.append(sentence.strip())
    return sorted(set(found))


POOL = _pool()


@pytest.fixture(scope="module")
def nlp():  # type: ignore[no-untyped-def]
    from kg.nlp import pipeline

    return pipeline.load(MODEL)


@pytest.mark.slow
@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)
@given(st.lists(st.sampled_from(POOL), min_size=1, max_size=6))
def test_real_sentences_give_each_event_its_own_iri_and_conform(nlp, sentences: list[str]) -> None:  # type: ignore[no-untyped-def]
    text = " ".join(sentences)
    doc = nlp(text)
    check(extract(doc, Document(id="real", text=text), aliases=pipeline_aliases(nlp)))
