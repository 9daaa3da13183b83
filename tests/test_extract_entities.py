"""Entity mentions and their merging within a document, on hand-built Docs."""

from __future__ import annotations

from doc_table import document, tagged

from kg.extract import extract
from kg.records import Entity


def entities(text: str, **options: object) -> dict[str, Entity]:
    doc = tagged(text)
    return {e.key: e for e in extract(doc, document(doc), **options).entities}  # type: ignore[arg-type]


def test_a_later_surname_is_the_person_named_in_full_before():
    found = entities("[Jens Stoltenberg](PERSON) spoke . [Stoltenberg](PERSON) said so .")
    assert list(found) == ["jens stoltenberg"]
    person = found["jens stoltenberg"]
    assert person.name == "Jens Stoltenberg"
    assert person.type == "Person"
    assert [m.text for m in person.mentions] == ["Jens Stoltenberg", "Stoltenberg"]
    assert [m.sentence for m in person.mentions] == [0, 1]


def test_two_people_sharing_a_surname_stay_apart():
    found = entities("[Joe Biden](PERSON) met [Jill Biden](PERSON) . [Biden](PERSON) said so .")
    assert set(found) == {"joe biden", "jill biden"}
    # The bare surname goes to the nearest full name before it, not to both.
    assert [m.text for m in found["jill biden"].mentions] == ["Jill Biden", "Biden"]
    assert [m.text for m in found["joe biden"].mentions] == ["Joe Biden"]


def test_a_surname_before_two_full_names_is_not_guessed():
    found = entities("[Biden](PERSON) spoke . [Joe Biden](PERSON) met [Jill Biden](PERSON) .")
    assert set(found) == {"biden", "joe biden", "jill biden"}


def test_acronym_in_parentheses_after_a_comma_merges_with_its_expansion():
    found = entities(
        "The [European Defence Agency](ORG) , ( [EDA](ORG) ) met . [EDA](ORG) said so ."
    )
    assert list(found) == ["eda"]
    agency = found["eda"]
    assert agency.name == "EDA"
    assert "European Defence Agency" in agency.aliases
    assert len(agency.mentions) == 3


def test_acronym_elsewhere_merges_with_the_one_name_it_abbreviates():
    found = entities("The [World Food Programme](ORG) warned . [WFP](ORG) said so .")
    assert list(found) == ["wfp"]


def test_case_variants_are_one_entity_named_in_mixed_case():
    found = entities("[IRAQ](GPE) mission . Troops in [Iraq](GPE) . [Iraq](GPE) agreed .")
    assert list(found) == ["iraq"]
    assert found["iraq"].name == "Iraq"
    assert found["iraq"].aliases == ("IRAQ",)


def test_dashes_are_normalized_in_keys_and_names():
    found = entities("[Al — Kadhimi](PERSON) spoke . [Al-Kadhimi](PERSON) said so .")
    assert list(found) == ["al-kadhimi"]
    assert found["al-kadhimi"].name == "Al-Kadhimi"
    assert len(found["al-kadhimi"].mentions) == 2


def test_us_spellings_are_the_united_states():
    found = entities(
        "[U.S.](GPE) troops . [US](GPE) forces . The [United States](GPE) has troops ."
    )
    assert list(found) == ["united states"]
    assert set(found["united states"].aliases) | {found["united states"].name} == {
        "U.S.",
        "US",
        "United States",
    }


def test_caller_aliases_merge_spelling_variants_under_the_canonical_name():
    found = entities(
        "A strike in [Irbil](GPE) . A shop in [Arbil](GPE) .",
        aliases={"Irbil": "Erbil", "Arbil": "Erbil"},
    )
    assert list(found) == ["erbil"]
    assert found["erbil"].name == "Erbil"
    assert set(found["erbil"].aliases) == {"Irbil", "Arbil"}


def test_also_called_merges_two_names():
    found = entities(
        "The [Ocean Alliance](ORG) , also called the [Blue Pact](ORG) , met ."
        " [Blue Pact](ORG) said ."
    )
    assert list(found) == ["ocean alliance"]
    assert found["ocean alliance"].aliases == ("Blue Pact",)


def test_junk_entities_are_dropped():
    found = entities(
        "[he](PERSON) said . [the](ORG) end . [alliance](ORG) met . [,](GPE) [2021](GPE) ."
    )
    assert found == {}


def test_titles_are_not_part_of_a_persons_name_or_key():
    found = entities("[Prime Minister Al-Kadhimi](PERSON) spoke . [Mr. Price](PERSON) said .")
    assert set(found) == {"al-kadhimi", "price"}
    assert found["al-kadhimi"].name == "Al-Kadhimi"


def test_the_same_person_gets_the_same_key_in_two_documents():
    one = entities("[Lloyd J. Austin III](PERSON) took part .")
    two = entities("[Lloyd Austin](PERSON) said . [Austin](PERSON) spoke .")
    assert list(one) == list(two) == ["lloyd austin"]
    assert one["lloyd austin"].name == "Lloyd J. Austin III"


def test_labels_from_other_pipelines_are_read_and_unknown_ones_ignored():
    found = entities("[Ned Price](PER) met [Jane](FOOBAR) in [Basra](LOC) .")
    assert {k: e.label for k, e in found.items()} == {"ned price": "PERSON", "basra": "LOC"}
    assert found["basra"].type == "Place"


def test_caller_aliases_and_the_built_in_table_agree_on_keys():
    found = entities(
        "[Daesh](ORG) attacked . [Islamic State](ORG) said .",
        aliases={"Daesh": "Islamic State"},
    )
    # Another document without the caller's map still keys ISIS as "isis".
    assert list(found) == list(entities("[ISIS](ORG) attacked .")) == ["isis"]
    assert found["isis"].name == "Islamic State"
