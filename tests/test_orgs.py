import pytest

from pipeline.components.orgs import find_orgs

PAIRS = [
    (
        "A Associação dos Municípios da área Mineira da Sudene (AMAMS) promoveu",
        "Associação dos Municípios da área Mineira da Sudene",
        "AMAMS",
    ),
    ("a Confederação Nacional de Municípios (CNM) alertou", "Confederação Nacional de Municípios", "CNM"),
    ("pelo Sistema Único de Saúde (SUS).", "Sistema Único de Saúde", "SUS"),
    (
        "segundo o IBGE - Instituto Brasileiro de Geografia e Estatística, a",
        "Instituto Brasileiro de Geografia e Estatística",
        "IBGE",
    ),
    ("do Consórcio Intermunicipal do Sisal (Consisal)", "Consórcio Intermunicipal do Sisal", "Consisal"),
    (
        "a Empresa de Assistência Técnica e Extensão Rural (Emater)",
        "Empresa de Assistência Técnica e Extensão Rural",
        "Emater",
    ),
    ("a Empresa Baiana de Águas e Saneamento (Embasa)", "Empresa Baiana de Águas e Saneamento", "Embasa"),
    # the town a body is from is no part of its acronym's syllables
    ("à Cooperativa dos Cajucultores de Picos (Coopcaju)", "Cooperativa dos Cajucultores de Picos", "Coopcaju"),
    # nor is the head word before the syllables
    ("a Companhia de Saneamento do Paraná (Sanepar)", "Companhia de Saneamento do Paraná", "Sanepar"),
]


@pytest.mark.parametrize(("text", "long_form", "acronym"), PAIRS)
def test_acronym_pairs(text, long_form, acronym):
    found = {text[m.start : m.end]: m for m in find_orgs(text)}
    assert long_form in found
    assert found[long_form].attrs["acronym"] == acronym


def test_acronym_defined_in_document_is_found_everywhere():
    text = "A Associação dos Municípios da Área Mineira da Sudene (AMAMS) fez. Depois a AMAMS disse."
    acronyms = [m for m in find_orgs(text) if text[m.start : m.end] == "AMAMS"]
    assert len(acronyms) == 2
    assert acronyms[1].attrs["long_form"] == "Associação dos Municípios da Área Mineira da Sudene"


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("o TCU auditou", "TCU", "ORG"),
        ("recursos do FPM", "FPM", "PROGRAM"),
        ("a Prefeitura de Montes Claros informou", "Prefeitura de Montes Claros", "ORG"),
        # PT-PT's municipal council and a Brazilian town council, whole
        ("a Câmara de Braga aprovou", "Câmara de Braga", "ORG"),
        ("a Câmara de Vereadores de Picos votou", "Câmara de Vereadores de Picos", "ORG"),
        ("a Secretaria de Estado de Saúde de Minas Gerais e", "Secretaria de Estado de Saúde de Minas Gerais", "ORG"),
        (
            "o Ministério da Integração e do Desenvolvimento Regional",
            "Ministério da Integração e do Desenvolvimento Regional",
            "ORG",
        ),
        ("a Universidade do Minho e o Mercado Municipal", "Universidade do Minho", "ORG"),
        # a currency's letters after a body's name are no part of it
        ("pelo Ministério das Cidades R$ 8 milhões", "Ministério das Cidades", "ORG"),
        ("o Fundo Nacional de Saúde US$ 3 milhões", "Fundo Nacional de Saúde", "ORG"),
        ("a Secretaria de Estado de Saúde RS recebeu", "Secretaria de Estado de Saúde RS", "ORG"),
        # `e` before an acronym joins two bodies, not two halves of one name
        ("a Prefeitura de Olinda e DER fecharam", "Prefeitura de Olinda", "ORG"),
        # head words of the third round; a company by its legal form, without the article before it
        ("à Cooperativa dos Cajucultores de Picos", "Cooperativa dos Cajucultores de Picos", "ORG"),
        ("a Santa Casa de Misericórdia de Crato", "Santa Casa de Misericórdia de Crato", "ORG"),
        ("condenou a Luz Norte Distribuidora S.A. a pagar", "Luz Norte Distribuidora S.A.", "ORG"),
        ("A Mineração Serra Norte S.A. pagou", "Mineração Serra Norte S.A.", "ORG"),
        ("a Construtora Serra Branca Ltda. terá", "Construtora Serra Branca Ltda.", "ORG"),
        # clubs: a head word, or `Futebol Clube` after the name
        ("e o Murici Futebol Clube, com", "Murici Futebol Clube", "ORG"),
        ("O Esporte Clube Laranjal recebeu", "Esporte Clube Laranjal", "ORG"),
        # an abbreviation inside a name keeps its dot
        ("no Hospital Prisional S. João de Deus, em", "Hospital Prisional S. João de Deus", "ORG"),
    ],
)
def test_known_acronyms_and_headed_names(text, span, label):
    found = {text[m.start : m.end]: m.label for m in find_orgs(text)}
    assert found.get(span) == label


@pytest.mark.parametrize("text", ["O mapa do tesouro", "a sigla TCUX e o XTCU", "o governo federal"])
def test_not_orgs(text):
    assert find_orgs(text) == []
