import csv
import html
import io
import json
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

from pipeline import ingest
from pipeline.ingest import IngestOptions, decode, find_header

HEADERS = [
    # (text, title, published_at)
    (
        "AMAMS PROMOVEU RODA\n\n| 06 de Julho de 2021 - 13:21\n\nA Associação…",
        "AMAMS PROMOVEU RODA",
        "2021-07-06T13:21:00",
    ),
    ("Título\n\nPublicado em 15/03/2024 às 10h30\n\nCorpo.", "Título", "2024-03-15T10:30:00"),
    ("Título\n\nPublicado em 15/03/2024 10:30\n\nCorpo.", "Título", "2024-03-15T10:30:00"),
    ("Título\n\n15/03/2024 - 10:30\n\nCorpo.", "Título", "2024-03-15T10:30:00"),
    ("Título\n\nLisboa, 12 de março de 2023\n\nCorpo.", "Título", "2023-03-12"),
    (
        "Título sem data\n\nO corpo fala de 6 de julho, sem ano, numa frase longa que não é linha de data.",
        "Título sem data",
        None,
    ),
]


@pytest.mark.parametrize(("text", "title", "published"), HEADERS)
def test_header(text, title, published):
    assert find_header(text) == (title, published)


def test_markdown_title():
    assert find_header("# Conselho aprova plano\n\nPublicado em 03/10/2024 às 15h00\n", markdown=True) == (
        "Conselho aprova plano",
        "2024-10-03T15:00:00",
    )


ENCODINGS = [
    ("Associação".encode(), "Associação", "utf-8"),
    (b"\xef\xbb\xbf" + "Associação".encode(), "Associação", "utf-8-sig"),
    ("Associação".encode("utf-16"), "Associação", "utf-16"),
    ("Associação — “ok”".encode("cp1252"), "Associação — “ok”", "cp1252"),
    ("Associação".encode("latin-1"), "Associação", "cp1252"),
]


@pytest.mark.parametrize(("data", "text", "encoding"), ENCODINGS)
def test_decode(data, text, encoding):
    assert decode(data) == (text, encoding)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n....", b"PK\x03\x04zip", b"abc\x00def"])
def test_binary_is_refused(data):
    with pytest.raises(ingest.InputError) as info:
        decode(data)
    assert info.value.kind == "binary_input"


def _docs(tmp_path, name, content: bytes | str, **options):
    path = tmp_path / name
    path.write_bytes(content.encode() if isinstance(content, str) else content)
    return list(ingest.read([str(path)], IngestOptions(**options)))


def test_txt_file(tmp_path):
    [doc] = _docs(tmp_path, "a.txt", "Título\n\n| 06 de Julho de 2021 - 13:21\n\nTexto.")
    assert doc.text.endswith("Texto.")
    assert (doc.title, doc.published_at, doc.error) == ("Título", "2021-07-06T13:21:00", None)
    assert doc.source["format"] == "txt"


def test_html_file_drops_scripts_and_styles(tmp_path):
    page = (
        "<html><head><title>T</title><style>p{color:red}</style><script>alert('x')</script></head>"
        "<body><h1>Prefeitura  anuncia obras</h1><time datetime='2024-05-20T09:00'>20/05</time>"
        "<p>A <b>Prefeitura</b> de Cuiabá\n   anunciou.</p><script>track()</script></body></html>"
    )
    [doc] = _docs(tmp_path, "a.html", page)
    assert doc.title == "Prefeitura anuncia obras"
    assert doc.published_at == "2024-05-20T09:00:00"
    assert "A Prefeitura de Cuiabá anunciou." in doc.text
    assert "alert" not in doc.text and "track" not in doc.text and "color" not in doc.text


def test_jsonl_with_a_broken_line(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "Um texto.", "published_at": "2024-03-15"}),
        "{not json",
        json.dumps({"id": "c", "body": "sem campo text"}),
        "",
        json.dumps({"text": "Sem id."}),
    ]
    docs = _docs(tmp_path, "in.jsonl", "\n".join(lines))
    assert [d.id for d in docs] == ["a", f"{tmp_path}/in.jsonl:2", "c", f"{tmp_path}/in.jsonl:5"]
    assert docs[0].published_at == "2024-03-15" and docs[0].error is None
    assert docs[1].error["type"] == "bad_json"
    assert docs[2].error["type"] == "missing_text_field"
    assert [d.source["line"] for d in docs] == [1, 2, 3, 5]


