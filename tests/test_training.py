"""The training recipe end to end on a tiny slice of the corpora, so that it cannot rot.

Converts the first sentences of every corpus, trains both halves (the NER in its two stages) for a
few steps, assembles, evaluates. Scores are meaningless at this size; what is checked is that every step runs and
produces what the next one needs. Skipped when ../shared/corpora is absent.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.cli.train import train

from pipeline.training import corpora
from pipeline.training.assemble import assemble
from pipeline.training.evaluate import TEST_SETS, evaluate
from tests.conftest import ROOT, SHARED_CORPORA

CONFIGS = ROOT / "pipeline" / "training" / "configs"
TINY = {"training.max_epochs": 1, "training.max_steps": 3, "training.eval_frequency": 2}

needs_corpora = pytest.mark.skipif(not SHARED_CORPORA.is_dir(), reason="../shared/corpora is absent")


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("training")
    data = out / "corpora"
    converted = corpora.convert(SHARED_CORPORA, data, limit=30, lener=True)
    for config, train_file, dev_file in (
        ("tagparse", "bosque-train.spacy", "bosque-dev.spacy"),
        ("ner", "ner-train.spacy", "ner-dev.spacy"),
    ):
        overrides = {**TINY, "paths.train": str(data / train_file), "paths.dev": str(data / dev_file)}
        train(CONFIGS / f"{config}.cfg", out / config, overrides=overrides)
    overrides = {  # the second stage: on UNER Bosque train alone, from the first stage's NER
        **TINY,
        "paths.source": str(out / "ner" / "model-last"),
        "paths.train": str(data / "uner-train.spacy"),
        "paths.dev": str(data / "ner-dev.spacy"),
    }
    train(CONFIGS / "ner-finetune.cfg", out / "ner-ft", overrides=overrides)
    model = assemble(out / "tagparse" / "model-last", out / "ner-ft" / "model-last", out / "pt_ptpipe")
    return converted, model, evaluate(model, data, speed_words=500, runs=1)


@needs_corpora
def test_convert_writes_every_split(tiny_run):
    converted, _, _ = tiny_run
    for name, (docs, words, _ents) in converted.files.items():
        assert docs > 0 and words > 0, name
    assert converted.files["ner-train.spacy"][2] > 0, "NER training data without entities"


@needs_corpora
def test_assembled_pipeline_loads_with_all_components(tiny_run):
    _, model, _ = tiny_run
    nlp = spacy.load(model)
    assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
    assert set(nlp.get_pipe("ner").labels) <= {"PER", "ORG", "LOC"}
    assert nlp.meta["license"] == "CC BY-SA 4.0"
    doc = nlp("A Associação dos Municípios reuniu prefeitos em Montes Claros.")
    assert len(doc) > 0 and all(t.pos_ for t in doc)


@needs_corpora
def test_evaluate_reports_every_test_set(tiny_run):
    _, _, metrics = tiny_run
    for name in TEST_SETS:
        assert name in metrics
    assert {"pos_acc", "lemma_acc", "dep_las", "sents_f"} <= set(metrics["bosque_test"])
    assert metrics["speed"]["words_per_s"] > 0 and metrics["load_seconds"]["median"] > 0


def test_io_tags_become_entities():
    nlp = spacy.blank("pt")
    sentence = [("O", "O"), ("Banco", "ORGANIZACAO"), ("Central", "ORGANIZACAO"), ("de", "O"), ("Lisboa", "LOCAL")]
    doc = corpora.io_doc(nlp.vocab, sentence)
    assert [(e.text, e.label_) for e in doc.ents] == [("Banco Central", "ORG"), ("Lisboa", "LOC")]


def test_iob2_tags_separate_adjacent_entities():
    nlp = spacy.blank("pt")
    sentence = [("o", "O"), ("STJ", "B-ORGANIZACAO"), ("TJMG", "B-ORGANIZACAO"), ("Lei", "B-LEGISLACAO")]
    doc = corpora.io_doc(nlp.vocab, sentence)
    assert [(e.text, e.label_) for e in doc.ents] == [("STJ", "ORG"), ("TJMG", "ORG")]


def test_io_tags_tempo_is_dropped():
    nlp = spacy.blank("pt")
    doc = corpora.io_doc(nlp.vocab, [("em", "TEMPO"), ("1947", "TEMPO"), ("Pingali", "PESSOA")])
    assert [(e.text, e.label_) for e in doc.ents] == [("Pingali", "PER")]
