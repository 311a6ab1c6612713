"""Names that must come out right: countries, parties, bodies, people, and headings that must not.

Run through the whole pipeline with the shipped model, so that a retrained model or a change in
the name layer that breaks one of these is caught. Where a sentence depends on one model guess
rather than on the name layer, it is not here: the held-out figures (benchmarks/ner.py) measure those.
"""

from __future__ import annotations

import pytest
import spacy
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from spacy.tokens import Doc, Span

import pipeline
from pipeline.components.names import common_phrase, names_component, trimmed
from pipeline.lang.pt.names import capital_share, known_label, wiki_label


def _names(text: str) -> set[tuple[str, str]]:
    record = pipeline.process(text)
    out = set()
    for ent in record["entities"]:
        label = "LOC" if ent["label"] in ("STATE", "LOC") else ent["label"]
        out |= {(label, m["text"]) for m in ent["mentions"]}
    return out


MUST = [
    ("O Brasil exportou soja para a China e os EUA.", {("LOC", "Brasil"), ("LOC", "China"), ("LOC", "EUA")}),
    ("Lula venceu a eleição com o apoio do PT.", {("PER", "Lula"), ("ORG", "PT")}),
    ("O Senado aprovou a proposta do PSDB.", {("ORG", "Senado"), ("ORG", "PSDB")}),
    (
        "A ministra Marina Silva visitou Portugal e Angola.",
        {("PER", "Marina Silva"), ("LOC", "Portugal"), ("LOC", "Angola")},
    ),
    (
        "O presidente Fernando Henrique Cardoso falou em Lisboa.",
        {("PER", "Fernando Henrique Cardoso"), ("LOC", "Lisboa")},
    ),
    (
        "A Coreia do Sul e a Irlanda do Norte assinaram o acordo.",
        {("LOC", "Coreia do Sul"), ("LOC", "Irlanda do Norte")},
    ),
    ("O Supremo Tribunal Federal julgou o caso.", {("ORG", "Supremo Tribunal Federal")}),
    ("A Petrobras anunciou lucro recorde.", {("ORG", "Petrobras")}),
    ("O PSDB e o PT votaram no Congresso Nacional.", {("ORG", "PSDB"), ("ORG", "PT"), ("ORG", "Congresso Nacional")}),
    ("A Ásia e o Sudeste Asiático crescem.", {("LOC", "Sudeste Asiático")}),
    ("O Instituto Curie em Paris anunciou.", {("ORG", "Instituto Curie"), ("LOC", "Paris")}),
    ("Ele mora em S. Martinho do Porto desde 1990.", {("LOC", "S. Martinho do Porto")}),
    ("A Polícia Civil e Ary Chagas de Aguiar chegaram.", {("ORG", "Polícia Civil")}),
    # after a settlement's word, a place (the model read `Varzinha` as a person, `Portázio` as ORG)
    (
        "Assina também convênio que vai tirar do racionamento 188 famílias da comunidade do Portázio, além da "
        "construção da passagem molhada da comunidade de Varzinha, beneficiando 150 famílias.",
        {("LOC", "Portázio"), ("LOC", "Varzinha")},
    ),
]

MUST_NOT = [
    # capitalised common words: list items and headings of the seed release
    ("Financiamento e orçamento como instrumento, Controle social: o lugar da sociedade civil.", "Controle"),
    ("Infraestrutura\n\nA prefeitura entregou a obra.", "Infraestrutura"),
    ("Saúde\n\nO hospital recebeu novos leitos.", "Saúde"),
    ("Municípios do Norte e do Nordeste recebem a verba.", "Norte"),
    # a region word inside another name, a body joined to its place by `em`
    ("A Ásia e o Sudeste Asiático crescem.", "Sudeste"),
    ("O Instituto Curie em Paris anunciou.", "Instituto Curie em Paris"),
    ("A Polícia Civil e Ary Chagas de Aguiar chegaram.", "Polícia Civil e Ary Chagas de Aguiar"),
    # a title, then `de` and a place: no person is left (the model read `Padre de Água Fria` as one)
    ("Padre de Água Fria terá de pagar R$ 4 mil para que seu recurso seja julgado pelo Vaticano", "de Água Fria"),
]


