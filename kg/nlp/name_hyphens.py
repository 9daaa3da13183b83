"""What kg's pipeline adds to spaCy's tokenizer so that names can be entities: "U.S.-Taliban"
splits after the abbreviation and "-NATO" before the name. The training recipe applies it
before the pipeline is trained; the saved pipeline keeps the tokenizer so changed."""

from __future__ import annotations

import re
from typing import Any

from spacy.language import Language
from spacy.tokenizer import Tokenizer

# Tokenizer additions: split "U.S.-Taliban" after the abbreviation, "-NATO" before the name.
ABBREVIATION_HYPHEN = r"(?<=[A-Z]\.)[-–—](?=[A-Za-z])"
LEADING_DASH = r"^[-–—](?=[A-Z])"


def split_name_hyphens(nlp: Language) -> None:
    """Make the tokenizer split "U.S.-Taliban" and "-NATO", so the names can be entities."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer has its own rules
    tokenizer.infix_finditer = _extend(tokenizer.infix_finditer, ABBREVIATION_HYPHEN).finditer
    tokenizer.prefix_search = _extend(tokenizer.prefix_search, LEADING_DASH).search


def _extend(method: Any, pattern: str) -> re.Pattern[str]:
    """A tokenizer regex (given by its bound search/finditer) with one more alternative."""
    current = method.__self__.pattern if method is not None else ""
    if pattern in current.split("|"):
        return method.__self__  # type: ignore[no-any-return]
    return re.compile(f"{current}|{pattern}" if current else pattern)
