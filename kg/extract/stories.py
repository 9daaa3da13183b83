"""Occurrences other articles told of, so the same attack told by two articles is one node.

Within an article an occurrence of one kind at one named place on one day has the key
``"<kind>|<place>|<day>"`` (``kg.extract.referents``), the same in every article that names
that place. Articles name places at different depths: one writes "a rocket attack Monday at a
base in Kurdish northern Iraq", the next "a deadly missile strike in the city of Irbil". So an
occurrence whose own key is new joins the one known occurrence of its kind on its day whose
place lies in its own, or holds it (Erbil lies in Iraq: a text said so, or the pipeline's
gazetteer knows the city's country). Where two known occurrences fit (an attack in Erbil and
one in Baghdad, then "an attack in Iraq"), it joins neither.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from kg import iris
from kg.extract import names
from kg.records import Containment, Referent

__all__ = ["KnownOccurrences"]

_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


class KnownOccurrences:
    """Occurrences known by kind, day and place (slugs, as their IRIs are minted), and which
    place lies in which."""

    def __init__(self, countries: Mapping[str, str] | None = None) -> None:
        self._told: dict[tuple[str, str], dict[str, str]] = {}  # (kind, day) → place → key
        self._within: set[tuple[str, str]] = set()  # what the articles said
        self._countries = countries or {}  # what the gazetteer knows, slugged when first asked

    def add(self, key: str, kind: str) -> None:
        """An occurrence's key (or its IRI's last segment) and kind."""
        slug, prefix = iris.slugify(key), iris.slugify(kind) + "-"
        day = slug[-10:]
        if slug.startswith(prefix) and _DAY.fullmatch(day) and len(slug) > len(prefix) + 11:
            place = slug[len(prefix) : -11]
            self._told.setdefault((prefix[:-1], day), {}).setdefault(place, key)

    def add_within(self, part: str, whole: str) -> None:
        """A place (entity key or IRI segment) lies in another."""
        self._within.add((iris.slugify(part), iris.slugify(whole)))

    def add_extraction(self, referents: Iterable[Referent], places: Iterable[Containment]) -> None:
        for referent in referents:
            if referent.kind is not None and referent.scope == "global":
                self.add(referent.key, referent.kind)
        for link in places:
            self.add_within(link.place, link.within)

    def match(self, kind: str, place: str, day: str) -> str | None:
        """The key of the one known occurrence of ``kind`` on ``day`` at ``place``, or at a
        place in it or around it; None where there is none, or more than one."""
        told = self._told.get((iris.slugify(kind), day), {})
        place = iris.slugify(place)
        if place in told:
            return told[place]
        fits = {key for other, key in told.items() if self._nested(place, other)}
        return fits.pop() if len(fits) == 1 else None

    def _nested(self, place: str, other: str) -> bool:
        """Whether one of the two places (slugs) lies in the other."""
        if (place, other) in self._within or (other, place) in self._within:
            return True
        if not self._countries:
            return False
        known = _gazetteer_pairs(self._countries)
        return (place, other) in known or (other, place) in known


# The gazetteer's (city, country) slugs, made once per map (half a CPU-second for kg's own
# pipeline): a build asks for them only when an occurrence might join one at another place.
_PAIRS: dict[int, tuple[Mapping[str, str], frozenset[tuple[str, str]]]] = {}


def _gazetteer_pairs(countries: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    hit = _PAIRS.get(id(countries))
    if hit is None or hit[0] is not countries:
        if len(_PAIRS) >= 8:
            _PAIRS.clear()
        pairs = frozenset((_slug(city), _slug(country)) for city, country in countries.items())
        hit = _PAIRS[id(countries)] = (countries, pairs)
    return hit[1]


def _slug(name: str) -> str:
    return iris.slugify(names.normalize_name(name))