@pytest.mark.parametrize(("text", "expected"), MUST)
def test_names_found(text, expected):
    found = _names(text)
    assert expected <= found, found


@pytest.mark.parametrize(("text", "word"), MUST_NOT)
def test_not_a_name(text, word):
    assert not any(mention == word for _, mention in _names(text))


def test_no_mention_crosses_a_line_or_ends_on_punctuation(seed_text):
    for text in (seed_text, "Renato Lessa\nIuperj\n\nO cientista político falou."):
        for ent in pipeline.process(text)["entities"]:
            for m in ent["mentions"]:
                assert "\n" not in m["text"], m
                assert m["text"][0].isalnum() and (m["text"][-1].isalnum() or m["text"][-1] in ".)"), m


# --- the layer alone, on hand-made Docs (no model) -------------------------------------------


@pytest.fixture(scope="module")
def nlp():
    return spacy.blank("pt")


def _doc(nlp, text: str, ents: list[tuple[int, int, str]]) -> Doc:
    doc = nlp(text)
    doc.ents = [Span(doc, s, e, label=lab) for s, e, lab in ents]
    return doc


def test_trim_cuts_at_line_break_and_punctuation(nlp):
    doc = _doc(nlp, 'Renato Lessa\nIuperj disse "Brasil"', [(0, 4, "PER"), (5, 8, "LOC")])
    assert trimmed(doc.ents[0]).text == "Renato Lessa"
    assert trimmed(doc.ents[1]).text == "Brasil"


@pytest.mark.parametrize(
    ("word", "common"),
    [
        ("Brasil", False),
        ("China", False),
        ("Lula", False),
        ("Senado", False),
        ("Controle", True),
        ("Infraestrutura", True),
    ],
)
def test_capitalised_common_words(nlp, word, common):
    doc = _doc(nlp, f"Disse que {word} vai bem.", [(2, 3, "LOC")])
    assert common_phrase(doc.ents[0], set()) is common


def test_person_loses_a_title_not_a_first_name(nlp):
    doc = _doc(nlp, "Técnico Pepe e Tom Robinson", [(0, 2, "PER"), (3, 5, "PER")])
    assert [e.text for e in names_component(doc).ents] == ["Pepe", "Tom Robinson"]


def test_one_lower_case_word_is_never_a_name(nlp):
    doc = _doc(nlp, "o estado da Morávia", [(1, 2, "LOC")])
    assert list(names_component(doc).ents) == []


def test_copies_take_the_model_majority_label(nlp):
    # the model reads Trump as LOC first, then PER twice; the untagged fourth is PER, not LOC
    doc = _doc(nlp, "em Trump . Trump disse . Trump foi . Trump", [(1, 2, "LOC"), (3, 4, "PER"), (6, 7, "PER")])
    out = names_component(doc)
    assert [(e.start, e.label_) for e in out.ents if e.start == 9] == [(9, "PER")]


