"""The rule layer's step 3: a person's surname alone is that person ("Stoltenberg" after
"Jens Stoltenberg")."""

from __future__ import annotations

from spacy.attrs import ORTH
from spacy.strings import get_string_id
from spacy.tokens import Doc

from kg.nlp.entity_joins import speaks, surnamed
from kg.nlp.entity_names import join_hyphenated_names, surnames_of
from kg.nlp.entity_spans import Ent, Known, owners, values
from kg.nlp.lexicon.labels import AREA_LABELS, NER_SURNAME_LABELS


def apply_surnames(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Relabel or add the surnames of the doc's people where the NER missed them."""
    ents = [
        ent._replace(label="PERSON")
        if ent.label in NER_SURNAME_LABELS | AREA_LABELS and surnamed(doc, ent, ents, known=known)
        else ent
        for ent in ents
    ]
    surnames = surnames_of(doc, ents)
    if not surnames:
        return ents

    def is_surname(start: int, end: int) -> bool:
        token = doc[start]
        single = end - start == 1 and surnames.get(token.text, end) < end and not token.is_stop
        return single and (not known(doc, start, end) or speaks(doc, start))

    ents = [
        ent._replace(label="PERSON")
        if ent.label in NER_SURNAME_LABELS | AREA_LABELS and is_surname(ent.start, ent.end)
        else ent
        for ent in ents
    ]
    owner_of = owners(doc, ents)
    named = {get_string_id(surname) for surname in surnames}  # a Token only where one is
    people = [
        Ent(i, i + 1, "PERSON")
        for i, orth in enumerate(values(doc, ORTH))
        if orth in named and owner_of[i] < 0 and is_surname(i, i + 1)
    ]
    # "Ramos-Lima said", where the NER took "Lima" for the city: now a person, whole.
    return join_hyphenated_names(doc, ents + people)
