"""Clause structure: which tokens head a clause, their predicate, subject, modality, polarity.

Plain functions over a ``Parse``; ``events`` turns them into records.
"""

from __future__ import annotations

from kg.extract.parse import Parse
from kg.extract.rules import first
from kg.nlp.lexicon.deps import (
    ALL_SUBJECTS,
    AUXILIARIES,
    CC,
    COMPLEMENT_CLAUSES,
    COPULA,
    INVERTED,
    MISREAD_PARTICIPLE_DEPS,
    NAMED_AS_DEPS,
    NEGATION_DEPS,
    NOT_HEAD_DEPS,
    NOUN_CLAUSES,
    NUMMODS,
    OBJECT_DEPS,
    OBL_OR_NMOD,
    PASSIVE_AUXILIARIES,
    PASSIVE_SUBJECTS,
    STRANDING_DEPS,
)
from kg.nlp.lexicon.labels import (
    ADVERBIAL_CLAUSE_FORMS,
    NOMINAL_POS,
    PAST_TAGS,
    PLURAL_NOUN_TAGS,
    VERBAL_POS,
    WH_RELATIVE_TAGS,
)
from kg.nlp.lexicon.verbs import (
    BE_PLURAL,
    BE_SINGULAR,
    CHANGE_VERBS,
    FINITE_BE,
    HEDGE_VERBS,
    INVERTING_VERBS,
    LIGHT_VERBS,
    MODALS,
    NAMING_VERBS,
    OBJECT_CONTROL,
    RAISING_VERBS,
    SPEECH_VERBS,
)
from kg.nlp.lexicon.words import ASIDES, NEGATORS, ONE, SUBORDINATORS


def is_head(p: Parse, i: int) -> bool:
    """Whether token ``i`` heads a clause (a verb, a main "be"/"have", or a predicate with "be")."""
    if p.dep[i] in NOT_HEAD_DEPS or p.blank[i]:
        return False
    pos = p.pos[i]
    if pos == "ADJ" and (p.tag[i] == "VBN" or p.has_kid(i, PASSIVE_AUXILIARIES)):
        pos = "VERB"  # "were injured" with the tagger and morphologizer at odds: a passive
    if pos == "VERB" or pos == "AUX":
        # "a group called X", "NATO, also called the North Atlantic Alliance": a name, read
        # by entity merging; a stranded modal ("they will, in a way, be able") is no event.
        return not _naming(p, i) and p.lower[i] not in MODALS
    return p.has_kid(i, COPULA)


def _naming(p: Parse, i: int) -> bool:
    if p.lemma[i] not in NAMING_VERBS or p.tag[i] not in PAST_TAGS:
        return False
    if p.tag[i] == "VBD" and not any(p.lower[c] == "also" for c in p.children[i]):
        return False  # "Biden called Putin" is a call; "X, also called Y" is a name
    return p.dep[i] == "acl" or any(
        p.pos[c] == "PROPN" and (p.dep[c] in NAMED_AS_DEPS or p.preposition(c) == "as")
        for c in p.children[i]
    )


def is_copula(p: Parse, i: int) -> bool:
    return p.has_kid(i, COPULA) or (p.lemma[i] == "be" and p.pos[i] in VERBAL_POS)


def wrapper(p: Parse, i: int) -> tuple[int, str] | None:
    """(embedded clause, modality) when clause ``i`` only hedges or modalizes another.

    "is believed to be a front" → (front, "believed"); "are going to anticipate" →
    (anticipate, "going to"); "seems to work" → (work, "seem"); "have to make" → (make, "have to").
    """
    xcomps = [c for c in p.children[i] if p.dep[c] == "xcomp"]
    if not xcomps:
        return None
    lemma, target = p.lemma[i], xcomps[0]
    if lemma in HEDGE_VERBS and p.is_passive(i):
        return target, p.lower[i]
    if lemma in RAISING_VERBS:
        return target, lemma
    if lemma == "go" and p.tag[i] == "VBG" and _has_to(p, target):
        return target, "going to"
    if lemma == "have" and _has_to(p, target) and not p.has_kid(i, OBJECT_DEPS):
        return target, "have to"
    return None


