"""Referents: unnamed things as events' arguments, on hand-built UD parses."""

from __future__ import annotations

import datetime as dt

from doc_table import build, document

from kg.extract import extract
from kg.records import Extraction, Referent

MISSION = """
NATO     2 nsubj    PROPN _ ORG
leads    0 root     VERB  lead
the      5 det      DET
NATO     5 compound PROPN _ ORG
mission  2 obj      NOUN
in       7 case     ADP
Iraq     5 nmod     PROPN _ GPE
.        2 punct    PUNCT
"""


def run(table: str) -> Extraction:
    doc = build(table)
    return extract(doc, document(doc, dt.date(2021, 2, 17)))


def by_key(x: Extraction) -> dict[str, Referent]:
    return {r.key: r for r in x.referents}


def test_label_anchors_and_key_of_an_anchored_referent():
    x = run(MISSION)
    (mission,) = x.referents
    assert mission.label == "NATO mission in Iraq"
    assert (mission.head, mission.anchors, mission.scope) == ("mission", ("iraq", "nato"), "global")
    assert mission.key == "mission|iraq|nato"
    assert [m.text for m in mission.mentions] == ["the NATO mission in Iraq"]
    theme = next(a for a in x.events[0].arguments if a.role == "theme")
    assert theme.referent == mission.key and theme.entity is None
    agent = next(a for a in x.events[0].arguments if a.role == "agent")
    assert agent.referent is None and agent.entity == "nato"


def test_a_quantity_belongs_to_its_referent_and_numbers_stay_out_of_the_label():
    x = run(
        """
        The     3 det    DET
        United  3 compound PROPN _ GPE
        States  4 nsubj  PROPN _ GPE
        has     0 root   VERB  have
        2,500   6 nummod NUM
        troops  4 obj    NOUN  troop
        .       4 punct  PUNCT
        """
    )
    (troops,) = x.referents
    assert (troops.key, troops.label, troops.scope) == ("troop#1", "troops", "document")
    assert troops.quantity is not None and troops.quantity.value == 2500


def test_generic_nouns_pronouns_and_determiners_are_no_referents():
    x = run(
        """
        They       2 nsubj  PRON
        discussed  0 root   VERB  discuss
        the        4 det    DET
        situation  2 obj    NOUN
        and        6 cc     CCONJ
        others     2 conj   NOUN  other
        .          2 punct  PUNCT

        This       2 nsubj  DET
        changed    0 root   VERB  change
        things     2 obj    NOUN  thing
        .          2 punct  PUNCT
        """
    )
    assert x.referents == ()
    assert all(a.referent is None for e in x.events for a in e.arguments)


def test_a_later_mention_that_says_less_joins_the_one_referent_it_fits():
    x = run(
        MISSION
        + """
        Its      2 nmod:poss PRON  its
        mission  3 nsubj     NOUN
        grew     0 root      VERB  grow
        .        3 punct     PUNCT

        The      2 det    DET
        mission  3 nsubj  NOUN
        ended    0 root   VERB  end
        .        3 punct  PUNCT
        """
    )
    (mission,) = x.referents
    assert [m.text for m in mission.mentions] == [
        "the NATO mission in Iraq",
        "Its mission",
        "The mission",
    ]


def test_mentions_are_kept_apart_where_two_referents_fit_or_anchors_differ():
    x = run(
        """
        NATO     2 nsubj    PROPN _ ORG
        leads    0 root     VERB  lead
        a        5 det      DET
        training 5 compound NOUN
        mission  2 obj      NOUN
        .        2 punct    PUNCT

        Spain    2 nsubj    PROPN _ GPE
        leads    0 root     VERB  lead
        a        5 det      DET
        police   5 compound NOUN
        mission  2 obj      NOUN
        .        2 punct    PUNCT

        NATO     2 nsubj    PROPN _ ORG
        leads    0 root     VERB  lead
        a        4 det      DET
        mission  2 obj      NOUN
        in       6 case     ADP
        Spain    4 nmod     PROPN _ GPE
        .        2 punct    PUNCT

        The      2 det    DET
        mission  3 nsubj  NOUN
        ended    0 root   VERB  end
        .        3 punct  PUNCT

        A        3 det      DET
        police   3 compound NOUN
        mission  4 nsubj    NOUN
        began    0 root     VERB  begin
        .        4 punct    PUNCT
        """
    )
    found = {r.label: [m.text for m in r.mentions] for r in x.referents}
    assert found == {
        "training mission": ["a training mission"],
        "police mission": ["a police mission", "A police mission"],
        "mission in Spain": ["a mission in Spain"],
        "mission": ["The mission"],
    }
    assert by_key(x)["mission|spain"].anchors == ("spain",)


