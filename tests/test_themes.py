"""Themes over the shipped taxonomy and a user's own; keyphrases an analyst would pick."""

import pytest

import pipeline
from pipeline.themes import TaxonomyError, default_taxonomy, load_taxonomy, themes

TOP_THEME = [
    ("O CRAS e o CREAS atendem famílias do Cadastro Único e do Bolsa Família.", "assistencia_social"),
    ("A UBS amplia a vacinação e os atendimentos de enfermagem do SUS.", "saude"),
    ("O FNDE repassa recursos do PNAE para a merenda escolar das escolas.", "educacao"),
    ("A pavimentação da rodovia e a recuperação das pontes começam em março.", "infraestrutura_obras"),
    ("Carros-pipa levam água potável às comunidades sem abastecimento de água.", "saneamento"),
    ("A Emater apoia a agricultura familiar e o Pronaf na safra.", "agricultura"),
    ("O TRE orienta candidatos sobre as condutas vedadas na campanha eleitoral.", "eleicoes_politica"),
    ("O governo amplia o turismo com rotas turísticas e sinalização turística.", "turismo"),
]


@pytest.mark.parametrize(("text", "theme"), TOP_THEME)
def test_top_theme(text, theme):
    scored = themes(text)
    assert scored[0]["label"] == theme
    assert len(scored) == len(default_taxonomy()) == 20  # every theme is scored
    assert all(0 <= t["score"] <= 1 for t in scored)


def test_acronyms_match_as_written():
    # `suas` the possessive is not SUAS, the system
    assert themes("as suas casas e suas ruas")[0]["score"] == 0.0
    assert themes("o SUAS em Minas")[0]["label"] == "assistencia_social"


def test_own_taxonomy(tmp_path):
    path = tmp_path / "t.tsv"
    path.write_text("# mine\nazeite\tAzeite\tazeite; olival*; lagar*\nvinho\tVinho\tvinho*; vinha*\n", encoding="utf-8")
    taxonomy = load_taxonomy(path)
    scored = themes("Os olivais e os lagares de azeite de Moura.", taxonomy)
    assert [t["label"] for t in scored] == ["azeite", "vinho"] and scored[1]["score"] == 0.0
    record = pipeline.process("Os olivais e os lagares de azeite de Moura.", model="blank", taxonomy=taxonomy)
    assert record["themes"][0]["label"] == "azeite"


@pytest.mark.parametrize("content", ["", "# only comments\n", "a\tb\n"])
def test_bad_taxonomy(tmp_path, content):
    path = tmp_path / "bad.tsv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(TaxonomyError):
        load_taxonomy(path)


def test_seed_keywords_and_theme(seed_text):
    record = pipeline.process(seed_text)
    texts = [k["text"] for k in record["keywords"]]
    assert "assistência social" in texts[:5]
    assert record["themes"][0]["label"] == "assistencia_social"
    # since issue 22 a name the text is about may be a keyphrase (`AMAMS`, said six times);
    # amounts and dates never are
    assert not {"R$ 2.321.286.890", "2.321.286.890", "06 de Julho de 2021", "Julho"} & set(texts)
    lemmas = [k["lemma"] for k in record["keywords"]]
    assert len(lemmas) == len(set(lemmas))  # one entry per lemma


def test_any_word_is_text_not_an_index_key():
    # `starred` was a key of the term index: a text holding the word raised ValueError
    assert all(0.0 <= t["score"] <= 1.0 for t in themes("O relatório starred acronym cita a saúde pública."))
