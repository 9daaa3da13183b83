"""Arguments of an event: a phrase turned into a role with its entity, quantity or date."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterator, Mapping

from kg.extract import clauses, dates, quantities
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver
from kg.nlp.lexicon.deps import ARGUMENT_CUT, BARE_TIME_DEPS, CLAUSE_CUT
from kg.nlp.lexicon.labels import (
    AGENT_LABELS,
    NOT_ARGUMENT_POS,
    NOUN_OR_PRONOUN_POS,
    PLACE_LABELS,
    TIME_LABELS,
)
from kg.nlp.lexicon.nouns import PLACE_NOUNS
from kg.nlp.lexicon.time import TIME_ADVERBS
from kg.nlp.lexicon.words import PLACE_PREPS, TOPIC_PREPS
from kg.records import Argument


class ArgumentMaker:
    """Builds ``Argument`` records, tracking how entities were resolved and which dates named."""

    def __init__(
        self,
        p: Parse,
        resolver: Resolver,
        published: dt.date | None,
        continues: Mapping[int, int] | None = None,
    ):
        self.p, self.resolver, self.published = p, resolver, published
        # The verbless second half of a split quote belongs to a clause of the first half.
        self.continues = continues or {}
        self.times: dict[str, list[tuple[int, int]]] = {}  # ISO date → token spans naming it

    def usable(self, head: int, i: int) -> bool:
        """Whether token ``i`` can head an argument of ``head``: a word, in its paragraph."""
        p = self.p
        return (
            not p.blank[i]
            and p.pos[i] not in NOT_ARGUMENT_POS
            and p.same_paragraph(head, i)
            and self.continues.get(i, head) == head
        )

    def label_of(self, key: str | None) -> str | None:
        if key is None:
            return None
        cluster = self.resolver.clusters.get(key)
        return None if cluster is None else self.resolver.index.label[cluster]

    def phrase(
        self, role: str, i: int, *, exclude: str | None = None
    ) -> tuple[Argument, str | None]:
        """(argument, how its entity was found) for the noun phrase headed by ``i``."""
        p = self.p
        start, end = p.phrase(i, cut=ARGUMENT_CUT)
        found = self.resolver.entity(i, exclude=exclude)
        argument = Argument(
            role=role,
            text=p.span_text(start, end),
            entity=found[0] if found else None,
            quantity=quantities.of_phrase(p, i),
        )
        return argument, found[1] if found else None

    def clause(self, role: str, i: int) -> Argument:
        """A clause as plain text: "to raise the number of troops", "(that) the alliance will"."""
        p = self.p
        start, end = p.trim_edges(*p.phrase(i, cut=CLAUSE_CUT))
        if start < end and p.dep[start] == "mark" and p.lower[start] == "that":
            start += 1
        if p.head[i] != i:
            end = p.trim_edges(start, clauses.before_subject(p, p.head[i], start, end))[1]
        return Argument(role=role, text=p.span_text(start, end))

    def attribute(self, i: int, cut: frozenset[str]) -> Argument:
        """The predicate of a copula: "a Shia group" in "Awliya Al Dam is a Shia group"."""
        p = self.p
        start, end = p.phrase(i, cut=cut)
        found = self.resolver.entity(i) if p.pos[i] in NOUN_OR_PRONOUN_POS else None
        return Argument(
            role="attribute",
            text=p.span_text(start, end),
            entity=found[0] if found else None,
            quantity=quantities.of_phrase(p, i),
        )

    def time(self, i: int) -> Argument:
        """A time phrase, resolved to a day, or a week, month or year, where it names one."""
        p = self.p
        start, end = dates.time_span(p, i)
        text = p.span_text(start, end)
        day = dates.resolve(text, self.published)
        period = None if day is not None else dates.resolve_period(text, self.published)
        key = None
        if day is not None:
            key = day.isoformat()
        elif period is not None:
            key = f"{period[0].isoformat()}/{period[1].isoformat()}"  # ISO 8601 interval
        if key is not None:
            spans = self.times.setdefault(key, [])
            if (start, end) not in spans:
                spans.append((start, end))
        return Argument(role="time", text=text, entity=key, date=day, period=period)

    def oblique(
        self, prep: str, i: int, *, passive: bool, theme_prep: str | None = None
    ) -> Iterator[tuple[Argument, str | None]]:
        """The argument(s) a prepositional or bare-noun modifier makes, by preposition and kind."""
        p = self.p
        if theme_prep is not None and prep == theme_prep:
            yield self.phrase("theme", i)
            return
        if prep == "by" and passive:
            yield self.phrase("agent", i)
            return
        if dates.is_time(p, i, prep):
            yield self.time(i), None
            return
        if prep == "according to":
            yield self.phrase("source", i)
            return
        argument, how = self.phrase(prep or "modifier", i)
        label = self.label_of(argument.entity)
        if prep in PLACE_PREPS and (label in PLACE_LABELS or p.lemma[i] in PLACE_NOUNS):
            yield _with_role(argument, "place"), how
            if label not in PLACE_LABELS:
                yield from self._places_within(i, depth=0)
        elif prep == "to" and label in AGENT_LABELS:
            yield _with_role(argument, "recipient"), how
        elif prep == "with":
            yield _with_role(argument, "with" if label in AGENT_LABELS else "instrument"), how
        elif prep in TOPIC_PREPS:
            yield _with_role(argument, "topic"), how
        elif prep:
            yield argument, how
        yield from self.times_within(i)

    def _places_within(self, i: int, depth: int) -> Iterator[tuple[Argument, str | None]]:
        # Rule: "a base in Kurdish northern Iraq", "the city of Irbil": the named place inside.
        if depth > 2:
            return
        for prep, noun in self.p.obliques(i):
            if prep in PLACE_PREPS or (prep == "of" and self.p.lemma[i] in PLACE_NOUNS):
                argument, how = self.phrase("place", noun)
                if self.label_of(argument.entity) in PLACE_LABELS:
                    yield argument, how
                else:
                    yield from self._places_within(noun, depth + 1)

    def times_within(self, i: int) -> Iterator[tuple[Argument, str | None]]:
        # Rule: "during a virtual news conference today": a bare time inside the phrase.
        p = self.p
        for c in p.children[i]:
            if p.dep[c] in BARE_TIME_DEPS and (
                p.lower[c] in TIME_ADVERBS
                or p.ent_label[c] in TIME_LABELS
                or p.dep[c] != "advmod"
                and dates.is_time(p, c)
            ):
                yield self.time(c), None


def _with_role(argument: Argument, role: str) -> Argument:
    return dataclasses.replace(argument, role=role)
