"""Roles of people, before and after the name; headings are not people."""

import pytest

import pipeline

ROLES = [
    # (text, person, roles)
    ("O presidente da AMAMS, José Nilson Bispo de Sá, salienta.", "José Nilson Bispo de Sá", ["presidente da AMAMS"]),
    (
        "A superintendente de Assistência Social da Bahia, Leísa Mendes, falou.",
        "Leísa Mendes",
        ["superintendente de Assistência Social da Bahia"],
    ),
    (
        "Segundo Leísa Mendes, superintendente de Assistência Social, o prazo acabou.",
        "Leísa Mendes",
        ["superintendente de Assistência Social"],
    ),
    ("O prefeito João Silva inaugurou a obra.", "João Silva", ["prefeito"]),
    ("A vice-prefeita Ana Costa discursou.", "Ana Costa", ["vice-prefeita"]),
    ("O secretário municipal de Saúde, Pedro Alves, anunciou.", "Pedro Alves", ["secretário municipal de Saúde"]),
    ("Carlos Souza (diretor da Emater) explicou.", "Carlos Souza", ["diretor da Emater"]),
    ("Maria Lima disse que a obra começa em março.", "Maria Lima", []),
]


@pytest.mark.parametrize(("text", "person", "roles"), ROLES)
def test_roles(text, person, roles):
    record = pipeline.process(text)
    people = {e["canonical"]: e for e in record["entities"] if e["label"] == "PER"}
    assert person in people, [e["canonical"] for e in record["entities"]]
    assert people[person]["attributes"]["roles"] == roles


def test_seed_people_have_their_roles(seed_text):
    record = pipeline.process(seed_text)
    people = {e["canonical"]: e["attributes"]["roles"] for e in record["entities"] if e["label"] == "PER"}
    assert people["José Nilson Bispo de Sá"] == ["presidente da AMAMS"]
    assert people["Leísa Mendes"] == ["superintendente de Assistência Social da Bahia"]
    assert "Controle" not in people and "Assistência" not in people  # headings, not people
