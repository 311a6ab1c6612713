"""Batch runs: workers, order, Parquet parts, resume after SIGKILL, dead workers, Dask."""

import csv
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from pipeline import batch, cli, emit, record
from pipeline.record import Document


def _docs(n: int, prefix: str = "d") -> list[Document]:
    return [
        Document(
            id=f"{prefix}{i}",
            text=f"A Prefeitura investiu R$ {i},50 mil na Bahia em {i % 28 + 1} de março de 2024.",
            source={"path": None, "line": None, "format": "text"},
        )
        for i in range(n)
    ]


def _without_timing(rec: dict) -> dict:
    rec = dict(rec)
    rec["stats"] = {k: v for k, v in rec["stats"].items() if k != "seconds"}
    return rec


CONFIG = batch.RunConfig(model="blank", batch_size=4)


def test_workers_give_the_same_records_in_order():
    docs = _docs(30)
    one = [_without_timing(r) for r in batch.run(docs, CONFIG, workers=1)]
    two = [_without_timing(r) for r in batch.run(docs, CONFIG, workers=2)]
    assert one == two
    assert [r["id"] for r in two] == [d.id for d in docs]


def test_unordered_loses_nothing():
    docs = _docs(30)
    ids = [r["id"] for r in batch.run(docs, CONFIG, workers=2, ordered=False)]
    assert sorted(ids) == sorted(d.id for d in docs)


_REAL_WORK = batch._work


def _dies_on_boom(docs):
    """A worker task that kills its process on the document `boom`, as the OOM killer would."""
    if any(d.id == "boom" for d in docs):
        os._exit(1)
    return _REAL_WORK(docs)


def test_a_dead_worker_costs_only_its_batch(monkeypatch):
    monkeypatch.setattr(batch, "_work", _dies_on_boom)
    docs = _docs(12)
    docs[5] = Document(id="boom", text="texto", source={"path": None, "line": None, "format": "text"})
    records = list(batch.run(docs, CONFIG, workers=2))
    assert [r["id"] for r in records] == [d.id for d in docs]  # every document, in order
    died = {r["id"] for r in records if r["error"] and r["error"]["type"] == "worker_died"}
    assert "boom" in died and len(died) <= 2 * CONFIG.batch_size  # its batch (and one beside it at most)
    for r in records:
        record.validate(r)


def test_parquet_parts_round_trip(tmp_path):
    docs = _docs(10)
    out = tmp_path / "out.parquet"
    with emit.PartWriter(str(out), fmt="parquet", part_size=4) as writer:
        for r in batch.run(docs, CONFIG, workers=1):
            writer.write(r)
    assert sorted(p.name for p in out.iterdir()) == ["part-00000.parquet", "part-00001.parquet", "part-00002.parquet"]
    back = list(emit.read_records(str(out)))
    assert [r["id"] for r in back] == [d.id for d in docs]
    for r in back:
        record.validate(r)
    assert back[0]["entities"][0]["attributes"]["value"] == 0.5 * 1000 or back[0]["entities"]


@pytest.mark.parametrize("fmt", ["jsonl", "parquet"])
def test_resume_after_sigkill(tmp_path, fmt):
    """Killed with SIGKILL mid-run and run again with --resume: one valid record per document."""
    n = 400
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps({"id": d.id, "text": d.text}) + "\n" for d in _docs(n)), encoding="utf-8")
    out = tmp_path / ("out.jsonl" if fmt == "jsonl" else "out.parquet")
    cmd = [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(out), "--model", "blank", "-q"]
    cmd += ["--workers", "1", "--batch-size", "8", "--format", fmt, "--part-size", "50"]
    kill_at = random.randint(1, 300)  # records written before the kill: a different point each run
    proc = subprocess.Popen(cmd)
    deadline = time.time() + 60
    while time.time() < deadline and proc.poll() is None:
        if _written(out) >= kill_at:
            break
        time.sleep(0.05)
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert _written(out) < n, f"the run ended before it could be killed (at {kill_at} records)"
    subprocess.run([*cmd, "--resume"], check=True, timeout=120)
    records = list(emit.read_records(str(out)))
    assert sorted(r["id"] for r in records) == sorted(f"d{i}" for i in range(n)), f"killed at {kill_at} records"
    for r in records:
        record.validate(r)


