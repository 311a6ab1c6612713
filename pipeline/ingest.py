"""Stage 1, ingest: files, folders and stdin -> `Document`s (id, original text, title, date).

Every input yields documents, never an exception: a file that cannot be read or decoded, an
empty file or a bad JSONL line becomes a `Document` whose `error` says why, so that emit still
writes one record for it.

Record boundaries are those of the format, never `str.splitlines`: JSON Lines ends a record at
`\n` only (U+2028, U+0085 and the like may stand unescaped inside a JSON string), CSV follows
RFC 4180 (a quoted field may hold newlines, separators and quotes). The `line` in a record's
source is the physical line of the file where the record starts.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import regex

from .components.dates import find_dates
from .record import Document, empty_text_error

FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".md": "md",
    ".markdown": "md",
    ".html": "html",
    ".htm": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".csv": "csv",
}

# Magic numbers of files that are certainly not text.
_BINARY_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF"),
    (b"\x89PNG", "PNG"),
    (b"PK\x03\x04", "ZIP"),
    (b"GIF8", "GIF"),
    (b"\xff\xd8\xff", "JPEG"),
    (b"\x1f\x8b", "gzip"),
    (b"\x7fELF", "ELF"),
    (b"\xd0\xcf\x11\xe0", "OLE (Word/Excel)"),
)


@dataclass(frozen=True)
class IngestOptions:
    """Field names for JSONL and CSV inputs, and the format of stdin."""

    text_field: str = "text"
    id_field: str = "id"
    title_field: str = "title"
    date_field: str = "published_at"
    stdin_format: str = "txt"


class InputError(Exception):
    """A source that cannot become a document; `kind` goes into the error record."""

    def __init__(self, kind: str, message: str):
        super().__init__(message)
        self.kind = kind


def read(inputs: Iterable[str], options: IngestOptions = IngestOptions()) -> Iterator[Document]:
    """Documents from files, folders (recursively) and `-` (stdin), in the order given."""
    for item in inputs:
        if item == "-":
            yield from _read_bytes(sys.stdin.buffer.read(), "stdin", options.stdin_format, options, path=None)
        elif os.path.isdir(item):
            for path in _walk(item):
                yield from read_file(path, options)
        else:
            yield from read_file(item, options)


def read_file(path: str, options: IngestOptions = IngestOptions()) -> Iterator[Document]:
    """Documents from one file; its extension picks the reader (unknown ones are read as text)."""
    fmt = FORMATS.get(Path(path).suffix.lower(), "txt")
    try:
        kind = _not_regular(os.stat(path).st_mode)
        if kind:  # reading a FIFO would wait for a writer for ever; a device never ends
            raise InputError("unreadable_input", f"{path} is a {kind}, not a regular file")
        stream_encoding = _utf8_encoding(path) if fmt == "jsonl" else None
        data = b"" if stream_encoding else Path(path).read_bytes()
    except InputError as exc:
        yield _error_doc(path, path, fmt, exc.kind, str(exc))
        return
    except OSError as exc:  # missing, no permission, a symlink loop (ELOOP), a folder gone meanwhile
        yield _unreadable_doc(path, fmt, exc)
        return
    if stream_encoding:
        yield from _jsonl_stream(path, stream_encoding, options)
    else:
        yield from _read_bytes(data, path, fmt, options, path=path)


def _unreadable_doc(path: str, fmt: str, exc: OSError) -> Document:
    return _error_doc(path, path, fmt, "unreadable_input", f"cannot read {path}: {exc.strerror or exc}")


def _not_regular(mode: int) -> str | None:
    for test, kind in ((stat.S_ISFIFO, "named pipe"), (stat.S_ISSOCK, "socket"), (stat.S_ISCHR, "device")):
        if test(mode):
            return kind
    if stat.S_ISBLK(mode):
        return "device"
    return None


def _walk(folder: str) -> Iterator[str]:
    """Files with a known extension under `folder`, sorted, hidden ones and symlinked folders skipped."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in FORMATS:
                yield os.path.join(root, name)


def _read_bytes(data: bytes, doc_id: str, fmt: str, options: IngestOptions, *, path: str | None) -> Iterator[Document]:
    try:
        text, encoding = decode(data)
    except InputError as exc:
        yield _error_doc(doc_id, path, fmt, exc.kind, str(exc))
        return
    if fmt == "jsonl":
        yield from _jsonl_documents(text.split("\n"), doc_id, path, encoding, options)
    elif fmt == "csv":
        yield from _csv_documents(text, doc_id, path, encoding, options)
    else:
        title = None
        if fmt == "html":
            text, title, published = html_text(text)
        else:
            published = None
        found_title, found_date = find_header(text, markdown=fmt == "md")
        doc = Document(
            id=doc_id,
            text=text,
            title=title or found_title,
            published_at=published or found_date,
            source={"path": path, "line": None, "format": fmt, "encoding": encoding},
        )
        yield _checked(doc)


