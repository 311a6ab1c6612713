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
    index = _index(taxonomy)
    words = _folded_words(text)
    hits = [0.0] * len(taxonomy)
    counts = Counter(words)
    starts: dict[str, list] = {}  # first word -> the terms that may start there
    for word in counts:
        found = [*index.get(word, ()), *index["starred"].get(word[:3], ())]
        if found:
            starts[word] = found
    positions: dict[str, list[int]] | None = None  # built only when a longer term may start
    for word, found in starts.items():
        for theme_no, term in found:
            if len(term) == 1:  # most terms: one word, counted without looking at positions
                if not term[0].endswith("*") or word.startswith(term[0][:-1]):
                    hits[theme_no] += counts[word]
                continue
            if positions is None:
                positions = {}
                for i, w in enumerate(words):
                    if w in starts:
                        positions.setdefault(w, []).append(i)
            for i in positions[word]:
                if _matches(term, words, i):
                    hits[theme_no] += 2.0
    acronyms = _acronym_pattern(taxonomy)
    if acronyms is not None:
        for token in acronyms.findall(text):
            for theme_no in index[("acronym", token)]:
                hits[theme_no] += 1.0
    n = max(len(words), 1)
    out = [
        {"label": theme.label, "score": round(1 - math.exp(-100 * h / n), 4)}
        for theme, h in zip(taxonomy, hits, strict=True)
    ]
    out.sort(key=lambda t: (-t["score"], t["label"]))
    return out


def _folded_words(text: str) -> list[str]:
    """`_WORD.findall(fold_text(text))`, folding each distinct word once (folding maps a letter
    to a letter, so the words are the same; most of a text's words recur)."""
    words = _WORD.findall(text.lower())
    folded = {word: word.translate(BASE_LETTER) for word in set(words)}
    return [folded[word] for word in words]


def _matches(term: tuple[str, ...], words: list[str], i: int) -> bool:
    if i + len(term) > len(words):
        return False
    for pattern, word in zip(term, words[i : i + len(term)], strict=True):
        if pattern.endswith("*"):
            if not word.startswith(pattern[:-1]):
                return False
        elif word != pattern:
            return False
    return True


@cache
def _index(taxonomy: tuple[Theme, ...]) -> dict:
    """Terms by their first word, or by its first three letters where it ends in `*` (under
    "starred"), and acronyms as written: each word of a text is checked against the few terms
    that could start there (a one-word term by its word alone is a hit without a check)."""
    index: dict = {"starred": {}}
    for theme_no, theme in enumerate(taxonomy):
        for term in theme.terms:
            if term[0].endswith("*"):
                index["starred"].setdefault(term[0][:3], []).append((theme_no, term))
            else:
                index.setdefault(term[0], []).append((theme_no, term))
        for acronym in theme.acronyms:
            index.setdefault(("acronym", acronym), []).append(theme_no)
    return index


@cache
def _acronym_pattern(taxonomy: tuple[Theme, ...]) -> regex.Pattern | None:
    """The taxonomy's acronyms as whole tokens (runs of word characters and hyphens), found by one
    pattern: a scan of every token of the text for the few acronyms was a sixth of the stage's time."""
    acronyms = sorted({a for theme in taxonomy for a in theme.acronyms}, key=lambda a: (-len(a), a))
    if not acronyms:
        return None
    return regex.compile(r"(?<![\w\-])(?:" + "|".join(map(regex.escape, acronyms)) + r")(?![\w\-])")
