"""What a noun phrase refers to: a named entity, a pronoun's antecedent, a description.

``Resolver.entity(i)`` answers for the phrase headed by token ``i``: the entity key and how
it was found ("name", "pronoun", "description"), so callers can lower their confidence. The
answer comes from ``LOOKUP_RULES``, in order; it depends only on the document, so it is kept
once found, and the descriptions found are read back from those answers (``references``).
"""

from __future__ import annotations

import bisect
import copy
from collections.abc import Iterable

from kg.extract import names
from kg.extract.clauses import inverted_subject
from kg.extract.entities import EntityIndex
from kg.extract.parse import Parse
from kg.extract.rules import STOP, Stop, first
from kg.nlp.lexicon.deps import (
    ALL_SUBJECTS,
    ARGUMENT_CUT,
    CLAUSAL_ARGUMENTS,
    DESCRIBED_NAME_DEPS,
    KIND_NAMED_DEPS,
    NAMED_AS_DEPS,
    TITLED_NAME_DEPS,
)
from kg.nlp.lexicon.labels import GROUP_LABELS, IT_LABELS, NOUN_POS, PLURAL_NOUN_TAGS
from kg.nlp.lexicon.marks import BEFORE_NAMED
from kg.nlp.lexicon.names import BUILTIN_ALIASES
from kg.nlp.lexicon.nouns import ORG_NOUNS
from kg.nlp.lexicon.titles import CHIEF_NOUNS, TITLE_HEADS, TITLE_WORDS, TOP_TITLES
from kg.nlp.lexicon.verbs import NAMING_VERBS
from kg.nlp.lexicon.words import (
    DEFINITE,
    FIRST_PERSON,
    FIRST_PERSON_PLURAL,
    IT_PRONOUNS,
    OBJECT_PRONOUNS,
    SUBJECT_PRONOUNS,
    THEY_PRONOUNS,
)
from kg.records import Role

PRONOUN_WINDOW = 6  # sentences a pronoun looks back for its antecedent
Found = tuple[str, str] | None  # (entity key, how)
Speakers = tuple[tuple[int, int, str], ...]  # direct quotes: token [start, end), speaker key


