"""Places linked to GeoNames where the article leaves no doubt which place it names.

The gazetteer (``kg.train.gazetteer``) keeps a GeoNames place only for names one place
dominates, with the countries of the places it outranks. A place entity of an article is
linked when its name (or an alias) is such a name and the article names none of those other
countries (a city of Texas beside "Paris" leaves Paris unlinked). The link adds an identity
and coordinates; it never changes the entity's name or type.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.records import Entity, GeoPlace

__all__ = ["located"]

COORDINATE_DECIMALS = 5
# What splits a person's name into the parts a place may share: "João Pedro Rodrigues-Lima".
_NAME_PARTS = re.compile(r"[\s\-\u2010\u2011]+")
# A score right after a name makes it a team: "Sevilla 3-0", "Germany 2-1".
_SCORE = re.compile(r"\s+\d+\s*[-\u2013]\s*\d+\b")


def located(
    entities: Sequence[Entity],
    places: Mapping[str, Sequence[Any]],
    regions: Mapping[str, str],
    text: str = "",
) -> list[Entity]:
    """``entities`` with the GeoNames place of each place entity the article makes sure of;
    ``text`` is the article's text, which the mentions' offsets index."""
    named = {
        code
        for entity in entities
        if entity.type == "Place"
        for name in _names(entity)
        if (code := regions.get(name)) is not None
    }
    people = {
        part.casefold()
        for entity in entities
        if entity.type == "Person"
        for name in (*_names(entity), *(m.text for m in entity.mentions))
        for part in _NAME_PARTS.split(name)
        if part
    }
    return [
        entity
        if entity.type != "Place" or _doubtful(entity, people, text)
        else _linked(entity, places, named)
        for entity in entities
    ]


def _doubtful(entity: Entity, people: set[str], text: str) -> bool:
    """Whether the article leaves room for the place to be a person's name or a team's."""
    written = (*_names(entity), *(m.text for m in entity.mentions))
    if any(name.casefold() in people for name in written):
        return True
    if not text or not entity.mentions:
        return False
    if any(_SCORE.match(text, m.end) for m in entity.mentions):
        return True
    return all(_runs_on(text, m.start, m.end) for m in entity.mentions)


def _runs_on(text: str, start: int, end: int) -> bool:
    """Whether a mention is joined to another name: "Toyota Motor", "Rodrigues-Lima"."""
    before, after = text[max(0, start - 2) : start], text[end : end + 2]
    if len(before) == 2 and before[1] == "-" and before[0].isalpha():
        return True
    return len(after) == 2 and after[0] in " -" and after[1].isupper()


def _linked(entity: Entity, places: Mapping[str, Sequence[Any]], named: set[str]) -> Entity:
    found = {tuple(places[name][:3]): places[name] for name in _names(entity) if name in places}
    if len(found) != 1:
        return entity  # unknown, or two names of the entity that are two places
    [(geonameid, latitude, longitude, _country, rivals)] = found.values()
    if named & set(rivals):
        return entity  # the article names a country where another place has this name
    return dataclasses.replace(
        entity, geo=GeoPlace(geonameid, _degrees(latitude), _degrees(longitude))
    )


def _degrees(value: float | None) -> float | None:
    """GeoNames gives 5 decimals; a float read back from JSON may carry binary noise."""
    return round(value, COORDINATE_DECIMALS) if value is not None else None


def _names(entity: Entity) -> Iterable[str]:
    return (entity.name, *entity.aliases)
