"""Convert the open corpora into spaCy's binary training format (DocBin).

The corpora are read from their shared folder and never copied into the repository; only the
converted files in build/ (ignored by git) are written.

Splits (fixed, so that every figure in models/README.md can be reproduced):

| corpus | train | dev (model selection) | test (reported) |
|---|---|---|---|
| UD Bosque | train | dev | test |
| Paramopama | first 90 % of sentences | - | last 10 % (news, as press releases are) |
| First HAREM (selective) | train minus every 10th document | every 10th train document | the official dev |

Model selection uses HAREM documents only: HAREM's conventions are the ones scored, and with a
Paramopama share the dev set preferred checkpoints that were better on Wikipedia sentences.

NER labels: PESSOA -> PER, ORGANIZACAO -> ORG, LOCAL -> LOC. TEMPO and VALOR are dropped
(their tokens become `O`): the rule components find dates and money with values that a
statistical span cannot give, and keeping them would make the model compete with the rules.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin
from spacy.training.converters import conllu_to_docs
from spacy.vocab import Vocab

NER_LABELS = {"PESSOA": "PER", "ORGANIZACAO": "ORG", "LOCAL": "LOC"}

# Paramopama is one file in IO tags: the last tenth (news text) is held out for testing.
PARAMOPAMA_TEST = 0.1
# Every HAREM_DEV_EVERY-th HAREM train document is kept aside for model selection.
HAREM_DEV_EVERY = 10
# HAREM (news, web, letters from Portugal and Brazil) is nearer to press releases than
# Wikipedia-derived Paramopama, and its conventions are the ones scored: it is seen this many
# times per epoch (it is then about half of the training words instead of a quarter).
HAREM_REPEAT = 3
# UD Bosque sentences per training Doc: several, so that the parser learns sentence boundaries.
BOSQUE_SENTS_PER_DOC = 10


@dataclass
class Converted:
    """What one conversion wrote: file -> (docs, words, entities)."""

    files: dict[str, tuple[int, int, int]]
    dropped_entities: int = 0


def _write(docs: Iterable[Doc], path: Path) -> tuple[int, int, int]:
    docs = list(docs)
    path.parent.mkdir(parents=True, exist_ok=True)
    DocBin(docs=docs, store_user_data=False).to_disk(path)
    return len(docs), sum(len(d) for d in docs), sum(len(d.ents) for d in docs)


# --- UD Bosque ------------------------------------------------------------------------------


def bosque_docs(path: Path, limit: int = 0) -> list[Doc]:
    """CoNLL-U -> Docs with multiword tokens merged (`do` = `de`+`o` stays one token, as spaCy's
    Portuguese tokenizer leaves it; its lemma becomes `de o`)."""
    text = path.read_text(encoding="utf-8")
    if limit:
        text = "\n\n".join(text.split("\n\n")[:limit]) + "\n"
    return list(conllu_to_docs(text, n_sents=BOSQUE_SENTS_PER_DOC, merge_subtokens=True, no_print=True))


# --- Paramopama (token<TAB>TAG, IO scheme) ----------------------------------------------------


def read_io_sentences(path: Path, limit: int = 0) -> list[list[tuple[str, str]]]:
    """Sentences of (token, tag) pairs from `token<TAB>TAG` or `token TAG` lines; blank lines
    separate sentences."""
    sentences, current = [], []
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                    if limit and len(sentences) >= limit:
                        break
                continue
            # Paramopama separates with a tab, LeNER-Br with a space
            token, _, tag = line.rpartition("\t" if "\t" in line else " ")
            current.append((token, tag.strip() or "O"))
    if current and not (limit and len(sentences) >= limit):
        sentences.append(current)
    return sentences


def io_doc(vocab: Vocab, sentence: list[tuple[str, str]]) -> Doc:
    """One Doc with entities from IO or IOB2 tags: a maximal run of one type is one entity, and
    a `B-` tag starts a new one (IO cannot separate two adjacent entities of the same type; the
    corpus has that limit, not us)."""
    words = [token for token, _ in sentence]
    doc = Doc(vocab, words=words)
    ents, start = [], None
    labels = [NER_LABELS.get(tag.split("-")[-1]) for _, tag in sentence] + [None]
    begins = [tag.startswith("B-") for _, tag in sentence] + [False]
    for i, label in enumerate(labels):
        if start is not None and (label != labels[start] or begins[i]):
            ents.append(doc[start:i])
            ents[-1].label_ = labels[start]
            start = None
        if label and start is None:
            start = i
    doc.ents = [spacy.tokens.Span(doc, e.start, e.end, label=e.label_) for e in ents]
    return doc


def split_tail(items: list, fraction: float) -> tuple[list, list]:
    """Cut a list in two, the last `fraction` of it apart.

    >>> split_tail(list(range(10)), 0.1)
    ([0, 1, 2, 3, 4, 5, 6, 7, 8], [9])
    """
    cut = len(items) - round(len(items) * fraction)
    return items[:cut], items[cut:]


# --- First HAREM (JSON documents with character offsets) -------------------------------------


def harem_docs(path: Path, nlp, limit: int = 0) -> tuple[list[list[Doc]], int]:
    """Per HAREM document, one Doc per non-empty line (paragraph), entities mapped to tokens.

    Returns the documents and how many entities could not be aligned to token boundaries."""
    records = json.loads(path.read_text(encoding="utf-8"))
    if limit:
        records = records[:limit]
    out, dropped = [], 0
    for record in records:
        text = record["doc_text"]
        ents = [e for e in record["entities"] if e["label"] in NER_LABELS]
        paragraphs, offset = [], 0
        for line in text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            doc = nlp.make_doc(line)
            spans = []
            for e in ents:
                if e["start_offset"] >= start and e["end_offset"] <= end:
                    span = doc.char_span(
                        e["start_offset"] - start, e["end_offset"] - start, label=NER_LABELS[e["label"]]
                    )
                    if span is None:
                        dropped += 1
                    else:
                        spans.append(span)
            doc.ents = spacy.util.filter_spans(spans)
            paragraphs.append(doc)
        out.append(paragraphs)
    return out, dropped


def _flatten(groups: Iterable[list[Doc]]) -> Iterator[Doc]:
    for group in groups:
        yield from group


# --- all together -------------------------------------------------------------------------


def convert(corpora: Path, out: Path, limit: int = 0, lener: bool = False) -> Converted:
    """Write every training/dev/test DocBin under `out`. `limit` keeps only the first sentences
    (documents for HAREM) of each source: the tiny slice that the tests train on."""
    nlp = spacy.blank("pt")
    files: dict[str, tuple[int, int, int]] = {}

    bosque = corpora / "ud-bosque"
    for split in ("train", "dev", "test"):
        docs = bosque_docs(bosque / f"pt_bosque-ud-{split}.conllu", limit)
        files[f"bosque-{split}.spacy"] = _write(docs, out / f"bosque-{split}.spacy")

    sentences = read_io_sentences(corpora / "wikiner-pt" / "corpus_Paramopama.filtered.txt", limit * 3)
    para_train, para_test = split_tail([io_doc(nlp.vocab, s) for s in sentences], PARAMOPAMA_TEST)

    harem_train, dropped = harem_docs(corpora / "harem" / "FirstHAREM-selective-train.json", nlp, limit)
    harem_test, dropped_test = harem_docs(corpora / "harem" / "FirstHAREM-selective-dev.json", nlp, limit)
    keep = [d for i, d in enumerate(harem_train) if i % HAREM_DEV_EVERY != HAREM_DEV_EVERY - 1]
    aside = [d for i, d in enumerate(harem_train) if i % HAREM_DEV_EVERY == HAREM_DEV_EVERY - 1]

    extra = []
    if lener:  # legal texts; an option because it did not help on the dev sets (models/README.md)
        extra = [io_doc(nlp.vocab, s) for s in read_io_sentences(corpora / "lener-br" / "train.conll", limit)]
    parts = {
        "ner-train.spacy": [*para_train, *_flatten(keep * HAREM_REPEAT), *extra],
        "ner-dev.spacy": list(_flatten(aside)),
        "paramopama-test.spacy": para_test,
        "harem-dev.spacy": list(_flatten(harem_test)),
    }
    for name, docs in parts.items():
        files[name] = _write(docs, out / name)
    return Converted(files, dropped + dropped_test)
