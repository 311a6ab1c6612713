"""A language check: is this text Portuguese? Flags, never refuses.

Press-release folders collect the odd English note, Spanish communiqué or French agenda. They
are still processed (names, money and dates are often right), but their record says so, in
`language`, and gets a `not_portuguese` warning, so that an analyst can filter them out.

The check counts function words (articles, prepositions and their contractions, pronouns,
conjunctions: `pipeline/lang/function_words.tsv`), which make up a third to a half of the
words of any running text and tell languages apart well. Each language scores the share of
the text's words that are its function words; the best wins. Words two languages share (`de`,
`que`, `a`) count for both, so Portuguese against Spanish is decided by `não`/`no`, `em`/`en`,
`do`/`del`, `uma`/`una`.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

import regex

TABLE = Path(__file__).parent / "lang" / "function_words.tsv"
PORTUGUESE = "pt"
UNDETERMINED = "und"  # ISO 639-2 for "cannot tell"
MIN_WORDS = 8  # below this, a title or a list of names: no verdict
MAX_WORDS = 2000  # enough to decide; the rest of a long text adds nothing
MIN_SCORE = 0.12  # running text has more function words than this; lists, tables and code do not

_WORD = regex.compile(r"\p{L}+")


@dataclass(frozen=True)
class Language:
    code: str  # ISO 639-1, or "und"
    confidence: float  # the winner's share of the languages' scores

    def to_dict(self) -> dict:
        return {"code": self.code, "confidence": self.confidence}


@cache
def function_words() -> dict[str, frozenset[str]]:
    table = {}
    for line in TABLE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            code, words = line.split("\t")
            table[code] = frozenset(words.split())
    return table


def detect(text: str) -> Language:
    """The language of `text` by its function words.

    >>> detect("A Prefeitura anunciou nesta terça-feira um investimento na saúde da população.").code
    'pt'
    >>> detect("The Ministry announced on Tuesday a new programme to fund hospitals in the state.").code
    'en'
    """
    words = [w.lower() for w in _WORD.findall(text, concurrent=False)[:MAX_WORDS]]
    if len(words) < MIN_WORDS:
        return Language(UNDETERMINED, 0.0)
    scores = {code: sum(w in table for w in words) / len(words) for code, table in function_words().items()}
    best = max(scores, key=lambda code: (scores[code], code == PORTUGUESE))
    if scores[best] < MIN_SCORE:
        return Language(UNDETERMINED, 0.0)
    return Language(best, round(scores[best] / sum(scores.values()), 3))


def warning(language: Language) -> dict | None:
    """The record's warning for a text that is not Portuguese, or None."""
    if language.code in (PORTUGUESE, UNDETERMINED):
        return None
    return {
        "type": "not_portuguese",
        "message": f"the text looks like {language.code!r} (confidence {language.confidence:.2f}), "
        "not Portuguese; it was processed with the Portuguese pipeline",
    }
