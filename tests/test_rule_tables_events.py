"""A parse table for each rule of events and quotes: DEPENDENT_RULES, EVENT_NOUN_RULES,
REPORT_RULES, OBLIQUE_RULES, PREPOSITION_RULES and SPEAKER_RULES."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from rule_tables import Cases, Probe, at, check, resolver

from kg.extract import arguments, clauses, events, quotes
from kg.extract.arguments import ArgumentMaker, Oblique
from kg.extract.parse import Parse
from kg.records import Argument


def _maker(p: Parse) -> ArgumentMaker:
    return ArgumentMaker(p, resolver(p), None)


def _found(found: list[Any] | None) -> object:
    """(role, entity key or text) of each argument a rule gave (with or without its "how")."""
    if found is None:
        return None
    pairs = [a if isinstance(a, Argument) else a[0] for a in found]
    return [(a.role, a.entity or a.text) for a in pairs]


# -- dependent rules: a clause's dependent → its arguments ---------------------------------


def _dependent(verb: str, child: str) -> Probe:
    def probe(p: Parse, rule: Callable[..., Any]) -> object:
        h = at(p, verb)
        clause = events._Clause(p, _maker(p), h, clauses.predicate(p, h)[1], None)
        return _found(rule(clause, at(p, child)))

    return probe


DEPENDENT_CASES: Cases = {
    "object_read_as_time": (
        """
        NATO      2 nsubj PROPN _ ORG
        announced 0 root  VERB  announce tag=VBD
        Thursday  2 obj   PROPN _ DATE
        that      7 mark  SCONJ
        it        7 nsubj PRON
        would     7 aux   AUX
        expand    2 ccomp VERB
        """,
        _dependent("announced", "Thursday"),
        [("time", "Thursday")],
    ),
    "objects": (
        """
        Stoltenberg 2 nsubj PROPN _ PERSON
        announced   0 root  VERB  announce tag=VBD
        the         4 det   DET
        expansion   2 obj   NOUN
        and         8 cc    CCONJ
        the         8 det   DET
        new         8 amod  ADJ
        mandate     4 conj  NOUN
        """,
        _dependent("announced", "expansion"),
        [("theme", "the expansion"), ("theme", "the new mandate")],
    ),
    "indirect_objects": (
        """
        The     2 det   DET
        EU      4 nsubj PROPN _ ORG
        will    4 aux   AUX
        give    0 root  VERB
        Ukraine 4 iobj  PROPN _ GPE
        aid     4 obj   NOUN
        """,
        _dependent("give", "Ukraine"),
        [("recipient", "ukraine")],
    ),
    "copula_complement": (
        """
        Awliya 4 nsubj PROPN _ ORG
        Al     1 flat  PROPN _ ORG
        Dam    1 flat  PROPN _ ORG
        is     0 root  AUX   be
        a      7 det   DET
        Shia   7 amod  ADJ   _ NORP
        group  4 attr  NOUN
        """,
        _dependent("is", "group"),
        [("attribute", "a Shia group")],
    ),
    "complement_clause": (
        """
        Ministers 2 nsubj NOUN minister tag=NNS
        agreed    0 root  VERB agree tag=VBD
        to        4 mark  PART
        expand    2 xcomp VERB
        the       6 det   DET
        mission   4 obj   NOUN
        """,
        _dependent("agreed", "expand"),
        [("theme", "to expand the mission")],
    ),
    "time_adverb": (
        """
        Stoltenberg 2 nsubj  PROPN _ PERSON
        said        0 root   VERB  say tag=VBD
        today       2 advmod ADV
        """,
        _dependent("said", "today"),
        [("time", "today")],
    ),
    "cause_of_a_passive_conjunct": (
        """
        A          3 det        DET
        civilian   3 amod       ADJ
        contractor 5 nsubj:pass NOUN
        was        5 aux:pass   AUX   be
        killed     0 root       VERB  kill tag=VBN
        and        10 cc        CCONJ
        eight      8 nummod     NUM
        others     10 nsubj:pass NOUN other tag=NNS
        were       10 aux:pass  AUX   be
        wounded    5 conj       VERB  wound tag=VBN
        in         14 case      ADP
        a          14 det       DET
        rocket     14 compound  NOUN
        attack     10 obl       NOUN
        """,
        _dependent("killed", "wounded"),
        [("agent", "a rocket attack")],
    ),
    "cause_of_a_stranded_passive": (
        """
        Monday     3 nmod:poss PROPN
        's         1 case      PART
        attack     4 nsubj     NOUN
        claimed    0 root      VERB  claim tag=VBD
        the        6 det       DET
        life       4 obj       NOUN
        of         10 case     ADP
        a          10 det      DET
        civilian   10 amod     ADJ
        contractor 6 nmod      NOUN
        and        13 cc       CCONJ
        nine       13 nummod   NUM
        others     10 conj     NOUN  other tag=NNS
        were       15 aux:pass AUX   be
        injured    4 parataxis VERB  injure tag=VBN
        """,
        _dependent("injured", "were"),
        [("agent", "Monday's attack")],
    ),
}


@pytest.mark.parametrize("name", sorted(DEPENDENT_CASES))
def test_each_dependent_rule_gives_the_arguments_of_its_sentence(name: str) -> None:
    check(events.DEPENDENT_RULES, name, DEPENDENT_CASES[name], chain=True)


# -- event noun rules: an event noun's dependent → its arguments ---------------------------


def _noun_dependent(child: str) -> Probe:
    return lambda p, rule: _found(rule(events._Noun(p, _maker(p), frozenset()), at(p, child)))


EVENT_NOUN_CASES: Cases = {
    "possessive_time": (
        """
        Monday 3 nmod:poss PROPN _ DATE
        ’s     1 case      PART
        attack 4 nsubj     NOUN
        killed 0 root      VERB  kill tag=VBD
        two    4 obj       NUM
        """,
        _noun_dependent("Monday"),
        [("time", "Monday")],
    ),
    "possessive_actor": (
        """
        Iran   3 nmod:poss PROPN _ GPE
        ’s     1 case      PART
        attack 0 root      NOUN
        on     6 case      ADP
        the    6 det       DET
        base   3 nmod      NOUN
        """,
        _noun_dependent("Iran"),
        [("agent", "iran")],
    ),
    "weapon": (
        """
        a      3 det      DET
        rocket 3 compound NOUN
        attack 0 root     NOUN
        """,
        _noun_dependent("rocket"),
        [("instrument", "rocket")],
    ),
}


@pytest.mark.parametrize("name", sorted(EVENT_NOUN_CASES))
def test_each_event_noun_rule_gives_the_arguments_of_its_phrase(name: str) -> None:
    check(events.EVENT_NOUN_RULES, name, EVENT_NOUN_CASES[name], chain=True)


# -- report rules: a speech or attitude verb → the clause it reports -----------------------


def _reported(verb: str) -> Probe:
    def probe(p: Parse, rule: Callable[..., Any]) -> object:
        found = rule(events.EventBuilder(p, resolver(p), None), at(p, verb))
        return None if found is None else p.words[found]

    return probe


REPORT_CASES: Cases = {
    "reports_complement": (
        """
        NATO      2 nsubj PROPN _ ORG
        announced 0 root  VERB  announce tag=VBD
        that      6 mark  SCONJ
        it        6 nsubj PRON
        would     6 aux   AUX
        expand    2 ccomp VERB
        the       8 det   DET
        mission   6 obj   NOUN
        """,
        _reported("announced"),
        "expand",
    ),
    "reports_host_clause": (
        """
        The      2 det       DET
        mission  4 nsubj     NOUN
        will     4 aux       AUX
        continue 0 root      VERB
        ,        4 punct     PUNCT
        he       7 nsubj     PRON
        said     4 parataxis VERB say tag=VBD
        .        4 punct     PUNCT
        """,
        _reported("said"),
        "continue",
    ),
}


@pytest.mark.parametrize("name", sorted(REPORT_CASES))
def test_each_report_rule_finds_the_clause_its_verb_reports(name: str) -> None:
    check(events.REPORT_RULES, name, REPORT_CASES[name], chain=True)


# -- oblique and preposition rules: a clause's prepositional phrase → arguments, role ------


def _oblique(p: Parse, verb: str, noun: str) -> Oblique:
    """The modifier at ``noun`` as the clause of ``verb`` reads it."""
    h, n = at(p, verb), at(p, noun)
    prep = next(prep for prep, k in p.obliques(p.head[n]) if k == n)
    return Oblique(prep, n, p.is_passive(h), clauses.predicate(p, h)[2])


def _obliques(verb: str, noun: str) -> Probe:
    return lambda p, rule: _found(rule(_maker(p), _oblique(p, verb, noun)))


def _role(verb: str, noun: str) -> Probe:
    def probe(p: Parse, rule: Callable[..., Any]) -> object:
        make, o = _maker(p), _oblique(p, verb, noun)
        argument, _ = make.phrase(o.prep, o.noun)
        return rule(o.prep, make.label_of(argument.entity), p.lemma[o.noun])

    return probe


MET_IN_BRUSSELS = """
NATO     2 nsubj PROPN _ ORG
met      0 root  VERB  meet tag=VBD
in       4 case  ADP
Brussels 2 obl   PROPN _ GPE
"""

OBLIQUE_CASES: Cases = {
    "light_verb_theme": (
        """
        Awliya         4 nsubj PROPN _ ORG
        Al             1 flat  PROPN _ ORG
        Dam            1 flat  PROPN _ ORG
        claimed        0 root  VERB  claim tag=VBD
        responsibility 4 obj   NOUN
        for            8 case  ADP
        the            8 det   DET
        attack         5 nmod  NOUN
        """,
        _obliques("claimed", "attack"),
        [("theme", "the attack")],
    ),
    "passive_agent": (
        """
        The     2 det        DET
        attack  4 nsubj:pass NOUN
        was     4 aux:pass   AUX   be
        claimed 0 root       VERB  claim tag=VBN
        by      6 case       ADP
        Awliya  4 obl:agent  PROPN _ ORG
        Al      6 flat       PROPN _ ORG
        Dam     6 flat       PROPN _ ORG
        """,
        _obliques("claimed", "Awliya"),
        [("agent", "awliya al dam")],
    ),
    "time_phrase": (
        """
        Rockets 2 nsubj NOUN  rocket
        hit     0 root  VERB  _ tag=VBD
        the     4 det   DET
        base    2 obj   NOUN
        on      6 case  ADP
        Monday  2 obl   PROPN _ DATE
        """,
        _obliques("hit", "Monday"),
        [("time", "Monday")],
    ),
    "attack_in_passive": (
        """
        Eight   2 nummod     NUM
        others  4 nsubj:pass NOUN  other tag=NNS
        were    4 aux:pass   AUX   be
        wounded 0 root       VERB  wound tag=VBN
        in      7 case       ADP
        the     7 det        DET
        attack  4 obl        NOUN
        """,
        _obliques("wounded", "attack"),
        [("agent", "the attack")],
    ),
    "according_to": (
        """
        The         2 det      DET
        mission     4 nsubj    NOUN
        will        4 aux      AUX
        grow        0 root     VERB
        ,           9 punct    PUNCT
        according   9 case     VERB  accord tag=VBG
        to          6 fixed    ADP
        Jens        9 compound PROPN _ PERSON
        Stoltenberg 4 obl      PROPN _ PERSON
        """,
        _obliques("grow", "Stoltenberg"),
        [("source", "jens stoltenberg")],
    ),
    "by_preposition": (MET_IN_BRUSSELS, _obliques("met", "Brussels"), [("place", "brussels")]),
}


@pytest.mark.parametrize("name", sorted(OBLIQUE_CASES))
def test_each_oblique_rule_gives_the_arguments_of_its_phrase(name: str) -> None:
    check(arguments.OBLIQUE_RULES, name, OBLIQUE_CASES[name], chain=True)


def _clause_with(verb: str, prep: str, *noun_rows: str) -> str:
    """ "NATO <verb> <prep> <noun phrase>": a table for a preposition rule."""
    return "\n".join(
        [f"NATO 2 nsubj PROPN _ ORG\n{verb} 0 root VERB\n{prep} {len(noun_rows) + 3} case ADP"]
        + list(noun_rows)
    )


PREPOSITION_CASES: Cases = {
    "place_preposition": (MET_IN_BRUSSELS, _role("met", "Brussels"), "place"),
    "to_an_actor": (
        _clause_with("wrote", "to", "Iraq 2 obl PROPN _ GPE"),
        _role("wrote", "Iraq"),
        "recipient",
    ),
    "with_partner": (
        _clause_with("spoke", "with", "Al-Kadhimi 2 obl PROPN _ PERSON"),
        _role("spoke", "Al-Kadhimi"),
        "with",
    ),
    "topic_preposition": (
        _clause_with("talked", "about", "the 5 det DET", "mission 2 obl NOUN"),
        _role("talked", "mission"),
        "topic",
    ),
    "other_preposition": (
        _clause_with("acted", "after", "the 5 det DET", "attack 2 obl NOUN"),
        _role("acted", "attack"),
        "after",
    ),
}


@pytest.mark.parametrize("name", sorted(PREPOSITION_CASES))
def test_each_preposition_rule_gives_the_role_of_its_phrase(name: str) -> None:
    check(arguments.PREPOSITION_RULES, name, PREPOSITION_CASES[name], chain=True)


# -- speaker rules: a direct quote → who says it -------------------------------------------


def _speaker(quote: int) -> Probe:
    """A probe: what the rule says of the ``quote``-th direct quote (from 0)."""

    def probe(p: Parse, rule: Callable[..., Any]) -> object:
        q = quotes.QuoteFinder(p, resolver(p))
        return rule(q, q.direct[quote], q.direct[quote - 1] if quote else None)

    return probe


WE_STAY = """
“           3 punct    PUNCT
We          3 nsubj    PRON
stay        8 ccomp    VERB
,           3 punct    PUNCT
”           3 punct    PUNCT
Jens        7 compound PROPN _ PERSON
Stoltenberg 8 nsubj    PROPN _ PERSON
said        0 root     VERB  say tag=VBD
.           8 punct    PUNCT
"""

SPEAKER_CASES: Cases = {
    "speech_verb": (WE_STAY, _speaker(0), quotes.Said("jens stoltenberg", "say", None)),
    "attribution_line": (
        """
        “           3 punct    PUNCT
        We          3 nsubj    PRON
        stay        0 root     VERB
        .           3 punct    PUNCT
        ”           3 punct    PUNCT
        ¶

        -           3 punct    PUNCT
        Jens        3 compound PROPN _ PERSON
        Stoltenberg 0 root     PROPN _ PERSON
        """,
        _speaker(0),
        quotes.Said("jens stoltenberg"),
    ),
    "inherited": (
        WE_STAY
        + """
        “       4 punct PUNCT
        The     3 det   DET
        mission 4 nsubj NOUN
        matters 0 root  VERB matter tag=VBZ
        .       4 punct PUNCT
        ”       4 punct PUNCT
        """,
        _speaker(1),
        quotes.Said("jens stoltenberg"),
    ),
}


@pytest.mark.parametrize("name", sorted(SPEAKER_CASES))
def test_each_speaker_rule_finds_who_says_the_quote_of_its_sentence(name: str) -> None:
    check(quotes.SPEAKER_RULES, name, SPEAKER_CASES[name], chain=True)


CASES = {
    "events.DEPENDENT_RULES": DEPENDENT_CASES,
    "events.EVENT_NOUN_RULES": EVENT_NOUN_CASES,
    "events.REPORT_RULES": REPORT_CASES,
    "arguments.OBLIQUE_RULES": OBLIQUE_CASES,
    "arguments.PREPOSITION_RULES": PREPOSITION_CASES,
    "quotes.SPEAKER_RULES": SPEAKER_CASES,
}
