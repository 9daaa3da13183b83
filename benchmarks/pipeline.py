"""Accuracy and speed of a spaCy pipeline (default: kg's shipped one) on held-out data.

    python benchmarks/pipeline.py [--model NAME_OR_PATH] [--corpora ../shared/corpora]
                                  [--seeds ../shared] [--write-meta] [--json OUT]

Reads only test splits (never used for training or tuning): UD English EWT test (UPOS,
lemma, UAS/LAS, sentence F1), UNER English EWT test and UNER English PUD (entities, PER/ORG/LOC
with GPE/LOC/FAC counted as LOC), re3d (recall of proper-name Person/Organisation/Location),
and the 107 entity mentions of the two seed articles. Then speed on one and two processes,
load time and size on disk. --write-meta stores the figures in the pipeline's meta.json, where
`kg model info` shows them.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter
from pathlib import Path

import spacy
from spacy.training import Example

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from kg.nlp import pipeline  # noqa: E402
from kg.train import corpora  # noqa: E402

UNER_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC"}
RE3D_MAP = {"Person": "PER", "Organisation": "ORG", "Location": "LOC"}


def syntax_scores(nlp, conllu: Path) -> dict[str, float]:
    """UPOS, tag, lemma, UAS/LAS and sentence F1 against UD gold, 10-sentence documents."""
    gold_docs = corpora.to_docs(nlp.vocab, corpora.read_conllu(conllu), max_sents=10)
    examples = [Example(nlp.make_doc(doc.text), doc) for doc in gold_docs]
    disabled = [name for name in ("ner", "kg_entity_rules") if name in nlp.pipe_names]
    with nlp.select_pipes(disable=disabled):
        scores = nlp.evaluate(examples)
    keys = ("pos_acc", "tag_acc", "lemma_acc", "dep_uas", "dep_las", "sents_f")
    return {k: round(float(scores[k]), 4) for k in keys if scores.get(k) is not None}


def _spans_prf(gold: set, pred: set) -> dict[str, float]:
    tp = len(gold & pred)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "n": len(gold)}


def ner_scores(nlp, iob2: Path) -> dict[str, dict[str, float]]:
    """Exact-span P/R/F1, overall and per type, on character offsets (PER/ORG/LOC)."""
    gold, pred = set(), set()
    sentences = list(corpora.read_iob2(iob2))
    texts = []
    for i, sent in enumerate(sentences):
        doc = corpora.to_docs(nlp.vocab, [sent], max_sents=1).__next__()
        texts.append(doc.text)
        gold |= {(i, e.start_char, e.end_char, _uner(e.label_)) for e in doc.ents}
    for i, doc in enumerate(nlp.pipe(texts, batch_size=256)):
        pred |= {
            (i, e.start_char, e.end_char, UNER_MAP[e.label_])
            for e in doc.ents
            if e.label_ in UNER_MAP
        }
    result = {"all": _spans_prf(gold, pred)}
    for label in ("PER", "ORG", "LOC"):
        result[label] = _spans_prf(
            {g for g in gold if g[3] == label}, {p for p in pred if p[3] == label}
        )
    return result


def _uner(label: str) -> str:
    return {"PERSON": "PER"}.get(label, label)


def re3d_recall(nlp, folder: Path) -> dict[str, float]:
    """Recall of re3d's proper-name entities: exact typed span, and lenient (overlap, typed)."""
    exact = lenient = total = 0
    for sub in sorted(p for p in folder.iterdir() if (p / "documents.json").exists()):
        texts = {}
        for line in (sub / "documents.json").read_text(encoding="utf-8").splitlines():
            record = json.loads(line)
            texts[record["_id"]] = record["text"]
        gold: dict[str, list] = {}
        for line in (sub / "entities.json").read_text(encoding="utf-8").splitlines():
            e = json.loads(line)
            label = RE3D_MAP.get(e["type"])
            if (
                label
                and e["value"][:1].isupper()
                and any(w[:1].isupper() for w in e["value"].split()[1:] or [e["value"]])
            ):
                gold.setdefault(e["documentId"], []).append((e["begin"], e["end"], label))
        for doc_id, doc in zip(texts, nlp.pipe(texts.values()), strict=True):
            pred = [
                (e.start_char, e.end_char, UNER_MAP[e.label_])
                for e in doc.ents
                if e.label_ in UNER_MAP
            ]
            for start, end, label in gold.get(doc_id, []):
                total += 1
                exact += (start, end, label) in pred
                lenient += any(p[2] == label and p[0] < end and start < p[1] for p in pred)
    return {"exact": round(exact / total, 4), "lenient": round(lenient / total, 4), "n": total}


