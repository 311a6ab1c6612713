"""Raw Portuguese text for `spacy pretrain`: the same paragraphs the floret vectors learn from.

The NER learns names from about 750k labelled words; `spacy pretrain` first teaches its tok2vec
to read Portuguese from millions of unlabelled ones (raw-pt and the training texts of the NER
corpora, never a dev or test split), by predicting each word's first and last characters from its
neighbours. The weights it saves initialise the NER's tok2vec (`[initialize] init_tok2vec`).

    python -m pipeline.training rawtext --corpora ../shared/corpora --out build/raw-pt.jsonl
"""

from __future__ import annotations

import json
from pathlib import Path

from .vectors import raw_lines

# spacy.JsonlCorpus.v1 skips documents outside [min_length, max_length) tokens; long speech
# paragraphs are cut at sentence ends into pieces of at most this many characters.
MAX_CHARS = 1500


def _pieces(line: str, limit: int = MAX_CHARS) -> list[str]:
    if len(line) <= limit:
        return [line]
    pieces, start = [], 0
    while len(line) - start > limit:
        cut = line.rfind(". ", start, start + limit)
        cut = start + limit if cut <= start else cut + 1
        pieces.append(line[start:cut].strip())
        start = cut
    pieces.append(line[start:].strip())
    return [p for p in pieces if p]


def write_jsonl(corpora: Path, out: Path) -> int:
    """One {"text": ...} line per paragraph piece; returns the number of lines written."""
    out.parent.mkdir(parents=True, exist_ok=True)
    count = 0
    with out.open("w", encoding="utf-8") as fh:
        for line in raw_lines(corpora):
            for piece in _pieces(line):
                fh.write(json.dumps({"text": piece}, ensure_ascii=False) + "\n")
                count += 1
    return count
