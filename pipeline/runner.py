"""The stages put together: documents in, records out, one record per document, always."""

from __future__ import annotations

import datetime as dt
import hashlib
import itertools
import time
from collections.abc import Iterable, Iterator
from typing import Any

import numpy
import regex
from spacy.language import Language
from spacy.tokens import Doc

from . import __version__, annotate, extract, facts, keywords, language, normalise, themes
from .record import Document, Record, empty_text_error
from .spelling import Speller
from .themes import Theme

# Longer documents get a `too_long` error record instead of a parse. A release is 2,000-10,000
# characters; 1,000,000 is spaCy's own default limit and about 170,000 words, and parsing it takes
# about 1 GB (benchmarks/soak.py, README). `--max-chars` / `max_chars=` raise or lower it.
MAX_CHARS = 1_000_000

# Parser memory (see annotate_many): texts go to spaCy in groups of at most PIPE_CHARS characters,
# and a text longer than CHUNK_CHARS is parsed in chunks of that size. What one group costs grows
# with its tokens (about 16 KB a token at the peak with the shipped model, some 3 KB a character:
# 60 MB for 20,000 characters, 470 MB for 150,000), while groups larger than a few thousand tokens
# parse no faster (issue 21, docs/quality.md). So the groups are sized for memory.
PIPE_CHARS = 20_000
CHUNK_CHARS = 20_000

# Encodings ingest falls back to: the text was decoded, but a person may want to check it.
_ENCODING_WARNINGS = {
    "cp1252": ("legacy_encoding", "not UTF-8: decoded as Windows-1252 (CP1252)"),
    "latin-1": ("legacy_encoding", "not UTF-8: decoded as Latin-1"),
    "utf-8+cp1252": ("mixed_encoding", "mostly UTF-8, with bytes that are not: those were decoded as Windows-1252"),
}


