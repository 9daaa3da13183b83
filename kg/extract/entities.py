"""Named-entity mentions, merged within a document into entities with stable keys.

Mentions come from ``doc.ents``; merging is by normalized name (case, dashes, dots,
accents, titles) and aliases (built-in and the caller's), then by the steps of
``MERGE_RULES`` in order: acronyms with their expansion, "X, also called Y", a firm's
short name after its full name, a person's
bare surname after their full name, a full name without its middle name, and a first name
only one person of the article has.

A person's entity is the same in every document that names them in full; a person known
here by one word only ("Anna", "Tanabe") is an entity of this document alone (``scope``
"document"), since one word cannot tell two people apart across articles.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from kg.extract import names
from kg.extract.mentions import NameMention, find_mentions
from kg.extract.parse import Parse
from kg.nlp.lexicon.deps import ACTIVE_SUBJECTS
from kg.nlp.lexicon.labels import AREA_LABELS, SURNAME_LABELS
from kg.nlp.lexicon.marks import ALSO_CALLED_SKIPPED, DASHES
from kg.nlp.lexicon.names import ALSO_CALLED, NAME_PARTICLES, ORG_NAME_ENDS
from kg.nlp.lexicon.titles import HONORIFICS, TITLE_WORDS
from kg.nlp.lexicon.verbs import SPEECH_VERBS
from kg.nlp.lexicon.words import PLACE_CUES
from kg.records import ENTITY_TYPES, Entity, Mention


class EntityIndex:
    """The document's entity mentions, their clusters, and token → entity lookups."""

    def __init__(
        self,
        parse: Parse,
        *,
        aliases: Mapping[str, str] | None = None,
    ):
        self.parse = parse
        self.aliases = names.normalize_aliases(aliases)
        self.mentions, self.token_mention = find_mentions(parse, self.aliases)
        self.extra_aliases: dict[int, list[str]] = {}
        self.parent = list(range(len(self.mentions)))
        self._names: dict[str, int] | None = None
        by_canon: dict[str, int] = {}
        for m, mention in enumerate(self.mentions):
            self._union(m, by_canon.setdefault(mention.canon, m))
        self.full_names: set[int] = set()  # full names that took in a mislabelled surname
        for merge in MERGE_RULES:
            merge(self, by_canon)
        self._label_and_key()
        # Two clusters that came to the same key are one entity: keys must be unique.
        first: dict[str, int] = {}
        for root, key in list(self.key.items()):
            if first.setdefault(key, root) != root:
                self._union(first[key], root)
        if len(first) < len(self.key):
            self._label_and_key()

    def _label_and_key(self) -> None:
        self.key: dict[int, str] = {}
        self.label: dict[int, str] = {}
        self.named_once: dict[int, str] = {}  # people named one way only: the name
        for root, members in self.clusters().items():
            cued = [self.mentions[m].label for m in members if self.mentions[m].cued]
            if self.full_names.intersection(members):
                self.label[root] = "PERSON"
            elif cued:  # "a group called X" outweighs NER's guesses at X elsewhere
                self.label[root] = _majority(cued)
            else:
                self.label[root] = _majority([self.mentions[m].label for m in members])
            self.key[root] = self._cluster_key(root, members)

    # -- merging --------------------------------------------------------------------------

    def find(self, m: int) -> int:
        while self.parent[m] != m:
            self.parent[m] = self.parent[self.parent[m]]
            m = self.parent[m]
        return m

    def _union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)

    # -- clusters -------------------------------------------------------------------------

    def clusters(self) -> dict[int, list[int]]:
        out: dict[int, list[int]] = {}
        for m in range(len(self.mentions)):
            out.setdefault(self.find(m), []).append(m)
        return out

    def _cluster_key(self, root: int, members: list[int]) -> str:
        mentions = [self.mentions[m] for m in members]
        acronyms = Counter(x.canon for x in mentions if x.acronym and " " not in x.canon)
        for m in members:
            for alias in self.extra_aliases.get(m, ()):
                if names.is_acronym(alias):
                    acronyms[names.normalize_name(alias)] += 1
        if acronyms:
            return min(acronyms, key=lambda c: (-acronyms[c], c))
        if self.label[root] == "PERSON":
            key = max((x.canon for x in mentions), key=lambda c: (c.count(" "), len(c), c))
            if len({x.canon for x in mentions}) == 1:
                self.named_once[root] = key  # "Stoltenberg": another article may say who in full
            return key
        return mentions[0].canon

    def named_once_as(self) -> dict[str, tuple[str, tuple[str, ...]]]:
        """The key of each person the article names one way only, with that name normalized
        and every name it writes for them: ``kg.extract.settle`` joins them to the one person
        another article names in full."""
        out = {}
        for root, members in sorted(self.clusters().items()):
            if root in self.named_once:
                written = dict.fromkeys(_tidy(self.mentions[m].text) for m in members)
                for m in members:
                    written.update(dict.fromkeys(self.extra_aliases.get(m, ())))
                out[self.key[root]] = (self.named_once[root], tuple(written))
        return out

    def lookup(self, text: str) -> int | None:
        """The cluster a name written outside any entity mention refers to, if one clearly does.

        For names NER missed: "Stoltenberg said" after "Jens Stoltenberg" was found.
        """
        if self._names is None:
            self._names = {}
            surnames: dict[str, set[int]] = {}
            for m, mention in enumerate(self.mentions):
                root = self.find(m)
                self._names.setdefault(mention.canon, root)
                if self.label[root] == "PERSON" and " " in mention.canon:
                    for surname in names.surname_forms(mention.canon):
                        surnames.setdefault(surname, set()).add(root)
            for surname, roots in surnames.items():
                if len(roots) == 1:
                    self._names.setdefault(surname, next(iter(roots)))
        whole = names.canonical(names.normalize_name(text), self.aliases)[0]
        if whole in self._names:  # "Defense Ministerial", whose first word is a title word
            return self._names[whole]
        words = text.split()
        norm = names.normalize_name(" ".join(words[names.strip_title_words(words) :]))
        norm = names.canonical(norm, self.aliases)[0]
        return self._names.get(norm, self._names.get(names.person_key(norm)))

    def cluster_at(self, i: int) -> int | None:
        """The cluster of the entity mention covering token ``i``."""
        m = self.token_mention[i]
        return None if m < 0 else self.find(m)

    def key_at(self, i: int) -> str | None:
        cluster = self.cluster_at(i)
        return None if cluster is None else self.key[cluster]

    def type_at(self, i: int) -> str | None:
        cluster = self.cluster_at(i)
        return None if cluster is None else self.label[cluster]

    def entities(
        self, references: Mapping[int, list[tuple[int, int]]] | None = None
    ) -> list[Entity]:
        """One ``Entity`` per cluster, in order of first mention; ``references`` adds the
        descriptions found to name a cluster (token bounds [start, end]) to its mentions."""
        references = references or {}
        p = self.parse
        out = []
        for root, members in sorted(self.clusters().items()):
            mentions = [self.mentions[m] for m in members]
            texts = [_tidy(x.text) for x in mentions]
            # A gazetteer's spelling names the node only where the article writes it (in any
            # case); a
            # canonical name the article never uses ("Frankfurt am Main") is an alias.
            person = self.label[root] == "PERSON"  # a gazetteer names no people
            known = [] if person else [x.display for x in mentions if x.display]
            written = {t.casefold() for t in texts}  # "Washington" for a "WASHINGTON" dateline
            name = next((n for n in known if n.casefold() in written), None)
            if name is None:  # the name that gave the key, in its most usual spelling
                keyed = [
                    t for t, x in zip(texts, mentions, strict=True) if x.canon == self.key[root]
                ]
                name = _best_name(keyed or texts, person=person)
            aliases = dict.fromkeys(t for t in [*texts, *known] if t != name)
            for m in members:
                aliases.update(dict.fromkeys(self.extra_aliases.get(m, ())))
            spans = [(x.start, x.end) for x in mentions]
            spans += [(s, e + 1) for s, e in references.get(root, ())]
            records = sorted(
                {
                    Mention(p.span_text(s, e - 1), p.idx[s], p.end_char(e - 1), p.sent[s])
                    for s, e in spans
                },
                key=lambda x: (x.start, x.end),
            )
            label = self.label[root]
            # Rule: "Anna" alone in two articles is two people until an article names her in
            # full: a person named by one word only holds within this document (unless
            # kg.extract.settle links them to the person another article names in full). A
            # word after a title or honorific is a surname, not a first name: "Prime Minister
            # Al-Kadhimi" is one person across articles.
            alone = person and " " not in self.key[root] and not self._titled(members)
            out.append(
                Entity(
                    key=self.key[root],
                    name=name,
                    type=ENTITY_TYPES[label],
                    label=label,
                    aliases=tuple(a for a in aliases if a != name),
                    mentions=tuple(records),
                    scope="document" if alone else "global",
                )
            )
        return out

    def _titled(self, members: list[int]) -> bool:
        """Whether a title or an honorific comes right before one of the mentions."""
        p = self.parse
        return any(
            (k := self.mentions[m].start - 1) >= 0
            and names.fold(p.words[k]).rstrip(".") in TITLE_WORDS
            for m in members
        )


