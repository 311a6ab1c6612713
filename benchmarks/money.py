"""MONEY on the hand-written case table (tests/data/money_cases.tsv): values and never-money.

The table was written from knowledge of how amounts are written, without reading the
recogniser: 176 amounts (15 intervals) and 78 strings that must never be money (laws,
phones, CNPJ/CPF, CEP, process numbers, roads, years, percentages, counts of people).

- value exact: the amount found over the gold mention has the gold value, currency and, for
  intervals, min and max;
- span exact: its span is the gold mention (a leading `entre`/`de` of an interval is not
  part of our span: `entre R$ 100 mil e R$ 200 mil` -> `R$ 100 mil e R$ 200 mil`);
- false positives: amounts found in never-money rows, and amounts found in money rows that
  overlap no gold mention.

    python -m benchmarks.money [--show]
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from pathlib import Path

from pipeline.components.money import find_amounts

TABLE = Path(__file__).resolve().parent.parent / "tests" / "data" / "money_cases.tsv"
_INTERVAL_OPENERS = ("entre ", "de ")


@dataclass(frozen=True)
class Case:
    text: str
    mention: str
    value: float | None
    currency: str
    min: float | None
    max: float | None

    @property
    def is_money(self) -> bool:
        return bool(self.mention)


def load(path: Path = TABLE) -> list[Case]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    return [Case(t, m, _num(v), c, _num(lo), _num(hi)) for t, m, v, c, lo, hi in rows[1:]]


def _num(text: str) -> float | None:
    return float(text) if text else None


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-6)


def evaluate(cases: list[Case]) -> dict:
    by_text: dict[str, list[Case]] = {}
    for case in cases:
        by_text.setdefault(case.text, []).append(case)
    money = [c for c in cases if c.is_money]
    value_ok = span_ok = 0
    false_positives: list[str] = []
    wrong: list[str] = []
    for text, rows in by_text.items():
        found = find_amounts(text)
        gold_spans = []
        for case in (c for c in rows if c.is_money):
            start = text.index(case.mention)
            end = start + len(case.mention)
            gold_spans.append((start, end))
            hit = next((a for a in found if a.start < end and start < a.end), None)
            if hit is None:
                wrong.append(f"missed: {case.mention!r} in {text!r}")
                continue
            ok = hit.currency == case.currency and all(
                _same(got, want) for got, want in ((hit.value, case.value), (hit.min, case.min), (hit.max, case.max))
            )
            value_ok += ok
            if not ok:
                wrong.append(f"value: {case.mention!r} -> {hit.attrs()} in {text!r}")
            mention = case.mention
            for opener in _INTERVAL_OPENERS:
                if case.min is not None and mention.startswith(opener):
                    mention = mention[len(opener) :]
            span_ok += text[hit.start : hit.end] == mention
        for amount in found:
            if not any(amount.start < e and s < amount.end for s, e in gold_spans):
                false_positives.append(f"{text[amount.start : amount.end]!r} in {text!r}")
    never = [c for c in cases if not c.is_money]
    return {
        "cases": len(cases),
        "amounts": len(money),
        "intervals": sum(c.min is not None for c in money),
        "never_money": len(never),
        "value_exact": round(value_ok / len(money), 4),
        "span_exact": round(span_ok / len(money), 4),
        "false_positives": len(false_positives),
        "false_positive_examples": false_positives,
        "errors": wrong,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    result = evaluate(load())
    if not args.show:
        result = {k: v if not isinstance(v, list) else len(v) for k, v in result.items()}
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
