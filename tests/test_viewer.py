"""The offline viewer: a self-contained page, safe with any article text, tried in a real
headless browser (Debian's chromium) where one is installed."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from seed_extractions import ExtractionBuilder, arg

import kg
from kg.exporters.network import NetworkOptions
from kg.mapping import map_extraction
from kg.store.embedded import Store
from kg.store.oxterms import quad_to_ox
from kg.viewer import write_viewer

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
HOSTILE = '</script><script>alert("x")</script><!-- & <b>'


def page_for(quads: object, options: NetworkOptions | None = None) -> str:
    with Store() as store:
        store.oxigraph.extend([quad_to_ox(q) for q in quads])  # type: ignore[attr-defined]
        out = io.StringIO()
        write_viewer(store, out, options=options)
        return out.getvalue()


def embedded_data(page: str) -> dict:  # type: ignore[type-arg]
    found = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', page, re.S)
    assert found is not None
    return json.loads(found.group(1))


def test_the_page_needs_no_network_and_no_text_can_become_markup() -> None:
    b = ExtractionBuilder("d1")
    n = b.sentence(f"{HOSTILE} met Kadhimi.")
    b.entity("a", HOSTILE, "Person", "PERSON")
    b.entity("b", "Kadhimi", "Person", "PERSON")
    b.event(
        n, "meet", "met", arg("agent", HOSTILE, entity="a"), arg("theme", "Kadhimi", entity="b")
    )
    page = page_for(map_extraction(b.build()).quads)
    # exactly the page's own two scripts, and nothing fetched from anywhere
    assert page.count("<script") == 2 and "</script><script>alert" not in page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", page)
    data = embedded_data(page)
    labels = {n["label"] for n in data["nodes"]}
    assert labels == {HOSTILE, "Kadhimi"}  # the text itself survives, as data
    hostile = next(n for n in data["nodes"] if n["label"] == HOSTILE)
    assert hostile["sentences"] and HOSTILE in hostile["sentences"][0][0]
    assert [e["label"] for e in data["edges"]] == ["meet"]
    # the script writes text with textContent only
    script = (Path(kg.__file__).parent / "viewer" / "viewer.js").read_text(encoding="utf-8")
    assert "innerHTML" not in script and "eval(" not in script


def test_the_page_credits_sentences_to_titles_and_draws_cooccurrence_undirected() -> None:
    b = ExtractionBuilder(
        "d2", title="Talks in Paris", published=dt.date(2024, 3, 1), source="news/talks.txt"
    )
    b.entity("a", "Alice Moreau", "Person", "PERSON")
    b.entity("b", "Bruno Keller", "Person", "PERSON")
    b.entity("c", "Clara Ortiz", "Person", "PERSON")
    n = b.sentence("Alice Moreau met Bruno Keller.")
    b.sentence("Bruno Keller and Alice Moreau spoke again.")
    b.sentence("Clara Ortiz stayed home.")
    b.event(n, "meet", "met", arg("agent", "Alice", entity="a"), arg("theme", "Bruno", entity="b"))
    quads = map_extraction(b.build()).quads
    relations = embedded_data(page_for(quads))
    assert relations["directed"] is True
    alice = next(n for n in relations["nodes"] if n["label"] == "Alice Moreau")
    assert alice["sentences"] == [
        ["Alice Moreau met Bruno Keller.", "Talks in Paris, 2024-03-01", "news/talks.txt"]
    ]
    options = NetworkOptions(projection="cooccurrence", min_degree=1)
    shared = embedded_data(page_for(quads, options))
    assert shared["directed"] is False
    assert [(e["label"], e["weight"]) for e in shared["edges"]] == [("same sentence", 2)]
    assert {n["label"] for n in shared["nodes"]} == {"Alice Moreau", "Bruno Keller"}
    # with co-occurrence, every sentence that names the entity
    alice = next(n for n in shared["nodes"] if n["label"] == "Alice Moreau")
    assert [text for text, _, _ in alice["sentences"]] == [
        "Alice Moreau met Bruno Keller.",
        "Bruno Keller and Alice Moreau spoke again.",
    ]


def test_a_node_named_in_many_articles_shows_the_sentences_of_the_latest() -> None:
    quads = []
    for day in sorted(range(1, 31), key=lambda d: d * 7 % 31):  # not in the order of dates
        b = ExtractionBuilder(f"{day:016x}", title=f"Patrol {day}", published=dt.date(2024, 3, day))
        b.entity("a", "Iraqi Army", "Organization", "ORG")
        b.entity("b", "Baghdad", "Place", "GPE")
        n = b.sentence(f"The Iraqi Army patrolled Baghdad for the {day}th day.")
        b.event(n, "patrol", "patrolled", arg("agent", "Iraqi Army", entity="a"))
        quads += map_extraction(b.build()).quads
    army = next(n for n in embedded_data(page_for(quads))["nodes"] if n["label"] == "Iraqi Army")
    assert sorted(credit for _, credit, _ in army["sentences"]) == sorted(
        f"Patrol {day}, 2024-03-{day:02d}" for day in range(6, 31)
    )


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="no chromium: apt-get install chromium")
def test_the_viewer_in_a_headless_browser(examples_store_path: Path, tmp_path: Path) -> None:
    page = tmp_path / "graph.html"
    shown = kg.viz(page, store=examples_store_path)
    assert shown > 0
    # search for Stoltenberg, then click him where he is drawn
    url = page.resolve().as_uri() + "#click=Stoltenberg"
    common = [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--window-size=1280,800"]
    common += ["--virtual-time-budget=3000", "--enable-logging=stderr", "--v=0"]
    dom = subprocess.run(
        [*common, "--dump-dom", url], capture_output=True, text=True, timeout=120, check=True
    )
    # the script ran to its end, with no error on the console
    assert f'data-ready="{shown}"' in dom.stdout
    assert "Uncaught" not in dom.stderr, dom.stderr[-2000:]
    # the search found Stoltenberg; the click opened his panel: his sentences, their articles
    assert re.search(r'<span id="status">[1-9]\d* found</span>', dom.stdout)
    assert re.search(r'<h2 id="panel-title">[^<]*Stoltenberg</h2>', dom.stdout)
    sentences = re.search(r'<ul id="panel-sentences">(.*?)</ul>', dom.stdout, re.S)
    assert sentences is not None and "Stoltenberg" in sentences.group(1)
    assert "nato-iraq-mission.txt" in sentences.group(1)
    # each sentence credited to its article as a reader knows it: title and date, the file
    # only on hover
    credits = re.findall(r'<span class="source" title="([^"]*)">([^<]*)</span>', sentences.group(1))
    assert credits and all(where.endswith(".txt") for where, _ in credits)
    assert "NATO to enlarge its training mission in Iraq, 2021-02-18" in {c for _, c in credits}
    # names drawn without hovering: the page lists them inside the canvas, the most connected
    # first (the search's match and the clicked node lead)
    labels = re.search(r'<ul id="graph-labels"[^>]*>(.*?)</ul>', dom.stdout, re.S)
    assert labels is not None
    drawn = re.findall(r"<li>([^<]*)</li>", labels.group(1))
    assert drawn[0] == "Jens Stoltenberg" and {"NATO", "Iraq"} <= set(drawn)
    assert len(drawn) == len(set(drawn)) >= min(shown, 15)
    shot = Path(os.environ.get("KG_SCREENSHOTS", tmp_path)) / "viewer.png"
    shot.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [*common, f"--screenshot={shot}", url], capture_output=True, timeout=120, check=True
    )
    assert shot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and shot.stat().st_size > 10_000
