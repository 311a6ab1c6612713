"""Entity precision/recall/F1 per label against the hand-made gold in corpus/gold/.

A predicted mention counts as correct when its label and its exact span (offsets into the
original text) match a gold mention; MONEY is also scored on value (and min/max), STATE on UF.

    python -m benchmarks.eval_gold [--model blank] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import pipeline
from pipeline import ingest
from pipeline.textutil import fold

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIR = ROOT / "corpus" / "gold"
LABELS = ("PER", "ORG", "LOC", "STATE", "MONEY", "DATE")


def predicted_mentions(record: dict) -> set[tuple]:
    out = set()
    for ent in record["entities"]:
        for m in ent["mentions"]:
            out.add((ent["label"], m["start"], m["end"]))
    return out


def _value_key(attrs: dict) -> tuple:
    return (attrs.get("value"), attrs.get("min"), attrs.get("max"), attrs.get("currency"))


def evaluate(model: str | None = None) -> dict:
    nlp = pipeline.load(model)
    tp, fp, fn = Counter(), Counter(), Counter()
    money_total = money_value_ok = state_total = state_uf_ok = 0
    n_docs = 0
    errors: list[str] = []
    grouping = Counter()
    for gold_path in sorted(GOLD_DIR.glob("[0-9]*.json")):  # one per release; keyphrases.json apart
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        [doc] = list(ingest.read([str(ROOT / "corpus" / gold["file"])]))
        record = next(pipeline.process_many([doc], nlp=nlp))
        n_docs += 1
        gold_set = {(e["label"], e["start"], e["end"]) for e in gold["entities"]}
        pred = {p for p in predicted_mentions(record) if p[0] in LABELS}
        for label, *_ in pred & gold_set:
            tp[label] += 1
        for label, *_ in pred - gold_set:
            fp[label] += 1
        for label, *_ in gold_set - pred:
            fn[label] += 1
        text = record["text"]
        errors += [f"FP {lab} {text[a:b]!r} ({gold_path.stem[:24]})" for lab, a, b in sorted(pred - gold_set)]
        errors += [f"FN {lab} {text[a:b]!r} ({gold_path.stem[:24]})" for lab, a, b in sorted(gold_set - pred)]
        _grouping(record, gold["entities"], grouping)
        attrs_at = {
            (e["label"], m["start"], m["end"]): e["attributes"] for e in record["entities"] for m in e["mentions"]
        }
        for g in gold["entities"]:
            key = (g["label"], g["start"], g["end"])
            if g["label"] == "MONEY":
                money_total += 1
                got = attrs_at.get(key)
                want = (g.get("value"), g.get("min"), g.get("max"), g["currency"])
                money_value_ok += got is not None and _value_key(got) == want
            if g["label"] == "STATE":
                state_total += 1
                got = attrs_at.get(key)
                state_uf_ok += got is not None and got.get("uf") == g["uf"]
    rows = {}
    for label in (*LABELS, "ALL"):
        t = sum(tp.values()) if label == "ALL" else tp[label]
        p_ = sum(fp.values()) if label == "ALL" else fp[label]
        n = sum(fn.values()) if label == "ALL" else fn[label]
        precision = t / (t + p_) if t + p_ else 0.0
        recall = t / (t + n) if t + n else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        rows[label] = {"precision": precision, "recall": recall, "f1": f1, "gold": t + n, "predicted": t + p_}
    return {
        "model": record["pipeline"]["model"],
        "documents": n_docs,
        "errors": errors,
        "labels": rows,
        "money_value_exact": money_value_ok / money_total if money_total else None,
        "state_uf_exact": state_uf_ok / state_total if state_total else None,
        "grouping": {
            "same_thing_pairs": grouping["pairs"],
            "together": grouping["together"] / grouping["pairs"] if grouping["pairs"] else None,
            "mixed_entities": grouping["mixed"],
            "entities": grouping["entities"],
        },
    }


def _grouping(record: dict, gold: list[dict], counts: Counter) -> None:
    """Mentions of one thing in one entity, and no entity mixing things.

    The gold has mentions, not clusters; two gold mentions are of the same thing when they have
    the same label and the same text (folded) or, for states, the same UF. `together` counts such
    pairs that share a predicted entity (both found); `mixed` counts predicted entities whose gold
    mentions disagree on label or UF.
    """
    entity_of = {(m["start"], m["end"]): i for i, e in enumerate(record["entities"]) for m in e["mentions"]}
    key = {(g["start"], g["end"]): (g["label"], g.get("uf") or fold(g["text"])) for g in gold}
    found = [(span, k) for span, k in key.items() if span in entity_of]
    for i, (span_a, key_a) in enumerate(found):
        for span_b, key_b in found[i + 1 :]:
            if key_a == key_b:
                counts["pairs"] += 1
                counts["together"] += entity_of[span_a] == entity_of[span_b]
    for ent in record["entities"]:
        keys = {
            key[(m["start"], m["end"])][0] if ent["label"] != "STATE" else key[(m["start"], m["end"])]
            for m in ent["mentions"]
            if (m["start"], m["end"]) in key
        }
        counts["entities"] += 1
        counts["mixed"] += len(keys) > 1


def table(result: dict) -> str:
    lines = ["| label | gold | predicted | precision | recall | F1 |", "|---|---|---|---|---|---|"]
    for label, r in result["labels"].items():
        lines.append(
            f"| {label} | {r['gold']} | {r['predicted']} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |"
        )
    lines.append("")
    lines.append(
        f"MONEY value exact (of gold mentions): {result['money_value_exact']:.3f}; "
        f"STATE UF exact: {result['state_uf_exact']:.3f}; {result['documents']} documents, model {result['model']}"
    )
    g = result["grouping"]
    lines.append(
        f"Grouping: {g['together']:.3f} of {g['same_thing_pairs']} pairs of gold mentions of the same thing share "
        f"an entity; {g['mixed_entities']} of {g['entities']} entities mix things"
    )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", help="also write the figures to this file")
    parser.add_argument("--errors", action="store_true", help="list every false and missed mention")
    args = parser.parse_args(argv)
    result = evaluate(args.model)
    print(table(result))
    if args.errors:
        print("\n".join(result["errors"]))
    if args.json:
        Path(args.json).write_text(json.dumps(result, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
