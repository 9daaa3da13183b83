"""Events: one per clause (and per event noun with arguments), neo-Davidsonian style.

A clause's arguments come from its subjects, then from each of its dependents through
``DEPENDENT_RULES`` (the first that answers gives the dependent's arguments), then from its
prepositional phrases (``kg.extract.arguments.OBLIQUE_RULES``) and the changes it states; the
clause a speech or attitude verb reports comes from ``REPORT_RULES``. An event noun's
arguments come from its dependents through ``EVENT_NOUN_RULES`` and from its prepositional
phrases.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from kg.extract import clauses, dates, quantities
from kg.extract.arguments import ArgumentMaker, NounPhrases
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver
from kg.extract.rules import first
from kg.nlp.lexicon.deps import (
    ALL_SUBJECTS,
    ATTRIBUTE_CUT,
    CLAUSAL_SUBJECTS,
    COMPLEMENT_CLAUSES,
    COPULA,
    INDIRECT_OBJECTS,
    OBJECT_DEPS,
    PASSIVE_AUXILIARIES,
    STRANDING_DEPS,
)
from kg.nlp.lexicon.labels import CORE_ROLES, EVENT_NOUN_ROLES, SECONDARY_PREDICATE_POS
from kg.nlp.lexicon.nouns import EVENT_KINDS, EVENT_NOUNS, PLACE_NOUNS, WEAPON_NOUNS
from kg.nlp.lexicon.time import TIME_ADVERBS
from kg.nlp.lexicon.verbs import (
    ATTITUDE_VERBS,
    HARM_VERBS,
    HEDGE_OR_RAISING_VERBS,
    SPEECH_VERBS,
    TELL_VERBS,
    WEAK_MODALS,
)
from kg.nlp.lexicon.words import THEME_PREPS
from kg.records import Argument, Event, Quantity


@dataclass
class _Draft:
    token: int
    predicate: str
    start: int
    end: int
    arguments: list[Argument] = field(default_factory=list)
    negated: bool = False
    modality: str | None = None
    confidence: float = 1.0
    reports: int | None = None  # token of the clause this one reports
    hedged: bool = False
    noun: bool = False  # an event noun's event, not a clause's
    hows: list[str | None] = field(default_factory=list)  # how each argument's entity was found

    def add(self, argument: Argument, how: str | None = None) -> None:
        if argument.entity is not None and any(
            a.role == argument.role and a.entity == argument.entity for a in self.arguments
        ):
            return  # the same entity twice in one role: a doubled parse
        self.arguments.append(argument)
        self.hows.append(how)


Found = list[tuple[Argument, str | None]]  # arguments, each with how its entity was found


@dataclass(frozen=True)
class _Clause:
    """What the dependent rules of one clause read."""

    p: Parse
    make: ArgumentMaker
    head: int
    absorbed: int | None  # the noun a light verb took into its predicate: "claim responsibility"
    agent: str | None  # the agent's entity, never also an object of the same clause


@dataclass(frozen=True)
class _Noun:
    """What the rules of an event noun's dependents read."""

    p: Parse
    make: ArgumentMaker
    covered: AbstractSet[int]  # tokens a stated change took: "the attack's 20% rise"


def extract_events(
    p: Parse,
    resolver: Resolver,
    published: dt.date | None,
    continues: Mapping[int, int] | None = None,
) -> tuple[list[Event], dict[str, list[tuple[int, int]]], NounPhrases]:
    """The events of a document; the token spans of each calendar day or period their time
    arguments name (ISO key → spans), for its time entities; and the noun phrases their
    arguments name with no entity ((sentence, text) → start, end, head), for its referents."""
    builder = EventBuilder(p, resolver, published, continues)
    return builder.events(), builder.args.times, builder.args.nouns


