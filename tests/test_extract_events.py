"""Events from clauses: predicates, roles, polarity, modality, on hand-built UD parses."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_table import build, document

from kg.extract import extract
from kg.records import Event, Extraction

PUBLISHED = dt.date(2021, 2, 17)  # a Wednesday


def run(table: str, published: dt.date | None = PUBLISHED) -> Extraction:
    doc = build(table)
    return extract(doc, document(doc, published))


def only(extraction: Extraction, predicate: str) -> Event:
    found = [e for e in extraction.events if e.predicate == predicate]
    assert len(found) == 1, [e.predicate for e in extraction.events]
    return found[0]


def roles(event: Event) -> dict[str, list[str]]:
    """role → entity keys (or texts where no entity) of an event's arguments."""
    out: dict[str, list[str]] = {}
    for argument in event.arguments:
        out.setdefault(argument.role, []).append(argument.entity or argument.text)
    return out


def test_active_clause_with_object_count_and_place():
    x = run(
        """
        The     3 det    DET
        United  3 compound PROPN _ GPE
        States  4 nsubj  PROPN _ GPE
        has     0 root   VERB  have
        2,500   6 nummod NUM
        troops  4 obj    NOUN  troop
        in      8 case   ADP
        Iraq    4 obl    PROPN _ GPE
        .       4 punct  PUNCT
        """
    )
    have = only(x, "have")
    assert roles(have) == {"agent": ["united states"], "theme": ["2,500 troops"], "place": ["iraq"]}
    troops = have.arguments[1].quantity
    assert troops is not None
    assert (troops.kind, troops.value, troops.unit) == ("count", 2500, "troop")
    assert x.document.text[have.start : have.end] == "has"
    assert have.sentence == 0
    assert have.confidence == 1.0


def test_passive_with_by_agent_and_phrasal_verb():
    x = run(
        """
        The      2 det          DET
        attack   4 nsubj:pass   NOUN
        was      4 aux:pass     AUX  be
        carried  0 root         VERB carry tag=VBN
        out      4 compound:prt ADP
        by       7 case         ADP
        Awliya   4 obl:agent    PROPN _ ORG
        Al       7 flat         PROPN _ ORG
        Dam      7 flat         PROPN _ ORG
        .        4 punct        PUNCT
        """
    )
    event = only(x, "carry out")
    assert roles(event) == {"theme": ["The attack"], "agent": ["awliya al dam"]}


def test_copula_gives_be_with_attribute():
    x = run(
        """
        Awliya 7 nsubj PROPN _ ORG
        Al     1 flat  PROPN _ ORG
        Dam    1 flat  PROPN _ ORG
        is     7 cop   AUX   be
        a      7 det   DET
        Shia   7 amod  ADJ   _ NORP
        group  0 root  NOUN
        .      7 punct PUNCT
        """
    )
    event = only(x, "be")
    assert roles(event) == {"theme": ["awliya al dam"], "attribute": ["a Shia group"]}
    assert x.document.text[event.start : event.end] == "is"


CLAIM = """
A              3  det        DET
Shia           3  amod       ADJ  _ NORP
group          9  nsubj      NOUN
called         3  acl        VERB call tag=VBN
Awliya         4  xcomp      PROPN _ ORG
Al             5  flat       PROPN _ ORG
Dam            5  flat       PROPN _ ORG
has            9  aux        AUX  have
claimed        0  root       VERB claim tag=VBN
responsibility 9  obj        NOUN
for            13 case       ADP
the            13 det        DET
attack         10 nmod       NOUN
and            16 cc         CCONJ
is             16 aux:pass   AUX  be
believed       9  conj       VERB believe tag=VBN
to             20 mark       PART
be             20 cop        AUX  be
a              20 det        DET
front          16 xcomp      NOUN
for            24 case       ADP
an             24 det        DET
Iranian-backed 24 amod       ADJ
militia        20 nmod       NOUN
.              9  punct      PUNCT
"""


def test_light_verb_phrase_takes_its_prepositional_object_as_theme():
    x = run(CLAIM)
    claim = only(x, "claim responsibility for")
    # "A Shia group called Awliya Al Dam" is the named group.
    assert roles(claim) == {"agent": ["awliya al dam"], "theme": ["the attack"]}


