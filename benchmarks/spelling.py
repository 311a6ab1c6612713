"""Spelling correction on UD Bosque with injected typos: precision, recall, false changes, speed.

The clean sentences of a Bosque split (test by default; tune on `--split dev`) get typos a
hurried typist makes, at `--rate` per token, with a fixed seed:

    accent dropped or wrong, cedilla lost or doubled, a doubled letter, a missing letter,
    an extra letter (a neighbouring key hit as well), two adjacent letters swapped, a
    keyboard-neighbour substitution; one word in five gets two of them (`Confederaççao`).

Only lower-case words of at least 4 letters get typos (capitalised words are names to the
corrector by design, see pipeline/spelling.py), and a typo that makes another lexicon word
(`esta` -> `está`) is not injected: without a language model it cannot be detected, and the
number skipped is reported.

- precision: corrections that restore the original word / all corrections on the noisy text;
- recall: typos restored / typos injected;
- false changes per 1,000 tokens of the untouched text (a clean run);
- both also raw, that is with the fixes of Bosque's own misspellings (SOURCE_TYPOS, checked
  by hand) counted against the corrector;
- on our own releases, precision and recall against corpus/gold/spelling.tsv (their
  misspellings, listed by hand by reading, before any run of the corrector on them);
- the real-word track (issue 17): the same clean sentences with the accents stripped from 1
  word in 10 (`--real-word-rate`) of those whose stripped form is another lexicon word
  (`está` -> `esta`, `é` -> `e`, `país` -> `pais`), lower-case words of any length, except the
  spellings the 1990 agreement dropped (`idéia`: `ideia` is right today); precision
  of the restorations, recall, false changes on the clean text, and the 20 most frequent word
  pairs (see `real_word_score`); `--thresholds` lists them at each confidence threshold (run
  it on dev to choose `RESTORE_CONFIDENCE` in pipeline/spelling.py);
- tokens/s of the spelling step alone and of the whole normalise stage, on the clean text
  (median of `--runs`, each with empty memos), and the lexicon's memory (tracemalloc) and load time.

    python -m benchmarks.spelling [--split test] [--rate 0.1] [--seed 13] [--runs 3] [--show 20]
    python -m benchmarks.spelling --split dev --thresholds   # choose RESTORE_CONFIDENCE
    python -m benchmarks.spelling --fit    # refit the confidence model on the train split

`--fit` collects every suggestion the speller would make on injected and clean train
sentences, labels it right (restores the original word) or wrong, fits a logistic regression
on its features and prints the weights for `CONFIDENCE_WEIGHTS` in pipeline/spelling.py; the
threshold `MIN_CONFIDENCE` is then chosen on dev and the figures reported on test.
"""

from __future__ import annotations

import argparse
import json
import platform
import random
import statistics
import sys
import time
import tracemalloc
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import regex

from pipeline import accents, ingest
from pipeline.normalise import normalise
from pipeline.spelling import NEIGHBOURS, PRE_REFORM, Lexicon, Speller, edit_cost, hunspell_accepts
from pipeline.textutil import BASE_LETTER

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
CORPUS_GOLD = ROOT / "corpus" / "gold" / "spelling.tsv"
BOSQUE = CORPORA / "ud-bosque"

ACCENTS = {"a": "áàâã", "e": "éê", "i": "í", "o": "óôõ", "u": "ú"}
TWO_TYPOS = 0.2  # share of misspelt words with a second typo, with --hard
UNACCENT = {acc: base for base, accs in ACCENTS.items() for acc in accs}


def sentences(split: str) -> list[str]:
    path = BOSQUE / f"pt_bosque-ud-{split}.conllu"
    with path.open(encoding="utf-8") as fh:
        return [line[len("# text = ") :].strip() for line in fh if line.startswith("# text = ")]


# --- typo makers: each returns the misspelt word or None when it does not apply ------------


def accent_dropped(w: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(w) if ch in UNACCENT]
    if not spots:
        return None
    i = rng.choice(spots)
    return w[:i] + UNACCENT[w[i]] + w[i + 1 :]


def accent_wrong(w: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(w) if _wrong_accents(ch)]
    if not spots:
        return None
    i = rng.choice(spots)
    other = rng.choice(_wrong_accents(w[i]))
    return w[:i] + other + w[i + 1 :]


