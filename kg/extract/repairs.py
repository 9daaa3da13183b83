"""Repairs of the parser's tree, made while the parse view is built, before anything reads it.

Three ordered lists, one per stage of building the view (``kg.extract.parse.Parse``):

- ``TREE_REPAIRS`` re-hang tokens. Each sees the children as the parser left them and says
  whether it changed a head; the children are rebuilt once after all of them.
- ``SENTENCE_REPAIRS`` take the parser's sentence bounds and return them mended.
- ``LEMMA_REPAIRS`` give a token a better lemma; the first that answers wins.

A repair is one small function whose docstring starts with ``Rule:`` and the sentence it
mends, listed in its stage's tuple, with a parse-table test.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from kg.nlp.lexicon.deps import (
    ALL_SUBJECTS,
    AUXILIARIES,
    HUNG_VERB_DEPS,
    NOMINAL_DEPS,
    OBJECT_DEPS,
    PASSIVE_MARKERS,
    REPORTED_DEPS,
    TO_CLAUSES,
    VERB_OBLIQUES,
)
from kg.nlp.lexicon.forms import singular
from kg.nlp.lexicon.labels import FINITE_TAGS, NOUN_POS, NOUN_TAGS, PAST_TAGS, VERBAL_POS
from kg.nlp.lexicon.marks import SENTENCE_ENDS
from kg.nlp.lexicon.nouns import AMBIGUOUS_PLURALS, EVENT_NOUNS, PLURAL_ONLY_NOUNS
from kg.nlp.lexicon.verbs import E_STEMS, RR_VERBS, SEQUENCE_VERBS, SPEECH_VERBS
from kg.nlp.lexicon.words import ARTICLES

if TYPE_CHECKING:
    from kg.extract.parse import Parse

TreeRepair = Callable[["Parse"], bool]
SentenceRepair = Callable[["Parse", list[tuple[int, int]]], list[tuple[int, int]]]
LemmaRepair = Callable[["Parse", int], "str | None"]


def promote_hung_verbs(p: Parse) -> bool:
    """Rule: "NATO defence ministers agreed on Thursday to expand the mission" read as a noun
    phrase (ministers ← acl agreed), or a headline "Alliance ministers agree to expand training
    mission" (ministers ← xcomp agree): the verb becomes the root and the noun its subject.

    Only a finite verb, or a participle with an object or a to-clause (a passive one has
    neither: "soldiers wounded in the attack"), with no subject of its own and no punctuation
    between the two.
    """

    def hung(noun: int, verb: int) -> bool:
        if p.dep[verb] not in HUNG_VERB_DEPS or p.pos[verb] != "VERB":
            return False
        kids = p.children[verb]
        if any(p.dep[c] in ALL_SUBJECTS or p.dep[c] in AUXILIARIES for c in kids):
            return False
        if any(p.pos[k] == "PUNCT" for k in range(noun + 1, verb)):
            return False
        if p.tag[verb] in FINITE_TAGS:
            return True
        to_clause = any(
            p.dep[c] in TO_CLAUSES and "to" in (p.lower[g] for g in p.children[c]) for c in kids
        )
        return p.tag[verb] == "VBN" and (to_clause or any(p.dep[c] == "obj" for c in kids))

    changed = False
    for noun in range(p.n):
        if p.head[noun] != noun or p.pos[noun] not in NOUN_POS:
            continue
        for verb in p.children[noun]:
            if verb > noun and hung(noun, verb):
                for c in p.children[noun]:
                    if c > verb:
                        p.head[c] = verb
                p.head[verb], p.dep[verb] = verb, "ROOT"
                p.head[noun], p.dep[noun] = verb, "nsubj"
                changed = True
                break
    return changed


def nouns_read_as_verbs(p: Parse) -> bool:
    """Rule: "approved by EU ministers last week", ministers tagged NNS by the tagger and VERB
    by the morphologizer, in a noun's place: a noun. Its oblique ("last week") is the clause's,
    since a noun takes none."""
    changed = False
    for i in range(p.n):
        if (
            p.pos[i] == "VERB"
            and p.tag[i] in NOUN_TAGS
            and p.dep[i] in NOMINAL_DEPS
            and p.head[i] != i
        ):
            p.pos[i] = "PROPN" if p.tag[i].startswith("NNP") else "NOUN"
            for c in p.children[i]:
                if p.dep[c] in VERB_OBLIQUES:
                    p.head[c] = p.head[i]
                    changed = True
    return changed


def join_cut_attributions(p: Parse, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Rule: "The EU will give Ukraine $1.5 billion, the bloc's foreign policy chief Josep
    Borrell said on Tuesday." read as two sentences, the second a bare "X said": the verb of
    saying hangs from the clause before, as "X, he said" does (parataxis), and the two are one
    sentence again.

    Only where a comma joins them within a paragraph and the verb of saying has a subject and
    no complement of its own. Re-hangs the verb in ``p.head``; the view rebuilds its children.
    """
    out: list[tuple[int, int]] = []
    for start, end in bounds:
        if out and _attribution_of(p, out[-1], (start, end)):
            out[-1] = (out[-1][0], end)
        else:
            out.append((start, end))
    return out


