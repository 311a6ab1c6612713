from hypothesis import given
from hypothesis import strategies as st

from pipeline.alignment import Alignment, Edit


def test_identity_maps_to_itself():
    a = Alignment("abc")
    assert a.is_identity
    assert a.to_original(1, 3) == (1, 3)
    assert a.corrections() == []


def test_replacement_and_deletion_and_insertion():
    a = Alignment("ab  cd ,e")
    a.apply([Edit(2, 4, " ", "whitespace"), Edit(6, 7, "", "punctuation")])
    assert a.text == "ab cd,e"
    a.apply([Edit(6, 6, " ", "punctuation")])
    assert a.text == "ab cd, e"
    # `cd` in the new text is `cd` in the original
    assert a.to_original(3, 5) == (4, 6)
    corrections = [(c.start, c.end, c.replacement, c.kind) for c in a.corrections()]
    assert corrections == [(2, 4, " ", "whitespace"), (6, 7, "", "punctuation"), (8, 8, " ", "punctuation")]


def test_second_edit_on_changed_text_merges_corrections():
    a = Alignment("x\u00a0 y")
    a.apply([Edit(1, 2, " ", "unicode")])
    a.apply([Edit(1, 3, " ", "whitespace")])
    [corr] = a.corrections()
    assert (corr.start, corr.end, corr.replacement, corr.kind) == (1, 3, " ", "unicode+whitespace")


def test_overlapping_edits_are_refused():
    a = Alignment("abcdef")
    try:
        a.apply([Edit(0, 3, "x", "k"), Edit(2, 4, "y", "k")])
    except ValueError:
        return
    raise AssertionError("overlapping edits must raise")


@st.composite
def text_and_edits(draw):
    text = draw(st.text(alphabet="ab \u00a0\n,.", max_size=30))
    cuts = sorted(draw(st.lists(st.integers(0, len(text)), max_size=8)))
    edits = []
    for i in range(0, len(cuts) - 1, 2):
        edits.append(Edit(cuts[i], cuts[i + 1], draw(st.text(alphabet="xy ", max_size=3)), "k"))
    return text, edits


@given(text_and_edits(), text_and_edits())
def test_any_span_maps_to_a_valid_original_span(first, second):
    text, edits = first
    a = Alignment(text)
    a.apply(edits)
    # a second round of edits on the derived text
    _, more = second
    more = [e for e in more if e.end <= len(a.text)]
    a.apply(more)
    n = len(a.text)
    for start in range(n):
        for end in range(start + 1, n + 1):
            o_start, o_end = a.to_original(start, end)
            assert 0 <= o_start <= o_end <= len(text)
    for corr in a.corrections():
        assert 0 <= corr.start <= corr.end <= len(text)
    # corrections are disjoint and, applied to the original, give the derived text
    rebuilt, pos = [], 0
    for corr in a.corrections():
        assert corr.start >= pos
        rebuilt.append(text[pos : corr.start])
        rebuilt.append(corr.replacement)
        pos = corr.end
    rebuilt.append(text[pos:])
    assert "".join(rebuilt) == a.text
