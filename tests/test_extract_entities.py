"""Entity mentions and their merging within a document, on hand-built Docs."""

from __future__ import annotations

import pytest
from doc_table import build, document, tagged

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


def test_a_surname_written_without_its_arabic_article_is_the_same_person():
    found = entities(
        "[Mustafa al-Kadhimi](PERSON) spoke . [Kadhimi](PERSON) and [Al-Kadhimi](PERSON) left ."
    )
    assert list(found) == ["mustafa al-kadhimi"]
    assert len(found["mustafa al-kadhimi"].mentions) == 3


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
    # The label is a name the text writes; the canonical name it never uses is an alias.
    assert found["erbil"].name == "Irbil"
    assert set(found["erbil"].aliases) == {"Arbil", "Erbil"}
    written = entities("[Irbil](GPE) . [Erbil](GPE) .", aliases={"Irbil": "Erbil"})
    assert written["erbil"].name == "Erbil"
    assert written["erbil"].aliases == ("Irbil",)


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


def test_a_name_an_organization_noun_introduces_is_an_organization():
    # NER says PERSON; "a group called", "a militia known as" say otherwise, everywhere after.
    found = entities(
        "A Shia group called [Awliya Al Dam](PERSON) claimed it . [Awliya Al Dam](PERSON) said ."
    )
    assert list(found) == ["awliya al dam"]
    assert (found["awliya al dam"].label, found["awliya al dam"].type) == ("ORG", "Organization")
    found = entities("A militia known as [Saraya Awliya](PERSON) attacked .")
    assert found["saraya awliya"].type == "Organization"
    # A naming verb after a noun that is no organization changes nothing.
    found = entities("A man called [John Smith](PERSON) spoke .")
    assert found["john smith"].type == "Person"


@pytest.mark.parametrize(("opening", "closing"), [("“", "”"), ("«", "»"), ("„", "“")])
def test_a_quoted_name_an_organization_noun_introduces_is_an_organization(
    opening: str, closing: str
) -> None:
    found = entities(
        f"A Shia group called {opening} [Awliya Al Dam](PERSON) {closing} claimed it ."
    )
    assert found["awliya al dam"].type == "Organization"


def test_a_name_in_apposition_to_an_organization_noun_is_an_organization():
    doc = build(
        """
        Awliya   3 compound PROPN _ PERSON
        Al       3 flat     PROPN _ PERSON
        Dam      9 nsubj    PROPN _ PERSON
        ,        7 punct    PUNCT
        a        7 det      DET
        Shia     7 amod     ADJ   _ NORP
        group    3 appos    NOUN
        ,        7 punct    PUNCT
        claimed  0 root     VERB  claim
        it       9 obj      PRON
        .        9 punct    PUNCT
        """
    )
    found = {e.key: e for e in extract(doc, document(doc)).entities}
    assert found["awliya al dam"].type == "Organization"


def test_a_name_right_after_a_persons_title_is_a_person():
    found = entities("Prime Minister [Al—Kadhimi](ORG) spoke . Col. [Marotto](NORP) said .")
    assert {k: e.type for k, e in found.items()} == {"al-kadhimi": "Person", "marotto": "Person"}
    # Acronyms and names with an organization word stay what NER said.
    found = entities("Commander [ISAF](ORG) met President [Biden Administration](ORG) .")
    assert {e.type for e in found.values()} == {"Organization"}
    # A lower-case word is no title before a name.
    assert entities("the minister [Hezbollah](ORG) named .")["hezbollah"].type == "Organization"


def test_given_names_ner_left_out_join_a_persons_name_only_when_parsed_into_it():
    doc = build(
        """
        In        2 case     ADP
        Baghdad   7 obl      PROPN
        Lloyd     5 compound PROPN
        J.        3 flat     PROPN
        Austin    7 nsubj    PROPN _ PERSON
        III       5 flat     PROPN _ PERSON
        spoke     0 root     VERB  speak
        .         7 punct    PUNCT
        """
    )
    (person,) = extract(doc, document(doc)).entities
    assert (person.key, person.name) == ("lloyd austin", "Lloyd J. Austin III")
    assert [m.text for m in person.mentions] == ["Lloyd J. Austin III"]


def test_a_definite_organization_calling_a_name_something_does_not_retype_it():
    found = entities("The government called [Iran](GPE) a threat .")
    assert found["iran"].type == "Place"
    found = entities("The [Ocean Alliance](ORG) , also called the [Blue Pact](PERSON) , met .")
    assert {e.type for e in found.values()} == {"Organization"}


def test_a_publication_in_a_byline_is_no_person():
    found = entities("By [Gary Raynaldo](PERSON) [DIPLOMATIC TIMES](PERSON)")
    assert found["diplomatic times"].type == "Organization"
    assert found["gary raynaldo"].type == "Person"


def test_a_name_in_a_photo_credit_is_a_person_not_a_place():
    found = entities("[Safin Hamed](GPE) | [AFP](ORG) | [Getty Images](ORG)")
    assert found["safin hamed"].type == "Person"
    # outside a credit line, a place stays a place
    assert entities("They met in [New York](GPE) .")["new york"].type == "Place"


def test_a_meetings_name_is_a_named_event_not_an_organization():
    found = entities("It ended the alliance [Defense Ministerial](ORG) and the [G7 Summit](ORG) .")
    assert {key: e.type for key, e in found.items()} == {
        "defense ministerial": "NamedEvent",
        "g7 summit": "NamedEvent",
    }
    assert entities("[NATO](ORG) met .")["nato"].type == "Organization"


def test_a_name_in_apposition_to_a_persons_title_is_a_person():
    # "Its prime minister, Viktor Orban, agreed." with the name tagged ORG
    table = """
    Its       3 nmod:poss PRON
    prime     3 amod     ADJ
    minister  8 nsubj    NOUN
    ,         3 punct    PUNCT
    Viktor    6 compound PROPN _ B-ORG
    Orban     3 appos    PROPN _ I-ORG
    ,         3 punct    PUNCT
    agreed    0 root     VERB  agree
    .         8 punct    PUNCT
    """
    doc = build(table)
    found = {e.key: e for e in extract(doc, document(doc)).entities}
    assert {k: e.type for k, e in found.items()} == {"viktor orban": "Person"}
    # An organization in apposition to a word that is no title stays one.
    doc = build(
        table.replace("prime     3 amod     ADJ", "main      3 amod     ADJ").replace(
            "minister  8 nsubj    NOUN", "supplier  8 nsubj    NOUN"
        )
    )
    found = {e.key: e for e in extract(doc, document(doc)).entities}
    assert {k: e.type for k, e in found.items()} == {"viktor orban": "Organization"}


def test_a_peoples_plural_is_the_people_named_in_the_singular():
    found = entities(
        "The [Sabaean](NORP) script came first . The [Sabaeans](ORG) traded and "
        "[Indonesians](NORP) and one [Indonesian](NORP) sailed ."
    )
    assert set(found) == {"sabaean", "indonesian"}  # one node each, in the singular
    assert found["sabaean"].type == "Group"  # the plural an organization to the NER
    assert len(found["indonesian"].mentions) == 2


def test_a_plural_of_no_people_of_the_article_keeps_its_label():
    found = entities("The [Titans](ORG) won . [Swiss](NORP) fans cheered .")
    assert found["titans"].type == "Organization"
    assert list(found) == ["titans", "swiss"]  # "ss" is no plural
