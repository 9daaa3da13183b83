"""Entity rules for products named by a brand and a model code: "Halo X1", "iPhone 16 Pro"."""

from __future__ import annotations

from spacy.attrs import SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners
from kg.nlp.lexicon.labels import PLACE_LABELS
from kg.nlp.lexicon.names import NUMBERED_NOUNS, PRODUCT_EDITION_WORDS
from kg.nlp.lexicon.time import MONTH_NAMES
from kg.nlp.lexicon.titles import PERSON_TITLES

# Word shapes of a model code, one or two capitals and digits ("X1", "S25", "A320"), and of
# a number, which is a model's after a brand in mixed case only ("iPhone 16", not "Chelsea 2").
CODE_SHAPES = frozenset(
    get_string_id(capitals + "d" * digits) for capitals in ("X", "XX") for digits in (1, 2, 3, 4)
)
NUMBER_SHAPES = frozenset(get_string_id("d" * digits) for digits in (1, 2))
# The most edition words after a code: "Galaxy S25 Ultra", "iPad Pro Max".
EDITION_WORDS = 2


def model_products(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """A brand followed by a model code, a product.

    Rule: "last year's Halo X1" as a place, "the Galaxy S25 Ultra" with "Galaxy" an
    organization, "the iPhone 16 Pro" and "its own XuanJi A1 processor" with no entity: a
    capitalized word (or the entity it ends) followed by a model code in capitals and
    digits, or a word in mixed case followed by a number, and up to two edition words
    ("Pro", "Ultra"), is one product. Not "Terminal B2" or "Flight MH370" (nouns that number
    things), nor "Chelsea 2" (a score), nor "March 3", nor "London E17" (a place the
    gazetteer knows, and its postcode).
    """
    shapes = doc.to_array(SHAPE).tolist()
    found = []
    for i, shape in enumerate(shapes):
        if i == 0 or not (shape in CODE_SHAPES or shape in NUMBER_SHAPES):
            continue
        word = doc[i - 1]
        if not word.whitespace_ or not _brand(word):
            continue
        if shape in NUMBER_SHAPES and not _mixed_case(word):
            continue
        end = i + 1
        while end < len(doc) and end - i <= EDITION_WORDS and _edition(doc, end):
            end += 1
        found.append(Ent(i - 1, end, "PRODUCT"))
    taken = owners(doc, ents)
    products = []
    for product in found:
        owner = taken[product.start]
        if owner >= 0 and ents[owner].end == product.start + 1:
            brand = ents[owner]
            if brand.label in PLACE_LABELS and known(doc, brand.start, brand.end):
                continue
            product = product._replace(start=brand.start)  # "Samsung Galaxy" + "S25"
        # An entity that runs past the product on either side keeps it: "Galaxy S25 Team".
        inner = {ents[k] for k in taken[product.start : product.end] if k >= 0}
        if all(product.start <= e.start and e.end <= product.end for e in inner):
            products.append(product)
    inside = owners(doc, products)
    return [e for e in ents if all(inside[k] < 0 for k in range(e.start, e.end))] + products


def _brand(token: Token) -> bool:
    """A word that may name a product line: capitalized or in mixed case, no function word,
    title, month or noun that numbers things."""
    return (
        token.is_alpha
        and not token.is_lower
        and not token.is_upper
        and not token.is_stop
        and token.text not in NUMBERED_NOUNS
        and token.text not in PERSON_TITLES
        and token.text not in MONTH_NAMES
    )


def _edition(doc: Doc, i: int) -> bool:
    """Token ``i`` is an edition word written apart from the word before it: "Pro"."""
    return doc[i].text in PRODUCT_EDITION_WORDS and bool(doc[i - 1].whitespace_)


def _mixed_case(token: Token) -> bool:
    """A capital after the first letter: "iPhone", "LumiOS", "PlayStation"."""
    return any(c.isupper() for c in token.text[1:])
