"""The stages put together: documents in, records out, one record per document, always."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import time
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from . import __version__, annotate, extract, keywords, normalise, themes
from .record import Document, Record, empty_text_error
from .spelling import Speller
from .themes import Theme


def process(
    text: str,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    steps: Iterable[str] = normalise.DEFAULT_STEPS,
    taxonomy: tuple[Theme, ...] | None = None,
    **meta: Any,
) -> dict:
    """Analyse one text and return its record (a dict following `record.schema.json`).

    `meta` may give `id`, `title`, `published_at` (ISO 8601) and `source`; `steps` names the
    normalisation steps to run (default: all, see `normalise.STEPS`); `taxonomy` replaces the
    shipped themes (`themes.load_taxonomy(path)`).

    >>> record = process("A AMAMS recebeu R$ 1,5 milhão da Bahia.")
    >>> [e["label"] for e in record["entities"]]
    ['ORG', 'MONEY', 'STATE']
    """
    doc = Document(
        id=meta.get("id") or _text_id(text),
        text=text,
        title=meta.get("title"),
        published_at=meta.get("published_at"),
        source=meta.get("source") or {"path": None, "line": None, "format": "text"},
    )
    return next(process_many([doc], nlp=nlp, model=model, steps=steps, taxonomy=taxonomy))


def process_many(
    documents: Iterable[Document | dict | str],
    *,
    nlp: Language | None = None,
    model: str | None = None,
    batch_size: int = 32,
    steps: Iterable[str] = normalise.DEFAULT_STEPS,
    speller: Speller | None = None,
    taxonomy: tuple[Theme, ...] | None = None,
    document_frequency: keywords.DocumentFrequency | None = None,
) -> Iterator[dict]:
    """Records for documents, streaming, in input order; a failing document gets an error record."""
    steps = normalise.check_steps(steps)
    nlp = nlp or annotate.load(model)
    info = _pipeline_info(nlp)
    docs = (_as_document(d) for d in documents)
    while batch := list(itertools.islice(docs, batch_size)):
        yield from _process_batch(batch, nlp, info, steps, speller, taxonomy, document_frequency)


def _process_batch(
    batch: list[Document],
    nlp: Language,
    info: dict,
    steps: tuple[str, ...],
    speller: Speller | None,
    taxonomy: tuple[Theme, ...] | None,
    document_frequency: keywords.DocumentFrequency | None = None,
) -> Iterator[dict]:
    prepared: list[tuple[Record, normalise.Normalised | None]] = []
    for doc in batch:
        record = Record.from_document(doc)
        record.pipeline = dict(info)
        norm = None
        if record.error is None:
            try:
                norm = normalise.normalise(doc.text, steps=steps, speller=speller)
            except Exception as exc:  # a bad document must not stop the batch
                record.error = _error(exc, "normalise")
        prepared.append((record, norm))
    texts = [norm.text for _, norm in prepared if norm is not None]
    try:
        spacy_docs = iter(list(nlp.pipe(texts)))
    except Exception:
        spacy_docs = None  # one document broke the batch: annotate them one by one below
    for record, norm in prepared:
        if norm is not None:
            started = time.perf_counter()
            try:
                spacy_doc = next(spacy_docs) if spacy_docs is not None else nlp(norm.text)
                _fill(record, norm, spacy_doc, taxonomy, document_frequency)
            except Exception as exc:
                record.error = _error(exc, "annotate")
            record.stats["seconds"] = round(time.perf_counter() - started, 4)
        yield record.to_dict()


def _fill(record: Record, norm: normalise.Normalised, spacy_doc, taxonomy, document_frequency) -> None:
    record.normalized_text = norm.text
    record.corrections = [c.to_dict(norm.original) for c in norm.corrections()]
    record.entities = extract.entities(spacy_doc, norm, published=_date(record.published_at))
    sentences = list(spacy_doc.sents) if spacy_doc.has_annotation("SENT_START") else [spacy_doc[:]]
    record.keywords = keywords.keywords(spacy_doc, document_frequency=document_frequency, sentences=sentences)
    record.themes = themes.themes(norm.text, taxonomy)
    record.stats.update(
        tokens=len(spacy_doc),
        sentences=len(sentences) if spacy_doc.has_annotation("SENT_START") else 0,
    )


def _as_document(item: Document | dict | str) -> Document:
    if isinstance(item, Document):
        item.error = item.error or empty_text_error(item.text)
        return item
    if isinstance(item, str):
        return Document(
            id=_text_id(item),
            text=item,
            source={"path": None, "line": None, "format": "text"},
            error=empty_text_error(item),
        )
    text = item.get("text")
    if not isinstance(text, str):
        return Document(
            id=str(item.get("id") or "unknown"),
            text="",
            error={"type": "missing_text_field", "message": "no 'text' string in the input"},
        )
    return Document(
        id=str(item.get("id") or _text_id(text)),
        text=text,
        title=item.get("title"),
        published_at=item.get("published_at"),
        source=item.get("source") or {"path": None, "line": None, "format": "text"},
        error=empty_text_error(text),
    )


def _text_id(text: str) -> str:
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def _date(published_at: str | None) -> dt.date | None:
    if not published_at:
        return None
    try:
        return dt.date.fromisoformat(published_at[:10])
    except ValueError:
        return None


def _error(exc: Exception, stage: str) -> dict:
    return {"type": f"{stage}_failed", "message": f"{type(exc).__name__}: {exc}"}


def _pipeline_info(nlp: Language) -> dict:
    name, version = annotate.model_info(nlp)
    return {"version": __version__, "model": name, "model_version": version}
