"""Reported speech: direct quotes in quotation marks and indirect speech, with speakers.

Direct quotes are found in the text (typographic, straight, guillemets; unbalanced ones close
at the paragraph's end), then attributed in order by ``SPEAKER_RULES``: to the speech verb of
their sentence, to a "-Name" attribution line below them, or to the speaker of the quote or
speech just before.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import NamedTuple

from kg.extract import clauses
from kg.extract.parse import Parse
from kg.extract.resolve import Resolver, Speakers
from kg.extract.rules import first
from kg.nlp.lexicon.deps import BARE_NP_CUT, CONTENT_CUT, OBL_OR_NMOD, REPORTED_DEPS
from kg.nlp.lexicon.labels import CONTENT_EDGE_POS, VERBAL_POS
from kg.nlp.lexicon.marks import (
    CLOSING_QUOTE_MARKS,
    DOUBLE_QUOTE_MARKS,
    OPENING_QUOTE_MARKS,
    QUOTE_OPENS_AFTER,
)
from kg.nlp.lexicon.verbs import SPEECH_VERBS
from kg.records import Quote

_MARKS = re.compile('[\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e"]|\\n[ \\t]*\\n')
# "-NATO Secretary General Jens Stoltenberg" on the line below a quote.
_ATTRIBUTION_LINE = re.compile('[\\s\u201d\u2019"]*\\n\\s*[-\u2013\u2014]\\s*([^\\n]{1,120})')
INHERIT_WINDOW = 2  # sentences an unattributed quote looks back for its speaker
SPLIT_GAP = 10  # most tokens between the halves of one split quote: ", he told reporters,"
_QUOTE_EDGES = (
    "".join(DOUBLE_QUOTE_MARKS | OPENING_QUOTE_MARKS | CLOSING_QUOTE_MARKS | {"'"}) + " \t\n"
)


@dataclass
class _Span:
    start: int  # inner text, characters
    end: int
    first: int  # tokens, inclusive
    last: int
    speaker: str | None = None
    verb: str = "say"
    text: str | None = None  # a split quote's parts joined, without the words between
    speaker_text: str | None = None  # "Iraqi officials": a speaker no entity names


def quote_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the text inside quotation marks, in order."""
    spans: list[tuple[int, int]] = []
    open_at, open_mark = -1, ""
    for found in _MARKS.finditer(text):
        i, mark = found.start(), found.group()
        if mark[0] == "\n":  # a paragraph ends: an unclosed quote ends with it
            if open_at >= 0:
                spans.append((open_at + 1, i))
                open_at = -1
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < len(text) else " "
        if mark in "\u2018\u2019" and before.isalnum() and after.isalnum():
            continue  # an apostrophe: "Iraq’s", "that’s"
        opens = before in QUOTE_OPENS_AFTER and not after.isspace()
        if open_at < 0:
            if mark in CLOSING_QUOTE_MARKS and not opens or mark == "\u2019":
                continue  # a stray closing mark
            if opens or mark in OPENING_QUOTE_MARKS:
                open_at, open_mark = i, mark
            continue
        if open_mark in DOUBLE_QUOTE_MARKS and mark not in DOUBLE_QUOTE_MARKS:
            continue  # single marks nested in a double-quoted passage
        spans.append((open_at + 1, i))
        if opens and mark in OPENING_QUOTE_MARKS:
            open_at, open_mark = i, mark  # a new quote opens before the last one closed
        else:
            open_at = -1
    if open_at >= 0:
        spans.append((open_at + 1, len(text)))
    return [(s, e) for s, e in (_strip(text, s, e) for s, e in spans) if e > s]


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] == ","):
        end -= 1
    return start, end


@dataclass(frozen=True)
class Attribution:
    """The direct quotes with their speakers: what events and indirect speech build on."""

    direct: tuple[_Span, ...]  # in order; a quote split by its speech verb is one
    speakers: Speakers  # who speaks inside each attributed quote, for "I"
    # Tokens of a verbless second half of a split quote → the last clause of the first half.
    continues: Mapping[int, int] = field(default_factory=dict)
    by_verb: Mapping[int, str | None] = field(default_factory=dict)  # speech verb → speaker


def attribute_quotes(p: Parse, resolver: Resolver) -> Attribution:
    """Find the direct quotes and who says each."""
    return QuoteFinder(p, resolver).attribute()


