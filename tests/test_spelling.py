"""Spelling correction: the typos that must be fixed, the words that must never change."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pipeline.normalise import normalise
from pipeline.spelling import Speller, default_lexicon, edit_cost, fold

FIXED = [
    # (text, typo, correction) -- the seed's typos first, in their own context
    ("a participação da superientende de Assistência Social da Bahia", "superientende", "superintendente"),
    ("dos técnicos da Confederaççao Nacional dos Municípios", "Confederaççao", "Confederação"),
    ("técnicos que apresentoaram os modelos usados", "apresentoaram", "apresentaram"),
    ("os serviços socioassistêncial e os direitos socioassistenciais", "socioassistêncial", "socioassistencial"),
    ("e ainda enriquecendos os debates", "enriquecendos", "enriquecendo"),
    ("com a participaçao dos municipios mineiros", "participaçao", "participação"),
    ("com a participaçao dos municipios mineiros", "municipios", "municípios"),
    ("o orçamento da assistencia social", "assistencia", "assistência"),
    ("a reuniao nao aconteceu", "reuniao", "reunião"),
    ("a reuniao nao aconteceu", "nao", "não"),
    ("foram apresentadas as propostas do goveno estadual", "goveno", "governo"),
    ("o prefeito anunciou a contrução da ponte", "contrução", "construção"),
    ("a secretaria de educaçâo informou", "educaçâo", "educação"),
    ("os recurssos foram liberados", "recurssos", "recursos"),
    ("o município recebeu os recrusos", "recrusos", "recursos"),
    ("Sao Paulo recebeu a comitiva", "Sao", "São"),
]

# Text that is right as written: names, acronyms, PT-PT and pre-1990 spellings, loans, numbers.
UNCHANGED = [
    "Leísa Mendes e José Nilson Bispo de Sá",
    "Antonio Motta, Marcia Balla e Nilson Toller",
    "AMAMS, SUAS, CNM, CRAS, CREAS e a Sudene",
    "A AMAMS e a AMM; o FUNDEB e o FPM",
    "R$ 2.321.286.890 e R$ 1.234.567,89; 2,5 mil milhões de euros",
    "Lei nº 8.742, de 7 de dezembro de 1993",
    "acção, facto, óptimo e projecto; a direcção coleccionava selecções",
    "o económico e o econômico; o fenómeno e o fenômeno; o ténis e o tênis",
    "a equipa de futebol e o comboio chegaram ao ecrã",
    "o site, o marketing e o show online",
    "Acesse www.amams.org.br/noticias?id=1 ou escreva para imprensa@amams.org.br",
    "#AssistênciaSocial e @amams_oficial",
    "socioassistencial, socioassistenciais e cofinanciamento",
    "o superintendente superintende a superintendência",
    "Ele demitira o secretário; ela realçara o ponto",
    "Montes Claros/MG, Belo Horizonte (MG), BR-251",
]

# Accents lost where the word without them is a word too (issue 17): (text, typed, restored).
RESTORED = [
    ("Ele esta em casa", "esta", "está"),
    ("Esta tudo bem", "Esta", "Está"),  # a capital at the start of a sentence is no name's
    ("isso e muito bom", "e", "é"),
    ("as vezes ele vem", "as", "às"),
    ("Vou ficar ate amanha", "ate", "até"),
    ("Vou ficar ate amanha", "amanha", "amanhã"),
    ("O Brasil e um pais grande", "pais", "país"),
    ("ele ja chegou", "ja", "já"),
    ("o medico atendeu os pacientes", "medico", "médico"),
    ("para tirar suas duvidas", "duvidas", "dúvidas"),
    ("as conferencias municipais de saúde", "conferencias", "conferências"),
    ("o publico presente aplaudiu", "publico", "público"),
    ("a historia do Brasil", "historia", "história"),
    # place names from the IBGE tables: a state that is also a word needs a place before it
    ("Ela mora no Para.", "Para", "Pará"),
    ("em Belém (Para)", "Para", "Pará"),
    ("o governo do Amapa", "Amapa", "Amapá"),
    ("Amapa e Paraiba", "Paraiba", "Paraíba"),
    # edit costs that match how people type
    ("lavou as maos", "maos", "mãos"),
    ("o contigente de soldados", "contigente", "contingente"),
]

# ... and what must stay as written.
KEPT = [
    "Esta casa é bonita",
    "esta semana foi boa",
    "os pais dos alunos chegaram",
    "Para mim, tanto faz",
    "Vou para casa",
    "Ele e o irmão chegaram",
    "vc sabe pq qndo tb facul ceis porq",  # slang and abbreviations (lang/pt/slang.tsv)
    "A PARA e a ESTA",  # capitals: acronyms
    "Para onde vamos?",
    "Antonio Motta, Marcia Balla e Nilson Toller",
]


@pytest.mark.parametrize(("text", "typo", "fix"), FIXED + RESTORED)
def test_typos_and_lost_accents_are_fixed(text, typo, fix):
    norm = normalise(text)
    changes = {c.to_dict(text)["original"]: c for c in norm.corrections() if c.kind == "spelling"}
    assert typo in changes, norm.text
    assert changes[typo].replacement == fix
    assert 0.5 <= changes[typo].confidence <= 1


@pytest.mark.parametrize("text", UNCHANGED + KEPT)
def test_right_words_are_left_alone(text):
    assert Speller().edits(text) == []


def test_context_decides_noun_or_verb():
    speller = Speller()
    assert [e.replacement for e in speller.edits("a superientende de Assistência")] == ["superintendente"]
    # without an article before it, the far noun is not considered
    assert [e.replacement for e in speller.edits("ela superientende o serviço")] != ["superintendente"]


def test_spelling_can_be_switched_off():
    text = "a superientende da Confederaççao"
    steps = ("whitespace", "punctuation")
    assert normalise(text, steps=steps).text == text
    assert normalise(text).text == "a superintendente da Confederação"


def test_lexicon_tags():
    lexicon = default_lexicon()
    assert "superintendente" in lexicon and "superintende" in lexicon
    assert "superintende" in lexicon.verbs and "superintendente" not in lexicon.verbs
    assert "participaçao" not in lexicon and "municipios" not in lexicon  # wordfreq's misspellings dropped
    assert "projecto" in lexicon  # frequent pre-1990 PT-PT spelling kept


def test_without_hunspell_the_lexicon_still_decides():
    speller = Speller(accepts=None)
    assert [e.replacement for e in speller.edits("a participaçao")] == ["participação"]


COSTS = [
    # (typed, meant, cost): cheap for what hurried typists do, dear for the rest
    ("participaçao", "participação", 0.3),  # an accent lost: the commonest slip
    ("educaçâo", "educação", 0.6),  # an accent mistyped
    ("pesquissa", "pesquisa", 0.8),
    ("confederaççao", "confederação", 1.1),
    ("ideia", "idéia", 0.3),
    ("idéia", "ideia", 1.5),
    ("sitema", "sistema", 2.0),
    ("sisstema", "sistema", 0.8),
    ("sirtema", "sistema", 2.3),
    ("sistena", "sistema", 1.6),  # the key next to the right one
    ("sostema", "sistema", 2.3),  # a vowel for a vowel, even next to it on the keyboard
    ("sistmea", "sistema", 1.8),
    ("maos", "mãos", 0.3),  # a lost tilde is cheaper than a changed vowel ...
    ("maos", "mais", 2.3),
    ("contigente", "contingente", 0.5),  # ... and a nasal left out before a consonant than a wrong key
    ("contigente", "continente", 1.6),
]


@pytest.mark.parametrize(("typed", "meant", "cost"), COSTS)
def test_edit_costs(typed, meant, cost):
    assert edit_cost(typed, meant) == pytest.approx(cost)


@pytest.mark.parametrize(("a", "b"), [("Confederaççao", "confederação"), ("municipios", "Municípios"), ("SÃO", "sao")])
def test_fold(a, b):
    assert fold(a) == fold(b)


_COMMON = sorted(w for w, z in default_lexicon().zipf.items() if z >= 4.5 and w.isalpha())
_SEPARATORS = st.sampled_from([" ", " ", ", ", ". ", "; ", "\n"])


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.sampled_from(_COMMON), st.sampled_from(["lower", "title"]), _SEPARATORS), max_size=25))
def test_clean_text_is_unchanged(parts):
    """Any text made of known words, in lower or title case, comes out byte for byte the same from
    the non-word step; the real-word step may only give a word accents that one of its spellings
    has (`ai` alone reads as `aí`), never change its letters."""
    from pipeline.accents import default_model
    from pipeline.spelling import place_names

    text = "".join((w if case == "lower" else w.title()) + sep for w, case, sep in parts).strip()
    assert Speller(restore=False).edits(text) == []
    for change in normalise(text).corrections():
        typed = text[change.start : change.end]
        spellings = default_model().classes.get(typed.lower(), ())
        assert change.replacement.lower() in spellings or change.replacement == place_names().get(typed.lower()), change
        assert fold(change.replacement) == fold(typed), change


MOJIBAKE = [
    # (original, normalised): UTF-8 read as CP1252/Latin-1, decoded again
    ("AssistÃªncia Social", "Assistência Social"),
    ("participaÃ§Ã£o dos municÃ­pios", "participação dos municípios"),
    ("Ã\u00a0s 10h", "às 10h"),
    ("SÃ£o Paulo â€“ SP", "São Paulo – SP"),
]


@pytest.mark.parametrize(("original", "expected"), MOJIBAKE)
def test_mojibake_is_decoded_again(original, expected):
    norm = normalise(original)
    assert norm.text == expected
    assert {c.kind for c in norm.corrections()} <= {"mojibake", "mojibake+whitespace"}


@pytest.mark.parametrize("text", ["CONFEDERAÇÃO NACIONAL", "Ação e Órgão", "ÀS 10H", "Ç Ã Õ"])
def test_right_capitals_are_not_mojibake(text):
    assert normalise(text).text == text


@pytest.mark.parametrize("text", ["a superientende de Assistência", "AssistÃªncia  social ,", "Confederaççao"])
def test_spelling_corrections_point_into_the_original(text):
    norm = normalise(text)
    rebuilt, pos = [], 0
    for c in norm.corrections():
        rebuilt += [text[pos : c.start], c.replacement]
        pos = c.end
    assert "".join([*rebuilt, text[pos:]]) == norm.text


def test_corpus_misspellings():
    """Our releases against their hand-listed misspellings (corpus/gold/spelling.tsv)."""
    from benchmarks.spelling import corpus_score

    result = corpus_score(Speller())
    assert result["typos"] >= 60
    assert result["precision"] >= 0.95, result["wrong"]
    assert result["recall_non_word"] >= 0.85, result["missed"]


_TYPO_MAKERS = st.sampled_from(["none", "none", "accent", "double", "missing", "swap", "mojibake", "upper"])


def _damage(word: str, how: str, position: int) -> str:
    i = position % len(word)
    if how == "accent":
        return fold(word) if fold(word) != word else word
    if how == "double":
        return word[: i + 1] + word[i:]
    if how == "missing" and len(word) > 3:
        return word[:i] + word[i + 1 :]
    if how == "swap" and len(word) > 3 and i < len(word) - 1:
        return word[:i] + word[i + 1] + word[i] + word[i + 2 :]
    if how == "mojibake":
        return word.encode("utf-8").decode("cp1252", errors="replace")
    if how == "upper":
        return word.upper()
    return word


@settings(max_examples=120, deadline=None)
@given(
    st.lists(
        st.tuples(st.sampled_from(_COMMON), _TYPO_MAKERS, st.integers(0, 20), _SEPARATORS),
        min_size=1,
        max_size=20,
    )
)
def test_offsets_hold_on_damaged_text(nlp, parts):
    """Whatever the typos, every correction and every mention points into the original text."""
    from pipeline import process
    from tests.conftest import check_record

    text = "".join(_damage(w, how, pos) + sep for w, how, pos, sep in parts)
    norm = normalise(text)
    rebuilt, pos = [], 0
    for c in norm.corrections():
        assert 0 <= c.start <= c.end <= len(text)
        rebuilt += [text[pos : c.start], c.replacement]
        pos = c.end
    assert "".join([*rebuilt, text[pos:]]) == norm.text
    for start in range(0, len(norm.text), 5):
        o_start, o_end = norm.to_original(start, min(len(norm.text), start + 7))
        assert 0 <= o_start <= o_end <= len(text)
    record = check_record(process(text, nlp=nlp))
    for entity in record["entities"]:
        for m in entity["mentions"]:
            assert text[m["start"] : m["end"]] == m["text"]


def test_vocabulary_words_are_known_and_offered(tmp_path):
    from pipeline.spelling import read_vocabulary

    path = tmp_path / "vocab.txt"
    path.write_text("# programas locais\nSUASWeb\necosol\tfeira de economia solidária\n", encoding="utf-8")
    words = read_vocabulary(path)
    assert words == ["SUASWeb", "ecosol"]
    plain, own = Speller(), Speller(vocabulary=words)
    assert [e.replacement for e in own.edits("a rede suaswbe e a feira ecossol")] == ["SUASWeb", "ecosol"]
    assert plain.edits("a rede suaswbe e a feira ecossol") == []
    assert own.edits("a rede SUASWeb e a feira ecosol") == []


def test_restoration_can_be_switched_off():
    assert Speller(restore=False).edits("Ele esta em casa") == []
    assert [e.replacement for e in Speller(restore=False).edits("a participaçao")] == ["participação"]


def test_accent_model_is_loaded_only_when_needed():
    speller = Speller()
    assert speller._model is None
    speller.edits("Ele esta em casa")
    assert speller._model is not None


def test_posterior_weighs_the_model_by_the_chance_of_a_lost_accent():
    from pipeline.accents import posterior, strip_rate

    # typed `esta`; the model says 0.9 `está` had the accents been lost; one accent in ten is
    best, p = posterior("esta", ("esta", "está"), (0.1, 0.9), 0.1)
    assert best == "está" and p == pytest.approx(0.09 / 0.19)
    # a form that is no word by itself (`ja`) has only accented spellings: the rate cancels
    assert posterior("ja", ("já",), (1.0,), 0.1) == ("já", 1.0)
    # a text that loses accents elsewhere raises the rate; one that keeps them lowers it
    assert strip_rate(kept=0, lost=3) > strip_rate(kept=0, lost=0) == 0.1 > strip_rate(kept=5, lost=0)


def test_accent_model_covers_the_common_pairs():
    from pipeline.accents import default_model

    classes = default_model().classes
    for form, spelling in [("esta", "está"), ("e", "é"), ("ate", "até"), ("pais", "país"), ("a", "à"), ("ja", "já")]:
        assert spelling in classes[form]
    assert "esta" in classes["esta"] and "ja" not in classes["ja"]  # `ja` is no word


def test_training_examples_from_text():
    from pipeline.lang.build_accents import examples

    found = list(examples(iter(["Esta casa está vazia. Está tudo bem, disse Esta."]), {"esta"}, frozenset()))
    # sentence-initial capitals count (lower-cased); a capital inside a sentence is a name's
    assert [(form, spelling, i) for form, spelling, _, _, i, _ in found] == [
        ("esta", "esta", 0),
        ("esta", "está", 2),
        ("esta", "está", 5),
    ]
