"""People named in full across documents, so a bare surname elsewhere finds its person.

One article writes "Jens Stoltenberg", the next only "Stoltenberg": both are one node when
exactly one person with that surname is known. Two people who share a surname (Joe and Jill
Biden) keep a bare "Biden" on its own, as a document's own full names always win.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from kg import iris
from kg.extract import names
from kg.records import Entity

__all__ = ["KnownPeople"]


class KnownPeople:
    """Full names seen so far (in the store and earlier in the build), by surname."""

    def __init__(self) -> None:
        self._by_surname: dict[str, dict[str, tuple[str, str]]] = {}  # surname → slug → person
        self._links: dict[str, tuple[str, str]] = {}  # surname → its one person

    def add(self, key: str, name: str) -> None:
        """A person's entity key (or its IRI's last segment) and display name."""
        canon = names.person_key(names.normalize_name(name))  # "Lindqvist, Åsa" in order
        if " " not in canon:
            return
        slug = iris.slugify(key)
        for surname in names.surname_forms(canon):
            people = self._by_surname.setdefault(surname, {})
            people.setdefault(slug, (key, name))
            if len(people) == 1:
                self._links[surname] = people[slug]
            else:
                self._links.pop(surname, None)

    def add_entities(self, entities: Iterable[Entity]) -> None:
        for entity in entities:
            if entity.label == "PERSON":
                self.add(entity.key, entity.name)

    def links(self) -> Mapping[str, tuple[str, str]]:
        """Surname → (key, name), for the surnames exactly one known person has."""
        return self._links
