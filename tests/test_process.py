"""`pipeline.process` and `process_many`: grouping, values, offsets, error records."""

import pipeline
from tests.conftest import check_record


def _entities(record, label):
    return [e for e in record["entities"] if e["label"] == label]


def test_one_entity_per_thing(nlp):
    text = (
        "A Associação dos Municípios da Área Mineira da Sudene (AMAMS) reuniu técnicos da Bahia. "
        "A AMAMS e o governo da Bahia (BA) assinaram acordo de R$ 1,5 milhão. A AMAMS confirmou."
    )
    rec = check_record(pipeline.process(text, nlp=nlp))
    [org] = [e for e in _entities(rec, "ORG") if e["attributes"].get("acronym") == "AMAMS"]
    assert org["canonical"] == "Associação dos Municípios da Área Mineira da Sudene"
    assert [m["text"] for m in org["mentions"]] == [
        "Associação dos Municípios da Área Mineira da Sudene",
        "AMAMS",
        "AMAMS",
        "AMAMS",
    ]
    [state] = _entities(rec, "STATE")
    assert state["attributes"] == {"uf": "BA", "ibge_code": 29, "region": "Nordeste"}
    assert [m["text"] for m in state["mentions"]] == ["Bahia", "Bahia", "BA"]
    [money] = _entities(rec, "MONEY")
    assert money["attributes"] == {"value": 1500000, "currency": "BRL"}


def test_offsets_point_into_the_original_after_normalisation(nlp):
    text = "Recursos  de R$\u00a010,50 ,  para  a Bahia\r\ne para  Minas Gerais ."
    rec = check_record(pipeline.process(text, nlp=nlp))
    assert rec["normalized_text"] == "Recursos de R$ 10,50, para a Bahia\ne para Minas Gerais."
    texts = {e["label"]: [m["text"] for m in e["mentions"]] for e in rec["entities"]}
    assert texts["MONEY"] == ["R$\u00a010,50"]
    for ent in rec["entities"]:
        for m in ent["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]
    assert {c["kind"] for c in rec["corrections"]} >= {"whitespace", "punctuation"}


def test_dates_resolve_against_publication_date(nlp):
    rec = pipeline.process("O encontro foi nesta terça-feira, 6 de julho.", nlp=nlp, published_at="2021-07-06T13:21:00")
    [date] = _entities(check_record(rec), "DATE")
    assert date["canonical"] == "2021-07-06"
    assert len(date["mentions"]) == 2


def test_people_short_names_join_full_names():
    # a model that finds people is not needed to test the grouping: give the doc its entities
    from spacy.tokens import Span

    from pipeline import extract, normalise

    nlp = pipeline.load("blank")
    text = "José Nilson Bispo de Sá falou. Depois José Nilson saiu com Leísa Mendes."
    norm = normalise.normalise(text)
    doc = nlp.make_doc(norm.text)
    doc.ents = [Span(doc, 0, 5, "PER"), Span(doc, 8, 10, "PER"), Span(doc, 12, 14, "PER")]
    people = extract.entities(doc, norm)
    assert [(p["canonical"], len(p["mentions"])) for p in people] == [
        ("José Nilson Bispo de Sá", 2),
        ("Leísa Mendes", 1),
    ]


def test_process_many_streams_records_in_order_with_errors(nlp):
    items = ["A Bahia.", {"id": "x", "text": ""}, {"id": "y"}, "R$ 10,50 para Minas Gerais."]
    records = [check_record(r) for r in pipeline.process_many(items, nlp=nlp, batch_size=2)]
    assert len(records) == 4
    assert records[1]["id"] == "x" and records[1]["error"]["type"] == "empty_document"
    assert records[2]["error"]["type"] == "missing_text_field"
    assert records[0]["error"] is None and records[3]["error"] is None


def test_a_failing_document_does_not_stop_the_batch(nlp, monkeypatch):
    from pipeline import extract

    real = extract.entities

    def explode(doc, norm, **kw):
        if "BOOM" in doc.text:
            raise RuntimeError("broken")
        return real(doc, norm, **kw)

    monkeypatch.setattr(extract, "entities", explode)
    records = [check_record(r) for r in pipeline.process_many(["A Bahia.", "BOOM", "O Pará."], nlp=nlp)]
    assert [r["error"] and r["error"]["type"] for r in records] == [None, "annotate_failed", None]
    assert "broken" in records[1]["error"]["message"]


def test_load_returns_a_spacy_pipeline_with_the_rules():
    nlp = pipeline.load("blank")
    doc = nlp("O TCU auditou R$ 2,3 bilhões na Bahia.")
    assert [(e.text, e.label_) for e in doc.ents] == [("TCU", "ORG"), ("R$ 2,3 bilhões", "MONEY"), ("Bahia", "STATE")]
    assert doc.ents[1]._.ptpipe_attrs["value"] == 2300000000


def test_keywords(nlp, seed_text):
    rec = check_record(pipeline.process(seed_text, nlp=nlp))
    texts = [k["text"] for k in rec["keywords"]]
    assert "assistência social" in texts[:5]
    # since issue 22 names the text is about may be keyphrases (`AMAMS`); amounts never are
    assert all(k["text"] not in {"R$ 2.321.286.890", "2.321.286.890"} for k in rec["keywords"])
    assert rec["keywords"][0]["score"] == 1.0


def test_city_reading_keeps_its_attributes(nlp):
    rec = check_record(pipeline.process("A prefeitura da cidade de São Paulo anunciou.", nlp=nlp))
    [loc] = _entities(rec, "LOC")
    assert loc["canonical"] == "São Paulo"
    assert loc["attributes"] == {"kind": "city", "uf": "SP"}
