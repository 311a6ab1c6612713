"""Stage 5b, themes: every document scored against a taxonomy of public-policy themes.

The taxonomy is a TSV file (`pipeline/lang/pt/themes.tsv`, about 20 themes; `--themes FILE`
for your own): `theme<TAB>label<TAB>seed terms`, terms separated by `;`. A term matches
without regard to case or accents (`saude` = `Saúde`), a trailing `*` matches any ending
(`vacina*`: `vacinação`, `vacinas`), and a term written as an acronym (`SUS`, `CRAS`) matches
only as written, so that the possessive `suas` is not `SUAS`.

A text's words are folded once and each is checked against the few terms that could start
there. A theme's score is 1 - exp(-d), where d is the theme's term matches per 100 words (a
term of several words counts double: it says more than one word): 0 for no match, about 0.63 at one
match per 100 words, near 1 for a release about little else. Every theme is scored; the list is
sorted best first.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass
from functools import cache
from itertools import compress
from operator import itemgetter
from pathlib import Path

import regex

from .textutil import BASE_LETTER, fold

DEFAULT_TAXONOMY = Path(__file__).parent / "lang" / "pt" / "themes.tsv"
_WORD = regex.compile(r"\w+")
_WORD_OR_STAR = regex.compile(r"\w+\*?")


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be read or has no themes."""


@dataclass(frozen=True)
class Theme:
    label: str
    name: str
    terms: tuple[tuple[str, ...], ...]  # folded words; a word ending in `*` is a prefix
    acronyms: frozenset[str]  # matched as written


def load_taxonomy(path: str | Path = DEFAULT_TAXONOMY) -> tuple[Theme, ...]:
    """Themes from a taxonomy TSV; `TaxonomyError` when it is unusable."""
    try:
        lines = Path(path).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise TaxonomyError(f"cannot read taxonomy {path}: {exc}") from exc
    themes = []
    for n, line in enumerate(lines, start=1):
        if not line.strip() or line.startswith("#"):
            continue
        fields = line.split("\t")
        if len(fields) != 3:
            raise TaxonomyError(f"{path}:{n}: expected theme<TAB>label<TAB>terms, got {len(fields)} fields")
        label, name, terms = fields
        themes.append(_theme(label.strip(), name.strip(), [t.strip() for t in terms.split(";") if t.strip()]))
    if not themes:
        raise TaxonomyError(f"{path}: no themes")
    return tuple(themes)


@cache
def default_taxonomy() -> tuple[Theme, ...]:
    return load_taxonomy(DEFAULT_TAXONOMY)


def _theme(label: str, name: str, terms: list[str]) -> Theme:
    words, acronyms = [], set()
    for term in terms:
        if " " not in term and sum(c.isupper() for c in term) >= 2:
            acronyms.add(term)
        else:
            words.append(tuple(_WORD_OR_STAR.findall(fold(term))))
    return Theme(label, name, tuple(w for w in words if w), frozenset(acronyms))


def themes(text: str, taxonomy: tuple[Theme, ...] | None = None) -> list[dict]:
    """The record's `themes`: `{"label", "score"}` for every theme, best first."""
    taxonomy = taxonomy or default_taxonomy()
    terms = _terms(taxonomy)
    words = _Words(text)
    counts = words.counts
    hits = [0.0] * len(taxonomy)  # whole numbers: the order they are added in does not matter
    longer = []  # (first word, theme, term) of the terms of several words that may start in the text
    for word in counts.keys() & terms.exact.keys():
        for theme_no, term in terms.exact[word]:
            if len(term) == 1:  # most terms: one word, counted without looking at positions
                hits[theme_no] += counts[word]
            else:
                longer.append((word, theme_no, term))
    starred = terms.starred
    # the words whose first three letters start a starred term (sliced and looked up in C)
    for word in compress(counts, map(starred.__contains__, map(_FIRST_THREE, counts))):
        for theme_no, term in starred[word[:3]]:
            if len(term) > 1:
                longer.append((word, theme_no, term))
            elif word.startswith(term[0][:-1]):
                hits[theme_no] += counts[word]
    positions = {word: words.positions(word) for word, _, _ in longer}
    for word, theme_no, term in longer:
        for i in positions[word]:
            if _matches(term, words, i):
                hits[theme_no] += 2.0
    if terms.acronym_pattern is not None:
        for token in terms.acronym_pattern.findall(text):
            for theme_no in terms.acronyms[token]:
                hits[theme_no] += 1.0
    n = max(len(words.said), 1)
    # no hits scores 0.0 (most themes); best first, then by label: `terms.by_label` sorted by score
    scores = [round(1 - math.exp(-100 * h / n), 4) if h else 0.0 for h in hits]
    ranked = sorted(terms.by_label, key=[-score for score in scores].__getitem__)
    return [{"label": taxonomy[i].label, "score": scores[i]} for i in ranked]


