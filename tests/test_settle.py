"""Extraction in two steps: a draft of each article read alone (plain records, which a Dask
worker sends back), then ``settle`` in reading order with what other articles told."""

from __future__ import annotations

import pickle

from doc_table import document, tagged

from kg.extract import draft, extract, settle
from kg.extract.people import KnownPeople
from kg.extract.stories import KnownOccurrences

STOLTENBERG = "[Stoltenberg](PERSON) said the [NATO](ORG) mission in [Iraq](GPE) would grow ."


def test_a_draft_holds_plain_records_and_settles_as_the_whole_extraction():
    doc = tagged(STOLTENBERG)
    known = KnownPeople()
    known.add("jens stoltenberg", "Jens Stoltenberg")
    sent = pickle.dumps(draft(doc, document(doc)))
    assert b"spacy" not in sent  # no spaCy object travels
    settled = settle(pickle.loads(sent), people=known.links(), told=KnownOccurrences())
    assert settled == extract(doc, document(doc), people=known.links(), told=KnownOccurrences())
    person = settled.entities[0]
    assert (person.key, person.name, person.aliases, person.scope) == (
        "jens stoltenberg",
        "Jens Stoltenberg",
        ("Stoltenberg",),
        "global",
    )


def test_a_draft_settled_with_no_one_known_keeps_its_own_keys():
    doc = tagged(STOLTENBERG)
    person = settle(draft(doc, document(doc))).entities[0]
    assert (person.key, person.name, person.scope) == ("stoltenberg", "Stoltenberg", "document")


def test_a_link_that_would_make_two_entities_of_the_article_one_stays_unmade():
    doc = tagged("[Jens Stoltenberg](ORG) funds schools . [Stoltenberg](PERSON) said so .")
    known = KnownPeople()
    known.add("jens stoltenberg", "Jens Stoltenberg")
    found = extract(doc, document(doc), people=known.links()).entities
    assert [(e.key, e.label) for e in found] == [
        ("jens stoltenberg", "ORG"),
        ("stoltenberg", "PERSON"),
    ]
