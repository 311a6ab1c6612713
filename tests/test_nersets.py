"""Gold NER sets rebuilt as raw text, and the scorer of benchmarks/ner.py.

The readers must give the text a user would have and spans that point into it exactly; the
scorer must count exact spans and sort the rest into error kinds. Small hand-made inputs; the
last tests read the shared corpora and skip without them.
"""

from __future__ import annotations

import pytest

from benchmarks.ner import SETS, score, with_typos
from pipeline.training import nersets
from tests.conftest import SHARED_CORPORA

needs_corpora = pytest.mark.skipif(not SHARED_CORPORA.is_dir(), reason="../shared/corpora is absent")

TAGS = [
    # IOB2: B- starts a mention, I- goes on
    (["B-PER", "I-PER", "O", "B-LOC"], [(0, 2, "PER"), (3, 4, "LOC")]),
    # two adjacent mentions of one type
    (["B-ORG", "B-ORG"], [(0, 1, "ORG"), (1, 2, "ORG")]),
    # IO (Paramopama): a run of one type is one mention
    (["PESSOA", "PESSOA", "O", "LOCAL"], [(0, 2, "PER"), (3, 4, "LOC")]),
    # labels outside PER/ORG/LOC are dropped; TCU's public bodies are ORG
    (["B-TEMPO", "B-PUB", "I-PUB"], [(1, 3, "ORG")]),
]


@pytest.mark.parametrize(("tags", "expected"), TAGS)
def test_spans_from_tags(tags, expected):
    offsets = [(i, i + 1) for i in range(len(tags))]
    assert nersets._spans_from_tags(offsets, tags) == expected


DETOKENISE = [
    (["Ele", "foi", "a", "o", "Rio", "de", "o", "Sul", "."], "Ele foi ao Rio do Sul."),
    (["Em", "a", "cidade", ",", "(", "disse", ")", "por", "os", "EUA"], "Na cidade, (disse) pelos EUA"),
    (["de", "um", "em", "uma"], "de um em uma"),  # left as Brazilian news writes them
]


@pytest.mark.parametrize(("words", "text"), DETOKENISE)
def test_detokenise(words, text):
    assert nersets.detokenise([(w, "O") for w in words])[0] == text


def test_detokenise_keeps_spans_on_contractions():
    words = [("em", "O"), ("o", "O"), ("Banco", "B-ORG"), ("de", "I-ORG"), ("o", "I-ORG"), ("Brasil", "I-ORG")]
    text, offsets, tags = nersets.detokenise(words)
    [(start, end, label)] = nersets._spans_from_tags(offsets, tags)
    assert (text[start:end], label) == ("Banco do Brasil", "ORG")


def test_by_document_joins_sentences_one_a_line():
    golds = [
        nersets.GoldDoc("CF1-1", "Lula falou.", [(0, 4, "PER")]),
        nersets.GoldDoc("CF1-2", "O PT votou.", [(2, 4, "ORG")]),
        nersets.GoldDoc("CF2-1", "Em Lisboa.", [(3, 9, "LOC")]),
    ]
    docs = nersets.by_document(golds)
    assert [d.id for d in docs] == ["CF1", "CF2"]
    assert [docs[0].text[s:e] for s, e, _ in docs[0].spans] == ["Lula", "PT"]
    assert docs[0].text == "Lula falou.\nO PT votou."


def test_score_counts_exact_spans_and_error_kinds():
    gold = [
        nersets.GoldDoc(
            "d",
            "Ana Costa foi a Lisboa e ao Porto com a Sonae.",
            [(0, 9, "PER"), (16, 22, "LOC"), (28, 33, "LOC"), (40, 45, "ORG")],
        )
    ]
    predicted = [{(0, 9, "PER"), (16, 22, "ORG"), (28, 36, "LOC"), (10, 13, "PER")}]
    result = score(gold, predicted)
    assert result["scores"]["ALL"]["tp"] == 1 and result["scores"]["ALL"]["fn"] == 3
    assert result["errors"] == {"label": 1, "boundary": 1, "missed": 1, "spurious": 1}


@needs_corpora
@pytest.mark.parametrize("name", ["uner-test", "pud", "harem-dev", "paramopama-tail", "tcu-tail"])
def test_named_sets_point_into_their_text(name):
    golds = SETS[name](SHARED_CORPORA)
    spans = [(g.text, s) for g in golds for s in g.spans]
    assert len(spans) > 100
    for text, (start, end, label) in spans:
        assert label in ("PER", "ORG", "LOC")
        mention = text[start:end]
        assert mention == mention.strip() and mention, (name, mention)


@needs_corpora
def test_uner_bosque_rebuilds_the_original_sentences():
    conllu = SHARED_CORPORA / "ud-bosque" / "pt_bosque-ud-test.conllu"
    golds = nersets.uner_bosque(SHARED_CORPORA / "uner-bosque" / "pt_bosque-ud-test.iob2", conllu)
    originals = [
        line[len("# text = ") :]
        for line in conllu.read_text(encoding="utf-8").splitlines()
        if line.startswith("# text = ")
    ]
    same = sum(g.text == o for g, o in zip(golds, originals, strict=True))
    assert same / len(golds) > 0.97  # the rest differ only in spacing the CoNLL-U does not record
    assert sum(len(g.spans) for g in golds) == 1215  # every UNER test mention (SOURCES.md)


def test_typos_leave_names_and_move_their_spans():
    text = "O ministro Fernando Haddad anunciou ontem a liberação de recursos para a saúde pública."
    gold = [nersets.GoldDoc("a", text, [(11, 26, "PER")])]
    for seed in range(5):
        (typed,), n = with_typos(gold, 0.9, seed)
        start, end, label = typed.spans[0]
        assert n > 0 and typed.text != text
        assert (typed.text[start:end], label) == ("Fernando Haddad", "PER")
