"""Texts a build meets again: asking the store about several texts at once changes no answer."""

from __future__ import annotations

from pathlib import Path

from kg.copies import Copies, Seen
from kg.mapping import map_extraction
from kg.records import Document, Extraction
from kg.store.embedded import Store


def _document(text: str, source: str) -> Document:
    return Document(id=text.encode().hex(), text=text, source=source)


def test_texts_asked_about_ahead_are_seen_as_when_asked_one_by_one(tmp_path: Path) -> None:
    stored = [_document("NATO met.", "a.txt"), _document("Troops left.", "b.txt")]
    reading = [
        _document("NATO met.", "a.txt"),  # unchanged
        _document("NATO met.", "copy.txt"),  # the stored text from another file
        _document("Iraq voted.", "c.txt"),  # new
        _document("Iraq voted.", "d.txt"),  # the new text again
        _document("Rain fell.", "b.txt"),  # a stored file's new text
        _document("Troops left.", "e.txt"),  # the text that file held
    ]
    with Store(tmp_path / "store") as store:
        store.write_documents([map_extraction(Extraction(document=d)) for d in stored])
        one_by_one = Copies(store)
        ahead = Copies(store)
        ahead.look_up(reading)
        seen = [ahead.see(d) for d in reading]
        assert seen == [one_by_one.see(d) for d in reading]
        assert seen == [Seen.UNCHANGED, Seen.COPY, Seen.NEW, Seen.COPY, Seen.NEW, Seen.COPY]
        assert not ahead.ahead  # each answer asked ahead was used once
