"""Build `pt/case.tsv.gz`: how often each word is written with a capital inside a sentence.

A capitalised word that Portuguese writers usually write in lower case (`controle`, `saúde`,
`infraestrutura`) is a heading or a capitalised common noun when the model takes it alone for a
name; one they write with a capital (`Brasil`, `Lula`, `Senado`, `EUA`) is a name, however
frequent. Word frequency alone (wordfreq lowercases everything) cannot tell the two apart.

Counted over every file of `raw-pt/` (7.9M words of Brazilian speeches, Senate notes, political
news and Wikipedia; see its README for sources and licences): per lower-cased word, how often it
is written in lower case and how often capitalised where a capital is not forced, that is not
at the start of a line or after `.`, `!`, `?`, `:`, a quote or a dash, and not after a
capitalised word or a small word that joins names (`Ministério da Saúde` says nothing about
`saúde`). Words seen fewer than MIN_COUNT times are left out.

Output, one line per word: `word<TAB>lower<TAB>capitalised` (counts).

    python -m pipeline.lang.build_case --corpora ../shared/corpora
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter
from pathlib import Path

import regex

OUT = Path(__file__).parent / "pt" / "case.tsv.gz"
MIN_COUNT = 5
_TOKEN = regex.compile(r"\p{L}[\p{L}\p{M}'’-]*|[^\s\p{L}]")
_FORCED_AFTER = frozenset(".!?:\"'«»“”—–-()[]")
_JOINERS = frozenset({"de", "da", "do", "das", "dos", "e", "d'", "del", "la", "von", "van"})


def count(lines) -> tuple[Counter, Counter]:
    lower, capital = Counter(), Counter()
    for line in lines:
        previous = None
        for token in _TOKEN.findall(line):
            if token[0].isalpha():
                key = token.lower()
                if token.islower():
                    lower[key] += 1
                elif (
                    previous is not None
                    and previous not in _FORCED_AFTER
                    and not previous[0].isupper()
                    and previous.lower() not in _JOINERS
                ):
                    capital[key] += 1
            previous = token
    return lower, capital


def build(corpora: Path, out: Path = OUT) -> int:
    def lines():
        for path in sorted((corpora / "raw-pt").glob("*.txt")):
            with path.open(encoding="utf-8") as fh:
                yield from fh

    lower, capital = count(lines())
    words = sorted(w for w in lower.keys() | capital.keys() if lower[w] + capital[w] >= MIN_COUNT)
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        for word in words:
            fh.write(f"{word}\t{lower[word]}\t{capital[word]}\n")
    return len(words)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m pipeline.lang.build_case")
    parser.add_argument("--corpora", type=Path, default=Path(__file__).resolve().parents[3] / "shared" / "corpora")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args()
    print(f"{build(args.corpora, args.out)} words -> {args.out}")


if __name__ == "__main__":
    main()
