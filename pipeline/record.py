"""The record: one per input document, the contract of DESIGN.md.

`Document` is what ingest produces; `Record` is what emit writes. One `to_dict`/`from_dict`
pair serves the JSON writer and the DataFrame loader alike, and `validate` checks a record
against the JSON Schema shipped beside this module (`record.schema.json`).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, fields
from functools import lru_cache
from importlib import resources
from typing import Any

SCHEMA_VERSION = "1.1"


@dataclass
class Document:
    """An input document as ingest found it: the original text and what the source says of it."""

    id: str
    text: str
    title: str | None = None
    published_at: str | None = None
    source: dict[str, Any] = field(default_factory=lambda: {"path": None, "line": None})
    error: dict[str, str] | None = None
    warnings: list[dict] = field(default_factory=list)  # carried into the record


def empty_text_error(text: str) -> dict[str, str] | None:
    """The error of a document with nothing to analyse, or None."""
    if text.strip():
        return None
    kind = "empty" if not text else "whitespace only"
    return {"type": "empty_document", "message": f"no text to analyse ({kind})"}


@dataclass
class Record:
    """One output record. Field names are the contract: extend, don't rename."""

    id: str
    text: str
    source: dict[str, Any] = field(default_factory=lambda: {"path": None, "line": None})
    title: str | None = None
    published_at: str | None = None
    normalized_text: str = ""
    corrections: list[dict] = field(default_factory=list)
    entities: list[dict] = field(default_factory=list)
    facts: list[dict] = field(default_factory=list)  # money tied to its action; see facts.py
    keywords: list[dict] = field(default_factory=list)
    themes: list[dict] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=lambda: {"chars": 0, "tokens": 0, "sentences": 0})
    pipeline: dict[str, Any] = field(default_factory=lambda: {"version": "", "model": None, "model_version": None})
    language: dict[str, Any] | None = None  # {"code": "pt", "confidence": 0.47}; see language.py
    warnings: list[dict] = field(default_factory=list)  # [{"type", "message"}]: processed, but look
    error: dict[str, str] | None = None
    schema_version: str = SCHEMA_VERSION

    @classmethod
    def from_document(cls, doc: Document) -> Record:
        return cls(
            id=doc.id,
            text=doc.text,
            source=dict(doc.source),
            title=doc.title,
            published_at=doc.published_at,
            normalized_text=doc.text,
            stats={"chars": len(doc.text), "tokens": 0, "sentences": 0},
            error=doc.error,
        )

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data (shallow: the fields already hold plain data)."""
        return {name: getattr(self, name) for name in _ORDER}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Record:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


# contract order: schema_version and id first, error last
_ORDER = (
    "schema_version", "id", "source", "title", "published_at", "text", "normalized_text",
    "corrections", "entities", "facts", "keywords", "themes", "stats", "pipeline", "language", "warnings", "error",
)  # fmt: skip
FIELDS = _ORDER


class RecordInvalid(ValueError):
    """A record does not follow the schema or its offsets do not point into its text."""


@lru_cache(maxsize=1)
def schema() -> dict:
    return json.loads(resources.files(__package__).joinpath("record.schema.json").read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    cls = jsonschema.validators.validator_for(schema())
    return cls(schema())


def validate(record: dict[str, Any]) -> None:
    """Raise `RecordInvalid` unless the record follows the schema and every offset holds."""
    errors = sorted(_validator().iter_errors(record), key=lambda e: list(e.path))
    if errors:
        first = errors[0]
        where = "/".join(str(p) for p in first.path) or "(record)"
        raise RecordInvalid(f"{where}: {first.message}")
    problems = offset_problems(record)
    if problems:
        raise RecordInvalid("; ".join(problems[:5]))


def offset_problems(record: dict[str, Any]) -> list[str]:
    """Mentions and corrections whose `text[start:end]` is not what they say."""
    text = record["text"]
    problems = []
    for corr in record["corrections"]:
        if not 0 <= corr["start"] <= corr["end"] <= len(text) or text[corr["start"] : corr["end"]] != corr["original"]:
            problems.append(f"correction {corr} does not match the text")
    for ent in record["entities"]:
        for m in ent["mentions"]:
            if not 0 <= m["start"] < m["end"] <= len(text) or text[m["start"] : m["end"]] != m["text"]:
                problems.append(f"{ent['label']} mention {m} does not match the text")
    for fact in record.get("facts") or []:
        for part in ("amount", "action", "purpose"):
            span = fact.get(part)
            if span and "text" in span and text[span["start"] : span["end"]] != span["text"]:
                problems.append(f"fact {part} {span} does not match the text")
    return problems