def _wrong_accents(ch: str) -> list[str]:
    """Other accents on the same vowel, except the PT-PT/PT-BR pairs (ó/ô, é/ê): both are right."""
    if ch not in UNACCENT:
        return []
    return [a for a in ACCENTS[UNACCENT[ch]] if a != ch and {a, ch} not in ({"ó", "ô"}, {"é", "ê"})]


def cedilla(w: str, rng: random.Random) -> str | None:
    if "ç" not in w:
        return None
    return w.replace("ç", rng.choice(["c", "çç"]), 1)


def doubled(w: str, rng: random.Random) -> str | None:
    i = rng.randrange(len(w))
    return w[: i + 1] + w[i] + w[i + 1 :]


def missing(w: str, rng: random.Random) -> str | None:
    i = rng.randrange(len(w))
    return w[:i] + w[i + 1 :]


def extra(w: str, rng: random.Random) -> str | None:
    """A key next to a letter of the word hit as well (before or after it)."""
    i = rng.randrange(len(w))
    near = sorted(NEIGHBOURS.get(w[i], ()))
    if not near:
        return None
    at = i + rng.randint(0, 1)
    return w[:at] + rng.choice(near) + w[at:]


def swapped(w: str, rng: random.Random) -> str | None:
    i = rng.randrange(len(w) - 1)
    if w[i] == w[i + 1]:
        return None
    return w[:i] + w[i + 1] + w[i] + w[i + 2 :]


def neighbour(w: str, rng: random.Random) -> str | None:
    spots = [i for i, ch in enumerate(w) if ch in NEIGHBOURS]
    if not spots:
        return None
    i = rng.choice(spots)
    return w[:i] + rng.choice(sorted(NEIGHBOURS[w[i]])) + w[i + 1 :]


# The typos the issue lists; `--hard` adds an extra letter and words with two typos.
TYPOS = {
    "accent_dropped": accent_dropped,
    "accent_wrong": accent_wrong,
    "cedilla": cedilla,
    "doubled": doubled,
    "missing": missing,
    "swapped": swapped,
    "neighbour": neighbour,
}


@dataclass
class Injected:
    text: str
    typos: dict[int, tuple[int, str, str]] = field(default_factory=dict)  # start -> (end, original, kind)


def inject(
    sentence: str, rng: random.Random, rate: float, lexicon: Lexicon, skipped: Counter, hard: bool = False
) -> Injected:
    out: list[str] = []
    typos: dict[int, tuple[int, str, str]] = {}
    pos = 0
    for token in sentence.split(" "):
        if token.isalpha() and token.islower() and len(token) >= 4 and rng.random() < rate:
            kind, bad = _typo(token, rng, hard)
            if bad is not None and hard and rng.random() < TWO_TYPOS:
                _, bad2 = _typo(bad, rng, hard)
                if bad2 is not None:
                    kind, bad = "two", bad2
            if bad is None:
                skipped["no typo applies"] += 1
            elif bad in lexicon:
                skipped["makes a word"] += 1
            else:
                typos[pos] = (pos + len(bad), token, kind)
                token = bad
        out.append(token)
        pos += len(token) + 1
    return Injected(" ".join(out), typos)


def _typo(word: str, rng: random.Random, hard: bool = False) -> tuple[str, str | None]:
    """A typo kind drawn at random among those that apply to the word, and the misspelling."""
    kinds = [*TYPOS, "extra"] if hard else list(TYPOS)
    rng.shuffle(kinds)
    for kind in kinds:
        bad = (TYPOS.get(kind) or extra)(word, rng)
        if bad is not None and bad != word:
            return kind, bad
    return "", None


def tokens(text: str) -> int:
    return len(text.split())


