"""Keyphrases against hand-written gold, ours (every ranker variant) and YAKE's: F1@10 and speed.

Two gold sets, reported apart:

- `tuned`: `corpus/gold/keyphrases.json`, 8-10 phrases for each of the 34 releases. Written by
  reading only, but the extractor has been tuned on it since (issues 6 and 22).
- `dev`: `corpus/gold/keyphrases_jamildo_dev.json`, 8-10 phrases for each of 20 other Blog do
  Jamildo posts, written by reading before any extractor ran on them, then tuned on (news, where
  the releases favour long policy phrases).
- `blind`: `corpus/gold/keyphrases_jamildo.json`, 5-10 phrases for each of 40 Blog do Jamildo
  posts chosen by a fixed rule (see its `_rule`), written by reading before any extractor ran on
  them. Never tuned on: its figures are reported, not used to choose. The texts are read from
  `../shared/corpora/raw-pt/noticias-blog-jamildo.txt`; the set is skipped when that is absent.

Metric (issue 22, as the external broadcast-news set's published figures were made): lower
case, punctuation to space, each word stemmed (Snowball Portuguese), exact match of the
normalised phrase, duplicates removed (in the predictions and the gold), top 10, P/R/F1
averaged per document. `exact` is the same without stemming; `folded` is the metric of issue 6
(accents folded and the joiners `de`, `da`, `e`, `em`... dropped before stemming), kept for
comparison with the earlier figures.

YAKE (`yake` package, Portuguese, phrases of up to 3 words, top 10, its own deduplication) runs
on the same text as ours. `ours` is the records' `keywords` (`ptpipe process`); `ours_with_batch_df`
adds the batch's document frequencies, as `ptpipe run` does for file inputs (the batch: the
set's documents). The variants re-rank the same parsed documents with other `Ranking`s.

Speed: ms per document of the keywords and themes stages on parsed documents (what they add
beside the spaCy parse), median of 5 passes, in turns with issue 6's ranking (and their ratio,
which a busy machine disturbs less), and YAKE's documents per second.

    python -m benchmarks.keywords [--set releases|dev|tuned|blind|both] [--show]

(`tuned` = releases and dev; `both` = all three.)
"""

from __future__ import annotations

import argparse
import contextlib
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import regex
import snowballstemmer
import yake

import pipeline
from pipeline import ingest, keywords, themes
from pipeline.keywords import Ranking

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold" / "keyphrases.json"
BLIND_GOLD = ROOT / "corpus" / "gold" / "keyphrases_jamildo.json"
DEV_GOLD = ROOT / "corpus" / "gold" / "keyphrases_jamildo_dev.json"
JAMILDO = ROOT.parent / "shared" / "corpora" / "raw-pt" / "noticias-blog-jamildo.txt"
K = 10
_JOINERS = {"de", "da", "do", "das", "dos", "e", "a", "o", "em", "para", "na", "no", "nas", "nos"}
_STEMMER = snowballstemmer.stemmer("portuguese")
_PUNCTUATION = regex.compile(r"[^\w\s]+")

# Every ranker variant the benchmark reports; `chosen` is `keywords.DEFAULT_RANKING`.
VARIANTS: dict[str, Ranking] = {
    "frequency, zipf (issue 6)": Ranking(ranker="frequency", specificity="zipf", names=False),
    "frequency, background": Ranking(ranker="frequency", specificity="background", names=False),
    "frequency, background, names": Ranking(ranker="frequency", specificity="background", names=True),
    "singlerank": Ranking(ranker="singlerank", specificity="none", names=False),
    "singlerank, names": Ranking(ranker="singlerank", specificity="none", names=True),
    "singlerank, background, names": Ranking(ranker="singlerank", specificity="background", names=True),
    "positionrank": Ranking(ranker="positionrank", specificity="none", names=False),
    "positionrank, names": Ranking(ranker="positionrank", specificity="none", names=True),
    "positionrank, background": Ranking(ranker="positionrank", specificity="background", names=False),
    "positionrank, background, names": Ranking(ranker="positionrank", specificity="background", names=True),
    "positionrank, background phrase, names": Ranking(
        ranker="positionrank", specificity="background_phrase", names=True
    ),
    "singlerank, background, names, mean of words": Ranking(
        ranker="singlerank", specificity="background", names=True, length_norm=1.0
    ),
    "positionrank, background squared, names, mean of words": Ranking(
        ranker="positionrank", specificity="background", specificity_power=2.0, names=True, length_norm=1.0
    ),
    "frequency x singlerank, background, names": Ranking(
        specificity="background", names=True, graph="singlerank", graph_power=0.5
    ),
    "frequency x positionrank, background, names": Ranking(
        specificity="background", names=True, graph="positionrank", graph_power=0.5
    ),
    "frequency, background, names, lead bonus": Ranking(specificity="background", names=True, lead_bonus=0.5),
    "frequency, background, names (specificity <= 0.6), lead bonus (chosen first)": Ranking(
        specificity="background", names=True, name_specificity=0.6, lead_bonus=0.5
    ),
    "the same, with the background capped by the Zipf prior": Ranking(
        specificity="background_zipf", names=True, name_specificity=0.6, lead_bonus=0.5
    ),
    "chosen: the same, no adjective alone": keywords.DEFAULT_RANKING,
}


