"""`ptpipe` command line: parses options and calls the same functions a notebook calls."""

from __future__ import annotations

import argparse
import dataclasses
import os
import sys
import time
from collections.abc import Sequence

from . import (
    __version__,
    annotate,
    batch,
    emit,
    ingest,
    keywords,
    normalise,
    record,
    report,
    runner,
    spelling,
    themes,
)


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
    run.add_argument("-o", "--output", default="-", help="output JSONL file (default: stdout), or a folder for parts")
    run.add_argument(
        "--format",
        choices=["jsonl", "parquet"],
        default="jsonl",
        help="jsonl (default): one file, a line per record; parquet: a folder of part files",
    )
    run.add_argument(
        "--part-size", type=int, default=emit.PART_SIZE, help="records per part file (parquet, dask; default: 10000)"
    )
    run.add_argument(
        "--workers",
        type=int,
        default=None,
        help="worker processes, each with its own copy of the model (default: the number of cores; 1: no workers)",
    )
    run.add_argument("--unordered", action="store_true", help="write records as they are done, not in input order")
    run.add_argument(
        "--resume",
        action="store_true",
        help="keep the records already in the output and skip their documents (same id and same text)",
    )
    run.add_argument(
        "--engine", choices=["local", "dask"], default="local", help="local processes (default) or a Dask cluster"
    )
    run.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="Dask scheduler address (tcp://host:8786); without it --engine dask starts a local cluster",
    )
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
        "--max-chars",
        type=int,
        default=runner.MAX_CHARS,
        help=f"longer documents get a too_long error record instead of a parse (default: {runner.MAX_CHARS:,}; "
        "parsing takes about 1 GB per million characters)",
    )
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
    run.add_argument("-q", "--quiet", action="store_true", help="no progress and no summary line on stderr")
    run.add_argument("--no-progress", action="store_true", help="no progress line even on a terminal")
    run.set_defaults(func=_run)

    val = sub.add_parser("validate", help="check a JSONL file of records against the schema")
    val.add_argument("path")
    val.set_defaults(func=_validate)

    rep = sub.add_parser(
        "report",
        help="one self-contained HTML page: summary charts and every document with its entities highlighted",
        description="Read records (JSONL files or Parquet folders written by `ptpipe run`) and write an HTML "
        "page that opens without internet.",
    )
    rep.add_argument("inputs", nargs="+", metavar="RECORDS")
    rep.add_argument("-o", "--output", default="report.html", help="HTML file to write (default: report.html)")
    rep.add_argument("--title", default="Relatório ptpipe", help="page title")
    rep.add_argument(
        "--max-documents",
        type=int,
        default=report.MAX_DOCUMENTS,
        help=f"documents shown in full (default: {report.MAX_DOCUMENTS}); the summary counts them all",
    )
    rep.set_defaults(func=_report)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    return args.func(args)


def _run(args: argparse.Namespace) -> int:
    started = time.perf_counter()
    try:
        config = _config(args)
    except (ValueError, OSError, themes.TaxonomyError) as exc:
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    if config.model != annotate.BLANK:
        try:
            annotate.load(config.model)  # a bad --model is a usage error before any work
        except annotate.ModelNotFound as exc:
            print(f"ptpipe: {exc}", file=sys.stderr)
            return 2
    options = _ingest_options(args)
    files = "-" not in args.inputs
    total = None
    if files and not args.no_corpus_keywords:
        # one cheap pass before the work: word document frequencies and the number of documents
        df = keywords.DocumentFrequency.of(d.text for d in ingest.read(args.inputs, options) if d.error is None)
        config = dataclasses.replace(config, document_frequency=df)
        total = df.documents
    done = _already_done(args) if args.resume else set()
    progress = Progress(total, enabled=not args.quiet and sys.stderr.isatty() and not args.no_progress)
    counts = {"documents": 0, "skipped": 0, "errors": 0}

    def todo():
        for doc in ingest.read(args.inputs, options):
            counts["documents"] += 1
            if done and (doc.id, batch.content_hash(doc.text)) in done:
                counts["skipped"] += 1
                progress.skip()
                continue
            yield doc

    try:
        with _writer(args, append=bool(args.resume)) as writer:
            for rec in _records(args, todo(), config, total):
                writer.write(rec)
                failed = rec["error"] is not None
                counts["errors"] += failed
                progress.step(failed)
                if failed and args.on_error == "fail":
                    print(f"ptpipe: {rec['id']}: {rec['error']['message']}", file=sys.stderr)
                    return 1
    except emit.OutputError as exc:
        progress.clear()
        print(f"ptpipe: {exc}", file=sys.stderr)
        return 2
    progress.clear()
    if not args.quiet:
        seconds = time.perf_counter() - started
        skipped = f" ({counts['skipped']} already done)" if args.resume else ""
        print(
            f"ptpipe: {counts['documents']} documents, {writer.count} records{skipped}, {counts['errors']} errors, "
            f"{seconds:.1f} s -> {args.output}",
            file=sys.stderr,
        )
    return 0


