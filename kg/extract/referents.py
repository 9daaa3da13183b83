"""Referents: the unnamed things events' arguments name ("the NATO mission in Iraq", "a
civilian contractor", "2,500 US troops"), each with its head, label, anchors and mentions.

A noun-phrase argument with no entity is a referent when its head is a noun that names a
thing (``is_thing``). Its label is the head with its defining modifiers: compounds, adjectives
that classify, possessives and prepositional phrases that name an entity; not determiners,
numbers, clauses or asides. The entities among them are its anchors. What counts as a
generic word is ``kg.nlp.lexicon.nouns.GENERIC_NOUNS``.

Within a document, resolution is conservative (``resolve``): a mention joins the one earlier
referent with its head whose words and anchors include its own ("the mission" after "the NATO
mission in Iraq"); an indefinite mention ("a mission") joins only one with the same words;
where two could be meant, it stays apart. An occurrence ("the attack") joins by kind, place
and day instead (``kg.extract.occurrences``): "Monday's attack" after "a missile strike in
Erbil" where no other attack was told; an indefinite one ("a missile strike") only one told at
the same named place, and never one marked new ("another attack").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping

from kg.extract import dates, occurrences, quantities
from kg.extract.arguments import NounPhrases
from kg.extract.occurrences import Reading
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver
from kg.nlp.lexicon.deps import ARGUMENT_CUT, ATTRIBUTE_CUT, DEFINING_DEPS, LEFT_OUT_DEPS, NUMMODS
from kg.nlp.lexicon.forms import singular
from kg.nlp.lexicon.labels import (
    CLAUSE_VERB_TAGS,
    COMPARING_TAGS,
    LABEL_EDGE_POS,
    NOT_DEFINING_POS,
    NOUN_POS,
    PLURAL_NOUN_TAGS,
)
from kg.nlp.lexicon.marks import DOUBLE_QUOTE_MARKS
from kg.nlp.lexicon.nouns import FIXED_PHRASE_NOUNS, GENERIC_NOUNS
from kg.nlp.lexicon.time import TIME_NOUNS
from kg.nlp.lexicon.words import ANOTHER, INDEFINITE, NOT_DEFINING_ADJECTIVES
from kg.records import Event, Mention, Quantity, Thing

NO_READING = Reading((), frozenset(), frozenset())
# The most earlier referents a bare mention ("the mission") is weighed against.
MANY = 8

__all__ = ["find_referents", "with_referents"]


@dataclasses.dataclass(frozen=True)
class _Mention:
    """One noun phrase read as a thing."""

    head: str  # lemma
    label: str
    words: frozenset[str]  # its defining words, case-folded
    anchors: frozenset[str]
    indefinite: bool
    plural: bool
    mention: Mention
    quantity: Quantity | None
    kind: str | None = None  # an occurrence's kind of happening: "attack"
    reading: Reading = NO_READING  # where and when its events put an occurrence
    another: bool = False  # "another attack", "a second strike": a new one
    head_token: int = -1
    described: frozenset[str] = frozenset()  # its words outside the names of its anchors
    typed: frozenset[tuple[str, str]] = frozenset()  # its anchors with their labels: (GPE, iraq)
    of_token: int | None = None  # the thing its of-phrase names: "the size of our mission"


@dataclasses.dataclass
class _Draft:
    first: _Mention
    index: int  # its place among the drafts
    mentions: list[_Mention] = dataclasses.field(default_factory=list)
    places: set[str] = dataclasses.field(default_factory=set)  # an occurrence's, all told
    dates: set[str] = dataclasses.field(default_factory=set)

    def add(self, m: _Mention) -> None:
        self.mentions.append(m)
        self.places |= m.reading.places
        self.dates |= m.reading.dates


class _Drafts:
    """The drafts of a document in order, and by what a mention can join: a thing by its
    head, an occurrence by its kind (so each mention looks at those alone)."""

    def __init__(self) -> None:
        self.all: list[_Draft] = []
        self.by_key: dict[tuple[bool, str], list[_Draft]] = {}

    def candidates(self, m: _Mention) -> list[_Draft]:
        return self.by_key.get(_join_key(m), [])

    def new(self, m: _Mention) -> _Draft:
        draft = _Draft(m, len(self.all))
        draft.add(m)
        self.all.append(draft)
        self.by_key.setdefault(_join_key(m), []).append(draft)
        return draft


def _join_key(m: _Mention) -> tuple[bool, str]:
    return (True, m.kind) if m.kind is not None else (False, m.head)


@dataclasses.dataclass(frozen=True)
class Found:
    """The things a document names, before their keys; the thing each noun-phrase argument
    names by (sentence, text), and the one each event noun's event tells of (event id), by
    index into ``things``."""

    things: list[Thing]
    keys: dict[tuple[int, str], int]
    occurrences: dict[str, int]


def find_referents(
    p: Parse,
    resolver: Resolver,
    events: list[Event],
    nouns: NounPhrases,
    within: Iterable[tuple[str, str]] = (),
) -> Found:
    """The things the events' noun-phrase arguments and event nouns name; ``within`` holds
    the (place, larger place) pairs the text states ("Erbil, in northern Iraq"), so that an
    occurrence's place is the narrowest it names. Their keys, which may depend on what other
    articles told, are ``kg.extract.settle``'s."""
    spans: dict[tuple[int, int, int], list[tuple[int, str]]] = {}
    for event in events:
        for argument in event.arguments:
            where = (event.sentence, argument.text)
            if argument.entity is None and argument.date is None and where in nouns:
                spans.setdefault(nouns[where], []).append(where)
    labels = {key: resolver.index.label[c] for key, c in resolver.clusters.items()}
    told = occurrences.readings(p, events, labels, nouns)
    heads = {head for _, _, head in spans}
    for i in told.keys() - heads:  # an event noun no clause names: "after a rocket attack"
        spans[(*p.phrase(i, ATTRIBUTE_CUT), i)] = []
    for start, end, head in list(spans):  # "the size of our mission": the mission too
        of = of_noun(p, resolver, start, end, head)
        if of is not None and of not in heads and is_thing(p, resolver, head):
            low, high = p.phrase(of, ARGUMENT_CUT)
            spans.setdefault((low, min(high, end), of), [])
            heads.add(of)
    drafts = _Drafts()
    keys: dict[tuple[int, str], int] = {}  # (sentence, text) → draft
    by_event: dict[str, int] = {}  # event noun's event id → draft
    at_head: dict[int, int] = {}  # noun token → draft
    for start, end, head in sorted(spans, key=lambda s: (s[2], s[0])):
        if not is_thing(p, resolver, head):
            continue
        found = resolve(drafts, read(p, resolver, start, end, head, told.get(head)))
        at_head[head] = found
        for where in spans[(start, end, head)]:
            keys[where] = found
        for event_id in told.get(head, NO_READING).events:
            by_event[event_id] = found
    places = frozenset(within)
    return Found([_thing(draft, places, at_head) for draft in drafts.all], keys, by_event)