def normal(phrase: str) -> str:
    """Issue 22's matching key: lower case, punctuation to space, Snowball stems."""
    words = _PUNCTUATION.sub(" ", phrase.lower()).split()
    return " ".join(_STEMMER.stemWords(words))


def normal_exact(phrase: str) -> str:
    return " ".join(_PUNCTUATION.sub(" ", phrase.lower()).split())


def normal_folded(phrase: str) -> str:
    """Issue 6's matching key: folded, stemmed, without joiners."""
    text = unicodedata.normalize("NFD", phrase.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in text.replace("-", " ").split() if w not in _JOINERS]
    return " ".join(_STEMMER.stemWords(words))


def score(predicted: list[str], gold: list[str], k: int = K, key=normal) -> tuple[float, float, float]:
    top = list(dict.fromkeys(key(p) for p in predicted))[:k]
    wanted = {key(g) for g in gold}
    hits = sum(1 for p in top if p in wanted)
    precision = hits / len(top) if top else 0.0
    recall = hits / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def summary(predicted: dict[str, list[str]], gold: dict[str, list[str]]) -> dict:
    out = {}
    for name, key in (("", normal), ("exact_", normal_exact), ("folded_", normal_folded)):
        scores = [score(predicted[d], gold[d], key=key) for d in gold]
        if not name:
            out[f"P@{K}"] = round(statistics.mean(s[0] for s in scores), 4)
            out[f"R@{K}"] = round(statistics.mean(s[1] for s in scores), 4)
        out[f"{name}F1@{K}"] = round(statistics.mean(s[2] for s in scores), 4)
    return out


