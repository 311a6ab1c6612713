"""Soak test (not in CI): a long run over generated documents, 5% of them bad.

    python -m benchmarks.soak                      # 50,000 documents, 2 workers
    python -m benchmarks.soak --documents 5000 --workers 1

It writes the documents into a work folder: most as lines of JSONL files (releases put
together from the sentences of corpus/releases, with dates, amounts and a few typos), and the
bad ones as a mix of broken JSONL lines, lines without text, empty and whitespace-only texts,
texts over `--max-chars`, lone surrogates, English and Spanish texts, and files that are
binary, empty, CP1252, or unreadable. Then it runs `ptpipe run` on the folder in a child
process and samples the memory of the whole process tree every second.

It reports: documents in, records out (they must be equal), errors and warnings by type,
documents/s, and the resident memory of the tree and of its largest process over time, with
the medians of the first and last quarters of the run (a flat run has them close).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RELEASES = ROOT / "corpus" / "releases"
FILES_PER_FOLDER = 2000  # JSONL lines per file
MONTHS = ["janeiro", "fevereiro", "março", "abril", "maio", "junho"]
MONTHS += ["julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]
ENGLISH = "The Ministry of Health announced on Tuesday a new programme to fund hospitals in the state. "
SPANISH = "El Ministerio de Salud anunció el martes un nuevo programa para financiar los hospitales. "


def sentences() -> list[str]:
    found = []
    for path in sorted(RELEASES.glob("*.txt")):
        for paragraph in path.read_text(encoding="utf-8").split("\n\n")[2:]:
            found += [s.strip() + "." for s in paragraph.split(". ") if len(s.split()) >= 6]
    return found


def good_text(rng: random.Random, pool: list[str], n: int) -> str:
    body = " ".join(rng.sample(pool, rng.randint(3, 9)))
    amount = f"R$ {rng.randint(1, 999)},{rng.randint(0, 9)} milhões"
    date = f"{rng.randint(1, 28)} de {rng.choice(MONTHS)} de {rng.randint(2019, 2025)}"
    if rng.random() < 0.3:  # a typo or two, as typed in a hurry
        words = body.split()
        i = rng.randrange(len(words))
        words[i] = words[i][:-2] + words[i][-1] + words[i][-2] if len(words[i]) > 4 else words[i]
        body = " ".join(words)
    return f"Comunicado {n}: {rng.choice(pool)[:60]}\n\n| {date}\n\n{body} O investimento é de {amount}."


# bad JSONL lines: (kind, maker)
BAD_LINES = [
    ("broken_json", lambda rng, n, big: '{"id": "b' + str(n) + '", "text": "sem fim'),
    ("no_text_field", lambda rng, n, big: json.dumps({"id": f"b{n}", "corpo": "texto"})),
    ("empty", lambda rng, n, big: json.dumps({"id": f"b{n}", "text": ""})),
    ("whitespace", lambda rng, n, big: json.dumps({"id": f"b{n}", "text": " \n\t "})),
    ("too_long", lambda rng, n, big: json.dumps({"id": f"b{n}", "text": "A Bahia recebeu verbas. " * big})),
    ("surrogate", lambda rng, n, big: '{"id": "b' + str(n) + '", "text": "Bahia \\ud800 recebeu R$ 5 mil."}'),
    ("english", lambda rng, n, big: json.dumps({"id": f"b{n}", "text": ENGLISH * 3})),
    ("spanish", lambda rng, n, big: json.dumps({"id": f"b{n}", "text": SPANISH * 3})),
]
# bad files: (kind, name, bytes)
BAD_FILES = [
    ("binary", "scan{n}.txt", b"%PDF-1.7\n\x00\x01\x02binary"),
    ("binary", "photo{n}.txt", b"\x89PNG\r\n\x1a\n\x00\x00"),
    ("empty", "empty{n}.txt", b""),
    ("cp1252", "legacy{n}.txt", "Título\n\nA Associação da Bahia recebeu R$ 5 mil em ações.".encode("cp1252")),
]


def generate(folder: Path, documents: int, bad_share: float, max_chars: int, seed: int) -> Counter:
    """Write the documents; returns how many of each kind were written."""
    rng = random.Random(seed)
    pool = sentences()
    kinds: Counter = Counter()
    big = max_chars // 20 + 10  # repeats of a 24-character sentence: over the limit
    lines: list[str] = []
    file_no = 0

    def flush():
        nonlocal lines, file_no
        if lines:
            (folder / f"batch-{file_no:04d}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
            file_no += 1
            lines = []

    for n in range(documents):
        if rng.random() >= bad_share:
            lines.append(json.dumps({"id": f"g{n}", "text": good_text(rng, pool, n)}, ensure_ascii=False))
            kinds["good"] += 1
        elif rng.random() < 0.8:
            kind, make = rng.choice(BAD_LINES)
            lines.append(make(rng, n, big))
            kinds[kind] += 1
        else:
            kind, name, data = rng.choice(BAD_FILES)
            (folder / name.format(n=n)).write_bytes(data)
            kinds[kind] += 1
        if len(lines) >= FILES_PER_FOLDER:
            flush()
    flush()
    return kinds


def tree_rss_mb(pid: int) -> tuple[float, float]:
    """(total, largest) resident MB of `pid` and its descendants, from /proc."""
    sizes = []
    todo = [pid]
    while todo:
        p = todo.pop()
        try:
            with open(f"/proc/{p}/status") as fh:
                rss = next(int(line.split()[1]) for line in fh if line.startswith("VmRSS:"))
            sizes.append(rss / 1024)
            for task in os.listdir(f"/proc/{p}/task"):
                with open(f"/proc/{p}/task/{task}/children") as fh:
                    todo += [int(c) for c in fh.read().split()]
        except (OSError, StopIteration, ValueError):
            continue
    return (sum(sizes), max(sizes)) if sizes else (0.0, 0.0)


def run(folder: Path, out: Path, workers: int, max_chars: int) -> tuple[list[tuple[float, float, float]], float, str]:
    cmd = [sys.executable, "-m", "pipeline", "run", str(folder), "-o", str(out), "--workers", str(workers)]
    cmd += ["--max-chars", str(max_chars), "--no-progress"]
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.PIPE, text=True)
    samples = []
    while proc.poll() is None:
        total, largest = tree_rss_mb(proc.pid)
        samples.append((time.perf_counter() - started, total, largest))
        time.sleep(1.0)
    err = proc.stderr.read()
    if proc.returncode != 0:
        raise SystemExit(f"ptpipe failed ({proc.returncode}): {err}")
    return samples, time.perf_counter() - started, err.strip()


def main(argv=None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--documents", type=int, default=50_000)
    parser.add_argument("--bad", type=float, default=0.05, help="share of bad documents (default 0.05)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--max-chars", type=int, default=20_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", help="folder to keep the inputs and output in (default: a temporary one)")
    args = parser.parse_args(argv)

    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ptpipe-soak-"))
    folder, out = work / "in", work / "out.jsonl"
    folder.mkdir(parents=True, exist_ok=True)
    kinds = generate(folder, args.documents, args.bad, args.max_chars, args.seed)
    os.mkfifo(folder / "pipe.txt")  # one more bad input: a named pipe, which must not hang the run
    kinds["fifo"] += 1
    documents = sum(kinds.values())
    print(f"generated {documents:,} documents in {work}: {dict(kinds)}", flush=True)

    samples, seconds, summary = run(folder, out, args.workers, args.max_chars)
    errors, warnings, ids = Counter(), Counter(), 0
    with open(out, encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            ids += 1
            errors[(rec["error"] or {}).get("type", "none")] += 1
            for w in rec.get("warnings") or []:
                warnings[w["type"]] += 1

    quarter = max(len(samples) // 4, 1)
    first = [s for s in samples[:quarter]]
    last = [s for s in samples[-quarter:]]
    print(f"ptpipe said: {summary}")
    print(f"documents in: {documents:,}  records out: {ids:,}  {'OK' if ids == documents else 'MISMATCH'}")
    print(f"errors by type: {dict(errors.most_common())}")
    print(f"warnings by type: {dict(warnings.most_common())}")
    print(f"time: {seconds:.0f} s, {documents / seconds:.0f} documents/s, {args.workers} workers")
    print("memory (MB): elapsed s, process tree, largest process")
    step = max(len(samples) // 12, 1)
    for t, total, largest in samples[::step]:
        print(f"  {t:6.0f}  {total:7.0f}  {largest:7.0f}")
    print(
        f"median tree RSS first quarter {statistics.median(s[1] for s in first):.0f} MB, "
        f"last quarter {statistics.median(s[1] for s in last):.0f} MB; largest process peak "
        f"{max(s[2] for s in samples):.0f} MB"
    )
    if ids != documents:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
