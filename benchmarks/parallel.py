"""Whole-pipeline speed with 1 and N workers against the bare spaCy model, memory, start-up.

Documents: the corpus releases cycled to `--docs` (ids made unique). For each run, documents/s
and words/s (whitespace words of the original texts); the bare model is `nlp.pipe` over the
same texts in this process, Docs dropped as they come. Peak memory: this process's and the
largest worker's (ru_maxrss of the children, after their pool ended). Start-up: seconds from
nothing loaded to the first record, in a fresh `python -m pipeline run` of one document.

    python -m benchmarks.parallel [--docs 2000] [--workers 2] [--repeats 3]
"""

from __future__ import annotations

import argparse
import dataclasses
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import spacy

from pipeline import annotate, batch, ingest
from pipeline.keywords import DocumentFrequency

ROOT = Path(__file__).resolve().parent.parent


def documents(n: int) -> list:
    base = [d for d in ingest.read([str(ROOT / "corpus" / "releases")]) if d.error is None]
    return [dataclasses.replace(base[i % len(base)], id=f"{base[i % len(base)].id}#{i}") for i in range(n)]


def timed(fn) -> float:
    started = time.perf_counter()
    fn()
    return time.perf_counter() - started


def startup_seconds() -> float:
    """A fresh process, one short document: from exec to the record written."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "a.txt"
        src.write_text("A superientende da AMAMS recebeu R$ 1,5 milhão da Bahia.", encoding="utf-8")
        started = time.perf_counter()
        subprocess.run(
            [
                sys.executable,
                "-m",
                "pipeline",
                "run",
                str(src),
                "-o",
                str(Path(tmp) / "o.jsonl"),
                "-q",
                "--workers",
                "1",
            ],
            check=True,
        )
        return time.perf_counter() - started


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--docs", type=int, default=2000)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args(argv)

    docs = documents(args.docs)
    words = sum(len(d.text.split()) for d in docs)
    model = annotate.default_model()
    config = batch.RunConfig(model=model, batch_size=32, document_frequency=DocumentFrequency.of(d.text for d in docs))
    bare = spacy.load(model)
    texts = [d.text for d in docs]
    list(batch.run(docs[:2], config, workers=1))  # load once: the runs time the work, not loading
    runs: dict[str, list[float]] = {"bare model": [], "pipeline, 1 worker": [], f"pipeline, {args.workers} workers": []}
    for _ in range(args.repeats):
        runs["bare model"].append(timed(lambda: sum(1 for _ in bare.pipe(texts, batch_size=64))))
        runs["pipeline, 1 worker"].append(timed(lambda: sum(1 for _ in batch.run(docs, config, workers=1))))
        runs[f"pipeline, {args.workers} workers"].append(
            timed(lambda: sum(1 for _ in batch.run(docs, config, workers=args.workers)))
        )
    median = {k: statistics.median(v) for k, v in runs.items()}
    self_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    child_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"machine: {platform.machine()}, {platform.python_implementation()} {platform.python_version()}, "
        f"spaCy {spacy.__version__}; model {Path(model).name}; {len(docs)} documents, {words} words; "
        f"median of {args.repeats} runs"
    )
    print("| run | seconds | documents/s | words/s |")
    print("|---|---|---|---|")
    for name, seconds in median.items():
        print(f"| {name} | {seconds:.2f} | {len(docs) / seconds:,.0f} | {words / seconds:,.0f} |")
    one, many = median["pipeline, 1 worker"], median[f"pipeline, {args.workers} workers"]
    print(f"pipeline (1 worker) / bare model: {median['bare model'] / one:.2f}x")
    print(f"{args.workers} workers / 1 worker: {one / many:.2f}x")
    print(f"peak RSS: this process {self_mb:.0f} MB, largest worker {child_mb:.0f} MB")
    print(f"start-up to the first record (fresh process, one document): {startup_seconds():.2f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
