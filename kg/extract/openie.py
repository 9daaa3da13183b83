"""Open relation extraction: each clause as (arg1; predicate; arg2, ...) in the sentence's words.

The graph's events use lemmas and entity roles; open extractions keep the surface text, as
relation-extraction benchmarks (CaRB) and readers expect: "(President Bush; made; a final offer
on the minimum wage; Earlier this year)". They come from the same clause analysis as events
(``kg.extract.clauses``): subjects with control, conjuncts and relative pronouns resolved,
passives with their "by" phrase, copulas, and appositions as "is" relations.
"""

from __future__ import annotations

from dataclasses import dataclass

from kg.extract import clauses
from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import (
    ADVERBIAL,
    ALL_SUBJECTS,
    BARE_NP_CUT,
    COPULA,
    EMBEDDED_CLAUSES,
    NOT_ARGUMENT_DEPS,
    PREDICATE_DEPS,
    TRANSITIVE_DEPS,
    TRANSITIVE_OR_XCOMP_DEPS,
)
from kg.nlp.lexicon.labels import NOUN_POS, VERBAL_POS
from kg.nlp.lexicon.words import NEGATORS, RELATIVE_PRONOUNS

__all__ = ["OpenExtraction", "open_extractions"]


@dataclass(frozen=True)
class OpenExtraction:
    """One clause: predicate and arguments as text, the subject first; confidence in [0, 1]."""

    confidence: float
    predicate: str
    arguments: tuple[str, ...]

    def row(self, sentence: str) -> str:
        """CaRB's system format: sentence, confidence, predicate, arguments, tab-separated."""
        fields = [sentence, f"{self.confidence:.3f}", self.predicate, *self.arguments]
        return "\t".join(f.replace("\t", " ") for f in fields)


def open_extractions(p: Parse) -> list[OpenExtraction]:
    """Every clause of the parse with a subject, most certain first."""
    found: list[OpenExtraction] = []
    for i in range(p.n):
        if clauses.is_head(p, i):
            found.extend(_clause(p, i))
        if p.dep[i] == "appos" and p.pos[p.head[i]] in NOUN_POS:
            found.append(_apposition(p, i))
    return sorted(found, key=lambda e: -e.confidence)


def _clause(p: Parse, i: int) -> list[OpenExtraction]:
    subjects = clauses.subjects(p, i)
    if not subjects or _absorbed(p, i):
        return []
    copula = p.has_kid(i, COPULA)
    heads = [i, *_chain_heads(p, i)]  # "has had to close": one predicate
    chain = [_verb_group(p, i, copula)]
    for head in heads[1:]:
        to = [c for c in p.children[head] if p.dep[c] == "mark"]
        chain.append(sorted(to + _verb_group(p, head, p.has_kid(head, COPULA))))
    if copula and len(chain) > 1:  # "was able to start": the adjective joins the predicate
        chain[0] = sorted([*chain[0], i])
    arguments: list[tuple[int, str]] = []  # (first token, text), sorted into surface order
    for n, (k, verbs) in enumerate(zip(heads, chain, strict=True)):
        # each link's own infinitive is in the predicate, not among its arguments
        skip = heads[n + 1] if n + 1 < len(heads) else None
        arguments.extend(_arguments(p, k, verbs, skip=skip))
    arguments.sort()
    words = [p.words[k] for verbs in chain for k in verbs]
    if not copula and len(chain) == 1 and arguments and _leads_with_preposition(p, i, arguments):
        # "occurs in lesbian relationships" → (…; occurs in; lesbian relationships)
        start, text = arguments[0]
        preposition, _, rest = text.partition(" ")
        if rest:
            words.append(preposition)
            arguments[0] = (start + 1, rest)
    found = []
    for subject, inherited in subjects:
        first, last = p.phrase(subject, BARE_NP_CUT)
        args = (p.span_text(first, last), *(text for _, text in arguments))
        confidence = _confidence(p, i, inherited, len(arguments))
        found.append(OpenExtraction(confidence, " ".join(words), args))
    return found


def _verb_group(p: Parse, i: int, copula: bool) -> list[int]:
    """Auxiliaries, negation, the verb and its particles; adverbs inside the group too."""
    group = [c for c in p.children[i] if p.dep[c] in PREDICATE_DEPS or _negation(p, c)]
    if not copula:
        group.append(i)
    if group:
        first, last = min(group), max(group)
        group += [c for c in p.children[i] if p.dep[c] == "advmod" and first < c < last]
    return sorted(set(group))


