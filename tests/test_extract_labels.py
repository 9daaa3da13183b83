"""ClearNLP-labelled parses (en_core_web_*) give the same events; odd input never crashes."""

from __future__ import annotations

import spacy
from doc_table import VOCAB, build, document
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc

from kg.extract import extract, pipeline_aliases
from kg.records import Extraction


def run(table: str) -> Extraction:
    doc = build(table)
    return extract(doc, document(doc))


def summary(x: Extraction) -> list[tuple[str, list[tuple[str, str]]]]:
    return [(e.predicate, [(a.role, a.entity or a.text) for a in e.arguments]) for e in x.events]


def test_clearnlp_passive_with_agent_and_particle():
    x = run(
        """
        The     2 det       DET
        attack  4 nsubjpass NOUN
        was     4 auxpass   AUX  be
        carried 0 ROOT      VERB carry tag=VBN
        out     4 prt       ADP
        by      4 agent     ADP
        Awliya  9 compound  PROPN _ ORG
        Al      9 compound  PROPN _ ORG
        Dam     6 pobj      PROPN _ ORG
        .       4 punct     PUNCT
        """
    )
    assert summary(x) == [("carry out", [("theme", "The attack"), ("agent", "awliya al dam")])]


def test_clearnlp_copula_with_attr():
    x = run(
        """
        Awliya 3 compound PROPN _ ORG
        Al     3 compound PROPN _ ORG
        Dam    4 nsubj    PROPN _ ORG
        is     0 ROOT     AUX   be
        a      7 det      DET
        Shia   7 amod     ADJ   _ NORP
        group  4 attr     NOUN
        .      4 punct    PUNCT
        """
    )
    assert summary(x) == [("be", [("theme", "awliya al dam"), ("attribute", "a Shia group")])]


def test_clearnlp_object_and_prepositional_place():
    x = run(
        """
        The     3 det      DET
        United  3 compound PROPN _ GPE
        States  4 nsubj    PROPN _ GPE
        has     0 ROOT     VERB  have
        2,500   6 nummod   NUM
        troops  4 dobj     NOUN  troop
        in      4 prep     ADP
        Iraq    7 pobj     PROPN _ GPE
        .       4 punct    PUNCT
        """
    )
    assert summary(x) == [
        ("have", [("agent", "united states"), ("theme", "2,500 troops"), ("place", "iraq")])
    ]


def test_a_doc_without_parse_or_entities_gives_sentences_and_nothing_else():
    doc = spacy.blank("en")("Stoltenberg said it. Then he left.")
    x = extract(doc, document(doc))
    assert [s.text for s in x.sentences] == ["Stoltenberg said it. Then he left."]
    assert (x.entities, x.events, x.quotes, x.roles) == ((), (), (), ())


def test_an_empty_doc():
    doc = spacy.blank("en")("")
    x = extract(doc, document(doc))
    assert x.sentences == () and x.events == ()


def test_pipeline_aliases_reads_the_rule_component_when_present():
    nlp = spacy.blank("en")
    assert pipeline_aliases(nlp) is None

    if not spacy.Language.has_factory("kg_test_alias_rules"):

        @spacy.Language.factory("kg_test_alias_rules")
        class _Rules:
            def __init__(self, nlp: object, name: str):
                self.aliases = {"Irbil": "Erbil"}

            def __call__(self, doc: Doc) -> Doc:
                return doc

    nlp.add_pipe("kg_test_alias_rules", name="kg_entity_rules")
    assert pipeline_aliases(nlp) == {"Irbil": "Erbil"}


LABELS = [
    "nsubj",
    "obj",
    "obl",
    "nmod",
    "ROOT",
    "conj",
    "cc",
    "ccomp",
    "xcomp",
    "acl",
    "acl:relcl",
    "appos",
    "case",
    "det",
    "cop",
    "aux",
    "aux:pass",
    "nsubj:pass",
    "mark",
    "advcl",
    "parataxis",
    "punct",
    "compound",
    "flat",
    "nummod",
    "dobj",
    "pobj",
    "prep",
    "attr",
    "agent",
    "weird:label",
    "",
    "dep",
]
POS = ["VERB", "AUX", "NOUN", "PROPN", "PRON", "ADP", "NUM", "PUNCT", "DET", "ADJ", "X"]
WORDS = [
    "said",
    "he",
    "“",
    "”",
    "NATO",
    "from",
    "500",
    "to",
    "4,000",
    "Thursday",
    "the",
    "alliance",
    "chief",
    "Stoltenberg",
    "by",
    "with",
    ",",
    ".",
    "I",
    "not",
    "will",
    "‘",
    '"',
    "-",
    "in",
    "Iraq",
    "that",
    "$",
    "%",
    "eight",
    "according",
]
ENTS = ["O", "PERSON", "ORG", "GPE", "DATE", "CARDINAL", "NORP", "MONEY"]


@st.composite
def random_docs(draw: st.DrawFn) -> Doc:
    n = draw(st.integers(1, 30))
    words = draw(st.lists(st.sampled_from(WORDS), min_size=n, max_size=n))
    heads = [0] + [draw(st.integers(0, i - 1)) for i in range(1, n)]
    deps = ["ROOT"] + draw(st.lists(st.sampled_from(LABELS), min_size=n - 1, max_size=n - 1))
    deps = ["dep" if d == "ROOT" and i else d for i, d in enumerate(deps)]
    pos = draw(st.lists(st.sampled_from(POS), min_size=n, max_size=n))
    labels = draw(st.lists(st.sampled_from(ENTS), min_size=n, max_size=n))
    ents = ["O" if label == "O" else f"B-{label}" for label in labels]
    lemmas = [w.lower() for w in words]
    return Doc(VOCAB, words=words, heads=heads, deps=deps, pos=pos, lemmas=lemmas, ents=ents)


@settings(max_examples=200, deadline=None)
@given(random_docs())
def test_any_parse_extracts_without_crashing_and_offsets_stay_in_the_text(doc: Doc) -> None:
    x = extract(doc, document(doc))
    text = doc.text
    for item in (*x.events, *x.quotes, *x.roles):
        assert 0 <= item.start <= item.end <= len(text)
        assert 0 <= item.sentence < len(x.sentences)
    for quote in x.quotes:
        assert text[quote.start : quote.end] == quote.text
    for entity in x.entities:
        for mention in entity.mentions:
            assert text[mention.start : mention.end] == mention.text
    keys = [e.key for e in x.entities]
    assert len(keys) == len(set(keys))
    ids = {e.id for e in x.events}
    assert all(e.statement_of in ids for e in x.events if e.statement_of)