# Misspellings in the Bosque text itself that the corrector fixes (found by reading its changes
# to the clean dev and test text, each checked by hand). A change of one of these to the listed
# word is counted apart ("source fixes"): it is neither false nor wrong. The raw figures, with
# these counted against the corrector, are reported as well.
SOURCE_TYPOS = {
    # dev
    "orgão": "órgão",
    "orgãos": "órgãos",
    "prespectiva": "perspectiva",
    "milimetros": "milímetros",
    "propriétario": "proprietário",
    "vídeojogos": "videojogos",
    "rúbrica": "rubrica",
    # test
    "conluir": "concluir",
    "famíla": "família",
    "flutante": "flutuante",
    "assitir": "assistir",
    "subordinanda": "subordinada",
    "arborígene": "aborígene",
    "arborígenes": "aborígenes",
    "arborigenes": "aborígenes",
    "prejuizos": "prejuízos",
    "teoricamento": "teoricamente",
    "nacinais": "nacionais",
    "atribuidas": "atribuídas",
    "apariceu": "apareceu",
    # test, lost accents that leave a word in the lexicon (found by the real-word step, issue 17):
    # "o patrimonio liquido da instituição", património/patrimônio líquido in either variety
    "patrimonio": "patrimônio",
    "liquido": "líquido",
}


def _source_fix(text: str, edit) -> bool:
    return SOURCE_TYPOS.get(text[edit.start : edit.end]) == edit.replacement


def score(texts: list[str], speller: Speller, rate: float, seed: int, show: int, hard: bool = False) -> dict:
    rng = random.Random(seed)
    skipped: Counter = Counter()
    injected = [inject(t, rng, rate, speller.lexicon, skipped, hard) for t in texts]
    return _score(texts, injected, skipped, speller, show)


def _score(texts: list[str], injected: list[Injected], skipped: Counter, speller: Speller, show: int) -> dict:
    by_kind: Counter = Counter()
    fixed_by_kind: Counter = Counter()
    changes = right = source_fixes = 0
    examples: list[str] = []
    for item in injected:
        for _, _, kind in item.typos.values():
            by_kind[kind] += 1
        for edit in speller.edits(item.text):
            changes += 1
            typo = item.typos.get(edit.start)
            if typo and typo[0] == edit.end and typo[1] == edit.replacement:
                right += 1
                fixed_by_kind[typo[2]] += 1
            elif not typo and _source_fix(item.text, edit):
                source_fixes += 1
            elif len(examples) < show:
                expected = typo[1] if typo else "(unchanged)"
                examples.append(f"{item.text[edit.start : edit.end]} -> {edit.replacement}  [want {expected}]")
    missed = [
        f"{item.text[s:e]} [want {orig}, {kind}]"
        for item in injected
        for s, (e, orig, kind) in item.typos.items()
        if not any(ed.start == s and ed.replacement == orig for ed in speller.edits(item.text))
    ][:show]
    total = sum(by_kind.values())
    clean_tokens = sum(tokens(t) for t in texts)
    clean_changes = [(t, e) for t in texts for e in speller.edits(t)]
    false_clean = [f"{t[e.start : e.end]} -> {e.replacement}" for t, e in clean_changes if not _source_fix(t, e)]
    return {
        "sentences": len(texts),
        "tokens": clean_tokens,
        "typos": total,
        "typos_per_100_tokens": round(100 * total / clean_tokens, 2),
        "skipped": dict(skipped),
        "changes": changes,
        "source_fixes": source_fixes,
        "precision": _ratio(right, changes - source_fixes),
        "precision_raw": _ratio(right, changes),
        "recall": _ratio(right, total),
        "recall_by_kind": {k: round(fixed_by_kind[k] / n, 3) for k, n in sorted(by_kind.items())},
        "clean_changes": len(clean_changes),
        "false_changes_per_1000_tokens": round(1000 * len(false_clean) / clean_tokens, 3),
        "false_changes_per_1000_tokens_raw": round(1000 * len(clean_changes) / clean_tokens, 3),
        "false_changes": false_clean[:show],
        "wrong_examples": examples,
        "missed_examples": missed,
    }


# --- the real-word track: accents lost where the word without them is a word too ----------------

_WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")


def strip_accents(word: str) -> str:
    return word.translate(BASE_LETTER)


