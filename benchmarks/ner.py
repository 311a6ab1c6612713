"""Names as users get them: PER/ORG/LOC on gold text nobody here wrote, exact character spans.

Runs the whole pipeline (`pipeline.process_many`, every record's mentions; STATE and places
count as LOC) and the bare spaCy model (`doc.ents`) over the raw text of a gold set, and prints
per-label precision/recall/F1, the kinds of error and words per second.

    python -m benchmarks.ner                         # every named set, model and pipeline
    python -m benchmarks.ner --set uner-test --show 30
    python -m benchmarks.ner --file some.iob2 --system pipeline
    python -m benchmarks.ner --json out.json
    python -m benchmarks.ner --set uner-test --typos 0.1   # the same text typed in a hurry

Named sets (read from ../shared/corpora; see pipeline/training/nersets.py for how each text is
rebuilt): `uner-test` (UNER Bosque test, original Bosque text, the sentences of one Bosque
document joined one a line), `pud` (UNER PUD, words rejoined with contractions rebuilt, one
document's sentences one a line), `harem-dev` (First HAREM selective dev), `paramopama-tail` (the last
10 % of Paramopama, held out of training), `tcu-tail` (the last 10 % of noticias-ner-tcu),
`corpus` (our own 19-release gold, STATE counted as LOC). `uner-dev` is the model-selection set.

`--typos RATE` first misspells that share of the lower-case words of 4+ letters outside the gold
names, with `benchmarks.spelling`'s typo makers (a lost or wrong accent, a cedilla, a doubled,
missing or swapped letter, a neighbouring key; never one that makes another lexicon word), and
shifts the gold spans: what names cost when the text around them is typed in a hurry, and what
the pipeline's spelling step wins back over the bare model. Seeded (`--seed`), so repeatable.

Errors, per gold or predicted mention:
- missed: a gold mention that no prediction overlaps;
- spurious: a prediction that overlaps no gold mention;
- label: same span, other label;
- boundary: overlapping spans of the same label that are not the same span;
- boundary+label: overlapping, neither span nor label the same.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

from pipeline.training import nersets
from pipeline.training.corpora import read_io_sentences, split_tail

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
LABELS = ("PER", "ORG", "LOC")
Span = tuple[int, int, str]


def _uner(split: str) -> Callable[[Path], list[nersets.GoldDoc]]:
    def load(corpora: Path) -> list[nersets.GoldDoc]:
        uner = corpora / "uner-bosque" / f"pt_bosque-ud-{split}.iob2"
        return nersets.by_document(nersets.uner_bosque(uner, corpora / "ud-bosque" / f"pt_bosque-ud-{split}.conllu"))

    return load


def _pud(corpora: Path) -> list[nersets.GoldDoc]:
    return nersets.by_document(nersets.iob_file(corpora / "uner-pud" / "pt_pud-ud-test.iob2"))


def _paramopama_tail(corpora: Path) -> list[nersets.GoldDoc]:
    sentences = read_io_sentences(corpora / "wikiner-pt" / "corpus_Paramopama.filtered.txt")
    _, tail = split_tail(sentences, 0.1)
    out = []
    for k, words in enumerate(tail):
        text, offsets, tags = nersets.detokenise(words)
        out.append(nersets.GoldDoc(f"paramopama-tail-{k + 1}", text, nersets._spans_from_tags(offsets, tags)))
    return out


def _tcu_tail(corpora: Path) -> list[nersets.GoldDoc]:
    golds = nersets.doccano_jsonl(corpora / "noticias-ner-tcu" / "labeled_4_labels.filtered.jsonl")
    return split_tail(golds, 0.1)[1]


def _corpus(_: Path) -> list[nersets.GoldDoc]:
    out = []
    for path in sorted((ROOT / "corpus" / "gold").glob("[0-9]*.json")):
        gold = json.loads(path.read_text(encoding="utf-8"))
        text = (ROOT / "corpus" / gold["file"]).read_text(encoding="utf-8")
        spans = [
            (e["start"], e["end"], "LOC" if e["label"] == "STATE" else e["label"])
            for e in gold["entities"]
            if e["label"] in (*LABELS, "STATE")
        ]
        out.append(nersets.GoldDoc(path.stem, text, sorted(spans)))
    return out


SETS: dict[str, Callable[[Path], list[nersets.GoldDoc]]] = {
    "uner-test": _uner("test"),
    "pud": _pud,
    "harem-dev": lambda c: nersets.harem_json(c / "harem" / "FirstHAREM-selective-dev.json"),
    "paramopama-tail": _paramopama_tail,
    "tcu-tail": _tcu_tail,
    "corpus": _corpus,
    "uner-dev": _uner("dev"),
}
DEFAULT_SETS = ("uner-test", "pud", "harem-dev", "paramopama-tail", "tcu-tail", "corpus")


# --- systems --------------------------------------------------------------------------------


def model_spans(golds: list[nersets.GoldDoc], model: str | None = None) -> list[set[Span]]:
    """The bare spaCy model: its PER/ORG/LOC entities (HAREM-style names mapped)."""
    import spacy

    from pipeline.annotate import default_model
    from pipeline.extract import LABEL_MAP

    nlp = spacy.load(model or default_model())
    out = []
    for doc in nlp.pipe((g.text for g in golds), batch_size=64):
        labels = ((e.start_char, e.end_char, LABEL_MAP.get(e.label_, e.label_)) for e in doc.ents)
        out.append({s for s in labels if s[2] in LABELS})
    return out


def pipeline_spans(golds: list[nersets.GoldDoc], model: str | None = None) -> list[set[Span]]:
    """The whole pipeline: every record's mentions, places and states as LOC."""
    import pipeline

    docs = [{"id": g.id, "text": g.text} for g in golds]
    out = []
    for record in pipeline.process_many(docs, model=model):
        spans = set()
        for ent in record.get("entities", []):
            label = "LOC" if ent["label"] in nersets.PIPELINE_AS_LOC else ent["label"]
            if label in LABELS:
                spans |= {(m["start"], m["end"], label) for m in ent["mentions"]}
        out.append(spans)
    return out