def test_the_same_head_and_anchors_twice_in_one_document_keeps_one_global_key():
    x = run(
        MISSION
        + """
        Spain    2 nsubj    PROPN _ GPE
        joins    0 root     VERB  join
        a        6 det      DET
        new      6 amod     ADJ
        NATO     6 compound PROPN _ ORG
        mission  2 obj      NOUN
        in       8 case     ADP
        Iraq     6 nmod     PROPN _ GPE
        .        2 punct    PUNCT
        """
    )
    assert sorted(r.key for r in x.referents) == ["mission#1", "mission|iraq|nato"]


def test_generic_nouns_of_amount_kind_and_relation_are_no_referents():
    x = run(
        """
        They       2 nsubj  PRON
        stressed   0 root   VERB  stress
        the        4 det    DET
        use        2 obj    NOUN
        of         6 case   ADP
        translators 4 nmod  NOUN  translator
        .          2 punct  PUNCT

        Hundreds   2 nsubj  NOUN  hundred
        gathered   0 root   VERB  gather
        .          2 punct  PUNCT
        """
    )
    assert x.referents == ()


def test_the_noun_of_a_fixed_prepositional_phrase_is_no_referent():
    x = run(
        """
        NATO      2 nsubj  PROPN _ ORG
        acted     0 root   VERB  act
        in        5 case   ADP
        the       5 det    DET
        wake      2 obl    NOUN
        of        8 case   ADP
        the       8 det    DET
        attacks   5 nmod   NOUN  attack
        .         2 punct  PUNCT

        Troops    2 nsubj  NOUN  troop
        stood     0 root   VERB  stand
        in        4 case   ADP
        front     2 obl    NOUN
        of        7 case   ADP
        the       7 det    DET
        base      4 nmod   NOUN
        .         2 punct  PUNCT
        """
    )
    assert {r.head for r in x.referents} == {"troop"}
    # The same nouns elsewhere are things: "the front" of a war, "a wake".
    x = run(
        """
        Troops    2 nsubj  NOUN  troop
        held      0 root   VERB  hold
        the       4 det    DET
        front     2 obj    NOUN
        .         2 punct  PUNCT
        """
    )
    assert {r.head for r in x.referents} == {"troop", "front"}


def test_a_label_keeps_no_modifier_after_its_noun_nor_a_verb_before_it():
    x = run(
        """
        Turkey    2 nsubj    PROPN _ GPE
        backs     0 root     VERB  back
        their     4 nmod:poss PRON
        efforts   2 obj      NOUN  effort
        specific  4 amod     ADJ
        to        8 case     ADP
        the       8 det      DET
        fight     5 obl      NOUN
        against   10 case    ADP
        Daesh     8 nmod     PROPN _ ORG
        .         2 punct    PUNCT

        They      2 nsubj    PRON
        want      0 root     VERB
        to        4 mark     PART
        normalise 6 amod     VERB  _ tag=VB
        diplomatic 6 amod    ADJ
        relations 2 obj      NOUN  relation
        .         2 punct    PUNCT
        """
    )
    assert {r.label for r in x.referents} == {"efforts", "diplomatic relations"}
    assert all(not r.anchors for r in x.referents)


def test_an_entity_in_a_prepositional_phrase_comes_without_the_clause_after_it():
    x = run(
        """
        UN         2 nsubj  PROPN _ ORG
        welcomed   0 root   VERB  welcome
        the        4 det    DET
        decision   2 obj    NOUN
        of         7 case   ADP
        President  7 compound PROPN _ PERSON
        Masum      4 nmod   PROPN _ PERSON
        to         9 mark   PART
        nominate   7 acl    VERB
        a          11 det   DET
        premier    9 obj    NOUN
        .          2 punct  PUNCT
        """
    )
    decision = next(r for r in x.referents if r.head == "decision")
    assert decision.label == "decision of President Masum"


def test_a_label_starts_with_no_conjunction_and_joins_words_apart_with_a_space():
    x = run(
        """
        He         2 nsubj  PRON
        took       0 root   VERB  take
        a          8 det    DET
        two        8 nummod NUM
        and        6 cc     CCONJ
        half       7 amod   ADJ
        week       8 compound NOUN
        vacation   2 obj    NOUN
        .          2 punct  PUNCT
        """
    )
    (vacation,) = x.referents
    assert vacation.label == "half week vacation"


def test_a_plural_written_as_a_name_has_the_lemma_of_its_noun():
    x = run(
        """
        The      3 det      DET
        NATO     3 compound PROPN _ ORG
        Allies   4 nsubj    NOUN  Allies tag=NNPS
        met      0 root     VERB  meet
        .        4 punct    PUNCT

        The      3 det      DET
        NATO     3 compound PROPN _ ORG
        allies   4 nsubj    NOUN  ally tag=NNS
        met      0 root     VERB  meet
        .        4 punct    PUNCT
        """
    )
    (allies,) = x.referents
    assert (allies.head, allies.label, allies.anchors) == ("ally", "NATO Allies", ("nato",))
    assert len(allies.mentions) == 2


