"""Places linked to GeoNames where the article leaves no doubt which place it names.

The gazetteer (``kg.train.gazetteer``) keeps a GeoNames place only for names one place
dominates, with the countries of the places it outranks. A place entity of an article is
linked when its name (or an alias) is such a name and the article names none of those other
countries (a city of Texas beside "Paris" leaves Paris unlinked). The link adds an identity
and coordinates; it never changes the entity's name or type.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from kg.records import Entity, GeoPlace

__all__ = ["located"]

COORDINATE_DECIMALS = 5


def located(
    entities: Sequence[Entity],
    places: Mapping[str, Sequence[Any]],
    regions: Mapping[str, str],
) -> list[Entity]:
    """``entities`` with the GeoNames place of each place entity the article makes sure of."""
    named = {
        code
        for entity in entities
        if entity.type == "Place"
        for name in _names(entity)
        if (code := regions.get(name)) is not None
    }
    return [_linked(entity, places, named) for entity in entities]


def _linked(entity: Entity, places: Mapping[str, Sequence[Any]], named: set[str]) -> Entity:
    if entity.type != "Place":
        return entity
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
