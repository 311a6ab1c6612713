"""Held-out tables for MONEY, STATE and DATE (benchmarks/data/heldout_*.tsv).

Written by someone who read neither the recognisers nor their tests, after the recognisers were
tuned on the other tables, and measured once; they are kept so that later changes can be
measured on text no rule was written for.

- money: value exact (value, currency, min, max of the amount over the gold mention), false
  amounts (in never-money rows, or over no gold mention);
- states: precision and recall of (mention, UF) pairs per text, the STATE rules alone;
- dates: value accuracy (the resolved ISO value of the date over the gold mention, given the
  publication date; over a gold mention that is one end of an interval found whole, that end),
  false dates in never-date rows.

    python -m benchmarks.heldout [--show]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path

from benchmarks.money import evaluate as evaluate_money
from benchmarks.money import load as load_money
from pipeline.components.dates import attributes, find_dates
from pipeline.components.states import find_states

DATA = Path(__file__).resolve().parent / "data"


def _rows(name: str) -> list[list[str]]:
    lines = (DATA / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines[1:] if line.strip()]


def states() -> dict:
    expected: dict[str, set[tuple[str, str]]] = {}
    for text, mention, uf in _rows("heldout_states.tsv"):
        expected.setdefault(text, set())
        if mention:
            expected[text].add((mention, uf))
    tp = fp = fn = 0
    errors = []
    for text, gold in expected.items():
        found = {(text[m.start : m.end], m.attrs.get("uf")) for m in find_states(text) if m.label == "STATE"}
        tp += len(found & gold)
        fp += len(found - gold)
        fn += len(gold - found)
        errors += [f"false {f} in {text!r}" for f in found - gold] + [f"missed {g} in {text!r}" for g in gold - found]
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return {
        "texts": len(expected),
        "mentions": tp + fn,
        "precision": round(precision, 4),
        "recall": round(recall, 4),
        "errors": errors,
    }


def dates() -> dict:
    right = total = false = 0
    errors = []
    for text, published, mention, value in _rows("heldout_dates.tsv"):
        pub = dt.date.fromisoformat(published) if published else None
        found = find_dates(text)
        if not mention:
            false += len(found)
            errors += [f"false {text[m.start : m.end]!r} in {text!r}" for m in found]
            continue
        total += 1
        start = text.index(mention)
        end = start + len(mention)
        hit = next((m for m in found if m.start < end and start < m.end), None)
        got = _value_over(hit, start, pub) if hit else None
        right += got == value
        if got != value:
            errors.append(f"{mention!r} -> {got} (want {value}) in {text!r}")
    return {
        "dates": total,
        "value_accuracy": round(right / total, 4) if total else None,
        "false_dates": false,
        "errors": errors,
    }


def _value_over(hit, start: int, published) -> str | None:
    """The value found over a gold mention. Since issue 23 `de 1º de abril a 30 de abril de 2024`
    is one interval (`value` null, `start`, `end`): a gold mention of one of its ends is read as
    that end, the first when it starts where the interval does."""
    attrs = attributes(hit.attrs, published)
    if attrs["value"] is None and "start" in attrs:
        return attrs["start"] if start <= hit.start else attrs["end"]
    return attrs["value"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    result = {
        "money": evaluate_money(load_money(DATA / "heldout_money.tsv")),
        "states": states(),
        "dates": dates(),
    }
    if not args.show:
        result = {k: {kk: (len(vv) if isinstance(vv, list) else vv) for kk, vv in v.items()} for k, v in result.items()}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
