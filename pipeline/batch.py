"""Batch runs: one process, several worker processes, or a Dask cluster; resumable.

Work goes out in batches of documents and comes back as records, never as spaCy Docs (pickling
Docs back costs more than the work, see MEASURED.md). Each worker builds the pipeline once,
from a `RunConfig`, and keeps it. At most `WINDOW` batches per worker are in flight, so memory
does not grow with the input; records come back in input order unless `ordered=False`.

A batch whose worker dies (killed, out of memory) is not lost: its documents come back as
error records (`type: worker_died`), and the pool is rebuilt for the rest.
"""

from __future__ import annotations

import gc
import hashlib
import itertools
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from multiprocessing import get_context

from . import annotate, runner
from .keywords import DocumentFrequency
from .record import Document, Record
from .spelling import Speller
from .themes import load_taxonomy

WINDOW = 4  # batches in flight per worker
BATCH_CHARS = 40_000  # characters a batch holds at most (one longer document is a batch alone)


@dataclass(frozen=True)
class RunConfig:
    """Everything a worker needs to build the same pipeline as the parent would."""

    model: str | None = None
    steps: tuple[str, ...] | None = None
    vocabulary: tuple[str, ...] = ()
    themes: str | None = None
    document_frequency: DocumentFrequency | None = field(default=None, compare=False)
    batch_size: int = 32
    max_chars: int = runner.MAX_CHARS


class Pipeline:
    """The loaded pipeline of one process: spaCy model, speller, taxonomy."""

    def __init__(self, config: RunConfig):
        self.config = config
        self.nlp = annotate.load(config.model)
        self.speller = Speller(vocabulary=config.vocabulary) if config.vocabulary else None
        self.taxonomy = load_taxonomy(config.themes) if config.themes else None

    def records(self, documents: Iterable[Document]) -> Iterator[dict]:
        options = {"steps": self.config.steps} if self.config.steps is not None else {}
        return runner.process_many(
            documents,
            nlp=self.nlp,
            batch_size=self.config.batch_size,
            speller=self.speller,
            taxonomy=self.taxonomy,
            document_frequency=self.config.document_frequency,
            max_chars=self.config.max_chars,
            **options,
        )


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


def run(documents: Iterable[Document], config: RunConfig, *, workers: int = 1, ordered: bool = True) -> Iterator[dict]:
    """Records for `documents` on this machine, with `workers` processes (1: in this process)."""
    if workers <= 1:
        yield from Pipeline(config).records(documents)
        return
    batches = _batches(documents, config.batch_size)
    context = get_context("fork") if "fork" in _start_methods() else None
    if context is not None:
        _load_before_fork(config)
    pending: deque = deque()
    pool = _pool(workers, config, context)
    try:
        for batch in itertools.chain(batches, [None]):
            if batch is not None:
                pending.append((pool.submit(_work, batch), batch))
            while pending and (batch is None or len(pending) >= workers * WINDOW):
                done = _next_done(pending, ordered)
                records, pool = _collect(done, pool, workers, config, context)
                yield from records
    finally:
        pool.shutdown(wait=True, cancel_futures=True)
        if context is not None:
            gc.unfreeze()  # the workers are gone: this process's collector may have its objects back


def _next_done(pending: deque, ordered: bool):
    if ordered:
        return pending.popleft()
    finished, _ = wait([f for f, _ in pending], return_when=FIRST_COMPLETED)
    for i, (future, batch) in enumerate(pending):
        if future in finished:
            del pending[i]
            return future, batch
    return pending.popleft()


def _collect(done, pool, workers: int, config: RunConfig, context):
    """A batch's records. When a worker died, every batch in flight fails with its pool: each is
    tried once more, alone, in the current (fresh) pool; one that kills that too is recorded as
    errors."""
    future, batch = done
    try:
        return future.result(), pool
    except BrokenProcessPool:
        if getattr(pool, "_broken", True):  # this pool is the broken one: replace it
            pool.shutdown(wait=False, cancel_futures=True)
            pool = _pool(workers, config, context)
    try:
        return pool.submit(_work, batch).result(), pool
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        return [worker_died(doc) for doc in batch], _pool(workers, config, context)


def worker_died(doc: Document) -> dict:
    record = Record.from_document(doc)
    record.error = {"type": "worker_died", "message": "the worker process that had this document died"}
    return record.to_dict()


def _pool(workers: int, config: RunConfig, context) -> ProcessPoolExecutor:
    return ProcessPoolExecutor(workers, mp_context=context, initializer=_init_worker, initargs=(config,))