def inject_real_words(sentence: str, rng: random.Random, rate: float, lexicon: Lexicon, eligible: Counter) -> Injected:
    """Every lower-case word whose accent-stripped form is another lexicon word (`está` ->
    `esta`, `é` -> `e`, `país` -> `pais`) loses its diacritics with probability `rate`."""
    out: list[str] = []
    typos: dict[int, tuple[int, str, str]] = {}
    pos = last = 0
    for match in _WORD.finditer(sentence):
        word = match.group()
        bare = strip_accents(word)
        if not word.islower() or bare == word or bare not in lexicon.zipf:
            continue
        if PRE_REFORM.search(word):  # `idéia` -> `ideia` is today's spelling, not a typo
            eligible["pre-reform spellings skipped"] += 1
            continue
        eligible["words"] += 1
        if rng.random() >= rate:
            continue
        out.append(sentence[last : match.start()])
        pos += match.start() - last
        typos[pos] = (pos + len(bare), word, f"{bare}/{word}")
        out.append(bare)
        pos += len(bare)
        last = match.end()
    out.append(sentence[last:])
    return Injected("".join(out), typos)


def real_word_score(texts: list[str], speller: Speller, rate: float, seed: int, show: int, pairs: int = 20) -> dict:
    """The real-word track: `texts` with accents stripped from words that stay words.

    - precision: restorations (changes of words that are words as typed, the real-word step's)
      that give back the original word / all restorations but the fixes of Bosque's own
      misspellings (SOURCE_TYPOS; `precision_raw` counts them as wrong);
      `precision_all_changes` counts the non-word step's changes on the same text too (its own
      track measures them);
    - recall: stripped words given back / stripped words;
    - false changes per 1,000 clean tokens: all changes of either step on the clean texts;
    - the same by word pair, for the `pairs` most frequent pairs.
    """
    rng = random.Random(seed)
    eligible: Counter = Counter()
    injected = [inject_real_words(t, rng, rate, speller.lexicon, eligible) for t in texts]
    result = _score(texts, injected, Counter(), speller, show)
    forms = accents.default_model().classes
    by_pair: Counter = Counter()
    fixed: Counter = Counter()
    wrong: Counter = Counter()
    restorations = right = source = 0
    for item in injected:
        edits = {e.start: e for e in speller.edits(item.text)}
        for start, (end, original, pair) in item.typos.items():
            by_pair[pair] += 1
            edit = edits.get(start)
            fixed[pair] += bool(edit and edit.end == end and edit.replacement == original)
        for start, edit in edits.items():
            typed = item.text[start : edit.end]
            typo = item.typos.get(start)
            good = bool(typo and typo[0] == edit.end and typo[1] == edit.replacement)
            if typed.lower() in speller.lexicon.zipf or typed.lower() in forms:
                restorations += 1
                right += good
                source += not typo and _source_fix(item.text, edit)
            if not good and not _source_fix(item.text, edit):
                wrong[f"{typed} -> {edit.replacement}"] += 1
    result["precision_all_changes"] = result.pop("precision")
    result["precision_all_changes_raw"] = result.pop("precision_raw")
    result["restorations"] = restorations
    result["precision"] = _ratio(right, restorations - source)
    result["precision_raw"] = _ratio(right, restorations)  # Bosque's own lost accents counted as wrong
    result["eligible_words"] = eligible["words"]
    result["pre_reform_skipped"] = eligible["pre-reform spellings skipped"]
    result["recall_by_kind"] = {}
    result["pairs"] = [
        {"pair": pair, "stripped": n, "restored": fixed[pair], "recall": round(fixed[pair] / n, 3)}
        for pair, n in by_pair.most_common(pairs)
    ]
    result["wrong_changes"] = dict(wrong.most_common(show))
    return result


def restore_thresholds(texts: list[str], speller: Speller, rate: float, seed: int, seeds: int = 5) -> list[dict]:
    """Real-word restorations at each confidence threshold (on dev: how RESTORE_CONFIDENCE is
    chosen): precision and recall on the stripped texts, false changes per 1,000 clean tokens.
    The texts are stripped `seeds` times (seeds `seed`, `seed + 1`...): one draw of dev has fewer
    than 100 stripped words, too few to choose from."""
    injected = []
    for s in range(seed, seed + seeds):
        rng = random.Random(s)
        injected += [inject_real_words(t, rng, rate, speller.lexicon, Counter()) for t in texts]
    noisy = []  # (confidence, right)
    for item in injected:
        for edit in _all_restorations(speller, item.text):
            typo = item.typos.get(edit.start)
            noisy.append((edit.confidence, bool(typo and typo[0] == edit.end and typo[1] == edit.replacement)))
    clean = [e.confidence for t in texts for e in _all_restorations(speller, t)]
    total = sum(len(item.typos) for item in injected)
    n_tokens = sum(tokens(t) for t in texts)
    out = []
    for threshold in (0.5, 0.6, 0.7, 0.75, 0.8, 0.85, 0.9, 0.92, 0.94, 0.96, 0.98):
        made = [right for c, right in noisy if c >= threshold]
        out.append(
            {
                "threshold": threshold,
                "changes": len(made),
                "precision": _ratio(sum(made), len(made)),
                "recall": _ratio(sum(made), total),
                "false_per_1000_clean": round(1000 * sum(c >= threshold for c in clean) / n_tokens, 3),
            }
        )
    return out


