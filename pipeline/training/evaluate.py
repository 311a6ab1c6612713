"""Held-out scores and speed of a trained pipeline, the figures of models/README.md.

Accuracy uses spaCy's own scorers on raw text (the model tokenises it itself; gold tokens are
aligned), so the figures are comparable to the ones spaCy publishes for pt_core_news_sm.
"""

from __future__ import annotations

import itertools
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

import spacy
from spacy.tokens import DocBin
from spacy.training import Example

# Which of spaCy's scores to report per test set.
SYNTAX_KEYS = ("pos_acc", "morph_acc", "lemma_acc", "dep_uas", "dep_las", "sents_p", "sents_r", "sents_f")
NER_KEYS = ("ents_p", "ents_r", "ents_f")
# Test sets: file written by corpora.convert -> the kind of scores it carries.
TEST_SETS = {
    "bosque_test": ("bosque-test.spacy", SYNTAX_KEYS),
    "uner_dev": ("ner-dev.spacy", NER_KEYS),
    "uner_test": ("uner-test.spacy", NER_KEYS),
    "uner_pud": ("pud-test.spacy", NER_KEYS),
    "harem_dev": ("harem-dev.spacy", NER_KEYS),
    "paramopama_test": ("paramopama-test.spacy", NER_KEYS),
    "tcu_test": ("tcu-test.spacy", NER_KEYS),
}


def examples(nlp, path: Path) -> list[Example]:
    docs = DocBin().from_disk(path).get_docs(nlp.vocab)
    return [Example(nlp.make_doc(ref.text), ref) for ref in docs]


def score(nlp, path: Path, keys: tuple[str, ...]) -> dict:
    """spaCy scores for one test file, rounded; NER sets also get per-label P/R/F."""
    scores = nlp.evaluate(examples(nlp, path), batch_size=256)
    out = {k: round(scores[k], 4) for k in keys if scores.get(k) is not None}
    if "ents_f" in keys:
        out["per_label"] = {
            label: {k: round(v, 4) for k, v in prf.items()} for label, prf in sorted(scores["ents_per_type"].items())
        }
    return out


def speed(nlp, texts: list[str], runs: int = 3, batch_size: int = 256) -> dict:
    """Median words/s of the whole pipeline over `runs` passes in this one process.

    Words are spaCy tokens, as `spacy benchmark speed` and spaCy's published figures count them;
    whitespace-separated words are given too (about 12 % fewer in Portuguese news)."""
    words = sum(len(t.split()) for t in texts)
    rates, tokens = [], 0
    for _ in range(runs):
        start, tokens = time.perf_counter(), 0
        for doc in nlp.pipe(texts, batch_size=batch_size):
            tokens += len(doc)
        rates.append(tokens / (time.perf_counter() - start))
    median = statistics.median(rates)
    return {
        "tokens": tokens,
        "whitespace_words": words,
        "runs": runs,
        "words_per_s": round(median),
        "whitespace_words_per_s": round(median * words / tokens),
        "all": [round(r) for r in rates],
    }


# Run in a fresh interpreter: prints (seconds to import spaCy, seconds for spacy.load).
LOAD_PROBE = """
import sys, time
t0 = time.perf_counter()
import spacy
t1 = time.perf_counter()
spacy.load(sys.argv[1])
print(t1 - t0, time.perf_counter() - t1)
"""


def load_seconds(model: Path, runs: int = 3) -> dict:
    """Median seconds for `spacy.load` in a fresh interpreter, and for import + load together."""
    probes = [subprocess.check_output([sys.executable, "-c", LOAD_PROBE, str(model)], text=True) for _ in range(runs)]
    pairs = [tuple(map(float, p.split())) for p in probes]
    return {
        "median": round(statistics.median(load for _, load in pairs), 3),
        "with_import_median": round(statistics.median(imp + load for imp, load in pairs), 3),
        "all": [round(load, 3) for _, load in pairs],
    }


def repeat_to_words(base: list[str], words: int) -> list[str]:
    """`base` cycled until the texts hold at least `words` whitespace-separated words.

    >>> repeat_to_words(["a b", "c"], 4)
    ['a b', 'c', 'a b']
    """
    texts, count = [], 0
    for text in itertools.cycle(base):
        if count >= words:
            break
        texts.append(text)
        count += len(text.split())
    return texts


def speed_texts(nlp, data: Path, words: int) -> list[str]:
    """Raw texts of the test sets, repeated until there are about `words` words."""
    base = [ex.reference.text for file, _ in TEST_SETS.values() for ex in examples(nlp, data / file)]
    return repeat_to_words(base, words)


def size_mb(model: Path) -> float:
    return round(sum(f.stat().st_size for f in model.rglob("*") if f.is_file()) / 1e6, 1)


def evaluate(model: Path, data: Path, speed_words: int = 100_000, runs: int = 3) -> dict:
    nlp = spacy.load(model)
    metrics: dict = {"model": f"{nlp.meta['lang']}_{nlp.meta['name']}", "version": nlp.meta["version"]}
    for name, (file, keys) in TEST_SETS.items():
        metrics[name] = score(nlp, data / file, keys)
    metrics["speed"] = speed(nlp, speed_texts(nlp, data, speed_words), runs=runs)
    metrics["load_seconds"] = load_seconds(model, runs=runs)
    metrics["size_mb"] = size_mb(model)
    metrics["machine"] = f"{platform.machine()}, {_cores()} cores, Python {platform.python_version()}"
    metrics["spacy"] = spacy.__version__
    return metrics


def _cores() -> int:
    import os

    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