class Resolver:
    """Entity lookups for phrase heads, with the document-level indexes they need."""

    def __init__(self, p: Parse, index: EntityIndex, roles: Iterable[Role]):
        self.p, self.index = p, index
        # Each title once: a long text gives the same title many times, and every
        # description would otherwise look through them all.
        self._titles = list(
            dict.fromkeys((names.fold(r.title), r.organization, r.holder) for r in roles)
        )
        self.cache: dict[int, Found] = {}  # answers of LOOKUP_RULES, by token
        self.speakers: Speakers = ()
        self._kinds = self._org_kinds()
        # Person mentions in order, every one and those in subject position.
        self.people: list[tuple[int, str]] = []
        for m, mention in enumerate(index.mentions):
            if index.label[index.find(m)] == "PERSON":
                self.people.append((mention.start, index.key[index.find(m)]))
        self.person_keys = {key for _, key in self.people}
        self.clusters = {key: cluster for cluster, key in index.key.items()}
        self.subjects: list[tuple[int, str]] = []
        # Every subject that is not a pronoun: (token, entity key or "", NER label or "").
        self.any_subjects: list[tuple[int, str, str]] = []
        # "..., said Jean-Yves Le Drian. He told reporters": a name after a verb of saying is
        # its subject, whatever the parser made of it.
        inverted = {k for i in range(p.n) if (k := inverted_subject(p, i)) is not None}
        for i in range(p.n):
            if (p.dep[i] in ALL_SUBJECTS or i in inverted) and p.pos[i] != "PRON":
                found = self.entity(i)
                if found and found[0] in self.person_keys:
                    self.subjects.append((i, found[0]))
                key = found[0] if found and found[1] != "pronoun" else ""
                label = index.label[self.clusters[key]] if key else ""
                self.any_subjects.append((i, key, label))

    # -- lookups --------------------------------------------------------------------------

    def entity(self, i: int, *, exclude: str | None = None) -> Found:
        """The entity the phrase headed by ``i`` refers to, if it can be told."""
        lower = self.p.lower[i]
        if lower in FIRST_PERSON:
            return self._speaker(i)
        if lower in FIRST_PERSON_PLURAL and self.p.pos[i] == "PRON":  # not "US"
            return self._speakers_organization(i)
        if lower in OBJECT_PRONOUNS:
            # A possessive may well be the subject's own: "Stoltenberg said his mission".
            return self._last_person(i, exclude=None if self.p.dep[i] == "nmod:poss" else exclude)
        if i not in self.cache:
            self.cache[i] = self._lookup(i)
        return self.cache[i]

    def speaking(self, speakers: Speakers) -> Resolver:
        """This resolver, knowing who speaks each direct quote (so who "I" is inside it); the
        answers found so far hold for both, since no rule of ``LOOKUP_RULES`` reads speakers."""
        view = copy.copy(self)
        view.speakers = speakers
        return view

    def references(self) -> dict[int, list[tuple[int, int]]]:
        """Cluster → token bounds [start, end] of each description found to name it."""
        out: dict[int, list[tuple[int, int]]] = {}
        for i, found in self.cache.items():
            if found is not None and found[1] == "description":
                spans = out.setdefault(self.clusters[found[0]], [])
                span = self.p.phrase(i, cut=ARGUMENT_CUT)
                if span not in spans:
                    spans.append(span)
        return out

    def _lookup(self, i: int) -> Found:
        return first(LOOKUP_RULES, self, i)

    def name_after(self, i: int) -> str | None:
        """The entity named right after token ``i`` ("called (the) X", "known as X")."""
        p = self.p
        k = i + 1
        while k < p.n and p.lower[k] in BEFORE_NAMED:
            k += 1
        if k < p.n and p.same_paragraph(i, k):
            return self.index.key_at(k)
        return None

    def titled_person(self, i: int) -> str | None:
        # An organization, then only title words, then a person's name.
        p, index = self.p, self.index
        if index.type_at(i) == "PERSON":
            return None
        for c in p.children[i]:
            if c > i and p.dep[c] in TITLED_NAME_DEPS:
                key = index.key_at(c)
                if key in self.person_keys and self._only_titles(i, c):
                    return key
        return None

    def _only_titles(self, i: int, person: int) -> bool:
        start = (
            self.index.mentions[self.index.token_mention[i]].end
            if self.index.token_mention[i] >= 0
            else i + 1
        )
        previous = names.fold(self.p.words[i]).rstrip(".")
        for k in range(start, self.index.mentions[self.index.token_mention[person]].start):
            word = names.fold(self.p.words[k]).rstrip(".")
            if word not in TITLE_WORDS and not (word == "of" and previous in TITLE_HEADS):
                return False
            previous = word
        return True

    # -- pronouns -------------------------------------------------------------------------

    def last_subject(self, i: int) -> Found:
        k = bisect.bisect_left(self.subjects, (i, "")) - 1
        if k >= 0 and self.p.sent[i] - self.p.sent[self.subjects[k][0]] <= PRONOUN_WINDOW:
            return self.subjects[k][1], "pronoun"
        return self._last_person(i)

    def _last_person(self, i: int, *, exclude: str | None = None) -> Found:
        # Rule: "him"/"his" is the last person named before it who is not the clause's subject.
        k = bisect.bisect_left(self.people, (i, "")) - 1
        while k >= 0 and self.p.sent[i] - self.p.sent[self.people[k][0]] <= PRONOUN_WINDOW:
            if self.people[k][1] != exclude:
                return self.people[k][1], "pronoun"
            k -= 1
        return None

    def last_group(self, i: int) -> Found:
        # "it" is an organization or country, "they" an organization or group, when that is
        # the last subject before the pronoun (pronouns aside) and, for "they", no plural noun
        # came between them; "it" as a placeholder ("it is unclear whether") refers to nothing.
        p = self.p
        plural = p.lower[i] in THEY_PRONOUNS
        if p.dep[i] == "expl" or (not plural and _placeholder(p, i)):
            return None
        k = bisect.bisect_left(self.any_subjects, (i, "", "")) - 1
        if k < 0:
            return None
        token, key, label = self.any_subjects[k]
        if p.sent[i] - p.sent[token] > PRONOUN_WINDOW:
            return None
        if label not in (GROUP_LABELS if plural else IT_LABELS):
            return None
        return None if self._rival(token, i, plural) else (key, "pronoun")

    def _rival(self, start: int, end: int, plural: bool) -> bool:
        """Whether something between the candidate and the pronoun could be its referent: a
        plural noun for "they" (since the sentence before the pronoun's, too: "NATO will send
        300 trainers. The alliance said they would arrive"), a common-noun subject for "it",
        or a placeholder "it" ("It is unclear whether it worked") that moved the topic on."""
        p, index = self.p, self.index
        if plural:
            sentence = p.sent[end]
            if sentence > 0:
                start = min(start, p.sent_bounds[sentence - 1][0] - 1)
        for k in range(start + 1, end):
            if p.lower[k] == "it" and (p.dep[k] == "expl" or _placeholder(p, k)):
                return True
            if p.pos[k] != "NOUN" or index.key_at(k) is not None:
                continue
            if plural and p.tag[k] in PLURAL_NOUN_TAGS:
                return True
            if not plural and p.tag[k] == "NN" and p.dep[k] in ALL_SUBJECTS:
                return True
        return False

    def _speaker(self, i: int) -> Found:
        # Rule: "I" inside a direct quote is the quote's speaker.
        for start, end, key in self.speakers:
            if start <= i < end:
                return key, "pronoun"
        return None

    def _speakers_organization(self, i: int) -> Found:
        # Rule: "we" inside a direct quote is the one organization its speaker holds a
        # position in here: "Our mission is at the request of the Iraqi government," said NATO
        # Secretary General Jens Stoltenberg (NATO's mission).
        found = self._speaker(i)
        if found is None:
            return None
        orgs = {org for _, org, holder in self._titles if holder == found[0] and org}
        return (orgs.pop(), "pronoun") if len(orgs) == 1 else None

    # -- descriptions ---------------------------------------------------------------------

    def definite(self, i: int) -> bool:
        return any(
            self.p.dep[c] == "det" and self.p.lower[c] in DEFINITE for c in self.p.children[i]
        )

    def description(self, i: int) -> str | None:
        p = self.p
        head = p.lemma[i]
        start, end = p.phrase(i)
        tokens = range(start, end + 1)
        orgs = {self.index.key_at(k) for k in tokens} - {None}
        words = {names.fold(p.words[k]) for k in tokens} | {head}
        if head in CHIEF_NOUNS or head in TITLE_HEADS:
            return self._title_holder(head, words, orgs)
        if head in ORG_NOUNS and not orgs:
            # Rule: "the alliance" is the one organization the document calls an alliance.
            found = self._kinds.get(head, set())
            return next(iter(found)) if len(found) == 1 else None
        return None

    def _title_holder(self, head: str, words: set[str], orgs: set[str | None]) -> str | None:
        # Rule: "the NATO secretary general" / "the NATO chief" is the one person the document
        # gave that title (or the top title of that organization).
        holders = set()
        for title, organization, holder in self._titles:
            if head in CHIEF_NOUNS and orgs:
                if organization in orgs and (title in TOP_TITLES or head in title.split()):
                    holders.add(holder)
            elif orgs and organization not in orgs:
                continue
            elif set(title.split()) <= words and head in title.split():
                holders.add(holder)
        return holders.pop() if len(holders) == 1 else None

    def _org_kinds(self) -> dict[str, set[str]]:
        """Kind noun → keys of the organizations the document (or an alias) calls that."""
        p, index = self.p, self.index
        variants: dict[str, list[str]] = {}
        for variant, canonical in BUILTIN_ALIASES.items():
            variants.setdefault(canonical, []).append(variant)
        kinds: dict[str, set[str]] = {}
        for m, mention in enumerate(index.mentions):
            root = index.find(m)
            if index.label[root] not in GROUP_LABELS:
                continue
            key = index.key[root]
            for name in (mention.canon, *variants.get(mention.canon, ())):
                kinds.setdefault(name.rsplit(" ", 1)[-1], set()).add(key)
        # "NATO is an alliance", "Awliya Al Dam, a Shia group", "a group called Awliya Al Dam"
        for i in range(p.n):
            noun = p.lemma[i]
            if noun not in ORG_NOUNS:
                continue
            named = [c for c in p.children[i] if p.dep[c] in KIND_NAMED_DEPS]
            named += [g for c in p.children[i] if p.dep[c] == "acl" for g in p.children[c]]
            if p.dep[i] == "appos":
                named.append(p.head[i])
            for c in named:
                cluster = index.cluster_at(c)
                if cluster is not None and index.label[cluster] in GROUP_LABELS:
                    kinds.setdefault(noun, set()).add(index.key[cluster])
        return kinds