def _has_to(p: Parse, i: int) -> bool:
    return any(p.dep[c] == "mark" and p.lower[c] == "to" for c in p.children[i])


def predicate(p: Parse, i: int) -> tuple[str, int | None, str | None]:
    """(predicate, object token it absorbed, preposition whose object is the theme).

    "carried out" → "carry out"; "claimed responsibility for X" → "claim responsibility for"
    with X as theme; "is a group" → "be".
    """
    if p.has_kid(i, COPULA) or (p.lemma[i] == "be" and p.pos[i] in VERBAL_POS):
        return "be", None, None
    lemma = p.lemma[i]
    particles = [p.lower[c] for c in p.children[i] if p.dep[c] == "compound:prt"]
    for c in p.children[i]:
        if p.dep[c] in OBJECT_DEPS and (lemma, p.lemma[c]) in LIGHT_VERBS:
            phrase, prep = LIGHT_VERBS[(lemma, p.lemma[c])]
            return phrase, c, prep
    return " ".join([lemma, *particles]), None, None


def before_subject(p: Parse, verb: int, start: int, end: int) -> int:
    """The last token of ``verb``'s reported clause [start, end], without a speaker's title.

    Rule: "... in Iraq, NATO Secretary General Jens Stoltenberg said": a name after the
    clause's last comma that runs straight into the verb's subject is the subject's title,
    even where the parser hung it on the reported clause.
    """
    if not any(end + 1 == p.left[s] for s, _ in subjects(p, verb)):
        return end
    comma = next((k for k in range(end, start, -1) if p.words[k] == ","), None)
    if comma is not None and all(p.pos[k] == "PROPN" for k in range(comma + 1, end + 1)):
        return comma - 1
    return end


Subjects = list[tuple[int, bool]]  # (token, inherited from a controlling clause)


def subjects(p: Parse, i: int, depth: int = 0) -> Subjects:
    """(token, inherited) for each subject of clause ``i``, conjuncts distributed.

    The first of ``SUBJECT_RULES`` that answers gives them: a clause's own subjects, else a
    name after its verb of saying, else a subject stranded by the parser, else (for a clause
    without one) its controller's: "agreed to raise" (xcomp), "claimed ... and is believed"
    (conj), "the coalition fighting ISIS" (acl), "he said, adding that" (advcl).
    """
    return first(SUBJECT_RULES, p, i, depth) or []


def inverted_subject(p: Parse, i: int) -> int | None:
    """The name after a verb of saying that is its subject ("..., said US Army Colonel Wayne
    Marotto"), whatever label the parser gave it, where the verb has no subject of its own."""
    if p.lemma[i] not in INVERTING_VERBS or p.has_kid(i, ALL_SUBJECTS):
        return None
    return next(
        (c for c in p.children[i] if c > i and p.pos[c] == "PROPN" and p.dep[c] in INVERTED), None
    )


# -- subject rules: the first that answers gives a clause's subjects -------------------------


