"""Build `pt/accents.tsv.gz`, the model that restores lost accents that leave a real word.

Not run at install or at run time: the built table is committed (weights only, no text) so
that the pipeline needs none of the corpora. Rebuild with `make accents`
(`python -m pipeline.lang.build_accents`), which reads `../shared/corpora`:

- UD Portuguese-Bosque, train split only (dev chooses the threshold, test is the benchmark);
  CC BY-SA 4.0.
- Paramopama (WikiNER-derived; CC BY), First HAREM train (Linguateca, free for research),
  LeNER-Br train (MIT).
- raw-pt: Presidency and Senate transcripts, a political news blog, Wikipedia articles (see
  its README for each source's terms).

Our own `corpus/releases` is left out: it holds the very typos the benchmark counts.

Every word of those texts whose folded form (lower case, no diacritics) has several spellings
in the lexicon is a training example: the input is the folded word in its folded context, the
label the spelling the text has. Capitalised words count only at the start of a sentence
(elsewhere they are names; the name rules in spelling.py handle `Para`/`Pará`).

The model (see `pipeline/accents.py`) is a conditional logistic regression over the spellings
of each form, fitted by full-batch Adam with an L2 penalty on all examples together (numpy),
at most `CAP` examples per form drawn at random (class proportions kept). Weights under
`PRUNE` are dropped; the rest are written with two decimals.

A spelling is a class if it occurs at least `MIN_SPELLING` times and `MIN_SHARE` of its form's
occurrences, and is not a spelling that the 1990 agreement (in force in Brazil since 2009)
dropped in favour of the form itself (`idéia`, `vôo`, `pára`, `freqüente`: see
`spelling.PRE_REFORM`): `ideia` is no lost accent. A form stays only if the model singles out
its accented spellings on held-out examples (`KEEP_POSTERIOR`).

Output lines: `F<TAB>form<TAB>spellings<TAB>kinds<TAB>counts`,
`W<TAB>form<TAB>feature<TAB>weights` (of each spelling but the first, minus the first's: only
differences matter), `S<TAB>feature|kind<TAB>weight`. Licence of the result: CC BY-SA 4.0 (Bosque's, the strictest
of the sources), like the model in models/.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from array import array
from collections import Counter, defaultdict
from collections.abc import Iterator
from pathlib import Path

from .. import accents
from ..spelling import PRE_REFORM, RESTORE_CONFIDENCE, Lexicon, default_lexicon
from ..textutil import BASE_LETTER
from ..training.nersets import read_io_sentences

ROOT = Path(__file__).resolve().parents[2]
CORPORA = ROOT.parent / "shared" / "corpora"
CAP = 80_000  # examples per form at most
MIN_SPELLING = 20  # occurrences for a spelling to be a class ...
MIN_SHARE = 0.001  # ... and its share of the form's
MAX_CLASSES = 4
MIN_FEATURE = 2  # occurrences of a (form, feature) pair to get weights
MIN_SHARED = 5
L2 = 2.0
STEPS = 300
PRUNE = 0.05
KEEP_POSTERIOR = RESTORE_CONFIDENCE  # a form is kept if held-out examples reach this (see `build`)


def texts(corpora: Path = CORPORA) -> Iterator[str]:
    """Lines of correctly accented running text, train splits only."""
    with (corpora / "ud-bosque" / "pt_bosque-ud-train.conllu").open(encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("# text = "):
                yield line[9:].strip()
    yield from _token_lines(corpora / "wikiner-pt" / "corpus_Paramopama.filtered.txt")
    yield from _token_lines(corpora / "lener-br" / "train.conll")
    for doc in json.loads((corpora / "harem" / "FirstHAREM-total-train.json").read_text(encoding="utf-8")):
        yield from doc["doc_text"].split("\n")
    for path in sorted((corpora / "raw-pt").glob("*.txt")):
        if path.name == "README.txt":
            continue
        with path.open(encoding="utf-8") as fh:
            for line in fh:
                yield line.rstrip("\n")


def _token_lines(path: Path) -> Iterator[str]:
    """Sentences of a token-per-line file, the tokens joined by spaces."""
    return (" ".join(token for token, _ in sentence) for sentence in read_io_sentences(path))


def ambiguous_forms(lexicon: Lexicon) -> set[str]:
    """Folded forms that an accent can turn into another lexicon word (or, for one or two letters,
    into a word at all: `ja` -> `já`; longer non-words are the spelling step's)."""
    accented: set[str] = set()
    for word in lexicon.zipf:
        folded = word.translate(BASE_LETTER)
        if folded != word and word.isalpha() and word.islower():
            accented.add(folded)
    return {f for f in accented if f in lexicon.zipf or len(f) <= 2}


def examples(
    lines: Iterator[str], forms: set[str], verbs: frozenset[str]
) -> Iterator[tuple[str, str, list[str], list[bool], int, bool]]:
    """(form, spelling, keys, verb flags, position, capitalised) for each word of an ambiguous form."""
    for line in lines:
        tokens = accents.TOKEN.findall(line)
        k = flags = None
        for i, token in enumerate(tokens):
            if not token[0].isalpha():
                continue
            low = token.lower()
            form = low.translate(BASE_LETTER)
            if form not in forms:
                continue
            if k is None:
                k = accents.keys(tokens)
                flags = accents.verb_flags(tokens, verbs)
            if token != low and ((len(token) > 1 and token.isupper()) or not _starts_sentence(k, i)):
                continue
            yield form, low, k, flags, i, token != low


def _starts_sentence(k: list[str], i: int) -> bool:
    return (k[i - 1] if i > 0 else "<s>") in accents.SENTENCE_START


def build(out: Path, corpora: Path = CORPORA, seed: int = 7) -> dict:
    import numpy as np

    started = time.perf_counter()
    lexicon = default_lexicon()
    forms = ambiguous_forms(lexicon)
    counts: dict[str, Counter] = defaultdict(Counter)
    for form, low, *_ in examples(texts(corpora), forms, lexicon.verbs):
        counts[form][low] += 1
    classes: dict[str, tuple[str, ...]] = {}
    for form, spelled in counts.items():
        total = sum(spelled.values())
        kept = [
            s
            for s, n in spelled.most_common()
            if n >= MIN_SPELLING
            and n >= MIN_SHARE * total
            and s in lexicon.zipf
            and s != form
            and not (form in lexicon.zipf and PRE_REFORM.search(s))
        ]
        kept = kept[: MAX_CLASSES - 1]
        if form in lexicon.zipf:
            if kept:
                classes[form] = (form, *kept)
        elif kept:
            classes[form] = tuple(kept)
    print(f"{len(classes)} forms; counting took {time.perf_counter() - started:.0f} s", file=sys.stderr)

    # examples: a random share of each form's occurrences, at most CAP
    rng = random.Random(seed)
    keep = {f: min(1.0, CAP / sum(counts[f].values())) for f in classes}
    rows: list[tuple[str, int, list[str], list[str]]] = []
    for form, low, k, flags, i, capital in examples(texts(corpora), set(classes), lexicon.verbs):
        if low not in classes[form] or rng.random() >= keep[form]:
            continue
        own, shared = accents.features(k, flags, i, capital)
        rows.append((form, classes[form].index(low), own, shared))
    print(f"{len(rows)} examples; {time.perf_counter() - started:.0f} s", file=sys.stderr)

    kinds = {f: tuple(accents.kind(s, f, s in lexicon.verbs) for s in spellings) for f, spellings in classes.items()}
    form_count: Counter = Counter()
    shared_count: Counter = Counter()
    for form, _, feats, shared in rows:
        form_count.update((form, f) for f in feats)
        shared_count.update(shared)
    index: dict[tuple[str, str], int] = {}
    size = 0
    for (form, feature), n in form_count.items():
        if n >= MIN_FEATURE or feature == "b":
            index[form, feature] = size
            size += len(classes[form])
    shared_index: dict[str, int] = {}
    all_kinds = sorted({k for ks in kinds.values() for k in ks})
    for feature, n in shared_count.items():
        if n >= MIN_SHARED:
            for spelling_kind in all_kinds:
                shared_index[feature + "|" + spelling_kind] = size
                size += 1

    # candidate rows: example e, spelling j -> row e * MAX_CLASSES + j; ids of its features
    ids = array("i")
    owner = array("i")
    mask = np.zeros(len(rows) * MAX_CLASSES, dtype=bool)
    gold = np.zeros(len(rows) * MAX_CLASSES)
    for e, (form, y, feats, shared) in enumerate(rows):
        base = [index[form, f] for f in feats if (form, f) in index]
        for j, spelling_kind in enumerate(kinds[form]):
            row = e * MAX_CLASSES + j
            mask[row] = True
            found = [b + j for b in base]
            found += [shared_index[s + "|" + spelling_kind] for s in shared if s + "|" + spelling_kind in shared_index]
            ids.extend(found)
            owner.extend([row] * len(found))
        gold[e * MAX_CLASSES + y] = 1.0
    ids_np = np.frombuffer(ids, dtype=np.int32)
    owner_np = np.frombuffer(owner, dtype=np.int32)
    n_rows = len(rows) * MAX_CLASSES
    print(f"{size} weights, {len(ids_np)} feature hits; {time.perf_counter() - started:.0f} s", file=sys.stderr)

    # held-out tenth for the log loss (reported, not used to fit)
    held = np.array([rng.random() < 0.1 for _ in rows])
    held_rows = np.repeat(held, MAX_CLASSES)
    train_hits = ~held_rows[owner_np]
    w = np.zeros(size)
    m = np.zeros(size)
    v = np.zeros(size)
    lr, b1, b2 = 0.1, 0.9, 0.999

    def probs(w):
        scores = np.bincount(owner_np, weights=w[ids_np], minlength=n_rows)
        scores = np.where(mask, scores, -np.inf).reshape(-1, MAX_CLASSES)
        scores -= scores.max(axis=1, keepdims=True)
        p = np.exp(scores)
        return (p / p.sum(axis=1, keepdims=True)).reshape(-1)

    for step in range(1, STEPS + 1):
        p = probs(w)
        delta = np.where(held_rows, 0.0, p - gold)
        grad = np.bincount(ids_np[train_hits], weights=delta[owner_np[train_hits]], minlength=size) + L2 * w
        m = b1 * m + (1 - b1) * grad
        v = b2 * v + (1 - b2) * grad * grad
        w -= lr * (m / (1 - b1**step)) / (np.sqrt(v / (1 - b2**step)) + 1e-8)
        if step % 50 == 0 or step == STEPS:
            p = probs(w)
            right = p[gold == 1]
            loss_train = -np.log(np.maximum(right[~held], 1e-12)).mean()
            loss_held = -np.log(np.maximum(right[held], 1e-12)).mean()
            print(f"step {step}: log loss train {loss_train:.4f}, held-out {loss_held:.4f}", file=sys.stderr)
    p = probs(w).reshape(-1, MAX_CLASSES)
    gold_class = gold.reshape(-1, MAX_CLASSES).argmax(axis=1)
    accuracy = float((p.argmax(axis=1) == gold_class)[held].mean())

    # A form stays only if, on the held-out tenth, some accented example gets a posterior (with
    # the default one-in-ten chance of a lost accent) of at least KEEP_POSTERIOR, the threshold of
    # a change: a form whose accented spellings the context never singles out costs time at run
    # time and changes nothing.
    rate = accents.STRIP_A / (accents.STRIP_A + accents.STRIP_B)
    reached: dict[str, float] = defaultdict(float)
    for e, (form, y, _, _) in enumerate(rows):
        if held[e] and classes[form][y] != form:
            _, post = accents.posterior(form, classes[form], p[e, : len(classes[form])], rate)
            reached[form] = max(reached[form], post)
    dropped = sorted(f for f in classes if f in classes[f] and reached[f] < KEEP_POSTERIOR)
    for form in dropped:
        del classes[form]

    lines = [
        "# accents model (pipeline/lang/build_accents.py); CC BY-SA 4.0; "
        f"{len(classes)} forms, {len(rows)} examples, held-out accuracy {accuracy:.4f}",
        "# F form spellings kinds counts; W form feature weights (of each spelling but the first, minus the "
        "first's); S feature|kind weight",
    ]
    for form in sorted(classes):
        spelled = " ".join(str(counts[form][c]) for c in classes[form])
        lines.append(f"F\t{form}\t{' '.join(classes[form])}\t{' '.join(kinds[form])}\t{spelled}")
    written = 0
    for (form, feature), start in sorted(index.items()):
        if form not in classes or len(classes[form]) < 2 or "\t" in feature or "\n" in feature:
            continue  # one spelling (`ja` -> `já`): nothing to weigh
        values = w[start : start + len(classes[form])]
        values = values[1:] - values[0]  # only differences matter to a softmax
        if feature != "b" and np.abs(values).max() < PRUNE:
            continue
        lines.append(f"W\t{form}\t{feature}\t{' '.join(f'{x:.2f}' for x in values)}")
        written += 1
    for feature, at in sorted(shared_index.items()):
        if abs(w[at]) >= PRUNE and "\t" not in feature:
            lines.append(f"S\t{feature}\t{w[at]:.2f}")
            written += 1
    with gzip.open(out, "wt", encoding="utf-8", compresslevel=9) as fh:
        fh.write("\n".join(lines) + "\n")
    return {
        "forms": len(classes),
        "forms_dropped": len(dropped),
        "examples": len(rows),
        "weights_written": written,
        "held_out_accuracy": round(accuracy, 4),
        "bytes": out.stat().st_size,
        "seconds": round(time.perf_counter() - started),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpora", type=Path, default=CORPORA)
    parser.add_argument("--out", type=Path, default=accents.MODEL_PATH)
    args = parser.parse_args(argv)
    if not args.corpora.is_dir():
        print(f"build_accents: {args.corpora} not found", file=sys.stderr)
        return 2
    print(json.dumps(build(args.out, args.corpora), indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
