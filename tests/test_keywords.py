"""Keyphrases (issue 22): candidates, names, rankers, the background table and the benchmark's metric.

Documents are built by hand (`Doc(vocab, words=..., pos=..., ents=...)`), so no trained model is
needed; the cases that must not change are in the tables."""

from __future__ import annotations

import json

import pytest
import spacy
from spacy.tokens import Doc

from benchmarks import keywords as bench
from pipeline import keywords
from pipeline.keywords import Ranking
from pipeline.lang import build_docfreq
from tests.conftest import SHARED_CORPORA

_NLP = spacy.blank("pt")
RANKERS = [
    keywords.DEFAULT_RANKING,
    Ranking(),
    Ranking(ranker="singlerank", specificity="background", names=True),
    Ranking(ranker="positionrank", specificity="background", names=True, length_norm=1.0),
    Ranking(specificity="background_phrase", names=True, graph="positionrank", graph_power=0.5),
    Ranking(specificity="background_zipf", names=True, name_specificity=0.6, lead_bonus=0.5),
]


def make_doc(spec: str) -> Doc:
    """`word/POS/ENT` tokens separated by spaces (`ENT` optional: `B-PER`, `I-PER`); `|` starts a sentence."""
    words, pos, ents, starts = [], [], [], []
    new_sentence = True
    for item in spec.split():
        if item == "|":
            new_sentence = True
            continue
        word, tag, *ent = item.split("/")
        words.append(word.replace("_", " "))
        pos.append(tag)
        ents.append(ent[0] if ent else "O")
        starts.append(new_sentence)
        new_sentence = False
    return Doc(_NLP.vocab, words=words, pos=pos, ents=ents, sent_starts=starts)


def texts(doc: Doc, ranking: Ranking = keywords.DEFAULT_RANKING, **kwargs) -> list[str]:
    return [k["text"] for k in keywords.keywords(doc, ranking=ranking, **kwargs)]


# A short news text: a minister said three times (once by surname), a topic phrase, a date, an
# amount, a state code, a one-off noun.
NEWS = make_doc(
    "Nelson/PROPN/B-PER Jobim/PROPN/I-PER defende/VERB mudança/NOUN na/ADP lei/NOUN de/ADP imprensa/NOUN | "
    "O/DET ministro/NOUN Nelson/PROPN/B-PER Jobim/PROPN/I-PER falou/VERB da/ADP lei/NOUN de/ADP imprensa/NOUN "
    "em/ADP 17/NUM/B-DATE de/ADP/I-DATE março/NOUN/I-DATE | "
    "Jobim/PROPN/B-PER pediu/VERB R$/SYM/B-MONEY 20/NUM/I-MONEY milhões/NOUN/I-MONEY para/ADP a/DET "
    "lei/NOUN de/ADP imprensa/NOUN em/ADP Recife/PROPN/B-LOC (/PUNCT PE/PROPN )/PUNCT | "
    "A/DET escuta/NOUN ilegal/ADJ preocupa/VERB o/DET ministro/NOUN ./PUNCT"
)


@pytest.mark.parametrize(
    ("ranking", "wanted", "unwanted"),
    [
        # the chosen ranking: the topic phrase and the person it is about
        (keywords.DEFAULT_RANKING, {"lei de imprensa", "Nelson Jobim"}, {"Jobim", "PE", "Recife", "17", "milhões"}),
        # without names (issue 6's behaviour): the person is left to `entities`
        (Ranking(), {"lei de imprensa"}, {"Nelson Jobim", "Jobim", "PE"}),
    ],
)
def test_news_text(ranking, wanted, unwanted):
    found = set(texts(NEWS, ranking))
    assert wanted <= found
    assert not unwanted & found


@pytest.mark.parametrize("ranking", RANKERS)
def test_every_ranker_returns_normalised_unique_phrases(ranking):
    out = keywords.keywords(NEWS, ranking=ranking)
    assert out and out[0]["score"] == 1.0
    assert [k["score"] for k in out] == sorted((k["score"] for k in out), reverse=True)
    assert len({k["lemma"] for k in out}) == len(out)
    assert all(set(k) == {"text", "lemma", "score", "count"} for k in out)
    assert not {"17", "R$ 20 milhões", "milhões", "março"} & {k["text"] for k in out}  # never values