def test_jsonl_text_field_option(tmp_path):
    [doc] = _docs(tmp_path, "in.jsonl", json.dumps({"body": "Olá."}), text_field="body")
    assert doc.text == "Olá." and doc.error is None


def test_csv_rows_quoted_newlines_and_missing_column(tmp_path):
    [a, b] = _docs(tmp_path, "in.csv", 'id,text,title\n1,"Linha um\nlinha dois",T1\n2,Outro texto,\n')
    assert a.text == "Linha um\nlinha dois" and a.title == "T1" and a.id == "1"
    assert b.text == "Outro texto"
    rows = _docs(tmp_path, "bad.csv", "id,body\n1,abc\n2,def\n")
    assert [r.error["type"] for r in rows] == ["missing_text_field", "missing_text_field"]
    [empty] = _docs(tmp_path, "empty.csv", "id,text\n")
    assert empty.error["type"] == "empty_document"


@pytest.mark.parametrize(
    ("content", "kind"),
    [(b"", "empty_document"), (b"  \n\t\n", "empty_document"), (b"%PDF-1.4 binary", "binary_input")],
)
def test_bad_files_become_error_documents(tmp_path, content, kind):
    [doc] = _docs(tmp_path, "bad.txt", content)
    assert doc.error["type"] == kind


def test_latin1_file_is_decoded_and_flagged(tmp_path):
    [doc] = _docs(tmp_path, "l1.txt", "Título\n\nAssociação dos Municípios".encode("latin-1"))
    assert "Associação" in doc.text
    assert doc.source["encoding"] == "cp1252"


def test_folder_is_walked_recursively_and_sorted(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b.txt", "a.md", "sub/c.html", "skip.pdf", ".hidden/d.txt", "sub/.e.txt"]:
        (tmp_path / name).write_text("<p>texto</p>" if name.endswith("html") else "texto")
    ids = [d.id for d in ingest.read([str(tmp_path)])]
    assert ids == [str(tmp_path / n) for n in ["a.md", "b.txt", "sub/c.html"]]


def test_unreadable_path_becomes_error_document(tmp_path):
    [doc] = list(ingest.read([str(tmp_path / "missing.txt")]))
    assert doc.error["type"] == "unreadable_input"


def test_stdin(monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO("Título\n\nTexto do stdin.".encode())))
    [doc] = list(ingest.read(["-"]))
    assert (doc.id, doc.title, doc.source["path"]) == ("stdin", "Título", None)


# Issue 19: record boundaries, line numbers, what an error says ---------------------------------

# Every character str.splitlines breaks at, besides \n: none of them may end a JSON Lines record.
SPLITLINES_BREAKS = ["\r", "\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x85", "\u2028", "\u2029"]


@pytest.mark.parametrize("char", SPLITLINES_BREAKS)
@pytest.mark.parametrize("raw", [False, True], ids=["as json.dumps writes it", "raw in the string"])
def test_jsonl_record_ends_at_newline_only(tmp_path, char, raw):
    text = f"Linha um{char}linha dois"
    line = json.dumps({"id": "a", "text": text}, ensure_ascii=False)
    if raw:  # json.dumps escapes C0 controls; a hand-rolled writer may not
        line = line.replace(json.dumps(char)[1:-1], char)
    [doc] = _docs(tmp_path, "in.jsonl", line + "\n")
    assert (doc.id, doc.text, doc.error, doc.source["line"]) == ("a", text, None, 1)


def test_jsonl_issue_19_reproduction(tmp_path):
    """One release with a line separator (U+2028) in its text is one document, not two broken ones."""
    [doc] = _docs(tmp_path, "in.jsonl", json.dumps({"id": "r1", "text": "Nota\u2028A Prefeitura"}, ensure_ascii=False))
    assert (doc.id, doc.text, doc.error) == ("r1", "Nota\u2028A Prefeitura", None)