SYSTEMS = {"model": model_spans, "pipeline": pipeline_spans}


# --- typed in a hurry -----------------------------------------------------------------------


def with_typos(golds: list[nersets.GoldDoc], rate: float, seed: int = 0) -> tuple[list[nersets.GoldDoc], int]:
    """The gold documents with typos in lower-case words outside the names; the gold spans move
    with the text. Returns the documents and the number of typos."""
    import regex

    from benchmarks.spelling import _typo
    from pipeline.spelling import Lexicon

    lexicon, rng, n = Lexicon.load(), random.Random(seed), 0
    word = regex.compile(r"(?<![\w-])\p{Ll}{4,}(?![\w-])")
    out = []
    for gold in golds:
        inside = bytearray(len(gold.text) + 1)
        for start, end, _ in gold.spans:
            inside[start:end] = b"\x01" * (end - start)
        pieces, shift, at = [], [0] * (len(gold.text) + 1), 0
        delta = 0
        for m in word.finditer(gold.text):
            if any(inside[m.start() : m.end()]) or rng.random() >= rate:
                continue
            _, bad = _typo(m.group(), rng)
            if bad is None or bad in lexicon:
                continue
            pieces += [gold.text[at : m.start()], bad]
            for k in range(at, m.end()):
                shift[k] = delta
            delta += len(bad) - len(m.group())
            at, n = m.end(), n + 1
        pieces.append(gold.text[at:])
        for k in range(at, len(gold.text) + 1):
            shift[k] = delta
        spans = [(s + shift[s], e + shift[e], label) for s, e, label in gold.spans]
        out.append(nersets.GoldDoc(gold.id, "".join(pieces), spans))
    return out, n


