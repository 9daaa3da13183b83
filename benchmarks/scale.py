"""kg at archive scale: build, store size, named queries, export and stats at 200, 1,000
(and with --large 10,000) news-length articles.

    python benchmarks/scale.py [--sizes 200,1000] [--large] [--write] [--label NAME]
    python benchmarks/scale.py --corpus DIR            # a folder of .txt articles instead
    python benchmarks/scale.py --corpus-out DIR --sizes 2000 --no-build   # only the articles
    python benchmarks/scale.py --store DIR [--store-label NAME]          # queries only

Articles: sentences of the open corpora in ../shared/corpora (re3d's news, UD English EWT
train and dev, GUM's train and dev (no news or interviews there), WikiGold, the Broad Twitter
Corpus), in their documents' order, joined into articles of 400 to 900 words (lengths drawn
with a fixed seed, a paragraph every 4 sentences and at each source document's end). No test
split is read. The corpora hold about 1,100 such articles of distinct text; a larger size goes
round again from a shifted start, so every article is new as a whole while its sentences
recur (``repeated_sentences`` in the figures says how many articles have them). With
``--corpus DIR`` the .txt files of DIR are the articles, in name order.

Per size, into a fresh store, the build runs as ``kg build FOLDER --store STORE`` in a process
of its own. Figures: words/s (wall), CPU-seconds per word (the build's processes, the forked
parser included), peak RSS (the whole process tree, sampled every 0.2 s, and the largest single
process), triples, bytes per triple on disk (the store folder after the build closed it),
then each named query's time on the warm store (best of two runs in this process, wall and
CPU-seconds, after a first run in a query process bounded by ``--query-timeout``; a paged
listing reads its first page; the load average beside, since wall time is the load's on a
shared machine), and the times of
``kg export --format nquads``, ``kg export --format graphml``, ``kg viz`` and ``kg stats``.
``--write`` keeps the figures in benchmarks/results/scale.json under ``--label`` (default
"current"), so runs before and after a change sit side by side.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.errors import QueryTimeout  # noqa: E402
from kg.queries.runner import QuerySpec, list_queries, run_query  # noqa: E402
from kg.store.embedded import open_store  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "scale.json"
SHORTEST, LONGEST = 400, 900
PARAGRAPH = 4  # sentences
SEED = 14
# a required parameter without default gets a name that occurs in news
NEEDED = "Iraq"


# ---------------------------------------------------------------- the corpus


def _sentence_text(words: list[str], spaces: list[bool]) -> str:
    return "".join(w + (" " if s else "") for w, s in zip(words, spaces, strict=True)).strip()


def source_documents(corpora: Path) -> Iterator[list[str]]:
    """Each source document as its sentences, sources in a fixed order, documents in theirs."""
    from kg.train import corpora as readers

    re3d = corpora / "re3d"
    for folder in sorted(p for p in re3d.iterdir() if p.is_dir()) if re3d.exists() else ():
        for line in (folder / "documents.json").read_text(encoding="utf-8").splitlines():
            if line.strip():
                text = json.loads(line)["text"]
                yield [s.strip() for s in text.replace("\r", "").split("\n") if s.strip()]
    treebanks = [
        "UD_English-EWT/en_ewt-ud-train.conllu.gz",
        "UD_English-EWT/en_ewt-ud-dev.conllu.gz",
        "UD_English-GUM/en_gum-ud-train.conllu.gz",
        "UD_English-GUM/en_gum-ud-dev.conllu.gz",
    ]
    for name in treebanks:
        path = corpora / name
        if not path.exists():
            continue
        doc_id, sents = None, []
        for sentence in readers.read_conllu(path):
            if sentence.doc_id != doc_id and sents:
                yield sents
                sents = []
            doc_id = sentence.doc_id
            sents.append(_sentence_text(sentence.words, sentence.spaces))
        if sents:
            yield sents
    flat = [("WikiGold/wikigold.conll.txt.gz", readers.read_wikigold, 40)]
    flat += [(f"Broad_Twitter_Corpus/{s}.conll.gz", readers.read_btc, 20) for s in "abefgh"]
    for name, read, per_doc in flat:
        path = corpora / name
        if not path.exists():
            continue
        sents = [" ".join(s.words) for s in read(path)]
        for i in range(0, len(sents), per_doc):
            yield sents[i : i + per_doc]


def generate(corpora: Path, count: int) -> tuple[list[str], int]:
    """``count`` articles of 400-900 words, and how many of them reuse sentences."""
    units: list[tuple[str, bool]] = []  # (sentence, ends a source document)
    for doc in source_documents(corpora):
        units += [(s, i == len(doc) - 1) for i, s in enumerate(doc)]
    if not units:
        raise SystemExit(f"no corpora under {corpora}: give --corpora or --corpus DIR")
    lengths = random.Random(SEED)
    articles: list[str] = []
    seen: set[str] = set()
    repeated = 0
    rounds = 0
    while len(articles) < count:
        start = (rounds * 37) % len(units)  # each round starts elsewhere: new articles
        i = start
        while len(articles) < count:
            want = lengths.randint(SHORTEST, LONGEST)
            paragraphs: list[list[str]] = [[]]
            words = 0
            while words < want and i < len(units):
                text, ends = units[i]
                paragraphs[-1].append(text)
                words += len(text.split())
                i += 1
                if ends or len(paragraphs[-1]) >= PARAGRAPH:
                    paragraphs.append([])
            if words < SHORTEST:
                break  # the round's tail: too short for an article
            article = "\n\n".join(" ".join(p) for p in paragraphs if p) + "\n"
            key = hashlib.sha256(article.encode()).hexdigest()
            if key in seen:
                continue
            seen.add(key)
            articles.append(article)
            repeated += rounds > 0
        rounds += 1
        if rounds > 1000:
            raise SystemExit("the corpora are too small for that many articles")
    return articles, repeated


def read_folder(folder: Path, count: int) -> list[str]:
    files = sorted(folder.glob("*.txt"))
    if len(files) < count:
        raise SystemExit(f"{folder} has {len(files)} .txt articles, fewer than {count}")
    return [p.read_text(encoding="utf-8") for p in files[:count]]


def write_folder(articles: list[str], folder: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(len(articles))))
    for n, text in enumerate(articles, 1):
        (folder / f"{n:0{width}d}.txt").write_text(text, encoding="utf-8")


# ---------------------------------------------------------------- measuring a process


def _tree_rss(root: int) -> int:
    """Resident bytes of ``root`` and its descendants now."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    page = os.sysconf("SC_PAGE_SIZE")
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", encoding="utf-8") as f:
                fields = f.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        pid = int(entry)
        children.setdefault(int(fields[1]), []).append(pid)
        rss[pid] = int(fields[21]) * page
    total, todo = 0, [root]
    while todo:
        pid = todo.pop()
        total += rss.get(pid, 0)
        todo += children.get(pid, [])
    return total