@pytest.mark.parametrize(
    ("spec", "phrase", "kept"),
    [
        # a single noun said once is dropped; twice it competes
        ("O/DET orçamento/NOUN cresceu/VERB ./PUNCT", "orçamento", False),
        ("O/DET orçamento/NOUN cresceu/VERB | O/DET orçamento/NOUN caiu/VERB", "orçamento", True),
        # an adjective alone is not a keyphrase, however often said
        ("As/DET contas/NOUN municipais/ADJ | As/DET obras/NOUN municipais/ADJ", "municipais", False),
        ("As/DET contas/NOUN municipais/ADJ | As/DET contas/NOUN municipais/ADJ", "contas municipais", True),
        # a person said once is not the topic; twice it may be
        ("Maria/PROPN/B-PER Silva/PROPN/I-PER falou/VERB de/ADP saúde/NOUN e/CCONJ saúde/NOUN", "Maria Silva", False),
        (
            "Maria/PROPN/B-PER Silva/PROPN/I-PER falou/VERB | Maria/PROPN/B-PER Silva/PROPN/I-PER voltou/VERB",
            "Maria Silva",
            True,
        ),
        # an acronym said twice is a name; a state code and a line in capitals are not
        ("O/DET STF/PROPN/B-ORG decidiu/VERB | O/DET STF/PROPN/B-ORG votou/VERB", "STF", True),
        ("Em/ADP Recife/PROPN (/PUNCT PE/PROPN )/PUNCT e/CCONJ Olinda/PROPN (/PUNCT PE/PROPN )/PUNCT", "PE", False),
        ("PREFEITO/NOUN LANÇA/VERB PLANO/NOUN | PREFEITO/NOUN LANÇA/VERB PLANO/NOUN", "LANÇA", False),
        # a form that is only ever a verb, whatever the tagger read in capitals, is no keyphrase
        (
            "AMAMS/PROPN PROMOVEU/NOUN RODA/NOUN DE/ADP CONVERSA/NOUN | Roda/NOUN de/ADP conversa/NOUN",
            "RODA DE CONVERSA",
            True,
        ),
        (
            "AMAMS/PROPN PROMOVEU/NOUN RODA/NOUN DE/ADP CONVERSA/NOUN | Roda/NOUN de/ADP conversa/NOUN",
            "PROMOVEU RODA DE CONVERSA",
            False,
        ),
        # a date and an amount, however often said, never
        ("Em/ADP março/NOUN/B-DATE | Em/ADP março/NOUN/B-DATE | Em/ADP março/NOUN/B-DATE", "março", False),
    ],
)
def test_candidates(spec, phrase, kept):
    assert (phrase in texts(make_doc(spec))) is kept


def test_a_surname_counts_with_the_full_name():
    [jobim] = [k for k in keywords.keywords(NEWS) if k["text"] == "Nelson Jobim"]
    assert jobim["count"] == 3


def test_batch_document_frequency_still_applies():
    df = keywords.DocumentFrequency.of(["lei de imprensa", "lei de imprensa e escuta", "outro texto"])
    assert texts(NEWS, document_frequency=df) != [] and "lei de imprensa" in texts(NEWS, document_frequency=df)


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Conferências", "conferencia"),
        ("ações", "acao"),
        ("municipais", "municipal"),
        ("classe", "classe"),
        ("processo", "processo"),
        ("Saúde", "saude"),
    ],
)
def test_background_key(word, key):
    assert keywords.background_key(word) == key


@pytest.mark.parametrize(
    ("text", "runs"),
    [
        ("A transferência de renda das famílias, em 2021.", [["transferência", None, "renda", None, "famílias"]]),
        ("Assistência Social do município", [["Assistência", "Social", None, "município"]]),
        ("de saúde de", [["saúde"]]),
        ("o e a 12 ,", []),
    ],
)
def test_background_runs(text, runs):
    assert list(keywords.background_runs(text)) == runs