def test_gazetteer_corrects_label_and_never_adds(nlp):
    doc = _doc(nlp, "A China e Santa Ana e Maria", [(1, 2, "PER")])
    out = names_component(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("China", "LOC")]  # nothing added for Ana, Maria


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # a word of a person found in the document is that person, whatever the model guessed
        (
            "Peter Fishel chegou . Fishel disse",
            [(0, 2, "PER"), (4, 5, "LOC")],
            [("Peter Fishel", "PER"), ("Fishel", "PER")],
        ),
        (
            "Peter Fishel chegou . Fishel disse",
            [(0, 2, "PER"), (4, 5, "ORG")],
            [("Peter Fishel", "PER"), ("Fishel", "PER")],
        ),
        # a place led by a common first name is a person...
        ("Natasha disse que sim", [(0, 1, "LOC")], [("Natasha", "PER")]),
        # ...but not after a preposition of place, nor a saint's name, nor a rare first name
        ("Ele mora em Natasha", [(3, 4, "LOC")], [("Natasha", "LOC")]),
        ("Visitou Santa Maria ontem", [(1, 3, "LOC")], [("Santa Maria", "LOC")]),
        ("Visitou Ferrara ontem", [(1, 2, "LOC")], [("Ferrara", "LOC")]),
        # a byline in capitals read as one ORG with the writer's name: the writer
        ("PÚBLICO Isabel Cruz escreveu", [(0, 3, "ORG")], [("Isabel Cruz", "PER")]),
        # ...but a body's name in capitals and words is left whole
        ("UNICEF Brasil informou", [(0, 2, "ORG")], [("UNICEF Brasil", "ORG")]),
    ],
)
def test_one_person_one_label(nlp, text, ents, expected):
    out = names_component(_doc(nlp, text, ents))
    assert [(e.text, e.label_) for e in out.ents] == expected


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("China", "LOC"),
        ("PSDB", "ORG"),
        ("PMDB", "ORG"),
        ("Senado", "ORG"),
        ("Ana", None),
        ("ANGOLA", "LOC"),  # a headline in capitals
        ("RIO DE JANEIRO", "LOC"),
        ("SENADO", "ORG"),
        ("EUA", "LOC"),  # an acronym as it stands
        ("ANA", None),
    ],
)
def test_known_label(name, label):
    assert known_label(name) == label


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Quebec", "LOC"),  # 10 LOC links
        ("Carolina do Norte", "LOC"),
        ("Santos", None),  # 8 ORG, 4 LOC: the club and the city, too mixed to override the model
        ("Hillary Clinton", None),  # one ORG link: too few to trust
        ("Xyzzyqq", None),
    ],
)
def test_wiki_label(name, label):
    assert wiki_label(name) == label


def test_wiki_names_are_not_common_words(nlp):
    # `fluminense` is mostly an adjective, but Wikipedia links `Fluminense` (the club) as ORG
    doc = _doc(nlp, "o jogo do Fluminense ontem", [(3, 4, "ORG")])
    assert [(e.text, e.label_) for e in names_component(doc).ents] == [("Fluminense", "ORG")]


def test_wiki_label_corrects_the_model(nlp):
    doc = _doc(nlp, "Ele chegou de Quebec e Santos", [(3, 4, "PER"), (5, 6, "PER")])
    out = names_component(doc)
    assert [(e.text, e.label_) for e in out.ents] == [("Quebec", "LOC"), ("Santos", "PER")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech verb, a role's head and its field, an age: the words around say a person
        ("Explica Américo Ramalho : sim", [("Américo Ramalho", "PER")]),
        ("o professor de Direito Previdenciário Fábio Zambite disse", [("Fábio Zambite", "PER")]),
        ("o presidente do PSOL Edilson Silva falou", [("Edilson Silva", "PER")]),
        ("Fábio Zambite , 58 , chegou", [("Fábio Zambite", "PER")]),
        # no cue, a number that is no age, a run that does not start with a first name: nothing
        ("A Norma Operacional Básica foi aprovada", []),
        ("na Avenida Manoel Novais , 1.210 , Centro", []),
        ("o presidente da Ordem dos Advogados do Brasil falou", []),
    ],
)
def test_cued_people(nlp, text, expected):
    out = names_component(_doc(nlp, text, []))
    assert [(e.text, e.label_) for e in out.ents] == expected


def test_capital_share_unknown_word():
    assert capital_share("xyzzyqq") is None


# --- property: no name crosses a line, whatever the text ------------------------------------

_WORDS = [
    "Secretaria",
    "de",
    "Saúde",
    "Maria",
    "Silva",
    "Brasil",
    "Palmeira",
    "dos",
    "Índios",
    "e",
    "Ministério",
    "da",
    "Fazenda",
    "Lula",
    "disse",
    "que",
    "o",
    "PT",
    "\n",
    "\n\n",
    ",",
    ".",
    "Controle",
    "Renato",
    "Lessa",
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.sampled_from(_WORDS), min_size=1, max_size=30))
def test_property_names_stay_on_one_line(words):
    text = " ".join(words)
    for ent in pipeline.process(text)["entities"]:
        if ent["label"] in ("PER", "ORG", "LOC", "STATE", "PROGRAM"):
            for m in ent["mentions"]:
                assert "\n" not in m["text"], (text, m)
                assert text[m["start"] : m["end"]] == m["text"]
