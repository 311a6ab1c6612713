"""Whole-pipeline speed and memory with 1 and N workers against the bare spaCy model, and start-up.

Two sets of documents, side by side (issue 21):
- `releases`: the corpus releases, cycled to `--docs` documents (ids made unique);
- `news`: a news-like sample from `../shared/corpora/raw-pt/` (not in the repository; the set is
  skipped when it is absent): every n-th post of `noticias-blog-jamildo.txt` (a block is a post,
  its first line the headline) and, evenly spaced, speeches of 10,000-50,000 characters from the
  Planalto files, about 5,000 characters a document on average;
or your own with `--texts FILE` (JSONL with a `text` field, or a text file of blocks separated by
blank lines).

Each run is a fresh process (`--child`) that loads the pipeline, then times `batch.run` over the
documents (the bare model: `nlp.pipe` of the model alone, Docs dropped as they come). Words are
whitespace words of the original texts. While it runs, the peak RSS (VmHWM) and the largest PSS
(sampled from /proc every 0.2 s) of the process and of each worker it forks are recorded.
Start-up: from exec to the record written, `python -m pipeline run` of a one-line text. Stage
times: one more 1-worker run with each stage timed (the model's components one by one).
`--long-doc`: the peak of a 1-worker run of one 50,000-character speech. Figures are medians of
`--repeats` runs.

    python -m benchmarks.parallel [--sets releases,news] [--texts FILE] [--workers 2] [--repeats 3]
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RAW_PT = ROOT.parent / "shared" / "corpora" / "raw-pt"
NEWS = "noticias-blog-jamildo.txt"
SPEECHES = ("planalto-dilma.txt", "planalto-temer.txt", "planalto-bolsonaro.txt")
STARTUP_TEXT = "A superientende da AMAMS recebeu R$ 1,5 milhão da Bahia."


# --- the sets -----------------------------------------------------------------------------------


def releases(n: int) -> list[dict]:
    from pipeline import ingest

    base = [d for d in ingest.read([str(ROOT / "corpus" / "releases")]) if d.error is None]
    return [{"id": f"{base[i % len(base)].id}#{i}", "text": base[i % len(base)].text} for i in range(n)]


def _blocks(path: Path) -> list[str]:
    return [b for b in path.read_text(encoding="utf-8").split("\n\n") if b.strip()]


def news_like(posts: int = 160, speeches: int = 40) -> list[dict]:
    """`posts` blog posts and `speeches` long speeches from raw-pt, evenly spaced; [] without raw-pt."""
    if not (RAW_PT / NEWS).exists():
        return []
    blog = _blocks(RAW_PT / NEWS)
    picked = blog[:: max(1, len(blog) // posts)][:posts]
    long = [b for name in SPEECHES if (RAW_PT / name).exists() for b in _blocks(RAW_PT / name)]
    long = [b for b in long if 10_000 <= len(b) <= 50_000]
    picked += long[:: max(1, len(long) // speeches)][:speeches]
    return [{"id": f"news-{i}", "text": text} for i, text in enumerate(picked)]


def long_document(chars: int = 50_000) -> str | None:
    """The longest Planalto speech cut at the last paragraph end before `chars` characters."""
    if not all((RAW_PT / name).exists() for name in SPEECHES):
        return None
    longest = max((b for name in SPEECHES for b in _blocks(RAW_PT / name)), key=len)
    if len(longest) <= chars:
        return longest
    return longest[: longest.rfind("\n", 0, chars)]


def read_texts(path: str) -> list[dict]:
    """Documents from a JSONL file (`text` field) or a text file of blank-line-separated blocks."""
    text = Path(path).read_text(encoding="utf-8")
    if path.endswith(".jsonl"):
        rows = [json.loads(line) for line in text.splitlines() if line.strip()]
        return [{"id": str(r.get("id", i)), "text": r["text"]} for i, r in enumerate(rows) if r.get("text")]
    return [{"id": f"block-{i}", "text": b} for i, b in enumerate(text.split("\n\n")) if b.strip()]


# --- one measured run, in its own process --------------------------------------------------------


def child(path: str, mode: str, workers: int) -> dict:
    """Runs in a fresh process: load, then time one run over the documents in `path` (JSONL)."""
    import spacy

    from pipeline import annotate, batch, spelling
    from pipeline.keywords import DocumentFrequency
    from pipeline.record import Document

    rows = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines()]
    docs = [Document(id=r["id"], text=r["text"], source={"path": None, "line": None, "format": "jsonl"}) for r in rows]
    model = annotate.default_model()
    if mode == "bare":
        nlp = spacy.load(model)
        started = time.perf_counter()
        for _ in nlp.pipe((d.text for d in docs), batch_size=16):
            pass
        return {"seconds": time.perf_counter() - started}
    config = batch.RunConfig(model=model, document_frequency=DocumentFrequency.of(d.text for d in docs))
    list(batch.run(docs[:2], config, workers=1))  # all loaded before the clock starts: the runs time the work
    spelling.hunspell_accepts()  # loaded on the first word to change, which the first two may not have
    if mode == "stages":
        return {"stages": _stage_seconds(docs, config)}
    started = time.perf_counter()
    count = sum(1 for _ in batch.run(docs, config, workers=workers))
    assert count == len(docs)
    return {"seconds": time.perf_counter() - started}


def _stage_seconds(docs, config) -> dict[str, float]:
    """Seconds per stage of a 1-worker run: normalise, each model component, the record's parts."""
    from pipeline import batch, extract, facts, keywords, language, normalise, runner, themes

    spent: dict[str, float] = defaultdict(float)

    def timed(name, fn):
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                spent[name] += time.perf_counter() - started

        return wrapper

    def parsed(nlp, texts: list[str]) -> list:
        started = time.perf_counter()
        docs = [nlp.make_doc(text) for text in texts]
        spent["tokenizer"] += time.perf_counter() - started
        for name, proc in nlp.pipeline:
            started = time.perf_counter()
            docs = list(proc.pipe(docs)) if hasattr(proc, "pipe") else [proc(doc) for doc in docs]
            spent[name] += time.perf_counter() - started
        return docs

    def annotated(nlp, texts):  # runner.annotated's groups and chunks, each component timed
        from spacy.tokens import Doc

        group: list[str] = []
        for text in texts:
            if len(text) > runner.CHUNK_CHARS or sum(map(len, group)) + len(text) > runner.PIPE_CHARS:
                yield from parsed(nlp, group)
                group = []
            if len(text) > runner.CHUNK_CHARS:
                pieces = [parsed(nlp, [piece])[0] for piece in runner.chunks(text, runner.CHUNK_CHARS)]
                yield Doc.from_docs(pieces, ensure_whitespace=False)
            else:
                group.append(text)
        yield from parsed(nlp, group)

    normalise.normalise = timed("normalise (incl. spelling)", normalise.normalise)
    extract.entities = timed("extract entities", extract.entities)
    facts.facts = timed("facts", facts.facts)
    keywords.keywords = timed("keywords", keywords.keywords)
    themes.themes = timed("themes", themes.themes)
    language.detect = timed("language", language.detect)
    runner.annotated = annotated
    started = time.perf_counter()
    for _ in batch.run(docs, config, workers=1):
        pass
    spent["total"] = time.perf_counter() - started
    return dict(spent)