def with_referents(
    events: Iterable[Event], keys: Mapping[tuple[int, str], str], occurrences: Mapping[str, str]
) -> list[Event]:
    """``events`` with each noun-phrase argument's referent key (``keys``, by sentence and
    text) and each event noun's occurrence (by event id) set."""
    out = []
    for event in events:
        arguments = tuple(
            dataclasses.replace(a, referent=keys[(event.sentence, a.text)])
            if a.entity is None and a.date is None and (event.sentence, a.text) in keys
            else a
            for a in event.arguments
        )
        occurrence = occurrences.get(event.id)
        if occurrence == event.occurrence and arguments == event.arguments:
            out.append(event)  # unchanged: no copy
        else:
            out.append(dataclasses.replace(event, arguments=arguments, occurrence=occurrence))
    return out


def is_thing(p: Parse, resolver: Resolver, i: int) -> bool:
    """Whether the noun ``i`` names a thing of its own: a noun (or a name no entity covers),
    not a generic word ("others", "the situation"), not a time ("two years") or a symbol."""
    return (
        p.pos[i] in NOUN_POS
        and resolver.index.key_at(i) is None
        and p.lemma[i] not in GENERIC_NOUNS
        and p.lower[i] not in GENERIC_NOUNS
        and p.lemma[i] not in TIME_NOUNS
        and not dates.is_time(p, i, p.preposition(i))  # "on Wednesday", "in March"
        and any(c.isalpha() for c in p.words[i])
        and not _in_fixed_phrase(p, i)
    )


