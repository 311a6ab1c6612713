"""LOC from tables: municipalities (IBGE), roads and regions; one-word common names need a cue."""

import pytest

from pipeline.components.places import find_places

CASES = [
    # (text, [(surface, kind, uf or None)])
    ("moradores de Saúde reclamam", [("Saúde", "municipality", "BA")]),
    ("a política de Olinda", [("Olinda", "municipality", "PE")]),
    (
        "a ponte entre Augustinópolis e Araguaína",
        [("Augustinópolis", "municipality", "TO"), ("Araguaína", "municipality", "TO")],
    ),
    ("em Palmeira dos Índios", [("Palmeira dos Índios", "municipality", "AL")]),
    ("no município de Valente (BA)", [("Valente", "municipality", "BA")]),
    (
        "Arapiraca, Penedo e Palmeira dos Índios",
        [
            ("Arapiraca", "municipality", "AL"),
            ("Penedo", "municipality", "AL"),
            ("Palmeira dos Índios", "municipality", "AL"),
        ],
    ),
    ("entre Augustinópolis e Sampaio", [("Augustinópolis", "municipality", "TO"), ("Sampaio", "municipality", "TO")]),
    ("em Cascavel - PR", [("Cascavel", "municipality", "PR")]),
    ("a Secretaria de Educação de Cuiabá/MT", [("Cuiabá", "municipality", "MT")]),
    ("pela BR-364 e pela TO-010", [("BR-364", "road", None), ("TO-010", "road", None)]),
    ("a ERS-130 e a MG-120", [("ERS-130", "road", None), ("MG-120", "road", None)]),
    ("o Norte e o Nordeste", [("Norte", "region", None), ("Nordeste", "region", None)]),
    ("produtores do Norte de Minas", [("Norte de Minas", "region", None)]),
    # a headline's region, whole, though the next line starts with a capital
    ("hospitais do Sul de Minas\n\nPublicado em 22/09/2025", [("Sul de Minas", "region", None)]),
    ("o interior da Amazônia", [("Amazônia", "region", None)]),
    ("três cidades do Sertão", [("Sertão", "region", None)]),
    ("no Agreste e na Zona da Mata", [("Agreste", "region", None), ("Zona da Mata", "region", None)]),
    ("em Sertão (RS)", [("Sertão", "municipality", "RS")]),
    ("o acesso à Santa Filomena", [("Santa Filomena", "municipality", None)]),  # PE and PI
    (
        "do Agreste de Pernambuco e do Norte do Piauí",
        [("Agreste de Pernambuco", "region", "PE"), ("Norte do Piauí", "region", "PI")],
    ),
]

NOT_PLACES = [
    "Marcos Vinícius Andrade Braga",  # a municipality name inside a person's name
    "Prefeitura de Montes Claros",  # inside an organisation's name: the organisation's
    "a Vitória do time",  # a common word without a place cue
    "São Paulo e Rio de Janeiro",  # states' names: the states component's
    "Lei 8.742 e BR 364",
    "Rio Grande do Sul",
    "a sul da cidade",
    # after a body's or a role's word, `de` names a field, not the municipality of Saúde (BA)
    "o secretário municipal de Saúde, João Silva",
    "os secretários de Saúde dos estados",
    "na gestão de Mendonça",
    # a saint's name with an article is the feast or a club, not the town
    "No São João, o Governo investiu em cultura",
    "o Santa Cruz venceu",
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_places(text, expected):
    found = [(text[m.start : m.end], m.attrs["kind"], m.attrs.get("uf")) for m in find_places(text)]
    assert sorted(found) == sorted(expected)


@pytest.mark.parametrize("text", NOT_PLACES)
def test_not_places(text):
    assert [text[m.start : m.end] for m in find_places(text)] == []


def test_ambiguous_municipality_lists_its_states():
    [match] = list(find_places("em Bom Jesus"))
    assert "uf" not in match.attrs and len(match.attrs["ufs"]) > 1
    [match] = list(find_places("em Bom Jesus (PI)"))
    assert match.attrs["uf"] == "PI" and match.attrs["ibge_code"] // 100000 == 22


@pytest.mark.parametrize(
    ("text", "label", "kind", "uf"),
    [
        # a municipality named with a frequent word that the model read as a place gets the table's
        # attributes (the table alone needs a cue for it)
        ("Caruaru vai receber R$ 2 milhões do Ministério da Cultura.", "LOC", "municipality", "PE"),
        ("Petrolina fica com a maior parte.", "LOC", "municipality", "PE"),
    ],
)
def test_model_places_get_attributes(shipped_nlp, text, label, kind, uf):
    doc = shipped_nlp(text)
    [place] = [e for e in doc.ents if e.label_ == label]
    assert place._.ptpipe_attrs["kind"] == kind and place._.ptpipe_attrs["uf"] == uf


def test_a_final_period_after_an_acronym_is_no_part_of_it(shipped_nlp):
    doc = shipped_nlp("O município recebeu R$ 1,1 milhão do MinC.")
    assert [e.text for e in doc.ents if e.label_ == "ORG"] == ["MinC"]