class _Words:
    """A text's words in lower case (`said`, as written), and how often each folded word
    (`fold_text`) is said (`counts`). Only the distinct words that are not ASCII are folded: most
    of a text's words recur, most are ASCII, and folding maps a letter to a letter (the words are
    the same)."""

    def __init__(self, text: str) -> None:
        self.said = _WORD.findall(text.lower())
        self.times = Counter(self.said)  # as written
        self.counts = self.times.copy()
        self.folded: dict[str, str] = {}  # a word as written -> folded, where they differ
        self.forms: dict[str, list[str]] = {}  # a folded word -> the words written otherwise
        for word in [word for word in self.times if not word.isascii()]:
            folded = _fold(word)
            if folded != word:  # a folded word folds to itself: it is never folded again here
                self.counts[folded] = self.counts.get(folded, 0) + self.counts.pop(word)
                self.folded[word] = folded
                self.forms.setdefault(folded, []).append(word)

    def positions(self, folded: str) -> list[int]:
        """Where the folded word is said (in no order), by `list.index` (in C) as many times as
        each of its forms is said."""
        found = []
        forms = self.forms.get(folded, [])
        for form in [folded, *forms] if folded in self.times else forms:
            i = -1
            for _ in range(self.times[form]):
                i = self.said.index(form, i + 1)
                found.append(i)
        return found


def _fold(word: str) -> str:
    """`word.translate(BASE_LETTER)`, kept: the words that have accents recur across texts, and
    `translate` looks each of their letters up in a dict."""
    folded = _FOLDED.get(word)
    if folded is None:
        if len(_FOLDED) > 100_000:
            _FOLDED.clear()
        folded = _FOLDED[word] = word.translate(BASE_LETTER)
    return folded


_FOLDED: dict[str, str] = {}
_FIRST_THREE = itemgetter(slice(None, 3))


def _matches(term: tuple[str, ...], words: _Words, i: int) -> bool:
    """Whether the term's words are said from word `i` on (folded)."""
    if i + len(term) > len(words.said):
        return False
    folded = words.folded
    for pattern, word in zip(term, words.said[i : i + len(term)], strict=True):
        word = folded.get(word, word)
        if pattern.endswith("*"):
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


@dataclass(frozen=True)
class _Terms:
    """A taxonomy's terms as `themes` looks them up: by their first word (`exact`), or by its
    first three letters where it ends in `*` (`starred`), as `(theme number, term)`; acronyms as
    written, found by one pattern. A word of the text is checked only against the few terms that
    could start there (a one-word term by its word alone is a hit without a check)."""

    exact: dict[str, list[tuple[int, tuple[str, ...]]]]
    starred: dict[str, list[tuple[int, tuple[str, ...]]]]
    acronyms: dict[str, list[int]]
    acronym_pattern: regex.Pattern | None
    by_label: list[int]  # the themes' numbers in the order of their labels


_TERMS: dict[int, tuple[tuple[Theme, ...], _Terms]] = {}


def _terms(taxonomy: tuple[Theme, ...]) -> _Terms:
    """`_Terms` of a taxonomy, kept by identity: hashing the taxonomy (every term of every theme)
    on each call cost more than a short text's lookups."""
    kept = _TERMS.get(id(taxonomy))
    if kept is not None and kept[0] is taxonomy:
        return kept[1]
    exact: dict = {}
    starred: dict = {}
    acronyms: dict = {}
    for theme_no, theme in enumerate(taxonomy):
        for term in theme.terms:
            if term[0].endswith("*"):
                starred.setdefault(term[0][:3], []).append((theme_no, term))
            else:
                exact.setdefault(term[0], []).append((theme_no, term))
        for acronym in theme.acronyms:
            acronyms.setdefault(acronym, []).append(theme_no)
    by_label = sorted(range(len(taxonomy)), key=lambda theme_no: taxonomy[theme_no].label)
    terms = _Terms(exact, starred, acronyms, _acronym_pattern(taxonomy), by_label)
    if len(_TERMS) > 64:
        _TERMS.clear()
    _TERMS[id(taxonomy)] = (taxonomy, terms)
    return terms


@cache
def _acronym_pattern(taxonomy: tuple[Theme, ...]) -> regex.Pattern | None:
    """The taxonomy's acronyms as whole tokens (runs of word characters and hyphens), found by one
    pattern: a scan of every token of the text for the few acronyms was a sixth of the stage's time."""
    acronyms = sorted({a for theme in taxonomy for a in theme.acronyms}, key=lambda a: (-len(a), a))
    if not acronyms:
        return None
    return regex.compile(r"(?<![\w\-])(?:" + "|".join(map(regex.escape, acronyms)) + r")(?![\w\-])")
