"""Byte-identical outputs: kg's graphs and open extractions before and after a change.

    python benchmarks/golden.py [--shared ../shared] [--keep DIR] [--write]

Builds four sets of text into fresh stores and exports each as N-Quads: the seed articles,
the repository's examples, 24 probe documents of many kinds (10 defence and government news
articles from re3d; 8 blogs, e-mails, forum posts and answers from UD English EWT dev, whose
reviews are all under the 120 words asked for; 6 biographies, speeches, textbooks, travel
guides, vlogs and conversations from UD English GUM dev), and runs
``kg openie`` on the CaRB dev sentences. Each output's SHA-256 is compared with
benchmarks/results/golden.json; any difference is listed and the exit code is 1. ``--keep``
writes the outputs to a folder to diff against an earlier run; ``--write`` records the new
digests (only after a change meant to alter the graph, with the reason in its commit).
The corpora are read from ``../shared``; nothing of them is kept in the repository.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg import api  # noqa: E402

RESULTS = ROOT / "benchmarks" / "results" / "golden.json"
RE3D_SOURCES = (
    "CENTCOM",
    "US_State_Department",
    "UK_Government",
    "Australian_Department_of_Foreign_Affairs",
    "Wikipedia",
)
EWT_GENRES = ("weblog", "email", "newsgroup", "answers", "reviews")
GUM_GENRES = ("bio", "speech", "textbook", "voyage", "vlog", "conversation")


def re3d_articles(corpus: Path, per_source: int = 2) -> Iterator[dict[str, str]]:
    """The first documents of each re3d source, with their titles."""
    for source in RE3D_SOURCES:
        text = (corpus / source / "documents.json").read_text(encoding="utf-8")
        records = json.loads(text) if text.lstrip().startswith("[") else _json_lines(text)
        for record in records[:per_source]:
            yield {"title": record["title"], "text": record["text"]}


def _json_lines(text: str) -> list[dict[str, str]]:
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def ud_documents(path: Path, genres: tuple[str, ...], per_genre: int, min_words: int):
    """Whole documents of a CoNLL-U file (its ``# text`` lines, a paragraph per paragraph)."""
    taken: dict[str, int] = {}
    for doc_id, paragraphs in _conllu_documents(path):
        genre = doc_id.split("-")[0] if "-" in doc_id else doc_id.split("_")[1]
        text = "\n\n".join(" ".join(p) for p in paragraphs)
        if genre not in genres or taken.get(genre, 0) >= per_genre:
            continue
        if len(text.split()) < min_words:
            continue
        taken[genre] = taken.get(genre, 0) + 1
        yield {"text": text}


def _conllu_documents(path: Path) -> Iterator[tuple[str, list[list[str]]]]:
    doc_id, paragraphs = None, []
    with gzip.open(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            if line.startswith("# newdoc id ="):
                if doc_id is not None:
                    yield doc_id, paragraphs
                doc_id, paragraphs = line.split("=", 1)[1].strip(), []
            elif line.startswith("# newpar") or (line.startswith("# text =") and not paragraphs):
                paragraphs.append([])
            if line.startswith("# text ="):
                paragraphs[-1].append(line.split("=", 1)[1].strip())
    if doc_id is not None:
        yield doc_id, paragraphs


def probes(shared: Path) -> list[dict[str, str]]:
    corpora = shared / "corpora"
    return [
        *re3d_articles(corpora / "re3d"),
        *ud_documents(corpora / "UD_English-EWT" / "en_ewt-ud-dev.conllu.gz", EWT_GENRES, 2, 120),
        *ud_documents(corpora / "UD_English-GUM" / "en_gum-ud-dev.conllu.gz", GUM_GENRES, 1, 120),
    ]


def nquads(sources: list[Path], store: Path, places: dict[str, Path]) -> bytes:
    """The N-Quads of a fresh store built from ``sources``, with folders named by ``places``
    (documents keep their source path, which differs between machines)."""
    api.build([str(s) for s in sources], store=store)
    out = io.BytesIO()
    api.export(out, format="nquads", store=store)
    data = out.getvalue()
    for name, folder in places.items():
        data = data.replace(str(folder.resolve()).encode("utf-8"), name.encode("utf-8"))
    return data


def outputs(shared: Path, work: Path) -> dict[str, bytes]:
    found = probes(shared)
    probe_file = work / "probes.jsonl"
    probe_file.write_text("".join(json.dumps(p) + "\n" for p in found), encoding="utf-8")
    print(f"{len(found)} probe documents", file=sys.stderr)
    sentences = (shared / "eval" / "carb" / "dev.txt").read_text(encoding="utf-8").splitlines()
    rows = [
        extraction.row(sentence)
        for sentence, extractions in api.openie(sentences)
        for extraction in extractions
    ]
    places = {"$WORK": work, "$SHARED": shared, "$ROOT": ROOT}
    seeds = sorted((shared / "seeds").resolve().glob("*.txt"))
    return {
        "seeds.nq": nquads(seeds, work / "seeds", places),
        "examples.nq": nquads([ROOT / "examples"], work / "examples", places),
        "probes.nq": nquads([probe_file], work / "probes", places),
        "carb-dev-openie.tsv": "".join(row + "\n" for row in rows).encode("utf-8"),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--keep", type=Path, help="write the outputs to this folder")
    parser.add_argument("--write", action="store_true", help=f"record {RESULTS.name}")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        found = outputs(args.shared, Path(tmp))
    digests = {
        name: {"sha256": hashlib.sha256(data).hexdigest(), "lines": data.count(b"\n")}
        for name, data in found.items()
    }
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        for name, data in found.items():
            (args.keep / name).write_bytes(data)
    if args.write:
        RESULTS.write_text(json.dumps(digests, indent=2) + "\n", encoding="utf-8")
        print(f"recorded {RESULTS.relative_to(ROOT)}")
        return 0
    recorded = json.loads(RESULTS.read_text(encoding="utf-8"))
    changed = [name for name in digests if digests[name] != recorded.get(name)]
    for name in digests:
        was = recorded.get(name, {}).get("lines", "-")
        state = "CHANGED" if name in changed else "same"
        print(f"{name:22} {state:8} {digests[name]['lines']} lines (recorded {was})")
    return 1 if changed else 0


if __name__ == "__main__":
    sys.exit(main())