def _all_restorations(speller: Speller, text: str):
    """The restorations `speller.edits` would weigh, whatever their confidence."""
    import pipeline.spelling as spelling

    saved = spelling.RESTORE_CONFIDENCE
    spelling.RESTORE_CONFIDENCE = 0.0
    try:
        made = [e for e in speller.proposals(text) if e[3].confidence >= spelling.MIN_CONFIDENCE]
        lost = sum(1 for _, _, word, s in made if spelling._lost_accents(word.lower(), s.word))
        return speller.restorations(text, lost=lost, skip=(e[0] for e in made))
    finally:
        spelling.RESTORE_CONFIDENCE = saved


def _ratio(a: int, b: int) -> float | None:
    return round(a / b, 4) if b else None


def corpus_score(speller: Speller, gold_path: Path = CORPUS_GOLD) -> dict:
    """Our own releases against the hand-made list of their misspellings (corpus/gold/spelling.tsv).

    The speller reads each release as the pipeline does (the text `ingest` gives, markup
    dropped from HTML), so changes are matched to the gold by word, not by offset: per file,
    the (misspelling, correction) pairs found and expected, counted with repeats. Files with
    no row have no misspelling: every change there is false.
    """
    gold: dict[str, Counter] = {}
    real_word_pairs: set[tuple[str, str]] = set()
    real_words = 0
    with gold_path.open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n").split("\t") for line in fh if not line.startswith("#")]
    for file, _, _, typo, correction, real_word in rows[1:]:
        gold.setdefault(Path(file).name, Counter())[(typo, correction)] += 1
        real_words += real_word == "yes"
        if real_word == "yes":
            real_word_pairs.add((typo, correction))
    right = right_real = changes = 0
    wrong: list[str] = []
    missed: list[str] = []
    docs = list(ingest.read([str(ROOT / "corpus" / "releases")]))
    for doc in docs:
        name = Path(doc.source["path"]).name
        found = Counter((doc.text[e.start : e.end], e.replacement) for e in speller.edits(doc.text))
        expected = gold.get(name, Counter())
        hits = found & expected
        right += sum(hits.values())
        right_real += sum(n for pair, n in hits.items() if pair in real_word_pairs)
        changes += sum(found.values())
        wrong += [f"{name}: {a} -> {b}" for a, b in (found - hits).elements()]
        missed += [f"{name}: {a} -> {b}" for a, b in (expected - hits).elements()]
    typos = sum(sum(c.values()) for c in gold.values())
    return {
        "files": len(docs),
        "typos": typos,
        "real_word_typos": real_words,
        "changes": changes,
        "precision": _ratio(right, changes),
        "recall": _ratio(right, typos),
        "recall_non_word": _ratio(right - right_real, typos - real_words),
        "recall_real_word": _ratio(right_real, real_words),
        "wrong": wrong,
        "missed": missed,
    }


def fit(texts: list[str], speller: Speller, rate: float, seed: int, hard: bool = True) -> dict[str, float]:
    """Logistic regression (Newton's method, small L2) of right/wrong over suggestion features."""
    import numpy as np

    rng = random.Random(seed)
    rows: list[dict[str, float]] = []
    labels: list[int] = []
    for text in texts:
        item = inject(text, rng, rate, speller.lexicon, Counter(), hard)
        for clean in (False, True):
            target = text if clean else item.text
            for start, end, _, suggestion in speller.proposals(target):
                typo = None if clean else item.typos.get(start)
                rows.append(suggestion.features)
                labels.append(int(bool(typo and typo[0] == end and typo[1] == suggestion.word)))
    names = list(rows[0])
    x = np.array([[row[n] for n in names] for row in rows])
    y = np.array(labels, dtype=float)
    w = np.zeros(len(names))
    for _ in range(25):
        p = 1 / (1 + np.exp(-x @ w))
        grad = x.T @ (p - y) + 0.01 * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + 0.01 * np.eye(len(names))
        w -= np.linalg.solve(hess, grad)
    print(f"fitted on {len(y)} suggestions, {int(y.sum())} right", file=sys.stderr)
    return {n: round(float(v), 3) for n, v in zip(names, w, strict=True)}