def test_is_believed_to_be_is_a_hedged_copula_of_the_shared_subject():
    x = run(CLAIM)
    assert not [e for e in x.events if e.predicate == "believe"]
    be = only(x, "be")
    assert roles(be) == {
        "theme": ["awliya al dam"],
        "attribute": ["a front for an Iranian-backed militia"],
    }
    assert be.modality == "believed"
    assert be.confidence < 0.7
    assert only(x, "claim responsibility for").confidence > be.confidence


SAID_AGREED = """
Alliance    3  compound NOUN
defense     3  compound NOUN
ministers   5  nsubj    NOUN minister
have        5  aux      AUX
agreed      21 ccomp    VERB agree tag=VBN
to          7  mark     PART
raise       5  xcomp    VERB
the         9  det      DET
number      7  obj      NOUN
of          11 case     ADP
troops      9  nmod     NOUN troop
from        13 case     ADP
500         7  obl      NUM
to          15 case     ADP
4,000       7  obl      NUM
,           5  punct    PUNCT
Secretary   18 compound PROPN
General     19 nmod:desc PROPN
Jens        21 nsubj    PROPN _ PERSON
Stoltenberg 19 flat     PROPN _ PERSON
said        0  root     VERB say
.           21 punct    PUNCT
"""


def test_control_chain_gives_the_embedded_verb_the_controllers_subject():
    x = run(SAID_AGREED)
    agree, raise_ = only(x, "agree"), only(x, "raise")
    assert roles(raise_)["agent"] == ["Alliance defense ministers"]
    assert roles(raise_)["theme"] == ["the number of troops"]
    assert agree.statement_of == raise_.id
    assert roles(agree)["theme"] == ["to raise the number of troops from 500 to 4,000"]


def test_from_to_numbers_are_one_change_quantity():
    x = run(SAID_AGREED)
    (extent,) = [a for a in only(x, "raise").arguments if a.role == "extent"]
    assert extent.text == "from 500 to 4,000"
    assert extent.quantity is not None
    assert (extent.quantity.kind, extent.quantity.low, extent.quantity.high) == (
        "change",
        500,
        4000,
    )
    assert not extent.quantity.approximate
    # The numbers are read once, as the change, not again as "from"/"to" arguments.
    assert {a.role for a in only(x, "raise").arguments} == {"agent", "theme", "extent"}


def test_speech_verb_reports_the_clause_it_introduces():
    x = run(SAID_AGREED)
    say = only(x, "say")
    assert roles(say) == {
        "agent": ["jens stoltenberg"],
        "theme": [
            "Alliance defense ministers have agreed to raise the number of troops from 500 to 4,000"
        ],
    }
    assert say.statement_of == only(x, "agree").id


def test_conjoined_subjects_distribute_and_negation_is_kept():
    x = run(
        """
        The        3  det      DET
        White      3  compound PROPN _ ORG
        House      15 nsubj    PROPN _ ORG
        ,          6  punct    PUNCT
        the        6  det      DET
        Pentagon   3  conj     PROPN _ ORG
        ,          11 punct    PUNCT
        and        11 cc       CCONJ
        the        11 det      DET
        State      11 compound PROPN _ ORG
        Department 3  conj     PROPN _ ORG
        have       15 aux      AUX
        not        15 advmod   PART
        publicly   15 advmod   ADV
        confirmed  0  root     VERB confirm tag=VBN
        who        20 nsubj    PRON
        is         20 cop      AUX  be
        behind     20 case     ADP
        the        20 det      DET
        attack     15 ccomp    NOUN
        .          15 punct    PUNCT
        """
    )
    confirm = only(x, "confirm")
    assert confirm.negated
    assert roles(confirm)["agent"] == ["white house", "pentagon", "state department"]
    assert roles(confirm)["theme"] == ["who is behind the attack"]
    assert not only(x, "be").negated
    # Not confirming something reports nothing: no indirect quote.
    assert x.quotes == ()