def _placeholder(p: Parse, i: int) -> bool:
    """ "It is unclear whether...", "it was reported that": "it" stands for a clause."""
    head = p.head[i]
    if not any(p.dep[c] in CLAUSAL_ARGUMENTS for c in p.children[head]):
        return False
    return p.is_passive(head) or p.pos[head] == "ADJ" or p.lemma[head] == "be"


# -- lookup rules: the first answer wins; a rule that owns the token and finds nothing STOPs ---


def titled_person(r: Resolver, i: int) -> Found:
    """Rule: "US Army Colonel Wayne Marotto" parsed with "US" as its head, "Secretary of
    Defense Lloyd J. Austin III" with the name a modifier of "Secretary": the person."""
    person = r.titled_person(i)
    return (person, "name") if person is not None and person != r.index.key_at(i) else None


def named(r: Resolver, i: int) -> Found:
    """Rule: "Stoltenberg said": a head inside a name refers to that name's entity."""
    key = r.index.key_at(i)
    return None if key is None else (key, "name")


def name_beside(r: Resolver, i: int) -> Found:
    """Rule: "a Shia group called Awliya Al Dam", "the group, Awliya Al Dam", "the alliance
    Defense Ministerial": a head whose title, flat name part, apposition or naming participle
    is a name (tagged, or spelling a name the document tags elsewhere) refers to it."""
    p, index = r.p, r.index
    for c in p.children[i]:
        dep = p.dep[c]
        if dep in DESCRIBED_NAME_DEPS and (key := index.key_at(c) or _spelled(r, c)):
            return key, "name"
        if dep == "acl" and p.lemma[c] in NAMING_VERBS:
            for g in p.children[c]:
                named_as = p.dep[g] in NAMED_AS_DEPS or p.preposition(g) == "as"
                if (key := index.key_at(g)) is not None and named_as:
                    return key, "name"
            # The name right after the participle, wherever the parser hung it (a second
            # subject of the clause: "a group called X has claimed").
            named = r.name_after(c)
            if named is not None:
                return named, "name"
    return None


