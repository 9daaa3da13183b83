"""One happening told by articles that name its place at different depths: "an attack in
Iraq" in one, "a missile strike in Mosul" in the other, on one day, is one node, whichever
article is read first; where two known attacks could be it, it joins neither.

Short articles written for these tests (not the seeds), built with the shipped pipeline.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from answers import MODEL, documents, rows

import kg

pytestmark = pytest.mark.slow

MOSUL = (
    "Strike hits Mosul\n\nBAGHDAD, May 4, 2022 – A missile strike in Mosul on May 2, 2022 "
    "killed four soldiers, officials said.\n"
)
IRAQ = (
    "Soldiers killed in Iraq\n\nLONDON, May 5, 2022 – A rocket attack in Iraq on May 2, 2022 "
    "killed four soldiers. The attack was condemned by the government.\n"
)
KIRKUK = (
    "Blast in Kirkuk\n\nBAGHDAD, May 3, 2022 – A bombing in Kirkuk on May 2, 2022 wounded "
    "two guards, police said.\n"
)
# The occurrence each article's mentions name, by the article's graph.
TOLD = """
SELECT DISTINCT ?doc ?occurrence WHERE {
  GRAPH ?doc { ?m kg:mentionOf ?occurrence . ?occurrence a kg:Occurrence }
}
"""


def build_in_order(root: Path, *articles: str) -> dict[str, set[str]]:
    """Build ``articles`` one build each, in order, into one store: each article's title →
    the occurrences it tells of."""
    store = root / "store"
    for n, text in enumerate(articles):
        path = root / f"article-{n}.txt"
        path.write_text(text, encoding="utf-8")
        report = kg.build([path], store=store, model=MODEL)
        assert (report.documents, report.skipped) == (1, [])
    titles = {
        doc: articles[int(name.split("-")[1].split(".")[0])].split("\n")[0]
        for name, doc in documents(store).items()
    }
    told: dict[str, set[str]] = {title: set() for title in titles.values()}
    for row in rows(store, TOLD):
        told[titles[row["doc"]]].add(row["occurrence"])
    assert kg.validate(store=store).conforms
    return told


@pytest.mark.parametrize("order", ["city first", "country first"])
def test_an_attack_in_the_country_and_the_strike_in_its_city_that_day_are_one_node(
    tmp_path: Path, order: str
) -> None:
    articles = (MOSUL, IRAQ) if order == "city first" else (IRAQ, MOSUL)
    told = build_in_order(tmp_path, *articles)
    assert len(told["Strike hits Mosul"]) == 1
    assert told["Soldiers killed in Iraq"] == told["Strike hits Mosul"]


def test_an_attack_in_the_country_joins_neither_of_two_in_its_cities(tmp_path: Path) -> None:
    told = build_in_order(tmp_path, MOSUL, KIRKUK, IRAQ)
    mosul, kirkuk, iraq = (
        told[title] for title in ("Strike hits Mosul", "Blast in Kirkuk", "Soldiers killed in Iraq")
    )
    assert len(mosul | kirkuk) == 2
    assert not iraq & (mosul | kirkuk)


def test_an_attack_on_another_day_stays_apart(tmp_path: Path) -> None:
    later = IRAQ.replace("May 2, 2022", "May 3, 2022")
    told = build_in_order(tmp_path, MOSUL, later)
    assert not told["Soldiers killed in Iraq"] & told["Strike hits Mosul"]


def test_an_undated_article_is_dated_by_its_credit_line(tmp_path: Path) -> None:
    """ "on Monday" in an article whose only date is in its closing credit line is the Monday
    before that date, so its attack is the one another article dates."""
    undated = (
        "Soldiers killed in Iraq\n\nA rocket attack in Iraq on Monday killed four soldiers, "
        "the army said.\n\nThe government condemned the attack.\n\nNo group has claimed "
        "it.\n\nReporting by Jane Roe in Baghdad, May 4, 2022.\n"
    )
    told = build_in_order(tmp_path, MOSUL, undated)
    assert told["Soldiers killed in Iraq"] == told["Strike hits Mosul"]
