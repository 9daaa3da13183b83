"""The gazetteer lookup of ``kg_entity_rules``: names as exact token sequences.

Each name is tokenized once, when the gazetteer data is built (``tokenize_names``, with the
pipeline's own tokenizer), and the data keeps the tokens that are not simply the name's
space-separated words. Loading then runs no tokenizer: it fills dicts keyed by the tokens' ORTH
ids (their string hashes), and a doc is scanned with one lookup per token, on
``doc.to_array(ORTH)``, as spaCy's ``PhraseMatcher`` would.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import compress
from typing import Any, NamedTuple

from spacy.language import Language
from spacy.strings import get_string_id

Key = tuple[str, bool, bool]  # a phrase's (label, weak, ambiguous)


class Match(NamedTuple):
    """A phrase found in a doc: token offsets and its key."""

    start: int
    end: int
    key: Key


class NameIndex:
    """The gazetteer's phrases as ORTH ids: a dict for one-token phrases, one for longer ones."""

    def __init__(self, data: dict[str, Any], *, all_caps: bool) -> None:
        tokens: dict[str, list[str]] = data.get("tokens", {})
        # Dicts of tuples and one shared tuple per key: a full gazetteer's 50,000 phrases then
        # leave few objects for the garbage collector to go through while loading.
        self.single: dict[int, Key] = {}
        self.multi: dict[tuple[int, ...], Key] = {}
        self.lengths: dict[int, tuple[int, ...]] = {}  # of the longer phrases, by first token
        keys: dict[Key, Key] = {}
        for phrase, key in phrases(data, all_caps=all_caps):
            key = keys.setdefault(key, key)
            # A phrase listed twice keeps its first key.
            if phrase not in tokens and " " not in phrase:
                self.single.setdefault(get_string_id(phrase), key)  # most phrases: one word
                continue
            words = tokens[phrase] if phrase in tokens else phrase.split(" ")
            orths = tuple(map(get_string_id, words))
            if len(orths) == 1:
                self.single.setdefault(orths[0], key)
            elif orths and self.multi.setdefault(orths, key) is key:
                lengths = self.lengths.get(orths[0], ())
                if len(orths) not in lengths:
                    self.lengths[orths[0]] = (*lengths, len(orths))

    def __contains__(self, orths: tuple[int, ...]) -> bool:
        """Whether the tokens (their ORTH ids) spell a phrase."""
        return orths[0] in self.single if len(orths) == 1 else orths in self.multi

    def __call__(self, orths: Sequence[int]) -> list[Match]:
        """Longest non-overlapping matches in a doc's ORTH ids, in text order."""
        orths = tuple(orths)
        # compress() finds the few tokens that start a phrase without a Python loop over all.
        positions = range(len(orths))
        found = [
            Match(start, start + 1, self.single[orths[start]])
            for start in compress(positions, map(self.single.__contains__, orths))
        ]
        for start in compress(positions, map(self.lengths.__contains__, orths)):
            for length in self.lengths[orths[start]]:
                end = start + length
                if end <= len(orths) and (key := self.multi.get(orths[start:end])) is not None:
                    found.append(Match(start, end, key))
        return _longest(found)


def tokenize_names(nlp: Language, data: dict[str, Any]) -> dict[str, list[str]]:
    """The tokens of each phrase whose tokens are not its space-separated words.

    Capitals are tokenized whatever ``all_caps`` is, so the saved data serves either setting.
    """
    tokens = {}
    for phrase, _ in phrases(data, all_caps=True):
        words = [token.text for token in nlp.make_doc(phrase)]
        if words != phrase.split(" "):
            tokens[phrase] = words  # "Abomey-Calavi": "Abomey", "-", "Calavi"
    return tokens


def phrases(data: dict[str, Any], *, all_caps: bool) -> Iterator[tuple[str, Key]]:
    """Each string the gazetteer matches, with its key."""
    for name, key, canonical in _entries(data):
        yield name, key
        # Capitals ("WASHINGTON -") for names, not for every foreign spelling of a city.
        if all_caps and canonical and len(name) > 3 and not name.isupper():
            yield name.upper(), key


def _entries(data: dict[str, Any]) -> Iterator[tuple[str, Key, bool]]:
    """Each name and variant, its key, and whether it is a name (not a weak place's variant)."""
    weak, ambiguous = set(data["weak"]), set(data["ambiguous"])
    labels = {}
    for label, names in data["names"].items():
        for name in names:
            labels[name] = label
            yield name, (label, name in weak, name in ambiguous), True
    for variant, name in data["aliases"].items():
        if name in labels:
            key = (labels[name], name in weak, variant in ambiguous)
            yield variant, key, name not in weak


def _longest(matches: list[Match]) -> list[Match]:
    """Longest first, the earlier on a tie, dropping overlaps (as ``spacy.util.filter_spans``)."""
    kept: list[Match] = []
    taken: set[int] = set()
    for match in sorted(matches, key=lambda match: (match.start - match.end, match.start)):
        if match.start not in taken and match.end - 1 not in taken:
            kept.append(match)
            taken.update(range(match.start, match.end))
    return sorted(kept)
