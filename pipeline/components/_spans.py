"""Putting rule matches into `doc.ents` next to what a statistical NER found."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span


@dataclass(frozen=True)
class Match:
    """A rule match in character offsets of `doc.text`, with what the rule learned."""

    start: int
    end: int
    label: str
    attrs: dict = field(default_factory=dict, compare=False, hash=False)


_LAST: list = [None, ""]  # the last Doc read and its text (the reference keeps the Doc alive)


def doc_text(doc: Doc) -> str:
    """`doc.text`, read once per document: spaCy joins every token anew at each call, and both
    the name layer and the rules read the whole text of the same Doc, one after the other."""
    if _LAST[0] is not doc:
        _LAST[0], _LAST[1] = doc, doc.text
    return _LAST[1]


def set_entities(doc: Doc, matches: Iterable[Match]) -> Doc:
    """Add matches to `doc.ents`. Where spans overlap:

    1. a rule's span beats a statistical model's span (rules are precise on what they cover:
       the model's `estado do Paraná` LOC or `Assistência Social da Bahia` PER must not swallow
       the STATE `Paraná` or `Bahia`);
    2. between rule spans the longer one wins, because a formally named body (`Tribunal de
       Justiça da Bahia`) is one ORG while `Bahia` alone is a STATE;
    3. on equal length a new span beats an old one, and a later match an earlier one.
    """
    new: list[Span] = []
    for m in matches:
        span = doc.char_span(m.start, m.end, label=m.label, alignment_mode="expand")
        if span is None or not span.text.strip():
            continue
        span._.ptpipe_attrs = dict(m.attrs)
        new.append(span)
    if not new:
        return doc
    ranked = sorted(
        [(s, 1, i) for i, s in enumerate(new)] + [(s, 0, 0) for s in doc.ents],
        key=lambda item: (
            item[0]._.ptpipe_attrs is None,  # rule spans (they carry attributes) first
            -(item[0].end - item[0].start),
            -item[1],
            -item[2],
            item[0].start,
        ),
    )
    taken = bytearray(len(doc))
    kept: list[Span] = []
    for span, _, _ in ranked:
        if any(taken[span.start : span.end]):
            continue
        taken[span.start : span.end] = b"\x01" * (span.end - span.start)
        kept.append(span)
    doc.ents = sorted(kept, key=lambda s: s.start)
    return doc
