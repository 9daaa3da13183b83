"""kg's command line: every command's help, its output and its one-line errors, run in this
process through click's runner (the ``cli`` fixture, in conftest).

Tests that build with a real pipeline are marked slow; the built examples come from conftest.
"""

from __future__ import annotations

import contextlib
import csv
import datetime as dt
import hashlib
import io
import os
import random
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import networkx as nx
import pytest
import spacy
from answers import EXAMPLES, MODEL, rows
from careless import ENDLESS_QUERY, FORMULA_CELLS, FORMULA_QUERY, child_processes, store_files
from click.testing import Result
from gephi_lint import lint
from rdflib import Graph
from rdflib.compare import isomorphic
from spacy.language import Language
from spacy.tokens import Doc

import kg
from kg import resources
from kg.cli import main
from kg.delimited import FORMULA_STARTS
from kg.exporters import FORMATS
from kg.mapping import map_extraction
from kg.nlp import pipeline
from kg.queries.formats import RESULT_FORMATS
from kg.queries.render import render
from kg.queries.runner import list_queries, run_query
from kg.store.embedded import Store

Cli = Callable[..., Result]
MISSION = "nato-iraq-mission.txt"
SKIPPED_ONE = "Error: 1 source skipped (reasons above); the other articles were built\n"
MODEL_OPTION = ["--model", MODEL] if MODEL else []


@pytest.fixture()
def build_cli(cli: Cli) -> Cli:
    """Runs ``kg build SOURCES... --store STORE`` with the tests' pipeline."""

    def build(store: Path, *sources: Path) -> Result:
        return cli("build", *map(str, sources), "--store", str(store), *MODEL_OPTION)

    return build


def test_every_cli_command_has_help_with_an_example(cli: Cli) -> None:
    commands = [[name] for name in main.commands if name != "model"]
    commands += [["model", "path"], ["model", "info"]]
    for command in commands:
        result = cli(*command, "--help")
        assert result.exit_code == 0, command
        assert "Example:" in result.output, command


# -- kg build --------------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_skips_a_binary_file(tmp_path: Path, build_cli: Cli) -> None:
    path = tmp_path / "photo.txt"
    path.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    result = build_cli(tmp_path / "store", path)
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped: {path}: not a text file (binary content); pass .txt, .md, .html or .jsonl\n"
        + SKIPPED_ONE
    )


@pytest.mark.slow
def test_cli_skips_an_empty_file(tmp_path: Path, build_cli: Cli) -> None:
    path = tmp_path / "empty.txt"
    path.write_text("")
    result = build_cli(tmp_path / "store", path)
    assert result.exit_code == 1
    assert result.stderr == f"skipped: {path}: empty file\n" + SKIPPED_ONE


@pytest.mark.slow
def test_cli_reads_a_latin_1_file_with_a_note(tmp_path: Path, build_cli: Cli) -> None:
    path = tmp_path / "cafe.txt"
    path.write_bytes("The café owner in Erbil said the strike hurt business.\n".encode("latin-1"))
    result = build_cli(tmp_path / "store", path)
    assert result.exit_code == 0, result.output
    assert result.stderr == (
        f"note: {path}: not UTF-8; read as Windows-1252 (re-save it as UTF-8 if characters "
        "look wrong)\n"
    )
    assert result.stdout.startswith("1 document, ")
    texts = rows(tmp_path / "store", "SELECT ?text WHERE { ?s a kg:Sentence ; kg:text ?text }")
    assert any("café" in r["text"] for r in texts)


@pytest.mark.slow
def test_cli_builds_the_good_lines_of_a_jsonl_file_with_a_bad_one(
    tmp_path: Path, build_cli: Cli
) -> None:
    path = tmp_path / "feed.jsonl"
    path.write_text(
        '{"text": "NATO ministers met in Brussels on Thursday."}\n'
        "not json\n"
        '{"text": "Iraq asked NATO for more trainers."}\n',
        encoding="utf-8",
    )
    result = build_cli(tmp_path / "store", path)
    assert result.exit_code == 1
    assert result.stderr == f"skipped: {path}: line 2: not JSON\n" + SKIPPED_ONE
    assert result.stdout.startswith("2 documents, ")
    assert len(rows(tmp_path / "store", "documents")) == 2


