"""A flat, label-normalized view of a parsed ``Doc``: the one place that reads spaCy tokens.

Every rule works on plain Python lists indexed by token position, built in one pass per
attribute, so rules cost list lookups rather than spaCy attribute calls. Dependency labels
are normalized to UD v2 as in UD English EWT; ClearNLP labels (en_core_web_* pipelines) are
mapped where that is a rename, and the prep/pobj structure is read by ``obliques``. Unknown
labels pass through unchanged and simply match no rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.attrs import DEP, HEAD, IDX, LEMMA, MORPH, ORTH, POS, SPACY, TAG
from spacy.strings import StringStore
from spacy.tokens import Doc

from kg.extract.repairs import LEMMA_REPAIRS, SENTENCE_REPAIRS, TREE_REPAIRS
from kg.extract.rules import first
from kg.nlp.lexicon.deps import (
    CLEAR_POBJS,
    CLEAR_PREPS,
    NP_CUT,
    OBLIQUES,
    PASSIVE_AUXILIARIES,
    PASSIVE_SUBJECTS,
    UD_LABELS,
)
from kg.nlp.lexicon.labels import EDGE_POS, FINITE_TAGS
from kg.nlp.lexicon.marks import POSSESSIVE_ENDINGS

_HALF, _WRAP = 2**63, 2**64  # HEAD offsets come back as unsigned 64-bit integers


def _names(strings: StringStore, ids: list[int]) -> list[str]:
    """The strings of ``ids`` ("" for 0, no value), each distinct one looked up once."""
    found = {h: strings[h] if h else "" for h in set(ids)}
    return [found[h] for h in ids]


def normalize_label(label: str) -> str:
    """One dependency label in UD v2 form."""
    return UD_LABELS.get(label, label)


class Parse:
    """Per-token arrays of one ``Doc`` plus per-sentence bounds."""

    def __init__(self, doc: Doc, text: str | None = None):
        """``text`` is the doc's text when the caller has it (``doc.text`` rebuilds it)."""
        self.doc = doc
        self.n = len(doc)
        self._read_tokens(doc, text)
        self._find_paragraphs()
        # The repairs first (kg.extract.repairs, in order), then everything derived from the tree.
        self.children = self._children()
        changed = [repair(self) for repair in TREE_REPAIRS]  # each sees the parser's tree
        if any(changed):
            self.children = self._children()
        self.sent_bounds = self._sentences(doc)  # token [start, end) per sentence
        self.sent = [0] * self.n
        for k, (start, end) in enumerate(self.sent_bounds):
            self.sent[start:end] = [k] * (end - start)
        self.left, self.right = self._edges()
        for i in range(self.n):
            lemma = first(LEMMA_REPAIRS, self, i)
            if lemma is not None:
                self.lemma[i] = lemma
        # Entity label per token ("" outside entities), and the entity span each token is in.
        self.ent_label = [""] * self.n
        self.ent_span: list[tuple[int, int] | None] = [None] * self.n
        for ent in doc.ents:
            for i in range(ent.start, ent.end):
                self.ent_label[i] = ent.label_
                self.ent_span[i] = (ent.start, ent.end)

    def _read_tokens(self, doc: Doc, text: str | None) -> None:
        # One array call instead of a Token object per attribute per token: this class is
        # most of extraction's cost.
        # Columns, not rows; a tag, part of speech or label is looked up once per distinct one.
        array = doc.to_array([ORTH, LEMMA, POS, TAG, DEP, HEAD, IDX, SPACY, MORPH])
        orths, lemmas, pos, tags, deps, heads, idx, spaces, morphs = array.T.tolist()
        strings = doc.vocab.strings
        self._morphs = morphs  # read as features by ``morph`` where a rule asks
        self._features: dict[int, dict[str, tuple[str, ...]]] = {}
        self.words = [strings[orth] for orth in orths]
        self.lower = [w.lower() for w in self.words]
        self.lemma = [strings[h].lower() or w for h, w in zip(lemmas, self.lower, strict=True)]
        self.pos = _names(strings, pos)
        self.tag = _names(strings, tags)
        self.dep = [UD_LABELS.get(d, d) for d in _names(strings, deps)]
        self.head = [i + (h - _WRAP if h >= _HALF else h) for i, h in enumerate(heads)]
        self.idx = idx
        self.space = [bool(space) for space in spaces]
        length = self.idx[-1] + len(self.words[-1]) + self.space[-1] if self.n else 0
        self.text = text if text is not None and len(text) == length else doc.text

    def para_words(self, k: int) -> frozenset[str]:
        """The lowercased words of paragraph ``k``, gathered once per paragraph."""
        words = self._para_words.get(k)
        if words is None:
            start, end = self.para_bounds[k]
            words = self._para_words[k] = frozenset(self.lower[start:end])
        return words

    def _find_paragraphs(self) -> None:
        # A whitespace token with a line break ends a paragraph. Parsers trained without
        # layout join headlines and captions to the next sentence; no phrase or argument
        # crosses a paragraph boundary.
        self.blank = [not w.strip() for w in self.words]
        self.para = [0] * self.n
        self.para_bounds: list[tuple[int, int]] = []
        self._para_words: dict[int, frozenset[str]] = {}
        k = start = 0
        for i, word in enumerate(self.words):
            self.para[i] = k
            if "\n" in word:
                self.para_bounds.append((start, i + 1))
                k, start = k + 1, i + 1
        if start < self.n or not self.para_bounds:
            self.para_bounds.append((start, self.n))

    def _sentences(self, doc: Doc) -> list[tuple[int, int]]:
        """The parser's sentences, mended by ``SENTENCE_REPAIRS`` (children rebuilt if they
        re-hung a token), or the whole text as one."""
        if not self.n:
            return []
        if not doc.has_annotation("SENT_START"):
            return [(0, self.n)]
        parsed = [(s.start, s.end) for s in doc.sents]
        bounds = parsed
        for mend in SENTENCE_REPAIRS:
            bounds = mend(self, bounds)
        if len(bounds) < len(parsed):
            self.children = self._children()
        return bounds

    def _children(self) -> list[list[int]]:
        children: list[list[int]] = [[] for _ in range(self.n)]
        for i, h in enumerate(self.head):
            if h != i:
                children[h].append(i)
        return children

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
        dep = self.dep
        for c in self.children[i]:  # noqa: SIM110 - no generator for any(): rules ask this most
            if dep[c] in deps:
                return True
        return False

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
            if self.dep[c] == "case" and self.lower[c] not in POSSESSIVE_ENDINGS:
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

    def morph(self, i: int, feature: str) -> tuple[str, ...]:
        """The values of token ``i``'s morphological ``feature`` ("Number": ("Plur",)), read
        from its features' text ("Number=Plur|PronType=Int,Rel") once per distinct one."""
        key = self._morphs[i]
        features = self._features.get(key)
        if features is None:
            text = self.doc.vocab.strings[key] if key else ""
            pairs = (part.split("=", 1) for part in text.split("|") if "=" in part)
            features = self._features[key] = {f: tuple(v.split(",")) for f, v in pairs}
        return features.get(feature, ())
