"""kg's entity rule layer alone, on a blank spaCy pipeline with a gazetteer a test gives, for
rule tests on parse tables with hand-set NER output (``doc_table.build``)."""

from __future__ import annotations

from typing import Any

import spacy
from doc_table import build
from spacy.language import Language

from kg.nlp.lexicon.labels import CONTEXT_KB_ID
from kg.train.recipe import add_entity_rules


def rules_only(gazetteer: dict[str, Any]) -> Language:
    """A blank English pipeline whose one component is kg's rule layer over ``gazetteer``."""
    nlp = spacy.blank("en")
    add_entity_rules(nlp, data=gazetteer)
    return nlp


def entities(nlp: Language, table: str) -> list[tuple[str, str]]:
    """The rule layer's entities for a parse table: text and label."""
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    return [(e.text, e.label_) for e in doc.ents]


def cued_entities(nlp: Language, table: str) -> list[tuple[str, str, bool]]:
    """The same, with whether the words around the name gave its label."""
    doc = nlp.get_pipe("kg_entity_rules")(build(table))
    return [(e.text, e.label_, e.kb_id_ == CONTEXT_KB_ID) for e in doc.ents]