def find_quotes(p: Parse, resolver: Resolver, attribution: Attribution) -> list[Quote]:
    """All quotes, direct and indirect, in order, with ids q1, q2, ..."""
    return QuoteFinder(p, resolver, known=attribution.by_verb).quotes(attribution.direct)


class QuoteFinder:
    """Direct and indirect quotes of one document, with their speakers."""

    def __init__(self, p: Parse, resolver: Resolver, known: Mapping[int, str | None] | None = None):
        """``known``: speech verb → speaker, as attribution found them (kept as they were)."""
        self.p, self.resolver = p, resolver
        self.direct: list[_Span] = []
        self.inside = [False] * p.n  # tokens inside a direct quote
        for start, end in quote_spans(p.text):
            first = bisect.bisect_left(p.idx, start)
            last = bisect.bisect_left(p.idx, end) - 1
            if first <= last < p.n:
                self.direct.append(_Span(start, end, first, last))
                self.inside[first : last + 1] = [True] * (last - first + 1)
        # Speech verbs outside quotes, by sentence, with their resolved speakers.
        self.verbs: list[int] = [
            i
            for i in range(p.n)
            if p.lemma[i] in SPEECH_VERBS and not self.inside[i] and clauses.is_head(p, i)
        ]
        self.verbs_set = set(self.verbs)
        # Tokens of a verbless second half of a split quote → the last clause of the first.
        self.continues: dict[int, int] = {}
        self.by_sentence: dict[int, list[int]] = {}
        for v in self.verbs:
            self.by_sentence.setdefault(p.sent[v], []).append(v)
        self._speakers: dict[int, str | None] = dict(known or {})

    def speaker(self, verb: int) -> str | None:
        """The entity that speaks through speech verb ``verb``, if it is one."""
        if verb not in self._speakers:
            found = None
            for subject, _ in clauses.subjects(self.p, verb):
                found = self.resolver.entity(subject)
                if found:
                    break
            self._speakers[verb] = found[0] if found else None
        return self._speakers[verb]

    def speaker_text(self, verb: int) -> str | None:
        """The words that name who speaks through ``verb``, where no entity does: "Iraqi
        officials said", "a senior diplomat told reporters"."""
        if self.speaker(verb) is not None:
            return None
        for subject, _ in clauses.subjects(self.p, verb):
            if (described := self._described(subject)) is not None:
                return described
        return None

    def _described(self, i: int) -> str | None:
        """The words of the phrase headed by ``i``, without asides; None for a pronoun."""
        p = self.p
        return None if p.pos[i] == "PRON" else p.span_text(*p.phrase(i, cut=BARE_NP_CUT))

    # -- direct ---------------------------------------------------------------------------

    def attribute(self) -> Attribution:
        """Give each direct quote its speaker; "I" inside it is that speaker from then on."""
        previous: _Span | None = None
        speakers: list[tuple[int, int, str]] = []
        for span in self.direct:
            said = first(SPEAKER_RULES, self, span, previous)
            if said is not None:
                span.speaker, span.verb, span.speaker_text = said
            if span.speaker is not None:
                speakers.append((span.first, span.last + 1, span.speaker))
                self.resolver = self.resolver.speaking(tuple(speakers))
            previous = span
        direct = self._joined()
        return Attribution(tuple(direct), tuple(speakers), self.continues, dict(self._speakers))

    def _joined(self) -> list[_Span]:
        # Rule: "“We have agreed to raise the number,” Stoltenberg told reporters, “from 500 to
        # 4,000.”" is one quote: the first half ends in a comma, a speech verb of the same
        # speaker comes between, and no sentence ends before the second half opens.
        p, out = self.p, list[_Span]()
        for span in self.direct:
            before = out[-1] if out else None
            if before is None or not self._splits(before, span):
                out.append(span)
                continue
            head = self._last_head(before)
            if head is not None and not any(
                clauses.is_head(p, k) for k in range(span.first, span.last + 1)
            ):
                for k in range(span.first, span.last + 1):
                    self.continues[k] = head  # "from 500 to 4,000" belongs to "raise"
            first_text = before.text or p.text[before.start : before.end]
            out[-1] = _Span(
                before.start,
                span.end,
                before.first,
                span.last,
                before.speaker,
                before.verb,
                text=f"{first_text} {p.text[span.start : span.end]}",
                speaker_text=before.speaker_text,
            )
        return out

    def _splits(self, first: _Span, second: _Span) -> bool:
        p = self.p
        if first.speaker is None or first.speaker != second.speaker:
            return False
        if not p.same_paragraph(first.last, second.first):
            return False
        gap = p.text[first.end : second.start].strip(_QUOTE_EDGES)
        between = range(first.last + 1, second.first)
        return (
            gap.startswith(",")
            and gap.endswith(",")
            and len(between) <= SPLIT_GAP
            and any(k in self.verbs_set for k in between)
        )

    def _last_head(self, span: _Span) -> int | None:
        p = self.p
        heads = [k for k in range(span.first, span.last + 1) if clauses.is_head(p, k)]
        return heads[-1] if heads else None

    # -- indirect -------------------------------------------------------------------------

    def indirect(self) -> list[_Span]:
        """Indirect speech: "Stoltenberg said the ministers also discussed ...", "according to"."""
        p = self.p
        out = []
        for v in self.verbs:
            if clauses.negated(p, v):
                continue  # "have not confirmed who is behind it" reports nothing
            bounds = self._content(v)
            if bounds is not None and not self._mostly_quoted(*bounds):
                out.append(self._span(bounds, self.speaker(v), p.lemma[v], self.speaker_text(v)))
        # Rule: "According to the NATO secretary general, the mission will continue ...".
        for i in range(p.n):
            if p.dep[i] in OBL_OR_NMOD and p.preposition(i) == "according to":
                head = p.head[i]
                if not p.same_paragraph(i, head):
                    continue
                bounds = _without(p, head, i)
                found = self.resolver.entity(i)
                if bounds is not None and not self._mostly_quoted(*bounds):
                    speaker = found[0] if found else None
                    described = None if found else self._described(i)
                    out.append(self._span(bounds, speaker, "according to", described))
        return out

    def _content(self, v: int) -> tuple[int, int] | None:
        # Rule: the speech verb's complement clause ("said (that) X"), or, for "X, he said"
        # parsed as parataxis, the clause it hangs from.
        p = self.p
        for c in p.children[v]:
            if p.dep[c] == "ccomp" and clauses.is_complement(p, c) and p.same_paragraph(v, c):
                start, end = p.trim_edges(*p.phrase(c, cut=CONTENT_CUT), drop=CONTENT_EDGE_POS)
                # "..., said Interior Minister Rebar Ahmed" with the name misread as the
                # complement: what is said has a verb
                if any(p.pos[k] in VERBAL_POS for k in range(start, end + 1)):
                    return start, clauses.before_subject(p, v, start, end)
        if p.dep[v] == "parataxis" and p.same_paragraph(v, p.head[v]):
            return _without(p, p.head[v], v)
        return None

    def _mostly_quoted(self, start: int, end: int) -> bool:
        inside = sum(self.inside[start : end + 1])
        return inside * 2 >= end - start + 1

    def _span(
        self,
        bounds: tuple[int, int],
        speaker: str | None,
        verb: str,
        speaker_text: str | None = None,
    ) -> _Span:
        first, last = bounds
        p = self.p
        return _Span(
            p.idx[first], p.end_char(last), first, last, speaker, verb, speaker_text=speaker_text
        )

    def quotes(self, direct: tuple[_Span, ...]) -> list[Quote]:
        """All quotes, ``direct`` (as attributed) and indirect, in order, with ids q1, q2, ..."""
        spans = [(s, True) for s in direct] + [(s, False) for s in self.indirect()]
        spans = [
            (s, d) for s, d in spans if any(ch.isalnum() for ch in self.p.text[s.start : s.end])
        ]
        spans.sort(key=lambda item: (item[0].start, not item[1]))
        p = self.p
        return [
            Quote(
                id=f"q{k}",
                text=span.text or p.text[span.start : span.end],
                sentence=p.sent[span.first],
                start=span.start,
                end=span.end,
                speaker=span.speaker,
                verb=span.verb,
                direct=direct,
                speaker_text=span.speaker_text,
            )
            for k, (span, direct) in enumerate(spans, start=1)
        ]


