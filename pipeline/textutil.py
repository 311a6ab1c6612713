"""Small text helpers shared by the stages."""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents or cedilla: `São Paulo` -> `sao paulo`, `Ação` -> `acao`."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# Accented Latin letters -> their base letter (str.translate: the fast path for long texts).
BASE_LETTER: dict[int, str] = {
    ord(ch): unicodedata.normalize("NFD", ch)[0]
    for ch in map(chr, range(0xC0, 0x250))
    if len(unicodedata.normalize("NFD", ch)) > 1
}


def fold_text(text: str) -> str:
    """`fold` for whole documents: lower case without accents, not cached.

    >>> fold_text("Assistência Social e Ação")
    'assistencia social e acao'
    """
    return text.lower().translate(BASE_LETTER)
