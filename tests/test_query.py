"""Named queries, parameters, rendering, and the competency questions on the seed facts."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from pathlib import Path

import pytest
from careless import ENDLESS_QUERY, FORMULA_CELLS, FORMULA_QUERY, child_processes, store_files
from hypothesis import given
from hypothesis import strategies as st
from rdflib import BNode, Literal, URIRef

import kg
from kg import resources
from kg.delimited import safe_cell
from kg.errors import FormatError, QueryError, QueryTimeout, StoreError
from kg.queries.render import TABLE_SAMPLE, compact, json_value, render
from kg.queries.runner import list_queries, load_query, parse_header, run_query
from kg.store.embedded import Store
from kg.store.results import QueryResult, QueryRows
from kg.store.sparqltext import inject_values, where_position

BASE = "https://w3id.org/kg/"
DOC_A = BASE + "document/a0a0a0a0a0a0a0a0"
DOC_B = BASE + "document/b1b1b1b1b1b1b1b1"
COMPETENCY = [
    "who-announced", "role-of", "mission-growth", "attack-place", "casualties",
    "claimed-responsibility", "spokespeople", "us-troops", "spoke-with", "quotes-by",
    "shared-entities", "sources-of", "meeting-participants", "when-announced",
]  # fmt: skip


def rows(result: QueryResult) -> list[dict[str, str]]:
    return [{k: str(v) for k, v in row.items()} for row in result.dicts()]


# -- loading and parameters -------------------------------------------------------------------


def test_every_competency_question_has_a_named_query() -> None:
    names = resources.query_names()
    assert set(COMPETENCY) | {"entities", "relations", "conflicts", "documents"} <= set(names)
    for n, name in enumerate(COMPETENCY, start=1):
        assert load_query(name).description.startswith(f"Q{n}: "), name


def test_every_named_query_says_what_it_answers_and_runs_on_an_empty_store() -> None:
    with Store() as empty:
        for spec in list_queries():
            first = spec.text.splitlines()[0]
            assert first.startswith("# ") and "Parameters:" in first, spec.name
            assert spec.parameters is not None and spec.description
            params = {p.name: "x" for p in spec.parameters if p.required}
            assert run_query(empty, spec, params=params).kind == "select"


def test_load_by_name_path_or_text(tmp_path: Path) -> None:
    assert load_query("role-of").name == "role-of"
    path = tmp_path / "mine.rq"
    path.write_text("# Mine. Parameters: ?x (optional).\nSELECT ?x WHERE { ?x ?p ?o }\n")
    spec = load_query(str(path))
    assert spec.name == str(path) and spec.description == "Mine."
    inline = load_query("SELECT * WHERE { ?s ?p ?o }")
    assert inline.name is None and inline.parameters is None


def test_an_unknown_name_lists_the_named_queries() -> None:
    with pytest.raises(QueryError) as err:
        load_query("who-anounced")
    message = str(err.value)
    assert message.startswith("no query named 'who-anounced'; the named queries are: ")
    assert "who-announced" in message and "\n" not in message
    with pytest.raises(QueryError, match="no query file missing.rq; check the path"):
        load_query("missing.rq")


def test_header_parameters() -> None:
    spec = parse_header(
        '# Q: Who? Parameters: ?name (default "Jens \\"J\\" Stoltenberg"), ?when (optional), '
        "?place, the place.\nSELECT ?name ?when ?place WHERE { }",
        name="q",
    )
    assert [(p.name, p.default, p.required) for p in spec.parameters or ()] == [
        ("name", 'Jens "J" Stoltenberg', False),
        ("when", None, False),
        ("place", None, True),
    ]
    assert parse_header("# Nothing. Parameters: none.\nASK {}", name="n").parameters == ()


def test_missing_and_unknown_parameters(seed_store: Store) -> None:
    with pytest.raises(QueryError) as err:
        run_query(seed_store, "sources-of")
    assert str(err.value) == (
        "sources-of needs a value for ?name; give one with kg query sources-of --param name=VALUE"
    )
    with pytest.raises(QueryError) as err:
        run_query(seed_store, "role-of", params={"nmae": "x"})
    assert str(err.value) == "role-of has no parameter ?nmae; it takes: ?name"
    with pytest.raises(QueryError, match="has no parameter \\?x; it takes: none"):
        run_query(seed_store, "spokespeople", params={"x": "1"})


def test_inline_queries_take_any_variable_they_name(seed_store: Store) -> None:
    query = "SELECT ?name ?e WHERE { ?e rdfs:label ?name }"
    result = run_query(seed_store, query, params={"name": "Ned Price"})
    assert result.column("e") == [URIRef(BASE + "entity/person/ned-price")]
    iri = f"<{BASE}entity/person/ned-price>"
    result = run_query(
        seed_store, "SELECT ?e ?name WHERE { ?e rdfs:label ?name }", params={"e": iri}
    )
    assert result.column("name") == [Literal("Ned Price")]


def test_a_parameter_in_angle_brackets_must_be_an_iri(seed_store: Store) -> None:
    query = "SELECT ?e ?name WHERE { ?e rdfs:label ?name }"
    for value in ("<not an iri>", "<ned-price>", "<https://example.org/a b>"):
        with pytest.raises(QueryError, match=rf"^parameter \?e: {value} is not an IRI \("):
            run_query(seed_store, query, params={"e": value})


def test_parameter_values_never_become_query_text(seed_store: Store) -> None:
    evil = 'x")) } } ; DROP ALL ; #'
    assert run_query(seed_store, "role-of", params={"name": evil}).rows == ()
    assert seed_store.stats().documents == 2


def test_invalid_sparql(seed_store: Store) -> None:
    with pytest.raises(QueryError, match="^invalid SPARQL: "):
        run_query(seed_store, "SELECT ?x WHERE { ?x ?p }")


# -- VALUES injection (for remote endpoints) ---------------------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        'PREFIX a: <http://a/x?q=1#f>\n# a { comment\nSELECT ?n ("{" AS ?b) WHERE { ?s ?p ?n }',
        "SELECT ?n { ?s ?p ?n }",
        "ASK { ?s ?p ?n }",
        "CONSTRUCT { ?s ?p ?n . ?s a '}' } WHERE { ?s ?p ?n }",
        "select ?n (count(*) as ?c) where { ?s ?p ?n } group by ?n",
    ],
)
def test_values_open_the_where_group(query: str) -> None:
    bound = inject_values(query, {"n": Literal('a "quoted" \n value')})
    at = where_position(query)
    assert bound[:at] == query[:at]
    assert bound[at:].startswith(' VALUES (?n) { ("a \\"quoted\\" \\n value") } ')
    with Store() as store:  # still valid SPARQL
        store.query(bound)


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("CONSTRUCT WHERE { ?s ?p ?o }", "short form cannot take parameters"),
        ("DESCRIBE <http://x>", "no WHERE"),
        ('SELECT ("open AS ?x) WHERE { }', "unterminated string"),
    ],
)
def test_values_need_a_where_group(query: str, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        inject_values(query, {"o": Literal(1)})


# -- rendering ------------------------------------------------------------------------------


def test_render_formats() -> None:
    result = QueryResult(
        kind="select",
        variables=("who", "n", "note"),
        rows=(
            (URIRef(BASE + "entity/person/x"), Literal(3), Literal("a,b\tc\nd")),
            (
                URIRef("https://w3id.org/kg/ontology#Person"),
                None,
                Literal("2021-02-18", datatype=URIRef("http://www.w3.org/2001/XMLSchema#date")),
            ),
        ),
    )
    table = render(result)
    lines = table.splitlines()
    assert lines[0].split() == ["who", "n", "note"]
    assert set(lines[1]) <= {"-", " "}
    assert "kg:Person" in table and "a,b c d" in table
    assert list(csv.reader(io.StringIO(render(result, format="csv")))) == [
        ["who", "n", "note"],
        [BASE + "entity/person/x", "3", "a,b\tc\nd"],
        ["https://w3id.org/kg/ontology#Person", "", "2021-02-18"],
    ]
    assert render(result, format="tsv").splitlines()[1].split("\t") == [
        BASE + "entity/person/x", "3", "a,b c d",
    ]  # fmt: skip
    assert json.loads(render(result, format="json")) == [
        {"who": BASE + "entity/person/x", "n": 3, "note": "a,b\tc\nd"},
        {"who": "https://w3id.org/kg/ontology#Person", "note": "2021-02-18"},
    ]
    with pytest.raises(FormatError, match="unknown output format 'xml'; use one of table, csv"):
        render(result, format="xml")


def test_render_ask_and_construct(seed_store: Store) -> None:
    ask = seed_store.query("ASK { ?s a kg:Quote }")
    assert render(ask) == "true\n"
    assert json.loads(render(ask, format="json")) == {"ask": True}
    assert render(ask, format="csv") == "ask\ntrue\n"
    construct = seed_store.query("CONSTRUCT { ?s a kg:Quote } WHERE { ?s a kg:Quote }")
    assert construct.kind == "construct" and len(construct) == 6
    assert render(construct, format="tsv").splitlines()[0] == "subject\tpredicate\tobject"


# -- spreadsheet-safe cells -------------------------------------------------------------------


@pytest.mark.parametrize(("cell", "written"), FORMULA_CELLS.items())
def test_a_cell_a_spreadsheet_would_run_gets_an_apostrophe(cell: str, written: str) -> None:
    assert safe_cell(cell) == written


@given(st.text())
def test_a_safe_cell_is_the_text_or_the_text_after_an_apostrophe(text: str) -> None:
    cell = safe_cell(text)
    assert cell in (text, "'" + text)
    if cell.startswith(("=", "+", "-", "@", "\t", "\r")):
        assert float(cell) == float(text)  # only a number keeps its sign first


def _formula_answer() -> QueryResult:
    variables = tuple(f"v{i}" for i in range(len(FORMULA_CELLS)))
    return QueryResult("select", variables, (tuple(Literal(c) for c in FORMULA_CELLS),))


def test_csv_and_tsv_answers_neutralize_formula_cells_unless_raw() -> None:
    answer = _formula_answer()
    safe = list(FORMULA_CELLS.values())
    assert list(csv.reader(io.StringIO(render(answer, format="csv"), newline="")))[1] == safe
    tsv_safe = [
        safe_cell(" ".join(c.split()) if "\t" in c or "\r" in c else c) for c in FORMULA_CELLS
    ]
    assert render(answer, format="tsv").split("\n")[1].split("\t") == tsv_safe
    assert tsv_safe[4:6] == ["'=1+1", "'=1+1"]  # a tab or return first: gone, then made safe
    raw = render(answer, format="csv", raw_cells=True)
    assert list(csv.reader(io.StringIO(raw, newline="")))[1] == list(FORMULA_CELLS)
    # JSON and the table are no spreadsheet's input: values as they are.
    assert list(json.loads(render(answer, format="json"))[0].values()) == list(FORMULA_CELLS)
    assert "'=" not in render(answer)


def test_construct_rows_as_csv_are_neutralized_too() -> None:
    who = URIRef(BASE + "entity/person/x")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    answer = QueryResult(
        "construct", ("subject", "predicate", "object"), ((who, label, Literal("=1+1")),)
    )
    assert render(answer, format="csv").splitlines()[1] == f"{who},{label},'=1+1"


# -- streaming: every format as the rows come --------------------------------------------------

_terms = st.one_of(
    st.none(),
    st.builds(
        lambda s: URIRef(BASE + "entity/person/" + s),
        st.from_regex(r"[a-z-]{1,12}", fullmatch=True),
    ),
    st.builds(Literal, st.text(max_size=80)),
    st.builds(Literal, st.integers()),
    st.builds(lambda s: Literal(s, lang="en"), st.text(max_size=20)),
)


def _table_as_before(result: QueryResult, max_width: int = 60) -> str:
    """The table as kg wrote it before it streamed: widths from every row."""

    def cut(text: str) -> str:
        text = " ".join(text.split())
        return text if len(text) <= max_width else text[: max_width - 1] + "…"

    cells = [[cut(compact(term)) for term in row] for row in result.rows]
    header = list(result.variables)
    widths = [max([len(h), *(len(row[i]) for row in cells)]) for i, h in enumerate(header)]
    lines = [
        "  ".join(h.ljust(w) for h, w in zip(header, widths, strict=True)).rstrip(),
        "  ".join("-" * w for w in widths),
    ]
    lines += [
        "  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip() for row in cells
    ]
    return "\n".join(lines) + "\n"


@given(st.lists(st.tuples(_terms, _terms, _terms), max_size=TABLE_SAMPLE))
def test_streamed_answers_read_as_the_whole_answer_did(rows: list[tuple]) -> None:
    result = QueryResult("select", ("a", "b", "c"), tuple(rows))

    def streamed(format: str) -> str:
        answer = QueryRows("select", ("a", "b", "c"), iter(rows))
        return render(answer, format=format, max_width=60 if format == "table" else None)

    assert streamed("table") == _table_as_before(result)
    objects = [{v: json_value(t) for v, t in row.items()} for row in result.dicts()]
    assert streamed("json") == json.dumps(objects, ensure_ascii=False, indent=2) + "\n"
    read_back = list(csv.reader(io.StringIO(streamed("csv"), newline="")))
    assert read_back[0] == ["a", "b", "c"] and len(read_back) == len(rows) + 1
    for row, cells in zip(rows, read_back[1:], strict=True):
        assert cells == [safe_cell("" if t is None else str(t)) for t in row]
    assert streamed("tsv").count("\n") == len(rows) + 1


def test_the_table_takes_its_widths_from_the_first_rows() -> None:
    names = [Literal(f"n{i}") for i in range(TABLE_SAMPLE)] + [Literal("a much longer name")]
    table = render(QueryRows("select", ("name",), iter([(n,) for n in names])), max_width=60)
    lines = table.splitlines()
    assert len(lines) == TABLE_SAMPLE + 3 and lines[1] == "----"
    assert lines[-1] == "a m…"  # cut to its column, not widening it
    whole = render(QueryRows("select", ("name",), iter([(n,) for n in names])))
    assert whole.splitlines()[-1] == "a much longer name"  # no width asked: never cut


def test_a_construct_answer_streams_as_turtle_that_parses_back() -> None:
    from rdflib import Graph

    who = [URIRef(BASE + f"entity/person/p{i}") for i in range(3)]
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    kind = URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    person = URIRef("https://w3id.org/kg/ontology#Person")
    triples = [
        (who[0], label, Literal('Ned "the" Price\nsecond line')),
        (who[0], kind, person),
        (who[1], label, Literal("12", datatype=URIRef("http://www.w3.org/2001/XMLSchema#integer"))),
        (BNode("b0"), label, Literal("Preis", lang="de")),
        (who[0], label, Literal("again")),
    ]
    text = render(QueryRows("construct", ("subject", "predicate", "object"), iter(triples)))
    assert " a kg:Person" in text and "rdfs:label" in text
    assert len(Graph().parse(data=text, format="turtle")) == len(triples)


# -- a store folder: answered in a process of its own -----------------------------------------


@pytest.mark.parametrize(
    "query",
    [
        "SELECT ?e ?name ?alias WHERE { ?e rdfs:label ?name OPTIONAL { ?e skos:altLabel ?alias } }"
        " ORDER BY ?e ?name ?alias",
        "SELECT ?s ?p ?o WHERE { ?s ?p ?o } ORDER BY ?s ?p ?o",
        "ASK { ?s a kg:Quote }",
        "ASK { ?s a kg:Nothing }",
        "CONSTRUCT { ?s a kg:Quote ; kg:text ?t } WHERE { ?s a kg:Quote ; kg:text ?t }",
        "who-announced",
        "documents",
    ],
)
def test_a_store_folder_answers_as_the_open_store_does(query: str, seed_store_folder: Path) -> None:
    with Store(seed_store_folder, read_only=True) as opened:
        expected = run_query(opened, query)
    found = kg.query(query, store=seed_store_folder)
    assert (found.kind, found.variables, found.boolean) == (
        expected.kind,
        expected.variables,
        expected.boolean,
    )
    if found.kind == "construct":
        assert set(found.rows) == set(expected.rows)
    else:
        assert found.rows == expected.rows


def test_a_store_folder_binds_parameters_and_says_what_is_wrong(
    seed_store_folder: Path, tmp_path: Path
) -> None:
    params = {"name": "Stoltenberg"}
    found = kg.query("role-of", store=seed_store_folder, params=params)
    with Store(seed_store_folder, read_only=True) as opened:
        assert found.rows == run_query(opened, "role-of", params=params).rows and found.rows
        with pytest.raises(QueryError) as in_process:
            run_query(opened, "SELECT ?x WHERE { ?x ?p }")
    with pytest.raises(QueryError) as in_folder:
        kg.query("SELECT ?x WHERE { ?x ?p }", store=seed_store_folder)
    assert str(in_folder.value) == str(in_process.value)
    with pytest.raises(StoreError, match="^there is no store at .*; build one first"):
        kg.query("entities", store=tmp_path / "none")


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the processes in /proc")
def test_a_query_past_its_time_is_stopped_and_leaves_the_store_as_it_was(
    seed_store_folder: Path,
) -> None:
    before = store_files(seed_store_folder)
    running = set(child_processes(os.getpid()))
    with pytest.raises(QueryTimeout, match=r"^the query ran past 1 s and was stopped; narrow it"):
        kg.query(ENDLESS_QUERY, store=seed_store_folder, timeout=1)
    assert set(child_processes(os.getpid())) == running  # the query process is gone
    assert store_files(seed_store_folder) == before


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads the processes in /proc")
def test_leaving_an_answer_early_ends_its_query(seed_store_folder: Path) -> None:
    running = set(child_processes(os.getpid()))
    endless_rows = "SELECT ?a ?b ?c WHERE { ?a ?p ?x . ?b ?q ?y . ?c ?r ?z }"
    with kg.query_rows(endless_rows, store=seed_store_folder) as answer:
        first = [next(answer.rows) for _ in range(3)]
        assert set(child_processes(os.getpid())) > running
    assert len(first) == 3 and set(child_processes(os.getpid())) == running


def test_formula_cells_come_through_a_store_folder_safe(seed_store_folder: Path) -> None:
    answer = kg.query(FORMULA_QUERY, store=seed_store_folder)
    assert [str(t) for t in answer.rows[0]] == list(FORMULA_CELLS)
    written = render(answer, format="csv")
    assert list(csv.reader(io.StringIO(written, newline="")))[1] == list(FORMULA_CELLS.values())


# -- the competency questions on the seed facts ----------------------------------------------


def test_q1_who_announced(seed_store: Store) -> None:
    top = rows(run_query(seed_store, "who-announced"))[0]
    assert top["name"] == "Jens Stoltenberg"
    assert set(top["documents"].split()) == {DOC_A, DOC_B}


def test_q2_role_of(seed_store: Store) -> None:
    for name in ("Jens Stoltenberg", "stoltenberg"):
        (row,) = rows(run_query(seed_store, "role-of", params={"name": name}))
        assert (row["role"], row["organization"]) == ("Secretary General", "NATO")
        assert row["statements"] == "2"


def test_q3_mission_growth(seed_store: Store) -> None:
    found = rows(run_query(seed_store, "mission-growth"))
    assert {(r["from"], r["to"]) for r in found} == {("500", "4000")}
    assert {r["document"] for r in found} == {DOC_A, DOC_B}
    assert any(r["approximate"] == "true" for r in found)


def test_q4_attack_place(seed_store: Store) -> None:
    found = rows(run_query(seed_store, "attack-place"))
    places = [r["placeName"] for r in found if r["via"] == "event place"]
    assert "Irbil" in places
    assert any("military base" in p and "Iraq" in p for p in places)
    assert found[0]["via"] == "event place"


def test_q5_casualties_keeps_both_claims(seed_store: Store) -> None:
    found = rows(run_query(seed_store, "casualties"))
    killed = {(r["document"], r["victims"]) for r in found if r["predicate"] == "kill"}
    assert killed == {(DOC_A, "a civilian contractor"), (DOC_B, "a civilian contractor")}
    wounded = {(r["document"], r["count"]) for r in found if r["predicate"] in ("wound", "injure")}
    assert wounded == {(DOC_A, "8"), (DOC_B, "9")}


def test_q5_conflicts_list_the_disagreement(seed_store: Store) -> None:
    (row,) = rows(run_query(seed_store, "conflicts"))
    assert (row["predicate"], row["value1"], row["value2"]) == ("wound", "8", "9")
    assert (row["document1"], row["document2"]) == (DOC_A, DOC_B)


def test_q6_claimed_responsibility(seed_store: Store) -> None:
    (row,) = rows(run_query(seed_store, "claimed-responsibility"))
    assert (row["name"], row["type"], row["claimedFor"]) == (
        "Awliya Al Dam",
        "Organization",
        "the attack",
    )
    assert "front for a militia" in row["described"]


def test_q7_spokespeople(seed_store: Store) -> None:
    found = {
        (r["name"], r["role"], r["organization"])
        for r in rows(run_query(seed_store, "spokespeople"))
    }
    assert found == {
        ("Ned Price", "spokesman", "State Department"),
        ("Jen Psaki", "press secretary", "White House"),
        ("Wayne Marotto", "spokesman", "the coalition fighting ISIS"),
    }


def test_q8_us_troops(seed_store: Store) -> None:
    for country in ("United States", "U.S.", "us"):
        (row,) = rows(run_query(seed_store, "us-troops", params={"country": country}))
        assert (row["troops"], row["document"]) == ("2500", DOC_B)


def test_q9_spoke_with(seed_store: Store) -> None:
    (row,) = rows(run_query(seed_store, "spoke-with"))
    assert row["partnerName"] == "Al-Kadhimi"


def test_q10_quotes_by(seed_store: Store) -> None:
    found = rows(run_query(seed_store, "quotes-by"))
    assert len(found) == 4
    assert {r["document"] for r in found} == {DOC_A, DOC_B}
    assert any("Baghdad" in r["text"] for r in found)
    assert rows(run_query(seed_store, "quotes-by", params={"name": "Price"}))[0]["text"].startswith(
        "Every group"
    )


def test_q11_shared_entities(seed_store: Store) -> None:
    names = {r["name"] for r in rows(run_query(seed_store, "shared-entities"))}
    assert {"NATO", "Jens Stoltenberg", "Iraq", "Baghdad", "ISIS", "United States"} <= names


def test_q12_sources_of_every_fact(seed_store: Store) -> None:
    found = rows(run_query(seed_store, "sources-of", params={"name": "Awliya Al Dam"}))
    assert {r["factPredicate"] for r in found} == {"claim responsibility for", "be"}
    for r in found:
        assert r["document"] == DOC_B and r["source"] == "news/nato-widens.txt"
        assert r["index"] == "6" and "Awliya Al Dam" in r["text"]
    only = rows(
        run_query(seed_store, "sources-of", params={"name": "Awliya Al Dam", "predicate": "be"})
    )
    assert [r["factPredicate"] for r in only] == ["be"]
    # Every event, quote and role in the store links to a sentence with text in a document.
    orphans = seed_store.query(
        "SELECT ?f WHERE { ?f a ?c VALUES ?c { kg:Event kg:Quote kg:Role } "
        "FILTER NOT EXISTS { ?f prov:wasDerivedFrom/kg:text ?t . "
        "?f prov:wasDerivedFrom/dcterms:isPartOf/a kg:Document } }"
    )
    assert orphans.rows == ()


def test_q13_meeting_participants(seed_store: Store) -> None:
    (row,) = rows(run_query(seed_store, "meeting-participants"))
    assert (row["personName"], row["titles"]) == ("Lloyd J. Austin III", "Secretary of Defense")


def test_q14_when_announced(seed_store: Store) -> None:
    top = rows(run_query(seed_store, "when-announced"))[0]
    assert (top["when"], top["date"], top["document"]) == ("Thursday", "2021-02-18", DOC_B)
    assert top["agentName"] == "Jens Stoltenberg"
    published = {r["published"] for r in rows(run_query(seed_store, "when-announced"))}
    assert published == {"2021-02-17", "2021-02-18"}


def test_everyday_queries(seed_store: Store) -> None:
    people = rows(run_query(seed_store, "entities", params={"type": "Person"}))
    assert {r["class"] for r in people} == {"Person"} and len(people) == 6
    assert people[0]["name"] == "Jens Stoltenberg"
    everything = rows(run_query(seed_store, "entities"))
    assert len(everything) == 20
    nato = rows(run_query(seed_store, "relations", params={"name": "NATO"}))
    assert {(r["subjectName"], r["relation"], r["objectName"]) for r in nato} == {
        ("Jens Stoltenberg", "holds_role", "NATO")
    }
    assert len(rows(run_query(seed_store, "relations"))) == 5
    docs = rows(run_query(seed_store, "documents"))
    assert [r["source"] for r in docs] == ["news/alliance-grows.txt", "news/nato-widens.txt"]


def test_a_construct_query_prints_turtle_that_parses_back() -> None:
    from rdflib import Graph, Literal, URIRef

    from kg.store.results import QueryResult

    person = URIRef("https://w3id.org/kg/entity/person/ned-price")
    label = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
    result = QueryResult(
        kind="construct", variables=("s", "p", "o"), rows=((person, label, Literal("Ned Price")),)
    )
    text = render(result)
    assert "rdfs:label" in text
    assert set(Graph().parse(data=text, format="turtle")) == {(person, label, Literal("Ned Price"))}


def test_quotes_lists_every_speaker_named_or_described() -> None:
    from seed_extractions import ExtractionBuilder

    from kg.mapping import map_extraction

    b = ExtractionBuilder("c2c2c2c2c2c2c2c2", title="Rocket attack")
    s0 = b.sentence("Iraqi officials said the rocket was fired from a village.")
    s1 = b.sentence("Ned Price said the United States was outraged.")
    price = b.entity("ned price", "Ned Price", "Person", "PERSON")
    b.quote(s0, "the rocket was fired from a village", None, speaker_text="Iraqi officials")
    b.quote(s1, "the United States was outraged", price, direct=False)
    with Store() as store:
        store.write_documents([map_extraction(b.build(), base=BASE)])
        found = rows(run_query(store, "quotes"))
        assert [(r["speaker"], r["text"]) for r in found] == [
            ("Iraqi officials", "the rocket was fired from a village"),
            ("Ned Price", "the United States was outraged"),
        ]
        assert found[0]["sentence"].startswith("Iraqi officials said")
        for name, speaker in [("officials", "Iraqi officials"), ("price", "Ned Price")]:
            (row,) = rows(run_query(store, "quotes", params={"name": name}))
            assert row["speaker"] == speaker
        assert rows(run_query(store, "quotes", params={"name": "fficials"})) == []


# -- paging -----------------------------------------------------------------------------------


def test_pages_of_a_named_listing_follow_its_order_without_gaps_or_repeats(
    seed_store: Store,
) -> None:
    whole = rows(run_query(seed_store, "entities"))
    assert len(whole) > 5
    pages = [rows(run_query(seed_store, "entities", limit=3, offset=start)) for start in (0, 3)]
    assert [len(p) for p in pages] == [3, 3]
    assert pages[0] + pages[1] == whole[:6]
    rest = rows(run_query(seed_store, "entities", offset=6))
    assert pages[0] + pages[1] + rest == whole
    assert rows(run_query(seed_store, "entities", limit=5, offset=len(whole))) == []


def test_a_page_keeps_the_parameters_bound(seed_store: Store) -> None:
    given = {"name": "Stoltenberg"}
    whole = rows(run_query(seed_store, "quotes", params=given))
    assert whole
    assert rows(run_query(seed_store, "quotes", params=given, limit=1)) == whole[:1]


def test_a_query_that_pages_itself_is_refused_another_page(seed_store: Store) -> None:
    own = "# Some labels. Parameters: none.\nSELECT ?l WHERE { ?e rdfs:label ?l }\nLIMIT 2 # two\n"
    assert len(run_query(seed_store, own).rows) == 2
    with pytest.raises(QueryError, match="has its own LIMIT or OFFSET; give no --limit"):
        run_query(seed_store, own, limit=1)
    with pytest.raises(QueryError, match="of 0 or more"):
        run_query(seed_store, "entities", offset=-1)


def test_a_long_listing_reads_its_first_page_unless_a_page_is_asked(seed_store: Store) -> None:
    listing = (
        "# Labels. Parameters: none.\n"
        "SELECT ?l WHERE {\n  { SELECT DISTINCT ?l WHERE { ?e rdfs:label ?l } ORDER BY ?l\n"
        "    # PAGE 3\n  }\n}\n"
    )
    spec = parse_header(listing, name=None)
    assert spec.page_rows == 3
    every = [str(r[0]) for r in seed_store.query(listing).rows]  # a comment: no page
    assert len(every) > 6
    first = [str(r[0]) for r in run_query(seed_store, spec).rows]
    assert first == every[:3]
    later = [str(r[0]) for r in run_query(seed_store, spec, limit=2, offset=3).rows]
    assert later == every[3:5]
    rest = run_query(seed_store, spec, limit=len(every), offset=5).rows
    assert [str(r[0]) for r in rest] == every[5:]
    with pytest.raises(QueryError, match="more than one page"):
        parse_header(listing + "# PAGE 4\n", name=None)


@pytest.mark.parametrize(
    "name",
    ["casualties", "conflicts", "documents", "entities", "events", "quotes", "relations",
     "shared-entities"],
)  # fmt: skip
def test_the_long_listings_are_paged(name: str) -> None:
    assert load_query(name).page_rows == 100


def test_relations_looks_up_every_relation_the_ontology_declares() -> None:
    import re

    from kg.terms import HOLDS_ROLE, REL, RELATIONS, relation_name

    text = load_query("relations").text
    values = re.search(r"VALUES \?local \{([^}]*)\}", text)
    assert values is not None
    listed = set(re.findall(r'"([^"]+)"', values[1]))
    assert listed == {*RELATIONS, HOLDS_ROLE[len(REL) :], relation_name("")}
