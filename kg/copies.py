"""Texts a build meets more than once: one document, every source recorded.

A document's IRI comes from its text, so two files with the same text (a copy, a UTF-16
re-save) are one document. The build parses it once; the copy's source is added to the
document's sources once the document is stored, and the user is told. A text the store holds
already is unchanged, unless it now comes from a source it does not list: then that source
is added the same way.

A file that now holds a new text replaces the documents it was the only source of (the
store does that); a document it shares with other sources only loses it as a source here,
before the new text is written, so the copy's text stays.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import Enum

from rdflib import URIRef

from kg.records import Document
from kg.sources import Notice, Skipped
from kg.store.protocol import GraphStore
from kg.store.sources import any_shared, set_sources, sharing, sources_of, sources_of_each


class Seen(Enum):
    NEW = "new"  # to build
    UNCHANGED = "unchanged"  # in the store already, from this source
    COPY = "copy"  # its text is stored or being built; its source is added at the end


@dataclass
class Copies:
    """What a build has met so far, and the sources to add once the documents are stored."""

    graph: GraphStore
    first: dict[str, str] = field(default_factory=dict)  # content hash → the first source
    stored: dict[str, set[str]] = field(default_factory=dict)  # ... → its sources in the store
    copies: dict[str, list[str]] = field(default_factory=dict)  # ... → sources to add
    shared: bool | None = None  # whether a stored document has two sources, once asked
    # ... → what the store held of texts not met yet, asked ahead for several (``look_up``)
    ahead: dict[str, tuple[URIRef, list[str]] | None] = field(default_factory=dict)

    def look_up(self, documents: Iterable[Document]) -> None:
        """Ask the store about the texts of ``documents`` not met yet, in one query, so that
        ``see`` asks nothing more for them."""
        hashes = {d.id for d in documents if d.id not in self.first and d.id not in self.ahead}
        self.ahead.update(sources_of_each(self.graph, hashes))

    def see(self, document: Document) -> Seen:
        """Whether ``document`` is to be built, unchanged, or a copy of a text met before."""
        source = document.source or document.id
        if document.id not in self.first:
            found = (
                self.ahead.pop(document.id)
                if document.id in self.ahead
                else sources_of(self.graph, document.id)
            )
            stored = found[1] if found else []
            self.first[document.id] = stored[0] if stored else source
            self.stored[document.id] = set(stored)
            if found is None:
                self._release(document.source)
                self.stored[document.id].add(source)  # once built: the same file again is no copy
                return Seen.NEW
        if document.source is None or document.source in self.stored[document.id]:
            return Seen.UNCHANGED
        if source not in (copies := self.copies.setdefault(document.id, [])):
            copies.append(source)
        return Seen.COPY

    def record(self) -> tuple[list[Notice], list[Skipped]]:
        """Add the copies' sources to their stored documents; what to tell the user."""
        notices: list[Notice] = []
        skipped: list[Skipped] = []
        for content_hash, copies in self.copies.items():
            first = self.first[content_hash]
            stored = sources_of(self.graph, content_hash)
            if stored is None:
                reason = f"has the same text as {first}, which was not built (reason above)"
                skipped.extend(Skipped(source, reason) for source in copies)
                continue
            doc, sources = stored
            if not set(copies) <= set(sources):
                set_sources(self.graph, doc, [*sources, *copies])
            every = "both sources" if len(copies) == 1 else "every source"
            said = f"has the same text as {first}; kept once, {every} recorded"
            notices.extend(Notice(source, said) for source in copies)
        return notices, skipped

    def _release(self, source: str | None) -> None:
        """Documents that have ``source`` among others let go of it: its new text is coming.

        Whether any document has two sources is asked once: until ``record``, a build only
        takes sources away and writes documents of one source, so in a store without such a
        document no new text has one to take its source from (one query a new text instead
        of two, 55 us each)."""
        if not source or _stdin(source):
            return
        if self.shared is None:
            self.shared = any_shared(self.graph)
        if self.shared:
            for doc, others in sharing(self.graph, source).items():
                set_sources(self.graph, doc, others)
                self.ahead.clear()  # what was asked ahead may list that source


def _stdin(source: str) -> bool:
    return source == "-" or source.startswith("-:")