def test_modal_auxiliary_and_approximate_change():
    x = run(
        """
        The       2  det      DET
        size      7  nsubj    NOUN
        of        5  case     ADP
        our       5  nmod:poss PRON we
        mission   2  nmod     NOUN
        will      7  aux      AUX
        increase  0  root     VERB
        from      10 case     ADP
        500       10 nummod   NUM
        personnel 7  obl      NOUN
        to        13 case     ADP
        around    13 advmod   ADV
        4,000     7  obl      NUM
        .         7  punct    PUNCT
        """
    )
    increase = only(x, "increase")
    assert increase.modality == "will"
    assert roles(increase)["theme"] == ["The size of our mission"]
    (extent,) = [a for a in increase.arguments if a.role == "extent"]
    q = extent.quantity
    assert q is not None
    assert (q.low, q.high, q.unit, q.approximate) == (500, 4000, "personnel", True)


KILLED_WOUNDED = """
a         3  det          DET
civilian  3  amod         ADJ
contractor 5 nsubj:pass   NOUN
was       5  aux:pass     AUX  be
killed    0  root         VERB kill tag=VBN
and       10 cc           CCONJ
eight     8  nummod       NUM
others    10 nsubj:pass   NOUN other
were      10 aux:pass     AUX  be
wounded   5  conj         VERB wound tag=VBN
in        14 case         ADP
a         14 det          DET
rocket    14 compound     NOUN
attack    10 obl          NOUN
Monday    14 nmod:unmarked PROPN _ DATE
at        20 case         ADP
a         20 det          DET
U.S.-led  20 amod         ADJ
military  20 amod         ADJ
base      14 nmod         NOUN
in        24 case         ADP
Kurdish   24 amod         ADJ  _ NORP
northern  24 amod         ADJ
Iraq      20 nmod         PROPN _ GPE
.         5  punct        PUNCT
"""


def test_conjoined_passive_clauses_and_a_count_word():
    x = run(KILLED_WOUNDED)
    # the attack the second clause was done in did the first too
    assert roles(only(x, "kill")) == {
        "theme": ["a civilian contractor"],
        "agent": ["a rocket attack Monday at a U.S.-led military base in Kurdish northern Iraq"],
    }
    wound = only(x, "wound")
    assert wound.negated is False
    theme = next(a for a in wound.arguments if a.role == "theme")
    assert theme.quantity is not None
    assert (theme.quantity.kind, theme.quantity.value, theme.quantity.unit) == ("count", 8, None)


def test_event_noun_with_time_place_and_weapon():
    x = run(KILLED_WOUNDED)
    attack = only(x, "attack")
    found = roles(attack)
    assert found["instrument"] == ["rocket"]
    assert found["time"] == ["2021-02-15"]  # the Monday before publication
    assert found["place"] == ["a U.S.-led military base in Kurdish northern Iraq", "iraq"]
    time = next(a for a in attack.arguments if a.role == "time")
    assert time.date == dt.date(2021, 2, 15)
    assert attack.confidence < 1.0
    assert "2021-02-15" in {e.key for e in x.entities}


def test_weekday_stays_unresolved_without_a_publication_date():
    x = run(KILLED_WOUNDED, published=None)
    time = next(a for a in only(x, "attack").arguments if a.role == "time")
    assert (time.text, time.date, time.entity) == ("Monday", None, None)


SPOKE_WITH = """
Stoltenberg 2 nsubj     PROPN _ PERSON
spoke       0 root      VERB  speak
with        6 case      ADP
Prime       5 amod      ADJ
Minister    6 nmod:desc PROPN
Al-Kadhimi  2 obl       PROPN _ PERSON
and         8 cc        CCONJ
assured     2 conj      VERB  assure
him         8 obj       PRON  he
.           2 punct     PUNCT
"""


def test_with_a_person_is_a_companion_and_a_pronoun_object_is_not_the_subject():
    x = run(SPOKE_WITH)
    assert roles(only(x, "speak")) == {"agent": ["stoltenberg"], "with": ["al-kadhimi"]}
    assure = only(x, "assure")
    assert roles(assure) == {"agent": ["stoltenberg"], "recipient": ["al-kadhimi"]}
    assert assure.confidence < 1.0  # a pronoun and an inherited subject


def test_with_a_thing_is_an_instrument():
    x = run(
        """
        Militants 2 nsubj NOUN militant
        attacked  0 root  VERB attack
        the       4 det   DET
        base      2 obj   NOUN
        with      6 case  ADP
        rockets   2 obl   NOUN rocket
        .         2 punct PUNCT
        """
    )
    assert roles(only(x, "attack")) == {
        "agent": ["Militants"],
        "theme": ["the base"],
        "instrument": ["rockets"],
    }