def tuned_set() -> tuple[dict[str, str], dict[str, list[str]]]:
    gold = {k: v for k, v in json.loads(GOLD.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    docs = {d.source["path"]: d for d in ingest.read([str(ROOT / "corpus" / "releases")])}
    return {f: docs[str(ROOT / "corpus" / f)].text for f in gold}, gold


def blind_set(path: Path = JAMILDO, gold: Path = BLIND_GOLD) -> tuple[dict[str, str], dict[str, list[str]]] | None:
    """A Jamildo gold set's texts and gold (the blind one by default), or None when the shared
    corpus is absent."""
    if not path.exists():
        return None
    entries = {k: v for k, v in json.loads(gold.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    blocks = path.read_text(encoding="utf-8").split("\n\n")
    texts = {}
    for key, entry in entries.items():
        text = blocks[int(key) - 1]
        if text.split("\n")[0] != entry["headline"]:
            raise ValueError(f"{path.name} block {key} is not the post the gold was written for")
        texts[key] = text
    return texts, {k: v["keyphrases"] for k, v in entries.items()}


@contextlib.contextmanager
def _capturing_parses(store: list):
    """Keep the spaCy docs the runner hands to the keywords stage, to re-rank them per variant."""
    original = keywords.keywords

    def spy(doc, **kwargs):
        store.append((doc, kwargs.get("sentences")))
        return original(doc, **kwargs)

    keywords.keywords = spy
    try:
        yield store
    finally:
        keywords.keywords = original


def evaluate(texts: dict[str, str], gold: dict[str, list[str]], nlp, *, variants: bool = True) -> dict:
    names = list(gold)
    parsed: list = []
    with _capturing_parses(parsed):
        records = list(pipeline.process_many([texts[n] for n in names], nlp=nlp))
    ours = {n: [k["text"] for k in r["keywords"]] for n, r in zip(names, records, strict=True)}
    df = keywords.DocumentFrequency.of(texts[n] for n in names)
    with_df = {
        n: [k["text"] for k in keywords.keywords(doc, document_frequency=df, sentences=sents)]
        for n, (doc, sents) in zip(names, parsed, strict=True)
    }
    extractor = yake.KeywordExtractor(lan="pt", n=3, top=K)
    started = time.perf_counter()
    yake_out = {n: [kw for kw, _ in extractor.extract_keywords(texts[n])] for n in names}
    yake_seconds = time.perf_counter() - started
    result: dict = {
        "documents": len(names),
        "gold_phrases": sum(len(v) for v in gold.values()),
        "ours": summary(ours, gold),
        "ours_with_batch_df": summary(with_df, gold),
        "yake": summary(yake_out, gold) | {"documents_per_s": round(len(names) / yake_seconds, 1)},
    }
    result["ours"].update(_stage_speed([doc for doc, _ in parsed], [sents for _, sents in parsed]))
    if variants:
        result["variants"] = {}
        for label, ranking in VARIANTS.items():
            predicted = {
                n: [k["text"] for k in keywords.keywords(doc, sentences=sents, ranking=ranking)]
                for n, (doc, sents) in zip(names, parsed, strict=True)
            }
            result["variants"][label] = summary(predicted, gold)
    result["_records"] = dict(zip(names, records, strict=True))
    result["_predicted"] = {"ours": ours, "yake": yake_out}
    return result


def _stage_speed(docs: list, sentences: list, runs: int = 5) -> dict:
    """Milliseconds per document of the keywords and themes stages on parsed documents, the
    chosen ranking and issue 6's (frequency and Zipf, no names) in turns, so that a busy
    machine slows both alike: their ratio is the figure to compare across runs."""
    rankings = {"chosen": keywords.DEFAULT_RANKING, "issue6": VARIANTS["frequency, zipf (issue 6)"]}
    times: dict[str, list[float]] = {name: [] for name in rankings}
    for _ in range(runs):
        for name, ranking in rankings.items():
            started = time.perf_counter()
            for doc, sents in zip(docs, sentences, strict=True):
                keywords.keywords(doc, sentences=sents, ranking=ranking)
                themes.themes(doc.text)
            times[name].append(time.perf_counter() - started)
    per_doc = {name: statistics.median(t) / len(docs) for name, t in times.items()}
    return {
        "keywords_themes_ms_per_document": round(per_doc["chosen"] * 1000, 2),
        "documents_per_s": round(1 / per_doc["chosen"], 1),
        "issue6_ranking_ms_per_document": round(per_doc["issue6"] * 1000, 2),
        "ratio_to_issue6_ranking": round(per_doc["chosen"] / per_doc["issue6"], 3),
    }


def run(which: str = "both", show: bool = False, variants: bool = True) -> dict:
    nlp = pipeline.load()
    keywords.default_background()  # loaded once, outside the timings
    out: dict = {"chosen": keywords.DEFAULT_RANKING.__dict__}
    if which in ("releases", "tuned", "both"):
        texts, gold = tuned_set()
        tuned = evaluate(texts, gold, nlp, variants=variants)
        seed = "releases/000_amams_roda_de_conversa_assistencia_social.txt"
        tuned["seed_top5"] = tuned["_predicted"]["ours"][seed][:5]
        tuned["seed_top_theme"] = tuned["_records"][seed]["themes"][0]["label"]
        out["tuned"] = tuned
    if which in ("dev", "tuned", "both"):
        found = blind_set(gold=DEV_GOLD)
        out["dev"] = {"skipped": f"{JAMILDO} is absent"} if found is None else evaluate(*found, nlp, variants=variants)
    if which in ("blind", "both"):
        found = blind_set()
        if found is None:
            out["blind"] = {"skipped": f"{JAMILDO} is absent"}
        else:
            out["blind"] = evaluate(*found, nlp, variants=variants)
            out["blind"]["ours_minus_yake_F1@10"] = round(
                out["blind"]["ours"][f"F1@{K}"] - out["blind"]["yake"][f"F1@{K}"], 4
            )
    for name in ("tuned", "dev", "blind"):
        part = out.get(name, {})
        predicted = part.pop("_predicted", None)
        part.pop("_records", None)
        if show and predicted:
            gold = {"tuned": tuned_set, "dev": lambda: blind_set(gold=DEV_GOLD), "blind": blind_set}[name]()[1]
            part["per_document"] = {
                d: {"gold": gold[d], "ours": predicted["ours"][d], "yake": predicted["yake"][d]} for d in gold
            }
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("releases", "dev", "tuned", "blind", "both"), default="both")
    parser.add_argument("--show", action="store_true", help="every document's phrases")
    parser.add_argument("--no-variants", action="store_true", help="only the chosen ranking and YAKE")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.set, args.show, not args.no_variants), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