def test_jsonl_line_numbers_are_physical_lines(tmp_path):
    lines = [
        json.dumps({"id": "a", "text": "um\u2028dois\u2029três\x85quatro"}, ensure_ascii=False),
        "",
        "{quebrado\u2028",
        json.dumps({"text": "sem id"}),
    ]
    docs = _docs(tmp_path, "in.jsonl", "\r\n".join(lines) + "\r\n")
    assert [d.source["line"] for d in docs] == [1, 3, 4]
    assert docs[1].error["message"].startswith("line 3:") and docs[2].id == f"{tmp_path}/in.jsonl:4"
    assert docs[0].text == "um\u2028dois\u2029três\x85quatro"  # the \r of \r\n is not part of the record


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (42, "field 'text' is not a string (it is a number)"),
        (4.2, "field 'text' is not a string (it is a number)"),
        (None, "field 'text' is not a string (it is null)"),
        (True, "field 'text' is not a string (it is a boolean)"),
        (["a", "b"], "field 'text' is not a string (it is an array)"),
        ({"pt": "a"}, "field 'text' is not a string (it is an object)"),
    ],
)
def test_jsonl_text_that_is_not_a_string(tmp_path, value, message):
    [doc] = _docs(tmp_path, "in.jsonl", json.dumps({"id": "a", "text": value}))
    assert doc.error == {"type": "bad_text_field", "message": message}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ('{"id": "a", "body": "x"}', "no text field 'text' (fields: id, body); choose one with --text-field"),
        ("[1, 2]", "line 1: not an object (it is an array)"),
        ('"texto"', "line 1: not an object (it is a string)"),
    ],
)
def test_jsonl_errors_say_what_is_wrong(tmp_path, content, message):
    [doc] = _docs(tmp_path, "in.jsonl", content)
    assert doc.error["message"] == message


def test_csv_line_is_where_the_record_starts(tmp_path):
    content = 'id,text\r\n,"um\r\ndois\nt""rês, quatro"\r\n\r\n,cinco\u2028seis\x0bsete\r\n3,"oito\rnove"\r\n'
    docs = _docs(tmp_path, "in.csv", content)
    path = tmp_path / "in.csv"
    assert [(d.id, d.source["line"]) for d in docs] == [(f"{path}:2", 2), (f"{path}:6", 6), ("3", 7)]
    assert [d.text for d in docs] == ['um\r\ndois\nt"rês, quatro', "cinco\u2028seis\x0bsete", "oito\rnove"]


def test_csv_short_row_says_the_row_is_short(tmp_path):
    [doc] = _docs(tmp_path, "in.csv", "id,title,text\n1,Título\n")
    assert doc.error == {"type": "missing_text_field", "message": "the row ends before column 'text' (2 of 3 columns)"}


READ_AS = [
    # (JSONL bytes, encoding in the source)
    ('{"text": "Associação"}\n'.encode(), "utf-8"),
    (b"\xef\xbb\xbf" + '{"text": "Associação"}\n'.encode(), "utf-8-sig"),
    ('{"text": "Associação"}\n'.encode("utf-16"), "utf-16"),
    ('{"text": "Associação"}\n'.encode("cp1252"), "cp1252"),
    ('{"text": "Associação"}\n{"text": "Associação"}\n'.encode() + '{"text": "ação"}'.encode("cp1252"), "utf-8+cp1252"),
]


@pytest.mark.parametrize(("data", "encoding"), READ_AS)
def test_jsonl_encodings_streamed_or_not(tmp_path, data, encoding):
    docs = _docs(tmp_path, "in.jsonl", data)
    assert {d.source["encoding"] for d in docs} == {encoding}
    assert [d.text for d in docs][:1] == ["Associação"] and all(d.error is None for d in docs)


def test_utf8_jsonl_is_read_as_a_stream(tmp_path, monkeypatch):
    def whole_file(self):
        raise AssertionError(f"{self} read whole")

    monkeypatch.setattr(ingest.Path, "read_bytes", whole_file)
    path = tmp_path / "in.jsonl"
    path.write_text("".join(json.dumps({"id": str(i), "text": "ação"}) + "\n" for i in range(3)), encoding="utf-8")
    docs = ingest.read_file(str(path))
    assert next(docs).id == "0"  # the first document comes before the file is read to its end
    assert [d.id for d in docs] == ["1", "2"]


# Property: every reader gives one document per document written, in order, text unchanged ------