def _written(out) -> int:
    if not out.exists():
        return 0
    if out.is_dir():
        return 50 * len(list(out.glob("part-*.parquet")))
    return out.read_bytes().count(b"\n")


def test_dask_local_cluster(tmp_path):
    pytest.importorskip("dask.distributed")
    docs = _docs(20)
    records = list(batch.run_dask(docs, CONFIG, workers=2))
    assert [r["id"] for r in records] == [d.id for d in docs]
    assert [_without_timing(r) for r in records] == [_without_timing(r) for r in batch.run(docs, CONFIG)]


# Issue 19: documents with line separators in their text, end to end through the CLI
ODD_TEXTS = [
    "A Prefeitura de Salvador anunciou obras na orla.",
    "Um texto com \ud800 sozinho, no Pará.",  # a lone surrogate: only JSON can carry it (escaped)
    "Nota à imprensa\u2028A Prefeitura da Bahia investiu R$ 5 mil.",
    "Parágrafo um.\u2029Parágrafo dois, em Minas Gerais.",
    "Linha\x85seguinte\x0bvertical\x0cpágina\x1cgrupo\x1dregisto\x1eunidade\rretorno\r\nfim.",
    "",  # an empty text: an error record, still one record
    "O Pará recebeu R$ 10 mil.",
]


def _odd_inputs(folder) -> tuple[list[str], list[str]]:
    """A JSONL and a CSV file of ODD_TEXTS, as ordinary writers write them; (paths, ids in order)."""
    jsonl, table = folder / "in.jsonl", folder / "in.csv"
    with jsonl.open("w", encoding="utf-8", newline="") as fh:
        for i, text in enumerate(ODD_TEXTS):
            fh.write(json.dumps({"id": f"j{i}", "text": text}, ensure_ascii="\ud800" in text) + "\n")
    csv_texts = [t for t in ODD_TEXTS if "\ud800" not in t]  # UTF-8 cannot encode a lone surrogate
    with table.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([("id", "text"), *((f"c{i}", text) for i, text in enumerate(csv_texts))])
    ids = [f"j{i}" for i in range(len(ODD_TEXTS))] + [f"c{i}" for i in range(len(csv_texts))]
    return [str(jsonl), str(table)], ids


def test_line_separators_end_to_end_with_workers_and_resume(tmp_path, capsys):
    inputs, ids = _odd_inputs(tmp_path)
    out = tmp_path / "out.jsonl"
    argv = ["run", *inputs, "-o", str(out), "--model", "blank", "--workers", "2", "--batch-size", "2"]
    assert cli.main(argv) == 0
    records = list(emit.read_jsonl(str(out)))
    assert [r["id"] for r in records] == ids
    assert f"{len(ids)} documents, {len(ids)} records, 2 errors" in capsys.readouterr().err  # the two empty texts
    assert [r["text"] for r in records[: len(ODD_TEXTS)]] == [t.replace("\ud800", "\ufffd") for t in ODD_TEXTS]
    for r in records:
        record.validate(r)
    # as if killed after 3 records (one of them the surrogate's, which the record holds as U+FFFD), the 4th
    # cut mid-line: --resume does the rest, each document once
    lines = out.read_text(encoding="utf-8").split("\n")
    out.write_text("\n".join(lines[:3]) + "\n" + lines[3][:40], encoding="utf-8")
    assert cli.main([*argv, "--resume"]) == 0
    assert [r["id"] for r in emit.read_jsonl(str(out))] == ids
    assert f"{len(ids)} documents, {len(ids) - 3} records (3 already done)" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("lengths", "size", "max_chars", "expected"),
    [
        ([10] * 5, 2, 1000, [2, 2, 1]),  # by count
        ([400, 400, 400, 400], 32, 1000, [2, 2]),  # by characters
        ([5000, 10, 10], 32, 1000, [1, 2]),  # a long document is a batch of its own
        ([10, 5000, 10], 32, 1000, [1, 1, 1]),
        ([], 4, 1000, []),
    ],
)
def test_batches_are_bounded_by_documents_and_characters(lengths, size, max_chars, expected):
    docs = [Document(id=str(i), text="x" * n) for i, n in enumerate(lengths)]
    batches = list(batch._batches(docs, size, max_chars))
    assert [len(b) for b in batches] == expected
    assert [d.id for b in batches for d in b] == [d.id for d in docs]  # nothing lost, order kept