def _in_fixed_phrase(p: Parse, i: int) -> bool:
    """Whether noun ``i`` is the noun of a fixed prepositional phrase: "in the wake of"."""
    prepositions = FIXED_PHRASE_NOUNS.get(_lemma(p, i)) or FIXED_PHRASE_NOUNS.get(p.lower[i])
    if prepositions is None:
        return False
    marker = p.preposition(i) or (p.lower[p.head[i]] if p.pos[p.head[i]] == "ADP" else "")
    return marker in prepositions


def _lemma(p: Parse, i: int) -> str:
    """The lemma of noun ``i``, also where it is written as a name: "NATO Allies" → "ally"."""
    if p.tag[i] == "NNPS" and p.lemma[i] == p.lower[i]:
        return singular(p.lower[i])
    return p.lemma[i]


def of_noun(p: Parse, resolver: Resolver, start: int, end: int, head: int) -> int | None:
    """The thing an of-phrase of ``head`` within [start, end] names: "the size of our
    mission" → mission, "the killing of a contractor" → contractor; not an entity (that is
    an anchor) nor a generic word ("most of them")."""
    for prep, noun in p.obliques(head):
        if prep == "of" and start <= noun <= end and is_thing(p, resolver, noun):
            return noun
    return None


def read(
    p: Parse, resolver: Resolver, start: int, end: int, head: int, reading: Reading | None = None
) -> _Mention:
    """The noun phrase [start, end] headed by ``head`` as a mention of a thing; ``reading``
    is what its events say of an event noun. Its label takes in the thing an of-phrase names
    ("size of mission"), whose own referent it points to."""
    kept, anchors = _defining(p, resolver, start, end, head)
    anchors.update(key for k in kept if (key := resolver.index.key_at(k)) is not None)
    indefinite = any(p.lower[c] in INDEFINITE for c in p.children[head] if p.dep[c] == "det")
    of = of_noun(p, resolver, start, end, head)
    if of is not None:  # its words where the text has them: "size of mission"
        low, high = p.phrase(of, ARGUMENT_CUT)
        kept = kept | _defining(p, resolver, low, min(high, end), of)[0]
        kept.update(c for c in p.children[of] if p.dep[c] == "case")
    label = _label(p, kept, head)
    return _Mention(
        head=_lemma(p, head),
        label=label,
        head_token=head,
        of_token=of,
        described=_words(p, start, end, head, resolver),
        typed=frozenset((_anchor_label(resolver, key), key) for key in anchors),
        words=_words(p, start, end, head),
        anchors=frozenset(anchors),
        indefinite=indefinite,
        plural=p.tag[head] in PLURAL_NOUN_TAGS,
        mention=Mention(p.span_text(start, end), p.idx[start], p.end_char(end), p.sent[start]),
        quantity=quantities.of_phrase(p, head),
        kind=occurrences.kind(_lemma(p, head)),
        reading=reading or NO_READING,
        another=any(p.lower[c] in ANOTHER for c in p.children[head] if c < head),
    )


