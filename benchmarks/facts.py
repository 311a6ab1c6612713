"""Money facts against hand-written gold: the amount->action link, payer, recipient, purpose, the
whole fact; and what the facts stage costs.

    python -m benchmarks.facts                         # corpus/gold/facts.json (development set)
    python -m benchmarks.facts --gold corpus/heldout-facts/gold.json   # the held-out set
    python -m benchmarks.facts --errors                # every miss, for a person to read

Scoring (gold format in corpus/README.md, "Money facts"):

- a predicted fact belongs to the gold amount whose span it overlaps; a fact on an amount the
  gold says is only mentioned (or on no gold amount) is a false fact;
- action: right when the lemma is the gold's (precision over predicted facts, recall over gold
  facts); `facts precision` counts a fact right whatever its lemma when the gold has one there;
- payer, recipient: right when the entity referenced is named as the gold says (its canonical
  name, a mention or its acronym equal to one of the gold's names, or holding it as whole words);
  precision over the predicted non-null slots, recall over the gold non-null slots;
- purpose: right when the spans overlap;
- whole fact: action, payer, recipient and purpose all right (null where the gold is null).

Cost: the facts stage's seconds (timed around `pipeline.facts.facts`) as a share of the whole
pipeline's seconds per document (`process_many`, model loaded, second of two passes).
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

import pipeline
from pipeline import facts as facts_stage
from pipeline import ingest
from pipeline.textutil import fold

ROOT = Path(__file__).resolve().parent.parent
GOLD = ROOT / "corpus" / "gold" / "facts.json"


def _names(entity: dict) -> set[str]:
    out = {entity["canonical"], *(m["text"] for m in entity["mentions"])}
    if entity["attributes"].get("acronym"):
        out.add(entity["attributes"]["acronym"])
    return {" ".join(fold(n).lower().split()) for n in out}


def _same_party(record: dict, ref: dict | None, gold: list[str] | None) -> bool:
    if ref is None or gold is None:
        return ref is None and gold is None
    names = _names(record["entities"][ref["entity"]])
    wanted = {" ".join(fold(g).lower().split()) for g in gold}
    for name in names:
        for g in wanted:
            if name == g or f" {g} " in f" {name} " or (len(name) > 3 and f" {name} " in f" {g} "):
                return True
    return False


def _overlap(a: dict | None, b: dict | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return a["start"] < b["end"] and b["start"] < a["end"]


def _prf(tp: int, pred: int, gold: int) -> dict:
    p = tp / pred if pred else 0.0
    r = tp / gold if gold else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"tp": tp, "predicted": pred, "gold": gold, "precision": p, "recall": r, "f1": f1}


def score(gold: dict, records: dict[str, dict], *, errors: list[str] | None = None) -> dict:
    c = dict.fromkeys(
        [
            "facts_pred",
            "facts_gold",
            "facts_right",
            "action_tp",
            "payer_tp",
            "payer_pred",
            "payer_gold",
            "recipient_tp",
            "recipient_pred",
            "recipient_gold",
            "purpose_tp",
            "purpose_pred",
            "purpose_gold",
            "whole_tp",
            "kind_ok",
            "negated_ok",
        ],
        0,
    )
    for release in gold["releases"]:
        record = records[release["file"]]
        predicted = list(record.get("facts") or [])
        for amount in release["amounts"]:
            g = amount["fact"]
            mine = [f for f in predicted if _overlap(f["amount"], amount)]
            for f in mine:
                predicted.remove(f)
            p = mine[0] if mine else None
            if g is not None:
                c["facts_gold"] += 1
                c["payer_gold"] += g["payer"] is not None
                c["recipient_gold"] += g["recipient"] is not None
                c["purpose_gold"] += g["purpose"] is not None
            if p is not None:
                c["facts_pred"] += len(mine)
                c["payer_pred"] += p["payer"] is not None
                c["recipient_pred"] += p["recipient"] is not None
                c["purpose_pred"] += p["purpose"] is not None
            if g is None or p is None:
                if errors is not None and (g is not None or p is not None):
                    what = "missed fact" if p is None else f"false fact ({p['action']['lemma']})"
                    errors.append(f"{release['file']}: {amount['text']!r}: {what}")
                continue
            c["facts_right"] += 1
            action_ok = fold(p["action"]["lemma"]).lower() == fold(g["action"]).lower()
            c["action_tp"] += action_ok
            c["kind_ok"] += action_ok and p["action"]["kind"] == g["kind"]
            c["negated_ok"] += p["negated"] == g["negated"]
            payer_ok = _same_party(record, p["payer"], g["payer"])
            recipient_ok = _same_party(record, p["recipient"], g["recipient"])
            purpose_ok = _overlap(p["purpose"], g["purpose"])
            c["payer_tp"] += payer_ok and g["payer"] is not None
            c["recipient_tp"] += recipient_ok and g["recipient"] is not None
            c["purpose_tp"] += purpose_ok and g["purpose"] is not None
            whole = action_ok and payer_ok and recipient_ok and purpose_ok
            c["whole_tp"] += whole
            if errors is not None and not whole:

                def name(ref, ents=record["entities"]):
                    return None if ref is None else ents[ref["entity"]]["canonical"]

                errors.append(
                    f"{release['file']}: {amount['text']!r}: action {p['action']['lemma']}/{g['action']}"
                    + ("" if payer_ok else f"; payer {name(p['payer'])!r}/{g['payer']}")
                    + ("" if recipient_ok else f"; recipient {name(p['recipient'])!r}/{g['recipient']}")
                    + (
                        ""
                        if purpose_ok
                        else f"; purpose {(p['purpose'] or {}).get('text')!r}/{(g['purpose'] or {}).get('text')!r}"
                    )
                )
        c["facts_pred"] += len(predicted)  # facts on amounts the gold does not list
        c["payer_pred"] += sum(f["payer"] is not None for f in predicted)
        c["recipient_pred"] += sum(f["recipient"] is not None for f in predicted)
        c["purpose_pred"] += sum(f["purpose"] is not None for f in predicted)
        if errors is not None:
            errors += [
                f"{release['file']}: {f['amount']['text']!r}: fact on an amount not in the gold" for f in predicted
            ]
    return {
        "releases": len(gold["releases"]),
        "amounts": sum(len(r["amounts"]) for r in gold["releases"]),
        "facts": _prf(c["facts_right"], c["facts_pred"], c["facts_gold"]),
        "action": _prf(c["action_tp"], c["facts_pred"], c["facts_gold"]),
        "payer": _prf(c["payer_tp"], c["payer_pred"], c["payer_gold"]),
        "recipient": _prf(c["recipient_tp"], c["recipient_pred"], c["recipient_gold"]),
        "purpose": _prf(c["purpose_tp"], c["purpose_pred"], c["purpose_gold"]),
        "whole": _prf(c["whole_tp"], c["facts_pred"], c["facts_gold"]),
        "whole_accuracy": c["whole_tp"] / c["facts_gold"] if c["facts_gold"] else 0.0,
        "kind_accuracy": c["kind_ok"] / c["action_tp"] if c["action_tp"] else 0.0,
        "negated_accuracy": c["negated_ok"] / c["facts_right"] if c["facts_right"] else 0.0,
    }


def run(gold_path: Path, model: str | None = None) -> tuple[dict[str, dict], dict]:
    """Records for the gold's releases and the cost of the facts stage (second of two passes)."""
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    base = gold_path.parent.parent if gold_path.parent.name == "gold" else gold_path.parent
    nlp = pipeline.load(model)
    paths = [str(base / r["file"]) for r in gold["releases"]]
    spent = [0.0]
    original = facts_stage.facts

    def timed(*args, **kwargs):
        started = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - started

    facts_stage.facts = timed
    try:
        for _ in range(2):
            spent[0] = 0.0
            started = time.perf_counter()
            records = list(pipeline.process_many(ingest.read(paths), nlp=nlp))
            total = time.perf_counter() - started
    finally:
        facts_stage.facts = original
    by_file = {}
    for release, record in zip(gold["releases"], records, strict=True):
        by_file[release["file"]] = record
    n = len(records)
    cost = {"documents": n, "pipeline_s_per_doc": total / n, "facts_s_per_doc": spent[0] / n}
    cost["facts_share"] = spent[0] / total if total else 0.0
    return by_file, cost


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD, help="gold facts file (default: corpus/gold/facts.json)")
    parser.add_argument("--model", default=None, help="spaCy pipeline (default: the shipped model)")
    parser.add_argument("--errors", action="store_true", help="list every miss")
    parser.add_argument("--json", type=Path, help="write the figures here too")
    args = parser.parse_args(argv)
    gold = json.loads(args.gold.read_text(encoding="utf-8"))
    records, cost = run(args.gold, args.model)
    errors: list[str] | None = [] if args.errors else None
    result = score(gold, records, errors=errors)
    result["cost"] = cost
    print(f"{args.gold}: {result['releases']} releases, {result['amounts']} amounts, {result['facts']['gold']} facts")
    print(f"{'':12} {'P':>6} {'R':>6} {'F1':>6}   tp/pred/gold")
    for key in ("facts", "action", "payer", "recipient", "purpose", "whole"):
        r = result[key]
        figures = f"{r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f}"
        print(f"{key:12} {figures}   {r['tp']}/{r['predicted']}/{r['gold']}")
    print(
        f"whole-fact accuracy {result['whole_accuracy']:.3f}; kind right on "
        f"{result['kind_accuracy']:.3f} of right actions"
    )
    print(f"negated flag right on {result['negated_accuracy']:.3f} of facts found")
    print(
        f"cost: facts {cost['facts_s_per_doc'] * 1000:.2f} ms of {cost['pipeline_s_per_doc'] * 1000:.1f} ms a document "
        f"({cost['facts_share']:.1%} of the pipeline)"
    )
    for line in errors or []:
        print("  " + line)
    if args.json:
        args.json.write_text(json.dumps(result, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
