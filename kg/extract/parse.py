"""A flat, label-normalized view of a parsed ``Doc``: the one place that reads spaCy tokens.

Every rule works on plain Python lists indexed by token position, built in one pass per
attribute, so rules cost list lookups rather than spaCy attribute calls. Dependency labels
are normalized to UD v2 as in UD English EWT; ClearNLP labels (en_core_web_* pipelines) are
mapped where that is a rename, and the prep/pobj structure is read by ``obliques``. Unknown
labels pass through unchanged and simply match no rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, HEAD, IDX, LEMMA, ORTH, POS, SPACY, TAG
from spacy.tokens import Doc

from kg.nlp.lexicon.deps import (
    ALL_SUBJECTS,
    AUXILIARIES,
    CLEAR_POBJS,
    CLEAR_PREPS,
    HUNG_VERB_DEPS,
    NOMINAL_DEPS,
    NP_CUT,
    OBLIQUES,
    PASSIVE_AUXILIARIES,
    PASSIVE_MARKERS,
    PASSIVE_SUBJECTS,
    REPORTED_DEPS,
    TO_CLAUSES,
    UD_LABELS,
    VERB_OBLIQUES,
)
from kg.nlp.lexicon.labels import EDGE_POS, FINITE_TAGS, NOUN_POS, NOUN_TAGS, PAST_TAGS, VERBAL_POS
from kg.nlp.lexicon.marks import POSSESSIVE_CASE_WORDS
from kg.nlp.lexicon.verbs import E_STEMS, RR_VERBS, SPEECH_VERBS

_HALF, _WRAP = 2**63, 2**64  # HEAD offsets come back as unsigned 64-bit integers


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


def undouble(lemma: str) -> str:
    """A verb lemma without the doubled final r a lemmatizer may keep: deterr → deter."""
    return lemma if lemma in RR_VERBS else lemma[:-1]


def normalize_label(label: str) -> str:
    """One dependency label in UD v2 form."""
    return UD_LABELS.get(label, label)


class Parse:
    """Per-token arrays of one ``Doc`` plus per-sentence bounds."""

    def __init__(self, doc: Doc, text: str | None = None):
        """``text`` is the doc's text when the caller has it (``doc.text`` rebuilds it)."""
        self.doc = doc
        self.n = n = len(doc)
        # One array call instead of a Token object per attribute per token: this class is
        # most of extraction's cost.
        rows = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, HEAD, IDX, SPACY]).tolist()
        strings = doc.vocab.strings
        self.words = [strings[r[0]] for r in rows]
        self.lower = [w.lower() for w in self.words]
        self.lemma = [strings[r[1]].lower() or w for r, w in zip(rows, self.lower, strict=True)]
        self.pos = [strings[r[2]] if r[2] else "" for r in rows]
        self.tag = [strings[r[3]] if r[3] else "" for r in rows]
        deps = [strings[r[4]] if r[4] else "" for r in rows]
        self.dep = [UD_LABELS.get(d, d) for d in deps]
        self.head = [i + (r[5] - _WRAP if r[5] >= _HALF else r[5]) for i, r in enumerate(rows)]
        self.idx = [r[6] for r in rows]
        self.space = [bool(r[7]) for r in rows]
        length = self.idx[-1] + len(self.words[-1]) + self.space[-1] if n else 0
        self.text = text if text is not None and len(text) == length else doc.text
        # Paragraphs: a whitespace token with a line break ends one. Parsers trained without
        # layout join headlines and captions to the next sentence; no phrase or argument
        # crosses a paragraph boundary.
        self.blank = [not w.strip() for w in self.words]
        self.para = [0] * n
        self.para_bounds: list[tuple[int, int]] = []
        k = start = 0
        for i, word in enumerate(self.words):
            self.para[i] = k
            if "\n" in word:
                self.para_bounds.append((start, i + 1))
                k, start = k + 1, i + 1
        if start < n or not self.para_bounds:
            self.para_bounds.append((start, n))
        # Tree repairs first, then everything derived from the tree.
        self.children = self._children()
        if self._promote_verbs() | self._nouns_read_as_verbs():
            self.children = self._children()
        self.sent_bounds: list[tuple[int, int]] = []  # token [start, end) per sentence
        if n and doc.has_annotation("SENT_START"):
            parsed = [(s.start, s.end) for s in doc.sents]
            self.sent_bounds = self._join_attributions(parsed)
            if len(self.sent_bounds) < len(parsed):
                self.children = self._children()
        elif n:
            self.sent_bounds.append((0, n))
        self.sent = [0] * n
        for k, (start, end) in enumerate(self.sent_bounds):
            self.sent[start:end] = [k] * (end - start)
        self.left, self.right = self._edges()
        for i in range(n):
            if self.lemma[i] == self.lower[i] and self._verbal_participle(i):
                self.lemma[i] = participle_lemma(self.lower[i])
            elif self.pos[i] == "VERB" and self.lemma[i].endswith("rr"):
                self.lemma[i] = undouble(self.lemma[i])
        # Entity label per token ("" outside entities), and the entity span each token is in.
        self.ent_label = [""] * n
        self.ent_span: list[tuple[int, int] | None] = [None] * n
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_label[i] = ent.label_
                self.ent_span[i] = (ent.start, ent.end)

    def _children(self) -> list[list[int]]:
        children: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        return children

    def _promote_verbs(self) -> bool:
        """Put back a clause the parser rooted in its subject, with the verb hung below it.

        "NATO defence ministers agreed on Thursday to expand the mission" read as a noun
        phrase (ministers ← acl agreed), or a headline "Alliance ministers agree to expand
        training mission" (ministers ← xcomp agree): the verb becomes the root and the noun
        its subject. Only a finite verb, or a participle with an object or a to-clause (a
        passive one has neither: "soldiers wounded in the attack"), with no subject of its
        own and no punctuation between the two.
        """
        changed = False
        for noun in range(self.n):
            if self.head[noun] != noun or self.pos[noun] not in NOUN_POS:
                continue
            for verb in self.children[noun]:
                if verb > noun and self._hung_verb(noun, verb):
                    for c in self.children[noun]:
                        if c > verb:
                            self.head[c] = verb
                    self.head[verb], self.dep[verb] = verb, "ROOT"
                    self.head[noun], self.dep[noun] = verb, "nsubj"
                    changed = True
                    break
        return changed

    def _join_attributions(self, bounds: list[tuple[int, int]]) -> list[tuple[int, int]]:
        """Put back a sentence the parser cut before its attribution.

        "The EU will give Ukraine $1.5 billion, the bloc's foreign policy chief Josep Borrell
        said on Tuesday." read as two sentences, the second a bare "X said": the verb of saying
        hangs from the clause before as "X, he said" does (parataxis), and the two are one
        sentence again. Only where a comma joins them within a paragraph and the verb of
        saying has a subject and no complement of its own. Re-hangs verbs in ``self.head``;
        the caller rebuilds the children.
        """
        out: list[tuple[int, int]] = []
        for start, end in bounds:
            if out and self._attribution_of(out[-1], (start, end), SPEECH_VERBS):
                out[-1] = (out[-1][0], end)
            else:
                out.append((start, end))
        return out

    def _attribution_of(
        self, before: tuple[int, int], after: tuple[int, int], speech: frozenset[str]
    ) -> bool:
        roots = [i for i in range(*after) if self.head[i] == i]
        clause = [i for i in range(*before) if self.head[i] == i]
        if len(roots) != 1 or not clause:
            return False
        verb, main = roots[0], clause[-1]
        last = next((k for k in range(before[1] - 1, before[0] - 1, -1) if not self.blank[k]), -1)
        comma = self.words[after[0]] == "," or (last >= 0 and self.words[last] == ",")
        kids = [self.dep[c] for c in self.children[verb]]
        if not (
            comma
            and self.lemma[verb] in speech
            and self.pos[main] in VERBAL_POS
            and self.para[main] == self.para[verb]
            and any(d in ALL_SUBJECTS for d in kids)
            and not any(d in REPORTED_DEPS for d in kids)
        ):
            return False
        self.head[verb], self.dep[verb] = main, "parataxis"
        return True

    def _nouns_read_as_verbs(self) -> bool:
        """A noun the tagger calls a noun and the morphologizer a verb, in a noun's place
        ("approved by EU ministers last week", ministers NNS/VERB): a noun. Its oblique ("last
        week") is the clause's, since a noun takes none."""
        changed = False
        for i in range(self.n):
            if (
                self.pos[i] == "VERB"
                and self.tag[i] in NOUN_TAGS
                and self.dep[i] in NOMINAL_DEPS
                and self.head[i] != i
            ):
                self.pos[i] = "PROPN" if self.tag[i].startswith("NNP") else "NOUN"
                for c in self.children[i]:
                    if self.dep[c] in VERB_OBLIQUES:
                        self.head[c] = self.head[i]
                        changed = True
        return changed

    def _hung_verb(self, noun: int, verb: int) -> bool:
        if self.dep[verb] not in HUNG_VERB_DEPS or self.pos[verb] != "VERB":
            return False
        kids = self.children[verb]
        if any(self.dep[c] in ALL_SUBJECTS or self.dep[c] in AUXILIARIES for c in kids):
            return False
        if any(self.pos[k] == "PUNCT" for k in range(noun + 1, verb)):
            return False
        if self.tag[verb] in FINITE_TAGS:
            return True
        to_clause = any(
            self.dep[c] in TO_CLAUSES and "to" in (self.lower[g] for g in self.children[c])
            for c in kids
        )
        return self.tag[verb] == "VBN" and (to_clause or any(self.dep[c] == "obj" for c in kids))

    def _edges(self) -> tuple[list[int], list[int]]:
        """The first and last token of each token's subtree, children before parents."""
        left, right = list(range(self.n)), list(range(self.n))
        order: list[int] = []
        stack = [i for i, h in enumerate(self.head) if h == i]
        while stack:
            i = stack.pop()
            order.append(i)
            stack.extend(self.children[i])
        for i in reversed(order):
            h = self.head[i]
            if h != i:
                left[h] = min(left[h], left[i])
                right[h] = max(right[h], right[i])
        return left, right

    def _verbal_participle(self, i: int) -> bool:
        """An -ed form used as a verb ("were injured", read as an adjective by some taggers)."""
        if not self.lower[i].endswith("ed") or len(self.lower[i]) < 5:
            return False
        if self.tag[i] in PAST_TAGS:
            return True
        return self.tag[i] == "JJ" and any(
            self.dep[c] in PASSIVE_MARKERS and self.lemma[c] == "be" for c in self.children[i]
        )

    # -- characters -------------------------------------------------------------------

    def end_char(self, i: int) -> int:
        return self.idx[i] + len(self.words[i])

    def span_text(self, start: int, end: int) -> str:
        """Text of tokens [start, end] (inclusive), as in the document."""
        return self.text[self.idx[start] : self.end_char(end)]

    # -- tree -----------------------------------------------------------------------------

    def kids(self, i: int, deps: frozenset[str]) -> list[int]:
        return [c for c in self.children[i] if self.dep[c] in deps]

    def has_kid(self, i: int, deps: frozenset[str]) -> bool:
        return any(self.dep[c] in deps for c in self.children[i])

    def conjuncts(self, i: int) -> list[int]:
        """``i`` and the tokens conjoined to it, in order."""
        out = [i]
        stack = [c for c in self.children[i] if self.dep[c] == "conj"]
        while stack:
            c = stack.pop()
            out.append(c)
            stack.extend(g for g in self.children[c] if self.dep[g] == "conj")
        return sorted(out)

    def is_passive(self, i: int) -> bool:
        if self.has_kid(i, PASSIVE_AUXILIARIES):
            return True
        if self.has_kid(i, PASSIVE_SUBJECTS):
            # A finite verb with a "passive" subject and no passive auxiliary is a misparse:
            # "Secretary of Defense Lloyd Austin participated" read as nsubj:pass.
            return self.tag[i] not in FINITE_TAGS
        # A bare past participle modifying a noun: "a group called X", "forces trained by"
        return self.dep[i] == "acl" and self.tag[i] == "VBN"

    def preposition(self, i: int) -> str:
        """The (possibly multi-word) preposition marking noun ``i``: "in", "according to"."""
        words: list[int] = []
        for c in self.children[i]:
            if self.dep[c] == "case" and self.lower[c] not in POSSESSIVE_CASE_WORDS:
                words.append(c)
                words.extend(g for g in self.children[c] if self.dep[g] == "fixed")
        return " ".join(self.lower[w] for w in sorted(words))

    def obliques(self, i: int) -> Iterator[tuple[str, int]]:
        """(preposition, noun) for each prepositional or bare-noun modifier of ``i``.

        UD marks the noun (``obl`` with a ``case`` child); ClearNLP marks the preposition
        (``prep`` with a ``pobj`` child); both come out the same.
        """
        for c in self.children[i]:
            dep = self.dep[c]
            if dep in OBLIQUES:
                prep = self.preposition(c)
                if dep == "obl:agent" and not prep:
                    prep = "by"
                yield prep, c
            elif dep in CLEAR_PREPS:
                objs = [g for g in self.children[c] if self.dep[g] in CLEAR_POBJS]
                prep = "by" if dep == "agent" else self.lower[c]
                if dep == "dative" and not objs:
                    continue  # a bare dative noun is an indirect object, read elsewhere
                for g in objs:
                    yield prep, g

    def phrase(self, i: int, cut: frozenset[str] = NP_CUT) -> tuple[int, int]:
        """Token bounds [start, end] of the phrase headed by ``i``, without ``cut`` children.

        Only children at the edges are cut, so the result is always one contiguous span,
        within the paragraph of ``i``.
        """
        first, last = self.para_bounds[self.para[i]]
        start, end = max(self.left[i], first), min(self.right[i], last - 1)
        kids = self.children[i]
        for c in kids:  # left children, outermost first
            if c < i and self.dep[c] in cut and self._gap(start, self.left[c]):
                start = self.right[c] + 1
        for c in reversed(kids):  # right children, outermost first
            if c > i and self.dep[c] in cut and self._gap(self.right[c] + 1, end + 1):
                end = self.left[c] - 1
        # Cuts may leave punctuation, conjunctions or whitespace at the edges.
        while start < i and (self.pos[start] in EDGE_POS or self.blank[start]):
            start += 1
        while end > i and (self.pos[end] in EDGE_POS or self.blank[end]):
            end -= 1
        return start, end

    def _gap(self, start: int, end: int) -> bool:
        """True when tokens [start, end) are only punctuation, conjunctions or whitespace."""
        return all(self.pos[k] in EDGE_POS or self.blank[k] for k in range(start, end))

    def trim_edges(self, start: int, end: int, drop: Iterable[str] = ("PUNCT",)) -> tuple[int, int]:
        """Bounds without leading and trailing tokens of the ``drop`` POS, or whitespace."""
        drop = frozenset(drop) | {"SPACE"}
        while start < end and (self.pos[start] in drop or self.blank[start]):
            start += 1
        while end > start and (self.pos[end] in drop or self.blank[end]):
            end -= 1
        return start, end

    def same_paragraph(self, i: int, j: int) -> bool:
        return self.para[i] == self.para[j]

    def morph(self, i: int, feature: str) -> list[str]:
        return self.doc[i].morph.get(feature, [])
