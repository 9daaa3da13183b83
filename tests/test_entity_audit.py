"""The entity audit's matching (benchmarks/entity_audit.py) counts each kind of problem."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks.entity_audit import (
    BLIND,
    FRESH,
    GOLD,
    PROBES,
    SEALED,
    UNSEEN,
    GoldEntity,
    Mention,
    Node,
    audit,
    counts_only,
    figures,
    normalize,
    read_gold,
)

TEXT = (
    "WELLINGTON - Ambassador to the United States Helen Achterberg met Ms. Lincoln, "
    "the council president, on Tuesday. Karen Lincoln said the Crown Prince would visit. "
    "Leung Chun-ying and Leung Chun-kit spoke. Brazil beat Germany 2-1."
)
GOLD_ENTITIES = [
    GoldEntity("Wellington", frozenset({"Place"})),
    GoldEntity("United States", frozenset({"Place"})),
    GoldEntity("Helen Achterberg", frozenset({"Person"})),
    GoldEntity("Karen Lincoln", frozenset({"Person"}), ("Lincoln",)),
    GoldEntity("Leung Chun-ying", frozenset({"Person"})),
    GoldEntity("Leung Chun-kit", frozenset({"Person"})),
    GoldEntity("Brazil", frozenset({"Organization"})),
    GoldEntity("Germany", frozenset({"Organization"})),
]


def node(label: str, type: str, *mentions: str, aliases: tuple[str, ...] = ()) -> Node:
    """A node whose mentions are the first places ``TEXT`` writes each of ``mentions``."""
    found = tuple(Mention(m, TEXT.index(m), TEXT.index(m) + len(m)) for m in mentions)
    return Node(f"n/{label}", label, type, aliases, found)


def verdicts(*nodes: Node) -> dict[str, tuple[str, ...]]:
    return {v.node.label: v.problems for v in audit(TEXT, GOLD_ENTITIES, nodes).verdicts}


def test_a_right_node_has_no_problem() -> None:
    assert verdicts(node("WELLINGTON", "Place", "WELLINGTON")) == {"WELLINGTON": ()}


def test_a_node_for_no_gold_entity_is_junk() -> None:
    assert verdicts(node("Crown Prince", "Place", "Crown Prince")) == {"Crown Prince": ("junk",)}


def test_a_name_cut_at_the_hyphen_or_run_on_is_cut() -> None:
    found = verdicts(
        node("Leung Chun", "Place", "Leung Chun"),
        node("United States Helen Achterberg", "Place", "United States Helen Achterberg"),
    )
    assert found == {"Leung Chun": ("cut",), "United States Helen Achterberg": ("cut",)}


def test_a_national_team_as_a_place_has_the_wrong_type() -> None:
    found = verdicts(node("Brazil", "Place", "Brazil"), node("Germany", "Organization", "Germany"))
    assert found == {"Brazil": ("type",), "Germany": ()}


def test_a_second_node_for_one_entity_is_a_duplicate() -> None:
    found = verdicts(
        node("Karen Lincoln", "Person", "Karen Lincoln"),
        node("Lincoln", "Place", "Lincoln"),
    )
    assert found == {"Karen Lincoln": (), "Lincoln": ("type", "duplicate")}


def test_a_label_the_article_never_writes_is_renamed() -> None:
    found = verdicts(node("Wellington City", "Place", "WELLINGTON"))
    assert found == {"Wellington City": ("renamed",)}


def test_a_node_naming_two_gold_entities_is_merged() -> None:
    found = verdicts(node("Leung Chun-ying", "Person", "Leung Chun-ying", "Leung Chun-kit"))
    assert found == {"Leung Chun-ying": ("merged",)}


def test_counts_share_and_missed() -> None:
    result = audit(
        TEXT,
        GOLD_ENTITIES,
        [
            node("WELLINGTON", "Place", "WELLINGTON"),
            node("Crown Prince", "Place", "Crown Prince"),
            node("Brazil", "Place", "Brazil"),
            node("Karen Lincoln", "Person", "Karen Lincoln"),
            node("Lincoln", "Place", "Lincoln"),
        ],
    )
    counts = result.counts()
    assert {k: counts[k] for k in ("nodes", "junk", "cut", "type", "duplicate", "renamed")} == {
        "nodes": 5,
        "junk": 1,
        "cut": 0,
        "type": 2,
        "duplicate": 1,
        "renamed": 0,
    }
    assert (counts["with_problem"], counts["problem_share"]) == (3, 0.6)
    assert [e.name for e in result.missed] == [
        "United States",
        "Helen Achterberg",
        "Leung Chun-ying",
        "Leung Chun-kit",
        "Germany",
    ]


def test_names_compare_without_case_article_or_possessive_but_with_diacritics() -> None:
    assert normalize("the Netherlands") == normalize("NETHERLANDS")
    assert normalize("Erdoğan’s") == normalize("erdoğan")
    assert normalize("Erdogan") != normalize("Erdoğan")


def test_one_name_given_to_two_gold_entities_is_refused() -> None:
    twice = [GoldEntity("Lincoln", frozenset({"Place"})), *GOLD_ENTITIES]
    with pytest.raises(ValueError, match="'Lincoln' to both"):
        audit(TEXT, twice, [])


@pytest.mark.parametrize(
    ("probes", "least"),
    [(PROBES, 20), (FRESH, 8), (UNSEEN, 10), (BLIND, 10), (SEALED, 12)],
    ids=["tuned", "fresh", "unseen", "blind", "sealed"],
)
def test_the_gold_list_covers_every_probe_article_with_names_it_writes(
    probes: Path, least: int
) -> None:
    gold = read_gold(probes / GOLD.name)
    articles = sorted(path.name for path in probes.glob("*.txt"))
    assert sorted(gold) == articles and len(articles) >= least
    for name, entities in gold.items():
        text = Path(probes / name).read_text(encoding="utf-8").casefold()
        unwritten = [e.name for e in entities if not any(n.casefold() in text for n in e.names)]
        assert unwritten == [], name
        audit(text, entities, [])  # no name given to two entities


def test_a_set_nobody_tunes_on_is_recorded_as_counts_without_names() -> None:
    nodes = [Node("n1", "Helen Achterberg", "Place"), Node("n2", "Leung Chun", "Place")]
    audits = {"a.txt": audit(TEXT, GOLD_ENTITIES, nodes)}
    kept, counted = figures(audits), counts_only(audits)
    assert "Leung Chun" in str(kept) and "Karen Lincoln" in str(kept)  # problems and missed
    assert counted["total"] == kept["total"]
    assert "Leung Chun" not in str(counted) and "Karen Lincoln" not in str(counted)
