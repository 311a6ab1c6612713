"""Lost accents that leave a real word (`esta`/`está`, `ate`/`até`, `pais`/`país`), restored from context.

The spelling step (`spelling.py`) finds words the lexicon lacks; a word typed without its
accent that is itself a word (`Ele esta em casa`) is invisible to it. For every form with
several spellings that differ only in their diacritics, a small conditional logistic model
(`lang/pt/accents.tsv.gz`, built by `python -m pipeline.lang.build_accents` from correctly
accented text with its accents stripped) gives the probability of each spelling from the
neighbouring words (folded, so that their own lost accents do not matter), their endings and
whether the word starts a sentence. Features per form (`p1=no`, `n1=casa`, `p2 p1=ele`...) and
a few shared by all forms, keyed by the kind of spelling (kept as typed or accented, finite
verb or not), so that a rare form borrows what the others teach (`ele ate o bolo`: a verb).

The model answers "which spelling, had the accents been lost"; whether they were is a prior:
a hurried typist loses about one accent in ten (`STRIP_RATE`), more in a text that already
shows lost accents elsewhere (`nao`, `municipios`), fewer in one that keeps them. The change's
confidence is the posterior of both (`Restorer.restorations`).
"""

from __future__ import annotations

import gzip
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import regex

from .textutil import BASE_LETTER

MODEL_PATH = Path(__file__).parent / "lang" / "pt" / "accents.tsv.gz"

# Words, numbers, line breaks and single punctuation marks: the context a feature sees.
TOKEN = regex.compile(r"\n|\p{L}+(?:[-'’]\p{L}+)*|\p{N}+(?:[.,]\p{N}+)*|[^\s\p{L}\p{N}]")
# What comes before the first word of a sentence (a capital there is not a name's).
SENTENCE_START = frozenset({"<s>", ".", "!", "?", "¶", ":", "…", "“", '"', "«", "—", "–", "•"})
# Prior for "an accent the writer meant was lost": Beta(STRIP_A, STRIP_B), mean 0.1, updated by
# the document's own words (accents kept, accents lost on words the lexicon lacks).
STRIP_A = 1.0
STRIP_B = 9.0


def key(token: str) -> str:
    """A context token as features see it: folded word, `0` for a number, `¶` for a line break."""
    if token == "\n":
        return "¶"
    first = token[0]
    if first.isdigit():
        return "0"
    if first.isalpha():
        return token.lower().translate(BASE_LETTER)
    return token


def keys(tokens: Iterable[str]) -> list[str]:
    return [key(t) for t in tokens]


_CLAUSE_END = frozenset({".", ";", "!", "?", ":", "¶", "(", ")", "«", "»", "“", "”", '"'})
CLAUSE = 6  # tokens each side in which a finite verb is looked for


def _verb_sides(k: Sequence[str], verbs: Sequence[bool], i: int) -> str:
    """`v=LR`: is there a finite verb (lexicon tag V) left / right of `i` in its clause?"""
    left = right = "0"
    for j in range(i - 1, max(-1, i - 1 - CLAUSE), -1):
        if k[j] in _CLAUSE_END:
            break
        if verbs[j]:
            left = "1"
            break
    for j in range(i + 1, min(len(k), i + 1 + CLAUSE)):
        if k[j] in _CLAUSE_END:
            break
        if verbs[j]:
            right = "1"
            break
    return "v=" + left + right


def features(k: Sequence[str], verbs: Sequence[bool], i: int, capital: bool) -> tuple[list[str], list[str]]:
    """Features of the word at `i`: its form's own, and those all forms share (joined to the kind
    of each spelling, see `kind`). Its own key is not one: the form says it. `verbs[j]`: token
    `j` is a finite verb form (lexicon tag V)."""
    n = len(k)
    p1 = k[i - 1] if i > 0 else "<s>"
    p2 = k[i - 2] if i > 1 else "<s>"
    n1 = k[i + 1] if i + 1 < n else "</s>"
    n2 = k[i + 2] if i + 2 < n else "</s>"
    sides = _verb_sides(k, verbs, i)
    is_p1, is_n1 = "p1=" + p1, "n1=" + n1  # own and shared: one string each, hashed once
    own = [
        "b",
        is_p1,
        is_n1,
        "p2=" + p2,
        "n2=" + n2,
        "p2p1=" + p2 + " " + p1,
        "n1n2=" + n1 + " " + n2,
        "p1n1=" + p1 + " " + n1,
        "p1s=" + p1[-3:],
        "n1s=" + n1[-3:],
        "p1 n1s=" + p1 + " " + n1[-2:],
        "p1s n1=" + p1[-2:] + " " + n1,
        sides,
        sides + " n1s=" + n1[-2:],
    ]
    if i + 1 < n and verbs[i + 1]:
        own.append("n1v")
    if i > 0 and verbs[i - 1]:
        own.append("p1v")
    if capital:
        own.append("cap")
    shared = [is_p1, is_n1, "p1s=" + p1[-2:], "n1s=" + n1[-2:], sides]
    return own, shared


def verb_flags(tokens: Iterable[str], verbs: frozenset[str] | set[str]) -> list[bool]:
    """Per token: is it (lower-cased) a finite verb form only?"""
    return [t.lower() in verbs for t in tokens]


def kind(spelling: str, form: str, verb: bool) -> str:
    """`k` kept as typed / `a` accented, plus `v` when the spelling is only a finite verb form."""
    return ("k" if spelling == form else "a") + ("v" if verb else "")


