"""Speed of `kg build` against bare spaCy on equal cores, where its CPU goes, and the queries.

    python benchmarks/build.py [--model NAME_OR_PATH] [--articles N] [--rounds 3] [--write]

Articles: the documents of UD English EWT's test split (when ../shared is present), else the
example articles repeated with a counter, so every one is new to the store. With the same
pipeline, in one run, bare spaCy and the whole build (read, parse, extract, map, store) as
``kg build`` runs it are compared on equal cores:

- one against one: ``kg build --processes 0`` against bare ``nlp.pipe`` on one process;
- two against two: ``kg build`` with its forked parser process against bare ``nlp.pipe``
  with ``n_process=2``; and the same build against bare spaCy on one process (what a build
  gains from its second process).

Each run gives words per second of wall time and CPU time per word (this process and the
processes it waited for). The four runs alternate, ``--rounds`` times, since this machine's
speed drifts from run to run: best is compared with best and median with median (goal for
the ratios: >= 0.85). A shared machine moves wall times; CPU per word moves far less. The
results carry the machine's load average (1 minute) before and after, and its CPU count.

Then the stages of a build run one after the other on the same articles, each timed in CPU
seconds: spaCy's trained components, kg's entity rules (the rule layer of the pipeline),
joining a text's pieces into one Doc, extraction, and the writer thread's work (mapping to
quads as N-Quads text, and storing them: Oxigraph's bulk load). Last, the time of each
named query on the built store. ``--write`` keeps the figures in
benchmarks/results/build.json.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.builder import known_occurrences, known_people  # noqa: E402
from kg.extract import (  # noqa: E402
    draft,
    pipeline_aliases,
    pipeline_countries,
    pipeline_places,
    settle,
)
from kg.mapping import map_extraction  # noqa: E402
from kg.nlp import pipeline  # noqa: E402
from kg.nlp.parser_process import rule_tail  # noqa: E402
from kg.nlp.pieces import chunk_text, join  # noqa: E402
from kg.queries.runner import list_queries, run_query  # noqa: E402
from kg.records import Document  # noqa: E402
from kg.sources import iter_documents  # noqa: E402
from kg.store.embedded import Store, open_store  # noqa: E402

# The runs of one round, in the order they alternate: (name, what it is).
RUNS = ("bare_1", "build_0", "bare_2", "build_1")


def articles(corpora: Path, limit: int) -> list[str]:
    conllu = corpora / "UD_English-EWT" / "en_ewt-ud-test.conllu.gz"
    if conllu.exists():
        from kg.train import corpora as readers

        texts: dict[str, list[str]] = {}
        for sentence in readers.read_conllu(conllu):
            words = "".join(
                w + (" " if s else "") for w, s in zip(sentence.words, sentence.spaces, strict=True)
            )
            texts.setdefault(sentence.doc_id, []).append(words.strip())
        found = [" ".join(sents) for sents in texts.values()]
    else:
        examples = [
            p.read_text(encoding="utf-8") for p in sorted((ROOT / "examples").glob("*.txt"))
        ]
        found = [f"{text}\n\n(Copy {i}.)" for i in range(limit) for text in examples]
    return found[:limit]


def cpu_seconds() -> float:
    """CPU seconds of this process and of the child processes it has waited for."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def timed(run: Callable[[], object]) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of ``run()``."""
    cpu, start = cpu_seconds(), time.perf_counter()
    run()
    return time.perf_counter() - start, cpu_seconds() - cpu


