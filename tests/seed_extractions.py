"""Hand-written Extractions of the two seed articles' facts, in our own words.

What a good extractor should give for ../shared/seeds/*.txt, so that each competency query in
queries/ can be tested on the graph side alone. ``ExtractionBuilder`` computes offsets and
mentions from the sentence texts, so the records stay consistent.
"""

from __future__ import annotations

import datetime as dt
import re

from kg.records import (
    Argument,
    Document,
    Entity,
    Event,
    Extraction,
    Mention,
    Quantity,
    Quote,
    Role,
    Sentence,
)

__all__ = ["ExtractionBuilder", "arg", "seed_extractions"]


def arg(
    role: str,
    text: str,
    *,
    entity: str | None = None,
    quantity: Quantity | None = None,
    date: dt.date | None = None,
    period: tuple[dt.date, dt.date] | None = None,
) -> Argument:
    return Argument(
        role=role, text=text, entity=entity, quantity=quantity, date=date, period=period
    )


class ExtractionBuilder:
    """Build an Extraction sentence by sentence; mentions are found by name in the text."""

    def __init__(self, doc_id: str, **document: object) -> None:
        self.doc_id = doc_id
        self.document = document
        self.sentences: list[Sentence] = []
        self.entities: dict[str, tuple[str, str, str, tuple[str, ...]]] = {}
        self.events: list[Event] = []
        self.quotes: list[Quote] = []
        self.roles: list[Role] = []
        self.text = ""

    def sentence(self, text: str) -> int:
        if self.text:
            self.text += " "
        start = len(self.text)
        self.text += text
        self.sentences.append(Sentence(len(self.sentences), start, len(self.text), text))
        return len(self.sentences) - 1

    def entity(self, key: str, name: str, type: str, label: str, *aliases: str) -> str:
        self.entities[key] = (name, type, label, aliases)
        return key

    def _span(self, n: int, text: str) -> tuple[int, int]:
        sent = self.sentences[n]
        at = sent.text.find(text)
        if at < 0:
            raise ValueError(f"{text!r} is not in sentence {n}: {sent.text!r}")
        return sent.start + at, sent.start + at + len(text)

    def event(
        self, n: int, predicate: str, trigger: str, *arguments: Argument, **options: object
    ) -> str:
        event_id = f"e{len(self.events) + 1}"
        start, end = self._span(n, trigger)
        self.events.append(Event(event_id, predicate, n, start, end, tuple(arguments), **options))  # type: ignore[arg-type]
        return event_id

    def quote(self, n: int, text: str, speaker: str | None, **options: object) -> str:
        quote_id = f"q{len(self.quotes) + 1}"
        start, end = self._span(n, text)
        self.quotes.append(Quote(quote_id, text, n, start, end, speaker, **options))  # type: ignore[arg-type]
        return quote_id

    def role(
        self,
        n: int,
        holder: str,
        title: str,
        *,
        organization: str | None = None,
        organization_text: str | None = None,
    ) -> None:
        start, end = self._span(n, title)
        self.roles.append(Role(holder, title, n, start, end, organization, organization_text))

    def build(self) -> Extraction:
        # Longest names first, across entities: "US Army" is no mention of "US".
        surfaces = sorted(
            (
                (surface, key)
                for key, (name, _, _, aliases) in self.entities.items()
                for surface in {name, *aliases}
            ),
            key=lambda item: (-len(item[0]), item[0]),
        )
        taken: set[int] = set()
        found: dict[str, list[Mention]] = {key: [] for key in self.entities}
        for surface, key in surfaces:
            pattern = re.compile(rf"(?<!\w){re.escape(surface)}(?!\w)")
            for sent in self.sentences:
                for m in pattern.finditer(sent.text):
                    span = set(range(sent.start + m.start(), sent.start + m.end()))
                    if not taken & span:
                        taken |= span
                        found[key].append(
                            Mention(
                                surface, sent.start + m.start(), sent.start + m.end(), sent.index
                            )
                        )
        entities = [
            Entity(
                key,
                name,
                type_name,
                label,
                tuple(aliases),
                tuple(sorted(found[key], key=lambda x: x.start)),
            )
            for key, (name, type_name, label, aliases) in self.entities.items()
        ]
        document = Document(id=self.doc_id, text=self.text, **self.document)  # type: ignore[arg-type]
        return Extraction(
            document,
            tuple(self.sentences),
            tuple(entities),
            tuple(self.events),
            tuple(self.quotes),
            tuple(self.roles),
        )