def _defining(
    p: Parse, resolver: Resolver, start: int, end: int, head: int
) -> tuple[set[int], set[str]]:
    """The tokens of [start, end] that define the thing ``head`` names, and the entities a
    possessive pronoun among them stands for ("its mission" → NATO)."""
    kept = {head}
    anchors: set[str] = set()
    for c in p.children[head]:
        # A modifier after its noun is a clause's part: "efforts specific to the fight".
        if not start <= c < head or p.dep[c] not in DEFINING_DEPS:
            continue
        if p.tag[c] in CLAUSE_VERB_TAGS:
            continue  # a verb the parser hung on the noun: "(to) normalise diplomatic relations"
        if p.dep[c] == "amod" and (
            p.lower[c] in NOT_DEFINING_ADJECTIVES or p.tag[c] in COMPARING_TAGS
        ):
            continue  # "other forces", "the deadliest attack": which one, not what it is
        if p.pos[c] == "PRON":  # "its mission": the entity it stands for, unwritten
            found = resolver.entity(c)
            if found is not None:
                anchors.add(found[0])
            continue
        kept.update(range(p.left[c], min(p.right[c], head - 1) + 1))
    for _, noun in p.obliques(head):
        # "the NATO mission in Iraq": a prepositional phrase naming an entity defines it; the
        # name and what stands before it, not a clause after it ("the decision of President
        # Masum to nominate ...", "John Cam Hobhouse, who ...").
        key = resolver.index.key_at(noun)
        if start <= noun <= end and key is not None:
            low, high = p.phrase(noun)
            while noun < high and resolver.index.key_at(high) != key:
                high -= 1
            kept.update(range(low, high + 1))
            if p.head[noun] != head:  # the preposition heads the noun: "in" → "Iraq"
                kept.add(p.head[noun])
    # The head stays, whatever the parser called it ("attack" as an advmod).
    kept = {k for k in kept if k == head or (start <= k <= end and p.dep[k] not in LEFT_OUT_DEPS)}
    # Nor a quotation mark or a verb the parser hung on the noun ("normalise relations").
    kept = {
        k
        for k in kept
        if k == head or (p.words[k] not in DOUBLE_QUOTE_MARKS and p.tag[k] not in CLAUSE_VERB_TAGS)
    }
    # A word goes with the word it hangs on: "two and a half week long vacation" keeps no
    # "and half" without "two", "who's goals" no "'s" without "who".
    while cut := {
        k for k in kept if k != head and start <= p.head[k] <= end and p.head[k] not in kept
    }:
        kept -= cut
    return kept, anchors


def _label(p: Parse, kept: set[int], head: int) -> str:
    """The defining tokens as the text writes them."""
    order = sorted(kept)
    while order[0] != head and p.pos[order[0]] in LABEL_EDGE_POS:  # "and half week long"
        order.pop(0)
    # Words not next to each other in the text are one space apart in the label.
    label = "".join(
        p.words[k] + (" " if p.space[k] or (n + 1 < len(order) and order[n + 1] > k + 1) else "")
        for n, k in enumerate(order)
    ).strip()
    if order and order[0] == p.sent_bounds[p.sent[order[0]]][0] and p.pos[order[0]] != "PROPN":
        label = label[:1].lower() + label[1:]  # "Troops were sent": no capital of its own
    return label


def _words(
    p: Parse, start: int, end: int, head: int, names: Resolver | None = None
) -> frozenset[str]:
    """Every content word of the phrase, case-folded, for comparing mentions: not only the
    label's, so "the condition of anonymity" is not "the conditions"; with ``names``, not the
    words of a name its entities have."""
    return frozenset(
        p.lower[k]
        for k in range(start, end + 1)
        if k != head
        and p.pos[k] not in NOT_DEFINING_POS
        and p.dep[k] not in NUMMODS
        and p.lower[k] not in NOT_DEFINING_ADJECTIVES
        and not p.blank[k]
        and (names is None or names.index.key_at(k) is None)
    )


def _anchor_label(resolver: Resolver, key: str) -> str:
    """The label of an anchor's entity (ORG, GPE ...)."""
    cluster = resolver.clusters.get(key)
    return "" if cluster is None else resolver.index.label[cluster]


def resolve(drafts: _Drafts, m: _Mention) -> int:
    """The draft ``m`` joins (appending a new one where none can be told), by index."""
    candidates = drafts.candidates(m)
    if m.kind is not None:  # the last one told that it can be: "the attack"
        fits = [d for d in candidates if _same_occurrence(d, m)]
        fits = sorted(fits, key=lambda d: d.mentions[-1].mention.start)[-1:]
    elif m.indefinite:  # "a mission" is a new one, unless worded as one already named
        fits = [d for d in candidates if _same(d.first, m)]
    else:  # "the mission", "its mission": one already named, of the same number, that says
        # as much or more, or that the same entities define ("its mission in Iraq", NATO's,
        # then "the NATO mission in Iraq")
        fits = [
            d
            for d in candidates
            if d.first.head == m.head
            and d.first.plural == m.plural
            and (
                (m.words <= d.first.words and m.anchors <= d.first.anchors)
                or (bool(m.anchors) and m.anchors == d.first.anchors)
            )
        ]
        if not m.words and _one_thing(fits):
            # "the mission", "our mission" after several that can all be one ("the IRAQ
            # Training Mission", "the NATO mission in Iraq"): the last told; not after two
            # that entities tell apart (the NATO mission in Iraq, the EU mission in Mali)
            fits = sorted(fits, key=lambda d: d.mentions[-1].mention.start)[-1:]
    if len(fits) == 1:
        fits[0].add(m)
        return fits[0].index
    return drafts.new(m).index