def test_going_to_and_have_to_are_modalities_of_the_embedded_verb():
    x = run(
        """
        We          4 nsubj  PRON  we
        are         4 aux    AUX   be
        not         4 advmod PART
        going       0 root   VERB  go tag=VBG
        to          6 mark   PART
        anticipate  4 xcomp  VERB
        a           8 det    DET
        response    6 obj    NOUN
        .           4 punct  PUNCT
        """
    )
    assert [e.predicate for e in x.events] == ["anticipate"]
    anticipate = x.events[0]
    assert anticipate.negated
    assert anticipate.modality == "going to"


def test_events_are_numbered_in_text_order_and_traceable_to_sentences():
    x = run(SAID_AGREED + "\n" + SPOKE_WITH)
    assert [e.id for e in x.events] == [f"e{k}" for k in range(1, len(x.events) + 1)]
    assert [e.sentence for e in x.events] == sorted(e.sentence for e in x.events)
    assert only(x, "speak").sentence == 1
    assert x.sentences[1].text.startswith("Stoltenberg spoke with")
    for event in x.events:
        sentence = x.sentences[event.sentence]
        assert sentence.start <= event.start < event.end <= sentence.end


# As a parser trained on little news text reads it: "nine others" a conjunct of "contractor",
# "were injured" a subjectless conjunct of "claimed".
CLAIMED_INJURED = """
Monday     3  nmod:poss    PROPN _ DATE
’s         1  case         PART  tag=POS
attack     4  nsubj        NOUN
claimed    0  root         VERB  claim tag=VBD
the        6  det          DET
life       4  obj          NOUN
of         10 case         ADP
a          10 det          DET
civilian   10 amod         ADJ
contractor 6  nmod         NOUN
and        13 cc           CCONJ
nine       13 nummod       NUM
others     10 conj         NOUN  other tag=NNS
,          18 punct        PUNCT
including  18 case         VERB  include tag=VBG
a          18 det          DET
US         18 compound     PROPN _ GPE
soldier    13 nmod         NOUN
,          4  punct        PUNCT
were       21 aux:pass     AUX   be
injured    4  conj         VERB  injure tag=VBN
.          4  punct        PUNCT
"""


def test_a_counted_conjunct_before_a_subjectless_passive_conjunct_is_its_subject():
    x = run(CLAIMED_INJURED)
    kill = only(x, "kill")
    assert roles(kill) == {"agent": ["Monday’s attack"], "theme": ["a civilian contractor"]}
    injure = only(x, "injure")
    # and the attack that claimed the life did the injuring (cause_of_a_stranded_passive)
    assert roles(injure) == {
        "agent": ["Monday’s attack"],
        "theme": ["nine others, including a US soldier"],
    }
    (theme,) = [a for a in injure.arguments if a.role == "theme"]
    assert theme.quantity is not None and theme.quantity.value == 9


def test_an_aside_hung_from_the_main_verb_does_not_hide_the_stranded_subject():
    # "... and nine others, including a US soldier, were injured" with "soldier" read as an
    # oblique of "claimed" and "injured" as parataxis, as the shipped parser does
    table = CLAIMED_INJURED.replace("soldier    13 nmod", "soldier    4  obl").replace(
        "injured    4  conj", "injured    4  parataxis"
    )
    injure = only(run(table), "injure")
    assert roles(injure) == {"agent": ["Monday’s attack"], "theme": ["nine others"]}
    (theme,) = [a for a in injure.arguments if a.role == "theme"]
    assert theme.quantity is not None
    assert theme.quantity.value == 9


def test_an_aside_read_as_the_subject_gives_way_to_the_noun_before_it():
    # "... and nine others, including a US soldier, were injured" with "soldier" read as the
    # passive subject of "injured", itself a complement of "claimed"
    table = CLAIMED_INJURED.replace("soldier    13 nmod", "soldier    21 nsubj:pass").replace(
        "injured    4  conj", "injured    4  ccomp"
    )
    (theme,) = [a for a in only(run(table), "injure").arguments if a.role == "theme"]
    assert theme.quantity is not None and theme.quantity.value == 9