def _common(b: ExtractionBuilder) -> None:
    b.entity(
        "nato", "NATO", "Organization", "ORG", "North Atlantic Treaty Organization", "the alliance"
    )
    b.entity("jens stoltenberg", "Jens Stoltenberg", "Person", "PERSON", "Stoltenberg")
    b.entity("iraq", "Iraq", "Place", "GPE")
    b.entity("baghdad", "Baghdad", "Place", "GPE")
    b.entity("isis", "ISIS", "Organization", "ORG", "Daesh")
    b.entity("united states", "United States", "Place", "GPE", "U.S.", "US")


def change(text: str, low: float, high: float, unit: str, *, approximate: bool = False) -> Quantity:
    return Quantity(text, low=low, high=high, unit=unit, approximate=approximate, kind="change")


def count(text: str, value: float, unit: str | None) -> Quantity:
    return Quantity(text, value=value, unit=unit)


def article_a() -> Extraction:
    """The ministerial report (like seed 000)."""
    b = ExtractionBuilder(
        "a0a0a0a0a0a0a0a0",
        title="Alliance grows its Iraq mission",
        published=dt.date(2021, 2, 17),
        source="news/alliance-grows.txt",
    )
    _common(b)
    b.entity("lloyd j. austin iii", "Lloyd J. Austin III", "Person", "PERSON", "Austin")
    b.entity("al-kadhimi", "Al-Kadhimi", "Person", "PERSON", "Al—Kadhimi")
    b.entity("kurdish", "Kurdish", "Group", "NORP")
    s0 = b.sentence(
        "Defence ministers of the alliance agreed to lift the NATO training mission in "
        "Iraq from 500 to 4,000 troops, NATO Secretary General Jens Stoltenberg told "
        "an online press conference."
    )
    raise_id = b.event(
        s0,
        "raise",
        "lift",
        arg("agent", "Defence ministers of the alliance"),
        arg("theme", "the NATO training mission"),
        arg(
            "extent",
            "from 500 to 4,000 troops",
            quantity=change("from 500 to 4,000 troops", 500, 4000, "troop"),
        ),
        arg("place", "Iraq", entity="iraq"),
    )
    b.event(
        s0,
        "tell",
        "told",
        arg("agent", "Jens Stoltenberg", entity="jens stoltenberg"),
        arg("recipient", "an online press conference"),
        statement_of=raise_id,
    )
    b.role(s0, "jens stoltenberg", "Secretary General", organization="nato")
    s1 = b.sentence(
        "Days before, a rocket attack on a U.S.-led military base in Kurdish northern "
        "Iraq killed a civilian contractor and wounded eight others."
    )
    place = "a U.S.-led military base in Kurdish northern Iraq"
    b.event(
        s1,
        "kill",
        "killed",
        arg("agent", "a rocket attack"),
        arg("theme", "a civilian contractor"),
        arg("place", place),
    )
    b.event(
        s1,
        "wound",
        "wounded",
        arg("agent", "a rocket attack"),
        arg("theme", "eight others", quantity=count("eight others", 8, "other")),
        arg("place", place),
    )
    s2 = b.sentence(
        "Secretary of Defense Lloyd J. Austin III joined the online meeting for the United States."
    )
    b.event(
        s2,
        "participate",
        "joined",
        arg("agent", "Lloyd J. Austin III", entity="lloyd j. austin iii"),
        arg("theme", "the online meeting"),
        arg("for", "the United States", entity="united states"),
    )
    b.role(s2, "lloyd j. austin iii", "Secretary of Defense")
    s3 = b.sentence(
        "Stoltenberg said the expansion answers a request from Iraq and should keep "
        "ISIS from coming back."
    )
    b.event(
        s3,
        "say",
        "said",
        arg("agent", "Stoltenberg", entity="jens stoltenberg"),
        arg("theme", "the expansion answers a request from Iraq"),
    )
    s4 = b.sentence(
        "“We will take our mission from 500 people to roughly 4,000 and train in "
        "places beyond Baghdad,” Stoltenberg said."
    )
    b.quote(
        s4,
        "We will take our mission from 500 people to roughly 4,000 and train in places "
        "beyond Baghdad",
        "jens stoltenberg",
    )
    b.event(
        s4,
        "increase",
        "take",
        arg("agent", "We", entity="nato"),
        arg("theme", "our mission"),
        arg(
            "extent",
            "from 500 people to roughly 4,000",
            quantity=change(
                "from 500 people to roughly 4,000", 500, 4000, "personnel", approximate=True
            ),
        ),
        modality="will",
    )
    s5 = b.sentence(
        "“This week I discussed the mission with Prime Minister Al—Kadhimi,” Stoltenberg said."
    )
    b.quote(
        s5, "This week I discussed the mission with Prime Minister Al—Kadhimi", "jens stoltenberg"
    )
    b.event(
        s5,
        "discuss",
        "discussed",
        arg("agent", "I", entity="jens stoltenberg"),
        arg("theme", "the mission"),
        arg("with", "Al—Kadhimi", entity="al-kadhimi"),
        arg("time", "This week"),
    )
    b.role(s5, "al-kadhimi", "Prime Minister")
    s6 = b.sentence("Some of the bases belong to the US-led Global Coalition to Defeat Daesh.")
    b.event(
        s6,
        "belong",
        "belong",
        arg("agent", "Some of the bases"),
        arg("to", "the US-led Global Coalition to Defeat Daesh"),
    )
    return b.build()


