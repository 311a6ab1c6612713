"""Speed of the spaCy model alone, one process: words/s (spaCy tokens) and load time.

Texts are the corpus releases (our domain) cycled to `--words`; each figure is the median of
`--runs` passes. Per-component figures come from running the model with one component
disabled at a time.

    python -m benchmarks.model_speed [--model models/pt_ptpipe] [--words 100000] [--runs 3]
"""

from __future__ import annotations

import argparse
import platform
import sys
from pathlib import Path

import spacy

from pipeline import annotate, ingest
from pipeline.training.evaluate import load_seconds, repeat_to_words, speed

ROOT = Path(__file__).resolve().parent.parent


def corpus_texts(words: int) -> list[str]:
    base = [d.text for d in ingest.read([str(ROOT / "corpus" / "releases")]) if d.error is None]
    return repeat_to_words(base, words)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=annotate.default_model())
    parser.add_argument("--words", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=64, help="documents per nlp.pipe batch")
    args = parser.parse_args(argv)

    nlp = spacy.load(args.model)
    texts = corpus_texts(args.words)
    load = load_seconds(Path(args.model), runs=args.runs)
    whole = speed(nlp, texts, runs=args.runs, batch_size=args.batch_size)
    print(
        f"machine: {platform.machine()}, Python {platform.python_version()}, spaCy {spacy.__version__}; "
        f"model {args.model}; {len(texts)} texts, {whole['tokens']} tokens, batches of {args.batch_size}; "
        f"median of {args.runs} runs"
    )
    print(f"load: {load['median']:.2f} s (spacy.load), {load['with_import_median']:.2f} s with `import spacy`")
    print("| run | words/s (tokens) | whitespace words/s |")
    print("|---|---|---|")
    print(f"| whole model {nlp.pipe_names} | {whole['words_per_s']:,} | {whole['whitespace_words_per_s']:,} |")
    for name in nlp.pipe_names:
        if name == "tok2vec":
            continue  # the listeners need it: disabling it alone is not a run that means anything
        with nlp.select_pipes(disable=[name]):
            part = speed(nlp, texts, runs=args.runs, batch_size=args.batch_size)
        print(f"| without {name} | {part['words_per_s']:,} | {part['whitespace_words_per_s']:,} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
