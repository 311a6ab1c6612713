"""Stage 6, emit: records -> JSON Lines, one line per record, written as they come."""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterable
from typing import IO, Any


class OutputError(Exception):
    """The output cannot be written (a bad path, a full disk)."""


def dumps(record: dict[str, Any]) -> str:
    """One record as one JSON line (UTF-8 text kept readable, no ASCII escapes)."""
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


class JsonlWriter:
    """Writes records to a file (or `-` for stdout), flushing each line so a reader can follow."""

    def __init__(self, path: str):
        self.path = path
        self.count = 0
        self._fh: IO[str] | None = None

    def __enter__(self) -> JsonlWriter:
        if self.path == "-":
            self._fh = sys.stdout
        else:
            try:
                folder = os.path.dirname(self.path)
                if folder:
                    os.makedirs(folder, exist_ok=True)
                self._fh = open(self.path, "w", encoding="utf-8", newline="\n")
            except OSError as exc:
                raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        return self

    def write(self, record: dict[str, Any]) -> None:
        try:
            self._fh.write(dumps(record) + "\n")
            self._fh.flush()
        except OSError as exc:
            raise OutputError(f"cannot write {self.path}: {exc.strerror or exc}") from exc
        self.count += 1

    def __exit__(self, *exc_info) -> None:
        if self._fh is not None and self._fh is not sys.stdout:
            self._fh.close()


def read_jsonl(path: str) -> Iterable[dict[str, Any]]:
    """Records back from a JSONL file, one per line."""
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                yield json.loads(line)
