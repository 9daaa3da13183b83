"""Name normalization: folding, aliases, acronyms, surnames, titles stripped from names.

No spaCy here: these are string functions, shared by entity merging, roles and descriptions.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Mapping

from kg.nlp.lexicon.marks import DASHES, HYPHENS
from kg.nlp.lexicon.names import (
    ACRONYM_STOPWORDS,
    ARABIC_ARTICLE_WORDS,
    ARABIC_ARTICLES,
    BUILTIN_ALIASES,
    CORPORATE_PREFIXES,
    CORPORATE_SUFFIXES,
    NAME_PARTICLES,
    NAME_SUFFIXES,
    PATRONYMIC_PARTICLES,
    SYLLABLE_LETTERS,
)
from kg.nlp.lexicon.titles import (
    NOBLE_NAME_RANKS,
    NOBLE_RANKS,
    TITLE_ABBREVIATIONS,
    TITLE_HEADS,
    TITLE_WORDS,
)

_DASH_TABLE = str.maketrans({d: "-" for d in DASHES} | {"\u2019": "'", "\u2018": "'"})
_SPACED_HYPHEN = re.compile(r"\s*-\s*")
_SPACES = re.compile(r"\s+")


@functools.lru_cache(maxsize=8192)
def fold(text: str) -> str:
    """Casefolded, accent-free, dash- and apostrophe-normalized, single-spaced text."""
    text = text.translate(_DASH_TABLE)
    if not text.isascii():  # ASCII has no accents to take off (a gazetteer's names mostly)
        text = unicodedata.normalize("NFKD", text)
        text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _SPACES.sub(" ", text).strip().casefold()


@functools.cache
def _patronymic_words() -> frozenset[str]:
    """``PATRONYMIC_PARTICLES`` folded: "Ó" → "o"."""
    return frozenset(fold(word) for word in PATRONYMIC_PARTICLES)


def normalize_name(text: str) -> str:
    """The comparable form of a name: "Al—Kadhimi" → "al-kadhimi", "U.S." → "us"."""
    name = fold(text).replace(".", "")
    name = _SPACED_HYPHEN.sub("-", name)
    if name.startswith("the "):
        name = name[4:]
    if name.endswith("'s"):
        name = name[:-2]
    elif name.endswith("'"):
        name = name[:-1]
    return name.strip(" ,;:-'\"")


def without_legal_form(text: str) -> str:
    """A firm's name as written without its legal form, the same firm for merging: "Kilimanjaro
    Resources Inc." → "Kilimanjaro Resources", "Acme Holdings, Ltd" → "Acme Holdings", "PT
    Samudra Lintas Energi" → "Samudra Lintas Energi"; a name of one word stays as it is."""
    first, space, rest = text.strip().partition(" ")
    if space and first in CORPORATE_PREFIXES:
        return rest
    head, space, last = text.rstrip().rpartition(" ")
    if not space or last not in CORPORATE_SUFFIXES:
        return text
    return head.rstrip(" ,")


def surname_forms(canon: str) -> set[str]:
    """The last word of a normalized full name, with and without an "al-" article.

    "mustafa al-kadhimi" → {"al-kadhimi", "kadhimi"}; "abu bakr al baghdadi" → {"baghdadi",
    "al baghdadi"}.
    """
    words = canon.split()
    last = words[-1]
    forms = {last}
    for article in ARABIC_ARTICLES:
        if last.startswith(article) and len(last) > len(article) + 1:
            forms.add(last[len(article) :])
    if len(words) > 2 and words[-2] in ARABIC_ARTICLE_WORDS:
        forms.add(f"{words[-2]} {last}")
    # "jean-yves le drian" → "le drian"; "ursula von der leyen" → "von der leyen".
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
        forms.add(" ".join(words[k:]))
    # "hyeon jae-won" → "hyeon": a given name of two short syllables comes after the surname.
    syllables = last.split("-")
    if len(words) == 2 and len(syllables) == 2 and max(map(len, syllables)) <= SYLLABLE_LETTERS:
        forms.add(words[0])
    # "sean mac giolla phadraig" → "mac giolla phadraig", "cathal o suilleabhain" → "o
    # suilleabhain": an Irish or Welsh surname starts at its particle.
    k = next((k for k in range(1, len(words) - 1) if words[k] in _patronymic_words()), 0)
    if k:
        forms.add(" ".join(words[k:]))
    return forms


def people_key(name: str) -> str:
    """A people's normalized name in the singular, one node for "Indonesians" and
    "Indonesian": a final "s" dropped ("israelis" → "israeli"), not a final "ss" ("swiss")."""
    return name[:-1] if name.endswith("s") and not name.endswith("ss") else name


