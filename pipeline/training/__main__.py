"""`python -m pipeline.training convert|assemble|evaluate …`: the steps that `make model` runs."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

DEFAULT_CORPORA = Path(__file__).resolve().parents[2].parent / "shared" / "corpora"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pipeline.training")
    sub = parser.add_subparsers(dest="command", required=True)

    p = sub.add_parser("convert", help="open corpora -> DocBin files")
    p.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--limit", type=int, default=0, help="first N sentences/documents of each source")
    p.add_argument("--lener", action="store_true", help="add LeNER-Br train to the NER training data")
    p.add_argument("--wikiann", action="store_true", help="add WikiANN pt train (silver) to the NER training data")

    p = sub.add_parser("vectors", help="floret vectors from raw-pt + NER training text")
    p.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    p.add_argument("--out", type=Path, required=True)
    p.add_argument("--threads", type=int, default=2)

    p = sub.add_parser("rawtext", help="raw-pt + NER training text as JSONL for `spacy pretrain`")
    p.add_argument("--corpora", type=Path, default=DEFAULT_CORPORA)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("assemble", help="trained tagparse + ner -> one packaged pipeline")
    p.add_argument("--tagparse", type=Path, required=True)
    p.add_argument("--ner", type=Path, required=True)
    p.add_argument("--out", type=Path, required=True)

    p = sub.add_parser("evaluate", help="held-out scores and speed -> metrics.json")
    p.add_argument("--model", type=Path, required=True)
    p.add_argument("--data", type=Path, required=True, help="folder written by convert")
    p.add_argument("--out", type=Path, help="metrics JSON (default: MODEL/metrics.json)")
    p.add_argument("--speed-words", type=int, default=100_000)

    args = parser.parse_args(argv)
    if args.command == "convert":
        from .corpora import convert

        result = convert(args.corpora, args.out, args.limit, lener=args.lener, wikiann=args.wikiann)
        for name, (docs, words, ents) in result.files.items():
            print(f"{name:24} {docs:6d} docs {words:8d} words {ents:6d} entities")
        print(f"entities not on token boundaries (dropped): {result.dropped_entities}")
    elif args.command == "vectors":
        from .vectors import train

        print(train(args.corpora, args.out, args.threads))
    elif args.command == "rawtext":
        from .rawtext import write_jsonl

        print(f"{write_jsonl(args.corpora, args.out)} lines -> {args.out}")
    elif args.command == "assemble":
        from .assemble import assemble

        print(assemble(args.tagparse, args.ner, args.out))
    else:
        from .evaluate import evaluate

        metrics = evaluate(args.model, args.data, speed_words=args.speed_words)
        out = args.out or args.model / "metrics.json"
        out.write_text(json.dumps(metrics, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
        json.dump(metrics, sys.stdout, indent=2, ensure_ascii=False)
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
