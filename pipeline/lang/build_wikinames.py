"""Build `pt/wikinames.tsv.gz`: how Wikipedia's links type each name (WikiANN pt).

WikiANN (Pan et al. 2017; Rahimi et al. 2019 balanced split, in `../shared/corpora/wikiann-pt`)
tags the anchors of Portuguese Wikipedia links PER, ORG or LOC from the type of the article they
link to. Counted over its 40,000 fragments, a name's labels say what it usually is: `Quebec`
LOC, `Real Madrid` ORG, `Napoleão Bonaparte` PER. The labels are silver (typed automatically), so the table keeps
the counts and the name layer (`components/names.py`) decides how sure a name must be.

Not run at install or at run time: the table is committed. Text: Wikipedia's (CC BY-SA 3.0).

    python -m pipeline.lang.build_wikinames --corpora ../shared/corpora
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

PT = Path(__file__).parent / "pt"
LABELS = ("PER", "ORG", "LOC")
# A name must be this long and hold a letter; `''` and `–` fragments are not names.
MIN_CHARS = 2
# Names linked once are left out: one link is too noisy to use (`Hillary Clinton` is one ORG link;
# on UNER Bosque dev, trusting single links lowered F; see `lang/pt/names.py`).
MIN_LINKS = 2
# Joined without a space before these tokens, as Portuguese text writes them.
_NO_SPACE_BEFORE = frozenset({",", ".", ")", "'s"})
HEADER = "# name\tPER\tORG\tLOC (links typed in WikiANN pt; text CC BY-SA 3.0, Wikipedia)\n"


def mentions(path: Path) -> Iterator[tuple[str, str]]:
    """(name, label) for every mention of a WikiANN file (`pt:TOKEN<TAB>B-LOC`, IOB2)."""
    words: list[str] = []
    label = ""
    for line in [*path.read_text(encoding="utf-8").splitlines(), ""]:
        token, _, tag = line.partition("\t")
        token = token[3:] if token.startswith("pt:") else token
        if words and not tag.startswith("I-"):
            yield _join(words), label
            words = []
        if tag.startswith("B-"):
            words, label = [token], tag[2:]
        elif tag.startswith("I-") and words:
            words.append(token)


def _join(words: list[str]) -> str:
    out = words[0]
    for word in words[1:]:
        out += word if word in _NO_SPACE_BEFORE or out.endswith("(") else " " + word
    return out


def count(corpora: Path) -> dict[str, Counter]:
    counts: dict[str, Counter] = defaultdict(Counter)
    for split in ("train", "dev", "test"):
        for name, label in mentions(corpora / "wikiann-pt" / split):
            if len(name) >= MIN_CHARS and any(c.isalpha() for c in name) and label in LABELS:
                counts[name][label] += 1
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=Path("../shared/corpora"))
    args = parser.parse_args(argv)
    counts = count(args.corpora)
    kept = sorted(name for name, c in counts.items() if sum(c.values()) >= MIN_LINKS)
    rows = [name + "\t" + "\t".join(str(counts[name][label]) for label in LABELS) + "\n" for name in kept]
    # mtime=0: the same corpora give the same bytes
    with gzip.GzipFile(PT / "wikinames.tsv.gz", "wb", compresslevel=9, mtime=0) as fh:
        fh.write(HEADER.encode("utf-8") + "".join(rows).encode("utf-8"))
    mentions_read = sum(sum(c.values()) for c in counts.values())
    print(f"{len(kept)} names linked at least {MIN_LINKS} times, of {len(counts)} in {mentions_read} mentions")


if __name__ == "__main__":
    main()
