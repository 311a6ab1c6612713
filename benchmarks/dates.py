"""DATE on the case table (tests/data/date_cases.tsv): accuracy by kind, false dates on the
not-dates, and the cost a document beside the parse.

The table (issue 23) has one row per date to find: `kind` (compound relatives, two-digit years,
day and month written other ways, `dia 17`, relative months and years, offsets, holidays,
positions, qualified weekdays, tense both ways, intervals, open intervals, times of day),
`variety` (`br`, `pt`), `source` (`kind`: written from the kinds the issue lists; `real`: a
phrase as it stands in a planalto.gov.br speech of `../shared/corpora/raw-pt/`, the first
occurrences of each kind in file order, or in a release of `corpus/releases`, with the speech's
or release's date as the reference), the `text`, its `published` date, the `mention`, and the
expected `value`, `grain`, `start`, `end`. The values were written by reading each phrase against
its date, before the recogniser ran on the table. `not_date` rows hold text with no date at all
(`a segunda edição`, `Rua 25 de Março`, `13º salário`, opening hours, `há 20 anos` as a duration).

- right: a date found with the mention as its span and the row's value, grain, start and end;
- false dates: every date found in a not-date row;
- others: dates found in date rows over no mention (listed, not counted as false: those texts
  may hold dates the row does not ask about).

The tense of a sentence comes from its words (a `spacy.blank` pipeline) unless `--model` names a
pipeline with a parser: then from the verb's morphology, as `ptpipe run` reads it.

Cost: `find_dates` on every release of `corpus/releases` (as ingest reads it), milliseconds a
document (the best of `--repeat` runs of all of them), beside the whole spaCy pipeline on the same
documents; `--against FILE` times another `find_dates` (an older `dates.py`) in the same run.

    python -m benchmarks.dates [--show] [--model PATH] [--repeat N] [--against FILE]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

import pipeline
from pipeline import ingest
from pipeline.components.dates import attributes, find_dates, read_tenses

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "tests" / "data" / "date_cases.tsv"
RELEASES = ROOT / "corpus" / "releases"
FIELDS = ("value", "grain", "start", "end")


@dataclass(frozen=True)
class Case:
    kind: str
    variety: str
    source: str
    text: str
    published: dt.date
    mention: str
    want: dict  # value, grain, start, end (None where empty)

    @property
    def is_date(self) -> bool:
        return self.kind != "not_date"


def load(path: Path = TABLE) -> list[Case]:
    lines = path.read_text(encoding="utf-8").splitlines()
    cases = []
    for line in lines[1:]:
        kind, variety, source, text, published, mention, *values = line.split("\t")
        want = {field: value or None for field, value in zip(FIELDS, values, strict=True)}
        cases.append(Case(kind, variety, source, text, dt.date.fromisoformat(published), mention, want))
    return cases


def _got(attrs: dict) -> dict:
    return {field: attrs.get(field) for field in FIELDS}


def dates_in(text: str, nlp=None) -> list:
    """The DATE matches of `text`: from its words alone, or with the tenses of `nlp`'s parse."""
    if nlp is None:
        return find_dates(text)
    return read_tenses(nlp(text), find_dates(text, tense_from_text=False))


def evaluate(cases: list[Case], nlp=None) -> dict:
    by_kind: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_variety: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    by_source: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    wrong, false_dates, others = [], [], []
    rows_of: dict[tuple[str, dt.date], list[Case]] = defaultdict(list)
    for case in cases:
        rows_of[(case.text, case.published)].append(case)
    for (text, published), rows in rows_of.items():
        found = dates_in(text, nlp)
        spans = []
        for case in rows:
            if not case.is_date:
                false_dates += [f"{text[m.start : m.end]!r} in {text!r}" for m in found]
                continue
            start = text.index(case.mention)
            spans.append((start, start + len(case.mention)))
            hit = next((m for m in found if m.start == start and m.end == start + len(case.mention)), None)
            got = _got(attributes(hit.attrs, published)) if hit else None
            ok = got == case.want
            for table, key in ((by_kind, case.kind), (by_variety, case.variety), (by_source, case.source)):
                table[key][0] += ok
                table[key][1] += 1
            if not ok:
                near = [(text[m.start : m.end], _got(attributes(m.attrs, published))) for m in found]
                wrong.append(f"{case.kind}: {case.mention!r} want {case.want}, found {near} in {text!r} ({published})")
        if any(c.is_date for c in rows):
            others += [
                f"{text[m.start : m.end]!r} in {text!r}"
                for m in found
                if not any(m.start < e and s < m.end for s, e in spans)
            ]
    right = sum(v[0] for v in by_kind.values())
    total = sum(v[1] for v in by_kind.values())
    return {
        "dates": total,
        "right": right,
        "accuracy": round(right / total, 4) if total else None,
        "not_dates": sum(not c.is_date for c in cases),
        "false_dates": len(false_dates),
        "by_kind": _rates(by_kind),
        "by_variety": _rates(by_variety),
        "by_source": _rates(by_source),
        "wrong": wrong,
        "false_date_examples": false_dates,
        "other_dates_found": others,
    }


def _rates(table: dict[str, list[int]]) -> dict[str, str]:
    return {k: f"{ok}/{n} ({ok / n:.2f})" for k, (ok, n) in sorted(table.items())}


def cost(nlp, repeat: int = 7, against: str | None = None) -> dict:
    """Milliseconds a document for `find_dates` (and an older one) beside the parse."""
    texts = [doc.text for doc in ingest.read([str(RELEASES)])]
    docs = list(nlp.pipe(texts))
    parsed = docs[0].has_annotation("DEP")
    timings = {
        "find_dates (words for the tense)": lambda t, d: find_dates(t),
        "find_dates + read_tenses (as ptpipe_rules runs it)": lambda t, d: read_tenses(
            d, find_dates(t, tense_from_text=not parsed), t
        ),
    }
    if against:
        spec = importlib.util.spec_from_file_location("dates_against", against)
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # dataclasses look their module up there
        spec.loader.exec_module(module)
        timings[f"find_dates of {against}"] = lambda t, d: module.find_dates(t)
    out = {"documents": len(texts), "mean_chars": round(sum(map(len, texts)) / len(texts))}
    for name, run in timings.items():
        out[name] = round(
            _best(lambda run=run: [run(t, d) for t, d in zip(texts, docs, strict=True)], repeat) / len(texts) * 1e3, 3
        )
    out[f"spaCy pipeline ({pipeline.annotate.model_info(nlp)[0]})"] = round(
        _best(lambda: list(nlp.pipe(texts)), max(1, repeat // 3)) / len(texts) * 1e3, 2
    )
    return out


def _best(run, repeat: int) -> float:
    """The shortest of `repeat` runs, in CPU seconds (the machine may be busy with other work)."""
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="list every miss and every date found over no mention")
    parser.add_argument("--model", default=None, help="read tenses from this pipeline's parse (default: the words)")
    parser.add_argument("--repeat", type=int, default=7, help="runs of the timing; the best counts")
    parser.add_argument("--against", help="also time the find_dates of this file (an older dates.py)")
    parser.add_argument("--no-cost", action="store_true", help="only the case table")
    args = parser.parse_args(argv)
    nlp = pipeline.load(args.model) if args.model else None
    result = {"table": evaluate(load(), nlp), "tense_from": args.model or "the words (spacy.blank)"}
    if not args.no_cost:
        result["cost_ms_per_document"] = cost(nlp or pipeline.load(), args.repeat, args.against)
    if not args.show:
        table = result["table"]
        for key in ("wrong", "false_date_examples", "other_dates_found"):
            table[key] = len(table[key])
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
