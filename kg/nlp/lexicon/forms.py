"""Word-list helpers: a set written as one string, and English verb inflection."""

from __future__ import annotations

from collections.abc import Iterable


def words(text: str) -> frozenset[str]:
    """A word set written as one string, so long lists stay readable."""
    return frozenset(text.split())


# Forms regular inflection does not give, by (lemma, Penn tag).
IRREGULAR = {
    ("be", "VBZ"): "is",
    ("be", "VBP"): "are",
    ("be", "VBD"): "was",
    ("be", "VBN"): "been",
    ("have", "VBZ"): "has",
    ("have", "VBD"): "had",
    ("have", "VBN"): "had",
    ("know", "VBD"): "knew",
    ("know", "VBN"): "known",
    ("say", "VBD"): "said",
    ("say", "VBN"): "said",
    ("tell", "VBD"): "told",
    ("tell", "VBN"): "told",
    ("write", "VBD"): "wrote",
    ("write", "VBN"): "written",
}
# Plural past of "be", the one verb whose past agrees in number.
BE_PLURAL_PAST = "were"
# Contracted forms of finite "be": "it's", "they're".
CONTRACTIONS = {"is": "'s", "are": "'re"}
_VOWELS = "aeiou"


def inflect(lemma: str, tag: str) -> str:
    """The form of verb ``lemma`` for Penn tag ``tag`` (VBZ, VBP, VBD, VBN or VBG):
    call → called, dub → dubbed, title → titled, know → known (from ``IRREGULAR``)."""
    if (lemma, tag) in IRREGULAR:
        return IRREGULAR[lemma, tag]
    if tag == "VBP":
        return lemma
    if tag == "VBZ":
        if lemma.endswith(("s", "x", "z", "ch", "sh")):
            return lemma + "es"
        if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
            return lemma[:-1] + "ies"
        return lemma + "s"
    if tag in ("VBD", "VBN"):
        if lemma.endswith("e"):
            return lemma + "d"
        if lemma.endswith("y") and lemma[-2:-1] not in _VOWELS:
            return lemma[:-1] + "ied"
        return _doubled(lemma) + "ed"
    if tag == "VBG":
        if lemma.endswith("ie"):
            return lemma[:-2] + "ying"
        if lemma.endswith("e") and not lemma.endswith(("ee", "ye", "oe")):
            return lemma[:-1] + "ing"
        return _doubled(lemma) + "ing"
    raise ValueError(f"not a verb form tag: {tag!r}")


def _doubled(lemma: str) -> str:
    """The stem before "-ed"/"-ing": a one-syllable verb ending consonant-vowel-consonant
    doubles its last letter (dub → dubb-, plan → plann-); others stay (call, visit)."""
    syllables = sum(
        1 for k, ch in enumerate(lemma) if ch in _VOWELS and (k == 0 or lemma[k - 1] not in _VOWELS)
    )
    last3 = lemma[-3:]
    if (
        syllables == 1
        and len(last3) == 3
        and last3[0] not in _VOWELS
        and last3[1] in _VOWELS
        and last3[2] not in _VOWELS + "wxy"
    ):
        return lemma + lemma[-1]
    return lemma


def with_curly_apostrophes(forms: Iterable[str]) -> frozenset[str]:
    """``forms`` and each one written with a typographic apostrophe: 's → 's, ’s."""
    forms = frozenset(forms)
    return forms | frozenset(form.replace("'", "\u2019") for form in forms)


def singular(noun: str) -> str:
    """The singular of a regular English plural noun: allies → ally, crusades → crusade."""
    if noun.endswith("ies") and len(noun) > 4:
        return noun[:-3] + "y"
    if noun.endswith(("ches", "shes", "sses", "xes")):
        return noun[:-2]
    if noun.endswith("s") and not noun.endswith(("ss", "us", "is")):
        return noun[:-1]
    return noun
