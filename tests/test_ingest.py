import io
import json
import sys

import pytest

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
