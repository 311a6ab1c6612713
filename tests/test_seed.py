"""The user's own release, end to end: the cases that must not change."""

import pytest

import pipeline
from tests.conftest import SEED, check_record


@pytest.fixture(scope="module")
def record(nlp, seed_text):
    from pipeline import ingest

    [doc] = list(ingest.read([str(SEED)]))
    return check_record(next(pipeline.process_many([doc], nlp=nlp)))


def _by_label(record, label):
    return [e for e in record["entities"] if e["label"] == label]


def test_title_and_date(record):
    assert record["title"] == "AMAMS PROMOVEU RODA DE CONVERSA COM A PARTICIPAÇÃO DE TÉCNICOS DA BAHIA"
    assert record["published_at"] == "2021-07-06T13:21:00"


def test_money(record):
    [money] = _by_label(record, "MONEY")
    assert money["attributes"] == {"value": 2321286890, "currency": "BRL"}
    assert money["mentions"][0]["text"] == "R$ 2.321.286.890"


def test_state_bahia(record):
    [state] = _by_label(record, "STATE")
    assert state["attributes"]["uf"] == "BA"
    assert [m["text"] for m in state["mentions"]] == ["BAHIA", "Bahia", "Bahia"]


def test_amams_is_one_org_with_its_long_form(record):
    [amams] = [e for e in _by_label(record, "ORG") if e["attributes"].get("acronym") == "AMAMS"]
    assert amams["canonical"] == "Associação dos Municípios da Área Mineira da Sudene"
    assert sum(m["text"] == "AMAMS" for m in amams["mentions"]) == 6


def test_dates(record):
    # the day, three times; since issue 23 also the times beside it: the dateline's 13:21 and the
    # morning of `na manhã desta terça-feira`
    dates = {d["canonical"]: d for d in _by_label(record, "DATE")}
    assert dates["2021-07-06"]["attributes"] == {"value": "2021-07-06", "grain": "day"}
    assert [m["text"] for m in dates["2021-07-06"]["mentions"]] == ["06 de Julho de 2021", "terça-feira", "6 de julho"]
    assert dates["2021-07-06T13:21"]["attributes"] == {"value": "2021-07-06T13:21", "grain": "minute"}
    morning = dates["2021-07-06T06:00/2021-07-06T11:59"]
    assert morning["attributes"]["value"] is None and [m["text"] for m in morning["mentions"]] == ["manhã"]
    assert len(dates) == 3


def test_doubled_spaces_are_corrected_with_original_offsets(record, seed_text):
    spaces = [c for c in record["corrections"] if c["kind"] == "whitespace" and c["original"].strip() == ""]
    assert spaces
    for c in record["corrections"]:
        assert seed_text[c["start"] : c["end"]] == c["original"]


def test_text_is_the_original(record, seed_text):
    assert record["text"] == seed_text
    assert record["id"].endswith("000_amams_roda_de_conversa_assistencia_social.txt")
