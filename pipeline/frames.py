"""Records -> pandas DataFrames, for notebooks.

    from pipeline import frames
    f = frames.load("out/corpus.jsonl")          # or a Parquet folder, or a list of paths
    f.documents.published_at.dt.year.value_counts()
    f.entities[f.entities.label == "ORG"].canonical.value_counts().head()
    f.money_counted.groupby("currency", observed=True).value.sum()   # flagged amounts left out
    f.money_flagged[["doc_id", "canonical", "value", "implausible_reason"]]  # ... and listed apart

Tables (all keyed by `doc_id`; `entity` numbers an entity inside its document):

- `documents`: one row per record: id, path, title, published_at (datetime), chars, tokens,
  sentences, error_type, error_message, language (ISO code), warnings (a list of warning types),
  text, normalized_text;
- `entities`: one row per entity: label (category), canonical, mentions (count), and the
  attributes flattened (uf, value, currency, acronym, roles, ...);
- `mentions`: one row per mention: label, canonical, start, end, text;
- `money`: one row per MONEY entity: value, min, max, currency, the document's date and the
  UF codes of the states it mentions, and what the recogniser doubts: `ambiguous` (the number
  has another believable reading, `other_value`; `value` keeps the best one) and `implausible`
  (it cannot be right as read: over R$ 20 trillion, at odds with its own multiplier, malformed
  digits; `implausible_reason` says which). `money_counted` is `money` without the implausible
  amounts, the rows to sum; `money_flagged` lists those apart, for a person to read. One such
  amount (`R$ 1.004 trilhão` read as a quadrillion) is enough to ruin a sum;
- `dates`: one row per DATE entity: value (ISO 8601 at its grain), grain (`day`, `month`,
  `year`, `week`, `hour`, `minute`), start and end (an interval, whose value is null, or the
  one end of an open interval: `até 30 de junho`), the document's date and the first mention
  as written;
- `keywords`, `themes`, `corrections`: one row per item, with its rank in the document.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .emit import read_records


@dataclass
class Frames:
    documents: pd.DataFrame
    entities: pd.DataFrame
    mentions: pd.DataFrame
    money: pd.DataFrame
    keywords: pd.DataFrame
    themes: pd.DataFrame
    corrections: pd.DataFrame
    dates: pd.DataFrame

    @property
    def money_counted(self) -> pd.DataFrame:
        """The MONEY rows that sums may use: every one not flagged `implausible`."""
        return self.money[~self.money["implausible"]]

    @property
    def money_flagged(self) -> pd.DataFrame:
        """The MONEY rows left out of sums, with `implausible_reason`."""
        return self.money[self.money["implausible"]]


def load(path_or_paths: str | Path | Iterable[str | Path]) -> Frames:
    """DataFrames from JSONL files or Parquet part folders written by `ptpipe run`."""
    paths = [path_or_paths] if isinstance(path_or_paths, str | Path) else list(path_or_paths)
    return from_records(record for path in paths for record in read_records(str(path)))


def from_records(records: Iterable[dict]) -> Frames:
    rows: dict[str, list[dict]] = {name: [] for name in Frames.__dataclass_fields__}
    for rec in records:
        _add(rec, rows)
    return Frames(
        documents=_documents(rows["documents"]),
        entities=_categories(pd.DataFrame(rows["entities"], columns=_columns(rows["entities"], _ENTITY)), "label"),
        mentions=_categories(pd.DataFrame(rows["mentions"], columns=_MENTION), "label"),
        money=_money(rows["money"]),
        keywords=pd.DataFrame(rows["keywords"], columns=_KEYWORD),
        themes=_categories(pd.DataFrame(rows["themes"], columns=_THEME), "theme"),
        corrections=_categories(pd.DataFrame(rows["corrections"], columns=_CORRECTION), "kind"),
        dates=_dates(rows["dates"]),
    )


_ENTITY = ["doc_id", "entity", "label", "canonical", "mentions"]
_MENTION = ["doc_id", "entity", "label", "canonical", "start", "end", "text"]
_MONEY = [
    "doc_id", "entity", "canonical", "value", "min", "max", "currency", "published_at", "states",
    "ambiguous", "other_value", "implausible", "implausible_reason",
]  # fmt: skip
_DATE = ["doc_id", "entity", "canonical", "value", "grain", "start", "end", "published_at", "text"]
_KEYWORD = ["doc_id", "rank", "text", "lemma", "score", "count"]
_THEME = ["doc_id", "rank", "theme", "score"]
_CORRECTION = ["doc_id", "start", "end", "original", "replacement", "kind", "confidence"]


def _add(rec: dict, rows: dict[str, list[dict]]) -> None:
    doc_id = rec["id"]
    stats = rec.get("stats") or {}
    error = rec.get("error") or {}
    rows["documents"].append(
        {
            "doc_id": doc_id,
            "path": (rec.get("source") or {}).get("path"),
            "title": rec.get("title"),
            "published_at": rec.get("published_at"),
            "chars": stats.get("chars"),
            "tokens": stats.get("tokens"),
            "sentences": stats.get("sentences"),
            "error_type": error.get("type"),
            "error_message": error.get("message"),
            "language": (rec.get("language") or {}).get("code"),
            "warnings": [w["type"] for w in rec.get("warnings") or []],
            "text": rec.get("text"),
            "normalized_text": rec.get("normalized_text"),
        }
    )
    entities = rec.get("entities") or []
    states = sorted({e["attributes"].get("uf") for e in entities if e["label"] == "STATE"} - {None})
    for n, ent in enumerate(entities):
        attrs = ent.get("attributes") or {}
        row = {"doc_id": doc_id, "entity": n, "label": ent["label"], "canonical": ent["canonical"]}
        row["mentions"] = len(ent["mentions"])
        row.update({k: v for k, v in attrs.items() if k not in row})
        rows["entities"].append(row)
        for m in ent["mentions"]:
            rows["mentions"].append(
                {"doc_id": doc_id, "entity": n, "label": ent["label"], "canonical": ent["canonical"], **m}
            )
        if ent["label"] == "MONEY":
            rows["money"].append(
                {
                    "doc_id": doc_id,
                    "entity": n,
                    "canonical": ent["canonical"],
                    "value": attrs.get("value"),
                    "min": attrs.get("min"),
                    "max": attrs.get("max"),
                    "currency": attrs.get("currency"),
                    "published_at": rec.get("published_at"),
                    "states": states,
                    "ambiguous": bool(attrs.get("ambiguous")),
                    "other_value": attrs.get("other_value"),
                    "implausible": bool(attrs.get("implausible")),
                    "implausible_reason": attrs.get("implausible_reason"),
                }
            )
        if ent["label"] == "DATE":
            rows["dates"].append(
                {
                    "doc_id": doc_id,
                    "entity": n,
                    "canonical": ent["canonical"],
                    **{k: attrs.get(k) for k in ("value", "grain", "start", "end")},
                    "published_at": rec.get("published_at"),
                    "text": ent["mentions"][0]["text"] if ent["mentions"] else None,
                }
            )
    for rank, kw in enumerate(rec.get("keywords") or [], start=1):
        rows["keywords"].append({"doc_id": doc_id, "rank": rank, **kw})
    for rank, theme in enumerate(rec.get("themes") or [], start=1):
        rows["themes"].append({"doc_id": doc_id, "rank": rank, "theme": theme["label"], "score": theme["score"]})
    for corr in rec.get("corrections") or []:
        rows["corrections"].append({"doc_id": doc_id, **{k: corr.get(k) for k in _CORRECTION[1:]}})


def _columns(rows: list[dict], first: list[str]) -> list[str]:
    """The fixed columns first, then every attribute any row has, in order of appearance."""
    extra = dict.fromkeys(k for row in rows for k in row if k not in first)
    return [*first, *extra]


def _documents(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=list(rows[0]) if rows else ["doc_id", "published_at"])
    frame["published_at"] = pd.to_datetime(frame["published_at"], errors="coerce", format="ISO8601")
    return _categories(frame, "error_type", "language")


def _money(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=_MONEY)
    frame["published_at"] = pd.to_datetime(frame["published_at"], errors="coerce", format="ISO8601")
    for column in ("value", "min", "max", "other_value"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in ("ambiguous", "implausible"):
        frame[column] = frame[column].astype(bool)
    return _categories(frame, "currency", "implausible_reason")


def _dates(rows: list[dict]) -> pd.DataFrame:
    # values stay ISO strings: their grains differ (`2024`, `2024-03`, `2024-W11`, `2024-03-15T10:30`)
    frame = pd.DataFrame(rows, columns=_DATE)
    frame["published_at"] = pd.to_datetime(frame["published_at"], errors="coerce", format="ISO8601")
    return _categories(frame, "grain")


def _categories(frame: pd.DataFrame, *columns: str) -> pd.DataFrame:
    for column in columns:
        if column in frame:
            frame[column] = frame[column].astype("category")
    return frame
