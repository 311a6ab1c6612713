"""pipeline.frames.load: the tables a notebook starts from, from JSONL and from Parquet parts."""

import pandas as pd
import pytest

import pipeline
from pipeline import emit, frames
from tests.conftest import check_record

TEXTS = [
    ("a", "2021-07-06T13:21:00", "A AMAMS recebeu R$ 1,5 milhão da Bahia. O presidente da AMAMS, José Silva, falou."),
    ("b", "2024-03-15", "O governo de Minas Gerais liberou entre R$ 100 mil e R$ 200 mil para a saúde."),
    ("c", None, ""),  # an error record
]


@pytest.fixture(scope="module")
def records(nlp):
    return [pipeline.process(text, nlp=nlp, id=i, published_at=date) for i, date, text in TEXTS]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_load(tmp_path, records, fmt):
    path = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out.parquet")
    writer = emit.JsonlWriter(str(path)) if fmt == "jsonl" else emit.PartWriter(str(path), part_size=2)
    with writer as w:
        for r in records:
            w.write(r)
    f = frames.load(path)
    assert list(f.documents.doc_id) == ["a", "b", "c"]
    assert pd.api.types.is_datetime64_any_dtype(f.documents.published_at)
    assert f.documents.published_at[0] == pd.Timestamp("2021-07-06 13:21")
    assert list(f.documents.error_type.astype(object).fillna("")) == ["", "", "empty_document"]
    assert list(f.documents.language.astype(object).fillna("")) == ["pt", "pt", ""]
    assert f.documents.language.dtype == "category" and list(f.documents.warnings) == [[], [], []]
    assert f.entities.label.dtype == "category"
    org = f.entities[(f.entities.doc_id == "a") & (f.entities.label == "ORG")].iloc[0]
    assert org.acronym == "AMAMS" and org.mentions == 2
    money = f.money.set_index("doc_id")
    assert money.loc["a", "value"] == 1_500_000 and money.loc["a", "states"] == ["BA"]
    assert (money.loc["b", "min"], money.loc["b", "max"]) == (100_000, 200_000) and pd.isna(money.loc["b", "value"])
    assert set(f.themes.theme.cat.categories) >= {"saude", "assistencia_social"}
    assert (f.themes.groupby("doc_id").size() == 20).all()
    assert len(f.mentions) == f.entities.mentions.sum()


def test_several_paths_and_an_empty_output(tmp_path, records):
    first, second = tmp_path / "1.jsonl", tmp_path / "2.jsonl"
    for path, recs in ((first, records[:1]), (second, records[1:])):
        with emit.JsonlWriter(str(path)) as w:
            for r in recs:
                w.write(r)
    assert len(frames.load([first, second]).documents) == 3
    empty = frames.from_records([])
    assert empty.documents.empty and empty.money.empty and list(empty.money.columns)[:2] == ["doc_id", "entity"]


def test_flagged_money_is_kept_apart_from_sums(nlp):
    # issue 24: one amount read as a quadrillion ruined every sum; it stays in `money`, flagged,
    # and `money_counted` (the rows to sum) leaves it out
    text = "A Bahia recebe R$ 1.004 trilhão, R$ 2.735 bilhões e R$ 103 bilhões milhões."
    f = frames.from_records([check_record(pipeline.process(text, nlp=nlp, id="d"))])
    money = f.money.set_index("canonical")
    assert money.loc["R$ 1.004 trilhão", "value"] == 1_004_000_000_000
    assert not money.loc["R$ 1.004 trilhão", ["ambiguous", "implausible"]].any()
    assert money.loc["R$ 2.735 bilhões", "ambiguous"] and money.loc["R$ 2.735 bilhões", "other_value"] == 2.735e12
    assert money.loc["R$ 103 bilhões milhões", "implausible_reason"] == "over_limit"
    assert list(f.money_flagged.canonical) == ["R$ 103 bilhões milhões"]
    assert f.money_counted.value.sum() == 1_004_000_000_000 + 2_735_000_000
    assert f.money.implausible.dtype == bool and f.money.ambiguous.dtype == bool
    empty = frames.from_records([])
    assert empty.money_counted.empty and empty.money_flagged.empty


def test_dates_table_has_grain_start_and_end(nlp):
    # issue 23: an interval has start and end (value null), an open one keeps its value and one end
    text = "As inscrições vão de 13 a 15 de julho. O prazo vai até 30 de junho. Em março de 2020 começou."
    f = frames.from_records([pipeline.process(text, nlp=nlp, id="d", published_at="2024-03-15")])
    dates = f.dates.set_index("text")
    assert list(f.dates.columns) == [
        "doc_id",
        "entity",
        "canonical",
        "value",
        "grain",
        "start",
        "end",
        "published_at",
        "text",
    ]
    assert dates.loc["13 a 15 de julho", ["start", "end", "grain"]].tolist() == ["2024-07-13", "2024-07-15", "day"]
    assert (
        pd.isna(dates.loc["13 a 15 de julho", "value"])
        and dates.loc["13 a 15 de julho", "canonical"] == "2024-07-13/2024-07-15"
    )
    assert dates.loc["30 de junho", ["value", "end"]].tolist() == ["2024-06-30", "2024-06-30"]
    assert dates.loc["março de 2020", ["value", "grain"]].tolist() == ["2020-03", "month"]
    assert f.dates.grain.dtype == "category" and pd.api.types.is_datetime64_any_dtype(f.dates.published_at)
    date_rows = f.entities[f.entities.label == "DATE"]
    assert {"grain", "start", "end"} <= set(date_rows.columns)  # the entities table flattens them too
    assert frames.from_records([]).dates.empty


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_facts_table(tmp_path, fmt):
    # issue 18: one row per fact, names and UF codes resolved, the value in BRL; Parquet carries it too
    nlp = pipeline.load()
    texts = [
        "O Ministério da Saúde liberou R$ 12,5 milhões para o município de Castanhal (PA) custear cirurgias.",
        "O governo da Bahia não repassou R$ 2 milhões ao município de Juazeiro. O salário de R$ 1.412 foi citado.",
    ]
    recs = [
        check_record(pipeline.process(t, nlp=nlp, id=str(n), published_at="2024-03-12")) for n, t in enumerate(texts)
    ]
    path = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out.parquet")
    writer = emit.JsonlWriter(str(path)) if fmt == "jsonl" else emit.PartWriter(str(path), part_size=1)
    with writer as w:
        for r in recs:
            w.write(r)
    facts = frames.load(path).facts.set_index("doc_id")
    assert len(facts) == 2  # the salary is only mentioned
    first = facts.loc["0"]
    assert (first.action, first.kind, first.payer, first.recipient) == (
        "liberar",
        "transfer",
        "Ministério da Saúde",
        "Castanhal",
    )
    assert (first.recipient_uf, first.place_uf, first.value_brl) == ("PA", "PA", 12_500_000)
    assert first.place_ibge_code == 1502400 and first.date_from_publication
    second = facts.loc["1"]
    assert second.negated and second.payer_uf == "BA" and second.recipient == "Juazeiro"
    assert pd.api.types.is_datetime64_any_dtype(facts.published_at)
    assert frames.from_records([]).facts.empty