class EventBuilder:
    def __init__(
        self,
        p: Parse,
        resolver: Resolver,
        published: dt.date | None,
        continues: Mapping[int, int] | None = None,
    ):
        self.p, self.resolver = p, resolver
        self.continues = continues or {}
        self.args = ArgumentMaker(p, resolver, published, self.continues)
        self.heads = [i for i in range(p.n) if clauses.is_head(p, i)]
        self.head_set = set(self.heads)
        self.wrapped: dict[int, tuple[int, str]] = {}  # embedded clause → (wrapper, modality)
        for h in self.heads:
            found = clauses.wrapper(p, h)
            if found is not None:
                self.wrapped[found[0]] = (h, found[1])
        self.wrappers = {w: c for c, (w, _) in self.wrapped.items()}  # wrapper → embedded
        self.changes: dict[int, list[Quantity]] = {}
        self.covered: set[int] = set()
        for start, end in p.sent_bounds:
            for anchor, quantity, covered in quantities.changes(p, start, end):
                self.changes.setdefault(self._clause_above(anchor), []).append(quantity)
                self.covered |= covered

    def _clause_above(self, i: int) -> int:
        if i in self.continues:
            return self.continues[i]
        while i not in self.head_set and self.p.head[i] != i:
            i = self.p.head[i]
        return i

    def events(self) -> list[Event]:
        drafts = [self._clause(h) for h in self.heads if h not in self.wrappers]
        drafts += [d for d in (self._nominal(i) for i in range(self.p.n)) if d is not None]
        drafts.sort(key=lambda d: d.token)  # stable: a clause before the event noun it is on
        ids = [f"e{k}" for k in range(1, len(drafts) + 1)]
        # A report points to a clause; "It was the deadliest attack" is a clause (be) and an
        # event noun (attack) on one token, two events with an id each.
        clause_ids = {d.token: name for d, name in zip(drafts, ids, strict=True) if not d.noun}
        return [
            Event(
                id=name,
                predicate=d.predicate,
                sentence=self.p.sent[d.token],
                start=d.start,
                end=d.end,
                arguments=tuple(d.arguments),
                negated=d.negated,
                modality=d.modality,
                confidence=round(max(0.1, min(1.0, d.confidence)), 2),
                statement_of=clause_ids.get(d.reports) if d.reports is not None else None,
            )
            for d, name in zip(drafts, ids, strict=True)
        ]

    # -- clauses --------------------------------------------------------------------------

    def _clause(self, h: int) -> _Draft:
        p, make = self.p, self.args
        predicate, absorbed, theme_prep = clauses.predicate(p, h)
        trigger = next((c for c in p.children[h] if p.dep[c] == "cop"), h)
        draft = _Draft(h, predicate, p.idx[trigger], p.end_char(trigger))
        agent, inherited, subjects = self._subjects(h, draft)
        clause = _Clause(p, make, h, absorbed, agent)
        for c in p.children[h]:
            if make.usable(h, c) and c not in subjects:
                for argument, how in first(DEPENDENT_RULES, clause, c) or ():
                    draft.add(argument, how)
        if p.has_kid(h, COPULA):
            draft.add(make.attribute(h, ATTRIBUTE_CUT))
        self._obliques(h, absorbed, theme_prep, draft)
        for quantity in self.changes.get(h, ()):
            draft.add(Argument(role="extent", text=quantity.text, quantity=quantity))
        self._polarity_and_mode(draft, h)
        draft.reports = first(REPORT_RULES, self, h)
        draft.confidence = _confidence(draft, draft.hows, inherited)
        return draft

    def _subjects(self, h: int, draft: _Draft) -> tuple[str | None, bool, set[int]]:
        """Add the clause's subjects; return its agent's entity, whether a subject came from a
        controlling clause, and the subjects' tokens."""
        p, make = self.p, self.args
        agent = None
        inherited = False
        found_subjects = clauses.subjects(p, h)
        for s, from_controller in found_subjects:
            if not make.usable(h, s):
                continue
            role = clauses.subject_role(p, h, s, from_controller)
            if p.dep[s] in CLAUSAL_SUBJECTS:
                draft.add(make.clause("theme", s))
                continue
            argument, how = make.phrase(role, s)
            draft.add(argument, how)
            inherited |= from_controller
            if role == "agent" and agent is None:
                agent = argument.entity
        return agent, inherited, {s for s, _ in found_subjects}

    def _obliques(
        self, h: int, absorbed: int | None, theme_prep: str | None, draft: _Draft
    ) -> None:
        """Add the arguments of the clause's prepositional phrases (and of the noun a light verb
        absorbed, where its preposition is the predicate's: "claimed responsibility for")."""
        p, make = self.p, self.args
        passive = p.is_passive(h)
        nominal = p.has_kid(h, COPULA)
        for source in [h] if absorbed is None else [h, absorbed]:
            for prep, noun in p.obliques(source):
                if noun in self.covered or not make.usable(h, noun):
                    continue
                if source == absorbed and prep != theme_prep:
                    continue
                if nominal and source == h and p.dep[noun].startswith("nmod"):
                    continue  # part of the predicate nominal: "a front for a militia"
                for argument, how in make.oblique(
                    prep, noun, passive=passive, theme_prep=theme_prep
                ):
                    draft.add(argument, how)

    def _polarity_and_mode(self, draft: _Draft, h: int) -> None:
        p = self.p
        draft.negated = clauses.negated(p, h)
        draft.modality = clauses.modality(p, h)
        if h in self.wrapped:  # "is believed to be", "are not going to anticipate"
            wrapper, mode = self.wrapped[h]
            outer = clauses.modality(p, wrapper)
            draft.modality = f"{outer} {mode}" if outer else mode
            draft.negated = draft.negated or clauses.negated(p, wrapper)
            draft.hedged = p.lemma[wrapper] in HEDGE_OR_RAISING_VERBS

    # -- event nouns ----------------------------------------------------------------------

    def _nominal(self, i: int) -> _Draft | None:
        # "Monday’s attack", "a rocket attack at a base in Iraq", "the missile strike in the
        # city of Irbil": an event noun with a time, place, actor or instrument (its dependents
        # through EVENT_NOUN_RULES, its prepositional phrases through OBLIQUE_RULES).
        p, make = self.p, self.args
        if p.pos[i] != "NOUN" or p.lemma[i] not in EVENT_NOUNS or p.dep[i] == "compound":
            return None
        draft = _Draft(i, p.lemma[i], p.idx[i], p.end_char(i), noun=True)
        event_noun = _Noun(p, make, self.covered)
        for c in p.children[i]:
            if make.usable(i, c):
                draft.arguments += first(EVENT_NOUN_RULES, event_noun, c) or ()
        for prep, noun in p.obliques(i):
            if noun in self.covered or not make.usable(i, noun):
                continue
            theme = "on" if prep in THEME_PREPS else None
            for argument, _ in make.oblique(prep, noun, passive=False, theme_prep=theme):
                if argument.role in EVENT_NOUN_ROLES:
                    draft.arguments.append(argument)
                if argument.role == "theme" and p.lemma[noun] in PLACE_NOUNS:
                    # "the attack on a base in Erbil": where the base is, the attack was
                    draft.arguments += [a for a, _ in make.places_within(noun)]
        if not any(a.role in EVENT_NOUN_ROLES for a in draft.arguments):
            return None
        draft.confidence = 0.7
        return draft


