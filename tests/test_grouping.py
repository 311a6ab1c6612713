"""One entity per thing per document, on the seed and on the gold files."""

import pytest

import pipeline
from tests.conftest import CORPUS


def test_seed_groups(seed_text):
    record = pipeline.process(seed_text, published_at="2021-07-06T13:21:00")
    by_canonical = {(e["label"], e["canonical"]): e for e in record["entities"]}
    amams = by_canonical[("ORG", "Associação dos Municípios da Área Mineira da Sudene")]
    texts = [m["text"] for m in amams["mentions"]]
    assert texts.count("AMAMS") == 6 and "Associação dos Municípios da área Mineira da Sudene" in texts
    cnm = by_canonical[("ORG", "Confederação Nacional de Municípios")]
    assert [m["text"] for m in cnm["mentions"]] == ["Confederaççao Nacional dos Municípios", "CNM", "CNM"]
    bahia = by_canonical[("STATE", "Bahia")]
    assert [m["text"] for m in bahia["mentions"]] == ["BAHIA", "Bahia", "Bahia"]
    assert len([e for e in record["entities"] if e["label"] == "STATE"]) == 1
    people = [e["canonical"] for e in record["entities"] if e["label"] == "PER"]
    assert sorted(people) == ["José Nilson Bispo de Sá", "Leísa Mendes"]


@pytest.mark.skipif(not (CORPUS / "gold").is_dir(), reason="no gold")
def test_gold_grouping():
    from benchmarks.eval_gold import evaluate

    result = evaluate()
    assert result["grouping"]["together"] >= 0.98
    assert result["grouping"]["mixed_entities"] <= 2
    assert result["labels"]["ALL"]["f1"] >= 0.9


# A municipality several states have takes the state the document names, where only one of them is.
PLACES_BY_CONTEXT = [
    ("O governador visitou Parnamirim, no interior de Pernambuco.", "Parnamirim", "PE", 2610400),
    ("O prefeito de Parnamirim falou ao governo do Rio Grande do Norte.", "Parnamirim", "RN", 2403251),
    ("Parnamirim recebeu R$ 1 milhão do governo federal.", "Parnamirim", None, None),  # no state named
]


@pytest.mark.parametrize(("text", "name", "uf", "code"), PLACES_BY_CONTEXT)
def test_municipality_by_the_states_named(text, name, uf, code):
    record = pipeline.process(text)
    place = next(e for e in record["entities"] if e["canonical"] == name)
    assert place["attributes"]["ufs"] == ["PE", "RN"]
    assert (place["attributes"].get("uf"), place["attributes"].get("ibge_code")) == (uf, code)
    assert place["attributes"].get("uf_from_context", False) is (uf is not None)
