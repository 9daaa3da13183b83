"""Entity rules for products named by a brand and a model code ("Halo X1", "iPhone 16 Pro"),
or by the noun of a made thing or a medicine around them ("an H3 rocket", "Velorexin, the
firm's pill")."""

from __future__ import annotations

from spacy.attrs import LEMMA, SHAPE
from spacy.strings import get_string_id
from spacy.tokens import Doc, Token

from kg.nlp.entity_spans import Ent, Known, owners, positions, values
from kg.nlp.lexicon.labels import (
    APPOSITION_TAGS,
    NOUN_TAGS,
    PLACE_LABELS,
    POSSESSIVE_TAGS,
    RETYPED_AS_PRODUCT,
)
from kg.nlp.lexicon.marks import HYPHENS
from kg.nlp.lexicon.names import NUMBERED_NOUNS, PRODUCT_EDITION_WORDS
from kg.nlp.lexicon.nouns import DRUG_NOUNS, DRUG_STAGE_NOUNS, MODEL_NOUNS, ORG_NOUNS
from kg.nlp.lexicon.time import MONTH_NAMES
from kg.nlp.lexicon.titles import PERSON_TITLES

# Word shapes of a model code, one or two capitals and digits ("X1", "S25", "A320"), and of
# a number, which is a model's after a brand in mixed case only ("iPhone 16", not "Chelsea 2").
CODE_SHAPES = frozenset(
    get_string_id(capitals + "d" * digits) for capitals in ("X", "XX") for digits in (1, 2, 3, 4)
)
NUMBER_SHAPES = frozenset(get_string_id("d" * digits) for digits in (1, 2))
# Word shapes of a model code joined by a hyphen: "Cakrawala-2", "KT-311", "Su-57".
HYPHEN_CODE_SHAPES = frozenset(
    get_string_id(word + "-" + "d" * digits)
    for word in ("X", "XX", "XXX", "XXXX", "Xx", "Xxx", "Xxxx", "Xxxxx")
    for digits in (1, 2, 3, 4)
)
# The most words between an apposition's comma and its noun: "KT-311, Kinderdijk's second drug".
APPOSITION_WORDS = 5
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
    shapes = values(doc, SHAPE)
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


def products_by_words(doc: Doc, ents: list[Ent], *, known: Known) -> list[Ent]:
    """Model codes and names a craft's or a medicine's noun calls one, products.

    Rule: "an H3 rocket", "Indonesia's Cakrawala-2 weather satellite", "two Hercules aircraft"
    with nothing found: a model code (capitals and digits, or a word, a hyphen and digits) or
    a capitalized word no entity holds (no place the gazetteer knows, no organization's noun:
    not "Coalition aircraft"), right before a craft's noun in lower case, or before one noun
    and it, is the product; not where a noun follows ("a rocket maker"), nor an adjective
    ("Kurdish missiles"), nor a firm the NER found ("Boeing jets"). Rule: "said KT-311,
    Kinderdijk's second drug, would" with the code a person, "The prize is Velorexin,
    Kinderdijk's pill for ...": a model code or a capitalized word (nothing to the NER, or a
    person, an organization or a place the gazetteer does not know) before a comma and an
    apposition that opens with an article or a possessive and ends in a medicine's or a
    craft's noun is the product; not "Pfizer, the drug maker", nor after a preposition ("In
    Ikorodu, the treatment for ..."). A code before a medicine's noun is not enough ("a
    COVID-19 vaccine"). The words gave the label, so it holds for the whole article.
    """
    nouns = positions(doc, LEMMA, MODEL_NOUNS | DRUG_NOUNS | DRUG_STAGE_NOUNS)
    if not nouns:
        return ents
    taken = owners(doc, ents)
    found: set[tuple[int, int]] = set()
    for k in nouns:
        noun = doc[k]
        if not noun.is_lower or noun.tag_ not in NOUN_TAGS or _noun_after(doc, k):
            continue
        if noun.lemma_ in MODEL_NOUNS:
            i = k - 2 if doc[k - 1].is_lower and doc[k - 1].tag_ == "NN" else k - 1
            if i > 0 and _named(doc, i, taken, known=known):
                found.add((i, i + 1))
        if noun.lemma_ in DRUG_STAGE_NOUNS and doc[k - 1].lemma_ not in DRUG_NOUNS:
            continue  # "a drug candidate", not "a candidate"
        span = _apposed(doc, k, ents, taken, known=known)
        if span is not None:
            found.add(span)
    out = list(ents)
    for start, end in sorted(found):
        owner = taken[start]
        if owner < 0:
            out.append(Ent(start, end, "PRODUCT", cued=True))
        else:
            out[owner] = out[owner]._replace(label="PRODUCT", cued=True)
    return out


def _noun_after(doc: Doc, k: int) -> bool:
    """A noun or a possessive after token ``k``: "a rocket maker", "the ship's captain"."""
    return k + 1 < len(doc) and (doc[k + 1].tag_ in NOUN_TAGS or doc[k + 1].tag_ in POSSESSIVE_TAGS)


def _code(token: Token) -> bool:
    """ "H3", "A320", "Cakrawala-2", "KT-311": capitals and digits, or a word, a hyphen and
    digits, in one token."""
    return token.shape in CODE_SHAPES or token.shape in HYPHEN_CODE_SHAPES


def _named(doc: Doc, i: int, taken: list[int], *, known: Known) -> bool:
    """Token ``i`` is a code, or a capitalized word no entity holds, that no other capitalized
    word or hyphen joins to a longer name."""
    token, before = doc[i], doc[i - 1]
    if (before.is_title or before.is_upper) and not before.is_stop or before.text in HYPHENS:
        return False  # "Air Force jets"
    if _code(token):
        return taken[i] < 0
    if token.is_sent_start or token.lower_ in ORG_NOUNS:
        return False  # "Cell phones", "Coalition aircraft": a common noun
    word = token.is_alpha and token.is_title and not token.is_stop
    return word and token.tag_ in NOUN_TAGS and taken[i] < 0 and not known(doc, i, i + 1)


def _apposed(
    doc: Doc, k: int, ents: list[Ent], taken: list[int], *, known: Known
) -> tuple[int, int] | None:
    """The name before a comma and an apposition that ends in the noun at ``k``."""
    j = k - 1
    while j > 0 and k - j <= APPOSITION_WORDS and doc[j].text != ",":
        if doc[j].tag_ not in APPOSITION_TAGS:
            return None
        j -= 1
    if j < 2 or doc[j].text != ",":
        return None
    opener = doc[j + 1].tag_ in {"DT", "PRP$"} or doc[j + 2].tag_ == "POS"
    if not opener:
        return None  # "the Iraqi Security Forces, Coalition aircraft conducted"
    i = j - 1
    if doc[i - 1].tag_ == "IN" or doc[i - 1].text in HYPHENS:
        return None  # "In Ikorodu, the treatment ..."
    owner = taken[i]
    if owner >= 0:
        ent = ents[owner]
        named = ent.end == j and ent.label in RETYPED_AS_PRODUCT
        named = named and not known(doc, ent.start, ent.end)
        return (ent.start, ent.end) if named else None
    name = doc[i].is_alpha and doc[i].is_title and doc[i].tag_ in NOUN_TAGS
    if _code(doc[i]) or (name and not doc[i].is_stop and not known(doc, i, i + 1)):
        return (i, j) if not (doc[i - 1].is_title or doc[i - 1].is_upper) else None
    return None
