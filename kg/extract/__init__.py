r"""Extraction: a parsed spaCy ``Doc`` → an ``Extraction`` of plain records.

    extract(doc, document, *, aliases=None, people=None, told=None, ...) -> Extraction
      = settle(draft(doc, document, ...), people=..., told=..., geonames=...)

``draft`` is the list of steps that read one article alone, in order; ``settle``
(``kg.extract.settle``) the cheap one that reads what other articles told, on plain records,
in reading order. Each step reads what the steps before it returned
(the parse view ``parse.Parse``, the entity index, the resolver, records) and returns records
or small maps; none writes into another's state. Only this package (and ``kg.nlp``) imports
spaCy; word and label sets come from ``kg.nlp.lexicon``.

Argument roles are ``kg.records.ArgumentRole`` (agent, theme, recipient, place, time,
instrument, topic, attribute, extent, source, with), else the preposition itself ("for",
"after"). ``Event.statement_of`` links a speech or attitude verb to the event its complement
clause reports.

How to add a rule:

1. Find the list its case belongs to (``grep -rn "_RULES =\|_REPAIRS =" kg/extract``): a tree
   repair, a clause's subject, dependent or oblique, an event noun's dependent, the clause a
   verb reports, a pronoun or description, a relabelled name, a merge of names, a role, a
   place within a place, a quote's speaker.
2. Write one small function with that list's signature, whose docstring starts with
   ``Rule:`` and quotes the news sentence it handles; return None where it does not apply.
3. Put it in the list where its turn comes: in most lists the first answer wins; in the
   others (tree and sentence repairs, merges, roles, containments) every rule runs, in order.
4. Take any word or label set it needs from ``kg.nlp.lexicon`` (add one there if none fits).
5. Add its case to the list's table in ``tests/test_rule_tables_*.py``: the parse table of
   that sentence (``tests/doc_table.py``) and what the rule gives for it (a rule without one
   fails ``tests/test_rule_tables.py``); then run ``python benchmarks/golden.py`` to see what
   else it changed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping

from spacy.tokens import Doc

from kg.extract.entities import EntityIndex
from kg.extract.events import extract_events
from kg.extract.parse import Parse
from kg.extract.places import extract_places
from kg.extract.quotes import attribute_quotes, find_quotes
from kg.extract.referents import find_referents
from kg.extract.resolve import Resolver
from kg.extract.roles import extract_roles
from kg.extract.settle import Places, settle
from kg.extract.stories import KnownOccurrences
from kg.nlp.pieces import Unparsed
from kg.records import ENTITY_TYPES, Document, Draft, Entity, Extraction, Mention, Sentence

__all__ = [
    "Places",
    "draft",
    "drafts",
    "extract",
    "pipeline_aliases",
    "pipeline_countries",
    "pipeline_places",
    "settle",
]


def extract(
    doc: Doc,
    document: Document,
    *,
    aliases: Mapping[str, str] | None = None,
    people: Mapping[str, tuple[str, str]] | None = None,
    told: KnownOccurrences | None = None,
    geonames: Places | None = None,
    time_entities: bool = True,
) -> Extraction:
    """Read entities, events, referents, quotes and roles from ``doc``, the parse of
    ``document.text``: its ``draft``, settled (``kg.extract.settle``).

    ``aliases`` maps name variants to canonical names ({"Irbil": "Erbil"}), merged with a
    small built-in table (U.S., NATO, ISIS...). ``time_entities`` adds an entity (keyed by
    its ISO date) for each time argument that resolves to a calendar day. ``people`` links
    bare surnames to people other documents name in full (see ``kg.extract.people``);
    ``told`` holds the occurrences other documents told of (see ``kg.extract.stories``).
    ``geonames`` (the gazetteer's places and regions) links place entities to GeoNames where
    the article leaves no doubt (see ``kg.extract.geo``).
    """
    read = draft(doc, document, aliases=aliases, time_entities=time_entities)
    return settle(read, people=people, told=told, geonames=geonames)


def draft(
    doc: Doc,
    document: Document,
    *,
    aliases: Mapping[str, str] | None = None,
    time_entities: bool = True,
) -> Draft:
    """What ``doc`` says read alone, before what other articles told settles its keys: the
    costly part of extraction, which any process can do in any order."""
    published = document.published
    if isinstance(published, dt.datetime):
        published = published.date()
    p = Parse(doc, document.text)  # the tree, repaired
    index = EntityIndex(p, aliases=aliases)  # names → entities
    roles = extract_roles(p, index)  # who holds which position
    places = extract_places(p, index)  # which place lies in which
    resolver = Resolver(p, index, roles)  # what a phrase refers to
    said = attribute_quotes(p, resolver)  # direct quotes and who says each
    resolver = resolver.speaking(said.speakers)  # "I" inside a quote is its speaker
    events, times, nouns = extract_events(p, resolver, published, said.continues)
    quotes = find_quotes(p, resolver, said)  # direct and indirect speech
    entities = index.entities(resolver.references())  # with the descriptions found
    # After the entities: a referent's possessive pronoun ("its mission") asks the resolver,
    # and what it finds there must not become a description of an entity.
    within = [(link.place, link.within) for link in places]
    found = find_referents(p, resolver, events, nouns, within)
    return Draft(
        extraction=Extraction(
            document=document,
            sentences=tuple(
                Sentence(k, p.idx[start], p.end_char(end - 1), p.span_text(start, end - 1))
                for k, (start, end) in enumerate(p.sent_bounds)
            ),
            entities=tuple(entities),
            events=tuple(events),
            quotes=tuple(quotes),
            roles=tuple(roles),
            places=tuple(places),
        ),
        things=tuple(found.things),
        referent_at=found.keys,
        occurrence_of=found.occurrences,
        named_once=index.named_once_as(),
        times=tuple(_time_entities(p, times)) if time_entities else (),
    )


def drafts(
    parsed: Iterable[tuple[Document, Doc | Unparsed]],
    *,
    aliases: Mapping[str, str] | None = None,
) -> Iterator[tuple[Document, Draft | Unparsed]]:
    """Each parsed document with its ``draft``, in order; one the pipeline or the extraction
    failed on with the reason, so that one bad article does not stop the others."""
    for document, doc in parsed:
        if isinstance(doc, Unparsed):
            yield document, doc
            continue
        try:
            yield document, draft(doc, document, aliases=aliases)
        except Exception as exc:  # noqa: BLE001 - reported as the article's failure
            yield document, Unparsed(f"could not extract ({type(exc).__name__}: {exc})")


def pipeline_aliases(nlp: object) -> Mapping[str, str] | None:
    """The alias map of a pipeline's ``kg_entity_rules`` component, if it has one."""
    return _gazetteer_map(nlp, "aliases")


def pipeline_countries(nlp: object) -> Mapping[str, str] | None:
    """City → country, from a pipeline's ``kg_entity_rules`` component, if it has one."""
    return _gazetteer_map(nlp, "countries")


def pipeline_places(nlp: object) -> Places | None:
    """The GeoNames places and the regions of a pipeline's ``kg_entity_rules`` component."""
    places, regions = _gazetteer_map(nlp, "places"), _gazetteer_map(nlp, "regions")
    return (places, regions) if places and regions is not None else None  # type: ignore[return-value]


def _gazetteer_map(nlp: object, name: str) -> Mapping[str, str] | None:
    get_pipe = getattr(nlp, "get_pipe", None)
    names = getattr(nlp, "pipe_names", ())
    if get_pipe is None or "kg_entity_rules" not in names:
        return None
    found = getattr(get_pipe("kg_entity_rules"), name, None)
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
