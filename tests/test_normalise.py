import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.normalise import DEFAULT_STEPS, normalise

CHANGES = [
    # (original, normalised, kinds)
    ("o processo  de organização", "o processo de organização", {"whitespace"}),
    ("sobre  a proteção", "sobre a proteção", {"whitespace"}),
    ("usuários , trabalhadores", "usuários, trabalhadores", {"punctuation"}),
    ("elencou sobre o . Bem", "elencou sobre o. Bem", {"punctuation"}),
    ("municípios,estados e união", "municípios, estados e união", {"punctuation"}),
    ("a,, b", "a, b", {"punctuation"}),
    ("linha\r\noutra", "linha\noutra", {"whitespace"}),
    ("fim   \nnovo", "fim\nnovo", {"whitespace"}),
    ("título\n\n\n\n\ncorpo", "título\n\ncorpo", {"whitespace"}),
    ("Assistência\u00a0Social", "Assistência Social", {"unicode"}),
    ("Associac\u0327a\u0303o", "Associação", {"unicode"}),
    ("zero\u200bwidth", "zerowidth", {"unicode"}),
    ("sino\x07 tocou", "sino tocou", {"unicode"}),
]

# Text that is already right must come out byte for byte the same.
UNCHANGED = [
    "Leísa Mendes e José Nilson Bispo de Sá",
    "AMAMS, SUAS e CNM",
    "R$ 2.321.286.890 e R$ 1.234.567,89; 2,5 mil milhões de euros",
    "Lei nº 8.742, de 7 de dezembro de 1993",
    "| 06 de Julho de 2021 - 13:21",
    "Acesse www.amams.org.br/noticias?id=1,2 ou escreva para imprensa@amams.org.br",
    "#AssistênciaSocial 20% às 13h30 (38) 3221-1234",
    "Montes Claros/MG, Belo Horizonte (MG)",
    "acção, facto e projecto (PT-PT)",
    "Reticências... e fim!",
    "linha um\nlinha dois\n\nparágrafo",
]


@pytest.mark.parametrize(("original", "expected", "kinds"), CHANGES)
def test_changes(original, expected, kinds):
    norm = normalise(original)
    assert norm.text == expected
    corrections = norm.corrections()
    assert corrections
    assert {k for c in corrections for k in c.kind.split("+")} == kinds
    for c in corrections:
        assert original[c.start : c.end] == c.to_dict(original)["original"]


@pytest.mark.parametrize("text", UNCHANGED)
def test_right_text_is_left_alone(text):
    norm = normalise(text)
    assert norm.text == text
    assert norm.corrections() == []


def test_steps_can_be_switched_off():
    assert normalise("a  b ,", steps=["punctuation"]).text == "a  b,"
    assert normalise("a  b ,", steps=[]).text == "a  b ,"
    with pytest.raises(ValueError, match="unknown normalisation step"):
        normalise("x", steps=["spelling-magic"])


def test_seed_offsets_point_into_original(seed_text):
    norm = normalise(seed_text)
    for c in norm.corrections():
        assert seed_text[c.start : c.end] == c.to_dict(seed_text)["original"]
    i = norm.text.index("Leísa Mendes")
    start, end = norm.to_original(i, i + len("Leísa Mendes"))
    assert seed_text[start:end] == "Leísa Mendes"


# with controls, direction marks, emoji (a surrogate pair in UTF-16, one character here) and mojibake
_TEXTS = st.text(
    alphabet=st.sampled_from(list("ab ção,.;!?\n\t\r\u00a0\u200b\u0301AZ19$()\x00\x07\x1b\u202e\u200f\u2066🎉Ã§©")),
    max_size=60,
)


@given(_TEXTS)
def test_controls_and_direction_marks_never_reach_the_normalised_text(text):
    assert not set("\x00\x07\x1b\u202e\u200f\u2066") & set(normalise(text).text)


@given(_TEXTS)
def test_alignment_invariants(text):
    norm = normalise(text)
    n = len(norm.text)
    for start in range(0, n, 3):
        for end in range(start + 1, min(n, start + 8) + 1):
            o_start, o_end = norm.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(text)
    # the corrections, applied to the original, rebuild the normalised text
    rebuilt, pos = [], 0
    for c in norm.corrections():
        rebuilt += [text[pos : c.start], c.replacement]
        pos = c.end
    assert "".join([*rebuilt, text[pos:]]) == norm.text


# No mojibake letters here: `Ã<zero width space>§` loses its invisible character in the
# `invisible` step, after `mojibake` has run, and only a second pass sees `Ã§`. Mojibake must run
# first: `invisible` would turn the no-break space of `Ã\u00a0` (à) into a plain space.
_PRINTABLE_TEXTS = st.text(
    alphabet=st.sampled_from(list("ab ção,.;!?\n\t\r\u00a0\u200b\u0301AZ19$()\x07\u202e🎉")), max_size=60
)


@given(_PRINTABLE_TEXTS)
def test_normalising_twice_changes_nothing(text):
    once = normalise(text).text
    assert normalise(once).text == once


def test_default_steps_are_named():
    assert DEFAULT_STEPS == (
        "mojibake",
        "invisible",
        "unicode",
        "line_breaks",
        "whitespace",
        "punctuation",
        "spelling",
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [("AA;;AA", "AA; AA"), ("palavra,,outra", "palavra, outra"), ("a,,b", "a,b"), ("x ,, y", "x, y")],
)
def test_doubled_marks_glued_between_words_get_their_space_in_one_pass(text, expected):
    # found by the idempotence property: `AA;;AA` became `AA;AA`, and only a second pass spaced it
    assert normalise(text).text == expected == normalise(expected).text
