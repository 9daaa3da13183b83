"""Named-entity mentions, merged within a document into entities with stable keys.

Mentions come from ``doc.ents``; merging is by normalized name (case, dashes, dots,
accents, titles) and aliases (built-in and the caller's), then by the steps of
``kg.extract.merges.MERGE_RULES`` in order: a people's plural with its singular, acronyms
with their expansion, "X, also called Y", a firm's short name after its full name, a person's
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
from kg.extract.mentions import find_mentions
from kg.extract.merges import MERGE_RULES
from kg.extract.parse import Parse
from kg.nlp.lexicon.marks import DASHES
from kg.nlp.lexicon.names import GENERIC_LAW_WORDS
from kg.nlp.lexicon.titles import TITLE_WORDS
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
        self.short_forms: set[str] = set()  # names that joined a longer organization's
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
        return next(
            (x.canon for x in mentions if x.canon not in self.short_forms), mentions[0].canon
        )

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
            # canonical name the article never uses ("Frankfurt am Main") is an alias. Nor
            # does it name an organization after the short form of its name ("Bergen" of
            # "Bergen Klub").
            person = self.label[root] == "PERSON"  # a gazetteer names no people
            shown = [x for x in mentions if x.display and x.canon not in self.short_forms]
            known = [] if person else [x.display for x in shown if x.display]
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
            # Rule: "the Constitution", "Article 21": a law named by a law's word and a
            # number only is one of many so named, this document's.
            alone |= label == "LAW" and _generic_law(self.key[root])
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


def _generic_law(key: str) -> bool:
    """Whether a law's key holds nothing but a law's words and numbers: "article 21"."""
    return all(word in GENERIC_LAW_WORDS or word.isdigit() for word in key.split())