def _attribution_of(p: Parse, before: tuple[int, int], after: tuple[int, int]) -> bool:
    roots = [i for i in range(*after) if p.head[i] == i]
    clause = [i for i in range(*before) if p.head[i] == i]
    if len(roots) != 1 or not clause:
        return False
    verb, main = roots[0], clause[-1]
    last = next((k for k in range(before[1] - 1, before[0] - 1, -1) if not p.blank[k]), -1)
    comma = p.words[after[0]] == "," or (last >= 0 and p.words[last] == ",")
    kids = [p.dep[c] for c in p.children[verb]]
    if not (
        comma
        and p.lemma[verb] in SPEECH_VERBS
        and p.pos[main] in VERBAL_POS
        and p.para[main] == p.para[verb]
        and any(d in ALL_SUBJECTS for d in kids)
        and not any(d in REPORTED_DEPS for d in kids)
    ):
        return False
    p.head[verb], p.dep[verb] = main, "parataxis"
    return True


def participle_as_verb(p: Parse, i: int) -> str | None:
    """Rule: "two soldiers were injured" with "injured" read as an adjective and left
    unlemmatized: an -ed form used as a verb has its verb's lemma (injure)."""
    if p.lemma[i] != p.lower[i] or not _verbal_participle(p, i):
        return None
    return participle_lemma(p.lower[i])


def undoubled_r(p: Parse, i: int) -> str | None:
    """Rule: "measures meant to deter attacks" after "deterred" lemmatized as "deterr": a verb
    lemma keeps no doubled final r, unless the verb has one (err, purr)."""
    if p.pos[i] != "VERB" or not p.lemma[i].endswith("rr"):
        return None
    return undouble(p.lemma[i])


def news_plural(p: Parse, i: int) -> str | None:
    """Rule: "there are several bases already in Iraq", "bases" lemmatized "basis": a plural
    news uses for another noun has that noun's lemma, unless a word after it says otherwise
    ("the bases for cooperation")."""
    found = AMBIGUOUS_PLURALS.get(p.lower[i])
    if found is None or p.pos[i] != "NOUN":
        return None
    lemma, unless = found
    if i + 1 < p.n and p.lower[i + 1] in unless:
        return None
    return lemma


def plural_left_whole(p: Parse, i: int) -> str | None:
    """Rule: "2,500 troops" tagged a plural noun but left "troops" by the lemmatizer: a plural
    common noun ending in -s has its singular as lemma, unless it has none ("news")."""
    word = p.lower[i]
    if p.pos[i] != "NOUN" or p.tag[i] != "NNS" or p.lemma[i] != word or word in PLURAL_ONLY_NOUNS:
        return None
    lemma = singular(word)
    return lemma if lemma != word else None


def sequence_objects(p: Parse) -> bool:
    """Rule: "The expansion follows a rocket attack on Monday on a base in Erbil", with "on
    Monday" and "on a base" hung on "follows": after a verb that puts one happening after
    another, what comes after its event-noun object tells of the object (the attack was on
    Monday, at the base)."""
    changed = False
    for v in range(p.n):
        if p.pos[v] != "VERB" or p.lemma[v] not in SEQUENCE_VERBS:
            continue
        objects = [o for o in p.children[v] if p.dep[o] in OBJECT_DEPS]
        if len(objects) != 1 or p.lemma[objects[0]] not in EVENT_NOUNS:
            continue
        for c in p.children[v]:
            if c > objects[0] and p.dep[c] in VERB_OBLIQUES:
                p.head[c], p.dep[c] = objects[0], "nmod"
                changed = True
    return changed