_SPECIALS = [*SPLITLINES_BREAKS, "\n", "\r\n", "\x00", "\x01", "\x07", "\x1b", "\x7f", "\t", "\ufeff", "\u200b"]
_SPECIALS += ["\u202e", "\ufffe", "\U0001f389", " ", "\u00a0", '"', ",", ";", "<", "&amp;", "\\", "{}", "'"]
_PIECES = st.one_of(st.sampled_from(_SPECIALS), st.text(max_size=12), st.just("A Prefeitura da Bahia anunciou "))
_LONG_LINES = st.builds(lambda piece: (piece * 100_000)[:100_000], st.sampled_from(["Bahia ", "x", "\u2028", "\x00"]))
TEXTS = st.one_of(st.just(""), st.lists(_PIECES, max_size=12).map("".join), _LONG_LINES)
# Lone surrogates, which json.dumps escapes as \ud800 and json.loads gives back. Never a high one before a
# low one: JSON reads the escapes of such a pair as the one character they encode.
_SURROGATES = st.sampled_from(["\ud800 ", "\udbff.", "\udc00", "\udfff"])
TEXTS_WITH_SURROGATES = st.one_of(TEXTS, st.lists(st.one_of(_PIECES, _SURROGATES), max_size=12).map("".join))


def _write_files(folder: Path, texts: list[str], ext: str, encoding: str) -> list[str]:
    names = []
    for i, text in enumerate(texts):
        body = f"<html><body><p>{html.escape(text)}</p></body></html>" if ext == ".html" else text
        (folder / f"doc-{i:03d}{ext}").write_text(body, encoding=encoding, newline="")
        names.append(str(folder / f"doc-{i:03d}{ext}"))
    return names


def _write_jsonl(path: Path, texts: list[str], encoding: str, ascii: bool) -> None:
    lines = (json.dumps({"id": f"doc-{i}", "text": text}, ensure_ascii=ascii) + "\n" for i, text in enumerate(texts))
    path.write_text("".join(lines), encoding=encoding, newline="")


def _write_csv(path: Path, texts: list[str], encoding: str) -> None:
    with path.open("w", encoding=encoding, newline="") as fh:  # newline="": csv.writer's own \r\n
        writer = csv.writer(fh)
        writer.writerow(["id", "title", "text"])
        writer.writerows([f"doc-{i}", f"Nota à imprensa n.º {i} da Prefeitura", text] for i, text in enumerate(texts))


def _expected(doc_id: str, text: str, data: bytes | None = None, *, html_page: bool = False) -> tuple:
    """(id, text, error type) the reader must give for one document, `data`: the file it had to itself."""
    try:
        decode(data or b"")
    except ingest.InputError:
        return (doc_id, "", "binary_input")  # a file that is mostly NULs is refused before it is read
    text = " ".join(text.split()) if html_page else text  # a page's text is its visible text
    return (doc_id, text, None if text.strip() else "empty_document")


READER_FORMATS = ["txt", "md", "html", "jsonl", "jsonl-ascii", "csv"]


@pytest.mark.parametrize("fmt", READER_FORMATS)
@settings(max_examples=50)
@given(data=st.data(), bom=st.booleans())
def test_readers_keep_every_document_whole_and_in_order(fmt, data, bom):
    texts = data.draw(st.lists(TEXTS_WITH_SURROGATES if fmt == "jsonl-ascii" else TEXTS, min_size=1, max_size=6))
    encoding = "utf-8-sig" if bom else "utf-8"
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if fmt.startswith("jsonl"):
            path = folder / "in.jsonl"
            _write_jsonl(path, texts, encoding, ascii=fmt == "jsonl-ascii")
            expected = [_expected(f"doc-{i}", text) for i, text in enumerate(texts)]
        elif fmt == "csv":
            path = folder / "in.csv"
            _write_csv(path, texts, encoding)
            expected = [_expected(f"doc-{i}", text) for i, text in enumerate(texts)]
            if _expected(str(path), "", path.read_bytes())[2] == "binary_input":
                expected = [_expected(str(path), "", path.read_bytes())]
        else:
            if not bom:  # U+FEFF first in a file is a byte order mark, not text, unless a BOM comes before it
                assume(not any(text.startswith("\ufeff") for text in texts))
            names = _write_files(folder, texts, f".{fmt}", encoding)
            path = folder
            expected = [
                _expected(name, text, Path(name).read_bytes(), html_page=fmt == "html")
                for name, text in zip(names, texts, strict=True)
            ]
        docs = list(ingest.read([str(path)]))
    assert [(d.id, d.text, (d.error or {}).get("type")) for d in docs] == expected