def test_background_table():
    table = keywords.default_background()
    assert table.documents == 14_579
    assert table.counts["ano"] > table.counts["assistencia"] > table.counts["assistencia social"]
    assert table.weight("ano") < table.weight("assistencia") < table.weight("nao esta na tabela") == 1.0


def test_weight_of_zipf():
    table = keywords.default_background()
    weights = [table.weight_of_zipf(z) for z in (0.0, 3.0, 4.0, 5.0, 6.0)]
    assert weights[0] == 1.0 and weights == sorted(weights, reverse=True)
    assert 0.5 < table.weight_of_zipf(4.0) < 0.6


def test_build_docfreq_on_a_small_corpus(tmp_path):
    raw = tmp_path / "raw-pt"
    raw.mkdir()
    (raw / "planalto-dilma.txt").write_text(
        "A assistência social do município.\n\nA assistência social e a saúde.\n\nA saúde pública.", encoding="utf-8"
    )
    out = tmp_path / "docfreq.tsv.gz"
    info = build_docfreq.build(tmp_path, out, min_word_df=1, min_phrase_df=2)
    assert info["documents"] == 3
    loaded = keywords.BackgroundFrequency.load(out)
    assert loaded.documents == 3 and loaded.counts["saude"] == 2 == loaded.counts["assistencia social"]
    assert loaded.counts["municipio"] == 1 and "saude publica" not in loaded.counts  # phrases: 2 documents or more


@pytest.mark.skipif(not SHARED_CORPORA.exists(), reason="../shared/corpora is absent")
def test_gold_posts_are_not_counted_in_the_background():
    gold = set()
    for path in build_docfreq.GOLD_SETS:
        gold |= {k for k in json.loads(path.read_text(encoding="utf-8")) if not k.startswith("_")}
    assert len(gold) == 60
    jamildo = sum(1 for source, _ in build_docfreq.documents(SHARED_CORPORA) if source.endswith("jamildo.txt"))
    assert jamildo == 8_394 - 60


# issue 22's metric: lower case, punctuation to space, Snowball stems, exact phrase match
@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("Assistência Social", "assistência social", True),
        ("conferências", "conferência", True),
        ("municipais", "municipal", False),  # Snowball leaves them apart: the metric is what it is
        ("Lei de Imprensa", "lei de imprensa", True),
        ("Lei de Imprensa", "lei da imprensa", False),  # joiners count, unlike issue 6's metric
        ("Assistencia social", "assistência social", False),  # accents count too
        ("vice-prefeito", "vice prefeito", True),
        ("STF", "stf.", True),
    ],
)
def test_metric(a, b, same):
    assert (bench.normal(a) == bench.normal(b)) is same


def test_metric_scores():
    # duplicates after normalising count once; P over the phrases kept, R over the gold
    assert bench.score(["Saúde", "saúde", "educação"], ["saúde", "renda"]) == (0.5, 0.5, 0.5)
    assert bench.score([], ["saúde"]) == (0.0, 0.0, 0.0)


def test_blind_set_is_skipped_without_the_corpus(tmp_path):
    assert bench.blind_set(tmp_path / "absent.txt") is None


@pytest.mark.skipif(not bench.JAMILDO.exists(), reason="../shared/corpora is absent")
@pytest.mark.parametrize("gold", [bench.BLIND_GOLD, bench.DEV_GOLD])
def test_jamildo_sets_read_the_posts_they_were_written_for(gold):
    texts_, phrases = bench.blind_set(gold=gold)
    assert len(texts_) == {bench.BLIND_GOLD: 40, bench.DEV_GOLD: 20}[gold]
    assert all(5 <= len(p) <= 10 for p in phrases.values())
    assert not set(bench.blind_set()[0]) & set(bench.blind_set(gold=bench.DEV_GOLD)[0])
