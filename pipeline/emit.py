"""Stage 6, emit: records -> JSON Lines or Parquet, written as they come.

- `JsonlWriter`: one file (or stdout), one flushed line per record; a run killed mid-write leaves
  at most one cut line at the end, which `--resume` drops.
- `PartWriter`: a folder of part files (`part-00000.parquet` or `.jsonl`), each written under a
  temporary name and renamed when complete, so a killed run leaves only whole parts. Parquet
  parts have flat columns for the scalar fields and JSON text for the nested ones
  (`entities`, `keywords`, ...), so that records of any shape fit one schema.
- `read_records(path)` reads either back into record dicts.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from .record import FIELDS

# Record fields that are lists or objects: JSON text in Parquet parts.
NESTED_FIELDS = (
    "source", "corrections", "entities", "facts", "keywords", "themes", "stats", "pipeline", "language", "warnings",
    "error",
)  # fmt: skip
PART_SIZE = 10_000  # records per part file


class OutputError(Exception):
    """The output cannot be written (a bad path, a full disk)."""


def dumps(record: dict[str, Any]) -> str:
    """One record as one JSON line (UTF-8 text kept readable, no ASCII escapes).

    A string that UTF-8 cannot encode (a lone surrogate from a `\\ud800` escape in the input) is
    written escaped instead, so that one odd record never stops the writer.
    """
    line = json.dumps(record, ensure_ascii=False, separators=(",", ":"))
    try:
        line.encode("utf-8")
    except UnicodeEncodeError:
        return json.dumps(record, ensure_ascii=True, separators=(",", ":"))
    return line


class JsonlWriter:
    """Writes records to a file (or `-` for stdout), a whole line at a time, so a reader can follow.

    A write that fails (disk full, file size limit) leaves no half line behind: the file is cut
    back to the last whole record and `OutputError` says why, so `--resume` can go on from there.
    """

    def __init__(self, path: str, *, append: bool = False):
        self.path = path
        self.count = 0
        self.append = append
        self._fh: IO[bytes] | None = None
        self._whole = 0  # file length after the last whole record

    def __enter__(self) -> JsonlWriter:
        if self.path == "-":
            return self
        try:
            folder = os.path.dirname(self.path)
            if folder:
                os.makedirs(folder, exist_ok=True)
            # unbuffered: every record is written out at once anyway, and nothing waits in a buffer
            self._fh = open(self.path, "ab" if self.append else "wb", buffering=0)
            self._whole = self._fh.seek(0, os.SEEK_END)
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        return self

    def write(self, record: dict[str, Any]) -> None:
        line = dumps(record) + "\n"
        if self._fh is None:
            sys.stdout.write(line)
            sys.stdout.flush()
        else:
            self._write_line(line.encode("utf-8"))
        self.count += 1

    def _write_line(self, data: bytes) -> None:
        view = memoryview(data)
        try:
            while view:
                view = view[self._fh.write(view) :]
        except OSError as exc:
            self._cut_back()
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._whole += len(data)

    def _cut_back(self) -> None:
        try:
            os.ftruncate(self._fh.fileno(), self._whole)
            self._fh.seek(self._whole)
        except OSError:
            pass  # not a regular file (/dev/full, a pipe): nothing to cut

    def __exit__(self, *exc_info) -> None:
        if self._fh is not None:
            self._fh.close()


def read_jsonl(path: str) -> Iterable[dict[str, Any]]:
    """Records back from a JSONL file, one per line."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)


def drop_cut_line(path: str) -> None:
    """Truncate a JSONL file after its last whole line (a killed writer may have cut one)."""
    with open(path, "rb+") as fh:
        data = fh.read()
        end = data.rfind(b"\n") + 1
        tail = data[end:]
        if tail.strip():
            fh.truncate(end)
            return
        # a last line that is whole text but not JSON (cut inside a string that ended at a newline?)
        lines = data[:end].splitlines(keepends=True)
        while lines:
            try:
                json.loads(lines[-1])
                break
            except ValueError:
                end -= len(lines.pop())
        fh.truncate(end)


class PartWriter:
    """Writes records to a folder of part files, `part_size` records each, atomically."""

    def __init__(self, folder: str, *, fmt: str = "parquet", part_size: int = PART_SIZE, append: bool = False):
        if fmt not in ("parquet", "jsonl"):
            raise ValueError(f"unknown part format {fmt!r}")
        self.path = folder
        self.fmt = fmt
        self.part_size = part_size
        self.append = append
        self.count = 0
        self._buffer: list[dict] = []
        self._next = 0

    def __enter__(self) -> PartWriter:
        folder = Path(self.path)
        try:
            folder.mkdir(parents=True, exist_ok=True)
            existing = sorted(folder.glob("part-*.*"))
            if existing and not self.append:
                for part in existing:
                    part.unlink()
                existing = []
            for tmp in folder.glob("*.tmp"):  # a part a killed run did not finish
                tmp.unlink()
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self._next = max((int(p.name.split("-")[1].split(".")[0]) + 1 for p in existing), default=0)
        return self

    def write(self, record: dict[str, Any]) -> None:
        self._buffer.append(record)
        self.count += 1
        if len(self._buffer) >= self.part_size:
            self.flush()

    def flush(self) -> None:
        if not self._buffer:
            return
        final = Path(self.path) / f"part-{self._next:05d}.{self.fmt}"
        tmp = final.with_name(final.name + ".tmp")
        try:
            if self.fmt == "parquet":
                _write_parquet(self._buffer, tmp)
            else:
                tmp.write_text("".join(dumps(r) + "\n" for r in self._buffer), encoding="utf-8")
            os.replace(tmp, final)
        except OSError as exc:
            tmp.unlink(missing_ok=True)
            raise OutputError(f"cannot write {final}: {exc.strerror or exc}") from exc
        self._buffer = []
        self._next += 1

    def __exit__(self, exc_type, *exc_info) -> None:
        if exc_type is None:
            self.flush()


def _write_parquet(records: list[dict], path: Path) -> None:
    import pyarrow as pa
    import pyarrow.parquet as pq

    columns: dict[str, list] = {}
    for name in _SCALAR_FIELDS:
        columns[name] = [r.get(name) for r in records]
    for name in NESTED_FIELDS:
        columns[name] = [None if r.get(name) is None else dumps(r[name]) for r in records]
    schema = pa.schema([(n, pa.string()) for n in (*_SCALAR_FIELDS, *NESTED_FIELDS)])
    pq.write_table(pa.Table.from_pydict(columns, schema=schema), path, compression="zstd")


_SCALAR_FIELDS = ("schema_version", "id", "title", "published_at", "text", "normalized_text")


def read_records(path: str) -> Iterator[dict[str, Any]]:
    """Records from a JSONL file, or from a folder of JSONL or Parquet parts (in part order)."""
    target = Path(path)
    if not target.is_dir():
        yield from read_jsonl(path)
        return
    for part in sorted(target.glob("part-*.*")):
        if part.suffix == ".jsonl":
            yield from read_jsonl(str(part))
        elif part.suffix == ".parquet":
            yield from _read_parquet(part)


def _read_parquet(path: Path) -> Iterator[dict[str, Any]]:
    import pyarrow.parquet as pq

    table = pq.read_table(path)
    for row in table.to_pylist():
        # in the record's own order; a field older parts lack (language, warnings) stays absent
        yield {
            name: row[name] if name in _SCALAR_FIELDS or row[name] is None else json.loads(row[name])
            for name in FIELDS
            if name in row
        }
