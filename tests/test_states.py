import pytest

from pipeline.components.states import find_states

CASES = [
    # (text, [(surface, label, uf)])
    ("técnicos da Bahia", [("Bahia", "STATE", "BA")]),
    ("TÉCNICOS DA BAHIA", [("BAHIA", "STATE", "BA")]),
    ("governo de Sao Paulo", [("Sao Paulo", "STATE", "SP")]),
    (
        "no Rio Grande do Norte e no Mato Grosso do Sul",
        [("Rio Grande do Norte", "STATE", "RN"), ("Mato Grosso do Sul", "STATE", "MS")],
    ),
    ("Belo Horizonte (MG)", [("MG", "STATE", "MG")]),
    ("Montes Claros/MG", [("MG", "STATE", "MG")]),
    ("Palmas - TO", [("TO", "STATE", "TO")]),
    ("Belém (PA) e Maceió/AL", [("PA", "STATE", "PA"), ("AL", "STATE", "AL")]),
    ("governo de SP", [("SP", "STATE", "SP")]),
    ("recursos para o Pará", [("Pará", "STATE", "PA")]),
    ("o estado de São Paulo", [("São Paulo", "STATE", "SP")]),
    ("a cidade de São Paulo", [("São Paulo", "LOC", "SP")]),
    ("São Paulo (SP)", [("São Paulo", "LOC", "SP"), ("SP", "STATE", "SP")]),
    ("governo de Minas", [("Minas", "STATE", "MG")]),
]

NOT_STATES = [
    "recursos para os municípios",
    "RECURSOS PARA OS MUNICÍPIOS",
    "região norte-mineira e o povo baiano",
    "o rio Amazonas e a bacia do Paraná",
    "Minas Novas recebeu",
    "o Ministério da Saúde",
    "ES ist gut; TO BE OR NOT; et AL",
    "na rodovia BA-052",
    "o conselho (CEAS/RS) e o TRE-PE",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_states(text, expected):
    found = [(text[m.start : m.end], m.label, m.attrs["uf"]) for m in find_states(text)]
    assert found == expected


@pytest.mark.parametrize("text", NOT_STATES)
def test_not_states(text):
    assert [text[m.start : m.end] for m in find_states(text) if m.label == "STATE"] == []


def test_attributes():
    [m] = find_states("Bahia")
    assert {k: m.attrs[k] for k in ("uf", "ibge_code", "region")} == {"uf": "BA", "ibge_code": 29, "region": "Nordeste"}


def test_bare_sao_paulo_is_marked_ambiguous():
    [m] = find_states("Em São Paulo, o evento")
    assert m.label == "STATE" and m.attrs["ambiguous"] is True


def test_demonyms_are_evidence_not_mentions():
    import pipeline

    text = "O governo da Bahia recebeu o povo baiano e prefeitos da região norte-mineira. Gaúchos vieram."
    record = pipeline.process(text, model="blank")
    states = {e["attributes"]["uf"]: e for e in record["entities"] if e["label"] == "STATE"}
    assert set(states) == {"BA"}  # no mention of MG or RS: demonyms alone make no state
    assert states["BA"]["attributes"]["demonyms"] == ["baiano"]
    assert [m["text"] for m in states["BA"]["mentions"]] == ["Bahia"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A ponte liga Teresina-PI a Timon-MA.", [("PI", "PI"), ("MA", "MA")]),
        ("Governo do Para amplia vacinação", [("Para", "PA")]),
        ("A empresa fica em São Paulo (SP).", [("SP", "SP")]),
        ("O aditivo ao Termo de Outorga (TO) foi assinado.", []),
        ("A festa do Divino Espírito Santo reúne fiéis.", []),
        ("internado no Hospital Santa Catarina", []),
        ("A Emater-MG e a Seed-PR assinaram.", []),
    ],
)
def test_more_state_cases(text, expected):
    found = [(text[m.start : m.end], m.attrs["uf"]) for m in find_states(text) if m.label == "STATE"]
    assert found == expected
