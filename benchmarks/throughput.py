"""Throughput of the whole pipeline against the bare spaCy model on the same texts, one process.

Documents are the corpus releases repeated to `--docs`; words are whitespace-separated tokens
of the original texts. Each measurement is the median of `--repeats` runs.

    python -m benchmarks.throughput [--docs 2000] [--repeats 3] [--model blank]
"""

from __future__ import annotations

import argparse
import itertools
import platform
import resource
import statistics
import sys
import time
from pathlib import Path

import spacy

import pipeline
from pipeline import annotate, ingest, normalise

ROOT = Path(__file__).resolve().parent.parent


def corpus_documents(n: int) -> list:
    docs = [d for d in ingest.read([str(ROOT / "corpus" / "releases")]) if d.error is None]
    return list(itertools.islice(itertools.cycle(docs), n))


def _median_seconds(fn, repeats: int) -> float:
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--model", default=None)
    args = parser.parse_args(argv)

    started = time.perf_counter()
    nlp = pipeline.load(args.model)
    load_seconds = time.perf_counter() - started
    name = args.model or annotate.default_model()
    bare = spacy.blank("pt") if name == annotate.BLANK else spacy.load(name)

    docs = corpus_documents(args.docs)
    texts = [d.text for d in docs]
    words = sum(len(t.split()) for t in texts)

    results = {
        "bare spaCy model (nlp.pipe)": _median_seconds(lambda: list(bare.pipe(texts, batch_size=64)), args.repeats),
        "normalise stage alone": _median_seconds(lambda: [normalise.normalise(t) for t in texts], args.repeats),
        "whole pipeline (process_many)": _median_seconds(
            lambda: list(pipeline.process_many(docs, nlp=nlp, batch_size=64)), args.repeats
        ),
    }
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"spaCy {spacy.__version__}; model {name}; {len(docs)} documents, {words} words; "
        f"median of {args.repeats} runs; pipeline load {load_seconds:.2f} s; peak RSS {peak_mb:.0f} MB"
    )
    print("| run | seconds | documents/s | words/s |")
    print("|---|---|---|---|")
    for label, seconds in results.items():
        print(f"| {label} | {seconds:.2f} | {len(docs) / seconds:,.0f} | {words / seconds:,.0f} |")
    ratio = results["bare spaCy model (nlp.pipe)"] / results["whole pipeline (process_many)"]
    print(f"whole pipeline / bare model words/s: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