def he_or_she(r: Resolver, i: int) -> Found | Stop:
    """Rule: "Stoltenberg said ... He added": "he"/"she" is the last person named as a
    subject before it, else the last person named."""
    if r.p.lower[i] not in SUBJECT_PRONOUNS:
        return None
    return r.last_subject(i) or STOP


def it_or_they(r: Resolver, i: int) -> Found | Stop:
    """Rule: "NATO said it would send", "the militants said they": the organization, country
    or group last named as a subject."""
    if r.p.lower[i] not in IT_PRONOUNS | THEY_PRONOUNS or r.p.pos[i] != "PRON":
        return None
    return r.last_group(i) or STOP


def spelled_name(r: Resolver, i: int) -> Found:
    """Rule: "Stoltenberg said" with the name missed by NER: a proper noun phrase that spells
    a known entity's name is that entity."""
    key = _spelled(r, i)
    return None if key is None else (key, "name")


def _spelled(r: Resolver, i: int) -> str | None:
    """The entity whose name the proper noun phrase headed by ``i`` spells, if any."""
    p = r.p
    if p.pos[i] != "PROPN":
        return None
    start, end = p.phrase(i, cut=ARGUMENT_CUT)
    while start < i and p.pos[start] != "PROPN":
        start += 1
    cluster = r.index.lookup(p.span_text(start, end))
    return None if cluster is None else r.index.key[cluster]


def definite_description(r: Resolver, i: int) -> Found:
    """Rule: "the alliance", "the NATO secretary general": a definite description of the one
    entity the document calls so."""
    if r.p.pos[i] not in NOUN_POS or not r.definite(i):
        return None
    key = r.description(i)
    return None if key is None else (key, "description")


LOOKUP_RULES = (
    titled_person,
    named,
    name_beside,
    he_or_she,
    it_or_they,
    spelled_name,
    definite_description,
)
