"""MONEY on the case table (tests/data/money_cases.tsv), and on a sample of raw Portuguese text.

The first 254 rows were written from knowledge of how amounts are written, without reading the
recogniser: 176 amounts (15 intervals) and 78 strings that must never be money (laws,
phones, CNPJ/CPF, CEP, process numbers, roads, years, percentages, counts of people). The rows
after them (issue 24) come from real text, phrases as they stand in `../shared/corpora/raw-pt/`,
chosen by two fixed rules, with the expected values written by reading them:

- every 300th currency marker (`R$`, `US$`, `€`, `reais`, `dólares`, `euros`) in each raw-pt
  file, news and speeches, with every amount of its clause;
- for each kind of amount that went wrong on real text (decimals before a multiplier, a dot as
  the decimal mark, full digits before a multiplier, lists sharing the currency, glued
  multipliers, stray marks, malformed digits, a space after the decimal comma, a low bound
  without its multiplier, spelled-out repeats), its first occurrences in raw-pt, plus the
  issue's own examples.

A seventh column, `flags`, says what the amount must be flagged with (`ambiguous`, and the
`implausible_reason`: `over_limit`, `multiplier`, `malformed`); empty means no flag. A table
without it (the held-out one) is not checked for flags.

- value exact: the amount found over the gold mention has the gold value, currency and, for
  intervals, min and max;
- span exact: its span is the gold mention (a leading `entre`/`de` of an interval is not
  part of our span: `entre R$ 100 mil e R$ 200 mil` -> `R$ 100 mil e R$ 200 mil`);
- false positives: amounts found in never-money rows, and amounts found in money rows that
  overlap no gold mention;
- flags exact: the amount's flags are the row's `flags`.

On raw-pt (when `../shared/corpora/raw-pt/` is there) it reads every `--every`-th document of
each file and prints what it finds, for a person to read: how many amounts of each written
form, how many flagged and why, and every value over R$ 1 trillion with its context. No BRL
amount over `PLAUSIBLE_MAX` (R$ 20 trillion) may stay unflagged.

    python -m benchmarks.money [--show] [--every N] [--no-raw]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import regex

from pipeline.components.money import Amount, find_amounts
from pipeline.lang.pt.money import PLAUSIBLE_MAX

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "money_cases.tsv"
RAW_PT = ROOT.parent / "shared" / "corpora" / "raw-pt"
RAW_FILES = (
    "noticias-blog-jamildo.txt",
    "planalto-dilma.txt",
    "planalto-temer.txt",
    "planalto-bolsonaro.txt",
    "senado-cpi-pandemia.txt",
    "wikipedia-amostra.txt",
)
_INTERVAL_OPENERS = ("entre ", "de ")


@dataclass(frozen=True)
class Case:
    text: str
    mention: str
    value: float | None
    currency: str
    min: float | None
    max: float | None
    flags: frozenset[str] | None = None  # None: the table does not say

    @property
    def is_money(self) -> bool:
        return bool(self.mention)


def load(path: Path = TABLE) -> list[Case]:
    rows = [line.rstrip("\n").split("\t") for line in path.read_text(encoding="utf-8").splitlines()]
    has_flags = len(rows[0]) > 6
    return [
        Case(t, m, _num(v), c, _num(lo), _num(hi), frozenset(rest[0].split()) if has_flags else None)
        for t, m, v, c, lo, hi, *rest in rows[1:]
    ]


def flags(amount: Amount) -> frozenset[str]:
    """What the recogniser doubts about an amount, as the table writes it."""
    return frozenset(({"ambiguous"} if amount.other is not None else set()) | {amount.implausible} - {None})


def _num(text: str) -> float | None:
    return float(text) if text else None


def _same(a, b) -> bool:
    return (a is None and b is None) or (a is not None and b is not None and abs(float(a) - float(b)) < 1e-6)


def evaluate(cases: list[Case]) -> dict:
    by_text: dict[str, list[Case]] = {}
    for case in cases:
        by_text.setdefault(case.text, []).append(case)
    money = [c for c in cases if c.is_money]
    value_ok = span_ok = flags_ok = flags_checked = 0
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
            if case.flags is not None:
                flags_checked += 1
                flags_ok += flags(hit) == case.flags
                if flags(hit) != case.flags:
                    wrong.append(f"flags: {case.mention!r} -> {sorted(flags(hit))} in {text!r}")
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
        "flags_exact": round(flags_ok / flags_checked, 4) if flags_checked else None,
        "false_positives": len(false_positives),
        "false_positive_examples": false_positives,
        "errors": wrong,
    }


# --- raw text ---------------------------------------------------------------------------------

_M = r"(?i:mil|milh|bilh|trilh|mi|bi|tri|million|billion|trillion)"
# The written form of an amount, first match wins: the forms issue 24 names first, then the
# common ones. `shared` and `interval` come from the amount, the rest from its text.
FORMS: tuple[tuple[str, str], ...] = (
    ("interval (entre R$ 100 mil e R$ 200 mil, R$ 7 a 8 bilhões)", "interval"),
    ("list, currency shared (… e 13,5 milhões para a educação)", "shared"),
    ("spelled out (doze milhões de reais)", r"^\D+$"),
    ("space after the decimal comma (R$ 5, 1 milhões)", r"\d,\s\d"),
    ("editorial bracket (R$ 3 [milhões])", r"\["),
    ("stray mark after the symbol (US$,1,6 bilhão)", r"^\D*\$[.,$]"),
    ("glued multiplier (R$1,6bi)", rf"\d{_M}"),
    ("dot as decimal mark (R$ 1.7 milhão, US$ 3.50)", r"(?<![\d.])\d+\.\d{1,2}(?![\d.])"),
    ("full digits and multiplier (R$ 5.204.825,58 milhões)", rf"\d\.\d{{3}}\.\d{{3}}\S*\s+{_M}"),
    ("grouped digits and multiplier (R$ 1.004 trilhão)", rf"\d\.\d{{3}}\S*\s+{_M}"),
    ("number and multiplier, currency word (1,5 milhão de reais)", rf"\d\s+{_M}\S*\s+(?:de\s+)?\p{{L}}"),
    ("number and multiplier (R$ 1,5 milhão)", rf"\d\s+{_M}"),
    ("digits with cents (R$ 1.500.000,00)", r"\d,\d\d$"),
    ("grouped digits (R$ 1.500.000)", r"\d\.\d{3}$"),
    ("digits and currency word (50 reais, 12,50 €)", r"\d\s*\p{L}|€$"),
    ("plain digits (R$ 350, R$ 10,5)", r"\d$"),
)
_FORM_PATTERNS = [(name, None if p in ("interval", "shared") else regex.compile(p)) for name, p in FORMS]
TRILLION = 1_000_000_000_000


def form(text: str, amount: Amount) -> str:
    for name, pattern in _FORM_PATTERNS:
        if pattern is None:
            if (amount.min is not None) if "interval" in name else amount.shared:
                return name
        elif pattern.search(text[amount.start : amount.end]):
            return name
    return "other"


def raw_documents(every: int, root: Path = RAW_PT):
    """(file, document number, text) of every `every`-th document (1-based numbers 1, 1+every, …)."""
    for name in RAW_FILES:
        path = root / name
        if not path.exists():
            continue
        for n, doc in enumerate(path.read_text(encoding="utf-8").split("\n\n"), start=1):
            if (n - 1) % every == 0:
                yield name, n, doc


def raw_sample(every: int = 2, root: Path = RAW_PT) -> dict:
    """What the recogniser finds in raw-pt: forms, flags, and every value over R$ 1 trillion."""
    forms: Counter = Counter()
    flagged: Counter = Counter()
    big, unflagged_giants = [], []
    documents = amounts = 0
    for name, n, text in raw_documents(every, root):
        documents += 1
        for a in find_amounts(text):
            amounts += 1
            forms[form(text, a)] += 1
            flagged.update(flags(a))
            top = a.value if a.value is not None else a.max
            if a.currency != "BRL" or top is None or top <= TRILLION:
                continue
            where = f"{name.removesuffix('.txt')}#{n}"
            context = " ".join(text[max(0, a.start - 60) : a.end + 40].split())
            big.append(f"{text[a.start : a.end]!r} = {top:,.0f} {sorted(flags(a)) or ''} [{where}] …{context}…")
            if top > PLAUSIBLE_MAX["BRL"] and not a.implausible:
                unflagged_giants.append(big[-1])
    return {
        "documents": documents,
        "amounts": amounts,
        "forms": {f: f"{n} ({n / amounts:.1%})" for f, n in forms.most_common()} if amounts else {},
        "flagged": dict(flagged.most_common()),
        "brl_over_20_trillion_unflagged": unflagged_giants,
        "brl_over_1_trillion": big,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every error")
    parser.add_argument("--every", type=int, default=2, help="read every N-th raw-pt document (default 2)")
    parser.add_argument("--no-raw", action="store_true", help="the case table only")
    args = parser.parse_args(argv)
    result = evaluate(load())
    if not args.show:
        result = {k: v if not isinstance(v, list) else len(v) for k, v in result.items()}
    if not args.no_raw and RAW_PT.exists():
        result["raw_pt"] = raw_sample(args.every)
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