# --- scoring --------------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f": round(f, 4), "tp": tp, "fp": fp, "fn": fn}


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def score(golds: list[nersets.GoldDoc], predicted: list[set[Span]]) -> dict:
    """Per-label and overall P/R/F on exact spans, the error kinds, and examples of each."""
    tp, fp, fn = Counter(), Counter(), Counter()
    kinds: Counter = Counter()
    examples: dict[str, list[str]] = {}
    for gold_doc, pred in zip(golds, predicted, strict=True):
        gold = set(gold_doc.spans)
        for s in pred & gold:
            tp[s[2]] += 1
        for s in pred - gold:
            fp[s[2]] += 1
        for s in gold - pred:
            fn[s[2]] += 1
        text = gold_doc.text
        for g in sorted(gold - pred):
            near = [p for p in pred if _overlaps(g, p)]
            kind = _kind(g, near)
            kinds[kind] += 1
            got = ", ".join(f"{text[p[0] : p[1]]!r} {p[2]}" for p in near)
            examples.setdefault(kind, []).append(f"{text[g[0] : g[1]]!r} {g[2]}" + (f" -> {got}" if got else ""))
        for p in sorted(pred - gold):
            if not any(_overlaps(p, g) for g in gold):
                kinds["spurious"] += 1
                examples.setdefault("spurious", []).append(f"{text[p[0] : p[1]]!r} {p[2]} in {gold_doc.id}")
    rows = {label: _prf(tp[label], fp[label], fn[label]) for label in LABELS}
    rows["ALL"] = _prf(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"scores": rows, "errors": dict(kinds), "examples": examples}


def _kind(gold: Span, near: list[Span]) -> str:
    if not near:
        return "missed"
    if any(p[:2] == gold[:2] for p in near):
        return "label"
    if any(p[2] == gold[2] for p in near):
        return "boundary"
    return "boundary+label"


def run(name: str, golds: list[nersets.GoldDoc], system: str, model: str | None = None) -> dict:
    words = sum(len(g.text.split()) for g in golds)
    started = time.perf_counter()
    predicted = SYSTEMS[system](golds, model)
    seconds = time.perf_counter() - started
    result = score(golds, predicted)
    result.update(set=name, system=system, docs=len(golds), words=words, words_per_s=round(words / seconds))
    return result


def _print(result: dict, show: int) -> None:
    s = result["scores"]
    per = "  ".join(f"{lab} {s[lab]['f']:.3f}" for lab in LABELS)
    print(
        f"{result['set']:16} {result['system']:8} F {s['ALL']['f']:.3f} (P {s['ALL']['p']:.3f} R {s['ALL']['r']:.3f})"
        f"  {per}  errors {result['errors']}  {result['words_per_s']} words/s"
    )
    for kind, lines in result["examples"].items():
        for line in lines[:show]:
            print(f"    {kind:14} {line}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.ner", description=__doc__.split("\n\n")[0])
    parser.add_argument("--set", action="append", choices=sorted(SETS), help="named gold set (repeatable)")
    parser.add_argument("--file", type=Path, action="append", help="IOB2/CoNLL/IO, HAREM .json or doccano .jsonl")
    parser.add_argument("--system", choices=[*SYSTEMS, "both"], default="both")
    parser.add_argument("--model", help="spaCy model name or path (default: the shipped one)")
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--show", type=int, default=0, help="examples of each error kind to print")
    parser.add_argument("--json", type=Path, help="write every result here")
    parser.add_argument("--typos", type=float, default=0.0, help="misspell this share of lower-case words first")
    parser.add_argument("--seed", type=int, default=0, help="random seed of --typos")
    args = parser.parse_args(argv)

    sets: list[tuple[str, list[nersets.GoldDoc]]] = []
    for path in args.file or []:
        sets.append((path.name, nersets.load(path)))
    if not args.file or args.set:
        if not args.corpora.is_dir():
            print(f"no corpora at {args.corpora}", file=sys.stderr)
            return 2
        sets += [(name, SETS[name](args.corpora)) for name in args.set or DEFAULT_SETS]
    if args.typos:
        typed = [(f"{name}+typos", *with_typos(golds, args.typos, args.seed)) for name, golds in sets]
        for name, _, n in typed:
            print(f"{name}: {n} typos injected (rate {args.typos}, seed {args.seed})")
        sets = [(name, golds) for name, golds, _ in typed]
    systems = list(SYSTEMS) if args.system == "both" else [args.system]
    results = []
    for name, golds in sets:
        for system in systems:
            results.append(run(name, golds, system, args.model))
            _print(results[-1], args.show)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