def test_an_adjectival_participle_is_lemmatized_as_its_verb():
    # "were injured" tagged JJ and left as "injured" by a lemmatizer is the verb "injure"
    table = CLAIMED_INJURED.replace(
        "injured    4  conj         VERB  injure tag=VBN",
        "injured    4  conj         VERB  injured tag=JJ",
    )
    assert only(run(table), "injure")


@pytest.mark.parametrize(
    ("word", "lemma", "verb"),
    [("deterred", "deterr", "deter"), ("occurred", "occurr", "occur"), ("erred", "err", "err")],
)
def test_a_lemma_with_a_doubled_final_r_is_its_verb(word: str, lemma: str, verb: str) -> None:
    # The lemmatizer leaves "deterred" as "deterr"; English verbs (but "err") end in one r.
    table = f"""
    The       2 det      DET
    alliance  4 nsubj:pass NOUN
    was       4 aux:pass AUX  be
    {word:9} 0 root     VERB {lemma} tag=VBN
    """
    assert only(run(table), verb)


def test_a_passive_conjunct_with_its_own_and_or_a_disagreeing_number_shares_the_subject():
    table = """
    The       2 det      DET
    troops    3 nsubj    NOUN  troop tag=NNS
    killed    0 root     VERB  kill tag=VBD
    the       5 det      DET
    leader    3 obj      NOUN
    and       8 cc       CCONJ
    his       8 nmod:poss PRON
    deputy    5 conj     NOUN
    and       11 cc      CCONJ
    were      11 aux:pass AUX  be
    praised   3 conj     VERB  praise tag=VBN
    .         3 punct    PUNCT
    """
    assert roles(only(run(table), "praise")) == {"theme": ["The troops"]}
    # Without the second "and", "were" still does not agree with "his deputy".
    table = table.replace("and       11 cc      CCONJ", ",         11 punct   PUNCT")
    assert roles(only(run(table), "praise")) == {"theme": ["The troops"]}


def test_a_finite_verb_with_a_passive_subject_label_and_no_auxiliary_is_active():
    x = run(
        """
        Austin       2 nsubj:pass PROPN _ PERSON
        participated 0 root       VERB  participate tag=VBD
        .            2 punct      PUNCT
        """
    )
    assert roles(only(x, "participate")) == {"agent": ["austin"]}


def test_a_subjectless_passive_read_as_a_complement_takes_the_conjunct_and_is_no_theme():
    # Another parser's reading: "were injured" a complement (ccomp) of "claimed".
    table = CLAIMED_INJURED.replace(
        "injured    4  conj         VERB  injure tag=VBN",
        "injured    4  ccomp        VERB  injure tag=VBN",
    )
    x = run(table)
    assert roles(only(x, "injure")) == {
        "agent": ["Monday’s attack"],
        "theme": ["nine others, including a US soldier"],
    }
    assert roles(only(x, "kill")) == {
        "agent": ["Monday’s attack"],
        "theme": ["a civilian contractor"],
    }


def test_the_object_of_after_before_a_subjectless_passive_is_its_subject():
    # "after" read as a preposition of "contractor", "was killed" as a conjunct of "came".
    x = run(
        """
        The          2  det          DET
        announcement 3  nsubj        NOUN
        came         0  root         VERB  come tag=VBD
        just         5  advmod       ADV
        days         3  obl:unmarked NOUN  day tag=NNS
        after        9  case         ADP
        a            9  det          DET
        civilian     9  amod         ADJ
        contractor   3  obl          NOUN
        was          11 aux:pass     AUX   be
        killed       3  conj         VERB  kill tag=VBN
        .            3  punct        PUNCT
        """
    )
    assert roles(only(x, "kill")) == {"theme": ["a civilian contractor"]}