def article_b() -> Extraction:
    """The Washington report (like seed 004)."""
    b = ExtractionBuilder(
        "b1b1b1b1b1b1b1b1",
        title="NATO widens Iraq mission after Irbil strike",
        published=dt.date(2021, 2, 18),
        source="news/nato-widens.txt",
        url="https://example.org/news/nato-widens",
    )
    _common(b)
    b.entity("2021-02-18", "Thursday", "TimeExpression", "DATE")
    b.entity("erbil", "Irbil", "Place", "GPE", "Arbil", "Erbil")
    b.entity("awliya al dam", "Awliya Al Dam", "Organization", "ORG")
    b.entity("shia", "Shia", "Group", "NORP")
    b.entity("wayne marotto", "Wayne Marotto", "Person", "PERSON", "Marotto")
    b.entity("us army", "US Army", "Organization", "ORG")
    b.entity("ned price", "Ned Price", "Person", "PERSON", "Price")
    b.entity("state department", "State Department", "Organization", "ORG")
    b.entity("jen psaki", "Jen Psaki", "Person", "PERSON", "Psaki")
    b.entity("white house", "White House", "Organization", "ORG")
    b.entity("pentagon", "Pentagon", "Organization", "ORG")
    s0 = b.sentence(
        "On Thursday NATO Secretary General Jens Stoltenberg announced that the "
        "alliance will expand its training mission in Iraq."
    )
    expand = b.event(
        s0,
        "expand",
        "expand",
        arg("agent", "the alliance", entity="nato"),
        arg("theme", "its training mission"),
        arg("place", "Iraq", entity="iraq"),
        modality="will",
    )
    b.event(
        s0,
        "announce",
        "announced",
        arg("agent", "Jens Stoltenberg", entity="jens stoltenberg"),
        arg("time", "Thursday", entity="2021-02-18", date=dt.date(2021, 2, 18)),
        arg("theme", "that the alliance will expand its training mission in Iraq"),
        statement_of=expand,
    )
    b.role(s0, "jens stoltenberg", "Secretary General", organization="nato")
    s1 = b.sentence(
        "“The mission goes from 500 personnel to approximately 4,000 and reaches "
        "areas outside Baghdad,” Stoltenberg told reporters after a two-day online "
        "meeting of defence ministers."
    )
    b.quote(
        s1,
        "The mission goes from 500 personnel to approximately 4,000 and reaches areas "
        "outside Baghdad",
        "jens stoltenberg",
    )
    b.event(
        s1,
        "go",
        "goes",
        arg("agent", "The mission"),
        arg(
            "extent",
            "from 500 personnel to approximately 4,000",
            quantity=change(
                "from 500 personnel to approximately 4,000",
                500,
                4000,
                "personnel",
                approximate=True,
            ),
        ),
    )
    b.event(
        s1,
        "tell",
        "told",
        arg("agent", "Stoltenberg", entity="jens stoltenberg"),
        arg("recipient", "reporters"),
    )
    s2 = b.sentence("The United States has 2,500 troops in Iraq.")
    b.event(
        s2,
        "have",
        "has",
        arg("agent", "The United States", entity="united states"),
        arg("theme", "2,500 troops", quantity=count("2,500 troops", 2500, "troop")),
        arg("place", "Iraq", entity="iraq"),
    )
    s3 = b.sentence("“ISIS is still active in Iraq,” Stoltenberg said.")
    b.quote(s3, "ISIS is still active in Iraq", "jens stoltenberg")
    b.event(
        s3,
        "be",
        "is",
        arg("agent", "ISIS", entity="isis"),
        arg("attribute", "active"),
        arg("place", "Iraq", entity="iraq"),
    )
    s4 = b.sentence(
        "The decision comes after a deadly missile strike in the city of Irbil, also written Arbil."
    )
    b.event(
        s4,
        "come",
        "comes",
        arg("agent", "The decision"),
        arg("after", "a deadly missile strike"),
        arg("place", "Irbil", entity="erbil"),
    )
    s5 = b.sentence(
        "Monday's attack killed a civilian contractor and injured nine others, said "
        "Colonel Wayne Marotto of the US Army, spokesman for the coalition fighting "
        "ISIS."
    )
    b.event(
        s5,
        "kill",
        "killed",
        arg("agent", "Monday's attack"),
        arg("theme", "a civilian contractor"),
        arg("time", "Monday"),
    )
    b.event(
        s5,
        "injure",
        "injured",
        arg("agent", "Monday's attack"),
        arg("theme", "nine others", quantity=count("nine others", 9, "other")),
    )
    b.event(s5, "say", "said", arg("agent", "Wayne Marotto", entity="wayne marotto"))
    b.role(s5, "wayne marotto", "Colonel", organization="us army")
    b.role(s5, "wayne marotto", "spokesman", organization_text="the coalition fighting ISIS")
    s6 = b.sentence(
        "Awliya Al Dam, a Shia group believed to be a front for a militia backed by "
        "Iran, claimed responsibility for the attack."
    )
    b.event(
        s6,
        "claim responsibility for",
        "claimed",
        arg("agent", "Awliya Al Dam", entity="awliya al dam"),
        arg("theme", "the attack"),
    )
    b.event(
        s6,
        "be",
        "be",
        arg("agent", "Awliya Al Dam", entity="awliya al dam"),
        arg("attribute", "a front for a militia backed by Iran"),
        modality="believed",
        confidence=0.7,
    )
    s7 = b.sentence(
        "The White House, the Pentagon and the State Department have not confirmed "
        "who is behind the attack."
    )
    b.event(
        s7,
        "confirm",
        "confirmed",
        arg("agent", "The White House", entity="white house"),
        arg("agent", "the Pentagon", entity="pentagon"),
        arg("agent", "the State Department", entity="state department"),
        arg("theme", "who is behind the attack"),
        negated=True,
    )
    s8 = b.sentence(
        "“Every group responsible for this attack will face consequences,” State "
        "Department spokesman Ned Price told a news conference."
    )
    b.quote(
        s8,
        "Every group responsible for this attack will face consequences",
        "ned price",
        verb="tell",
    )
    b.role(s8, "ned price", "spokesman", organization="state department")
    b.event(
        s8,
        "tell",
        "told",
        arg("agent", "Ned Price", entity="ned price"),
        arg("recipient", "a news conference"),
    )
    s9 = b.sentence(
        "White House press secretary Jen Psaki said the White House was outraged by "
        "the violence in Iraq."
    )
    b.role(s9, "jen psaki", "press secretary", organization="white house")
    b.event(
        s9,
        "say",
        "said",
        arg("agent", "Jen Psaki", entity="jen psaki"),
        arg("theme", "the White House was outraged by the violence in Iraq"),
    )
    b.quote(s9, "the White House was outraged by the violence in Iraq", "jen psaki", direct=False)
    return b.build()


def seed_extractions() -> tuple[Extraction, Extraction]:
    return article_a(), article_b()
