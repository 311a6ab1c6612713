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
- `facts`: one row per money fact (schema 1.1): the amount (value, min, max, currency,
  `value_brl` where the currency is BRL), the action's lemma and kind, payer and recipient
  (canonical name, label, UF), the place (name, label, UF and IBGE code where known, whether it
  came from the dateline), the purpose, the date (and whether it is the publication date), the
  negated and hedged flags, the confidence, and `implausible` from the MONEY entity;
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
    facts: pd.DataFrame

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
        facts=_facts(rows["facts"]),
    )


_ENTITY = ["doc_id", "entity", "label", "canonical", "mentions"]
_MENTION = ["doc_id", "entity", "label", "canonical", "start", "end", "text"]
_MONEY = [
    "doc_id", "entity", "canonical", "value", "min", "max", "currency", "published_at", "states",
    "ambiguous", "other_value", "implausible", "implausible_reason",
]  # fmt: skip
_DATE = ["doc_id", "entity", "canonical", "value", "grain", "start", "end", "published_at", "text"]
_FACT = [
    "doc_id", "fact", "amount_entity", "amount_text", "value", "min", "max", "currency", "value_brl", "implausible",
    "action", "kind", "action_text", "payer", "payer_label", "payer_uf", "recipient", "recipient_label",
    "recipient_uf", "recipient_ibge_code", "place", "place_label", "place_uf", "place_ibge_code", "place_from_context",
    "purpose", "date", "date_from_publication", "negated", "hedged", "confidence", "sentence_start", "sentence_end",
    "published_at",
]  # fmt: skip
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
    for n, fact in enumerate(rec.get("facts") or []):
        rows["facts"].append(_fact_row(doc_id, n, fact, entities, rec.get("published_at")))
    for rank, kw in enumerate(rec.get("keywords") or [], start=1):
        rows["keywords"].append({"doc_id": doc_id, "rank": rank, **kw})
    for rank, theme in enumerate(rec.get("themes") or [], start=1):
        rows["themes"].append({"doc_id": doc_id, "rank": rank, "theme": theme["label"], "score": theme["score"]})
    for corr in rec.get("corrections") or []:
        rows["corrections"].append({"doc_id": doc_id, **{k: corr.get(k) for k in _CORRECTION[1:]}})


def _entity_ref(entities: list[dict], ref: dict | None) -> dict:
    if not ref or ref.get("entity") is None or not 0 <= ref["entity"] < len(entities):
        return {"name": None, "label": None, "uf": None, "ibge_code": None}
    ent = entities[ref["entity"]]
    attrs = ent.get("attributes") or {}
    return {"name": ent["canonical"], "label": ent["label"], "uf": attrs.get("uf"), "ibge_code": attrs.get("ibge_code")}


def _fact_row(doc_id: str, n: int, fact: dict, entities: list[dict], published_at: str | None) -> dict:
    amount = fact.get("amount") or {}
    action = fact.get("action") or {}
    money = entities[amount["entity"]] if 0 <= amount.get("entity", -1) < len(entities) else {"attributes": {}}
    payer = _entity_ref(entities, fact.get("payer"))
    recipient = _entity_ref(entities, fact.get("recipient"))
    place = _entity_ref(entities, fact.get("place"))
    date = fact.get("date") or {}
    currency = amount.get("currency")
    return {
        "doc_id": doc_id,
        "fact": n,
        "amount_entity": amount.get("entity"),
        "amount_text": amount.get("text"),
        "value": amount.get("value"),
        "min": amount.get("min"),
        "max": amount.get("max"),
        "currency": currency,
        "value_brl": amount.get("value") if currency == "BRL" else None,
        "implausible": bool(money["attributes"].get("implausible")),
        "action": action.get("lemma"),
        "kind": action.get("kind"),
        "action_text": action.get("text"),
        "payer": payer["name"],
        "payer_label": payer["label"],
        "payer_uf": payer["uf"],
        "recipient": recipient["name"],
        "recipient_label": recipient["label"],
        "recipient_uf": recipient["uf"],
        "recipient_ibge_code": recipient["ibge_code"],
        "place": place["name"],
        "place_label": place["label"],
        "place_uf": place["uf"],
        "place_ibge_code": place["ibge_code"],
        "place_from_context": bool((fact.get("place") or {}).get("from_context")),
        "purpose": (fact.get("purpose") or {}).get("text"),
        "date": date.get("value"),
        "date_from_publication": bool(date.get("from_publication")),
        "negated": bool(fact.get("negated")),
        "hedged": bool(fact.get("hedged")),
        "confidence": fact.get("confidence"),
        "sentence_start": (fact.get("sentence") or {}).get("start"),
        "sentence_end": (fact.get("sentence") or {}).get("end"),
        "published_at": published_at,
    }


def _facts(rows: list[dict]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=_FACT)
    frame["published_at"] = pd.to_datetime(frame["published_at"], errors="coerce", format="ISO8601")
    for column in ("value", "min", "max", "value_brl", "confidence"):
        frame[column] = pd.to_numeric(frame[column], errors="coerce")
    for column in ("implausible", "place_from_context", "date_from_publication", "negated", "hedged"):
        frame[column] = frame[column].astype(bool)
    return _categories(frame, "currency", "kind", "payer_label", "recipient_label", "place_label")


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
