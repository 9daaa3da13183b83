"""Speed of `kg build` against bare spaCy, store writes, and the competency queries.

    python benchmarks/build.py [--model NAME_OR_PATH] [--articles N] [--corpora ../shared/corpora]

Articles: the documents of UD English EWT's test split (when ../shared is present), else the
example articles repeated with a counter, so every one is new to the store. In one run, with
the same pipeline: words/s of bare ``nlp.pipe`` over the texts on one process, words/s of the
whole build (read, parse, extract, map, store) as ``kg build`` runs it, their ratio (goal
>= 0.85), triples/s into Oxigraph, and the time of each named query on the built store.

``kg build`` parses in a forked process beside its own work where the machine has a second
core, so the same build in one process (``--processes 0``) is measured too: its ratio is what
kg's own work costs per word. Bare and build runs alternate three times; best is compared with
best and median with median, since this machine's speed drifts from run to run. ``--write``
keeps the figures in benchmarks/results/build.json.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402
from kg.nlp import pipeline  # noqa: E402
from kg.nlp.pieces import chunk_text  # noqa: E402
from kg.queries.runner import list_queries, run_query  # noqa: E402
from kg.store.embedded import open_store  # noqa: E402


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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--write", action="store_true", help="keep the figures in results/")
    args = parser.parse_args()

    texts = articles(args.corpora, args.articles)
    words = sum(len(t.split()) for t in texts)
    nlp = pipeline.load(args.model)
    list(nlp.pipe(texts[:5]))  # warm-up

    def bare_pass() -> float:
        start = time.perf_counter()
        for _ in nlp.pipe((piece for t in texts for piece in chunk_text(t)), batch_size=256):
            pass
        return words / (time.perf_counter() - start)

    work = Path(tempfile.mkdtemp())
    sources = work / "articles.jsonl"
    sources.write_text("".join(json.dumps({"text": t}) + "\n" for t in texts), encoding="utf-8")
    runs: dict[str, list[float]] = {"bare": [], "build": [], "one_process": []}
    try:
        # alternate: this VM's speed drifts between runs
        for run in range(args.rounds):
            runs["bare"].append(bare_pass())
            for name, n_process in (("build", 1), ("one_process", 0)):
                store = work / f"{name}{run}"
                report = api.build(
                    [str(sources)], store=store, model=args.model, n_process=n_process
                )
                runs[name].append(report.words / report.seconds)
        with open_store(work / "build0", read_only=True) as store:
            timings = {}
            for spec in list_queries():
                # a query whose parameters have no default gets a name that occurs in news
                needed = {p.name: "Iraq" for p in spec.parameters or () if p.required}
                start = time.perf_counter()
                run_query(store, spec, params=needed)
                timings[spec.name] = round((time.perf_counter() - start) * 1000, 1)
    finally:
        shutil.rmtree(work)
    best = {name: max(values) for name, values in runs.items()}
    median = {name: statistics.median(values) for name, values in runs.items()}
    results = {
        "articles": len(texts),
        "words": words,
        "bare_spacy_words_per_s": round(best["bare"]),
        "kg_build_words_per_s": round(best["build"]),
        "ratio": round(best["build"] / best["bare"], 3),
        "ratio_of_medians": round(median["build"] / median["bare"], 3),
        "one_process_words_per_s": round(best["one_process"]),
        "one_process_ratio": round(best["one_process"] / best["bare"], 3),
        "runs_words_per_s": {name: [round(v) for v in values] for name, values in runs.items()},
        "triples": report.triples,
        "triples_per_s_whole_build": round(report.triples * best["build"] / report.words),
        "query_ms": timings,
    }
    if args.write:
        path = ROOT / "benchmarks" / "results" / "build.json"
        path.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    print(json.dumps(results, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
