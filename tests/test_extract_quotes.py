"""Reported speech: quote marks, speakers, indirect speech and the speech events."""

from __future__ import annotations

import datetime as dt

import pytest
from doc_table import build, document

from kg.extract import extract
from kg.extract.quotes import quote_spans
from kg.records import Event, Extraction


def run(table: str, published: dt.date | None = None) -> Extraction:
    doc = build(table)
    return extract(doc, document(doc, published))


def event(x: Extraction, predicate: str) -> Event:
    (found,) = [e for e in x.events if e.predicate == predicate]
    return found


def inner(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


@pytest.mark.parametrize(
    ("text", "quotes"),
    [
        ("He said “we are ready.” Then he left.", ["we are ready."]),
        ('He said "yes" and "no".', ["yes", "no"]),
        ("She called it «a disgrace» today.", ["a disgrace"]),
        # An apostrophe is no quote mark.
        ("“Iraq’s sovereignty matters,” he said.", ["Iraq’s sovereignty matters"]),
        # Single marks inside a double-quoted passage are part of it.
        ("“He called it ‘a disgrace’ today,” she said.", ["He called it ‘a disgrace’ today"]),
        # Opened with a single mark, closed with a double one.
        ("‘The size will increase.” -NATO", ["The size will increase."]),
        # Unclosed: the quote ends with its paragraph.
        ("“We will go on.\n\nNext paragraph.", ["We will go on."]),
        # Closed with an opening mark at the end of the paragraph.
        ("“We train local forces. “\n\nNo decision.", ["We train local forces."]),
        # A new quote opening before the last one closed.
        ("“First part. “Second part.” he said.", ["First part.", "Second part."]),
    ],
)
def test_quote_spans(text: str, quotes: list[str]) -> None:
    assert inner(text) == quotes


SPLIT = """
“           4 punct PUNCT
We          4 nsubj PRON  we
are         4 cop   AUX   be
ready       8 ccomp ADJ
,           4 punct PUNCT
”           4 punct PUNCT
Stoltenberg 8 nsubj PROPN _ PERSON
said        0 root  VERB  say
.           8 punct PUNCT

“           8  punct PUNCT
At          4  case  ADP
this        4  det   DET
stage       8  obl   NOUN
,           8  punct PUNCT
we          8  nsubj PRON
have        8  aux   AUX
made        0  root  VERB make tag=VBN
no          11 det   DET
final       11 amod  ADJ
decision    8  obj   NOUN
.           8  punct PUNCT
”           8  punct PUNCT
"""


def test_split_quote_both_halves_go_to_the_speaker():
    x = run(SPLIT)
    assert x.document.text.startswith("“We are ready,” Stoltenberg said. “At this stage")
    assert [(q.text, q.speaker, q.verb, q.direct) for q in x.quotes] == [
        ("We are ready", "stoltenberg", "say", True),
        ("At this stage, we have made no final decision.", "stoltenberg", "say", True),
    ]
    first, second = x.quotes
    assert x.document.text[first.start : first.end] == first.text
    assert (first.sentence, second.sentence) == (0, 1)


def test_speech_event_reports_the_quoted_clause_and_no_makes_a_negation():
    x = run(SPLIT)
    say = event(x, "say")
    assert [(a.role, a.entity) for a in say.arguments if a.role == "agent"] == [
        ("agent", "stoltenberg")
    ]
    assert say.statement_of == event(x, "be").id
    decide = event(x, "decide")  # "made no final decision"
    assert decide.negated


ATTRIBUTION_LINE = """
‘          7  punct     PUNCT
Our        3  nmod:poss PRON  we
mission    7  nsubj     NOUN
is         7  cop       AUX   be
at         7  case      ADP
the        7  det       DET
request    0  root      NOUN
of         11 case      ADP
the        11 det       DET
Iraqi      11 amod      ADJ   _ NORP
government 7  nmod      NOUN
.          7  punct     PUNCT

I          2  nsubj     PRON  i
spoke      0  root      VERB  speak
with       6  case      ADP
Prime      5  amod      ADJ
Minister   6  nmod:desc PROPN
Al         2  obl       PROPN _ PERSON space=no
—          6  punct     PUNCT _ PERSON space=no
Kadhimi    6  flat      PROPN _ PERSON
this       10 det       DET
week       2  obl:unmarked NOUN
.          2  punct     PUNCT
”          2  punct     PUNCT
¶

-           5 punct     PUNCT space=no
NATO        4 compound  PROPN _ ORG
Secretary   4 compound  PROPN
General     5 nmod:desc PROPN
Jens        0 root      PROPN _ PERSON
Stoltenberg 5 flat      PROPN _ PERSON
"""


def test_unbalanced_paragraph_quote_takes_the_attribution_line_below_it():
    x = run(ATTRIBUTION_LINE)
    assert "week.”\n\n-NATO Secretary" in x.document.text
    (quote,) = x.quotes
    assert quote.text == (
        "Our mission is at the request of the Iraqi government. "
        "I spoke with Prime Minister Al—Kadhimi this week."
    )
    assert quote.speaker == "jens stoltenberg"
    assert quote.direct


def test_first_person_inside_a_quote_is_its_speaker():
    x = run(ATTRIBUTION_LINE)
    speak = event(x, "speak")
    found = {a.role: (a.entity, a.text) for a in speak.arguments}
    assert found["agent"] == ("jens stoltenberg", "I")
    assert found["with"] == ("al-kadhimi", "Prime Minister Al—Kadhimi")
    assert found["time"] == (None, "this week")


ANNOUNCED = """
NATO        3  compound   PROPN _ ORG
Secretary   3  compound   PROPN
General     4  nmod:desc  PROPN
Jens        6  nsubj      PROPN _ PERSON
Stoltenberg 4  flat       PROPN _ PERSON
announced   0  root       VERB  announce
Thursday    6  obl:unmarked PROPN _ DATE
that        13 mark       SCONJ
the         11 det        DET
30-member   11 amod       ADJ
alliance    13 nsubj      NOUN
will        13 aux        AUX
expand      6  ccomp      VERB
its         15 nmod:poss  PRON
mission     13 obj        NOUN
.           6  punct      PUNCT

“           5  punct      PUNCT
Our         3  nmod:poss  PRON  we
presence    5  nsubj:pass NOUN
is          5  aux:pass   AUX   be
based       11 ccomp      VERB  base tag=VBN
on          7  case       ADP
conditions  5  obl        NOUN  condition
,           5  punct      PUNCT
”           5  punct      PUNCT
he          11 nsubj      PRON  he
told        0  root       VERB  tell
reporters   11 obj        NOUN  reporter
.           11 punct      PUNCT
"""


def test_announcement_reports_the_expansion_by_the_alliance_on_a_resolved_day():
    x = run(ANNOUNCED, published=dt.date(2021, 2, 19))  # a Friday
    announce, expand = event(x, "announce"), event(x, "expand")
    assert announce.statement_of == expand.id
    found = {a.role: a for a in announce.arguments}
    assert found["agent"].entity == "jens stoltenberg"
    assert (found["time"].text, found["time"].date) == ("Thursday", dt.date(2021, 2, 18))
    agent = next(a for a in expand.arguments if a.role == "agent")
    assert (agent.text, agent.entity) == ("the 30-member alliance", "nato")
    assert expand.modality == "will"


def test_indirect_speech_is_a_quote_and_he_is_the_last_person_subject():
    x = run(ANNOUNCED)
    assert [(q.text, q.speaker, q.verb, q.direct) for q in x.quotes] == [
        ("the 30-member alliance will expand its mission", "jens stoltenberg", "announce", False),
        ("Our presence is based on conditions", "jens stoltenberg", "tell", True),
    ]
    tell = event(x, "tell")
    assert {a.role: a.entity or a.text for a in tell.arguments} == {
        "agent": "jens stoltenberg",
        "recipient": "reporters",
        "theme": "Our presence is based on conditions",
    }
    assert tell.statement_of == event(x, "base").id


ACCORDING_TO = """
NATO        3 compound  PROPN _ ORG
Secretary   3 compound  PROPN
General     4 nmod:desc PROPN
Jens        6 nsubj     PROPN _ PERSON
Stoltenberg 4 flat      PROPN _ PERSON
spoke       0 root      VERB  speak
.           6 punct     PUNCT

According   6  case     VERB  accord tag=VBG
to          1  fixed    ADP
the         6  det      DET
NATO        6  compound PROPN _ ORG
secretary   6  compound NOUN
general     11 obl      NOUN
,           11 punct    PUNCT
the         9  det      DET
mission     11 nsubj    NOUN
will        11 aux      AUX
continue    0  root     VERB
.           11 punct    PUNCT
"""


def test_according_to_a_description_is_indirect_speech_by_the_person_it_names():
    x = run(ACCORDING_TO)
    (quote,) = x.quotes
    assert (quote.text, quote.speaker, quote.verb, quote.direct) == (
        "the mission will continue",
        "jens stoltenberg",
        "according to",
        False,
    )
    source = next(a for a in event(x, "continue").arguments if a.role == "source")
    assert source.entity == "jens stoltenberg"
    person = next(e for e in x.entities if e.key == "jens stoltenberg")
    assert "the NATO secretary general" in [m.text for m in person.mentions]


# The same passage as a parser and NER trained on little news text give it: the partner's
# name tagged ORG, the attribution line's name not tagged at all.
UNTAGGED_ATTRIBUTION_LINE = """
Jens        2  nsubj     PROPN _ PERSON
Stoltenberg 3  flat      PROPN _ PERSON
spoke       0  root      VERB  speak
.           3  punct     PUNCT
¶

‘          3  punct     PUNCT
I          3  nsubj     PRON  i
spoke      0  root      VERB  speak tag=VBD
with       7  case      ADP
Prime      6  amod      ADJ
Minister   7  nmod:desc PROPN
Al         3  obl       PROPN _ ORG space=no
—          9  punct     PUNCT _ ORG space=no
Kadhimi    3  obl       PROPN _ ORG
and        11 cc        CCONJ
assured    3  conj      VERB  assure tag=VBD
him        11 iobj      PRON  he
.          3  punct     PUNCT
”          3  punct     PUNCT
¶

-           5 punct     PUNCT space=no
NATO        5 compound  PROPN _ ORG
Secretary   5 compound  PROPN
General     5 compound  PROPN
Jens        0 root      PROPN
Stoltenberg 5 flat      PROPN
"""


def test_first_person_in_a_quote_attributed_by_an_untagged_line_speaks_with_a_titled_person():
    x = run(UNTAGGED_ATTRIBUTION_LINE)
    (quote,) = [q for q in x.quotes if q.direct]
    assert quote.speaker == "jens stoltenberg"
    speak = next(e for e in x.events if e.predicate == "speak" and e.sentence == 1)
    found = {a.role: a.entity for a in speak.arguments}
    assert found == {"agent": "jens stoltenberg", "with": "al-kadhimi"}
    assure = event(x, "assure")
    assert {a.role: a.entity for a in assure.arguments} == {
        "agent": "jens stoltenberg",
        "recipient": "al-kadhimi",
    }
    kadhimi = next(e for e in x.entities if e.key == "al-kadhimi")
    assert kadhimi.type == "Person"


def test_a_name_misread_as_what_was_said_is_no_quote():
    # "“We will not stay,” said Minister Rebar Ahmed", with the name read as the complement
    x = run(
        """
        “         5  punct     PUNCT
        We        5  nsubj     PRON  we
        will      5  aux       AUX
        not       5  advmod    PART
        stay      0  root      VERB
        ,         5  punct     PUNCT
        ”         5  punct     PUNCT
        said      5  parataxis VERB  say
        Minister  11 compound  PROPN
        Rebar     11 compound  PROPN _ PERSON
        Ahmed     8  ccomp     PROPN _ PERSON
        .         5  punct     PUNCT
        """
    )
    assert [q.text for q in x.quotes if not q.direct] == []
    assert [(q.text, q.speaker) for q in x.quotes] == [("We will not stay", "rebar ahmed")]


# The pipeline's parse: the second half of the quote hangs from "told" as an apposition.
SPLIT_IN_ONE_SENTENCE = """
“           4  punct PUNCT
We          4  nsubj PRON
have        4  aux   AUX
agreed      14 ccomp VERB  agree _ tag=VBN
to          6  mark  PART
raise       4  xcomp VERB
the         8  det   DET
number      6  obj   NOUN
of          10 case  ADP
personnel   8  nmod  NOUN
,           4  punct PUNCT
”           4  punct PUNCT
Stoltenberg 14 nsubj PROPN _ PERSON
told        0  root  VERB  tell _ tag=VBD
reporters   14 iobj  NOUN  reporter
,           19 punct PUNCT
“           19 punct PUNCT
from        19 case  ADP
500         15 appos NUM   _ CARDINAL
to          22 case  ADP
around      22 advmod ADV
4,000       19 nmod  NUM   _ CARDINAL
.           14 punct PUNCT
”           14 punct PUNCT
"""


def test_a_quote_split_by_its_speech_verb_is_one_quote():
    x = run(SPLIT_IN_ONE_SENTENCE)
    assert [(q.text, q.speaker, q.verb, q.direct) for q in x.quotes] == [
        (
            "We have agreed to raise the number of personnel from 500 to around 4,000.",
            "stoltenberg",
            "tell",
            True,
        )
    ]


def test_the_verbless_second_half_of_a_split_quote_belongs_to_the_first_halfs_clause():
    x = run(SPLIT_IN_ONE_SENTENCE)
    (extent,) = [a for a in event(x, "raise").arguments if a.role == "extent"]
    assert extent.quantity is not None
    assert (extent.quantity.low, extent.quantity.high) == (500, 4000)
    assert extent.quantity.approximate
    assert {a.role for a in event(x, "tell").arguments} == {"agent", "theme", "recipient"}


def test_halves_that_end_a_sentence_between_them_stay_two_quotes():
    # "“We are ready,” Stoltenberg said. “At this stage ...”": a sentence ends before the
    # second half, so each half is a quote of its own (as in the first test above).
    assert len(run(SPLIT).quotes) == 2


# The pipeline's parse: "NATO" before the speaker's title hangs from "Iraq" as an apposition.
TITLE_AFTER_COMMA = """
NATO        3  nsubj PROPN _ ORG
will        3  aux   AUX
expand      14 ccomp VERB
its         5  nmod:poss PRON
mission     3  obj   NOUN
in          7  case  ADP
Iraq        3  obl   PROPN _ GPE
,           9  punct PUNCT
NATO        7  appos PROPN _ ORG
Secretary   13 nmod:desc PROPN
General     13 nmod:desc PROPN
Jens        13 compound PROPN _ B-PERSON
Stoltenberg 14 nsubj PROPN _ I-PERSON
said        0  root  VERB  say _ tag=VBD
.           14 punct PUNCT
"""


def test_what_is_said_stops_before_the_speakers_title():
    x = run(TITLE_AFTER_COMMA)
    assert [(q.text, q.speaker) for q in x.quotes] == [
        ("NATO will expand its mission in Iraq", "jens stoltenberg")
    ]
    (theme,) = [a.text for a in event(x, "say").arguments if a.role == "theme"]
    assert theme == "NATO will expand its mission in Iraq"


# "Iraq's Barzani said it. “A shameful act,” said Jean-Yves Le Drian. He told reporters that
# France stands with Iraq." with the second name hung from "said" as a bare dep, as the
# shipped parser reads it.
INVERTED_THEN_HE = """
Masrour   2 compound PROPN _ B-PERSON
Barzani   3 nsubj    PROPN _ I-PERSON
said      0 root     VERB  say tag=VBD
it        3 obj      PRON
.         3 punct    PUNCT

“         4 punct    PUNCT
A         4 det      DET
shameful  4 amod     ADJ
act       7 ccomp    NOUN
,         4 punct    PUNCT
”         4 punct    PUNCT
said      0 root     VERB  say tag=VBD
Jean-Yves 7 dep      PROPN _ B-PERSON
Le        10 compound PROPN _ I-PERSON
Drian     8 flat     PROPN _ I-PERSON
.         7 punct    PUNCT

He        2 nsubj    PRON  he
told      0 root     VERB  tell tag=VBD
reporters 2 iobj     NOUN  reporter
that      6 mark     SCONJ
France    6 nsubj    PROPN _ GPE
stands    2 ccomp    VERB  stand tag=VBZ
with      8 case     ADP
Iraq      6 obl      PROPN _ GPE
.         2 punct    PUNCT
"""


def test_he_after_an_inverted_attribution_is_the_person_named_after_said():
    x = run(INVERTED_THEN_HE)
    assert [(q.text, q.speaker) for q in x.quotes][-2:] == [
        ("A shameful act", "jean-yves le drian"),
        ("France stands with Iraq", "jean-yves le drian"),
    ]
    assert {a.role: a.entity for a in event(x, "tell").arguments}["agent"] == "jean-yves le drian"


def test_a_speaker_no_entity_names_is_kept_in_the_texts_words():
    # "Iraqi officials said the rocket was fired from a village."
    x = run("""
    Iraqi     2 amod      ADJ   _ NORP
    officials 3 nsubj     NOUN  official
    said      0 root      VERB  say tag=VBD
    the       5 det       DET
    rocket    7 nsubj:pass NOUN
    was       7 aux:pass  AUX   be
    fired     3 ccomp     VERB  fire tag=VBN
    from      10 case     ADP
    a         10 det      DET
    village   7 obl       NOUN
    .         3 punct     PUNCT
    """)
    (quote,) = x.quotes
    assert (quote.text, quote.speaker, quote.speaker_text) == (
        "the rocket was fired from a village",
        None,
        "Iraqi officials",
    )


def test_a_named_speaker_has_no_speaker_text():
    (quote,) = [q for q in run(INVERTED_THEN_HE).quotes if q.verb == "tell"]
    assert (quote.speaker, quote.speaker_text) == ("jean-yves le drian", None)


# "The EU will give Ukraine aid, the bloc's chief Josep Borrell said on Tuesday." cut by the
# parser into two sentences, the second a bare "X said", as the shipped parser reads it.
CUT_BEFORE_ATTRIBUTION = """
The       2 det      DET
EU        4 nsubj    PROPN _ ORG
will      4 aux      AUX
give      0 root     VERB  give
Ukraine   4 iobj     PROPN _ GPE
aid       4 obj      NOUN
{end}
the       2 det      DET
bloc      3 nmod:poss NOUN
chief     4 nmod:desc NOUN
Josep     6 nsubj    PROPN _ B-PERSON
Borrell   4 flat     PROPN _ I-PERSON
said      0 root     VERB  say tag=VBD
on        8 case     ADP
Tuesday   6 obl      PROPN _ DATE
.         6 punct    PUNCT
"""


def test_an_attribution_the_parser_cut_off_reports_the_clause_before_it():
    x = run(CUT_BEFORE_ATTRIBUTION.format(end=",         4 punct    PUNCT\n"))
    (quote,) = x.quotes
    assert (quote.text, quote.speaker, quote.direct) == (
        "The EU will give Ukraine aid",
        "josep borrell",
        False,
    )
    say, give = event(x, "say"), event(x, "give")
    assert say.statement_of == give.id
    assert say.sentence == give.sentence == quote.sentence == 0  # one sentence again
    assert [s.text for s in x.sentences] == [
        "The EU will give Ukraine aid, the bloc chief Josep Borrell said on Tuesday."
    ]


def test_a_bare_said_sentence_after_a_full_stop_stays_its_own():
    x = run(CUT_BEFORE_ATTRIBUTION.format(end=".         4 punct    PUNCT\n"))
    assert len(x.sentences) == 2
    assert not x.quotes
    assert event(x, "say").statement_of is None
