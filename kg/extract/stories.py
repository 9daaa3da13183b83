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
        self._within: set[tuple[str, str]] = {
            (_slug(city), _slug(country)) for city, country in (countries or {}).items()
        }

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
        fits = {
            key
            for other, key in told.items()
            if (place, other) in self._within or (other, place) in self._within
        }
        return fits.pop() if len(fits) == 1 else None


def _slug(name: str) -> str:
    return iris.slugify(names.normalize_name(name))
