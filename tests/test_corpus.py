"""corpus/: the releases and their gold annotations are well formed, and the pipeline reads them all."""

import itertools
import json
from collections import Counter

import pytest

import pipeline
from pipeline import ingest
from tests.conftest import CORPUS, check_record

RELEASES = sorted(p for p in (CORPUS / "releases").iterdir() if p.suffix in ingest.FORMATS)
GOLD = sorted((CORPUS / "gold").glob("[0-9]*.json"))  # entity gold, one per release
LABELS = {"PER", "ORG", "LOC", "STATE", "MONEY", "DATE"}
UFS = {
    "AC",
    "AL",
    "AP",
    "AM",
    "BA",
    "CE",
    "DF",
    "ES",
    "GO",
    "MA",
    "MT",
    "MS",
    "MG",
    "PA",
    "PB",
    "PR",
    "PE",
    "PI",
    "RJ",
    "RN",
    "RS",
    "RO",
    "RR",
    "SC",
    "SP",
    "SE",
    "TO",
}


def test_corpus_size():
    assert len(RELEASES) >= 31  # the seed and at least 30 written for the project
    assert len(GOLD) >= 16  # the seed and at least 15 more
    assert (CORPUS / "gold" / "000_amams_roda_de_conversa_assistencia_social.json") in GOLD


@pytest.mark.parametrize("path", GOLD, ids=lambda p: p.stem)
def test_gold_file(path):
    gold = json.loads(path.read_text(encoding="utf-8"))
    release = CORPUS / gold["file"]
    assert release.stem == path.stem
    [doc] = list(ingest.read([str(release)]))
    text = doc.text
    spans = []
    for ent in gold["entities"]:
        assert ent["label"] in LABELS
        assert text[ent["start"] : ent["end"]] == ent["text"], ent
        spans.append((ent["start"], ent["end"]))
        if ent["label"] == "STATE":
            assert ent["uf"] in UFS
        if ent["label"] == "MONEY":
            assert len(ent["currency"]) == 3
            assert ent["value"] is not None or ent["min"] <= ent["max"]
        if ent["label"] == "DATE":
            assert ent["value"][:4].isdigit()
    spans.sort()
    assert all(a[1] <= b[0] for a, b in itertools.pairwise(spans)), "gold spans overlap"


def test_gold_covers_every_label():
    counts = Counter(e["label"] for p in GOLD for e in json.loads(p.read_text(encoding="utf-8"))["entities"])
    assert set(counts) == LABELS


def test_every_release_gives_a_valid_record(nlp):
    docs = list(ingest.read([str(CORPUS / "releases")]))
    assert len(docs) == len(RELEASES)
    records = [check_record(r) for r in pipeline.process_many(docs, nlp=nlp)]
    assert [r["error"] for r in records] == [None] * len(records)
    assert all(r["title"] and r["published_at"] for r in records)