def verbs_read_as_plural_nouns(p: Parse) -> bool:
    """Rule: "The U.S.-Taliban Agreement calls for withdrawal by May 1", with "calls" tagged a
    plural noun and made the root of a sentence left without a verb: it is the verb, and the
    noun before it its subject. Only in a sentence that starts with an article and ends with
    a full stop, so a headline's plural ("NATO Allies Weigh Options") stays a noun."""
    changed = False
    for r in range(1, p.n):
        c = r - 1
        if p.head[r] != r or p.pos[r] != "NOUN" or p.tag[r] != "NNS":
            continue
        if p.head[c] != r or p.dep[c] != "compound" or p.pos[c] not in NOUN_POS:
            continue
        clause = _tree_of(p, r)
        if p.lower[clause[0]] not in ARTICLES or p.words[clause[-1]] not in SENTENCE_ENDS:
            continue  # a title, not a sentence: "The Peace Talks"
        if clause[-2] == r or any(p.pos[k] in VERBAL_POS for k in p.children[r] if k < r):
            continue
        p.pos[r], p.tag[r], p.dep[c] = "VERB", "VBZ", "nsubj"
        for k in p.children[r]:
            if k < c:
                p.head[k] = c  # "The U.S.-Taliban" goes with "Agreement"
            elif k > r and p.dep[k].startswith("nmod"):
                p.dep[k] = p.dep[k].replace("nmod", "obl", 1)  # "for withdrawal"
        changed = True
    return changed


def phrases_after_a_clause(p: Parse) -> bool:
    """Rule: "it is fair to say there will be ramifications for every group responsible", with
    "for every group" hung on "say" across the clause "there will be ramifications": a
    prepositional phrase right after a clausal complement that ends in a noun, hung on the
    verb before that clause, tells of that noun."""
    changed = False
    for c in range(p.n):
        verb = p.head[c]
        cases = [k for k in p.children[c] if p.dep[k] == "case" and k < c]
        if verb >= c or p.dep[c] not in VERB_OBLIQUES or not cases:
            continue
        noun = min(cases) - 1
        if p.pos[noun] not in NOUN_POS or not noun > verb:
            continue
        for clause in p.children[verb]:
            if p.dep[clause] == "ccomp" and verb < clause < c and _last_of(p, clause) == noun:
                p.head[c], p.dep[c] = noun, "nmod"
                changed = True
    return changed


def _last_of(p: Parse, i: int) -> int:
    """The last token of the subtree of ``i``."""
    last = i
    for c in p.children[i]:
        if c > i:
            last = max(last, _last_of(p, c))
    return last


def _tree_of(p: Parse, root: int) -> list[int]:
    """The tokens around ``root`` whose heads lead to it, in order (the parser's sentence)."""

    def top(k: int) -> int:
        for _ in range(p.n):
            if p.head[k] == k:
                break
            k = p.head[k]
        return k

    low, high = root, root
    while low > 0 and top(low - 1) == root:
        low -= 1
    while high + 1 < p.n and top(high + 1) == root:
        high += 1
    return list(range(low, high + 1))


TREE_REPAIRS: tuple[TreeRepair, ...] = (
    promote_hung_verbs,
    nouns_read_as_verbs,
    sequence_objects,
    verbs_read_as_plural_nouns,
    phrases_after_a_clause,
)
SENTENCE_REPAIRS: tuple[SentenceRepair, ...] = (join_cut_attributions,)
LEMMA_REPAIRS: tuple[LemmaRepair, ...] = (
    participle_as_verb,
    undoubled_r,
    news_plural,
    plural_left_whole,
)


def _verbal_participle(p: Parse, i: int) -> bool:
    """An -ed form used as a verb ("were injured", read as an adjective by some taggers)."""
    if not p.lower[i].endswith("ed") or len(p.lower[i]) < 5:
        return False
    if p.tag[i] in PAST_TAGS:
        return True
    return p.tag[i] == "JJ" and any(
        p.dep[c] in PASSIVE_MARKERS and p.lemma[c] == "be" for c in p.children[i]
    )


def undouble(lemma: str) -> str:
    """A verb lemma without the doubled final r a lemmatizer may keep: deterr → deter."""
    return lemma if lemma in RR_VERBS else lemma[:-1]


def participle_lemma(word: str) -> str:
    """The verb of a regular "-ed" form, for when a lemmatizer leaves it as it is:
    injured → injure, wounded → wound, carried → carry, planned → plan."""
    if word.endswith("ied") and len(word) > 4:
        return word[:-3] + "y"
    stem = word[:-2]
    if len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "lsfz":
        return stem[:-1]
    if stem.endswith(E_STEMS) and not stem.endswith("cus"):  # focus-ed
        return stem + "e"
    return stem