# -- speaker rules: the first that answers gives a direct quote's speaker ---------------------


class Said(NamedTuple):
    """Who speaks a direct quote, through which verb, and in which words if no entity names them."""

    speaker: str | None
    verb: str = "say"
    speaker_text: str | None = None


def speech_verb(q: QuoteFinder, span: _Span, previous: _Span | None) -> Said | None:
    """Rule: "“We will stay,” Stoltenberg said": the speech verb of the quote's sentence,
    outside the quote, preferring the one whose complement holds the quote, else the nearest;
    else "X said:" ending the sentence before, or "X said." starting the one after."""
    p = q.p
    first_sent, last_sent = p.sent[span.first], p.sent[span.last]
    candidates = [v for s in range(first_sent, last_sent + 1) for v in q.by_sentence.get(s, ())]
    if not candidates and first_sent and p.words[p.sent_bounds[first_sent - 1][1] - 1] == ":":
        candidates = q.by_sentence.get(first_sent - 1, [])
    if not candidates and last_sent + 1 < len(p.sent_bounds):
        start = p.sent_bounds[last_sent + 1][0]
        candidates = [v for v in q.by_sentence.get(last_sent + 1, ()) if v - start <= 6]
    if not candidates:
        return None

    def distance(v: int) -> int:
        covers = any(
            p.left[c] <= span.first and p.right[c] >= span.last
            for c in p.children[v]
            if p.dep[c] in REPORTED_DEPS
        )
        return 0 if covers else min(abs(v - span.first), abs(v - span.last))

    verb = min(candidates, key=distance)
    # Even where no entity speaks through it, the verb owns the quote: no rule after it runs.
    return Said(q.speaker(verb), p.lemma[verb], q.speaker_text(verb))


