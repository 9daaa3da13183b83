"""The training recipe: corpus readers, and convert → train → assemble on a tiny corpus."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
import spacy

from kg.train import corpora, recipe

CONLLU = """\
# newdoc id = d1
# sent_id = d1-1
# text = NATO's chief didn't go to Iraq.
1-2\tNATO's\t_\t_\t_\t_\t_\t_\t_\t_
1\tNATO\tNATO\tPROPN\tNNP\tNumber=Sing\t3\tnmod:poss\t_\t_
2\t's\t's\tPART\tPOS\t_\t1\tcase\t_\t_
3\tchief\tchief\tNOUN\tNN\tNumber=Sing\t6\tnsubj\t_\t_
4-5\tdidn't\t_\t_\t_\t_\t_\t_\t_\t_
4\tdid\tdo\tAUX\tVBD\tMood=Ind|Tense=Past|VerbForm=Fin\t6\taux\t_\t_
5\tn't\tnot\tPART\tRB\tPolarity=Neg\t6\tadvmod\t_\t_
5.1\tgone\tgo\tVERB\tVBN\t_\t_\t_\t6:conj\t_
6\tgo\tgo\tVERB\tVB\tVerbForm=Inf\t0\troot\t_\t_
7\tto\tto\tADP\tIN\t_\t8\tcase\t_\t_
8\tIraq\tIraq\tPROPN\tNNP\tNumber=Sing\t6\tobl\t_\tSpaceAfter=No
9\t.\t.\tPUNCT\t.\t_\t6\tpunct\t_\t_

# sent_id = d1-2
# text = He said so.
1\tHe\the\tPRON\tPRP\tCase=Nom\t2\tnsubj\t_\t_
2\tsaid\tsay\tVERB\tVBD\tTense=Past\t0\troot\t_\t_
3\tso\tso\tADV\tRB\t_\t2\tadvmod\t_\tSpaceAfter=No
4\t.\t.\tPUNCT\t.\t_\t2\tpunct\t_\t_

"""

IOB2 = """\
# sent_id = d1-1
# text = Jens Stoltenberg met Iraqi leaders in Baghdad.
1\tJens\tB-PER\t-\tx
2\tStoltenberg\tI-PER\t-\tx
3\tmet\tO
4\tIraqi\tB-OTH\t-\tx
5\tleaders\tO
6\tin\tO
7\tBaghdad\tB-LOC\t-\tx
8\t.\tB-O\t-\tx

"""


def test_conllu_reader_uses_words_and_skips_empty_nodes(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU, encoding="utf-8")
    first, second = corpora.read_conllu(path)
    assert first.words == ["NATO", "'s", "chief", "did", "n't", "go", "to", "Iraq", "."]
    # the words of "NATO's" and "didn't" join without a space, as in the text
    doc = next(corpora.to_docs(spacy.blank("en").vocab, [first, second], max_sents=10))
    # and a multi-word token never glues the words of a later sentence together
    assert doc.text == "NATO's chief didn't go to Iraq. He said so. "
    assert [t.dep_ for t in doc[:3]] == ["nmod:poss", "case", "nsubj"]
    assert doc[5].dep_ == "ROOT" and doc[0].head.i == 2
    assert len(list(doc.sents)) == 2 and second.lemmas[1] == "say"


def test_iob2_reader_maps_prerelease_labels_to_o(tmp_path: Path) -> None:
    path = tmp_path / "x.iob2"
    path.write_text(IOB2, encoding="utf-8")
    (sentence,) = corpora.read_iob2(path)
    doc = next(corpora.to_docs(spacy.blank("en").vocab, [sentence], max_sents=1))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Jens Stoltenberg", "PERSON"),
        ("Baghdad", "LOC"),
    ]
    assert doc.text == "Jens Stoltenberg met Iraqi leaders in Baghdad. "


def test_wikigold_io_tags_become_spans(tmp_path: Path) -> None:
    path = tmp_path / "wikigold.conll.txt"
    path.write_text(
        "-DOCSTART- O\n\nThe O\nNew I-ORG\nYork I-ORG\nTimes I-ORG\nsaid O\nJapanese I-MISC\n\n",
        encoding="utf-8",
    )
    (sentence,) = corpora.read_wikigold(path)
    assert sentence.ents == ["O", "B-ORG", "I-ORG", "I-ORG", "O", "O"]


def test_btc_handles_are_not_names_and_hashtags_lose_the_mark(tmp_path: Path) -> None:
    path = tmp_path / "g.conll"
    path.write_text(
        "@\tB-ORG\nBBCNews\tI-ORG\nsays\tO\n#UN\tB-ORG\n\tO\nwins\tO\n\n", encoding="utf-8"
    )
    (sentence,) = corpora.read_btc(path)
    assert sentence.words == ["@", "BBCNews", "says", "UN", "wins"]
    assert sentence.ents == ["O", "O", "O", "B-ORG", "O"]


def test_augment_adds_all_caps_copies_reproducibly(tmp_path: Path) -> None:
    path = tmp_path / "x.conllu"
    path.write_text(CONLLU * 20, encoding="utf-8")
    sentences = list(corpora.read_conllu(path))
    once = list(corpora.augment(sentences, rate=0.3, seed=1))
    again = list(corpora.augment(sentences, rate=0.3, seed=1))
    shouted = [s for s in once if s.words[0].isupper() and s.words[0] == "HE"]
    assert len(once) > len(sentences) and shouted
    assert [s.words for s in once] == [s.words for s in again]


IOB2_OF_CONLLU = """\
# sent_id = d1-1
# text = NATO's chief didn't go to Iraq.
1\tNATO\tB-ORG\t-\tx
2\t's\tO
3\tchief\tO
4\tdid\tO
5\tn't\tO
6\tgo\tO
7\tto\tO
8\tIraq\tB-LOC\t-\tx
9\t.\tO

