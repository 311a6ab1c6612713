"""`ptpipe` command line: parses options and calls the same functions a notebook calls."""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence

from . import __version__, annotate, emit, ingest, keywords, normalise, record, runner, spelling, themes


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="ptpipe",
        description="Portuguese press releases -> one JSON record each (people, organisations, "
        "states, money, dates, keywords).",
    )
    parser.add_argument("--version", action="version", version=f"ptpipe {__version__}")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser(
        "run",
        help="analyse files, folders or stdin and write JSONL records",
        description="Analyse INPUTs (files, folders searched recursively for "
        ".txt .md .html .jsonl .csv, or - for stdin) and write one record per document.",
    )
    run.add_argument("inputs", nargs="+", metavar="INPUT")
    run.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout)")
    run.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (default: jsonl)")
    run.add_argument(
        "--model",
        default=None,
        help="spaCy pipeline: package name, folder, or 'blank' (default: the project's model "
        "in models/ when present, else blank Portuguese plus rules)",
    )
    run.add_argument("--text-field", default="text", help="JSONL/CSV field holding the text (default: text)")
    run.add_argument("--id-field", default="id", help="JSONL/CSV field holding the id (default: id)")
    run.add_argument("--title-field", default="title", help="JSONL/CSV field holding the title")
    run.add_argument("--date-field", default="published_at", help="JSONL/CSV field holding the date")
    run.add_argument(
        "--stdin-format",
        choices=sorted(set(ingest.FORMATS.values())),
        default="txt",
        help="format of stdin when INPUT is - (default: txt)",
    )
    run.add_argument(
        "--on-error",
        choices=["record", "fail"],
        default="record",
        help="a document that fails: write an error record and go on (default), or stop",
    )
    run.add_argument("--batch-size", type=int, default=32, help="documents per spaCy batch (default: 32)")
    run.add_argument(
        "--normalise",
        default=",".join(normalise.DEFAULT_STEPS),
        metavar="STEPS",
        help="comma-separated normalisation steps to run, in order (default: all: "
        f"{','.join(normalise.DEFAULT_STEPS)}); e.g. leave out spelling to keep words as written",
    )
    run.add_argument(
        "--themes",
        metavar="FILE",
        help="theme taxonomy TSV (theme<TAB>label<TAB>terms separated by ;) instead of the shipped one",
    )
    run.add_argument(
        "--no-corpus-keywords",
        action="store_true",
        help="score keyphrases against Portuguese at large only; by default, with file inputs, a first "
        "pass counts in how many documents each word occurs, so that the batch's own common words weigh less",
    )
    run.add_argument(
        "--vocabulary",
        metavar="FILE",
        help="words the spelling step must know (one per line: local names, programmes, jargon): "
        "never changed, and offered as corrections",
    )
    run.add_argument("-q", "--quiet", action="store_true", help="no summary line on stderr")
    run.set_defaults(func=_run)

    val = sub.add_parser("validate", help="check a JSONL file of records against the schema")
    val.add_argument("path")
    val.set_defaults(func=_validate)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        steps = normalise.check_steps(name.strip() for name in args.normalise.split(",") if name.strip())
    except ValueError as exc:
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    try:
        speller = spelling.Speller(vocabulary=spelling.read_vocabulary(args.vocabulary)) if args.vocabulary else None
    except OSError as exc:
        print(f"ptpipe: cannot read vocabulary: {exc}", file=sys.stderr)
        return 2
    try:
        taxonomy = themes.load_taxonomy(args.themes) if args.themes else None
    except themes.TaxonomyError as exc:
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    document_frequency = None
    if not args.no_corpus_keywords and "-" not in args.inputs:
        document_frequency = keywords.DocumentFrequency.of(
            d.text for d in ingest.read(args.inputs, _ingest_options(args)) if d.error is None
        )
    try:
        nlp = annotate.load(args.model)
    except annotate.ModelNotFound as exc:
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    options = _ingest_options(args)
    documents = 0
    errors = 0

    def counted(docs):
        nonlocal documents
        for doc in docs:
            documents += 1
            yield doc

    try:
        with emit.JsonlWriter(args.output) as writer:
            for rec in runner.process_many(
                counted(ingest.read(args.inputs, options)),
                nlp=nlp,
                batch_size=args.batch_size,
                steps=steps,
                speller=speller,
                taxonomy=taxonomy,
                document_frequency=document_frequency,
            ):
                writer.write(rec)
                if rec["error"] is not None:
                    errors += 1
                    if args.on_error == "fail":
                        print(f"ptpipe: {rec['id']}: {rec['error']['message']}", file=sys.stderr)
                        return 1
    except emit.OutputError as exc:
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        seconds = time.perf_counter() - started
        print(
            f"ptpipe: {documents} documents, {writer.count} records, {errors} errors, {seconds:.1f} s -> {args.output}",
            file=sys.stderr,
        )
    return 0


def _ingest_options(args: argparse.Namespace) -> ingest.IngestOptions:
    return ingest.IngestOptions(args.text_field, args.id_field, args.title_field, args.date_field, args.stdin_format)


def _validate(args: argparse.Namespace) -> int:
    bad = 0
    count = 0
    try:
        for count, rec in enumerate(emit.read_jsonl(args.path), start=1):
            try:
                record.validate(rec)
            except record.RecordInvalid as exc:
                bad += 1
                print(f"{args.path}:{count}: {exc}", file=sys.stderr)
    except (OSError, ValueError) as exc:
        print(f"ptpipe: cannot read {args.path}: {exc}", file=sys.stderr)
        return 2
    print(f"ptpipe: {count} records, {bad} invalid", file=sys.stderr)
    return 1 if bad else 0