# -- merge rules: steps that join mentions into clusters, applied in order -------------------
# Each takes the index being built and the first mention of each normalized name (which the
# acronym rules extend), and joins mentions with ``EntityIndex._union``.


def acronym_in_brackets(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "North Atlantic Treaty Organization (NATO)", also with a comma before "(": the
    acronym is the name's."""
    p = index.parse
    for m, mention in enumerate(index.mentions):
        k = mention.end
        if k < p.n and p.words[k] == ",":
            k += 1
        if k + 2 < p.n and p.words[k] == "(" and p.words[k + 2] == ")":
            acronym = p.words[k + 1]
            if names.is_acronym(acronym) and mention.start + 1 < mention.end:
                canon = names.normalize_name(acronym)
                if canon in by_canon:
                    index._union(m, by_canon[canon])
                else:
                    by_canon[canon] = m
                    index.extra_aliases.setdefault(m, []).append(acronym)


def expansion_before_acronym(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "The North Atlantic Treaty Organization, (NATO)" where NER found only the acronym:
    the capitalized words before it, if they spell it, are an alias."""
    p = index.parse
    for m, mention in enumerate(index.mentions):
        k = mention.start - 1
        closed = p.words[mention.end : mention.end + 1] == [")"]
        if not (mention.acronym and k > 0 and p.words[k] == "(" and closed):
            continue
        k -= 1 if p.words[k - 1] == "," else 0
        first = k
        while (
            first > 0
            and p.words[first - 1][:1].isupper()
            and p.lower[first - 1] != "the"
            and index.token_mention[first - 1] < 0
        ):
            first -= 1
        expansion = p.span_text(first, k - 1) if first < k else ""
        if expansion and names.initials(names.normalize_name(expansion)) == mention.canon:
            index.extra_aliases.setdefault(m, []).append(expansion)


def acronym_of_one_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "the North Atlantic Treaty Organization ... NATO said": an acronym whose letters
    are the initials of exactly one long name in the document is that name."""
    expansions: dict[str, set[str]] = {}
    for mention in index.mentions:
        if mention.label != "PERSON":
            expansions.setdefault(names.initials(mention.canon), set()).add(mention.canon)
    expansions.pop("", None)
    for m, mention in enumerate(index.mentions):
        found = expansions.get(mention.canon) if mention.acronym else None
        if found and len(found) == 1:
            index._union(m, by_canon[next(iter(found))])


def also_called(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "the North Atlantic Treaty Organization, also called the North Atlantic
    Alliance": two names of one entity."""
    p = index.parse
    for m in range(1, len(index.mentions)):
        a, b = index.mentions[m - 1], index.mentions[m]
        if b.start - a.end > 6 or p.sent[a.start] != p.sent[b.start]:
            continue
        between = " ".join(w for w in p.lower[a.end : b.start] if w not in ALSO_CALLED_SKIPPED)
        if between in ALSO_CALLED:
            index._union(m - 1, m)


def surname(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "Jens Stoltenberg said ... Stoltenberg added": a bare surname is the person whose
    full name with that surname came last before it (or the only such person); two different
    full names are never merged."""
    full: dict[str, list[int]] = {}
    for m, mention in enumerate(index.mentions):
        if mention.label == "PERSON" and " " in mention.canon:
            for form in _surnames_here(mention.canon):
                full.setdefault(form, []).append(m)
    for m, mention in enumerate(index.mentions):
        place = mention.label not in SURNAME_LABELS
        if place and not (mention.label in AREA_LABELS and _may_be_person(index, mention)):
            continue
        if " " in mention.canon and mention.canon not in full:
            continue  # a full name, not a surname ("al baghdadi" is one)
        candidates = full.get(mention.canon)
        if not candidates or (place and all(c > m for c in candidates)):
            continue  # a place's name is a person's only after the person is named in full
        if mention.label != "PERSON" and len({index.mentions[c].canon for c in candidates}) > 1:
            continue  # a mislabelled surname is only trusted when it names one person
        before = [c for c in candidates if c < m]
        if before:
            index._union(m, before[-1])
        elif len({index.mentions[c].canon for c in candidates}) == 1:
            index._union(m, candidates[0])
        else:
            continue
        if mention.label != "PERSON":
            index.full_names.add(before[-1] if before else candidates[0])


def shorter_full_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "Dmitri Sergeyevich Volkov ... Dmitri Volkov": a person's name of two words is
    the one longer name of the article with the same first and last words (a middle name or
    patronymic left out); with two such people, it stays apart."""
    longer: dict[tuple[str, str], set[int]] = {}
    for m, mention in enumerate(index.mentions):
        words = mention.canon.split()
        if mention.label == "PERSON" and len(words) > 2:
            longer.setdefault((words[0], words[-1]), set()).add(index.find(m))
    for m, mention in enumerate(index.mentions):
        words = mention.canon.split()
        if mention.label != "PERSON" or len(words) != 2:
            continue
        people = longer.get((words[0], words[-1]), set())
        if len(people) == 1:
            index._union(m, next(iter(people)))


def _surnames_here(canon: str) -> set[str]:
    """The forms of a full name's surname an article may use alone: ``names.surname_forms``
    and, for a name of four words or more, the first of two surnames and both.

    Rule: "María Fernanda Ríos Echeverri ... Ríos said": a double surname's first half is
    the person within the article (never across articles, where it is too weak a link).
    Rule: "Carlos Ruiz de la Fuente ... Ruiz de la Fuente said": so is a first surname with
    the particles and the surname after it.
    """
    words = canon.split()
    forms = names.surname_forms(canon)
    if len(words) >= 4:
        forms |= {words[-2], " ".join(words[-2:])}
    k = len(words) - 1
    while k > 1 and words[k - 1] in NAME_PARTICLES:
        k -= 1
    if k < len(words) - 1 and k >= 2:
        forms.add(" ".join(words[k - 1 :]))
    return forms


def first_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "Anna Volkova was born in 1950 ... Anna said": a bare first name is the person
    named in full in the article, when exactly one person there has that first name and no
    one has it as a surname."""
    given: dict[str, set[int]] = {}
    family: set[str] = set()
    for m, mention in enumerate(index.mentions):
        if mention.label == "PERSON" and " " in mention.canon:
            given.setdefault(mention.canon.split()[0], set()).add(index.find(m))
            family.update(names.surname_forms(mention.canon))
    for m, mention in enumerate(index.mentions):
        # Rule: "the fiddler Dónal Mac Giolla Phádraig ... Dónal's brother", the NER taking
        # the second for a place: as for a surname, a place's name is the person's only
        # after the person is named in full, and where nothing makes it a place.
        place = mention.label not in SURNAME_LABELS
        if place and not (mention.label in AREA_LABELS and _may_be_person(index, mention)):
            continue
        if " " in mention.canon:
            continue
        people = given.get(mention.canon, set())
        if len(people) != 1 or mention.canon in family:
            continue
        person = next(iter(people))
        if place and person > m:
            continue
        if index.find(m) == index.find(person):
            continue
        if any(
            " " in index.mentions[k].canon and index.find(k) == index.find(m)
            for k in range(len(index.mentions))
        ):
            continue  # already someone's, by another rule
        index._union(m, person)
        if mention.label != "PERSON":
            index.full_names.add(person)


def _may_be_person(index: EntityIndex, mention: NameMention) -> bool:
    """Whether a name taken for a place may be a person's: it is spoken of as a person, or
    nothing around it makes it a place.

    Rule: "Helen Achterberg ... Achterberg, a former trade negotiator": a one-word "place"
    that is the surname of a person the article named in full is that person unless a
    preposition of place comes right before it ("flew to Achterberg").
    """
    if _spoken_of_as_person(index, mention):
        return True
    start = mention.start
    return mention.end - start == 1 and not (
        start > 0 and index.parse.lower[start - 1] in PLACE_CUES
    )


def _spoken_of_as_person(index: EntityIndex, mention: NameMention) -> bool:
    """Rule: "Ms. Lincoln said", "Adams claims", "Houston, who chairs": a name the gazetteer
    knows as a place is a person after an honorific, as a speech verb's subject, or before
    "who"."""
    p = index.parse
    start, end = mention.start, mention.end
    if start > 0 and p.lower[start - 1].rstrip(".") in HONORIFICS:
        return True
    last = end - 1
    head = p.head[last]
    if p.dep[last] in ACTIVE_SUBJECTS and head != last and p.lemma[head] in SPEECH_VERBS:
        return True
    after = [w for w in p.lower[end : end + 2] if w != ","]
    return after[:1] == ["who"]


def short_organization_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "Norvale Systems released ... Norvale said", "Blue Anchor Lines ... Blue Anchor
    shares": an organization named by the words its full name starts with, the rest one or
    two words ending in an organization's word, is the one organization so named."""
    longer: dict[str, set[str]] = {}
    for mention in index.mentions:
        words = mention.canon.split()
        if mention.label == "ORG" and mention.text.split()[-1] in ORG_NAME_ENDS:
            for k in range(max(1, len(words) - 2), len(words)):
                longer.setdefault(" ".join(words[:k]), set()).add(mention.canon)
    for m, mention in enumerate(index.mentions):
        full = longer.get(mention.canon, set()) if mention.label == "ORG" else set()
        if len(full) == 1:
            index._union(m, by_canon[next(iter(full))])


MERGE_RULES = (
    acronym_in_brackets,
    expansion_before_acronym,
    acronym_of_one_name,
    also_called,
    short_organization_name,
    surname,
    shorter_full_name,
    first_name,
)


def _tidy(text: str) -> str:
    """A name for display: dashes inside names become hyphens ("Al—Kadhimi" → "Al-Kadhimi")."""
    for dash in DASHES:
        text = text.replace(f" {dash} ", "-").replace(dash, "-")
    return text


def _best_name(texts: list[str], *, person: bool) -> str:
    """A person's fullest name; otherwise the most frequent spelling, preferring mixed case."""
    counts = Counter(texts)
    mixed = {t.casefold() for t in texts if not t.isupper()}
    first = {t: -k for k, t in reversed(list(enumerate(texts)))}

    def rank(t: str) -> tuple[int, ...]:
        shouted = t.isupper() and t.casefold() in mixed  # "IRAQ" in a headline, "Iraq" below
        if person:  # "Margaret Ellery" over a book list's "Ellery, Margaret"
            return (len(t.split()), not shouted, "," not in t, counts[t], first[t])
        return (not shouted, counts[t], len(t), first[t])

    return max(counts, key=rank)


def _majority(labels: list[str]) -> str:
    counts = Counter(labels)
    return max(counts, key=lambda label: (counts[label], -labels.index(label)))