@pytest.mark.slow
def test_cli_skips_a_missing_path(tmp_path: Path, build_cli: Cli) -> None:
    path = tmp_path / "nowhere.txt"
    result = build_cli(tmp_path / "store", path)
    assert result.exit_code == 1
    assert result.stderr == f"skipped: {path}: no such file or directory\n" + SKIPPED_ONE


@pytest.mark.slow
def test_cli_builds_a_9_mb_article_whole_in_the_middle_of_a_batch(
    tmp_path: Path, build_cli: Cli
) -> None:
    # Nine times the characters spaCy takes in one text. Its bulk is a listing of long
    # checksums, few tokens for its size, so parsing takes seconds: the length is what counts.
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text((EXAMPLES / "erbil-attack.txt").read_text(encoding="utf-8"))
    (news / "c.txt").write_text((EXAMPLES / MISSION).read_text(encoding="utf-8"))
    listing = " ".join(hashlib.sha512(str(i).encode()).hexdigest() * 8 for i in range(8_800))
    last = "Jens Stoltenberg said the mission in Iraq would grow."
    text = f"NATO published its Iraq mission files.\n\n{listing}.\n\n{last}\n"
    (news / "b.txt").write_text(text, encoding="utf-8")
    assert 9 * pipeline.load(MODEL).max_length < len(text) < 10_000_000  # kg reads up to 10 MB
    result = build_cli(tmp_path / "store", news)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    assert result.stdout.startswith("3 documents, ")
    store = tmp_path / "store"
    assert len(rows(store, "documents")) == 3
    found = rows(store, "SELECT ?text ?start WHERE { ?m kg:text ?text ; kg:start ?start }")
    assert any(r["text"] == "Jens Stoltenberg" and int(r["start"]) > 9_000_000 for r in found)


@Language.component("kg_test_refuses_vetoed")
def refuse_vetoed(doc: Doc) -> Doc:
    """Fails on a text that says "vetoed", as a faulty component would."""
    if "vetoed" in doc.text:
        raise ValueError("this text is vetoed")
    return doc


