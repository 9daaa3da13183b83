"""kg's entity rule component, run after the statistical NER (``kg_entity_rules``).

kg's own NER knows PERSON, ORG and LOC. This component, in four steps, brings its output to
the OntoNotes labels of spaCy's en_core_web_* pipelines, so that either can be used:

1. tidy the statistical entities ("the State Department" -> "State Department");
2. a gazetteer of countries, regions, cities, groups and organizations relabels them
   (LOC "Iraq" -> GPE) and adds the names the model missed;
3. a surname alone is the person named in full elsewhere in the doc
   (``kg.nlp.entity_surnames``); a book list's line is its author, title and publisher;
4. token patterns add DATE, TIME, CARDINAL, ORDINAL, MONEY, PERCENT and QUANTITY where
   no entity is.

The gazetteer is built at training time (``kg.train.gazetteer``), its names tokenized by
``initialize``, and saved with the pipeline; loading it runs no tokenizer (``kg.nlp.name_index``).
The date and number patterns of step 4 are in ``kg.nlp.entity_patterns``; the rules that
join or split names are in ``kg.nlp.entity_joins`` (a person's name cut at a hyphen or in
halves in ``kg.nlp.entity_names``, names with particles in ``kg.nlp.entity_particles``, with a
quoted nickname in ``kg.nlp.entity_nicknames``, a speaker's in ``kg.nlp.entity_speakers``,
names of two names or more joined by "&", "and", commas or "of" in
``kg.nlp.entity_compounds``, products named by a model code in ``kg.nlp.entity_products``,
laws, prizes, ships and quoted works in ``kg.nlp.entity_things``), those read off the
layout (a book list, a dateline) in ``kg.nlp.entity_layout``, those about places in
``kg.nlp.entity_places``, those about a person's title in ``kg.nlp.entity_titles``, and a
title or a person's noun in apposition in ``kg.nlp.entity_appositions``.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import srsly
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from kg.nlp.entity_appositions import appositive_people
from kg.nlp.entity_bodies import (
    acting_places,
    competitions_of_bodies,
    leagues,
    named_bodies,
    sport_bodies,
    teams_of_places,
)
from kg.nlp.entity_compounds import compound_names, cut_before_days
from kg.nlp.entity_events import events_by_last_word
from kg.nlp.entity_joins import (
    join_nationality_organizations,
    organizations_by_last_word,
    repeated_names,
    speaks,
    split_affiliation,
    split_at_title_noun,
)
from kg.nlp.entity_kinds import typed_by_context
from kg.nlp.entity_layout import apply_book_entries, dateline, lines
from kg.nlp.entity_names import (
    given_names_before_hyphenated_surnames,
    hyphen_tail,
    hyphenated_given_names,
    hyphenated_surnames,
    join_hyphenated_names,
    join_name_halves,
    name_word,
    names_across_false_breaks,
)
from kg.nlp.entity_nicknames import quoted_nicknames
from kg.nlp.entity_particles import (
    introduced_particle_names,
    names_after_particles,
    names_around_particles,
    patronymic_names,
)
from kg.nlp.entity_patterns import NUMBER_RE, apply_patterns, pattern_matcher
from kg.nlp.entity_place_words import places_by_preposition, places_by_words, residences
from kg.nlp.entity_places import (
    grown_to_names,
    listed_names,
    listed_places,
    place_after_and,
    place_after_comma,
    placed,
    places_by_kind,
    places_in_places,
)
from kg.nlp.entity_products import model_products, products_by_words
from kg.nlp.entity_spans import Ent, Name, indexed, owners, values
from kg.nlp.entity_speakers import given_names_before_who, speakers_after_speech
from kg.nlp.entity_surnames import apply_surnames
from kg.nlp.entity_things import named_things
from kg.nlp.entity_titles import apply_titles, split_run_on
from kg.nlp.lexicon.labels import (
    AREA_LABELS,
    COMPOUND_LABELS,
    CONTEXT_KB_ID,
    NUMERIC_LABELS,
)
from kg.nlp.lexicon.marks import HYPHENS, POSSESSIVE_ENDINGS, SENTENCE_ENDS
from kg.nlp.lexicon.names import (
    LEADING_WORDS,
    NAME_PARTICLES,
)
from kg.nlp.lexicon.nouns import OCCUPATION_NOUNS
from kg.nlp.lexicon.words import PRONOUNS
from kg.nlp.name_index import NameIndex, tokenize_names

EMPTY_DATA: dict[str, Any] = {
    "names": {},
    "weak": [],
    "ambiguous": [],
    "aliases": {},
    "countries": {},
    "places": {},
    "regions": {},
}


@Language.factory(
    "kg_entity_rules",
    default_config={
        "tidy": True, "gazetteer": True, "titles": True, "surnames": True, "patterns": True,
        "all_caps": True, "lists": True,
    },
)  # fmt: skip
def make_entity_rules(
    nlp: Language,
    name: str,
    tidy: bool,
    gazetteer: bool,
    surnames: bool,
    patterns: bool,
    all_caps: bool,
    titles: bool = True,
    lists: bool = True,
) -> EntityRules:
    """Build the component; its gazetteer comes from ``initialize`` or the saved pipeline."""
    steps = {"tidy": tidy, "gazetteer": gazetteer, "titles": titles, "surnames": surnames}
    return EntityRules(nlp, name, **steps, lists=lists, patterns=patterns, all_caps=all_caps)


class EntityRules:
    """Tidy, relabel and complete ``doc.ents``; see the module docstring.

    Options: ``tidy``, ``gazetteer``, ``titles``, ``surnames``, ``lists`` and ``patterns``
    switch the steps on and off; ``all_caps`` also matches names in capitals ("WASHINGTON",
    "IRAQ").
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "kg_entity_rules",
        *,
        tidy: bool = True,
        gazetteer: bool = True,
        titles: bool = True,
        surnames: bool = True,
        lists: bool = True,
        patterns: bool = True,
        all_caps: bool = True,
    ) -> None:
        self.nlp = nlp
        self.name = name
        self.steps = {
            "tidy": tidy,
            "gazetteer": gazetteer,
            "titles": titles,
            "surnames": surnames,
            "lists": lists,
            "patterns": patterns,
        }
        self.all_caps = all_caps
        self.patterns = pattern_matcher(nlp.vocab)
        self.set_data(EMPTY_DATA)

    @property
    def aliases(self) -> dict[str, str]:
        """Canonical name of each variant: "Irbil" -> "Erbil", "U.S." -> "United States"."""
        return self.data["aliases"]

    @property
    def countries(self) -> dict[str, str]:
        """The country of each city no other country has a city of that name: "Erbil" -> "Iraq"."""
        return self.data["countries"]

    @property
    def country_names(self) -> frozenset[str]:
        """The countries the gazetteer knows a city of: "Iraq", "Niger"."""
        return self._country_names

    @property
    def places(self) -> dict[str, list[Any]]:
        """GeoNames id, coordinates, country and rival countries of the names one place
        dominates: "Erbil" -> [95446, 36.19, 44.01, "IQ", []] (see ``kg.train.gazetteer``)."""
        return self.data["places"]

    @property
    def regions(self) -> dict[str, str]:
        """Country and US state names -> country code: "Texas" -> "US"."""
        return self.data["regions"]

    @property
    def labels(self) -> tuple[str, ...]:
        return tuple(sorted(NUMERIC_LABELS | set(self.data["names"])))

    def __call__(self, doc: Doc) -> Doc:
        with indexed(doc):
            return self.apply(doc)

    def apply(self, doc: Doc) -> Doc:
        """The steps, in order, on a doc whose arrays ``indexed`` keeps."""
        ents = [Ent(ent.start, ent.end, ent.label_) for ent in doc.ents]
        found = self.steps["gazetteer"] or self.steps["titles"]
        names = self.find_names(doc) if found else []  # the gazetteer's, read once
        if self.steps["tidy"]:
            ents = [part for ent in ents for part in lines(doc, ent)]
            ents = [part for ent in ents for part in dateline(doc, ent)]
            ents = [tidied for ent in ents if (tidied := self.tidy(doc, ent)) is not None]
            ents = [part for ent in ents for part in split_at_title_noun(doc, ent)]
            ents = [part for ent in ents for part in cut_before_days(doc, ent)]
            ents = patronymic_names(doc, names_after_particles(doc, ents))
            ents = introduced_particle_names(doc, ents, known=self.is_known)
            ents = names_around_particles(doc, ents, known=self.is_known)
            ents = hyphenated_surnames(doc, ents, known=self.is_known)
            ents = given_names_before_hyphenated_surnames(doc, ents, known=self.is_known)
            ents = given_names_before_who(doc, ents, known=self.is_known)
            ents = hyphenated_given_names(doc, join_hyphenated_names(doc, ents))
            ents = join_name_halves(doc, ents, known=self.is_known)
            ents = quoted_nicknames(doc, ents, known=self.is_known)
            ents = names_across_false_breaks(doc, ents, known=self.is_known)
            ents = speakers_after_speech(doc, ents, known=self.is_known)
            ents = [p for e in ents for p in split_affiliation(doc, e, known=self.is_known)]
        if self.steps["gazetteer"]:
            ents = self.apply_gazetteer(doc, ents, names)
            ents = join_nationality_organizations(doc, ents)
            ents = organizations_by_last_word(doc, ents, known=self.is_known)
            ents = compound_names(doc, ents, known=self.is_known)
            ents = events_by_last_word(doc, acting_places(doc, ents, known=self.is_known))
            ents = competitions_of_bodies(doc, leagues(doc, ents))
            ents = places_by_words(doc, places_by_kind(doc, named_bodies(doc, ents)))
            ents = residences(doc, places_by_preposition(doc, ents))
            ents = sport_bodies(doc, ents, known=self.is_known)
            ents = teams_of_places(doc, ents, known=self.is_known)
            ents = typed_by_context(doc, ents, known=self.is_known)
            ents = model_products(doc, ents, known=self.is_known)
            ents = products_by_words(doc, ents, known=self.is_known)
            ents = named_things(doc, ents, known=self.is_known)
        if self.steps["titles"]:
            ents = split_run_on(doc, ents, names)
            ents = apply_titles(doc, ents, known=self.is_known)
            ents = appositive_people(doc, ents, known=self.is_known)
        if self.steps["surnames"]:
            ents = repeated_names(doc, apply_surnames(doc, ents, known=self.is_known))
        if self.steps["lists"]:
            ents = apply_book_entries(doc, ents)
        if self.steps["patterns"]:
            ents = apply_patterns(doc, ents, self.patterns, tidy=self.tidy)
        # Rules that overlap (each right alone) must not fail a document: the longest wins.
        spans = [
            Span(doc, e.start, e.end, label=e.label, kb_id=CONTEXT_KB_ID if e.cued else "")
            for e in sorted(ents)
        ]
        doc.ents = filter_spans(spans)
        return doc

    def initialize(
        self, get_examples: Any = None, *, nlp: Language | None = None, data: Any = None
    ) -> None:
        """Take gazetteer data (``build_gazetteer()``'s output) and tokenize its names.

        The tokens are saved with the data, so the tokenizer must be final by now
        (``kg.train.recipe.add_entity_rules`` calls ``split_name_hyphens`` first).
        """
        if data is not None:
            self.set_data({key: value for key, value in data.items() if key != "tokens"})

    def set_data(self, data: dict[str, Any]) -> None:
        """Replace the gazetteer and rebuild its index.

        Data without ``"tokens"`` (from ``initialize``, or saved before kg kept them) has its
        names tokenized now, and keeps the tokens to be saved with it.
        """
        self.data = {**EMPTY_DATA, **data}
        if "tokens" not in data:
            self.data["tokens"] = tokenize_names(self.nlp, self.data)
        self.index = NameIndex(self.data, all_caps=self.all_caps)
        self._country_names = frozenset(self.data["countries"].values())

    # Step 1: tidy the statistical entities.
    def tidy(self, doc: Doc, ent: Ent) -> Ent | None:
        """Strip determiners, lower-case words, "'s" and edge punctuation; None for a non-name."""
        if ent.label in NUMERIC_LABELS or self.is_known(doc, ent.start, ent.end):
            return ent  # "The Hague" keeps its article
        start, end = ent.start, ent.end
        while start < end and (_is_edge(doc[start]) or re.match(NUMBER_RE, doc[start].text)):
            start += 1  # "the State Department", "alliance Defense Ministerial", "30 European"
        while end > start and (_is_edge(doc[end - 1]) or doc[end - 1].lower_ in POSSESSIVE_ENDINGS):
            if hyphen_tail(doc, end - 1) and end - 2 > start:
                break  # "Chan Siu-fung": the given name's second syllable stays
            end -= 1  # "Iraq's", "Stoltenberg said"
        if ent.label == "PERSON" and end - start > 2 and doc[start].lower_ in OCCUPATION_NOUNS:
            start += 1  # "Pianist Anna Volkova" at a sentence's start
        tokens = doc[start:end]
        if not any(token.is_alpha or token.like_num or name_word(token) for token in tokens):
            return None  # empty, or punctuation only ("O'Donoghue" is a word)
        if all(token.lower_ in PRONOUNS and not _is_acronym(token) for token in tokens):
            return None  # "It", "We"; not "US"
        if all((token.is_lower or not token.is_alpha) and not name_word(token) for token in tokens):
            return None  # "coalition", "alliance": a common word, not a name
        return Ent(start, end, ent.label)

    def is_known(self, doc: Doc, start: int, end: int) -> bool:
        """Whether the tokens spell a gazetteer name or variant."""
        return tuple(values(doc, ORTH)[start:end]) in self.index

    # Step 2: the gazetteer.
    def apply_gazetteer(self, doc: Doc, ents: list[Ent], names: list[Name]) -> list[Ent]:
        """Relabel and split entities with the names inside them (``find_names``); add
        uncovered names."""
        starts = [name.start for name in names]
        resolved = []
        for ent in ents:
            first = bisect.bisect_left(starts, ent.start)
            inner = [name for name in names[first:] if name.start < ent.end]
            inner = [name for name in inner if name.end <= ent.end]
            resolved.extend(self.resolve(doc, ent, inner))
        taken = owners(doc, resolved)
        for name in names:
            if all(owner < 0 for owner in taken[name.start : name.end]) and self.may_add(doc, name):
                resolved.append(Ent(name.start, name.end, name.label))
        resolved = listed_places(doc, grown_to_names(doc, resolved, names), names)
        return places_in_places(doc, resolved)

    def find_names(self, doc: Doc) -> list[Name]:
        """Longest non-overlapping gazetteer matches, in text order."""
        return [Name(start, end, *key) for start, end, key in self.index(values(doc, ORTH))]

    def resolve(self, doc: Doc, ent: Ent, inner: list[Name]) -> list[Ent]:
        """What one statistical entity becomes, given the names inside it."""
        for name in inner:
            if (name.start, name.end) == (ent.start, ent.end):
                # Rule: "Niger's ruling council" with "Niger" a person: a country's name is
                # the country wherever nothing around it says person ("Chad said").
                country = doc[ent.start : ent.end].text in self.country_names
                placed_ = placed(doc, ent.start) or (country and not speaks(doc, ent.start))
                return [_relabel(ent, name, placed=placed_)]
        if ent.label == "PERSON" and (place := place_after_comma(doc, ent, inner)) is not None:
            return [
                Ent(ent.start, place.start - 1, ent.label),
                Ent(place.start, place.end, place.label),
            ]
        if not inner or ent.label == "PERSON" or self.is_known(doc, ent.start, ent.end):
            return [ent]  # "Denzel Washington" stays a person
        if listed_names(doc, ent, inner):
            return [Ent(name.start, name.end, name.label) for name in inner]
        if (place := place_after_and(doc, ent, inner)) is not None:
            body = Ent(ent.start, place.start - 1, ent.label)
            within = [name for name in inner if name.end < place.start]
            return [*self.resolve(doc, body, within), Ent(place.start, place.end, place.label)]
        # "U.S.-Taliban Agreement": each name of the compound is an entity.
        if _has_compound(doc, inner):
            return [Ent(name.start, name.end, name.label) for name in inner if not name.ambiguous]
        # "Kurdish northern Iraq": NORP "Kurdish", then the place.
        first = inner[0]
        if ent.label in AREA_LABELS and first.label == "NORP" and first.start == ent.start:
            split = [Ent(first.start, first.end, "NORP")]
            rest = self.tidy(doc, Ent(first.end, ent.end, ent.label))
            if rest is not None:
                split += self.resolve(doc, rest, [n for n in inner[1:] if n.start >= rest.start])
            return split
        return [ent]

    def may_add(self, doc: Doc, name: Name) -> bool:
        """Whether a name no entity covers becomes one on the gazetteer's word alone."""
        if name.ambiguous:
            return False  # "Nice", "Reading", "Mobile"
        if not name.weak:
            return True
        # A city or region beside another capitalized word is likely part of a longer name
        # ("Denzel Washington", "Washington Post"); at a sentence start, maybe a common word.
        if name.start > 0 and _looks_like_name(doc[name.start - 1]):
            return False
        if name.end < len(doc) and _looks_like_name(doc[name.end]):
            return False
        single = name.end - name.start == 1
        return not (single and _starts_sentence(doc, name.start) and not doc[name.start].is_upper)

    # Serialization: the gazetteer travels with the pipeline.
    def to_bytes(self, *, exclude: Iterable[str] = ()) -> bytes:
        return srsly.msgpack_dumps(self.data)

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = ()) -> EntityRules:
        self.set_data(srsly.msgpack_loads(data))
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "gazetteer.json").write_text(srsly.json_dumps(self.data), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = ()) -> EntityRules:
        self.set_data(srsly.read_json(Path(path) / "gazetteer.json"))
        return self