def _load_before_fork(config: RunConfig) -> None:
    """Load here what every worker needs, so that the forked workers share it (copy-on-write).

    One short document goes through the pipeline first, which loads the tables that the rules and
    the speller read only on their first use (the lexicon, gazetteers, hunspell). Then the garbage
    collector is told to leave all of it alone (`gc.freeze`): a collection in a worker writes to the
    header of every object it visits, and each page written is a page copied, so without it every
    worker soon holds its own copy of the tables (see docs/quality.md, issue 21).
    """
    from .spelling import hunspell_accepts

    pipeline = Pipeline(config)
    list(pipeline.records([_WARM_UP]))
    if config.steps is None or "spelling" in config.steps:
        hunspell_accepts()  # asked only about words the speller would change: maybe not yet
    gc.collect()
    gc.freeze()


_WARM_UP = Document(
    id="warm-up",
    text="A Prefeitura de Salvador recebeu R$ 1,5 milhão do Governo da Bahia em 5 de março de 2024.",
    source={"path": None, "line": None, "format": "text"},
)


def _start_methods() -> list[str]:
    import multiprocessing

    return multiprocessing.get_all_start_methods()


_WORKER: Pipeline | None = None


def _init_worker(config: RunConfig) -> None:
    global _WORKER
    _WORKER = Pipeline(config)


def _work(batch: list[Document]) -> list[dict]:
    return list(_WORKER.records(batch))


def _batches(documents: Iterable[Document], size: int, max_chars: int = BATCH_CHARS) -> Iterator[list[Document]]:
    """Batches of at most `size` documents and, past the first document, `max_chars` characters:
    work is shared out a batch at a time, so batches of about equal work keep every worker busy
    to the end (32 news texts of 5,000 characters are 7 releases' batches of work, and a run of
    200 of them was 7 batches for 2 workers)."""
    batch: list[Document] = []
    chars = 0
    for doc in documents:
        length = len(doc.text) if isinstance(doc.text, str) else 0
        if batch and (len(batch) >= size or chars + length > max_chars):
            yield batch
            batch, chars = [], 0
        batch.append(doc)
        chars += length
    if batch:
        yield batch


# --- Dask ------------------------------------------------------------------------------------

_DASK_PIPELINES: dict[int, Pipeline] = {}


def _dask_work(batch: list[Document], config: RunConfig) -> list[dict]:
    """Runs on a Dask worker; the pipeline is built once per worker process and kept."""
    key = hash((config.model, config.steps, config.vocabulary, config.themes, config.batch_size))
    if key not in _DASK_PIPELINES:
        _DASK_PIPELINES[key] = Pipeline(config)
    return list(_DASK_PIPELINES[key].records(batch))


def run_dask(
    documents: Iterable[Document],
    config: RunConfig,
    *,
    scheduler: str | None = None,
    workers: int = 2,
    ordered: bool = True,
) -> Iterator[dict]:
    """Records for `documents` on a Dask cluster (`scheduler` address), or on a local cluster of
    `workers` processes when no address is given."""
    from dask.distributed import Client, LocalCluster
    from dask.distributed import wait as dask_wait

    cluster = None
    if scheduler:
        client = Client(scheduler)
    else:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    try:
        n_workers = max(1, len(client.scheduler_info().get("workers", {})) or workers)
        config_future = client.scatter(config, broadcast=True)
        pending: deque = deque()
        for batch in itertools.chain(_batches(documents, config.batch_size), [None]):
            if batch is not None:
                pending.append((client.submit(_dask_work, batch, config_future, pure=False), batch))
            while pending and (batch is None or len(pending) >= n_workers * WINDOW):
                if ordered:
                    future, done_batch = pending.popleft()
                else:
                    dask_wait([f for f, _ in pending], return_when="FIRST_COMPLETED")
                    i = next((i for i, (f, _) in enumerate(pending) if f.done()), 0)
                    future, done_batch = pending[i]
                    del pending[i]
                try:
                    yield from future.result()
                except Exception as exc:  # a lost worker or a failing task: record, go on
                    yield from (_task_failed(doc, exc) for doc in done_batch)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def _task_failed(doc: Document, exc: Exception) -> dict:
    record = Record.from_document(doc)
    record.error = {"type": "task_failed", "message": f"{type(exc).__name__}: {str(exc)[:500]}"}
    return record.to_dict()


# --- resume ----------------------------------------------------------------------------------


def content_hash(text: str) -> str:
    """The hash --resume knows a document by: that of its text as the record holds it.

    A document's text may hold lone surrogates that its record holds as U+FFFD; hashing the
    document's text as it came would never match the record, and the document would be done twice.
    """
    return hashlib.sha256(runner.record_text(text).encode("utf-8")).hexdigest()