def decode(data: bytes) -> tuple[str, str]:
    """Text and the encoding it was in: UTF-8 (with or without BOM), UTF-16 with BOM, else CP1252.

    Raises `InputError` for binary data (PDF, images, archives, NUL bytes).
    """
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "utf-16"
    binary = _binary_kind(data)
    if binary:
        raise InputError("binary_input", binary)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8 throughout. Mostly UTF-8 with some legacy bytes (a file pasted together from two
    # sources) is read as UTF-8 with those bytes as CP1252; otherwise Windows-1252 is what
    # Portuguese text in a legacy encoding almost always is, and Latin-1 decodes anything left.
    text = data.decode("utf-8", errors=_LEGACY_BYTES)
    if _utf8_sequences(data) and _valid_utf8_share(data) >= 0.3:
        return text, "utf-8+cp1252"
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


_HEAD = 8192


def _binary_kind(data: bytes) -> str | None:
    """Why the start of `data` says it is not text, or None."""
    for signature, kind in _BINARY_SIGNATURES:
        if data.startswith(signature):
            return f"binary {kind} data, not text"
    head = data[:_HEAD]
    if head.count(0) > 0.01 * len(head):  # a stray NUL in a release is noise; many are a binary format
        return "binary data (NUL bytes), not text"
    return None


_CHUNK = 1 << 20


def _utf8_encoding(path: str) -> str | None:
    """`utf-8` or `utf-8-sig` when `decode` would read the file as UTF-8 throughout, else None.

    `decode` must see a whole file to tell CP1252 or a mixed file from UTF-8 (its statistics run over
    all the bytes), but a file that is valid UTF-8 from end to end is UTF-8 whatever else it holds.
    This pass checks that in chunks, holding one chunk at a time, so that a JSONL file can then be read
    a line at a time; any other file (UTF-16, legacy bytes, binary) goes the whole-file way, where
    `decode` decides as it always has. The file is read twice; that is cheaper than holding it.
    """
    decoder = codecs.getincrementaldecoder("utf-8")()
    with open(path, "rb") as fh:
        head = fh.read(_CHUNK)
        bom = head.startswith(codecs.BOM_UTF8)
        if not bom and _binary_kind(head):
            return None
        try:
            decoder.decode(head)
            while chunk := fh.read(_CHUNK):
                decoder.decode(chunk)
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            return None
    return "utf-8-sig" if bom else "utf-8"


def _legacy_bytes(error: UnicodeDecodeError) -> tuple[str, int]:
    """Codec error handler: a byte that is not UTF-8 is read as CP1252 (Latin-1 where CP1252 has a hole)."""
    byte = error.object[error.start : error.start + 1]
    try:
        return byte.decode("cp1252"), error.start + 1
    except UnicodeDecodeError:
        return byte.decode("latin-1"), error.start + 1


_LEGACY_BYTES = "ptpipe-legacy-bytes"
codecs.register_error(_LEGACY_BYTES, _legacy_bytes)
_UTF8_MULTIBYTE = regex.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")
_HIGH_BYTE = regex.compile(rb"[\x80-\xff]")


def _utf8_sequences(data: bytes) -> int:
    """Well-formed multi-byte UTF-8 sequences: evidence that part of the file is UTF-8."""
    return len(_UTF8_MULTIBYTE.findall(data))


def _valid_utf8_share(data: bytes) -> float:
    """Share of the high bytes that belong to well-formed UTF-8 sequences."""
    high = len(_HIGH_BYTE.findall(data))
    in_sequences = sum(len(m) for m in _UTF8_MULTIBYTE.findall(data))
    return in_sequences / high if high else 1.0


_TIME = regex.compile(r"(?<!\d)([01]?\d|2[0-3])\s*[:h]\s*([0-5]\d)(?!\d)")
_MAX_HEADER_LINES = 6


def find_header(text: str, *, markdown: bool = False) -> tuple[str | None, str | None]:
    """Title (the first line, if it is short) and publication date (a date line near the top).

    >>> find_header("AMAMS PROMOVEU RODA\\n\\n| 06 de Julho de 2021 - 13:21\\n\\nA Associação…")
    ('AMAMS PROMOVEU RODA', '2021-07-06T13:21:00')
    """
    lines = [ln.strip() for ln in text.splitlines() if ln.strip()][:_MAX_HEADER_LINES]
    title = None
    published = None
    for i, line in enumerate(lines):
        if published is None and len(line) <= 100:
            published = _date_line(line)
            if published:
                continue
        if i == 0:
            candidate = line.lstrip("#").strip() if markdown else line
            if 0 < len(candidate) <= 200:
                title = candidate
    return title, published


def _date_line(line: str) -> str | None:
    """ISO date-time of a line that is a date line, else None."""
    dates = [d for d in find_dates(line) if d.attrs.get("year") and d.attrs.get("day")]
    if not dates or len(line.split()) > 12:
        return None
    parts = dates[0].attrs
    value = f"{parts['year']:04d}-{parts['month']:02d}-{parts['day']:02d}"
    time = _TIME.search(line, dates[0].end)
    return f"{value}T{int(time.group(1)):02d}:{time.group(2)}:00" if time else value


def iso_date(value: object) -> str | None:
    """A JSONL/CSV date field as ISO 8601 (`2024-03-15`, `2024-03-15T10:30:00`, `15/03/2024`)."""
    if not isinstance(value, str) or not value.strip():
        return None
    value = value.strip()
    m = regex.fullmatch(r"(\d{4}-\d{2}-\d{2})(?:[T ](\d{2}:\d{2})(?::(\d{2}))?.*)?", value)
    if m:
        return f"{m.group(1)}T{m.group(2)}:{m.group(3) or '00'}" if m.group(2) else m.group(1)
    return _date_line(value)


def _jsonl_stream(path: str, encoding: str, options: IngestOptions) -> Iterator[Document]:
    """JSONL documents of a UTF-8 file (see `_utf8_encoding`), read and decoded a line at a time."""
    try:
        with open(path, "rb") as fh:
            if encoding == "utf-8-sig":
                fh.read(len(codecs.BOM_UTF8))
            # A binary file's lines end at b"\n" only, a byte that in UTF-8 is never part of another
            # character, so each line decodes on its own. Bytes that are not UTF-8 can only turn up if
            # the file changed since it was checked: read them as decode would rather than fail.
            lines = (raw.decode("utf-8", errors=_LEGACY_BYTES) for raw in fh)
            yield from _jsonl_documents(lines, path, path, encoding, options)
    except OSError as exc:  # the disk or the network share went away mid-file
        yield _unreadable_doc(path, "jsonl", exc)


def _jsonl_documents(
    lines: Iterable[str], doc_id: str, path: str | None, encoding: str, options: IngestOptions
) -> Iterator[Document]:
    """A document per non-blank line; `lines` are the file's physical lines, split at `\n` only."""
    for number, line in enumerate(lines, start=1):
        line = line.removesuffix("\n").removesuffix("\r")
        if not line.strip():
            continue
        row_id = f"{doc_id}:{number}"
        source = {"path": path, "line": number, "format": "jsonl", "encoding": encoding}
        try:
            # strict=False: a control character left raw inside a string (a hand-rolled writer) cannot
            # be mistaken for the end of the record here, so the document is read rather than lost
            obj = json.loads(line, strict=False)
        except json.JSONDecodeError as exc:
            yield Document(
                row_id, "", source=source, error={"type": "bad_json", "message": f"line {number}: {exc.msg}"}
            )
            continue
        if not isinstance(obj, dict):
            message = f"line {number}: not an object (it is {_json_type(obj)})"
            yield Document(row_id, "", source=source, error={"type": "bad_json", "message": message})
            continue
        yield _row_document(obj, row_id, source, options)


def _csv_documents(text: str, doc_id: str, path: str | None, encoding: str, options: IngestOptions):
    any_row = False
    try:
        for number, row, header in _csv_rows(text):
            any_row = True
            source = {"path": path, "line": number, "format": "csv", "encoding": encoding}
            yield _row_document(row, f"{doc_id}:{number}", source, options, header=header)
    except _CsvRowError as exc:  # the reader cannot find the next record after this one
        yield _error_doc(f"{doc_id}:{exc.line}", path, "csv", "bad_csv", f"line {exc.line}: {exc}")
        return
    if not any_row:
        yield _error_doc(doc_id, path, "csv", "empty_document", "CSV file without data rows")


class _CsvRowError(Exception):
    def __init__(self, line: int, message: str):
        super().__init__(message)
        self.line = line


def _csv_rows(text: str) -> Iterator[tuple[int, dict[str, str], list[str]]]:
    """(line where the record starts, its fields by header name, the header) for each non-blank record.

    A csv reader's `line_num` is the line where a record ends; records follow each other, so one
    starts on the line after the previous one ended. Columns a short row lacks are left out of its
    dict (a missing field, not an empty one); columns beyond the header are dropped.
    """
    csv.field_size_limit(2**31 - 1)
    reader = csv.reader(io.StringIO(text, newline=""))  # newline="": quoted newlines stay in the field
    ended = 0
    header: list[str] | None = None
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise _CsvRowError(ended + 1, str(exc)) from exc
        start, ended = ended + 1, reader.line_num
        if header is None:
            header = row
        elif row:  # a blank line is no record (as in csv.DictReader)
            yield start, dict(zip(header, row, strict=False)), header


_JSON_TYPES = {
    str: "a string",
    bool: "a boolean",
    int: "a number",
    float: "a number",
    type(None): "null",
    list: "an array",
    dict: "an object",
}


def _json_type(value: object) -> str:
    """What a JSON value is, in JSON's words (the user wrote JSON, not Python)."""
    return _JSON_TYPES.get(type(value), type(value).__name__)


def _text_error(row: dict, options: IngestOptions, header: list[str] | None) -> dict[str, str] | None:
    """The error of a row whose text field is missing or not a string, else None."""
    name = options.text_field
    if name not in row:
        if header and name in header:  # a short CSV row: --text-field is no fix
            message = f"the row ends before column {name!r} ({len(row)} of {len(header)} columns)"
        else:
            fields = ", ".join(str(k) for k in row) or "none"
            message = f"no text field {name!r} (fields: {fields}); choose one with --text-field"
        return {"type": "missing_text_field", "message": message}
    if not isinstance(row[name], str):
        return {"type": "bad_text_field", "message": f"field {name!r} is not a string (it is {_json_type(row[name])})"}
    return None


def _row_document(
    row: dict, row_id: str, source: dict, options: IngestOptions, *, header: list[str] | None = None
) -> Document:
    """The document of a JSONL object or a CSV row (`header`: the CSV's column names)."""
    raw_id = row.get(options.id_field)
    doc_id = str(raw_id) if raw_id not in (None, "") else row_id
    error = _text_error(row, options, header)
    if error:
        return Document(doc_id, "", source=source, error=error)
    text = row[options.text_field]
    title = row.get(options.title_field)
    found_title, found_date = (None, None) if title else find_header(text)
    doc = Document(
        id=doc_id,
        text=text,
        title=title if isinstance(title, str) and title else found_title,
        published_at=iso_date(row.get(options.date_field)) or found_date,
        source=source,
    )
    return _checked(doc)


def _checked(doc: Document) -> Document:
    doc.error = doc.error or empty_text_error(doc.text)
    return doc


def _error_doc(doc_id: str, path: str | None, fmt: str, kind: str, message: str) -> Document:
    return Document(
        doc_id,
        "",
        source={"path": path, "line": None, "format": fmt, "encoding": None},
        error={"type": kind, "message": message},
    )


# HTML ---------------------------------------------------------------------------------------

_SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "head", "nav", "footer", "form", "iframe"})
_BLOCK_TAGS = frozenset(
    {
        "p",
        "div",
        "br",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "li",
        "ul",
        "ol",
        "tr",
        "table",
        "section",
        "article",
        "header",
        "blockquote",
        "pre",
        "hr",
        "title",
        "time",
        "dd",
        "dt",
    }
)


