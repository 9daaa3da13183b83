"""The merge rules of ``kg.extract.entities``: steps that join a document's entity mentions
into clusters, applied in the order of ``MERGE_RULES``.

Each takes the index being built and the first mention of each normalized name (which the
acronym rules extend), and joins mentions with ``EntityIndex._union``.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from kg.extract import names
from kg.extract.mentions import NameMention
from kg.nlp.lexicon.deps import ACTIVE_SUBJECTS
from kg.nlp.lexicon.labels import AREA_LABELS, SURNAME_LABELS
from kg.nlp.lexicon.marks import ALSO_CALLED_SKIPPED
from kg.nlp.lexicon.names import (
    ALSO_CALLED,
    CLUB_NAME_WORDS,
    COMPETITION_NAME_WORDS,
    GENERIC_LAW_WORDS,
    LEAGUE_WORDS,
    NAME_PARTICLES,
    SERIES_WORDS,
)
from kg.nlp.lexicon.titles import HONORIFICS
from kg.nlp.lexicon.verbs import SPEECH_VERBS
from kg.nlp.lexicon.words import PLACE_CUES

if TYPE_CHECKING:
    from kg.extract.entities import EntityIndex


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
    middle: dict[str, list[int]] = {}
    given: set[str] = set()
    for m, mention in enumerate(index.mentions):
        if mention.label == "PERSON" and " " in mention.canon:
            for form in _surnames_here(mention.canon):
                full.setdefault(form, []).append(m)
            words = mention.canon.split()
            given.add(words[0])
            if len(words) == FIRST_SURNAME_NAME_WORDS and words[1] not in NAME_PARTICLES:
                middle.setdefault(words[1], []).append(m)
    # Rule: "Camila Huenchumilla Paillal ... Huenchumilla, 48, would be the first": the middle
    # word of a name of three is a first surname the article may use alone after the full
    # name, where no other person of the article has it as a given name or a surname; not
    # "the Lindahl family foundation ... Its chairman, Peter Lindahl Sørensen".
    firsts = set(middle) - set(full) - given
    for form in firsts:
        full[form] = middle[form]
    for m, mention in enumerate(index.mentions):
        if mention.canon in firsts and all(c > m for c in full[mention.canon]):
            continue
        place = mention.label not in SURNAME_LABELS
        if place and not (mention.label in AREA_LABELS and _may_be_person(index, mention)):
            continue
        if " " in mention.canon and mention.canon not in full:
            continue  # a full name, not a surname ("al baghdadi" is one)
        candidates = full.get(mention.canon) or full.get(_as_written(mention), [])
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


# The words of a name whose middle word may be a first surname: given name, two surnames.
FIRST_SURNAME_NAME_WORDS = 3


def _as_written(mention: NameMention) -> str:
    """Rule: "Governor Phạm Minh Khôi said ... Khôi told reporters", with the gazetteer's
    alias "Khoi" of the city Khūy: a surname the gazetteer spells otherwise is still the
    surname as written ("" where no alias changed it)."""
    return names.normalize_name(mention.text) if mention.display is not None else ""


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
    """Rule: "Ms. Lincoln said", "Adams claims", "Houston, who chairs", "Wiśniewska-Król
    said": a name the gazetteer knows as a place is a person after an honorific, as a speech
    verb's subject, or before "who"."""
    p = index.parse
    start, end = mention.start, mention.end
    if start > 0 and p.lower[start - 1].rstrip(".") in HONORIFICS:
        return True
    # The name's own head, not its last word: "Wiśniewska-Król said" hangs "Król" on
    # "Wiśniewska", the subject.
    tops = [i for i in range(start, end) if not start <= p.head[i] < end] or [end - 1]
    for top in tops:
        head = p.head[top]
        if p.dep[top] in ACTIVE_SUBJECTS and head != top and p.lemma[head] in SPEECH_VERBS:
            return True
    after = [w for w in p.lower[end : end + 2] if w != ","]
    return after[:1] == ["who"]


