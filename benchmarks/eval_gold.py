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
    for gold_path in sorted(GOLD_DIR.glob("*.json")):
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
    }


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
