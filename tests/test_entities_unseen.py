"""Entities on news kg has not seen, as a user meets them: whole names, one node each."""

from __future__ import annotations

from pathlib import Path

import kg

HONG_KONG = (
    "Former leader backs new council\n\n"
    "HONG KONG, June 3, 2023 – Former leader Leung Chun-ying said on Friday that the new "
    "council would serve the city well. Klaus-Dieter Hoffmann, a German banker, said "
    "investors were calm, and Jean-Baptiste Morel of the French chamber agreed. Hoffmann "
    "added that the Angela Merkel-era rules still held.\n"
)


def test_hyphenated_names_are_whole_nodes(tmp_path: Path) -> None:
    (tmp_path / "hk.txt").write_text(HONG_KONG, encoding="utf-8")
    kg.build([str(tmp_path / "hk.txt")], store=str(tmp_path / "store"))
    people = {
        str(row["name"])
        for row in kg.query(
            "entities", store=str(tmp_path / "store"), params={"type": "Person"}
        ).dicts()
    }
    assert {"Leung Chun-ying", "Klaus-Dieter Hoffmann", "Jean-Baptiste Morel"} <= people, people
    # no node for a part of a name, and "Hoffmann" is the banker, not a second person
    assert not people & {"Leung Chun", "Klaus", "Dieter Hoffmann", "Jean", "Hoffmann"}, people
    assert "Angela Merkel" in people


MATCH = (
    "Brazil stun Germany in friendly\n\n"
    "LIMA, June 3, 2023 – Brazil beat Germany 2-1 in Lima on Saturday. Spain drew with Italy "
    "0-0, and Portugal lost to France 1-3.\n"
)


def test_national_teams_in_a_match_are_organizations_and_the_venue_a_place(
    tmp_path: Path,
) -> None:
    (tmp_path / "match.txt").write_text(MATCH, encoding="utf-8")
    kg.build([str(tmp_path / "match.txt")], store=str(tmp_path / "store"))
    types = {
        str(row["name"]): str(row["class"]).rpartition("#")[2]
        for row in kg.query("entities", store=str(tmp_path / "store")).dicts()
    }
    teams = {"Brazil", "Germany", "Spain", "Italy", "Portugal", "France"}
    assert {types.get(team) for team in teams} == {"Organization"}, types
    assert types["Lima"] == "Place", types