# --- memory of a process tree ------------------------------------------------------------------


def _status_kb(pid: int, key: str) -> int:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith(key + ":"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _pss_kb(pid: int) -> int:
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def _children(pid: int) -> list[int]:
    try:
        return [int(p) for p in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


class TreeMemory(threading.Thread):
    """Samples a process and its children: peak RSS (VmHWM, exact) and largest PSS (sampled)."""

    def __init__(self, pid: int, every: float = 0.2):
        super().__init__(daemon=True)
        self.pid, self.every = pid, every
        self.rss: dict[int, int] = {}
        self.pss: dict[int, int] = {}
        self.done = threading.Event()

    def run(self) -> None:
        while not self.done.is_set():
            for pid in [self.pid, *_children(self.pid)]:
                hwm = _status_kb(pid, "VmHWM")
                if hwm:
                    self.rss[pid] = max(self.rss.get(pid, 0), hwm)
                    self.pss[pid] = max(self.pss.get(pid, 0), _pss_kb(pid))
            self.done.wait(self.every)

    def summary(self) -> dict:
        mb = 1024
        workers = [p for p in self.rss if p != self.pid]
        return {
            "parent_rss": self.rss.get(self.pid, 0) / mb,
            "parent_pss": self.pss.get(self.pid, 0) / mb,
            "worker_rss": [self.rss[p] / mb for p in workers],
            "worker_pss": [self.pss[p] / mb for p in workers],
        }


def measured(path: Path, mode: str, workers: int = 1) -> dict:
    cmd = [sys.executable, "-m", "benchmarks.parallel", "--child", str(path), mode, str(workers)]
    proc = subprocess.Popen(cmd, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    memory = TreeMemory(proc.pid)
    memory.start()
    out, _ = proc.communicate()
    memory.done.set()
    memory.join()
    if proc.returncode:
        raise RuntimeError(f"{' '.join(cmd)} failed")
    return {**json.loads(out.strip().splitlines()[-1]), **memory.summary()}


def startup(text: str = STARTUP_TEXT, workers: int | None = None) -> dict:
    """A fresh `python -m pipeline run` of one short text: seconds to the record, and its peak."""
    with tempfile.TemporaryDirectory() as tmp:
        src = Path(tmp) / "a.txt"
        src.write_text(text, encoding="utf-8")
        cmd = [sys.executable, "-m", "pipeline", "run", str(src), "-o", str(Path(tmp) / "o.jsonl"), "-q"]
        cmd += ["--workers", str(workers)] if workers else []
        started = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT)
        memory = TreeMemory(proc.pid, every=0.05)
        memory.start()
        proc.wait()
        seconds = time.perf_counter() - started
        memory.done.set()
        memory.join()
        return {"seconds": seconds, **memory.summary()}


# --- the report -----------------------------------------------------------------------------------


def measure_set(name: str, docs: list[dict], workers: int, repeats: int, stages: bool) -> list[str]:
    words = sum(len(d["text"].split()) for d in docs)
    chars = [len(d["text"]) for d in docs]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "docs.jsonl"
        path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
        kinds = {"bare model": ("bare", 1), "pipeline, 1 worker": ("run", 1)}
        kinds[f"pipeline, {workers} workers"] = ("run", workers)
        runs: dict[str, list[dict]] = {k: [] for k in kinds}
        for _ in range(repeats):  # interleaved, so that a busy spell hurts every kind alike
            for kind, (mode, n) in kinds.items():
                runs[kind].append(measured(path, mode, n))
        stage = measured(path, "stages")["stages"] if stages else {}
    lines = [
        f"### {name}: {len(docs)} documents, {words:,} words, {statistics.mean(chars):,.0f} characters on average "
        f"(largest {max(chars):,}); median of {repeats} runs",
        "",
        "| run | seconds | documents/s | words/s | x bare | peak RSS MB (parent; workers) | peak PSS MB "
        "(parent; workers) |",
        "|---|---|---|---|---|---|---|",
    ]
    med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items()}
    for kind, results in runs.items():
        seconds = med[kind]

        def mb(key: str, results=results) -> str:
            return f"{statistics.median(r[key] for r in results):.0f}"

        def each(key: str, results=results) -> str:
            per = [sorted(r[key], reverse=True) for r in results if r[key]]
            return ", ".join(f"{statistics.median(v):.0f}" for v in zip(*per, strict=False)) if per else "-"

        lines.append(
            f"| {kind} | {seconds:.1f} | {len(docs) / seconds:,.1f} | {words / seconds:,.0f} | "
            f"{med['bare model'] / seconds:.2f} | {mb('parent_rss')}; {each('worker_rss')} | "
            f"{mb('parent_pss')}; {each('worker_pss')} |"
        )
    one, many = med["pipeline, 1 worker"], med[f"pipeline, {workers} workers"]
    lines += ["", f"{workers} workers / 1 worker: {one / many:.2f}x", ""]
    if stage:
        total = stage.pop("total")
        lines += ["Seconds per stage (one 1-worker run, components timed one by one):", ""]
        lines += ["| stage | seconds | share |", "|---|---|---|"]
        for key, seconds in sorted(stage.items(), key=lambda kv: -kv[1]):
            lines.append(f"| {key} | {seconds:.1f} | {seconds / total:.0%} |")
        lines += [f"| whole run | {total:.1f} | 100% |", ""]
    return lines


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sets", default="releases,news", help="releases, news, or both (default)")
    parser.add_argument("--texts", help="your own documents instead: JSONL (text field) or blocks of text")
    parser.add_argument("--docs", type=int, default=400, help="releases: documents, cycled (default 400)")
    parser.add_argument("--posts", type=int, default=160, help="news: blog posts (default 160)")
    parser.add_argument("--speeches", type=int, default=40, help="news: speeches of 10-50k characters (default 40)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--no-stages", action="store_true", help="skip the run with stage times")
    parser.add_argument("--long-doc", action="store_true", help="also the peak of one 50,000-character document")
    parser.add_argument("--child", nargs=3, metavar=("PATH", "MODE", "WORKERS"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.child:
        path, mode, workers = args.child
        print(json.dumps(child(path, mode, int(workers))))
        return 0

    from pipeline import annotate

    model = annotate.default_model()
    sets: dict[str, list[dict]] = {}
    if args.texts:
        sets[Path(args.texts).name] = read_texts(args.texts)
    else:
        names = [s.strip() for s in args.sets.split(",") if s.strip()]
        if "releases" in names:
            sets["releases"] = releases(args.docs)
        if "news" in names:
            sets["news-like (raw-pt)"] = news_like(args.posts, args.speeches)
            if not sets["news-like (raw-pt)"]:
                print(f"skipped the news-like set: no {RAW_PT / NEWS}", file=sys.stderr)
                del sets["news-like (raw-pt)"]
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} cores, {platform.python_implementation()} "
        f"{platform.python_version()}; model {Path(model).name}; {time.strftime('%Y-%m-%d %H:%M %Z')}; "
        f"load average {' '.join(f'{x:.1f}' for x in os.getloadavg())}"
    )
    print()
    for name, docs in sets.items():
        print("\n".join(measure_set(name, docs, args.workers, args.repeats, not args.no_stages)), flush=True)
    starts = [startup() for _ in range(args.repeats)]
    each = ", ".join(f"{s['seconds']:.2f}" for s in starts)
    print(
        "start-up to the first record (a fresh `python -m pipeline run` of one line, default options): "
        f"median {statistics.median(s['seconds'] for s in starts):.2f} s "
        f"({each}); peak RSS {starts[0]['parent_rss']:.0f} MB"
    )
    if args.long_doc and (text := long_document()):
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "long.jsonl"
            path.write_text(json.dumps({"id": "long", "text": text}, ensure_ascii=False) + "\n", encoding="utf-8")
            one = measured(path, "run", 1)
        print(f"one document of {len(text):,} characters, 1 worker: peak RSS {one['parent_rss']:.0f} MB")
    print(f"load average at the end: {' '.join(f'{x:.1f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
