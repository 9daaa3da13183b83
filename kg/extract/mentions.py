"""Name mentions: the document's named entities, trimmed, repaired and filtered.

From ``doc.ents``: leading determiners and titles are cut ("the", "Prime Minister"), names
NER cut short are completed ("Jens" + "Stoltenberg"), and junk is dropped (pronouns,
punctuation, bare numbers or titles, single lower-case words).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from kg.extract import names
from kg.extract.parse import Parse

NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT"})
# Other pipelines' spellings of the same labels.
LABEL_SPELLINGS = {"PER": "PERSON", "ORGANIZATION": "ORG", "ORGANISATION": "ORG", "LOCATION": "LOC"}
JUNK_POS = frozenset({"PRON", "DET", "PUNCT", "SYM", "ADP", "CCONJ", "SCONJ", "PART", "AUX"})
# Capitalized words that continue an organization's name, not a person's: "Biden Administration".
NOT_NAME_WORDS = names.TITLE_WORDS | names.words(
    """administration government campaign family foundation group house tower center centre
    university institute company corporation party ministry department office"""
)
Aliases = dict[str, tuple[str, str]]


@dataclass
class NameMention:
    """One name in the text, before merging."""

    start: int  # token bounds [start, end) after trimming
    end: int
    label: str
    text: str
    canon: str  # normalized, alias-resolved name
    display: str | None  # the caller's spelling of the canonical name, if an alias matched
    acronym: bool


def find_mentions(p: Parse, aliases: Aliases) -> tuple[list[NameMention], list[int]]:
    """The mentions in text order, and for each token the index of its mention (or -1)."""
    mentions: list[NameMention] = []
    token_mention = [-1] * p.n
    for start, end, span in _spans(p):
        mention = _mention(p, aliases, start, end, span)
        if mention is None:
            continue
        for i in range(span[0], span[1]):
            token_mention[i] = len(mentions)
        mentions.append(mention)
    return mentions, token_mention


def _spans(p: Parse) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Trimmed token bounds of each name entity, with the span its tokens map to."""
    for ent in p.doc.ents:
        label = LABEL_SPELLINGS.get(ent.label_, ent.label_)
        if label not in NAME_LABELS:
            continue
        start, end = ent.start, ent.end
        # NER trained without layout may run a name across a paragraph break.
        end = next((k for k in range(start, end) if p.blank[k] and k > start), end)
        # A leading determiner or title is not part of the name: "the", "Prime Minister".
        while start < end and (p.pos[start] in ("DET", "PUNCT") or p.lower[start] == "the"):
            start += 1
        if label == "PERSON" and start < end:
            start += names.strip_title_words(p.words[start:end])
            end = _extend_name(p, end)
        while end > start and (p.pos[end - 1] in ("PUNCT", "PART") or p.tag[end - 1] == "POS"):
            end -= 1
        if start < end:
            yield start, end, (ent.start, max(end, start + 1))


def _extend_name(p: Parse, end: int) -> int:
    """A person's name cut short by NER: "Jens" + "Stoltenberg", "Al—" + "Kadhimi"."""
    # Rule: up to two capitalized proper nouns (or a dash and one) right after a person's
    # name, in no entity and no common organization word, belong to the name.
    dash = end < p.n and p.words[end] in names.DASHES + "-" and not p.space[end - 1]
    k = end + 1 if dash and not p.space[end] else end
    taken = 0
    while (
        k < p.n
        and taken < 2
        and p.pos[k] == "PROPN"
        and p.words[k][:1].isupper()
        and not p.ent_label[k]
        and not p.blank[k]
        and names.fold(p.words[k]).rstrip(".") not in NOT_NAME_WORDS
        and p.para[k] == p.para[end - 1]
    ):
        k, taken = k + 1, taken + 1
    return k if taken else end


def _mention(
    p: Parse, aliases: Aliases, start: int, end: int, span: tuple[int, int]
) -> NameMention | None:
    label = LABEL_SPELLINGS.get(p.ent_label[span[0]], p.ent_label[span[0]])
    text = p.span_text(start, end - 1)
    if _is_junk(p, start, end, text):
        return None
    norm = names.normalize_name(text)
    canon, display = names.canonical(norm, aliases)
    if label == "PERSON":
        canon = names.person_key(canon)
    return NameMention(start, end, label, text, canon, display, names.is_acronym(text))


def _is_junk(p: Parse, start: int, end: int, text: str) -> bool:
    """Pronouns, determiners, punctuation, bare numbers, single lower-case words, bare titles."""
    if all(p.pos[i] in JUNK_POS or p.blank[i] for i in range(start, end)):
        return True
    if all(names.fold(w).rstrip(".") in names.TITLE_WORDS for w in p.words[start:end]):
        return True  # "Minister", "Secretary General" without a name
    if not any(ch.isalpha() for ch in text) or len(names.normalize_name(text)) < 2:
        return True
    return end - start == 1 and text.islower()
