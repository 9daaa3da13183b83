"""One node per person across documents: bare surnames and the full names others give."""

from __future__ import annotations

from pathlib import Path

from doc_table import document, tagged

from kg.extract import extract
from kg.extract.people import KnownPeople
from kg.records import Document, Entity


def entities(text: str, people: KnownPeople) -> dict[str, Entity]:
    doc = tagged(text)
    return {e.key: e for e in extract(doc, document(doc), people=people.links()).entities}


def test_a_bare_surname_is_the_one_person_another_document_named_in_full():
    known = KnownPeople()
    known.add_entities(entities("[Jens Stoltenberg](PERSON) spoke .", known).values())
    found = entities("[Stoltenberg](PERSON) said so .", known)
    assert list(found) == ["jens stoltenberg"]
    assert found["jens stoltenberg"].name == "Jens Stoltenberg"
    assert found["jens stoltenberg"].aliases == ("Stoltenberg",)


def test_a_surname_two_known_people_share_stays_apart():
    known = KnownPeople()
    known.add("joe biden", "Joe Biden")
    known.add("jill biden", "Jill Biden")
    assert list(entities("[Biden](PERSON) said so .", known)) == ["biden"]


def test_a_documents_own_full_name_wins_over_the_known_one():
    known = KnownPeople()
    known.add("joe biden", "Joe Biden")
    found = entities("[Hunter Biden](PERSON) spoke . [Biden](PERSON) said so .", known)
    assert list(found) == ["hunter biden"]


def test_a_bare_first_name_holds_within_its_article():
    known = KnownPeople()
    found = []
    for doc_id in ("a", "b"):
        doc = tagged("[Anna](PERSON) said so .")
        found += extract(doc, Document(id=doc_id, text=doc.text), people=known.links()).entities
        known.add_entities(found)
    assert [(e.key, e.scope) for e in found] == [("anna", "document"), ("anna", "document")]
    # A bare surname linked to the one person another article names in full is that person.
    known.add("jens stoltenberg", "Jens Stoltenberg")
    [linked] = entities("[Stoltenberg](PERSON) said so .", known).values()
    assert (linked.key, linked.scope) == ("jens stoltenberg", "global")


def test_only_people_are_linked_by_surname():
    known = KnownPeople()
    known.add("michael jordan", "Michael Jordan")
    assert list(entities("[Jordan](GPE) closed its border .", known)) == ["jordan"]


def test_builds_link_a_surname_to_a_person_already_in_the_store(tmp_path: Path):
    import kg

    (tmp_path / "a.txt").write_text(
        "NATO Secretary General Jens Stoltenberg met Iraqi leaders on Monday.\n", encoding="utf-8"
    )
    (tmp_path / "b.txt").write_text(
        "Stoltenberg said the alliance would expand its mission.\n", encoding="utf-8"
    )
    store = tmp_path / "store"
    kg.build([tmp_path / "a.txt"], store=store)
    kg.build([tmp_path / "b.txt"], store=store)
    people = kg.query(
        "SELECT ?p (COUNT(DISTINCT ?m) AS ?n) WHERE { ?p a kg:Person . ?m kg:mentionOf ?p } "
        "GROUP BY ?p",
        store=store,
    ).dicts()
    assert [(str(r["p"]).rsplit("/", 1)[-1], int(r["n"])) for r in people] == [
        ("jens-stoltenberg", 2)
    ]


def test_builds_keep_apart_the_people_two_articles_name_by_one_word(tmp_path: Path):
    import kg

    for name, text in {
        "a.txt": "Nurse wins award\n\nMaria Ortega, a nurse in Leeds, won the award on Friday.\n",
        "b.txt": '"I cried," said Maria, who sold the winning ticket in Cardiff on Monday.\n',
        "c.txt": '"It was a long day," said Maria, a cook at a hotel in Bristol.\n',
    }.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    store = tmp_path / "store"
    kg.build([tmp_path / name for name in ("a.txt", "b.txt", "c.txt")], store=store)
    people = kg.query(
        "SELECT ?p ?label WHERE { ?p a kg:Person ; rdfs:label ?label }", store=store
    ).dicts()
    labels = sorted(str(r["label"]) for r in people)
    assert labels == ["Maria", "Maria", "Maria Ortega"]