def test_a_group_called_a_name_read_as_two_subjects_is_one_claimant():
    # Another parser's reading of CLAIM: "group" and "Dam" both subjects of "claimed".
    x = run(
        """
        A              3  det        DET
        Shia           3  amod       ADJ  _ NORP
        group          9  nsubj      NOUN
        called         3  acl        VERB call tag=VBD
        Awliya         7  compound   PROPN _ PERSON
        Al             5  flat       PROPN _ PERSON
        Dam            9  nsubj      PROPN _ PERSON
        has            9  aux        AUX  have
        claimed        0  root       VERB claim tag=VBN
        responsibility 9  obj        NOUN
        for            13 case       ADP
        the            13 det        DET
        attack         10 nmod       NOUN
        .              9  punct      PUNCT
        """
    )
    claim = only(x, "claim responsibility for")
    assert roles(claim) == {"agent": ["awliya al dam"], "theme": ["the attack"]}
    (group,) = [e for e in x.entities if e.key == "awliya al dam"]
    assert group.type == "Organization"


def test_a_description_titled_a_name_is_the_named_entity():
    x = run(
        """
        An        2 det       DET
        operation 6 nsubj     NOUN
        titled    2 acl       VERB  title tag=VBN
        Inherent  3 xcomp     PROPN _ EVENT
        Resolve   4 flat      PROPN _ EVENT
        ended     0 root      VERB  end tag=VBD
        its       8 nmod:poss PRON
        mission   6 obj       NOUN
        .         6 punct     PUNCT
        """
    )
    assert roles(only(x, "end")) == {"agent": ["inherent resolve"], "theme": ["its mission"]}


def test_a_description_known_somewhere_as_a_name_is_the_name_not_the_place():
    x = run(
        """
        A         2  det   DET
        militia   9  nsubj NOUN
        known     2  acl   VERB  know tag=VBN
        in        5  case  ADP
        Iraq      3  obl   PROPN _ GPE
        as        7  case  ADP
        Kataib    3  obl   PROPN _ ORG
        Hezbollah 7  flat  PROPN _ ORG
        attacked  0  root  VERB  attack tag=VBD
        the       11 det   DET
        base      9  obj   NOUN
        .         9  punct PUNCT
        """
    )
    assert roles(only(x, "attack")) == {"agent": ["kataib hezbollah"], "theme": ["the base"]}


TAKEN_LAST_WEEK = """
The      2 det        DET
decision 4 nsubj:pass NOUN
was      4 aux:pass   AUX  be   _ tag=VBD
taken    0 root       VERB take _ tag=VBN
last     6 amod       ADJ  _    B-DATE
week     4 obl:unmarked NOUN _  I-DATE
.        4 punct      PUNCT
"""


def test_last_week_resolves_to_the_week_before_publication():
    x = run(TAKEN_LAST_WEEK)  # published on Wednesday 17 February 2021
    (time,) = [a for a in only(x, "take").arguments if a.role == "time"]
    assert (time.text, time.date) == ("last week", None)
    assert time.period == (dt.date(2021, 2, 8), dt.date(2021, 2, 14))
    (week,) = [e for e in x.entities if e.type == "TimeExpression"]
    assert (week.key, week.name) == ("2021-02-08/2021-02-14", "last week")


def test_last_week_stays_text_without_a_publication_date():
    x = run(TAKEN_LAST_WEEK, published=None)
    (time,) = [a for a in only(x, "take").arguments if a.role == "time"]
    assert (time.text, time.entity, time.period) == ("last week", None, None)
    assert not [e for e in x.entities if e.type == "TimeExpression"]


# "NATO defence ministers agreed on Thursday to expand the mission." as the shipped parser
# reads it: a noun phrase rooted in "ministers", the verb hung below it as a participle.
MINISTERS_AGREED = """
NATO       3 compound PROPN _ ORG
defence    3 compound NOUN
ministers  0 root     NOUN minister
agreed     3 acl      VERB agree tag=VBN
on         6 case     ADP
Thursday   4 obl      PROPN _ DATE
to         8 mark     PART
expand     4 advcl    VERB
the        10 det     DET
mission    8 obj      NOUN
.          3 punct    PUNCT
"""


def test_a_clause_read_as_a_noun_phrase_gets_its_verb_back_with_the_noun_as_subject():
    x = run(MINISTERS_AGREED)
    agree = only(x, "agree")
    assert roles(agree)["agent"] == ["NATO defence ministers"]
    assert agree.arguments[-1].date == dt.date(2021, 2, 11)  # past tense: the Thursday before
    assert roles(only(x, "expand")) == {
        "agent": ["NATO defence ministers"],
        "theme": ["the mission"],
    }


