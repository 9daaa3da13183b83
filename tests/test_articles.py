"""Listings name an article as a reader knows it: its title and date, its source where it has
no title; never a path the user did not give."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

import kg
from kg.records import Document

TITLED = (
    "Ministers back the port deal\n\n"
    "LISBON, March 3, 2022 – Maria Costa, the transport minister, said the port deal would "
    "bring 2,000 jobs to Sines. Costa met Ahmed Saleh in Lisbon on Tuesday.\n"
)
# No headline paragraph and no date: the article is its file.
UNTITLED = (
    "Pedro Alves said the council would vote on the harbour plan, and the mayor of Porto, "
    "Rui Moreira, said the city supported it. Moreira met Alves in Porto on Friday.\n"
)


def rows(store: Path, query: str, **params: str) -> list[dict[str, str]]:
    found = kg.query(query, store=str(store), params=params)
    return [{k: str(v) for k, v in row.items() if v is not None} for row in found.dicts()]


@pytest.fixture
def built(tmp_path: Path) -> Path:
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "port.txt").write_text(TITLED, encoding="utf-8")
    (tmp_path / "news" / "harbour.txt").write_text(UNTITLED, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(tmp_path)  # the sources as a user gives them: relative paths
    try:
        kg.build(["news"], store="store")
    finally:
        os.chdir(cwd)
    return tmp_path / "store"


def test_a_citation_is_the_title_and_date_or_else_the_source() -> None:
    assert Document("a", "t", title="Port deal", source="x.txt").citation == "Port deal"
    dated = Document("a", "t", title=" ", published=None, source="news/x.txt")
    assert dated.citation == "news/x.txt"
    assert Document("a", "t").citation == "a"


def test_listings_name_each_article_by_title_and_date(built: Path) -> None:
    said = rows(built, "quotes")
    articles = {r["article"] for r in said}
    assert "Ministers back the port deal, 2022-03-03" in articles, said
    assert "news/harbour.txt" in articles, said
    # the same name in every listing that credits an article
    spoke = rows(built, "spoke-with", name="Costa")
    assert spoke and {r["article"] for r in spoke} == {"Ministers back the port deal, 2022-03-03"}
    events = rows(built, "events", name="Moreira")
    assert events and {r["article"] for r in events} == {"news/harbour.txt"}


def test_no_machine_path_is_recorded_for_relative_sources(built: Path) -> None:
    out = built.parent / "all.nq"
    kg.export(out, format="nquads", store=str(built))
    text = out.read_text(encoding="utf-8")
    assert str(built.parent) not in text
    assert '"news/harbour.txt"' in text


def test_an_untitled_article_whose_cited_file_changes_is_cited_by_its_other_copy(
    built: Path,
) -> None:
    (built.parent / "copy.txt").write_text(UNTITLED, encoding="utf-8")
    cwd = os.getcwd()
    os.chdir(built.parent)
    try:
        kg.build(["copy.txt"], store="store")
        # news/harbour.txt gets a new text: the first one is left with its copy alone
        Path("news/harbour.txt").write_text("Rui Moreira resigned on Monday.\n", encoding="utf-8")
        kg.build(["news/harbour.txt"], store="store")
    finally:
        os.chdir(cwd)
    events = rows(built, "events", name="Moreira")
    assert {r["article"] for r in events} == {"copy.txt", "news/harbour.txt"}, events
    met = [r for r in events if r["did"] == "meet"]
    assert met and {r["article"] for r in met} == {"copy.txt"}
    assert kg.validate(store=str(built)).conforms


def test_every_named_query_that_credits_a_document_names_its_article(
    examples_store_path: Path,
) -> None:
    from kg.queries.runner import list_queries

    crediting = set()
    for spec in list_queries():
        params = {p.name: "Stoltenberg" for p in spec.parameters or () if p.required}
        for row in rows(examples_store_path, spec.name or "", **params):
            for column, value in row.items():
                if not value.startswith("https://w3id.org/kg/document/"):
                    continue
                crediting.add(spec.name)
                if spec.name == "documents":  # the listing of documents: title, date, source
                    assert row.get("title") and row.get("date") and row.get("source"), row
                    continue
                article = column.replace("document", "article")
                assert row.get(article), (spec.name, column, row)
                if column.endswith("s"):  # one title and date for each document listed
                    assert len(row[article].split(" | ")) == len(value.split()), row
    assert len(crediting) >= 15, crediting