def person_key(name: str) -> str:
    """A person's normalized name in natural order, without middle initials or generational
    suffixes.

    "Lloyd J. Austin III" and "Lloyd Austin" get the same key; the price is that a father
    and son of the same name do too. "ellery, margaret" (a book list's order) is "margaret
    ellery".
    """
    surname, comma, given = name.partition(", ")
    if comma and given and "," not in given:
        name = f"{given} {surname}"
    words = name.split()
    # "o" of "cathal o suilleabhain" is the surname's particle, no middle initial
    kept = [w for i, w in enumerate(words) if not (i and _initial_or_suffix(w))]
    return " ".join(kept or words)


def _initial_or_suffix(word: str) -> bool:
    return (len(word) == 1 and word not in _patronymic_words()) or word in NAME_SUFFIXES


def strip_title_words(words: list[str]) -> int:
    """How many leading words of a person's name are titles or honorifics ("Prime Minister")."""
    k = 0
    while k < len(words) - 1:
        word = fold(words[k]).rstrip(".")
        if words[k + 1] in HYPHENS:
            break  # "Sen-Gupta" is a surname, not the senator's "Sen"
        title = word in TITLE_WORDS or (
            word == "of" and k > 0 and fold(words[k - 1]) in TITLE_HEADS
        )
        if not (title or _noble_rank(word, words[k + 1 :])):
            break
        k += 1
    return k


def _noble_rank(word: str, rest: list[str]) -> bool:
    """Whether a folded ``word`` before the name ``rest`` is a rank of the nobility."""
    if word in NOBLE_RANKS:
        return True
    if word not in NOBLE_NAME_RANKS:
        return False
    # "Count Anton Wolfgang von Faber-Castell", not "Earl Chanley" nor "Duke Smith-Jones"
    words = [
        w for i, w in enumerate(rest) if w not in HYPHENS and not (i and rest[i - 1] in HYPHENS)
    ]
    return len(words) > 1


def title_text(words: list[str]) -> str:
    """A title as written, with abbreviations spelled out: ["Col."] → "Colonel"."""
    out = []
    for word in words:
        key = fold(word).rstrip(".")
        out.append(TITLE_ABBREVIATIONS.get(key, word))
    return " ".join(out)


def initials(name: str) -> str:
    """The acronym a normalized multi-word name would have: "north atlantic ..." → "nato"."""
    words = [w for w in re.split(r"[\s-]+", name) if w and w not in ACRONYM_STOPWORDS]
    return "".join(w[0] for w in words) if len(words) > 1 else ""


def is_acronym(text: str) -> bool:
    """ "NATO", "U.S.", "ISIS": 2 to 8 capital letters, dots allowed."""
    letters = text.replace(".", "")
    return 2 <= len(letters) <= 8 and letters.isalpha() and letters.isupper()


def canonical(norm: str, aliases: Mapping[str, tuple[str, str]]) -> tuple[str, str | None]:
    """(canonical normalized name, the caller's spelling of it or None) of a normalized name.

    The caller's aliases first, then the built-in table, so both agree on a key.
    """
    found = aliases.get(norm)
    if found is None:
        return BUILTIN_ALIASES.get(norm, norm), None
    return BUILTIN_ALIASES.get(found[0], found[0]), found[1]


_ALIAS_CACHE: dict[int, tuple[Mapping[str, str], int, dict[str, tuple[str, str]]]] = {}


def normalize_aliases(aliases: Mapping[str, str] | None) -> dict[str, tuple[str, str]]:
    """A caller's alias map, normalized: variant → (normalized canonical, canonical as given).

    Both sides of each pair map to the canonical, so the direction of the map does not
    change which names merge, only which spelling is preferred. A pipeline's gazetteer
    can be large and is passed with every document, so the result is cached per map
    (a map changed in place without changing its size is not noticed).
    """
    if not aliases:
        return {}
    hit = _ALIAS_CACHE.get(id(aliases))
    if hit is not None and hit[0] is aliases and hit[1] == len(aliases):
        return hit[2]
    if len(_ALIAS_CACHE) >= 8:
        _ALIAS_CACHE.clear()
    out: dict[str, tuple[str, str]] = {}
    _ALIAS_CACHE[id(aliases)] = (aliases, len(aliases), out)
    for variant, canonical in aliases.items():
        norm = normalize_name(canonical)
        if not norm:
            continue
        out[normalize_name(variant)] = (norm, canonical)
        out.setdefault(norm, (norm, canonical))
    return out