def stages(nlp, texts_file: Path, store_path: Path, *, batch_size: int = 128) -> dict[str, float]:
    """CPU seconds of each stage of a build, run one after the other on the same articles."""
    documents = [d for d in iter_documents([str(texts_file)]) if isinstance(d, Document)]
    tail = rule_tail(nlp)
    spent: dict[str, float] = {}

    def step(name: str, run: Callable[[], object]) -> object:
        # Between steps this function holds every article's parse and records, which a build
        # streams: frozen, they are no step's garbage to collect (a full collection over them
        # landed in whichever step came next, settle's 9 us a word being 2 of its own).
        gc.collect()
        gc.freeze()
        start = time.process_time()
        result = run()
        spent[name] = spent.get(name, 0.0) + time.process_time() - start
        gc.unfreeze()
        return result

    chunks = [chunk_text(d.text) for d in documents]
    flat = [piece for pieces in chunks for piece in pieces]
    parsed = step("trained", lambda: list(nlp.pipe(flat, batch_size=256, disable=tail)))
    for name in tail:
        component = nlp.get_pipe(name)
        parsed = step(name, lambda c=component, docs=parsed: [c(doc) for doc in docs])
    found = iter(parsed)
    docs = step("join", lambda: [join(list(itertools.islice(found, len(c)))) for c in chunks])
    aliases = pipeline_aliases(nlp)
    geonames = pipeline_places(nlp)
    with Store(store_path) as store:
        # what the build knows across documents: people named in full, occurrences told
        people = known_people(store)
        told = known_occurrences(store, pipeline_countries(nlp))

        def settled(drafted):
            extraction = settle(drafted, people=people.links(), told=told, geonames=geonames)
            people.add_entities(extraction.entities)
            told.add_extraction(extraction.referents, extraction.places)
            return extraction

        pairs = list(zip(docs, documents, strict=True))
        # extraction in its two steps: each article alone (a Dask worker's, in a cluster
        # build), then what the articles before it told, in reading order (the client's)
        drafts = step("draft", lambda: [draft(doc, d, aliases=aliases) for doc, d in pairs])
        extractions = step("settle", lambda: [settled(x) for x in drafts])
        for i in range(0, len(extractions), batch_size):
            batch = extractions[i : i + batch_size]
            mapped = step("map", lambda b=batch: [map_extraction(e) for e in b])
            step("store", lambda m=mapped: store.write_documents(m))
    return spent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="keep the figures in results/")
    args = parser.parse_args()

    load_before = os.getloadavg()[0]  # other work on the machine moves every wall time
    texts = articles(args.corpora, args.articles)
    words = sum(len(t.split()) for t in texts)
    nlp = pipeline.load(args.model)
    list(nlp.pipe(texts[:5]))  # warm-up
    pieces = [piece for t in texts for piece in chunk_text(t)]

    def bare(n_process: int) -> Callable[[], object]:
        return lambda: list(nlp.pipe(pieces, batch_size=256 // n_process, n_process=n_process))

    work = Path(tempfile.mkdtemp())
    sources = work / "articles.jsonl"
    sources.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    wall: dict[str, list[float]] = {name: [] for name in RUNS}
    cpu: dict[str, list[float]] = {name: [] for name in RUNS}
    try:
        # what a build does once per process (normalizing the pipeline's alias map) is no
        # run's: a few articles first
        few = work / "few.jsonl"
        few.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts[:5]), "utf-8")
        api.build([str(few)], store=work / "warm-up", model=args.model, n_process=0)
        for run in range(args.rounds):  # alternate: this machine's speed drifts between runs
            for name in RUNS:
                kind, processes = name.split("_")
                if kind == "bare":
                    seconds, used = timed(bare(int(processes)))
                else:
                    store = work / f"{name}-{run}"
                    seconds, used = timed(
                        lambda s=store, n=int(processes): api.build(
                            [str(sources)], store=s, model=args.model, n_process=n
                        )
                    )
                wall[name].append(words / seconds)
                cpu[name].append(used / words * 1e6)
        spent = stages(nlp, sources, work / "stages")
        with open_store(work / "build_1-0", read_only=True) as graph:
            triples = len(graph.oxigraph)
            timings = {}
            for spec in list_queries():
                # a query whose parameters have no default gets a name that occurs in news
                needed = {p.name: "Iraq" for p in spec.parameters or () if p.required}
                start = time.perf_counter()
                run_query(graph, spec, params=needed)
                timings[spec.name] = round((time.perf_counter() - start) * 1000, 1)
    finally:
        shutil.rmtree(work)

    best = {name: max(values) for name, values in wall.items()}
    median = {name: statistics.median(values) for name, values in wall.items()}

    def ratio(a: str, b: str) -> dict[str, float]:
        return {
            "best": round(best[a] / best[b], 3),
            "median": round(median[a] / median[b], 3),
        }

    total = sum(spent.values())
    trained = spent.pop("trained")
    results = {
        "load_average": [round(load_before, 2), round(os.getloadavg()[0], 2)],  # before, after
        "cpus": os.cpu_count(),
        "articles": len(texts),
        "words": words,
        "words_per_s": {
            "bare_spacy_1_process": round(best["bare_1"]),
            "kg_build_1_process": round(best["build_0"]),
            "bare_spacy_2_processes": round(best["bare_2"]),
            "kg_build_2_processes": round(best["build_1"]),
        },
        "ratios": {
            "1_against_1": ratio("build_0", "bare_1"),
            "2_against_2": ratio("build_1", "bare_2"),
            "2_against_1": ratio("build_1", "bare_1"),
        },
        "cpu_us_per_word_median": {
            name: round(statistics.median(values), 1) for name, values in cpu.items()
        },
        "stages_cpu_us_per_word": {
            "spacy_trained": round(trained / words * 1e6, 1),
            **{name: round(s / words * 1e6, 1) for name, s in spent.items()},
        },
        "shares_of_build_cpu": {
            "spacy_trained": round(trained / total, 3),
            "rule_layer": round(sum(spent[n] for n in rule_tail(nlp)) / total, 3),
            "kg_own_work": round(sum(spent.values()) / total, 3),
            "writer_thread": round((spent["map"] + spent["store"]) / total, 3),
        },
        "runs": {
            name: {
                "words_per_s": [round(v) for v in wall[name]],
                "cpu_us_per_word": [round(v, 1) for v in cpu[name]],
            }
            for name in RUNS
        },
        "triples": triples,
        "query_ms": timings,
    }
    if args.write:
        path = ROOT / "benchmarks" / "results" / "build.json"
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