def _one_thing(drafts: list[_Draft]) -> bool:
    """Whether ``drafts`` can all name one thing: each pair described alike, one's words
    within the other's ("IRAQ Training Mission", "mission"), and never two entities of a kind
    where neither has both ("mission in Iraq", "NATO mission" can be one; the NATO mission in
    Iraq and the EU mission in Mali, or a training and a police mission, cannot). More than
    ``MANY`` are too many to tell: they stay apart."""
    if len(drafts) > MANY:
        return False
    firsts = [d.first for d in drafts]
    return all(
        _nested(a.described, b.described) and _nested_by_type(a.typed, b.typed)
        for n, a in enumerate(firsts)
        for b in firsts[n + 1 :]
    )


def _nested(a: frozenset[str], b: frozenset[str]) -> bool:
    return a <= b or b <= a


def _nested_by_type(a: frozenset[tuple[str, str]], b: frozenset[tuple[str, str]]) -> bool:
    kinds = {kind for kind, _ in a | b}
    return all(
        _nested(frozenset(k for t, k in a if t == kind), frozenset(k for t, k in b if t == kind))
        for kind in kinds
    )


def _same(a: _Mention, b: _Mention) -> bool:
    return a.head == b.head and a.words == b.words and a.anchors == b.anchors


def _same_occurrence(d: _Draft, m: _Mention) -> bool:
    """Whether occurrence ``m`` can be the one ``d`` tells of: the same kind and number, no
    other place or day, not marked new; an indefinite one only at a place both name or
    sharing a word with it ("a missile strike the night before" after "a deadly missile
    strike in the city of Irbil")."""
    if d.first.kind != m.kind or d.first.plural != m.plural or m.another:
        return False
    places, days = d.places, d.dates
    if (m.reading.places and places and not m.reading.places & places) or (
        m.reading.dates and days and not m.reading.dates & days
    ):
        return False
    if not m.indefinite:
        return True
    return bool(m.reading.places & places) or any(
        bool(m.described & told.described) for told in d.mentions
    )


def _thing(draft: _Draft, within: frozenset[tuple[str, str]], at_head: dict[int, int]) -> Thing:
    """One draft as a record. One thing anchored on entities ("the NATO mission in Iraq") can
    be the same in every article; an occurrence too, where its events name one place and one
    day. The others keep to their document: unanchored ones, and sets ("2,500 troops in
    Iraq", "Iraqi forces"), which two articles may name alike and mean apart (the US troops
    in Iraq, the British troops in Iraq)."""
    first = draft.first
    place = day = None
    if first.kind is not None:  # an occurrence: its kind, its one place, its one day
        places, days = set(draft.places), draft.dates
        places -= {whole for part, whole in within if part in places}  # Erbil, not Iraq
        if len(places) == 1 and len(days) == 1 and not first.plural:
            (place,), (day,) = places, days
        local = place is None
    else:
        local = not first.anchors or first.plural or first.quantity is not None
    own = at_head[first.head_token]
    of = {
        at_head[m.of_token]
        for m in draft.mentions
        if m.of_token is not None and m.of_token in at_head
    }
    of -= {own}
    return Thing(
        head=first.head,
        label=first.label,
        anchors=tuple(sorted(first.anchors)),
        mentions=tuple(dict.fromkeys(m.mention for m in draft.mentions)),
        quantity=next((m.quantity for m in draft.mentions if m.quantity), None),
        kind=first.kind,
        place=place,
        day=day,
        local=local,
        of=tuple(sorted(of)),
    )
