"""Floret vectors from raw Portuguese text, for the NER's static-vector input.

The text: every file of `raw-pt/` (speeches, Senate notes, political news, Wikipedia; 7.9M
words) and the training texts of the NER corpora (never a dev or test split), tokenised by the
model's own tokenizer, one paragraph a line, case kept (spaCy looks vectors up by ORTH).
Floret hashes words and their character 4-5-grams into one small table, so that an unseen or
misspelt word (`superientende`) still gets a vector from its pieces.

    python -m pipeline.training vectors --corpora ../shared/corpora --out build/vectors
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import spacy

from . import nersets
from .corpora import read_io_sentences

# Sizes chosen for the model budget (< 40 MB in all): 50,000 rows of 100 floats is 20 MB.
FLORET = {
    "mode": "floret",
    "model": "cbow",
    "dim": 100,
    "minn": 4,
    "maxn": 5,
    "hashCount": 2,
    "bucket": 50_000,
    "epoch": 5,
    "minCount": 3,
}


def raw_lines(corpora: Path) -> Iterator[str]:
    for path in sorted((corpora / "raw-pt").glob("*.txt")):
        with path.open(encoding="utf-8") as fh:
            yield from (line.strip() for line in fh if line.strip())
    for sentence in read_io_sentences(corpora / "wikiner-pt" / "corpus_Paramopama.filtered.txt"):
        yield " ".join(token for token, _ in sentence)
    for record in json.loads((corpora / "harem" / "FirstHAREM-selective-train.json").read_text(encoding="utf-8")):
        yield from (line for line in record["doc_text"].split("\n") if line.strip())
    uner = nersets.uner_bosque(
        corpora / "uner-bosque" / "pt_bosque-ud-train.filtered.iob2",
        corpora / "ud-bosque" / "pt_bosque-ud-train.conllu",
        removed=corpora / "uner-bosque" / "removed-from-train.txt",
    )
    yield from (gold.text for gold in uner)
    tcu = nersets.doccano_jsonl(corpora / "noticias-ner-tcu" / "labeled_4_labels.filtered.jsonl")
    for gold in tcu[: len(tcu) - round(len(tcu) * 0.1)]:
        yield from (line for line in gold.text.split("\n") if line.strip())


def write_text(corpora: Path, path: Path) -> int:
    """The tokenised training text, one line per paragraph; returns the number of tokens."""
    tokenizer = spacy.blank("pt").tokenizer
    count = 0
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for line in raw_lines(corpora):
            tokens = [t.text for t in tokenizer(line) if not t.is_space]
            count += len(tokens)
            out.write(" ".join(tokens) + "\n")
    return count


def train(corpora: Path, out: Path, threads: int = 2) -> Path:
    """Text -> floret binary -> a spaCy vectors folder at `out` (`spacy init vectors`)."""
    import floret  # only for building vectors: `pip install floret`

    text = out.parent / "vectors-text.txt"
    print(f"{write_text(corpora, text)} tokens of text", file=sys.stderr)
    model = floret.train_unsupervised(str(text), thread=threads, **FLORET)
    table = out.parent / "vectors.floret"
    model.save_floret_vectors(str(table))
    subprocess.run(
        [sys.executable, "-m", "spacy", "init", "vectors", "pt", str(table), str(out), "--mode", "floret"],
        check=True,
    )
    return out