@dataclass
class AccentModel:
    """Per folded form: its spellings, their kinds, and feature weights.

    A form's first spelling scores 0; `weights[form][feature]` is what the feature adds to each of
    the others (a float for a form with two spellings, a tuple otherwise): only differences
    matter to a softmax, and one float per feature keeps the table small.
    """

    classes: dict[str, tuple[str, ...]]
    kinds: dict[str, tuple[str, ...]]
    weights: dict[str, dict[str, float | tuple[float, ...]]]
    shared: dict[str, dict[str, float]]  # feature -> kind -> weight
    # a form's `W` lines as read, parsed into `weights` the first time the form is weighed: a
    # text needs a few forms, and reading all 200,000 lines would cost 0.3 s at start-up
    raw: dict[str, str] = field(default_factory=dict)
    # (first kind, second kind) -> feature -> what it adds to the second spelling: forms with two
    # spellings (most) look a shared feature up once
    pairs: dict[tuple[str, str], dict[str, float]] = field(default_factory=dict)

    def __post_init__(self):
        for kinds in set(self.kinds.values()):
            if len(kinds) == 2:
                first, second = kinds
                self.pairs[kinds] = {
                    feature: w.get(second, 0.0) - w.get(first, 0.0) for feature, w in self.shared.items()
                }
        self._numbers: dict[str, float] = {}  # one float object per distinct value (a few thousand)

    @classmethod
    def load(cls, path: Path = MODEL_PATH) -> AccentModel:
        classes: dict[str, tuple[str, ...]] = {}
        kinds: dict[str, tuple[str, ...]] = {}
        shared: dict[str, dict[str, float]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            text = "\n" + fh.read()
        w_at, s_at = text.find("\nW\t"), text.find("\nS\t")
        w_at = s_at if w_at < 0 else w_at
        s_at = len(text) if s_at < 0 else s_at
        for line in text[:w_at].split("\n"):
            if line.startswith("F\t"):
                form, spellings, spelling_kinds, _ = line[2:].split("\t")
                classes[form] = tuple(spellings.split(" "))
                kinds[form] = tuple(spelling_kinds.split(" "))
        for line in text[s_at:].split("\n"):
            if line.startswith("S\t"):
                feature, value = line[2:].split("\t")
                feature, spelling_kind = feature.rsplit("|", 1)
                shared.setdefault(feature, {})[spelling_kind] = float(value)
        # the W lines are sorted by form: each form's block ends where the next one's starts
        raw: dict[str, str] = {}
        starts = []
        pos = w_at
        for form in sorted(f for f, spellings in classes.items() if len(spellings) > 1):
            at = text.find(f"\nW\t{form}\t", pos, s_at)
            if at >= 0:
                starts.append((at, form))
                pos = at + 1
        for (at, form), (end, _) in zip(starts, [*starts[1:], (s_at, "")], strict=True):
            raw[form] = text[at + 1 : end]
        return cls(classes, kinds, {}, shared, raw)

    def table(self, form: str) -> dict[str, float | tuple[float, ...]]:
        """The form's feature weights (parsed from its `W` lines on first use)."""
        table = self.weights.get(form)
        if table is None:
            table = {}
            numbers = self._numbers
            for line in self.raw.pop(form, "").split("\n"):
                if not line:
                    continue
                _, _, feature, values = line.split("\t")
                if " " in values:
                    table[feature] = tuple(numbers.setdefault(v, float(v)) for v in values.split(" "))
                else:
                    table[feature] = numbers.setdefault(values, float(values))
            self.weights[form] = table
        return table

    def probabilities(self, form: str, k: Sequence[str], verbs: Sequence[bool], i: int, capital: bool) -> list[float]:
        """P(spelling | context) for each of `classes[form]`, had the word lost its accents."""
        table = self.weights.get(form) or self.table(form)
        own, shared = features(k, verbs, i, capital)
        kinds = self.kinds[form]
        first = kinds[0]
        if len(kinds) == 2:
            pair = self.pairs[kinds]
            score = 0.0
            for feature in own:
                score += table.get(feature, 0.0)
            for feature in shared:
                score += pair.get(feature, 0.0)
            score = max(-50.0, min(50.0, score))
            p = 1 / (1 + math.exp(-score))
            return [1 - p, p]
        scores = [0.0] * len(kinds)
        for feature in own:
            w = table.get(feature)
            if w is not None:
                for j, v in enumerate(w, 1):
                    scores[j] += v
        for feature in shared:
            w = self.shared.get(feature)
            if w is not None:
                base = w.get(first, 0.0)
                for j in range(1, len(kinds)):
                    scores[j] += w.get(kinds[j], 0.0) - base
        top = max(scores)
        exp = [math.exp(s - top) for s in scores]
        total = sum(exp)
        return [e / total for e in exp]


@cache
def default_model() -> AccentModel:
    return AccentModel.load()


def strip_rate(kept: int, lost: int) -> float:
    """The chance that an accent the writer meant is missing, given the accents the document
    kept (`kept` words with a diacritic) and lost (`lost` unknown words that are known words
    once an accent is added)."""
    return (STRIP_A + lost) / (STRIP_A + STRIP_B + lost + kept)


def posterior(form: str, spellings: Sequence[str], probs: Sequence[float], rate: float) -> tuple[str, float]:
    """The best spelling other than the typed `form`, and the probability that it is what the
    writer meant: the model's probability of each spelling, the accented ones weighed by `rate`
    (a word typed as written needs no lost accent)."""
    best, best_p = "", -1.0
    mass = 0.0
    for spelling, p in zip(spellings, probs, strict=True):
        if spelling == form:
            mass += p
        else:
            mass += rate * p
            if p > best_p:
                best, best_p = spelling, p
    return best, (rate * best_p / mass) if mass > 0 else 0.0