class _TextExtractor(HTMLParser):
    """Visible text, a paragraph per block; scripts, styles and navigation dropped."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0
        self.title: str | None = None
        self.h1: str | None = None
        self.published: str | None = None
        self._in: str | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and attrs.get("property") in ("article:published_time", "og:published_time"):
            self.published = self.published or attrs.get("content")
        if tag == "time" and attrs.get("datetime"):
            self.published = self.published or attrs["datetime"]
        if tag == "title":
            self._in = "title"
            return
        if tag in _SKIP_TAGS:
            self._skip += 1
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag == "h1":
            self._in = "h1"

    def handle_endtag(self, tag):
        if tag == "title":
            self._in = None
            return
        if tag in _SKIP_TAGS and self._skip:
            self._skip -= 1
        if tag in _BLOCK_TAGS:
            if tag == "h1" and self.h1 is None:
                self.h1 = " ".join("".join(self._current).split()) or None
            self._flush()
            if tag == "h1":
                self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title = " ".join(((self.title or "") + " " + data).split())
        elif not self._skip:
            self._current.append(data)

    def _flush(self):
        block = " ".join("".join(self._current).split())
        if block:
            self.blocks.append(block)
        self._current = []

    def close(self):
        super().close()
        self._flush()


def html_text(markup: str) -> tuple[str, str | None, str | None]:
    """(visible text, title, publication date) of an HTML page."""
    parser = _TextExtractor()
    parser.feed(markup)
    parser.close()
    return "\n\n".join(parser.blocks), parser.h1 or parser.title, iso_date(parser.published)