# sent_id = d1-2
# text = He said so!
1\tHe\tO
2\tsaid\tO
3\tso\tO
4\t!\tO

"""


def test_entities_join_the_parsed_sentences_with_the_same_id_and_words(tmp_path: Path) -> None:
    (tmp_path / "x.conllu").write_text(CONLLU, encoding="utf-8")
    (tmp_path / "x.iob2").write_text(IOB2_OF_CONLLU, encoding="utf-8")
    first, second = corpora.with_entities(
        corpora.read_conllu(tmp_path / "x.conllu"), corpora.read_iob2(tmp_path / "x.iob2")
    )
    assert first.ents and first.ents[0] == "B-ORG" and first.heads
    # "so!" is not "so.": that sentence's entities are missing, not "no entity here"
    assert second.ents is None
    doc = next(corpora.to_docs(spacy.blank("en").vocab, [first, second], max_sents=10))
    assert [(e.text, e.label_) for e in doc.ents] == [("NATO", "ORG"), ("Iraq", "LOC")]
    assert doc[0].dep_ == "nmod:poss"
    assert {t.ent_iob_ for t in doc[9:]} == {""}


def test_crossner_keeps_people_organizations_and_places_and_leaves_other_types_out(
    tmp_path: Path,
) -> None:
    path = tmp_path / "CrossNER" / "ner_data" / "politics" / "train.txt"
    path.parent.mkdir(parents=True)
    rows = [
        ("Fianna", "B-politicalparty"),
        ("Fáil", "I-politicalparty"),
        ("won", "O"),
        ("the", "O"),
        ("2011", "B-election"),
        ("Irish", "I-election"),
        ("election", "I-election"),
        ("under", "O"),
        ("Bertie", "B-politician"),
        ("Ahern", "I-politician"),
        ("in", "O"),
        ("Dublin", "B-location"),
        (".", "O"),
    ]
    path.write_text("\n".join(f"{w}\t{t}" for w, t in rows) + "\n\nHe\tO\n", encoding="utf-8")
    first, second = corpora.read_crossner(path)
    doc = next(corpora.to_docs(spacy.blank("en").vocab, [first], max_sents=1))
    assert [(e.text, e.label_) for e in doc.ents] == [
        ("Fianna Fáil", "ORG"),
        ("Bertie Ahern", "PERSON"),
        ("Dublin", "LOC"),
    ]
    # the election's words are unannotated, so "Irish" teaches neither a place nor O
    assert [t.ent_iob_ for t in doc[4:7]] == ["", "", ""]
    assert doc[3].ent_iob_ == "O" and second.words == ["He"]
    # the recipe picks this reader for the folder and reads the file where a second
    # corpora folder holds it; a folder without CrossNER leaves it out
    source = recipe.Source("CrossNER/ner_data/politics/train.txt", optional=True)
    assert len(recipe.read_source([tmp_path / "shared", tmp_path], source)) == 2
    assert source.path in recipe.absent_optional(tmp_path / "shared")
    assert source.path not in recipe.absent_optional([tmp_path / "shared", tmp_path])


def write_tiny_corpora(root: Path) -> None:
    """Every file the recipe reads, in its real format, a few sentences each."""
    wikigold = "-DOCSTART- O\n\nJens I-PER\nStoltenberg I-PER\nleads O\nNATO I-ORG\n. O\n\n"
    btc = "Stoltenberg\tB-PER\nin\tO\nBrussels\tB-LOC\n\n"
    names = [
        n
        for split in recipe.SPLITS
        for s in split.sources
        if not s.optional
        for n in (s.path, s.entities)
    ]
    for name in filter(None, names):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if ".conllu" in name:
            text = CONLLU * 3
        elif ".iob2" in name:
            text = IOB2_OF_CONLLU * 3
        elif name.startswith("WikiGold"):
            text = wikigold * 3
        else:
            text = btc * 3
        with gzip.open(path, "wt", encoding="utf-8") as f:
            f.write(text)


def test_training_from_a_shipped_pipeline_runs_stage_two_from_it(tmp_path: Path) -> None:
    start = tmp_path / "en_kg_news"
    commands = recipe.train_commands(tmp_path, seed=0, start=start)
    assert list(commands) == ["train-continue"]
    command = commands["train-continue"]
    assert command[command.index("--paths.source") + 1] == str(start)
    # without a start, stage 2 continues from stage 1
    full = recipe.train_commands(tmp_path, seed=0)["train-continue"]
    assert full[full.index("--paths.source") + 1] == str(tmp_path / "train" / "model-best")


def test_the_entities_stage_alone_continues_the_pipeline_it_is_given(tmp_path: Path) -> None:
    start = tmp_path / "en_kg_news"
    commands = recipe.train_commands(tmp_path, seed=0, start=start, entities_only=True)
    assert list(commands) == ["train-entities"]
    command = commands["train-entities"]
    assert command[command.index("--paths.source") + 1] == str(start)
    with pytest.raises(ValueError, match="trained pipeline"):
        recipe.train_commands(tmp_path, seed=0, entities_only=True)


@pytest.mark.slow
def test_the_entities_stage_changes_the_ner_and_leaves_syntax_as_shipped(tmp_path: Path) -> None:
    from kg.nlp.pipeline import shipped_path

    corpora_dir = tmp_path / "corpora"
    write_tiny_corpora(corpora_dir)
    work = tmp_path / "work"
    recipe.convert(corpora_dir, work / "corpus", seed=0)
    recipe.train(work, seed=0, max_steps=4, start=shipped_path(), entities_only=True)
    path = recipe.assemble(work, stage=recipe.ENTITIES_STAGE)
    for name in ("tok2vec", "tagger", "morphologizer", "trainable_lemmatizer", "parser"):
        assert (path / name / "model").read_bytes() == (
            shipped_path() / name / "model"
        ).read_bytes()
    assert (path / "ner" / "model").read_bytes() != (shipped_path() / "ner" / "model").read_bytes()
    text = "Jens Stoltenberg said NATO would expand its mission in Iraq from 500 to 4,000 troops."
    parses = [
        [(t.tag_, t.pos_, t.lemma_, t.dep_, t.head.i) for t in spacy.load(p)(text)]
        for p in (path, shipped_path())
    ]
    assert parses[0] == parses[1]


@pytest.mark.slow
def test_recipe_converts_trains_and_assembles_a_loadable_pipeline(tmp_path: Path) -> None:
    corpora_dir = tmp_path / "corpora"
    write_tiny_corpora(corpora_dir)
    work = tmp_path / "work"
    counts = recipe.convert(corpora_dir, work / "corpus", seed=0)
    assert counts["train"] >= 6 + 3 + 3 * 5 and counts["dev"] == 6
    recipe.train(work, seed=0, max_steps=4)
    path = recipe.assemble(work)
    nlp = spacy.load(path)
    assert nlp.pipe_names[-2:] == ["ner", "kg_entity_rules"]
    assert {"parser", "tagger", "morphologizer", "trainable_lemmatizer"} <= set(nlp.pipe_names)
    assert any(s["name"].startswith("UD English EWT") for s in nlp.meta["sources"])
    doc = nlp("Jens Stoltenberg went to Iraq on Monday.")
    assert len(doc) == 8 and all(t.dep_ for t in doc)


def test_a_reloaded_lemmatizer_keeps_learning_its_own_labels(tmp_path: Path) -> None:
    from spacy.training import Example

    from kg.train.callbacks import restore_lemmatizer_labels

    nlp = spacy.blank("en")
    nlp.add_pipe("trainable_lemmatizer", config={"min_tree_freq": 1})
    words = ["troops", "said", "went", "forces"]
    gold = ["troop", "say", "go", "force"]
    reference = spacy.tokens.Doc(nlp.vocab, words=words, lemmas=gold)
    examples = [Example(nlp.make_doc(reference.text), reference)]
    nlp.initialize(lambda: examples)
    nlp.to_disk(tmp_path / "p")
    reloaded = spacy.load(tmp_path / "p")
    lemmatizer = reloaded.get_pipe("trainable_lemmatizer")
    with reloaded.select_pipes(disable=["trainable_lemmatizer"]):  # as `spacy train` calls it
        restore_lemmatizer_labels()(reloaded)
    # every gold lemma maps to its own label again, not to label 0
    trees = [lemmatizer.trees.add(w, g) for w, g in zip(words, gold, strict=True)]
    assert [lemmatizer.tree2label[t] for t in trees] == [
        nlp.get_pipe("trainable_lemmatizer").tree2label[t] for t in trees
    ]
    assert len(set(lemmatizer.tree2label.values())) == len(lemmatizer.labels) > 1