def test_a_set_of_things_keeps_to_its_article_and_one_thing_is_shared():
    # "The NATO mission in Iraq" is one thing in every article; "troops in Iraq" is a set two
    # articles may name alike and mean apart (the US troops, the British troops).
    x = run(
        """
        NATO     3 compound PROPN _ ORG
        troops   3 nsubj    NOUN  troop tag=NNS
        joined   0 root     VERB  join
        the      5 det      DET
        mission  3 obj      NOUN
        in       7 case     ADP
        Iraq     5 nmod     PROPN _ GPE
        .        3 punct    PUNCT
        """
    )
    scopes = {r.head: (r.scope, r.key) for r in x.referents}
    assert scopes["mission"] == ("global", "mission|iraq")
    assert scopes["troop"][0] == "document"


def test_a_mention_the_same_entities_define_joins_it_whatever_its_words():
    # "NATO widened its mission in Iraq. The NATO mission in Iraq will grow.": "its" is NATO,
    # so both name the mission NATO and Iraq define.
    x = run(
        """
        NATO     2 nsubj     PROPN _ ORG
        widened  0 root      VERB  widen tag=VBD
        its      4 nmod:poss PRON  its
        mission  2 obj       NOUN
        in       6 case      ADP
        Iraq     4 nmod      PROPN _ GPE
        .        2 punct     PUNCT

        The      3 det       DET
        NATO     3 compound  PROPN _ ORG
        mission  7 nsubj     NOUN
        in       5 case      ADP
        Iraq     3 nmod      PROPN _ GPE
        will     7 aux       AUX
        grow     0 root      VERB
        .        7 punct     PUNCT
        """
    )
    (mission,) = [r for r in x.referents if r.head == "mission"]
    assert (mission.key, len(mission.mentions)) == ("mission|iraq|nato", 2)


def test_a_day_or_a_month_is_no_referent():
    # "NATO announced an expansion of its mission on Wednesday": a time, not a thing.
    x = run(
        """
        NATO      2 nsubj PROPN _ ORG
        announced 0 root  VERB  announce tag=VBD
        an        4 det   DET
        expansion 2 obj   NOUN
        on        6 case  ADP
        Wednesday 4 nmod  PROPN
        .         2 punct PUNCT
        """
    )
    assert [r.head for r in x.referents] == ["expansion"]


def test_the_thing_an_of_phrase_names_is_a_referent_of_its_own_and_joined_to_it():
    x = run(
        """
        The     2 det    DET
        budget  7 nsubj  NOUN
        of      5 case   ADP
        the     5 det    DET
        mission 2 nmod   NOUN
        will    7 aux    AUX
        grow    0 root   VERB
        .       7 punct  PUNCT
        """
    )
    found = {r.label: r for r in x.referents}
    assert set(found) == {"budget of mission", "mission"}
    assert found["budget of mission"].of == (found["mission"].key,)
    assert found["mission"].of == ()


def test_a_bare_mention_joins_the_last_of_several_that_can_be_one_thing():
    x = run(
        """
        NATO    2 nsubj  PROPN _ ORG
        leads   0 root   VERB  lead
        a       4 det    DET
        mission 2 obj    NOUN
        in      6 case   ADP
        Iraq    4 nmod   PROPN _ GPE
        .       2 punct  PUNCT

        The      3 det      DET
        NATO     3 compound PROPN _ ORG
        mission  4 nsubj    NOUN
        grew     0 root     VERB  grow
        .        4 punct    PUNCT

        The      2 det    DET
        mission  3 nsubj  NOUN
        ended    0 root   VERB  end
        .        3 punct  PUNCT
        """
    )
    found = {r.label: [m.text for m in r.mentions] for r in x.referents}
    # "mission in Iraq" and "NATO mission" may be one; "the mission" is the last told
    assert found == {
        "mission in Iraq": ["a mission in Iraq"],
        "NATO mission": ["The NATO mission", "The mission"],
    }


def test_a_bare_mention_stays_apart_where_entities_tell_the_missions_apart():
    x = run(
        MISSION
        + """
        The      3 det      DET
        EU       3 compound PROPN _ ORG
        mission  6 nsubj    NOUN
        in       5 case     ADP
        Mali     3 nmod     PROPN _ GPE
        grew     0 root     VERB  grow
        .        6 punct    PUNCT

        The      2 det    DET
        mission  3 nsubj  NOUN
        ended    0 root   VERB  end
        .        3 punct  PUNCT
        """
    )
    found = {r.label: [m.text for m in r.mentions] for r in x.referents}
    assert found["mission"] == ["The mission"]
    assert found["NATO mission in Iraq"] == ["the NATO mission in Iraq"]
