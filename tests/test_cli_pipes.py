"""kg in a shell pipeline: outputs that end in one newline, machine-readable reports, queries
from stdin and files, the W3C result formats, and a pipe closed early (a real subprocess)."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from test_cli import Cli

from kg.queries.formats import RESULT_FORMATS
from kg.queries.runner import list_queries
from kg.store.embedded import Store

SELECT_ALL = "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o"
QUERIES = [
    "entities",
    SELECT_ALL,
    "ASK { ?s a kg:Quote }",
    "CONSTRUCT { ?s a kg:Quote ; kg:text ?t } WHERE { ?s a kg:Quote ; kg:text ?t }",
]


@pytest.mark.parametrize("output_format", RESULT_FORMATS)
def test_every_query_format_ends_in_exactly_one_newline(
    output_format: str, seed_store_folder: Path, cli: Cli
) -> None:
    for query in QUERIES:
        result = cli("query", query, "--store", str(seed_store_folder), "--format", output_format)
        assert result.exit_code == 0, result.output
        assert result.stdout.endswith("\n") and not result.stdout.endswith("\n\n"), query


@pytest.mark.parametrize(
    ("output_format", "results_format"),
    [("sparql-json", ox.QueryResultsFormat.JSON), ("sparql-xml", ox.QueryResultsFormat.XML)],
)
def test_the_w3c_result_formats_are_what_oxigraph_writes(
    output_format: str,
    results_format: ox.QueryResultsFormat,
    seed_store_folder: Path,
    cli: Cli,
) -> None:
    for query in (SELECT_ALL, "ASK { ?s a kg:Quote }", "SELECT ?x WHERE { ?x a kg:Nothing }"):
        result = cli("query", query, "--store", str(seed_store_folder), "--format", output_format)
        assert result.exit_code == 0, result.output
        store = ox.Store.read_only(str(seed_store_folder))
        expected = store.query(
            "PREFIX kg: <https://w3id.org/kg/ontology#> " + query,
            use_default_graph_as_union=True,
        ).serialize(format=results_format)
        assert result.stdout_bytes == expected + b"\n", query
        read_back = ox.parse_query_results(result.stdout_bytes, format=results_format)
        if isinstance(read_back, ox.QuerySolutions):
            assert [v.value for v in read_back.variables] == (
                ["s", "p", "o"] if query == SELECT_ALL else ["x"]
            )


def test_jsonl_csv_without_headers_and_whole_cells(seed_store_folder: Path, cli: Cli) -> None:
    asked = ("query", SELECT_ALL, "--store", str(seed_store_folder))
    lines = cli(*asked, "--format", "jsonl").stdout.splitlines()
    whole = json.loads(cli(*asked, "--format", "json").stdout)
    assert [json.loads(line) for line in lines] == whole
    assert json.loads(cli(*asked, "--json").stdout) == whole
    mixed = cli(*asked, "--json", "--format", "csv")
    assert mixed.exit_code == 2 and "not both" in mixed.stderr
    with_headers = cli(*asked, "--format", "csv").stdout
    without = cli(*asked, "--format", "csv", "--no-headers").stdout
    assert with_headers == "s,p,o\n" + without
    assert len(list(csv.reader(io.StringIO(without, newline="")))) == len(whole)
    tsv = cli(*asked, "--format", "tsv", "--no-headers").stdout
    assert tsv.splitlines()[0].split("\t")[0] == whole[0]["s"]
    texts = {
        " ".join(row["o"].split())
        for row in whole
        if isinstance(row["o"], str) and not row["o"].startswith("http")
    }
    assert max(map(len, texts)) > 60
    table = cli(*asked).stdout
    assert all(text in table for text in texts)  # no cell cut
    cut = cli(*asked, "--max-width", "20").stdout
    assert max(len(line) for line in cut.splitlines()) <= 3 * 20 + 2 * 2
    assert "…" in cut


def test_a_query_from_stdin_or_a_file(seed_store_folder: Path, tmp_path: Path, cli: Cli) -> None:
    store = ("--store", str(seed_store_folder))
    inline = cli("query", "ASK { ?s a kg:Quote }", *store, "--format", "json")
    from_stdin = cli("query", "-", *store, "--format", "json", input="ASK { ?s a kg:Quote }\n")
    query_file = tmp_path / "ask.rq"
    query_file.write_text("# Any quotes? Parameters: none.\nASK { ?s a kg:Quote }\n")
    from_file = cli("query", "--query-file", str(query_file), *store, "--format", "json")
    assert inline.stdout == from_stdin.stdout == from_file.stdout == '{"ask": true}\n'
    empty = cli("query", "-", *store, input="\n")
    assert empty.exit_code == 2 and "the query read was empty" in empty.stderr
    both = cli("query", "entities", "--query-file", str(query_file), *store)
    assert both.exit_code == 2 and "not both" in both.stderr


def test_the_query_list_shows_each_parameter_with_its_meaning(cli: Cli) -> None:
    table = cli("query", "--list").stdout
    assert '  --param name=VALUE  (default "Jens Stoltenberg"): the person\'s name' in table
    assert "  --param until=VALUE  (optional): YYYY-MM-DD bounds" in table
    listed = json.loads(cli("query", "--list", "--format", "json").stdout)
    assert json.loads(cli("query", "--list", "--json").stdout) == listed
    assert [item["name"] for item in listed] == [spec.name for spec in list_queries()]
    role = next(item for item in listed if item["name"] == "role-of")
    assert role["description"].startswith("Q2: What role does a person hold")
    assert role["parameters"] == [
        {
            "name": "name",
            "required": False,
            "default": "Jens Stoltenberg",
            "meaning": "the person's name, alias or surname",
        }
    ]


def test_stats_validate_and_remove_speak_json(
    seed_documents: list, tmp_path: Path, cli: Cli
) -> None:
    path = tmp_path / "store"
    with Store(path) as store:
        store.write_documents(seed_documents)
    counted = json.loads(cli("stats", "--store", str(path), "--json").stdout)
    assert counted["documents"] == 2 and counted["entity_types"]
    assert json.loads(cli("stats", "--store", str(path), "--format", "json").stdout) == counted
    checked = json.loads(cli("validate", "--store", str(path), "--json").stdout)
    assert checked["documents"] == 2 and "conforms" in checked
    doc = str(seed_documents[0].iri)
    removed = cli("remove", doc, "--store", str(path), "--json")
    assert removed.exit_code == 0, removed.output
    assert json.loads(removed.stdout) == {"removed": [doc]}
    assert json.loads(cli("stats", "--store", str(path), "--json").stdout)["documents"] == 1


def test_build_reports_json_with_the_skipped_sources(tmp_path: Path, cli: Cli) -> None:
    (tmp_path / "empty.txt").write_text("")
    result = cli("build", str(tmp_path / "empty.txt"), "--store", str(tmp_path / "s"), "--json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert report["documents"] == 0
    assert [s["source"] for s in report["skipped"]] == [str(tmp_path / "empty.txt")]


def _kg(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


@pytest.mark.parametrize(
    "args",
    [
        ["query", "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }", "--format", "tsv"],
        ["query", "SELECT ?a ?b WHERE { ?a ?p ?x . ?b ?q ?y }"],
        ["export", "--format", "nt"],
    ],
)
def test_a_pipe_closed_early_ends_kg_quietly_as_sigpipe_would(
    args: list[str], seed_store_folder: Path
) -> None:
    # `kg ... | head -n 1`: the reader has what it wanted and closes the pipe.
    running = subprocess.Popen(
        _kg(*args, "--store", str(seed_store_folder)),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    assert running.stdout is not None and running.stderr is not None
    first = running.stdout.readline()
    running.stdout.close()
    stderr = running.stderr.read()
    running.wait(timeout=120)
    running.stderr.close()
    assert first and stderr == b""
    assert running.returncode == 141  # 128 + SIGPIPE, as a shell reports it


def test_shell_completion_as_the_readme_sets_it_up() -> None:
    import os

    kg = [str(Path(sys.executable).parent / "kg")]  # the installed command, as a shell runs it

    def complete(words: str) -> list[str]:
        env = {
            **os.environ,
            "_KG_COMPLETE": "bash_complete",
            "COMP_WORDS": words,
            "COMP_CWORD": str(len(words.split()) - 1),
        }
        done = subprocess.run(kg, env=env, capture_output=True, text=True, timeout=60)
        return done.stdout.split()

    assert complete("kg qu") == ["plain,query"]
    assert complete("kg query --format sparql-") == ["plain,sparql-json", "plain,sparql-xml"]
    script = subprocess.run(
        kg, env={**os.environ, "_KG_COMPLETE": "bash_source"}, capture_output=True, text=True
    )
    assert "_kg_completion()" in script.stdout
