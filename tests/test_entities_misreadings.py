"""Entity misreadings found on ordinary news (issue 15): short articles written for these
tests, built with the tests' pipeline, and the entity nodes a reader of the graph sees.

Each article shows one misreading and, beside it, a text where the rule must not fire: a
rank of the nobility before a name (and a given name that is also one); a place whose name
has a particle in lower case; a law by its short name beside its full name; a club of its
league; a person's name the NER ran on over a comma into a place; two known bodies joined by "and".
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from built_nodes import built_nodes, by_label

from benchmarks.entity_audit import Node

pytestmark = pytest.mark.slow

ARTICLES = {
    "vineyard.txt": "Vineyard changes hands\n\n"
    "Countess Ilona Szechenyi-Varga sold the family vineyard near Tokaj on Monday. Her "
    "cousin, Count Ferenc Albrecht von Hollstein-Rau, bought it, and Earl Whitcombe, a local "
    "builder, will restore the cellar. Hollstein-Rau said the wine would improve.\n",
    "ferry.txt": "Ferry service resumes\n\n"
    "The ferry from Dar es Salaam reached Zanzibar on Monday, and flights to Port-au-Prince "
    "resumed.\n",
    "charter.txt": "Court rules on press law\n\n"
    "The Constitution of Norland was adopted in 1951. On Monday the court said the "
    "Constitution protects reporters.\n",
    "treaty.txt": "Two charters\n\n"
    "The Constitution of Sylvania and the Constitution of Ostmark differ, and each says the "
    "Constitution may be amended.\n",
    "trade.txt": "Pitcher traded\n\n"
    "The Portland Sea Dogs of Minor League Baseball traded their best pitcher on Friday, and "
    "the Appeals Committee of Minor League Baseball approved the deal.\n",
    "portrait.txt": "Museum buys portrait\n\n"
    "A portrait of General Antonio Lopez de Santa Anna, Mexico's president, will hang in the city "
    "museum from May.\n",
    "observers.txt": "Observers watch the vote\n\n"
    "Observers from the European Union and NATO watched the vote in Tirana on Sunday, and "
    "the Health and Safety Executive sent two inspectors.\n",
}


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Node]]:
    """Each node of the articles' store by its label (labels are unique in these texts)."""
    with built_nodes(tmp_path_factory.mktemp("misreadings"), ARTICLES) as (_, nodes):
        yield by_label(nodes)


def test_a_rank_of_the_nobility_is_no_part_of_the_name(built) -> None:
    count = built["Ferenc Albrecht von Hollstein-Rau"]
    assert count.type == built["Ilona Szechenyi-Varga"].type == "Person"
    assert "Hollstein-Rau" in [m.text for m in count.mentions]
    assert not [label for label in built if label.startswith("Count")]
    assert built["Earl Whitcombe"].type == "Person"  # a given name, not the rank


def test_a_place_whose_name_has_a_particle_in_lower_case_is_known(built) -> None:
    assert built["Dar es Salaam"].type == built["Port-au-Prince"].type == "Place"
    assert "Salaam" not in built


def test_a_laws_short_name_is_the_one_law_of_the_article_named_in_full(built) -> None:
    law = built["Constitution of Norland"]
    assert [m.text for m in law.mentions] == ["Constitution of Norland", "Constitution"]
    # beside two constitutions named in full, "the Constitution" is neither
    assert [m.text for m in built["Constitution"].mentions] == ["Constitution"]


def test_a_club_of_its_league_is_two_organizations(built) -> None:
    assert built["Portland Sea Dogs"].type == "Organization"  # one place with the league
    assert built["Minor League Baseball"].type == "Organization"
    assert not [label for label in built if label.startswith("Portland Sea Dogs of")]
    assert built["Appeals Committee of Minor League Baseball"].type == "Organization"


def test_a_place_a_persons_name_ran_onto_over_a_comma_is_the_place(built) -> None:
    assert built["Antonio Lopez de Santa Anna"].type == "Person"  # "..., Mexico" on main
    assert built["Mexico"].type == "Place"


def test_two_known_bodies_joined_by_and_are_two_nodes(built) -> None:
    assert built["European Union"].type == built["NATO"].type == "Organization"
    assert not [label for label in built if label.startswith("European Union and")]
    assert built["Health and Safety Executive"].type == "Organization"