def _relabel(ent: Ent, name: Name, *, placed: bool = False) -> Ent:
    """An entity the gazetteer names exactly takes its label, within limits."""
    if ent.label == "PERSON" and name.label in AREA_LABELS and placed and not name.ambiguous:
        return ent._replace(label=name.label)  # "flew to Vienna", called a person by the NER
    if ent.label == "PERSON" and name.label != "ORG":
        return ent  # a person is never made a place or a group
    if name.ambiguous and not (ent.label in AREA_LABELS and name.label in AREA_LABELS):
        return ent
    return ent._replace(label=name.label)


def _has_compound(doc: Doc, names: list[Name]) -> bool:
    """Two names joined by a hyphen without spaces, as in "U.S.-Taliban"."""
    for left, right in zip(names, names[1:], strict=False):
        if right.start == left.end + 1 and doc[left.end].text in HYPHENS:
            joined = not doc[left.end - 1].whitespace_ and not doc[left.end].whitespace_
            if joined and {left.label, right.label} <= COMPOUND_LABELS:
                return True
    return False


def _is_edge(token: Token) -> bool:
    """A token that may start or end a statistical entity but is no part of a name."""
    if token.is_punct or token.is_space or token.lower_ in LEADING_WORDS:
        return True
    return token.is_alpha and token.is_lower and token.text not in NAME_PARTICLES


def _is_acronym(token: Token) -> bool:
    return token.is_upper and len(token) > 1


def _looks_like_name(token: Token) -> bool:
    """A capitalized word that is not a function word ("Denzel", not "In")."""
    return token.is_alpha and (token.is_title or _is_acronym(token)) and not token.is_stop


def _starts_sentence(doc: Doc, i: int) -> bool:
    if i == 0 or doc[i].is_sent_start:
        return True
    previous = doc[i - 1]
    return previous.is_space or previous.text in SENTENCE_ENDS or previous.is_quote
