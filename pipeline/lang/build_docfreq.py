"""Build `pt/docfreq.tsv.gz`: in how many documents of a background corpus each word and phrase occurs.

A keyphrase is what a text says often and other texts say seldom. The batch's own document
frequencies tell that when a batch is given (`ptpipe run` on files); this table tells it for any
single document, from about 14,700 documents of Portuguese that are not ours:

- `raw-pt/`: every block of every file (speeches of three presidents, Senate CPI notes, the Blog
  do Jamildo's political news, a Wikipedia sample), except the 60 posts of the keyphrase gold sets
  (`corpus/gold/keyphrases_jamildo*.json`), so that the posts we test on do not count themselves;
- `harem/`: the First HAREM documents (train and dev, `total` files);
- `ud-bosque/`: the Bosque documents (`# newdoc`), from their `# text` lines;
- `noticias-ner-tcu/`: its 169 news texts;
- `ulyssesner-br/PL_Corpus_byTypes_conll/`: its 150 bills, one file each.

Left out: corpora with no document boundaries (LeNER-Br; the sentence lists of Paramopama,
WikiANN, UNER-PUD; the UlyssesNER C-corpus of comments), since a sentence is not a document,
and `uner-bosque/` (the same text as `ud-bosque/`). Licences: `pt/DOCFREQ-LICENSE`.

Words and phrases are keyed as `keywords.background_key` keys them: folded, plural endings
stripped, no model needed (so the keys at run time are the same whichever model, or none, parsed
the text). Phrases are 2 or 3 words of a run of words that are not stop words (with `de`, `da`,
`do` inside the run: `transferência de renda` -> `transferencia renda`), the same runs, less the
part-of-speech filter, as the keyword candidates. Words in fewer than MIN_WORD_DF documents and
phrases in fewer than MIN_PHRASE_DF are left out: a key that is not in the table is rare.

Output: a first line `#documents<TAB>N`, then `key<TAB>documents`, sorted by key.

    python -m pipeline.lang.build_docfreq --corpora ../shared/corpora
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import regex

from pipeline.keywords import background_key, background_runs

ROOT = Path(__file__).resolve().parents[2]
OUT = Path(__file__).parent / "pt" / "docfreq.tsv.gz"
GOLD_SETS = (
    ROOT / "corpus" / "gold" / "keyphrases_jamildo.json",
    ROOT / "corpus" / "gold" / "keyphrases_jamildo_dev.json",
)
MIN_WORD_DF = 3
MIN_PHRASE_DF = 4
_TOKEN_LINE = regex.compile(r"^(\S+)\s+\S+$")


def documents(corpora: Path) -> Iterator[tuple[str, str]]:
    """(source, text) for every background document; a source that is absent is skipped."""
    gold = {int(k) for path in GOLD_SETS for k in json.loads(path.read_text(encoding="utf-8")) if not k.startswith("_")}
    for path in sorted((corpora / "raw-pt").glob("*.txt")):
        for n, block in enumerate(path.read_text(encoding="utf-8").split("\n\n"), start=1):
            if path.name == "noticias-blog-jamildo.txt" and n in gold:
                continue
            yield f"raw-pt/{path.name}", block
    seen = set()
    for name in ("FirstHAREM-total-train.json", "FirstHAREM-total-dev.json"):
        path = corpora / "harem" / name
        for record in json.loads(path.read_text(encoding="utf-8")) if path.exists() else []:
            if record["doc_id"] not in seen:
                seen.add(record["doc_id"])
                yield "harem", record["doc_text"]
    for path in sorted((corpora / "ud-bosque").glob("*.conllu")):
        lines: list[str] = []
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# newdoc") and lines:
                yield "ud-bosque", "\n".join(lines)
                lines = []
            elif line.startswith("# text = "):
                lines.append(line[len("# text = ") :])
        if lines:
            yield "ud-bosque", "\n".join(lines)
    for path in sorted((corpora / "noticias-ner-tcu").glob("labeled_4_labels.filtered.jsonl")):
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield "noticias-ner-tcu", json.loads(line)["text"]
    for path in sorted((corpora / "ulyssesner-br" / "PL_Corpus_byTypes_conll").glob("*.conll")):
        tokens = [m.group(1) for m in map(_TOKEN_LINE.match, path.read_text(encoding="utf-8").splitlines()) if m]
        yield "ulyssesner-br", " ".join(tokens)


def count(docs) -> tuple[int, Counter, Counter, Counter]:
    words: Counter = Counter()
    phrases: Counter = Counter()
    sources: Counter = Counter()
    n = 0
    for source, text in docs:
        n += 1
        sources[source] += 1
        doc_words, doc_phrases = set(), set()
        for run in background_runs(text):
            keys = [None if w is None else background_key(w) for w in run]
            content = [i for i, k in enumerate(keys) if k is not None]
            doc_words.update(keys[i] for i in content)
            for a in range(len(content)):
                for b in range(a + 1, min(a + 3, len(content))):
                    doc_phrases.add(" ".join(keys[i] for i in content[a : b + 1]))
        words.update(doc_words)
        phrases.update(doc_phrases)
    return n, words, phrases, sources


def build(
    corpora: Path, out: Path = OUT, *, min_word_df: int = MIN_WORD_DF, min_phrase_df: int = MIN_PHRASE_DF
) -> dict:
    n, words, phrases, sources = count(documents(corpora))
    if not n:
        raise SystemExit(f"no documents under {corpora}: is ../shared/corpora there?")
    kept = {k: v for k, v in words.items() if v >= min_word_df}
    kept.update({k: v for k, v in phrases.items() if v >= min_phrase_df})
    # mtime=0: the same counts give the same bytes, so a rebuild shows no change in git
    with io.TextIOWrapper(gzip.GzipFile(out, "wb", compresslevel=9, mtime=0), encoding="utf-8") as fh:
        fh.write(f"#documents\t{n}\n")
        for key in sorted(kept):
            fh.write(f"{key}\t{kept[key]}\n")
    return {
        "documents": n,
        "by_source": dict(sources),
        "words": sum(1 for k in kept if " " not in k),
        "phrases": sum(1 for k in kept if " " in k),
        "bytes": out.stat().st_size,
    }


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.lang.build_docfreq")
    parser.add_argument("--corpora", type=Path, default=ROOT.parent / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(json.dumps(build(args.corpora, args.out)))


if __name__ == "__main__":
    main()