def measured(command: list[str], timeout: float) -> dict:
    """Run ``command``; its wall and CPU seconds, peak RSS of its tree, exit status."""
    with tempfile.TemporaryFile() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT)
        peak = 0
        done = threading.Event()

        def sample() -> None:
            nonlocal peak
            while not done.wait(0.2):
                peak = max(peak, _tree_rss(proc.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        timed_out = False
        try:
            rc = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            rc, timed_out = proc.wait() or -9, True
        done.set()
        sampler.join()
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        out.seek(0)
        text = out.read().decode("utf-8", "replace")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return {
        "seconds": round(wall, 2),
        "cpu_seconds": round(cpu, 2),
        "peak_rss_mb": round(peak / 2**20),
        # ru_maxrss of children: the largest process this benchmark has waited for so far
        "largest_process_rss_mb": round(after.ru_maxrss / 1024),
        "rc": rc,
        "timed_out": timed_out,
        "output_tail": text[-400:],
    }


def kg_command(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg.cli", *args]


def folder_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file())


# ---------------------------------------------------------------- queries and exports


def query_params(spec: QuerySpec, given: dict[str, str] | None = None) -> dict[str, str]:
    """The query's declared parameters found in ``given``; a required one without default
    gets a name that occurs in news."""
    declared = spec.parameters or ()
    params = {p.name: NEEDED for p in declared if p.required and p.default is None}
    params.update({p.name: (given or {})[p.name] for p in declared if p.name in (given or {})})
    return params


def time_queries(
    store: Path,
    timeout: float,
    answers: Path | None = None,
    given: dict[str, str] | None = None,
    only: set[str] | None = None,
) -> dict[str, dict]:
    """Each named query: a first run in a bounded query process, then best of two in this one.
    ``answers``: a folder where each query's rows are written (NAME.tsv), to compare runs;
    ``given``: parameter values for the queries that declare them; ``only``: these queries."""
    from kg import api

    timings: dict[str, dict] = {}
    for spec in list_queries():
        name = spec.name or "?"
        if only and name not in only:
            continue
        params = query_params(spec, given)
        start = time.perf_counter()
        try:
            api.query(name, store=store, params=params, timeout=timeout)
        except QueryTimeout:
            timings[name] = {"seconds": None, "first_seconds": None, "over": timeout}
            print(f"  {name:24s} over {timeout:g} s", flush=True)
            continue
        first = time.perf_counter() - start
        best, cpu, rows = float("inf"), float("inf"), 0
        with open_store(store, read_only=True) as graph:
            for _ in range(2):
                start, start_cpu = time.perf_counter(), time.process_time()
                result = run_query(graph, spec, params=params)
                best = min(best, time.perf_counter() - start)
                cpu = min(cpu, time.process_time() - start_cpu)
                rows = len(result)
        if answers is not None:
            answers.mkdir(parents=True, exist_ok=True)
            lines = ["\t".join(result.variables)]
            lines += ["\t".join("" if v is None else v.n3() for v in row) for row in result.rows]
            (answers / f"{name}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
        timings[name] = {
            "seconds": round(best, 3),
            "cpu_seconds": round(cpu, 3),
            "first_seconds": round(first, 3),
            "rows": rows,
            "load_average": round(os.getloadavg()[0], 1),
        }
        print(f"  {name:24s} {best:8.3f} s  {cpu:7.3f} CPU-s  {rows:7d} rows", flush=True)
    return timings


def time_outputs(store: Path, timeout: float, only: set[str] | None = None) -> dict[str, dict]:
    """Each output command's time, CPU and peak memory in a process of its own (``only``:
    these of them)."""
    work = Path(tempfile.mkdtemp(prefix="kg-scale-out-"))
    runs = {
        "export_nquads": kg_command(
            "export", "--store", str(store), "--format", "nquads", "-o", str(work / "g.nq")
        ),
        "export_graphml": kg_command(
            "export", "--store", str(store), "--format", "graphml", "-o", str(work / "g.graphml")
        ),
        "viz": kg_command("viz", "--store", str(store), "-o", str(work / "g.html")),
        "stats": kg_command("stats", "--store", str(store)),
    }
    found: dict[str, dict] = {}
    try:
        for name, command in runs.items():
            if only and name not in only:
                continue
            got = measured(command, timeout)
            keep = ("seconds", "cpu_seconds", "peak_rss_mb", "rc", "timed_out")
            found[name] = {k: got[k] for k in keep}
            state = "over the limit" if got["timed_out"] else f"rc {got['rc']}"
            print(
                f"  {name:24s} {got['seconds']:8.2f} s  {got['peak_rss_mb']:6d} MB  {state}",
                flush=True,
            )
            if got["rc"] and not got["timed_out"]:
                print("    " + got["output_tail"].strip().replace("\n", "\n    "), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return found


def store_figures(store: Path) -> dict:
    with open_store(store, read_only=True) as graph:
        triples = len(graph)
    size = folder_bytes(store)
    return {
        "triples": triples,
        "store_bytes": size,
        "bytes_per_triple": round(size / triples, 1) if triples else None,
    }


# ---------------------------------------------------------------- one size


def run_size(articles: list[str], work: Path, args: argparse.Namespace, keep: Path | None) -> dict:
    folder = work / f"articles-{len(articles)}"
    write_folder(articles, folder)
    store = keep or work / f"store-{len(articles)}"
    if store.exists():
        raise SystemExit(f"{store} exists: the build wants a fresh store")
    words = sum(len(t.split()) for t in articles)
    print(f"{len(articles):,} articles, {words:,} words: building ...", flush=True)
    build = measured(kg_command("build", str(folder), "--store", str(store)), args.build_timeout)
    if build["rc"]:
        print(build["output_tail"], flush=True)
        raise SystemExit(f"the build of {len(articles)} articles failed")
    figures = {
        "articles": len(articles),
        "words": words,
        "build_seconds": build["seconds"],
        "words_per_s": round(words / build["seconds"]),
        "cpu_seconds": build["cpu_seconds"],
        "cpu_seconds_per_word": round(build["cpu_seconds"] / words, 7),
        "words_per_cpu_second": round(words / build["cpu_seconds"]),
        "peak_rss_mb": build["peak_rss_mb"],
        "largest_process_rss_mb": build["largest_process_rss_mb"],
        **store_figures(store),
    }
    print(_summary(figures), flush=True)
    figures["query_s"] = time_queries(store, args.query_timeout)
    figures["outputs"] = time_outputs(store, args.output_timeout)
    if keep is None:
        shutil.rmtree(store, ignore_errors=True)
    shutil.rmtree(folder, ignore_errors=True)
    return figures


def _summary(f: dict) -> str:
    return (
        f"  {f['words_per_s']:,} words/s, {f['cpu_seconds_per_word'] * 1000:.3f} CPU-ms/word, "
        f"peak RSS {f['peak_rss_mb']:,} MB (largest process {f['largest_process_rss_mb']:,}), "
        f"{f['triples']:,} triples, {f['bytes_per_triple']} B/triple"
    )


def save(label: str, key: str, figures: dict) -> None:
    kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    kept.setdefault(label, {})[key] = figures
    RESULTS.write_text(json.dumps(kept, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="200,1000", help="article counts, comma-separated")
    parser.add_argument("--large", action="store_true", help="add 10,000 articles")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--corpus", type=Path, help="a folder of .txt articles to use instead")
    parser.add_argument("--corpus-out", type=Path, help="write the articles there as .txt")
    parser.add_argument("--no-build", action="store_true", help="only write --corpus-out")
    parser.add_argument("--store", type=Path, help="time the queries of this built store only")
    parser.add_argument("--keep", type=Path, help="build the (one) size into this folder")
    parser.add_argument("--answers", type=Path, help="with --store: write each answer here")
    parser.add_argument(
        "--param", action="append", default=[], metavar="NAME=VALUE", help="with --store"
    )
    parser.add_argument("--only", help="with --store: these queries (comma-separated)")
    parser.add_argument("--label", default="current", help="key of the figures in scale.json")
    parser.add_argument("--query-timeout", type=float, default=60.0)
    parser.add_argument("--output-timeout", type=float, default=600.0)
    parser.add_argument("--build-timeout", type=float, default=6 * 3600.0)
    parser.add_argument("--no-outputs", action="store_true", help="skip export, viz, stats")
    parser.add_argument(
        "--outputs", help="with --store: these only (export_nquads,export_graphml,viz,stats)"
    )
    parser.add_argument("--write", action="store_true", help="keep the figures in results/")
    args = parser.parse_args()

    if args.store:
        figures = {**store_figures(args.store)}
        print(
            f"{args.store}: {figures['triples']:,} triples, {figures['bytes_per_triple']} B/triple"
        )
        given = dict(p.split("=", 1) for p in args.param)
        only = set(args.only.split(",")) if args.only else None
        figures["query_s"] = time_queries(args.store, args.query_timeout, args.answers, given, only)
        if given:
            figures["params"] = given
        if not args.no_outputs:
            wanted = set(args.outputs.split(",")) if args.outputs else None
            figures["outputs"] = time_outputs(args.store, args.output_timeout, wanted)
        if args.write:
            key = f"store:{figures['triples']}" + "".join(f",{p}" for p in args.param)
            save(args.label, key, figures)
        return 0

    sizes = sorted(
        {int(s) for s in args.sizes.split(",") if s.strip()} | ({10_000} if args.large else set())
    )
    most = max(sizes)
    if args.corpus:
        articles, repeated = read_folder(args.corpus, most), 0
    else:
        articles, repeated = generate(args.corpora, most)
    print(
        f"{len(articles):,} articles, {sum(len(t.split()) for t in articles):,} words"
        + (f"; {repeated:,} of them reuse sentences of earlier ones" if repeated else ""),
        flush=True,
    )
    if args.corpus_out:
        write_folder(articles, args.corpus_out)
        print(f"articles written to {args.corpus_out}")
    if args.no_build:
        return 0
    if args.keep and len(sizes) > 1:
        raise SystemExit("--keep takes one size")
    work = Path(tempfile.mkdtemp(prefix="kg-scale-"))
    try:
        for size in sizes:
            figures = run_size(articles[:size], work, args, args.keep)
            figures["repeated_sentences"] = max(0, size - (len(articles) - repeated))
            figures["corpus"] = str(args.corpus) if args.corpus else "generated"
            if args.write:
                save(args.label, str(size), figures)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
