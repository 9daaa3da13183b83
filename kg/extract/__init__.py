"""Extraction: a parsed spaCy ``Doc`` → an ``Extraction`` of plain records.

    extract(doc, document, *, aliases=None, time_entities=True) -> Extraction

Steps, one module each: ``parse`` (flat, label-normalized token arrays), ``mentions`` and
``entities`` (names merged into entities with stable keys), ``roles`` (titles and
appositions), ``resolve`` (pronouns and descriptions), ``quotes`` (direct and indirect
speech), ``events`` with ``arguments``, ``quantities`` and ``dates``. Only this package (and
``kg.nlp``) imports spaCy.

Argument roles: agent, theme, recipient, place, time, instrument, topic, attribute, extent
(a "from X to Y" change), source ("according to X"), with (a person or group acted with),
and otherwise the preposition itself ("for", "in", "after", ...). ``Event.statement_of``
links a speech or attitude verb (say, announce, agree, promise...) to the event its
complement clause reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from spacy.tokens import Doc

from kg.extract.entities import EntityIndex
from kg.extract.events import EventBuilder
from kg.extract.parse import Parse
from kg.extract.places import extract_places
from kg.extract.quotes import QuoteFinder
from kg.extract.resolve import Resolver
from kg.extract.roles import extract_roles
from kg.records import ENTITY_TYPES, Document, Entity, Extraction, Mention, Sentence

__all__ = ["extract", "pipeline_aliases"]


def extract(
    doc: Doc,
    document: Document,
    *,
    aliases: Mapping[str, str] | None = None,
    people: Mapping[str, tuple[str, str]] | None = None,
    time_entities: bool = True,
) -> Extraction:
    """Read entities, events, quotes and roles from ``doc``, the parse of ``document.text``.

    ``aliases`` maps name variants to canonical names ({"Irbil": "Erbil"}), merged with a
    small built-in table (U.S., NATO, ISIS...). ``time_entities`` adds an entity (keyed by
    its ISO date) for each time argument that resolves to a calendar day. ``people`` links
    bare surnames to people other documents name in full (see ``kg.extract.people``).
    """
    published = document.published
    if isinstance(published, dt.datetime):
        published = published.date()
    p = Parse(doc, document.text)
    index = EntityIndex(p, aliases=aliases, people=people)
    roles = extract_roles(p, index)
    resolver = Resolver(p, index, roles)
    finder = QuoteFinder(p, resolver)
    finder.attribute()  # before events: "I" inside a quote is its speaker
    builder = EventBuilder(p, resolver, published, finder.continues)
    events = builder.events()
    quotes = finder.quotes()
    entities = index.entities()
    if time_entities:
        entities += _time_entities(p, builder.args.times)
    return Extraction(
        document=document,
        sentences=tuple(
            Sentence(k, p.idx[start], p.end_char(end - 1), p.span_text(start, end - 1))
            for k, (start, end) in enumerate(p.sent_bounds)
        ),
        entities=tuple(entities),
        events=tuple(events),
        quotes=tuple(quotes),
        roles=tuple(roles),
        places=tuple(extract_places(p, index)),
    )


def pipeline_aliases(nlp: object) -> Mapping[str, str] | None:
    """The alias map of a pipeline's ``kg_entity_rules`` component, if it has one."""
    get_pipe = getattr(nlp, "get_pipe", None)
    names = getattr(nlp, "pipe_names", ())
    if get_pipe is None or "kg_entity_rules" not in names:
        return None
    found = getattr(get_pipe("kg_entity_rules"), "aliases", None)
    return found if isinstance(found, Mapping) else None


def _time_entities(p: Parse, times: dict[str, list[tuple[int, int]]]) -> list[Entity]:
    """One TimeExpression entity per calendar day the events' time arguments name."""
    out = []
    for key, spans in sorted(times.items()):
        mentions = tuple(
            Mention(p.span_text(s, e), p.idx[s], p.end_char(e), p.sent[s]) for s, e in sorted(spans)
        )
        texts = list(dict.fromkeys(m.text for m in mentions))
        label = "TIME" if all(p.ent_label[s] == "TIME" for s, _ in spans) else "DATE"
        out.append(
            Entity(
                key=key,
                name=texts[0],
                type=ENTITY_TYPES[label],
                label=label,
                aliases=tuple(texts[1:]),
                mentions=mentions,
            )
        )
    return out