def attribution_line(q: QuoteFinder, span: _Span, previous: _Span | None) -> Said | None:
    """Rule: "“We will stay as long as needed.”" with a line "-NATO Secretary General Jens
    Stoltenberg" right below it: the person that line names."""
    p = q.p
    found = _ATTRIBUTION_LINE.match(p.text, span.end)
    if found is None:
        return None
    begin = bisect.bisect_left(p.idx, found.start(1))
    stop = min(bisect.bisect_left(p.idx, found.end(1)), p.n)
    index, people = q.resolver.index, q.resolver.person_keys
    for i in range(begin, stop):
        key = index.key_at(i)
        if key is not None and key in people:
            return Said(key)
    # NER may miss a name on a line of its own: look the proper nouns up by name, longest
    # first, so "NATO Secretary General Jens Stoltenberg" finds "Jens Stoltenberg".
    proper = [i for i in range(begin, stop) if p.pos[i] == "PROPN"]
    for start in proper:
        cluster = index.lookup(p.span_text(start, proper[-1]))
        if cluster is not None and index.key[cluster] in people:
            return Said(index.key[cluster])
    return None


def inherited(q: QuoteFinder, span: _Span, previous: _Span | None) -> Said | None:
    """Rule: "“We will stay,” he said. “The mission matters.”": a quote with no speech verb
    continues the speech just before it (the second half of a split quote, or a quoted
    paragraph after "..., he said")."""
    p = q.p
    here = p.sent[span.first]
    verb = None
    k = bisect.bisect_left(q.verbs, span.first) - 1
    while k >= 0 and here - p.sent[q.verbs[k]] <= INHERIT_WINDOW:
        if q.speaker(q.verbs[k]) is not None:
            verb = q.verbs[k]
            break
        k -= 1
    recent = previous is not None and here - p.sent[previous.last] <= INHERIT_WINDOW
    if recent and previous is not None and (verb is None or previous.last > verb):
        speaker = previous.speaker
    else:
        speaker = q.speaker(verb) if verb is not None else None
    return None if speaker is None else Said(speaker)


SPEAKER_RULES = (speech_verb, attribution_line, inherited)


def _without(p: Parse, head: int, part: int) -> tuple[int, int] | None:
    """Token bounds of ``head``'s clause without the subtree of ``part`` at one of its edges."""
    start, end = p.phrase(head, cut=frozenset())
    if all(p.pos[k] == "PUNCT" for k in range(start, p.left[part])):
        start = p.right[part] + 1
    elif all(p.pos[k] == "PUNCT" for k in range(p.right[part] + 1, end + 1)):
        end = p.left[part] - 1
    start, end = p.trim_edges(start, end)
    return (start, end) if start <= end else None
