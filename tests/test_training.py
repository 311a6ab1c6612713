"""The training recipe end to end on a tiny slice of the corpora, so that it cannot rot.

Converts the first sentences of every corpus, trains both halves (the NER in its two stages) for a
few steps, assembles, evaluates. Scores are meaningless at this size; what is checked is that every step runs and
produces what the next one needs. Skipped when ../shared/corpora is absent.
"""

from __future__ import annotations

import json

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


@pytest.fixture(scope="module")
def tiny_pretrained_run(tiny_run, tmp_path_factory):
    """The shipped NER's recipe (models/README.md): `spacy pretrain` of the NER's tok2vec on raw
    text, the NER trained from it (`ner-pretrain.cfg`, a listener that `assemble` folds back in),
    then the second stage on the gold sets. Vectors: the shipped model's (the recipe's own take
    15 minutes to build)."""
    from spacy import util
    from spacy.training.pretrain import pretrain

    out = tmp_path_factory.mktemp("pretrained")
    data = tiny_run[1].parent / "corpora"
    vectors = str(ROOT / "models" / "pt_ptpipe")
    raw = out / "raw.jsonl"
    lines = [
        line
        for line in sorted((ROOT / "corpus" / "releases").glob("*.txt"))[0].read_text(encoding="utf-8").splitlines()
        if line
    ]
    raw.write_text("".join(json.dumps({"text": line}, ensure_ascii=False) + "\n" for line in lines), encoding="utf-8")
    paths = {
        "paths.vectors": vectors,
        "paths.train": str(data / "ner-train.spacy"),
        "paths.dev": str(data / "ner-dev.spacy"),
    }
    config = util.load_config(
        CONFIGS / "ner-pretrain.cfg",
        overrides={**paths, "paths.raw_text": str(raw), "pretraining.max_epochs": 1},
        interpolate=True,
    )
    (out / "pretrain").mkdir()
    pretrain(config, out / "pretrain", silent=True)
    weights = sorted((out / "pretrain").glob("model*.bin"))
    train(
        CONFIGS / "ner-pretrain.cfg", out / "ner", overrides={**TINY, **paths, "paths.init_tok2vec": str(weights[-1])}
    )
    first = assemble(tiny_run[1], out / "ner" / "model-last", out / "first")
    overrides = {**TINY, **paths, "paths.source": str(first), "paths.train": str(data / "gold-train.spacy")}
    train(CONFIGS / "ner-finetune.cfg", out / "ner-ft", overrides=overrides)
    return weights, first, assemble(tiny_run[1], out / "ner-ft" / "model-last", out / "pt_ptpipe")


@needs_corpora
@pytest.mark.slow
def test_pretrained_ner_recipe_runs_and_folds_the_tok2vec(tiny_pretrained_run):
    weights, first, model = tiny_pretrained_run
    assert weights, "spacy pretrain wrote no weights"
    for path in (first, model):
        nlp = spacy.load(path)
        assert nlp.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
        assert "ner_tok2vec" not in nlp.component_names  # folded into the NER, as shipped
        assert set(nlp.get_pipe("ner").labels) <= {"PER", "ORG", "LOC"}
        assert len(nlp("O Ministério da Saúde liberou R$ 12 milhões para Castanhal.")) > 0


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
