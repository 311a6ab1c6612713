"""Stage 5b, themes: every document scored against a taxonomy of public-policy themes.

The taxonomy is a TSV file (`pipeline/lang/pt/themes.tsv`, about 20 themes; `--themes FILE`
for your own): `theme<TAB>label<TAB>seed terms`, terms separated by `;`. A term matches
without regard to case or accents (`saude` = `Saúde`), a trailing `*` matches any ending
(`vacina*`: `vacinação`, `vacinas`), and a term written as an acronym (`SUS`, `CRAS`) matches
only as written, so that the possessive `suas` is not `SUAS`.

A theme's score is 1 - exp(-d), where d is the theme's term matches per 100 words (a term of
several words counts double: it says more than one word): 0 for no match, about 0.63 at one
match per 100 words, near 1 for a release about little else. Every theme is scored; the list is
sorted best first.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

from .spelling import _BASE_LETTER
from .textutil import fold

DEFAULT_TAXONOMY = Path(__file__).parent / "lang" / "pt" / "themes.tsv"
_WORD = regex.compile(r"\w+", flags=regex.UNICODE)


class TaxonomyError(ValueError):
    """A taxonomy file that cannot be read or has no themes."""


@dataclass(frozen=True)
class Theme:
    label: str
    name: str
    pattern: regex.Pattern | None  # folded terms, matched on folded text
    exact: regex.Pattern | None  # acronyms, matched on the text as written
    multiword: frozenset[str]


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
    folded, exact = [], []
    for term in terms:
        is_acronym = " " not in term and sum(c.isupper() for c in term) >= 2
        (exact if is_acronym else folded).append(_term_pattern(term if is_acronym else fold(term)))
    return Theme(
        label,
        name,
        regex.compile(r"(?<!\w)(?:" + "|".join(folded) + r")(?!\w)") if folded else None,
        regex.compile(r"(?<!\w)(?:" + "|".join(exact) + r")(?!\w)") if exact else None,
        frozenset(fold(t).rstrip("*") for t in terms if " " in t),
    )


def _term_pattern(term: str) -> str:
    star = term.endswith("*")
    body = regex.escape(term.rstrip("*")).replace(r"\ ", r"\s+")
    return body + (r"[\w\-]*" if star else "")


def themes(text: str, taxonomy: tuple[Theme, ...] | None = None) -> list[dict]:
    """The record's `themes`: `{"label", "score"}` for every theme, best first."""
    taxonomy = taxonomy or default_taxonomy()
    folded = text.lower().translate(_BASE_LETTER)  # like `fold`, without caching whole texts
    words = max(len(_WORD.findall(folded)), 1)
    out = []
    for theme in taxonomy:
        hits = 0.0
        for pattern, target in ((theme.pattern, folded), (theme.exact, text)):
            if pattern is None:
                continue
            for m in pattern.finditer(target):
                hits += 2.0 if " " in m.group() or "-" in m.group() else 1.0
        density = 100 * hits / words
        out.append({"label": theme.label, "score": round(1 - math.exp(-density), 4)})
    out.sort(key=lambda t: (-t["score"], t["label"]))
    return out