def process(
    text: str,
    *,
    nlp: Language | None = None,
    model: str | None = None,
    steps: Iterable[str] = normalise.DEFAULT_STEPS,
    taxonomy: tuple[Theme, ...] | None = None,
    max_chars: int = MAX_CHARS,
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
    return next(process_many([doc], nlp=nlp, model=model, steps=steps, taxonomy=taxonomy, max_chars=max_chars))


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
    max_chars: int = MAX_CHARS,
) -> Iterator[dict]:
    """Records for documents, streaming, in input order; a failing document gets an error record.

    A document longer than `max_chars` characters gets a `too_long` error record.
    """
    steps = normalise.check_steps(steps)
    nlp = nlp or annotate.load(model)
    nlp.max_length = max(nlp.max_length, max_chars + max_chars // 10)  # normalising may add a little
    info = _pipeline_info(nlp)
    docs = (_checked(_as_document(d), max_chars) for d in documents)
    while batch := list(itertools.islice(docs, batch_size)):
        yield from _process_batch(batch, nlp, info, steps, speller, taxonomy, document_frequency)


_SURROGATE = regex.compile(r"[\ud800-\udfff]")


def record_text(text: str) -> str:
    """The text as a record holds it: lone surrogates (a JSON `\\ud800` escape) become U+FFFD.

    They are no characters, so no file can hold them.
    """
    return _SURROGATE.sub("\ufffd", text)


def _checked(doc: Document, max_chars: int) -> Document:
    if _SURROGATE.search(doc.text):
        doc.text = record_text(doc.text)
        doc.warnings = [*doc.warnings, {"type": "invalid_unicode", "message": "lone surrogates replaced by U+FFFD"}]
    if doc.error is None and len(doc.text) > max_chars:
        doc.error = {
            "type": "too_long",
            "message": f"{len(doc.text):,} characters, over the limit of {max_chars:,}: split the document, "
            "or raise the limit with --max-chars",
        }
    return doc


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
        record.warnings = [*doc.warnings, *_encoding_warnings(doc)]
        norm = None
        if record.error is None:
            try:
                norm = normalise.normalise(doc.text, steps=steps, speller=speller)
            except Exception as exc:  # a bad document must not stop the batch
                record.error = _error(exc, "normalise")
        prepared.append((record, norm))
    # Docs come group by group and each goes as soon as its record is filled: a batch of long
    # texts never holds all its parses at once.
    spacy_docs: Iterator[Doc] | None = annotated(nlp, [norm.text for _, norm in prepared if norm is not None])
    for record, norm in prepared:
        if norm is not None:
            started = time.perf_counter()
            try:
                spacy_doc = None
                if spacy_docs is not None:
                    try:
                        spacy_doc = next(spacy_docs)
                    except Exception:
                        spacy_docs = None  # a document broke its group: this one and the rest one by one
                if spacy_doc is None:
                    spacy_doc = annotate_many(nlp, [norm.text])[0]
                _fill(record, norm, spacy_doc, taxonomy, document_frequency)
            except Exception as exc:
                record.error = _error(exc, "annotate")
            spacy_doc = None
            record.stats["seconds"] = round(time.perf_counter() - started, 4)
        yield record.to_dict()


def annotate_many(nlp: Language, texts: list[str]) -> list[Doc]:
    """spaCy Docs for `texts`, in order, with the parser's memory bounded (see `annotated`)."""
    return list(annotated(nlp, texts))


def annotated(nlp: Language, texts: Iterable[str]) -> Iterator[Doc]:
    """spaCy Docs for `texts`, in order, a group at a time, with the parser's memory bounded.

    The parser's memory grows with what it is given at once (about 16 KB a token at the peak: 60 MB
    for 20,000 characters, 470 MB for 150,000; 2.8 GB for a million). So texts go to `nlp.pipe` in
    groups of at most `PIPE_CHARS` characters, and a text longer than `CHUNK_CHARS` is parsed alone,
    in chunks cut at paragraph or sentence ends, which are then joined into one Doc. The joined Doc
    has the same text, so every offset holds; entities, sentences and the rules' attributes come
    along. The next group is parsed only when the Docs of this one have been taken, and a Doc's
    `tensor` (the tok2vec output, which no record field reads) is dropped before it is handed on.
    """
    group: list[str] = []
    group_chars = 0
    for text in texts:
        if len(text) > CHUNK_CHARS or group_chars + len(text) > PIPE_CHARS:
            yield from _lean(nlp.pipe(group))
            group, group_chars = [], 0
        if len(text) > CHUNK_CHARS:
            yield from _lean([_annotate_long(nlp, text)])
        else:
            group.append(text)
            group_chars += len(text)
    yield from _lean(nlp.pipe(group))


_NO_TENSOR = numpy.zeros((0, 0), dtype="float32")


def _lean(docs: Iterable[Doc]) -> Iterator[Doc]:
    for doc in docs:
        doc.tensor = _NO_TENSOR
        yield doc


def _annotate_long(nlp: Language, text: str) -> Doc:
    docs = [nlp(chunk) for chunk in chunks(text, CHUNK_CHARS)]  # one at a time: nlp.pipe would batch them
    return Doc.from_docs(docs, ensure_whitespace=False)


_CUTS = ("\n\n", "\n", ". ", " ")  # where to end a chunk, best first


def chunks(text: str, size: int) -> list[str]:
    """`text` in pieces of at most `size` characters that join back into it, cut where it breaks best.

    >>> chunks("Um dia.\\n\\nOutro dia.", 12)
    ['Um dia.\\n\\n', 'Outro dia.']
    """
    pieces = []
    start = 0
    while len(text) - start > size:
        window = text[start : start + size]
        cut = next((window.rfind(sep) + len(sep) for sep in _CUTS if window.rfind(sep) > size // 2), size)
        pieces.append(text[start : start + cut])
        start += cut
    pieces.append(text[start:])
    return pieces


def _fill(record: Record, norm: normalise.Normalised, spacy_doc, taxonomy, document_frequency) -> None:
    record.normalized_text = norm.text
    record.corrections = [c.to_dict(norm.original) for c in norm.corrections()]
    record.entities = extract.entities(spacy_doc, norm, published=_date(record.published_at))
    try:
        record.facts = facts.facts(
            spacy_doc,
            record.entities,
            to_original=norm.to_original,
            text=norm.original,
            published_at=record.published_at,
        )
    except Exception as exc:  # the facts are extra: a failure there must not cost the record
        record.facts = []
        record.warnings.append({"type": "facts_failed", "message": f"{type(exc).__name__}: {exc}"})
    sentences = list(spacy_doc.sents) if spacy_doc.has_annotation("SENT_START") else [spacy_doc[:]]
    record.keywords = keywords.keywords(spacy_doc, document_frequency=document_frequency, sentences=sentences)
    record.themes = themes.themes(norm.text, taxonomy)
    found = language.detect(norm.text)
    record.language = found.to_dict()
    if warning := language.warning(found):
        record.warnings.append(warning)
    record.stats.update(
        tokens=len(spacy_doc),
        sentences=len(sentences) if spacy_doc.has_annotation("SENT_START") else 0,
    )


def _encoding_warnings(doc: Document) -> list[dict]:
    found = _ENCODING_WARNINGS.get((doc.source or {}).get("encoding"))
    return [{"type": found[0], "message": found[1]}] if found else []


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