def _is_secondary(p: Parse, i: int) -> bool:
    """A complement without a verb of its own: "remained active", "was named chief"."""
    return p.pos[i] in SECONDARY_PREDICATE_POS and not p.has_kid(i, COPULA)


def _confidence(draft: _Draft, hows: list[str | None], inherited: bool) -> float:
    """1.0 for a plain clause with its arguments; less for hedges and guessed references."""
    confidence = 1.0
    if draft.hedged:
        confidence *= 0.6
    elif (draft.modality or "").split(" ")[0] in WEAK_MODALS:
        confidence *= 0.8
    for how in hows:
        if how == "pronoun":
            confidence *= 0.85
        elif how == "description":
            confidence *= 0.9
    if inherited:
        confidence *= 0.95
    if not any(a.role in CORE_ROLES for a in draft.arguments):
        confidence *= 0.6
    return confidence


# -- dependent rules: the first that answers gives a clause dependent's arguments ------------


def object_read_as_time(c: _Clause, child: int) -> Found | None:
    """Rule: "NATO announced Thursday that it would expand" with "Thursday" parsed as the
    object: a day is the time."""
    if c.p.dep[child] not in OBJECT_DEPS or not dates.is_day(c.p, child):
        return None
    return [(c.make.time(child), None)]


def objects(c: _Clause, child: int) -> Found | None:
    """Rule: "Stoltenberg announced the expansion and the new mandate", "Price told
    reporters": each object is the theme, or the recipient of a verb of telling."""
    p = c.p
    if p.dep[child] not in OBJECT_DEPS or child == c.absorbed:
        return None
    role = "recipient" if p.lemma[c.head] in TELL_VERBS else "theme"
    return [c.make.phrase(role, k, exclude=c.agent) for k in p.conjuncts(child)]


def indirect_objects(c: _Clause, child: int) -> Found | None:
    """Rule: "The EU will give Ukraine $1.5 billion": each indirect object is a recipient."""
    p = c.p
    if p.dep[child] not in INDIRECT_OBJECTS or any(p.dep[g] == "pobj" for g in p.children[child]):
        return None
    return [c.make.phrase("recipient", k, exclude=c.agent) for k in p.conjuncts(child)]


def copula_complement(c: _Clause, child: int) -> Found | None:
    """Rule: "Awliya Al Dam is a Shia group" parsed with ClearNLP's labels ("group" an attr of
    "is"): the attribute."""
    if c.p.dep[child] != "attr":
        return None
    return [(c.make.attribute(child, ATTRIBUTE_CUT), None)]


def complement_clause(c: _Clause, child: int) -> Found | None:
    """Rule: "ministers agreed to expand the mission": a complement clause is the theme; one
    with no verb of its own ("the group remained active") is an attribute."""
    if not clauses.is_complement(c.p, child):
        return None
    role = "attribute" if _is_secondary(c.p, child) else "theme"
    return [(c.make.clause(role, child), None)]