@pytest.mark.slow
@pytest.mark.parametrize(
    ("where", "processes"),
    [("first", "1"), ("last", "1"), ("first", "0")],
    ids=["in-the-parser-process", "in-kgs-rules", "in-one-process"],
)
def test_cli_names_an_article_the_pipeline_fails_on_and_builds_the_others(
    tmp_path: Path, cli: Cli, where: str, processes: str
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    (news / "a.txt").write_text("NATO ministers met in Brussels on Thursday.\n")
    (news / "b.txt").write_text("The plan was vetoed in Baghdad.\n")
    (news / "c.txt").write_text("Iraq asked NATO for more trainers.\n")
    nlp = pipeline.load(MODEL)
    nlp.add_pipe("kg_test_refuses_vetoed", **{where: True})
    try:
        store = tmp_path / "store"
        result = cli("build", str(news), "--store", str(store), "--processes", processes)
    finally:
        nlp.remove_pipe("kg_test_refuses_vetoed")
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped: {news / 'b.txt'}: the pipeline failed on it (ValueError: this text is "
        "vetoed)\n" + SKIPPED_ONE
    )
    assert result.stdout.startswith("2 documents, ")
    assert sorted(r["source"] for r in rows(store, "documents")) == [
        str(news / "a.txt"),
        str(news / "c.txt"),
    ]


@pytest.mark.slow
def test_cli_refuses_random_bytes_in_one_line_and_builds_the_rest(
    tmp_path: Path, build_cli: Cli
) -> None:
    junk = tmp_path / "junk.txt"
    junk.write_bytes(bytes(random.Random(1).randrange(0x80, 0x100) for _ in range(20_000)))
    result = build_cli(tmp_path / "store", junk, EXAMPLES / MISSION)
    assert result.exit_code == 1
    assert result.stderr == (
        f"skipped: {junk}: not UTF-8, and too little of it is ASCII to read it as Windows-1252 "
        "(binary content, or another encoding); re-save it as UTF-8\n" + SKIPPED_ONE
    )
    assert result.stdout.startswith("1 document, ")


@pytest.mark.slow
def test_cli_says_how_many_nul_characters_it_removed(tmp_path: Path, build_cli: Cli) -> None:
    path = tmp_path / "damaged.txt"
    text = (EXAMPLES / MISSION).read_bytes()
    path.write_bytes(text[:600] + b"\x00\x00" + text[600:])
    result = build_cli(tmp_path / "store", path)
    assert (result.exit_code, result.stdout[:12]) == (0, "1 document, ")
    assert result.stderr == (
        f"note: {path}: 2 NUL characters removed (no text holds them); check that the file is "
        "not damaged\n"
    )


@pytest.mark.slow
def test_cli_keeps_a_copied_article_once_with_both_sources(
    tmp_path: Path, cli: Cli, build_cli: Cli
) -> None:
    news = tmp_path / "news"
    news.mkdir()
    text = (EXAMPLES / MISSION).read_text(encoding="utf-8")
    (news / "a.txt").write_text(text, encoding="utf-8")
    (news / "b.txt").write_bytes(text.encode("utf-16"))  # the same text, saved again
    store = tmp_path / "store"
    result = build_cli(store, news)
    a, b = news / "a.txt", news / "b.txt"
    assert (result.exit_code, result.stdout[:12]) == (0, "1 document, ")
    assert result.stdout.rstrip().endswith("(1 copy)")
    assert result.stderr == (
        f"note: {b}: has the same text as {a}; kept once, both sources recorded\n"
    )
    [document] = rows(store, "documents")
    assert document["source"] in (f"{a}; {b}", f"{b}; {a}")
    assert cli("validate", "--store", str(store)).exit_code == 0  # two sources conform
    assert build_cli(store, news).stdout.rstrip().endswith("(2 unchanged)")  # quiet
    assert build_cli(store, news).stderr == ""
    # a.txt gets a new text: b.txt keeps the old one, a.txt has the new one
    (news / "a.txt").write_text("NATO ministers met in Brussels on Thursday.\n")
    result = build_cli(store, news)
    assert result.exit_code == 0 and result.stderr == ""
    found = {r["source"]: r["hash"] for r in rows(store, "documents")}
    assert sorted(found) == [str(a), str(b)] and found[str(b)] == document["hash"]


@pytest.mark.slow
def test_cli_builds_an_article_from_stdin(tmp_path: Path, cli: Cli) -> None:
    text = "NATO Secretary General Jens Stoltenberg visited Baghdad on Monday.\n"
    result = cli("build", "-", "--store", str(tmp_path / "s"), *MODEL_OPTION, input=text)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("1 document, ")
    names = {str(row["name"]) for row in kg.query("entities", store=tmp_path / "s").dicts()}
    assert {"Jens Stoltenberg", "Baghdad", "NATO"} <= names


# -- kg query --------------------------------------------------------------------------------


def test_the_cli_lists_the_named_queries_with_what_they_answer(cli: Cli) -> None:
    result = cli("query", "--list")
    assert result.exit_code == 0
    lines = [line for line in result.stdout.splitlines() if not line.startswith(" ")]
    assert [line.split()[0] for line in lines] == [spec.name for spec in list_queries()]
    assert any(line.startswith("who-announced") and "Q1" in line for line in lines)
    missing = cli("query")
    assert missing.exit_code == 2 and "give a QUERY" in missing.stderr


@pytest.mark.slow
def test_cli_rejects_invalid_sparql_in_one_line(examples_store_path: Path, cli: Cli) -> None:
    result = cli("query", "SELECT ?x WHERE { ?x", "--store", str(examples_store_path))
    assert result.exit_code == 1
    assert result.stderr.startswith("Error: invalid SPARQL: ")
    assert result.stderr.endswith("; fix the query text\n")
    assert result.stderr.count("\n") == 1


@pytest.mark.slow
@pytest.mark.parametrize(
    ("value", "problem"),
    [("<not an iri>", "invalid IRI code point ' '"), ("<jens>", "no scheme found")],
)
def test_cli_refuses_a_parameter_that_is_no_iri_in_one_line(
    examples_store_path: Path, cli: Cli, value: str, problem: str
) -> None:
    query = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    result = cli("query", query, "--param", f"e={value}", "--store", str(examples_store_path))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: parameter ?e: {value} is not an IRI ({problem}")
    assert result.stderr.endswith(
        "; write a full one such as <https://w3id.org/kg/entity/person/jens-stoltenberg>, "
        "or leave out the angle brackets to pass text\n"
    )
    assert result.stderr.count("\n") == 1 and result.stdout == ""


@pytest.mark.slow
def test_cli_names_the_known_queries_for_an_unknown_one(
    examples_store_path: Path, cli: Cli
) -> None:
    result = cli("query", "who-said-what", "--store", str(examples_store_path))
    assert result.exit_code == 1
    known = ", ".join(resources.query_names())
    assert result.stderr == (
        f"Error: no query named 'who-said-what'; the named queries are: {known}\n"
    )


def test_cli_query_neutralizes_formula_cells_in_csv_and_tsv_unless_raw(
    seed_store_folder: Path, cli: Cli
) -> None:
    asked = ("query", FORMULA_QUERY, "--store", str(seed_store_folder))
    result = cli(*asked, "--format", "csv")
    assert result.exit_code == 0, result.output
    assert list(csv.reader(io.StringIO(result.stdout, newline="")))[1] == list(
        FORMULA_CELLS.values()
    )
    tsv = cli(*asked, "--format", "tsv").stdout.split("\n")[1].split("\t")
    assert [c for c in tsv if c.startswith(FORMULA_STARTS)] == ["-5", "+3.5", "-1.5e3"]
    raw = cli(*asked, "--format", "csv", "--raw-cells")
    assert list(csv.reader(io.StringIO(raw.stdout, newline="")))[1] == list(FORMULA_CELLS)


@pytest.mark.parametrize("output_format", RESULT_FORMATS)
def test_cli_query_streams_every_format_as_the_whole_answer_reads(
    output_format: str, seed_store_folder: Path, cli: Cli
) -> None:
    queries = [
        "entities",
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
        "ASK { ?s a kg:Quote }",
        "CONSTRUCT { ?s a kg:Quote ; kg:text ?t } WHERE { ?s a kg:Quote ; kg:text ?t }",
    ]
    for query in queries:
        with Store(seed_store_folder, read_only=True) as opened:
            whole = render(run_query(opened, query), format=output_format)
        result = cli("query", query, "--store", str(seed_store_folder), "--format", output_format)
        assert result.exit_code == 0, result.output
        assert result.stdout == whole, query


def test_cli_query_prints_a_page_of_a_listing(seed_store_folder: Path, cli: Cli) -> None:
    store = str(seed_store_folder)
    whole = cli("query", "entities", "--store", store, "--format", "csv", "--no-headers")
    lines = whole.stdout.splitlines()
    assert len(lines) > 4
    paged = cli(
        "query", "entities", "--store", store, "--format", "csv", "--no-headers",
        "--limit", "2", "--offset", "2",
    )  # fmt: skip
    assert paged.exit_code == 0, paged.output
    assert paged.stdout.splitlines() == lines[2:4]
    own = "SELECT ?s WHERE { ?s a kg:Quote } LIMIT 1"
    refused = cli("query", own, "--store", store, "--limit", "5")
    assert refused.exit_code == 1
    assert refused.stderr == (
        "Error: the query has its own LIMIT or OFFSET; give no --limit or --offset\n"
    )


def test_cli_query_past_its_timeout_stops_with_one_line(seed_store_folder: Path, cli: Cli) -> None:
    before = store_files(seed_store_folder)
    result = cli("query", ENDLESS_QUERY, "--store", str(seed_store_folder), "--timeout", "1")
    assert result.exit_code == 1
    assert result.stderr == (
        "Error: the query ran past 1 s and was stopped; narrow it (a LIMIT, more specific "
        "patterns) or allow more time with --timeout (0: no limit)\n"
    )
    assert store_files(seed_store_folder) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the processes in /proc")
def test_ctrl_c_stops_a_running_query_at_once(seed_store_folder: Path) -> None:
    before = store_files(seed_store_folder)
    kg_query = [sys.executable, "-m", "kg.cli", "query", ENDLESS_QUERY, "--timeout", "0"]
    running = subprocess.Popen(
        [*kg_query, "--store", str(seed_store_folder)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as at a terminal, also where the tests run in the background (a shell
        # starts a background job with SIGINT ignored, and kg would inherit that)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while not child_processes(running.pid) and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = child_processes(running.pid)
        time.sleep(1.0)  # the query process is evaluating now, in native code
        running.send_signal(signal.SIGINT)
        stdout, stderr = running.communicate(timeout=60)
    finally:
        if running.poll() is None:  # kg did not stop: leave no query evaluating behind
            for pid in workers:
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
            running.kill()
            running.communicate()
    assert workers and running.returncode == 130
    assert stderr == (
        "stopped: the query was interrupted (Ctrl-C); the store is unchanged; a LIMIT or "
        "--timeout SECONDS bounds a query that runs long\n"
    )
    assert stdout == ""
    assert not [pid for pid in workers if Path(f"/proc/{pid}").exists()]
    assert store_files(seed_store_folder) == before


# -- kg export and kg viz --------------------------------------------------------------------


@pytest.mark.slow
def test_cli_names_the_formats_for_an_unknown_export_format(
    examples_store_path: Path, cli: Cli
) -> None:
    result = cli("export", "--format", "docx", "--store", str(examples_store_path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: unknown export format 'docx'; use one of {', '.join(FORMATS)}\n"
    )


@pytest.mark.slow
def test_cli_export_takes_the_format_from_the_file_suffix_or_a_short_name(
    examples_store_path: Path, tmp_path: Path, cli: Cli
) -> None:
    built = str(examples_store_path)
    by_suffix, by_name = tmp_path / "graph.ttl", tmp_path / "graph.out"
    assert cli("export", "-o", str(by_suffix), "--store", built).exit_code == 0
    assert cli("export", "--format", "TTL", "-o", str(by_name), "--store", built).exit_code == 0
    assert isomorphic(
        Graph().parse(by_suffix, format="turtle"), Graph().parse(by_name, format="turtle")
    )
    assert cli("export", "-o", str(tmp_path / "g.gexf"), "--store", built).exit_code == 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_nodes() > 0
    unknown = cli("export", "-o", str(tmp_path / "graph.docx"), "--store", built)
    assert unknown.exit_code == 1
    assert unknown.stderr.startswith("Error: no export format: give --format")
    assert not (tmp_path / "graph.docx").exists()


def test_cli_export_into_a_pipe_that_closes_early_says_nothing(examples_store_path: Path) -> None:
    # "kg export | head -n 1": head has what it wanted; no error line, no traceback.
    kg_export = f"{sys.executable} -m kg.cli export --format nt --store {examples_store_path}"
    done = subprocess.run(
        ["sh", "-c", f"{kg_export} | head -n 1"], capture_output=True, text=True, timeout=120
    )
    assert done.stderr == ""
    assert len(done.stdout.splitlines()) == 1


def test_cli_stats_counts_the_referents(examples_store_path: Path, cli: Cli) -> None:
    result = cli("stats", "--store", str(examples_store_path))
    line = next(x for x in result.output.splitlines() if x.startswith("referents"))
    assert result.exit_code == 0 and int(line.split()[1].replace(",", "")) > 0


def test_cli_export_options_and_the_csv_folder(seed_store: Store, tmp_path: Path, cli: Cli) -> None:
    store = tmp_path / "store"
    with Store(store) as disk:
        disk.oxigraph.extend(list(seed_store.oxigraph))
    result = cli("export", "--format", "gexf", "--store", str(store), "--types", "person")
    assert result.exit_code == 0 and lint(result.stdout_bytes) == []
    assert (
        b"Jens Stoltenberg" in result.stdout_bytes and b'"Organization"' not in result.stdout_bytes
    )
    result = cli("export", "--format", "csv", "--store", str(store))
    assert result.exit_code == 1
    assert result.output.strip() == (
        "Error: csv is two files (nodes.csv, edges.csv): give a folder with -o DIR"
    )
    out = tmp_path / "tables"
    result = cli("export", "--format", "csv", "--store", str(store), "-o", str(out))
    assert result.exit_code == 0 and {p.name for p in out.iterdir()} == {"nodes.csv", "edges.csv"}


def test_cli_export_csv_neutralizes_formula_cells_unless_raw(tmp_path: Path, cli: Cli) -> None:
    from seed_extractions import ExtractionBuilder, arg

    formula = '=HYPERLINK("http://example.com/x","click")'
    b = ExtractionBuilder(
        "f0f0f0f0f0f0f0f0", title="=1+1", published=dt.date(2021, 2, 17), source="+evil.txt"
    )
    b.entity("formula", formula, "Person", "PERSON", "-Minus Alias")
    b.entity("acme", "@Acme", "Organization", "ORG")
    s0 = b.sentence(f"{formula} met @Acme on Monday.")
    b.event(
        s0,
        "meet",
        "met",
        arg("agent", formula, entity="formula"),
        arg("theme", "@Acme", entity="acme"),
    )
    store = tmp_path / "store"
    with Store(store) as disk:
        disk.write_documents([map_extraction(b.build())])

    def tables(*options: str) -> dict[str, list[list[str]]]:
        out = tmp_path / "-".join(("tables", *options))
        result = cli("export", "--format", "csv", "--store", str(store), "-o", str(out), *options)
        assert result.exit_code == 0, result.output
        return {
            name: list(
                csv.reader(io.StringIO((out / name).read_text(encoding="utf-8"), newline=""))
            )
            for name in ("nodes.csv", "edges.csv")
        }

    safe = tables()
    labels = {row[1] for row in safe["nodes.csv"][1:]}
    assert labels == {"'" + formula, "'@Acme"}
    aliases = safe["nodes.csv"][0].index("aliases")
    assert "'-Minus Alias" in {row[aliases] for row in safe["nodes.csv"][1:]}
    assert safe["edges.csv"][1][8] == "'+evil.txt"
    for rows_of_table in safe.values():
        cells = [cell for row in rows_of_table for cell in row]
        assert [c for c in cells if c.startswith(FORMULA_STARTS)] == []
    raw = tables("--raw-cells")
    assert {row[1] for row in raw["nodes.csv"][1:]} == {formula, "@Acme"}
    assert raw["edges.csv"][1][8] == "+evil.txt"


def test_cli_projection_cooccurrence_joins_entities_that_share_a_sentence(
    seed_store: Store, tmp_path: Path, cli: Cli
) -> None:
    store = tmp_path / "store"
    with Store(store) as disk:
        disk.oxigraph.extend(list(seed_store.oxigraph))
    result = cli(
        "export", "--format", "gexf", "--store", str(store), "--projection", "cooccurrence"
    )
    assert result.exit_code == 0 and lint(result.stdout_bytes) == []
    assert b'defaultedgetype="undirected"' in result.stdout_bytes
    relations = cli("export", "--format", "gexf", "--store", str(store))
    assert b'defaultedgetype="directed"' in relations.stdout_bytes
    assert result.stdout_bytes.count(b"<edge ") > relations.stdout_bytes.count(b"<edge ")
    page = tmp_path / "graph.html"
    result = cli("viz", "-o", str(page), "--store", str(store), "--projection", "cooccurrence")
    assert result.exit_code == 0 and '"directed": false' in page.read_text(encoding="utf-8")
    cases = {
        ("--projection", "sentences"): "Error: Invalid value for '--projection': 'sentences' is "
        "not one of 'relations', 'cooccurrence'.",
        ("--projection", "cooccurrence", "--events"): "Error: the cooccurrence projection joins "
        "entities by sentence, so --events has nothing to choose: drop it, or use --projection "
        "relations",
    }
    for args, message in cases.items():
        result = cli("export", "--format", "gexf", "--store", str(store), *args)
        assert result.exit_code != 0 and result.stdout == "", args
        assert result.stderr.strip().splitlines()[-1] == message, args


def test_cli_min_degree_drops_nodes_without_edges(
    seed_store: Store, tmp_path: Path, cli: Cli
) -> None:
    store = tmp_path / "store"
    with Store(store) as disk:
        disk.oxigraph.extend(list(seed_store.oxigraph))
    export = ("export", "--format", "graphml", "--store", str(store))
    everything = nx.read_graphml(io.BytesIO(cli(*export).stdout_bytes), force_multigraph=True)
    result = cli(*export, "--min-degree", "1")
    assert result.exit_code == 0 and lint(result.stdout_bytes) == []
    linked = nx.read_graphml(io.BytesIO(result.stdout_bytes), force_multigraph=True)
    assert 0 < len(linked) < len(everything)
    assert all(degree > 0 for _, degree in linked.degree())
    assert linked.number_of_edges() == everything.number_of_edges()
    page = tmp_path / "graph.html"
    result = cli("viz", "-o", str(page), "--store", str(store), "--min-degree", "1")
    assert result.exit_code == 0 and result.stderr == f"{len(linked)} nodes in {page}\n"
    for command in (export, ("viz", "-o", str(page), "--store", str(store))):
        result = cli(*command, "--min-degree", "-1")
        assert result.exit_code == 2 and result.stdout == ""
        assert result.stderr.strip().splitlines()[-1] == (
            "Error: Invalid value for '--min-degree': -1 is not in the range x>=0."
        )


def test_outputs_that_cannot_be_written_get_one_line(
    seed_store: Store, tmp_path: Path, cli: Cli
) -> None:
    store = tmp_path / "store"
    with Store(store) as disk:
        disk.oxigraph.extend(list(seed_store.oxigraph))
    a_file = tmp_path / "a-file"
    a_file.write_text("", encoding="utf-8")
    missing = tmp_path / "no" / "such" / "folder"
    cases = {
        ("export", "--format", "csv", "-o", str(a_file)): "it is a file; pass -o DIR",
        ("export", "--format", "gexf", "-o", str(missing / "g.gexf")): "pass -o a writable file",
        ("viz", "-o", str(missing / "g.html")): "pass -o a writable file",
        ("export", "--format", "gexf", "--max-nodes", "0"): "'--max-nodes': 0 is not in the range",
    }
    for args, message in cases.items():
        result = cli(*args, "--store", str(store))
        assert result.exit_code != 0, args
        last = result.output.strip().splitlines()[-1]
        assert last.startswith("Error: ") and message in last, args
        assert "Traceback" not in result.output


# -- kg validate -----------------------------------------------------------------------------


@pytest.mark.slow
def test_cli_validate_reports_a_conforming_graph(examples_store_path: Path, cli: Cli) -> None:
    result = cli("validate", "--store", str(examples_store_path))
    assert result.exit_code == 0
    assert result.stdout == "2 documents checked: conforms\n"


# -- kg openie -------------------------------------------------------------------------------


def test_kg_openie_reads_lines_and_writes_tab_separated_extractions(tmp_path, cli: Cli):
    text = "NATO expanded its mission in Iraq .\n\nThe attack was claimed by a militia .\n"
    result = cli("openie", "-", input=text)
    assert result.exit_code == 0, result.output
    rows = [line.split("\t") for line in result.output.splitlines()]
    assert {row[0] for row in rows} == {
        "NATO expanded its mission in Iraq .",
        "The attack was claimed by a militia .",
    }
    assert all(0 < float(row[1]) <= 1 for row in rows)
    by_predicate = {row[2]: row[3:] for row in rows}
    assert by_predicate["expanded"][0] == "NATO"
    assert by_predicate["was claimed by"] == ["The attack", "a militia"]

    out = tmp_path / "out.tsv"
    (tmp_path / "in.txt").write_text(text, encoding="utf-8")
    result = cli("openie", str(tmp_path / "in.txt"), "-o", str(out))
    assert result.exit_code == 0 and out.read_text(encoding="utf-8").splitlines() == [
        "\t".join(row) for row in rows
    ]


def test_kg_openie_refuses_a_binary_file_in_one_line(tmp_path, cli: Cli):
    binary = tmp_path / "model.bin"
    binary.write_bytes(b"\x00\x01\x02" * 100)
    result = cli("openie", str(binary))
    assert result.exit_code == 1
    assert result.output.strip().splitlines() == [
        f"Error: {binary}: not a text file (binary content); pass one sentence per line"
    ]


def test_kg_openie_refuses_a_line_too_long_for_one_sentence_in_one_line(cli: Cli):
    text = "NATO expanded its mission .\n" + "word " * 250_000 + "\n"
    result = cli("openie", "-", input=text)
    assert result.exit_code == 1
    assert result.output.strip().splitlines()[-1] == (
        "Error: line 2 is 1,249,999 characters, too long for one sentence (at most "
        "1,000,000): give one sentence a line"
    )


# -- kg model --------------------------------------------------------------------------------


@pytest.mark.slow  # loads the shipped pipeline again, in a new process
def test_plain_spacy_load_of_the_printed_path_works_in_a_new_process(cli: Cli) -> None:
    path = cli("model", "path").output.strip()
    script = "import spacy, sys; print([e.label_ for e in spacy.load(sys.argv[1])('Iraq').ents])"
    result = subprocess.run(
        [sys.executable, "-c", script, path], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "['GPE']"


def test_model_info_shows_components_labels_and_training_data(cli: Cli) -> None:
    result = cli("model", "info")
    assert result.exit_code == 0, result.output
    assert (
        "components: tok2vec, tagger, morphologizer, trainable_lemmatizer, parser, ner"
        in result.output
    )
    for label in ("PERSON", "GPE", "NORP", "DATE", "CARDINAL", "MONEY"):
        assert label in result.output
    assert "UD English EWT (CC BY-SA 4.0)" in result.output


def test_a_pipeline_that_is_not_installed_gets_a_one_line_error(cli: Cli) -> None:
    result = cli("model", "info", "--model", "en_core_web_nothere")
    assert result.exit_code == 1
    assert result.output == (
        "Error: spaCy pipeline 'en_core_web_nothere' is not installed; install its package "
        "(e.g. `pip install en_core_web_nothere` from a wheel or index that has it) "
        "or pass a pipeline folder with --model DIR\n"
    )


def test_a_folder_that_is_not_a_pipeline_is_refused(tmp_path: Path, cli: Cli) -> None:
    result = cli("model", "path", "--model", str(tmp_path))
    assert result.exit_code == 1
    assert "is not a spaCy pipeline folder" in result.output
    missing = cli("model", "path", "--model", str(tmp_path / "nope"))
    assert missing.exit_code == 1 and "does not exist" in missing.output


def test_any_pipeline_folder_can_replace_the_shipped_one(tmp_path: Path, cli: Cli) -> None:
    blank = spacy.blank("en")
    blank.add_pipe("sentencizer")
    blank.to_disk(tmp_path / "mine")
    result = cli("model", "info", "--model", str(tmp_path / "mine"))
    assert result.exit_code == 0 and "components: sentencizer" in result.output
    assert pipeline.load(tmp_path / "mine").pipe_names == ["sentencizer"]