def own_subjects(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "Stoltenberg and Austin said", "the group that claimed the attack": the clause's
    own subjects, each conjunct one; a relative pronoun stands for the noun its clause
    modifies."""
    own = [c for c in p.children[i] if p.dep[c] in ALL_SUBJECTS]
    if not own:
        return None
    out = []
    for c in own:
        if p.dep[i] == "acl:relcl" and _relative_pronoun(p, c):
            out.append((p.head[i], True))
        else:
            out.extend((k, False) for k in p.conjuncts(_before_aside(p, c)))
    return out


def _before_aside(p: Parse, c: int) -> int:
    """Rule: "nine others, including a US soldier, were injured", parsed with the aside as
    the subject: the noun right before the aside's comma is, where it agrees in number."""
    if not any(p.dep[k] == "case" and p.lower[k] in ASIDES for k in p.children[c]):
        return c
    k = p.left[c] - 1
    while k >= 0 and p.pos[k] == "PUNCT":
        k -= 1
    if k < 0 or p.sent[k] != p.sent[c] or p.pos[k] not in NOMINAL_POS:
        return c
    return k if _plural(p, k) or not _plural(p, c) else c


def inverted(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "..., said US Army Colonel Wayne Marotto": the name after a verb of saying."""
    named = inverted_subject(p, i)
    return None if named is None else [(named, False)]


def no_controller(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "Expand the mission!": a main clause without a subject has no controller to take
    one from (nor has a clause more than six controllers down)."""
    return [] if p.head[i] == i or depth > 6 else None


def stranded(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "claimed the life of a contractor and nine others were injured", "came after a
    contractor was killed": a finite passive clause the parser left without its subject takes
    the noun phrase that ends right before it (see ``_stranded_subject``)."""
    if p.dep[i] not in STRANDING_DEPS or not p.is_passive(i):
        return None
    found = _stranded_subject(p, i)
    return None if found is None else [(found, False)]


def object_control(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "NATO asked Iraq to host the mission": after a verb of asking, telling or
    allowing, the object does what the complement says."""
    head = p.head[i]
    if p.dep[i] != "xcomp" or p.lemma[head] not in OBJECT_CONTROL:
        return None
    objs = [c for c in p.children[head] if p.dep[c] in OBJECT_DEPS]
    return [(k, True) for k in p.conjuncts(objs[0])] if objs else None


def controlled(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "ministers agreed to expand the mission": an open complement's subject is its
    controller's."""
    return _controllers(p, i, depth) if p.dep[i] == "xcomp" else None


def conjunct(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "the group claimed the attack and is believed to be a front": a conjoined clause
    without a subject shares its first clause's."""
    if p.dep[i] != "conj" or not _is_clause_like(p, p.head[i]):
        return None
    return _controllers(p, i, depth)


def noun_clause(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "the coalition fighting ISIS": a clause modifying a noun has that noun as its
    subject; but "the decision to expand" names no agent."""
    if p.dep[i] not in NOUN_CLAUSES:
        return None
    return [] if _has_to(p, i) else [(p.head[i], True)]


def adverbial(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "the ministers met to discuss the mission", "he said, adding that": a participle
    or infinitive adverbial clause shares its main clause's subject."""
    if p.dep[i] != "advcl" or not (p.tag[i] in ADVERBIAL_CLAUSE_FORMS or _has_to(p, i)):
        return None
    return _controllers(p, i, depth)


def misread_participle(p: Parse, i: int, depth: int) -> Subjects | None:
    """Rule: "he said, adding that the mission would grow", with "adding" misread as a
    complement: it shares its main clause's subject."""
    if p.dep[i] not in MISREAD_PARTICIPLE_DEPS or p.tag[i] != "VBG":
        return None
    return _controllers(p, i, depth)


SUBJECT_RULES = (
    own_subjects,
    inverted,
    no_controller,
    stranded,
    object_control,
    controlled,
    conjunct,
    noun_clause,
    adverbial,
    misread_participle,
)


def _controllers(p: Parse, i: int, depth: int) -> Subjects:
    """The subjects of the clause ``i`` hangs from, as inherited."""
    return [(k, True) for k, _ in subjects(p, p.head[i], depth + 1)]


def _stranded_subject(p: Parse, i: int) -> int | None:
    # "claimed the life of a contractor and nine others were injured", parsed with "nine
    # others" as a conjunct of "contractor" and "were injured" as a conjunct or complement of
    # "claimed", or "came after a contractor was killed" with "after" a preposition of
    # "contractor": a finite passive clause with no subject and no "and" of its own takes the
    # noun phrase that ends right before it (a conjunct, or the object of a word that can
    # also introduce a clause), if its auxiliary agrees with it in number.
    auxiliaries = [p.lower[c] for c in p.children[i] if p.dep[c] == "aux:pass"]
    if p.has_kid(i, CC) or not any(a in FINITE_BE for a in auxiliaries):
        return None
    edge = min([p.left[c] for c in p.children[i] if c < i] + [i])
    k = edge - 1
    while k >= 0 and p.pos[k] == "PUNCT":
        k -= 1
    if k < 0 or p.sent[k] != p.sent[i]:
        return None
    found = _noun_ending_at(p, i, k)
    # "nine others, including a US service member, were injured", with the aside hung
    # elsewhere by the parser: step over it.
    aside = next((c for c in range(k, max(k - 12, -1), -1) if p.lower[c] in ASIDES), None)
    if found is None and aside is not None and p.right[p.head[aside]] == k:
        k = aside - 1
        while k >= 0 and p.pos[k] == "PUNCT":
            k -= 1
        found = _noun_ending_at(p, i, k)
    if found is None:
        return None
    plural = _plural(p, found)
    if any(a in BE_PLURAL for a in auxiliaries) and not plural:
        return None
    if any(a in BE_SINGULAR for a in auxiliaries) and plural:
        return None
    return found


def _noun_ending_at(p: Parse, i: int, k: int) -> int | None:
    """The conjunct, or object of a clause-introducing preposition, whose phrase ends at k."""
    found, n = None, k
    while k >= 0 and p.head[n] != n and p.right[n] == k and n != p.head[i]:
        if p.pos[n] in NOMINAL_POS and (
            (p.dep[n] == "conj" and p.pos[p.head[n]] in NOMINAL_POS)
            or (p.dep[n] in OBL_OR_NMOD and p.preposition(n) in SUBORDINATORS)
        ):
            found = n
        n = p.head[n]
    return found


def _plural(p: Parse, i: int) -> bool:
    if p.tag[i] in PLURAL_NOUN_TAGS or "Plur" in p.morph(i, "Number"):
        return True
    counts = [c for c in p.children[i] if p.dep[c] in NUMMODS]
    return any(p.lower[c] not in ONE for c in counts)


def is_complement(p: Parse, i: int) -> bool:
    """Whether ``i`` is a clausal complement, not "adding that ..." misread as one."""
    if p.dep[i] not in COMPLEMENT_CLAUSES:
        return False
    if p.dep[i] == "ccomp" and p.is_passive(i) and _stranded_subject(p, i) is not None:
        return False  # "claimed the life of X and nine others were injured"
    return not (p.tag[i] == "VBG" and p.lemma[i] in SPEECH_VERBS)


def _is_clause_like(p: Parse, i: int) -> bool:
    return p.pos[i] in VERBAL_POS or p.has_kid(i, COPULA)


def _relative_pronoun(p: Parse, i: int) -> bool:
    return p.tag[i] in WH_RELATIVE_TAGS or "Rel" in p.morph(i, "PronType")


def subject_role(p: Parse, i: int, subject: int, inherited: bool) -> str:
    """ "agent" for the doer; "theme" for a passive, copular, clausal or changing subject."""
    if is_copula(p, i):
        return "theme"
    if p.lemma[i] in CHANGE_VERBS and not p.has_kid(i, OBJECT_DEPS):
        return "theme"  # "the mission will increase": what changes, not who changes it
    if not inherited and p.dep[subject] in ALL_SUBJECTS:
        passive = p.dep[subject] in PASSIVE_SUBJECTS and p.is_passive(i)
        return "theme" if passive or p.dep[subject] == "csubj" else "agent"
    return "theme" if p.is_passive(i) else "agent"


def modality(p: Parse, i: int) -> str | None:
    """The modal auxiliary of clause ``i``; a conjunct without its own shares its first's."""
    for c in p.children[i]:
        if p.dep[c] in AUXILIARIES and p.lower[c] in MODALS:
            return MODALS[p.lower[c]]
    if p.dep[i] == "conj" and not p.has_kid(i, ALL_SUBJECTS) and p.head[i] != i:
        return modality(p, p.head[i])
    return None


def negated(p: Parse, i: int) -> bool:
    """ "did not confirm", "never said", "made no decision"."""
    for c in p.children[i]:
        dep = p.dep[c]
        if dep in NEGATION_DEPS and p.lower[c] in NEGATORS:
            return True
        if dep in OBJECT_DEPS and any(
            p.dep[g] == "det" and p.lower[g] == "no" for g in p.children[c]
        ):
            return True
    return False
