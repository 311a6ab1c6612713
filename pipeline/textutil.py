"""Small text helpers shared by the stages."""

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=200_000)
def fold(text: str) -> str:
    """Lower case without accents or cedilla: `São Paulo` -> `sao paulo`, `Ação` -> `acao`."""
    decomposed = unicodedata.normalize("NFD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))