def seed_scores(nlp, shared: Path) -> dict[str, object]:
    """How many of the seed articles' listed mentions get the exact span and label."""
    rows = [
        line.split("\t")
        for line in (shared / "eval" / "seed-entities.tsv").read_text().splitlines()
        if line and not line.startswith("#")
    ]
    correct = total = 0
    missed = Counter()
    for path in sorted((shared / "seeds").glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        doc = nlp(text)
        found = {(e.start_char, e.end_char): e.label_ for e in doc.ents}
        spans = []
        for name, label in rows:
            # word-bounded, and "500" inside "2,500" is not a mention of 500
            pattern = r"(?<![\w,.])" + re.escape(name) + r"(?![\w]|,\d)"
            spans += [(m.start(), m.end(), name, label) for m in re.finditer(pattern, text)]
        for s in spans:
            if any(o[0] <= s[0] and s[1] <= o[1] and o[1] - o[0] > s[1] - s[0] for o in spans):
                continue  # "Stoltenberg" inside "Jens Stoltenberg"
            total += 1
            got = found.get((s[0], s[1]))
            ok = got == s[3] or (s[3] == "GPE" and got == "LOC")
            correct += ok
            if not ok:
                missed[f"{s[2]} ({s[3]}→{got})"] += 1
    return {"correct": correct, "total": total, "missed": dict(missed.most_common())}


def speed(nlp, texts: list[str]) -> dict[str, float]:
    """Words per second with nlp.pipe on one and on two processes."""
    words = sum(len(t.split()) for t in texts)
    list(nlp.pipe(texts[:20]))  # warm-up
    result = {}
    for n_process in (1, 2):
        start = time.perf_counter()
        for _ in nlp.pipe(texts, batch_size=64, n_process=n_process):
            pass
        result[f"wps_{n_process}proc"] = round(words / (time.perf_counter() - start))
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--seeds", type=Path, default=ROOT.parent / "shared")
    parser.add_argument("--write-meta", action="store_true")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args()

    target = pipeline.resolve(args.model)
    start = time.perf_counter()
    nlp = spacy.load(target)
    load_s = time.perf_counter() - start
    info = pipeline.info(args.model)
    c = args.corpora
    results: dict[str, object] = {"pipeline": info["name"], "components": nlp.pipe_names}
    results["ud_ewt_test"] = syntax_scores(nlp, c / "UD_English-EWT" / "en_ewt-ud-test.conllu.gz")
    results["uner_ewt_test"] = ner_scores(nlp, c / "UNER_English-EWT" / "en_ewt-ud-test.iob2.gz")
    results["uner_pud"] = ner_scores(nlp, c / "UNER_English-PUD" / "en_pud-ud-test.iob2.gz")
    results["re3d_proper_names_recall"] = re3d_recall(nlp, c / "re3d")
    if (args.seeds / "eval" / "seed-entities.tsv").exists():
        results["seed_mentions"] = seed_scores(nlp, args.seeds)
    texts = [
        d.text
        for d in corpora.to_docs(
            nlp.vocab,
            corpora.read_conllu(c / "UD_English-EWT" / "en_ewt-ud-test.conllu.gz"),
            max_sents=20,
        )
    ]
    results["speed"] = {
        **speed(nlp, texts),
        "load_s": round(load_s, 2),
        "size_mb": round(info["size_bytes"] / 1e6, 1),
    }
    print(json.dumps(results, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    if args.write_meta and isinstance(target, Path):
        meta_path = target / "meta.json"
        meta = json.loads(meta_path.read_text())
        meta["kg_benchmark"] = {
            k: v for k, v in results.items() if k not in ("pipeline", "components")
        }
        meta_path.write_text(json.dumps(meta, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
