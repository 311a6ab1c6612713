"""Batch runs: workers, order, Parquet parts, resume after SIGKILL, dead workers, Dask."""

import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from pipeline import batch, emit, record
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
