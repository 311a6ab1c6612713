"""The CLI in-process: records out = documents in, exit codes, validation."""

import json
import subprocess
import sys

import pytest

from pipeline import cli, emit
from tests.conftest import ROOT, SEED, check_record


def _run(argv, capsys):
    code = cli.main(argv)
    return code, capsys.readouterr()


def test_run_folder_with_bad_inputs(tmp_path, capsys):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    (inputs / "latin1.txt").write_bytes("Título\n\nA Associação da Bahia.".encode("latin-1"))
    (inputs / "no_text.csv").write_text("id,body\n1,abc\n2,def\n", encoding="utf-8")
    (inputs / "rows.jsonl").write_text('{"id": "j1", "text": "O Pará."}\n{broken\n', encoding="utf-8")
    out = tmp_path / "out" / "records.jsonl"
    code, captured = _run(["run", str(inputs), "-o", str(out), "--model", "blank"], capsys)
    assert code == 0
    records = [check_record(r) for r in emit.read_jsonl(str(out))]
    # 1 seed + 1 empty + 1 binary + 1 latin-1 + 2 CSV rows + 2 JSONL lines
    assert len(records) == 8
    errors = {r["id"].rsplit("/", 1)[-1]: r["error"]["type"] for r in records if r["error"]}
    assert errors == {
        "binary.txt": "binary_input",
        "empty.txt": "empty_document",
        "1": "missing_text_field",
        "2": "missing_text_field",
        "rows.jsonl:2": "bad_json",
    }
    latin = next(r for r in records if r["id"].endswith("latin1.txt"))
    assert latin["source"]["encoding"] == "cp1252" and "Associação" in latin["text"]
    assert "8 documents, 8 records, 5 errors" in captured.err


def test_stdout_and_quiet(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Recursos de R$ 10,50 para a Bahia.", encoding="utf-8")
    code, captured = _run(["run", str(src), "--model", "blank", "-q"], capsys)
    assert code == 0 and captured.err == ""
    [rec] = [json.loads(line) for line in captured.out.splitlines()]
    assert check_record(rec)["entities"][0]["attributes"]["value"] == 10.5


def test_normalise_steps_option(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("A superientende da Confederaççao  falou.", encoding="utf-8")
    code, captured = _run(["run", str(src), "--model", "blank", "-q"], capsys)
    [rec] = [json.loads(line) for line in captured.out.splitlines()]
    assert rec["normalized_text"] == "A superintendente da Confederação falou."
    code, captured = _run(["run", str(src), "--model", "blank", "-q", "--normalise", "whitespace"], capsys)
    [rec] = [json.loads(line) for line in captured.out.splitlines()]
    assert rec["normalized_text"] == "A superientende da Confederaççao falou."
    assert {c["kind"] for c in rec["corrections"]} == {"whitespace"}
    code, captured = _run(["run", str(src), "--model", "blank", "--normalise", "spelling,magic"], capsys)
    assert code == 2 and "unknown normalisation step 'magic'" in captured.err


def test_vocabulary_option(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("A rede suaswbe.", encoding="utf-8")
    vocab = tmp_path / "v.txt"
    vocab.write_text("SUASWeb\n", encoding="utf-8")
    code, captured = _run(["run", str(src), "--model", "blank", "-q", "--vocabulary", str(vocab)], capsys)
    [rec] = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 0 and rec["normalized_text"] == "A rede SUASWeb."
    code, captured = _run(["run", str(src), "--model", "blank", "--vocabulary", str(tmp_path / "none")], capsys)
    assert code == 2 and "cannot read vocabulary" in captured.err


def test_themes_option(tmp_path, capsys):
    src = tmp_path / "a.txt"
    src.write_text("Os olivais e os lagares de azeite de Moura.", encoding="utf-8")
    taxonomy = tmp_path / "t.tsv"
    taxonomy.write_text("azeite\tAzeite\tazeite; olival*\n", encoding="utf-8")
    code, captured = _run(["run", str(src), "--model", "blank", "-q", "--themes", str(taxonomy)], capsys)
    [rec] = [json.loads(line) for line in captured.out.splitlines()]
    assert code == 0 and rec["themes"] == [{"label": "azeite", "score": rec["themes"][0]["score"]}]
    assert rec["themes"][0]["score"] > 0.5
    taxonomy.write_text("broken line\n", encoding="utf-8")
    code, captured = _run(["run", str(src), "--model", "blank", "--themes", str(taxonomy)], capsys)
    assert code == 2 and "expected theme<TAB>label<TAB>terms" in captured.err


def test_on_error_fail_stops_with_status_1(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    code, captured = _run(
        ["run", str(tmp_path), "-o", str(tmp_path / "o.jsonl"), "--model", "blank", "--on-error", "fail"], capsys
    )
    assert code == 1 and "no text" in captured.err


def test_unknown_model_is_a_usage_error(tmp_path, capsys):
    code, captured = _run(["run", str(SEED), "-o", str(tmp_path / "o.jsonl"), "--model", "/no/such/model"], capsys)
    assert code == 2 and "cannot load spaCy model" in captured.err


def test_unwritable_output_is_an_error(tmp_path, capsys):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    code, captured = _run(["run", str(SEED), "-o", str(blocker / "o.jsonl"), "--model", "blank"], capsys)
    assert code == 2 and "cannot write" in captured.err


def test_validate_command(tmp_path, capsys):
    out = tmp_path / "o.jsonl"
    assert _run(["run", str(SEED), "-o", str(out), "--model", "blank", "-q"], capsys)[0] == 0
    assert _run(["validate", str(out)], capsys)[0] == 0
    rec = json.loads(out.read_text(encoding="utf-8"))
    rec["entities"][0]["mentions"][0]["start"] += 1
    bad = tmp_path / "bad.jsonl"
    bad.write_text(json.dumps(rec, ensure_ascii=False) + "\n", encoding="utf-8")
    code, captured = _run(["validate", str(bad)], capsys)
    assert code == 1 and "does not match the text" in captured.err


@pytest.mark.parametrize("command", ["run", "validate"])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        cli.main([command, "--help"])
    assert info.value.code == 0
    assert len(capsys.readouterr().out) > 100


def test_python_dash_m_and_stdin():
    proc = subprocess.run(
        [sys.executable, "-m", "pipeline", "run", "-", "--model", "blank", "-q"],
        input="Título\n\n| 06 de Julho de 2021 - 13:21\n\nA AMAMS e a Bahia.".encode(),
        capture_output=True,
        cwd=ROOT,
        timeout=120,
        check=True,
    )
    [rec] = [json.loads(line) for line in proc.stdout.decode().splitlines()]
    assert check_record(rec)["published_at"] == "2021-07-06T13:21:00"
    assert rec["id"] == "stdin"