def test_a_headline_verb_hung_from_its_subject_is_the_headline_clause():
    # "Alliance ministers agree to expand training mission", "agree" read as an xcomp
    x = run("""
    Alliance   2 compound NOUN
    ministers  0 root     NOUN minister
    agree      2 xcomp    VERB _ tag=VBP
    to         5 mark     PART
    expand     3 advcl    VERB
    training   7 compound NOUN
    mission    5 obj      NOUN
    """)
    assert roles(only(x, "agree")) == {"agent": ["Alliance ministers"]}
    assert roles(only(x, "expand")) == {
        "agent": ["Alliance ministers"],
        "theme": ["training mission"],
    }


@pytest.mark.parametrize(
    "table",
    [
        # a passive participle stays a modifier: "Soldiers wounded in the attack"
        """
        Soldiers  0 root  NOUN soldier
        wounded   1 acl   VERB wound tag=VBN
        in        5 case  ADP
        the       5 det   DET
        attack    2 obl   NOUN
        """,
        # so does a participle after a comma: "The soldiers, trained to fight, ..."
        """
        The       2 det   DET
        soldiers  0 root  NOUN soldier
        ,         4 punct PUNCT
        trained   2 acl   VERB train tag=VBN
        to        6 mark  PART
        fight     4 xcomp VERB
        """,
    ],
)
def test_a_real_participle_modifier_keeps_its_noun_as_head(table: str) -> None:
    from kg.extract.parse import Parse

    parse = Parse(build(table))
    verb = next(i for i, p in enumerate(parse.pos) if p == "VERB")
    assert parse.dep[verb] == "acl"
    assert not any(parse.dep[c] == "nsubj" for c in parse.children[verb])


def test_a_noun_tagged_as_a_verb_in_a_nouns_place_is_a_noun_and_its_time_the_clauses():
    # "The package was approved by EU ministers last week." with "ministers" NNS but VERB
    x = run("""
    The       2 det       DET
    package   4 nsubj:pass NOUN
    was       4 aux:pass  AUX   be
    approved  0 root      VERB  approve tag=VBN
    by        7 case      ADP
    EU        7 compound  PROPN _ ORG
    ministers 4 obl:agent VERB  minister tag=NNS
    last      9 amod      ADJ   _ B-DATE
    week      7 obl:unmarked NOUN _ I-DATE
    .         4 punct     PUNCT
    """)
    assert [e.predicate for e in x.events] == ["approve"]
    approve = only(x, "approve")
    assert roles(approve)["agent"] == ["EU ministers"]
    (time,) = [a for a in approve.arguments if a.role == "time"]
    assert (time.text, time.period) == ("last week", (dt.date(2021, 2, 8), dt.date(2021, 2, 14)))


@pytest.mark.parametrize("ending", ["'s", "’s", "'", "’"])
def test_a_possessive_ending_is_no_part_of_the_preposition(ending: str) -> None:
    # "The envoys stayed at the ministers’.": the curly apostrophe alone is an ending too.
    x = run(f"""
    The       2 det   DET
    envoys    3 nsubj NOUN  envoy tag=NNS
    stayed    0 root  VERB  stay tag=VBD
    at        6 case  ADP
    the       6 det   DET
    ministers 3 obl   NOUN  minister tag=NNS space=no
    {ending}  6 case  PART  _ tag=POS
    .         3 punct PUNCT
    """)
    assert roles(only(x, "stay")) == {"agent": ["The envoys"], "at": ["the ministers"]}


def test_a_clause_on_an_event_noun_and_the_noun_are_two_events_with_two_ids():
    # "It was the deadliest attack in a year": the clause (be) and the event noun (attack)
    # stand on one token; each is its own event, and a graph gets one IRI per event.
    x = run(
        """
        It        5 nsubj  PRON  it
        was       5 cop    AUX   be
        the       5 det    DET
        deadliest 5 amod   ADJ   deadly
        attack    0 root   NOUN
        in        8 case   ADP
        a         8 det    DET
        year      5 nmod   NOUN
        .         5 punct  PUNCT
        """
    )
    assert sorted(e.predicate for e in x.events) == ["attack", "be"]
    assert len({e.id for e in x.events}) == 2
