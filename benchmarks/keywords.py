"""Keyphrases against hand-written gold, ours and YAKE's: P@10, R@10, F1@10 and speed.

Gold: `corpus/gold/keyphrases.json`, 8-10 phrases for each of the 34 releases, written by
reading only, before the extractor was tuned. Matching is the usual one for keyphrases: lower
case, accents folded, each word stemmed (Snowball Portuguese), the small joiners `de`/`da`/`do`
dropped (`garantia dos direitos` = `garantia de direitos`), then exact phrase equality.
Scores are macro-averaged over documents. YAKE (the `yake` package, Portuguese, phrases of up to
3 words, its own deduplication) runs on the same text as ours: the ingested release.

`ours_with_batch_df` adds the batch's document frequencies, as `ptpipe run` does by default
for file inputs (the batch here: all 34 releases).

Speed: documents/s of YAKE on the texts; ours, the keywords and themes stages alone on parsed
documents (what they add beside the spaCy parse), in ms per document.

    python -m benchmarks.keywords [--show]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
import unicodedata
from pathlib import Path

import snowballstemmer
import yake

import pipeline
from pipeline import ingest, keywords, themes

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold" / "keyphrases.json"
K = 10
_JOINERS = {"de", "da", "do", "das", "dos", "e", "a", "o", "em", "para", "na", "no", "nas", "nos"}
_STEMMER = snowballstemmer.stemmer("portuguese")


def normal(phrase: str) -> str:
    """The matching key of a phrase: folded, stemmed, without joiners."""
    text = unicodedata.normalize("NFD", phrase.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    words = [w for w in text.replace("-", " ").split() if w not in _JOINERS]
    return " ".join(_STEMMER.stemWords(words))


def score(predicted: list[str], gold: list[str], k: int = K) -> tuple[float, float, float]:
    top = list(dict.fromkeys(normal(p) for p in predicted))[:k]
    wanted = {normal(g) for g in gold}
    hits = sum(1 for p in top if p in wanted)
    precision = hits / len(top) if top else 0.0
    recall = hits / len(wanted) if wanted else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def run(show: bool = False) -> dict:
    gold = {k: v for k, v in json.loads(GOLD.read_text(encoding="utf-8")).items() if not k.startswith("_")}
    docs = {d.source["path"]: d for d in ingest.read([str(ROOT / "corpus" / "releases")])}
    by_file = {f: docs[str(ROOT / "corpus" / f)] for f in gold}
    nlp = pipeline.load()
    records = {f: r for f, r in zip(by_file, pipeline.process_many(list(by_file.values()), nlp=nlp), strict=True)}
    # as `ptpipe run` does with file inputs: the batch's document frequencies (all 34 releases)
    df = keywords.DocumentFrequency.of(d.text for d in docs.values() if d.error is None)
    with_df = pipeline.process_many(list(by_file.values()), nlp=nlp, document_frequency=df)
    ours_df = {f: [k["text"] for k in r["keywords"]] for f, r in zip(by_file, with_df, strict=True)}
    extractor = yake.KeywordExtractor(lan="pt", n=3, top=K)
    started = time.perf_counter()
    yake_out = {f: [kw for kw, _ in extractor.extract_keywords(d.text)] for f, d in by_file.items()}
    yake_seconds = time.perf_counter() - started
    ours = {f: [k["text"] for k in r["keywords"]] for f, r in records.items()}
    result: dict = {"documents": len(gold), "gold_phrases": sum(len(v) for v in gold.values())}
    for name, predicted in (("ours", ours), ("ours_with_batch_df", ours_df), ("yake", yake_out)):
        scores = [score(predicted[f], gold[f]) for f in gold]
        result[name] = {
            f"P@{K}": round(statistics.mean(s[0] for s in scores), 4),
            f"R@{K}": round(statistics.mean(s[1] for s in scores), 4),
            f"F1@{K}": round(statistics.mean(s[2] for s in scores), 4),
        }
    result["yake"]["documents_per_s"] = round(len(gold) / yake_seconds, 1)
    result["ours"].update(_stage_speed(nlp, [d.text for d in by_file.values()]))
    seed = "releases/000_amams_roda_de_conversa_assistencia_social.txt"
    result["seed_top5"] = ours[seed][:5]
    result["seed_top_theme"] = records[seed]["themes"][0]["label"]
    if show:
        result["per_document"] = {
            f: {"gold": gold[f], "ours": ours[f], "yake": yake_out[f], "ours_f1": round(score(ours[f], gold[f])[2], 3)}
            for f in gold
        }
    return result


def _stage_speed(nlp, texts: list[str], runs: int = 3) -> dict:
    """Milliseconds per document of the keywords and themes stages on parsed documents."""
    parsed = list(nlp.pipe(texts))
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        for doc in parsed:
            keywords.keywords(doc)
            themes.themes(doc.text)
        times.append(time.perf_counter() - started)
    per_doc = statistics.median(times) / len(parsed)
    return {"keywords_themes_ms_per_document": round(per_doc * 1000, 2), "documents_per_s": round(1 / per_doc, 1)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="every document's phrases")
    args = parser.parse_args(argv)
    print(json.dumps(run(args.show), ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