def short_organization_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "Norvale Systems released ... Norvale said", "Kinderdijk Therapeutics agreed ...
    Kinderdijk's board", "Praia Clube ... Praia coach": a name that the words of exactly one
    organization's longer name start with is that organization, within the article, where
    the article's mentions of it make it an organization (by the vote that gives a node its
    label); not a name used there as a place or a person ("Toronto" of "Toronto Dominion"),
    nor one a mention labels a country or a city, as the gazetteer does ("Pakistan won the
    first Test", a team, is neither the "Pakistan Cricket Board" nor, as no league is, the
    "Pakistan Super League"), nor one written after "the", an institution's noun ("the
    Senate" is not "Senate Republicans"), unless the longer name is a club's, the team its
    city names ("Praia Clube ... Praia coach", with "Praia" a city). The longer name keys
    the node, so that no other article's "Kinderdijk" joins it on the short form alone."""
    longer: dict[str, set[int]] = {}
    for mention in index.mentions:
        words = mention.canon.split()
        if mention.label == "ORG" and len(words) > 1 and not _league(mention):
            for k in range(1, len(words)):
                longer.setdefault(" ".join(words[:k]), set()).add(by_canon[mention.canon])
    uses: dict[str, list[NameMention]] = {}
    for mention in index.mentions:
        if mention.canon in longer:
            uses.setdefault(mention.canon, []).append(mention)
    for canon, mentions in uses.items():
        full = {index.find(m) for m in longer[canon]}
        if len(full) != 1 or _voted(mentions) != "ORG":
            continue
        club = any(index.mentions[m].text.split()[-1] in CLUB_NAME_WORDS for m in longer[canon])
        if club or not _common(index, mentions):
            index._union(by_canon[canon], next(iter(full)))
            index.short_forms.add(canon)


def short_event_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "the final of the FIVB Women's Club World Championship ... win Club World
    Championship": a name of two words or more that the last words of exactly one event's
    longer name make is that event, within the article, where its mentions make it an event
    or it ends in a competition's word (a headline's "Club Asia Cup" taken for a body); the
    longer name keys the node."""
    longer: dict[str, set[int]] = {}
    for mention in index.mentions:
        words = mention.canon.split()
        if mention.label == "EVENT":
            for k in range(1, len(words) - 1):
                longer.setdefault(" ".join(words[k:]), set()).add(by_canon[mention.canon])
    uses: dict[str, list[NameMention]] = {}
    for mention in index.mentions:
        if mention.canon in longer:
            uses.setdefault(mention.canon, []).append(mention)
    for canon, mentions in uses.items():
        full = {index.find(m) for m in longer[canon]}
        named = _voted(mentions) == "EVENT" or _league(mentions[0])
        if len(full) == 1 and named:
            index._union(by_canon[canon], next(iter(full)))
            index.short_forms.add(canon)


def short_law_name(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "the Constitution of the United States ... scholars still read the Constitution":
    a law named by a law's word alone ("the Constitution", "the Treaty") is the one law of
    the article whose longer name begins or ends with that word ("Constitution of ...",
    "Iraqi Constitution"), where exactly one does; the longer name keys the node, so the
    short name of another article, maybe another country's law, stays its own."""
    laws = {x.canon for x in index.mentions if x.label == "LAW"}
    for canon in laws & GENERIC_LAW_WORDS:
        full = {
            index.find(by_canon[other])
            for other in laws
            if other != canon and canon in (other.split()[0], other.split()[-1])
        }
        if len(full) == 1:
            index._union(by_canon[canon], next(iter(full)))
            index.short_forms.add(canon)


def _common(index: EntityIndex, mentions: list[NameMention]) -> bool:
    """Whether a mention of a name labels it a country or a city (as the gazetteer does), or
    "the" comes before one, as before an institution's common noun ("the Senate")."""
    p = index.parse
    return any(
        p.ent_label[x.start] == "GPE" or (x.start > 0 and p.lower[x.start - 1] == "the")
        for x in mentions
    )


def _league(mention: NameMention) -> bool:
    """A competition's name: "Pakistan Super League", "Primeira Liga"."""
    last = mention.text.split()[-1]
    return last in LEAGUE_WORDS | SERIES_WORDS or last.lower() in COMPETITION_NAME_WORDS


def _voted(mentions: list[NameMention]) -> str:
    """The label the mentions of one name give it: those the words around it cued, else all,
    the most frequent, the first of a tie (as ``kg.extract.entities`` labels a node)."""
    labels = [x.label for x in mentions if x.cued] or [x.label for x in mentions]
    return max(labels, key=lambda label: (labels.count(label), -labels.index(label)))


def plural_of_a_people(index: EntityIndex, by_canon: dict[str, int]) -> None:
    """Rule: "the Sabaean script ... the Sabaeans of what is now Yemen" with the plural an
    organization: a one-word name that is a group's name of the article and "s" is that
    group (the words that made the singular a group say what the plural is)."""
    groups = {x.canon for x in index.mentions if x.label == "NORP"}
    if not groups:
        return
    for m, mention in enumerate(index.mentions):
        singular = names.people_key(mention.canon)
        if mention.label == "NORP" or " " in mention.canon or singular == mention.canon:
            continue
        if singular in groups and singular in by_canon:
            index.mentions[m] = replace(mention, label="NORP", canon=singular, cued=True)
            index._union(m, by_canon[singular])


MERGE_RULES = (
    plural_of_a_people,
    acronym_in_brackets,
    expansion_before_acronym,
    acronym_of_one_name,
    also_called,
    short_organization_name,
    short_event_name,
    short_law_name,
    surname,
    shorter_full_name,
    first_name,
)
