"""Entity rules that read a name's kind off what it does or stands beside: a "place" the NER
found that acts as an agent or is listed with organizations is an organization; a name the
NER stopped right before an event's word is the event."""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Doc

from kg.nlp.entity_spans import Ent, owners
from kg.nlp.lexicon.labels import NUMERIC_LABELS
from kg.nlp.lexicon.names import COMPETITION_NAME_WORDS
from kg.nlp.lexicon.words import LIST_WORDS

Known = Callable[[Doc, int, int], bool]  # whether tokens [start, end) spell a known name


def acting_places(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Places the gazetteer does not know that act or are listed as bodies, organizations.

    Rule: "a joint investigation coordinated by Europol", "Flydubai and Iran Air will each
    operate daily flights": a LOC the gazetteer does not know (a country or city it knows,
    "hosted by France", stays), right after "by" after a past participle, or joined by a
    list's word to an organization, is an organization.
    """
    taken = owners(doc, ents)

    def organization_at(i: int) -> bool:
        return 0 <= i < len(doc) and taken[i] >= 0 and ents[taken[i]].label == "ORG"

    out = []
    for ent in ents:
        if ent.label == "LOC" and not known(doc, ent.start, ent.end):
            by = ent.start >= 2 and doc[ent.start - 1].lower_ == "by"
            agent = by and doc[ent.start - 2].tag_ == "VBN"
            before = ent.start >= 2 and doc[ent.start - 1].lower_ in LIST_WORDS
            after = ent.end + 1 < len(doc) and doc[ent.end].lower_ in LIST_WORDS
            listed = (before and organization_at(ent.start - 2)) or (
                after and organization_at(ent.end + 1)
            )
            if agent or listed:
                ent = ent._replace(label="ORG")
        out.append(ent)
    return out


def events_by_last_word(doc: Doc, ents: list[Ent]) -> list[Ent]:
    """Names the NER stopped right before an event's word, events.

    Rule: "his first Monte Carlo Masters final" with "Monte Carlo" a person, "the São Paulo
    Grand" + "Prix": a name followed, after a space, by a capitalized competition's or
    festival's word in no entity takes it in and is the event (not "the Iraq War": the war's
    name names the place too).
    """
    taken = owners(doc, ents)
    out = []
    for ent in ents:
        k = ent.end
        follows = (
            ent.label not in NUMERIC_LABELS
            and k < len(doc)
            and taken[k] < 0
            and doc[k - 1].whitespace_ != ""
            and doc[k].is_title
            and doc[k].lower_ in COMPETITION_NAME_WORDS
        )
        out.append(Ent(ent.start, k + 1, "EVENT") if follows else ent)
    return out