def _config(args: argparse.Namespace) -> batch.RunConfig:
    steps = normalise.check_steps(name.strip() for name in args.normalise.split(",") if name.strip())
    try:
        vocabulary = tuple(spelling.read_vocabulary(args.vocabulary)) if args.vocabulary else ()
    except OSError as exc:
        raise ValueError(f"cannot read vocabulary: {exc}") from exc
    if args.themes:
        themes.load_taxonomy(args.themes)  # fail here, not in every worker
    if args.format == "parquet" and args.output == "-":
        raise ValueError("--format parquet needs -o FOLDER")
    return batch.RunConfig(
        model=args.model or annotate.default_model(),
        steps=steps,
        vocabulary=vocabulary,
        themes=args.themes,
        batch_size=args.batch_size,
        max_chars=args.max_chars,
    )


def _records(args: argparse.Namespace, documents, config: batch.RunConfig, total: int | None = None):
    workers = args.workers if args.workers is not None else batch.default_workers()
    if total is not None and args.engine == "local":
        # no more workers than batches: a few documents are done here, without starting a pool
        workers = min(workers, max(1, -(-total // config.batch_size)))
    if args.engine == "dask":
        return batch.run_dask(
            documents, config, scheduler=args.scheduler, workers=max(workers, 1), ordered=not args.unordered
        )
    return batch.run(documents, config, workers=workers, ordered=not args.unordered)


def _writer(args: argparse.Namespace, *, append: bool):
    """JSONL to a file or stdout; a folder of parts for Parquet and for Dask runs."""
    if args.format == "parquet" or args.engine == "dask":
        if args.output == "-":
            raise emit.OutputError("a partitioned output needs -o FOLDER")
        return emit.PartWriter(args.output, fmt=args.format, part_size=args.part_size, append=append)
    return emit.JsonlWriter(args.output, append=append)


def _already_done(args: argparse.Namespace) -> set[tuple[str, str]]:
    """(id, content hash) of every whole record already in the output; a cut last line goes."""
    path = args.output
    if path == "-" or not os.path.exists(path):
        return set()
    if os.path.isfile(path):
        emit.drop_cut_line(path)
    return {(r["id"], batch.content_hash(r["text"])) for r in emit.read_records(path)}


class Progress:
    """Documents, documents/s, errors and time left on one terminal line, at most twice a second."""

    def __init__(self, total: int | None, *, enabled: bool):
        self.total = total
        self.enabled = enabled
        self.done = self.errors = self.skipped = 0
        self.started = time.perf_counter()
        self._shown = 0.0

    def skip(self) -> None:
        self.skipped += 1

    def step(self, failed: bool) -> None:
        self.done += 1
        self.errors += failed
        now = time.perf_counter()
        if self.enabled and now - self._shown >= 0.5:
            self._shown = now
            rate = self.done / max(now - self.started, 1e-9)
            left = ""
            if self.total:
                remaining = max(self.total - self.done - self.skipped, 0)
                left = f", {remaining / rate:.0f} s left" if rate else ""
            total = f"/{self.total}" if self.total else ""
            print(
                f"\r{self.done + self.skipped}{total} documents, {rate:.1f}/s, {self.errors} errors{left}   ",
                end="",
                file=sys.stderr,
                flush=True,
            )

    def clear(self) -> None:
        if self.enabled and self._shown:
            print("\r" + " " * 78 + "\r", end="", file=sys.stderr, flush=True)


def _ingest_options(args: argparse.Namespace) -> ingest.IngestOptions:
    return ingest.IngestOptions(args.text_field, args.id_field, args.title_field, args.date_field, args.stdin_format)


def _report(args: argparse.Namespace) -> int:
    try:
        summary = report.write(args.inputs, args.output, title=args.title, max_documents=args.max_documents)
    except (OSError, ValueError) as exc:
        print(f"ptpipe: cannot write the report: {exc}", file=sys.stderr)
        return 2
    print(f"ptpipe: {summary.documents} documents -> {args.output}", file=sys.stderr)
    return 0


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
