"""The shipped model (models/pt_ptpipe) and the `--model` switch for other spaCy pipelines."""

from __future__ import annotations

import pytest
import spacy

import pipeline
from pipeline import annotate
from tests.conftest import ROOT, check_record

SHIPPED = ROOT / "models" / "pt_ptpipe"
MAX_MB = 40


@pytest.fixture(scope="module")
def shipped():
    return spacy.load(SHIPPED)


def test_shipped_model_is_the_default():
    assert (SHIPPED / "config.cfg").exists(), "models/pt_ptpipe is missing: run `make model` (models/README.md)"
    assert annotate.default_model() == str(SHIPPED)


def test_shipped_model_is_small_and_says_its_licence(shipped):
    size = sum(f.stat().st_size for f in SHIPPED.rglob("*") if f.is_file()) / 1e6
    assert size < MAX_MB
    assert shipped.meta["license"] == "CC BY-SA 4.0"
    assert {s["name"].split()[0] for s in shipped.meta["sources"]} >= {"UD", "Paramopama", "First"}
    assert (SHIPPED / "metrics.json").exists()


def test_shipped_model_has_the_components_and_labels(shipped):
    assert shipped.pipe_names == ["tok2vec", "morphologizer", "trainable_lemmatizer", "parser", "ner"]
    assert set(shipped.get_pipe("ner").labels) == {"PER", "ORG", "LOC"}


def test_shipped_model_tags_and_lemmatises(shipped):
    doc = shipped("Os municípios receberam os recursos.")
    assert [t.pos_ for t in doc] == ["DET", "NOUN", "VERB", "DET", "NOUN", "PUNCT"]
    assert [t.lemma_ for t in doc][1:3] == ["município", "receber"]


def test_shipped_model_finds_the_seed_people(shipped, seed_text):
    found = {(e.text, e.label_) for e in shipped(seed_text).ents}
    assert ("José Nilson Bispo de Sá", "PER") in found
    assert ("Leísa Mendes", "PER") in found


def test_seed_record_with_the_default_model(seed_text):
    rec = check_record(pipeline.process(seed_text))
    by_label = {(e["label"], e["canonical"]) for e in rec["entities"]}
    assert ("PER", "José Nilson Bispo de Sá") in by_label
    assert ("PER", "Leísa Mendes") in by_label
    assert any(e["label"] == "ORG" and e["attributes"].get("acronym") == "AMAMS" for e in rec["entities"])
    assert rec["pipeline"]["model"].startswith("pt_ptpipe")


@pytest.fixture(scope="module")
def other_model(tmp_path_factory):
    """A stand-in for pt_core_news_sm and friends: another label set (PERSON, MISC), no parser."""
    nlp = spacy.blank("pt")
    ruler = nlp.add_pipe("entity_ruler")
    ruler.add_patterns(
        [
            {"label": "PERSON", "pattern": "Leísa Mendes"},
            {"label": "MISC", "pattern": "Copa do Mundo"},
            {"label": "LOC", "pattern": "Bahia"},
        ]
    )
    path = tmp_path_factory.mktemp("models") / "other"
    nlp.to_disk(path)
    return path


def test_other_model_labels_are_mapped_or_kept(other_model):
    rec = check_record(pipeline.process("Leísa Mendes viu a Copa do Mundo na Bahia.", model=str(other_model)))
    labels = {e["canonical"]: e["label"] for e in rec["entities"]}
    # PERSON is our PER; MISC has no equivalent and stays MISC; the state rule beats a model's LOC
    assert labels == {"Leísa Mendes": "PER", "Copa do Mundo": "MISC", "Bahia": "STATE"}


def test_other_model_without_parser_gets_sentences(other_model):
    nlp = annotate.load(str(other_model))
    assert "sentencizer" in nlp.pipe_names
    assert len(list(nlp("Uma frase. Outra frase.").sents)) == 2