def time_adverb(c: _Clause, child: int) -> Found | None:
    """Rule: "Stoltenberg said today": a time adverb is the time."""
    if c.p.dep[child] != "advmod" or c.p.lower[child] not in TIME_ADVERBS:
        return None
    return [(c.make.time(child), None)]


def cause_of_a_passive_conjunct(c: _Clause, child: int) -> Found | None:
    """Rule: "a contractor was killed and eight others were wounded in a rocket attack": the
    attack that a later passive conjunct was done in did the passive clause before it too."""
    p = c.p
    if p.dep[child] != "conj" or child < c.head or c.agent is not None:
        return None
    if not (p.is_passive(c.head) and p.is_passive(child)):
        return None
    found: Found = []
    for prep, noun in p.obliques(child):
        if prep == "in" and p.lemma[noun] in EVENT_KINDS and c.make.usable(c.head, noun):
            found += c.make.oblique(prep, noun, passive=True)
    return found or None


def cause_of_a_stranded_passive(c: _Clause, child: int) -> Found | None:
    """Rule: "Monday's attack claimed the life of a contractor and nine others were injured":
    a passive clause of harm with no agent, hung from a clause whose subject is an attack,
    was done by that attack (read at the passive auxiliary, which every such clause has)."""
    p = c.p
    h = c.head
    if p.dep[child] not in PASSIVE_AUXILIARIES or c.agent is not None:
        return None
    if p.lemma[h] not in HARM_VERBS or p.dep[h] not in STRANDING_DEPS or p.head[h] == h:
        return None
    if any(prep == "by" for prep, _ in p.obliques(h)):
        return None
    found: Found = []
    for s in p.children[p.head[h]]:
        if p.dep[s] in ALL_SUBJECTS and p.lemma[s] in EVENT_KINDS and c.make.usable(h, s):
            found.append(c.make.phrase("agent", s))
    return found or None


DEPENDENT_RULES = (
    object_read_as_time,
    objects,
    indirect_objects,
    copula_complement,
    complement_clause,
    time_adverb,
    cause_of_a_passive_conjunct,
    cause_of_a_stranded_passive,
)


# -- report rules: the first that answers gives the clause a speech or attitude verb reports --


def reports_complement(b: EventBuilder, h: int) -> int | None:
    """Rule: "NATO announced that it would expand the mission", "ministers agreed to raise the
    number": a speech or attitude verb reports its complement clause (the clause a hedge
    wraps: "said X is believed to be")."""
    p = b.p
    if p.lemma[h] not in SPEECH_VERBS and p.lemma[h] not in ATTITUDE_VERBS:
        return None
    for dep in COMPLEMENT_CLAUSES:
        for c in p.children[h]:
            if p.dep[c] == dep and c in b.head_set and clauses.is_complement(p, c):
                while c in b.wrappers:
                    c = b.wrappers[c]
                return c
    return None


def reports_host_clause(b: EventBuilder, h: int) -> int | None:
    """Rule: "The mission will continue, he said" parsed as parataxis: the verb of saying
    reports the clause it hangs from."""
    p = b.p
    if p.dep[h] == "parataxis" and p.lemma[h] in SPEECH_VERBS and p.head[h] in b.head_set:
        return p.head[h]
    return None


REPORT_RULES = (reports_complement, reports_host_clause)


# -- event noun rules: the first that answers gives an event noun's dependent's arguments ----


def possessive_time(n: _Noun, child: int) -> list[Argument] | None:
    """Rule: "Monday’s attack": a possessive time is the time."""
    p = n.p
    if p.dep[child] != "nmod:poss" or child in n.covered or not dates.is_time(p, child):
        return None
    return [n.make.time(child)]


def possessive_actor(n: _Noun, child: int) -> list[Argument] | None:
    """Rule: "the militia's attack on the base": a possessive that names an entity is the
    agent."""
    if n.p.dep[child] != "nmod:poss" or child in n.covered:
        return None
    argument, _ = n.make.phrase("agent", child)
    return [] if argument.entity is None else [argument]


def weapon(n: _Noun, child: int) -> list[Argument] | None:
    """Rule: "a rocket attack", "the missile strike in the city of Irbil": a weapon noun
    before the event noun is the instrument."""
    p = n.p
    if p.dep[child] != "compound" or p.lemma[child] not in WEAPON_NOUNS:
        return None
    return [n.make.phrase("instrument", child)[0]]


EVENT_NOUN_RULES = (possessive_time, possessive_actor, weapon)
