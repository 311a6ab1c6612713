"""Convert the open corpora into spaCy's binary training format (DocBin).

The corpora are read from their shared folder and never copied into the repository; only the
converted files in build/ (ignored by git) are written.

Splits (fixed, so that every figure in models/README.md can be reproduced):

| corpus | train | dev (model selection) | test (reported) |
|---|---|---|---|
| UD Bosque | train | dev | test |
| UNER Bosque (gold PER/ORG/LOC on the Bosque sentences) | filtered train | dev | test |
| UNER PUD | - | - | test |
| Paramopama | first 90 % of sentences | - | last 10 % (news, as press releases are) |
| First HAREM (selective) | train (twice per epoch) | - | the official dev |
| noticias-ner-tcu (Brazilian news on public bodies) | first 90 % of documents | - | last 10 % |

Model selection uses UNER Bosque dev: newspaper text with the annotation scheme (UNER's) that is
the most consistent of the sets, and not the text of any test set.

NER labels: see `nersets.LABELS` (PER/ORG/LOC; TCU's public bodies `PUB` are ORG). TEMPO and
VALOR are dropped (their tokens become `O`): the rule components find dates and money with values
that a statistical span cannot give, and keeping them would make the model compete with the rules.
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

from . import nersets
from .nersets import read_io_sentences  # the readers live in nersets; used below and re-exported

NER_LABELS = {"PESSOA": "PER", "ORGANIZACAO": "ORG", "LOCAL": "LOC"}

# Paramopama is one file in IO tags: the last tenth (news text) is held out for testing.
PARAMOPAMA_TEST = 0.1
# HAREM (news, web, letters from Portugal and Brazil) is nearer to press releases than
# Wikipedia-derived Paramopama, and is small (about 80k words): it is seen this many times per epoch.
HAREM_REPEAT = 2
# noticias-ner-tcu has no split: its last documents (Brazilian news) are held out for testing.
TCU_TEST = 0.1
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
    The spans are taken as HAREM gives them (not stripped, unlike `nersets.harem_json`), so that
    the conversion the shipped model was trained on stays the same.

    Returns the documents and how many entities could not be aligned to token boundaries."""
    records = json.loads(path.read_text(encoding="utf-8"))
    out, dropped = [], 0
    for record in records[:limit] if limit else records:
        spans = [
            (e["start_offset"], e["end_offset"], NER_LABELS[e["label"]])
            for e in record["entities"]
            if e["label"] in NER_LABELS
        ]
        docs, lost = gold_docs(nlp, [nersets.GoldDoc(str(record["doc_id"]), record["doc_text"], spans)])
        out.append(docs)
        dropped += lost
    return out, dropped


def _flatten(groups: Iterable[list[Doc]]) -> Iterator[Doc]:
    for group in groups:
        yield from group


# --- gold sets with character spans (nersets) ----------------------------------------------


def gold_docs(nlp, golds: Iterable[nersets.GoldDoc]) -> tuple[list[Doc], int]:
    """One Doc per non-empty line of each gold text (a paragraph; a mention never crosses one),
    tokenised by the model's own tokenizer so that training sees the tokens inference will.

    Returns the Docs and how many gold spans did not fall on token boundaries (dropped)."""
    out, dropped = [], 0
    for gold in golds:
        offset = 0
        for line in gold.text.split("\n"):
            start, end = offset, offset + len(line)
            offset = end + 1
            if not line.strip():
                continue
            doc = nlp.make_doc(line)
            spans = []
            for s, e, label in gold.spans:
                if s >= start and e <= end:
                    span = doc.char_span(s - start, e - start, label=label)
                    if span is None:
                        dropped += 1
                    else:
                        spans.append(span)
            doc.ents = spacy.util.filter_spans(spans)
            out.append(doc)
    return out, dropped


# --- all together -------------------------------------------------------------------------


def convert(corpora: Path, out: Path, limit: int = 0, lener: bool = False, wikiann: bool = False) -> Converted:
    """Write every training/dev/test DocBin under `out`. `limit` keeps only the first sentences
    (documents for HAREM and TCU) of each source: the tiny slice that the tests train on."""
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
    dropped += dropped_test

    uner = {}
    for split in ("train", "dev", "test"):
        name = "pt_bosque-ud-train.filtered.iob2" if split == "train" else f"pt_bosque-ud-{split}.iob2"
        golds = nersets.uner_bosque(
            corpora / "uner-bosque" / name,
            bosque / f"pt_bosque-ud-{split}.conllu",
            removed=corpora / "uner-bosque" / "removed-from-train.txt" if split == "train" else None,
        )
        uner[split], lost = gold_docs(nlp, golds[: limit * 3] if limit else golds)
        dropped += lost
    pud, lost = gold_docs(nlp, nersets.iob_file(corpora / "uner-pud" / "pt_pud-ud-test.iob2")[: limit * 3 or None])
    dropped += lost
    tcu_golds = nersets.doccano_jsonl(corpora / "noticias-ner-tcu" / "labeled_4_labels.filtered.jsonl")
    tcu_train, tcu_test = split_tail(tcu_golds[:limit] if limit else tcu_golds, TCU_TEST)
    tcu_train, lost = gold_docs(nlp, tcu_train)
    tcu_test, lost_test = gold_docs(nlp, tcu_test)
    dropped += lost + lost_test

    extra = []
    if lener:  # legal texts; an option because it did not help on the dev sets (models/README.md)
        extra += [io_doc(nlp.vocab, s) for s in read_io_sentences(corpora / "lener-br" / "train.conll", limit)]
    if wikiann:  # silver Wikipedia-link labels; an option, weighed on dev (models/README.md)
        golds = nersets.iob_file(corpora / "wikiann-pt" / "train", uner=False)
        docs, lost = gold_docs(nlp, golds[: limit * 3] if limit else golds)
        extra += docs
        dropped += lost
    parts = {
        "ner-train.spacy": [*uner["train"], *para_train, *_flatten(harem_train * HAREM_REPEAT), *tcu_train, *extra],
        # second-stage variants (ner-finetune.cfg; models/README.md has what each scored)
        "uner-train.spacy": uner["train"],
        "uner-harem-train.spacy": [*uner["train"], *_flatten(harem_train)],
        "gold-train.spacy": [*uner["train"], *_flatten(harem_train), *tcu_train],
        "ner-dev.spacy": uner["dev"],
        "uner-test.spacy": uner["test"],
        "pud-test.spacy": pud,
        "paramopama-test.spacy": para_test,
        "harem-dev.spacy": list(_flatten(harem_test)),
        "tcu-test.spacy": tcu_test,
    }
    for name, docs in parts.items():
        files[name] = _write(docs, out / name)
    return Converted(files, dropped)