def speed(texts: list[str], fn, runs: int) -> float:
    """Tokens/s, median of `runs`; `fn(text, speller)` gets a new speller (empty memos) each run,
    so that no run profits from the words an earlier one looked up."""
    n = sum(tokens(t) for t in texts)
    times = []
    for _ in range(runs):
        speller = Speller()
        edit_cost.cache_clear()
        start = time.perf_counter()
        for t in texts:
            fn(t, speller)
        times.append(time.perf_counter() - start)
    return round(n / statistics.median(times))


def lexicon_cost() -> dict:
    """Memory (tracemalloc, after load) and load time of the lexicon and the hunspell dictionary."""
    out = {}
    for name, load in (("lexicon", Lexicon.load), ("hunspell", _load_hunspell), ("accents", _load_accents)):
        tracemalloc.start()
        kept = load()
        current, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        del kept
        start = time.perf_counter()
        load()
        out[f"{name}_mb"] = round(current / 1e6, 1)
        out[f"{name}_peak_mb"] = round(peak / 1e6, 1)
        out[f"{name}_load_seconds"] = round(time.perf_counter() - start, 2)
    out["spelling_mb"] = round(out["lexicon_mb"] + out["hunspell_mb"] + out["accents_mb"], 1)
    return out


def _load_accents() -> accents.AccentModel:
    """The accent model with every form's weights parsed (a long batch gets there; a short text
    parses only the forms it has)."""
    model = accents.AccentModel.load()
    for form in model.classes:
        model.table(form)
    return model


def _load_hunspell():
    hunspell_accepts.cache_clear()
    return hunspell_accepts()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", default="test", choices=["train", "dev", "test"])
    parser.add_argument(
        "--rate", type=float, default=0.1, help="chance that an eligible token (lower case, 4+ letters) gets a typo"
    )
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--show", type=int, default=20, help="wrong and missed examples to list")
    parser.add_argument("--fit", action="store_true", help="fit the confidence model on the train split")
    parser.add_argument("--hard", action="store_true", help="add extra letters and words with two typos")
    parser.add_argument(
        "--real-word-rate", type=float, default=0.1, help="chance that a word with an accented twin loses its accent"
    )
    parser.add_argument("--no-real-words", action="store_true", help="skip the real-word track")
    parser.add_argument(
        "--thresholds", action="store_true", help="real-word restorations at each threshold (choose on dev)"
    )
    args = parser.parse_args(argv)
    if not BOSQUE.is_dir():
        print(f"benchmarks.spelling: {BOSQUE} not found", file=sys.stderr)
        return 2
    speller = Speller()
    if args.fit:
        print(json.dumps(fit(sentences("train"), speller, args.rate, args.seed, args.hard), indent=4))
        return 0
    texts = sentences(args.split)
    if args.thresholds:
        print(json.dumps(restore_thresholds(texts, speller, args.real_word_rate, args.seed), indent=2))
        return 0
    result = {"split": args.split, "rate": args.rate, "seed": args.seed, "hard": args.hard}
    result.update(score(texts, speller, args.rate, args.seed, args.show, args.hard))
    if not args.no_real_words:
        result["real_word"] = real_word_score(texts, speller, args.real_word_rate, args.seed, args.show)
    result["corpus"] = corpus_score(speller)
    result["spelling_tokens_per_s"] = speed(texts, lambda text, sp: sp.edits(text), args.runs)
    result["normalise_tokens_per_s"] = speed(texts, lambda text, sp: normalise(text, speller=sp), args.runs)
    result.update(lexicon_cost())
    result["machine"] = f"{platform.machine()}, {platform.python_implementation()} {platform.python_version()}"
    print(json.dumps(result, ensure_ascii=False, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