def _controlled(p: Parse, i: int) -> int | None:
    """The infinitive that continues clause ``i``'s predicate: "agreed to raise", "had to"."""
    if p.has_kid(i, TRANSITIVE_DEPS):
        return None
    for c in p.children[i]:
        verbal = p.pos[c] in VERBAL_POS or p.has_kid(c, COPULA)
        if p.dep[c] == "xcomp" and verbal and clauses._has_to(p, c):
            return c
    return None


def _chain_heads(p: Parse, i: int) -> list[int]:
    heads = []
    while (inner := _controlled(p, i)) is not None:
        heads.append(inner)
        i = inner
    return heads


def _absorbed(p: Parse, i: int) -> bool:
    """An infinitive already read as part of its controller's predicate."""
    return p.dep[i] == "xcomp" and _controlled(p, p.head[i]) == i


def _arguments(p: Parse, i: int, verbs: list[int], skip: int | None) -> list[tuple[int, str]]:
    found: list[tuple[int, str]] = []
    if p.has_kid(i, COPULA):
        if skip is not None:
            return found  # its nominal is in the predicate, the infinitive has the arguments
        start, end = p.trim_edges(*p.phrase(i, NOT_ARGUMENT_DEPS))
        if start <= end:
            found.append((start, p.span_text(start, end)))
        return found
    for c in p.children[i]:
        if c == skip or c in verbs or p.dep[c] in NOT_ARGUMENT_DEPS or p.blank[c]:
            continue
        if p.dep[c] in ADVERBIAL and (
            p.right[c] - p.left[c] > 4 or p.pos[c] == "PART" or _parenthetical(p, c)
        ):
            continue
        start, end = p.trim_edges(p.left[c], p.right[c])
        if start <= end:
            found.append((start, p.span_text(start, end)))
    if (
        p.dep[i] == "acl:relcl"
        and not p.has_kid(i, TRANSITIVE_OR_XCOMP_DEPS)
        and p.has_kid(i, ALL_SUBJECTS)
    ):
        # "the $ 58 a share Georgia-Pacific is offering": the noun is the object
        start, end = p.phrase(p.head[i], BARE_NP_CUT)
        if not any(
            p.dep[c] in ALL_SUBJECTS and p.lower[c] in RELATIVE_PRONOUNS for c in p.children[i]
        ):
            found.append((end + 1, p.span_text(start, end)))
    return found


def _parenthetical(p: Parse, c: int) -> bool:
    """ "refused, however, to recognize": an adverb set off by commas is no argument."""
    left, right = p.left[c] - 1, p.right[c] + 1
    return (left >= 0 and p.words[left] == ",") or (right < p.n and p.words[right] == ",")


def _leads_with_preposition(p: Parse, i: int, arguments: list[tuple[int, str]]) -> bool:
    """Whether the first argument after the verb is a prepositional phrase, with no object."""
    if p.has_kid(i, TRANSITIVE_OR_XCOMP_DEPS):
        return False
    after = [(start, text) for start, text in arguments if start > i]
    return bool(after) and after[0] == arguments[0] and p.dep[after[0][0]] == "case"


def _negation(p: Parse, c: int) -> bool:
    return p.dep[c] == "advmod" and p.lower[c] in NEGATORS


def _apposition(p: Parse, i: int) -> OpenExtraction:
    """ "Ned Price, the State Department spokesman" → (Ned Price; is; the ... spokesman)."""
    head = p.head[i]
    first, last = p.phrase(head, BARE_NP_CUT)
    start, end = p.phrase(i, BARE_NP_CUT)
    return OpenExtraction(0.5, "is", (p.span_text(first, last), p.span_text(start, end)))


def _confidence(p: Parse, i: int, inherited: bool, n_arguments: int) -> float:
    """A graded guess: a main clause with its own subject and an argument first; a clause
    that borrows its subject, sits inside another, or has nothing after the verb later."""
    if n_arguments == 0:
        return 0.3
    confidence = 0.9
    if inherited:
        confidence -= 0.2
    if p.dep[i] in EMBEDDED_CLAUSES:
        confidence -= 0.15
    if p.has_kid(i, COPULA):
        confidence -= 0.05
    return round(max(confidence, 0.05), 3)
