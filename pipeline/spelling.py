"""Spelling correction for the normalise stage: a lexicon, candidates, a few rules of context.

How a word is judged, cheapest test first:
1. Skipped: words inside URLs, e-mail addresses, hashtags and @handles, ALL-CAPS words
   (acronyms), hyphenated compounds, words that look foreign, and capitalised unknown words
   the document repeats (a name the author spells that way on purpose).
2. Known: the word is in the lexicon (wordfreq forms that a pt-BR or pt-PT hunspell dictionary
   accepts, plus the dictionaries' entries; see `lang/build_lexicon.py`). Both spellings
   count as right (`facto`/`fato`, `acção`/`ação`).
3. Candidates, SymSpell-style but accent-insensitive: lexicon words with the same *folded* form
   (no accents, `ç` -> `c`, doubled letters single) and words one folded edit away (a letter
   missing, extra, swapped or replaced). For long words after an article, when the nearest
   candidates are finite verbs (`a superintende`), words sharing the first letters and up to a
   third of the letters apart are also considered (`superientende` -> `superintendente`).
4. Ranking: frequency (Zipf) minus a weighted edit cost (an accent or a doubled letter costs
   little, a missing letter more), plus evidence from the document (the candidate or a word
   of the same stem occurs in it).
5. Capitalised words are names until shown otherwise: they only get a correction equal to them
   after folding (`Confederaççao` -> `Confederação`, never `Leísa` -> `Luísa`).
6. Known words that lost an accent and stayed words (`Ele esta em casa`, `ate amanhã`, `o pais`):
   the context picks the spelling (`accents.py`), with the chance of a lost accent in this text
   as a prior; capitalised ones inside a sentence only become a state or a capital (`no Para`,
   `Amapa`). Slang and abbreviations (`lang/pt/slang.tsv`) are left as written.
"""

from __future__ import annotations

import gc
import gzip
import hashlib
import json
import math
import os
import sys
from bisect import bisect_left
from collections import ChainMap, defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path

import regex

from . import accents
from .alignment import Edit
from .textutil import BASE_LETTER, fold_text

LEXICON_PATH = Path(__file__).parent / "lang" / "pt" / "lexicon.tsv.gz"
# The pt-PT hunspell dictionary (LibreOffice / Projecto Natura), read with spylls: it knows the
# rare inflections the lexicon lacks (`demitira`, `realçara`) without storing millions of
# forms. Asked only about words the speller is about to change. pt-BR's dictionary is not
# used: it accepts typos through its productive prefixes (`superientende`) and is 15x slower.
HUNSPELL_PATH = Path(__file__).parent / "lang" / "pt" / "hunspell" / "pt_PT"

_WORD = regex.compile(r"\p{L}+(?:[-'’]\p{L}+)*")
# Marks of a whitespace-delimited token that is not prose: URLs, e-mail, hashtags, handles.
_NOT_PROSE = regex.compile(r"://|www\.|@|#|\.(?:br|com|org|gov|pt|net)\b", flags=regex.IGNORECASE)
_ALPHABET = "abcdefghijklmnopqrstuvwxyz"

# Words after which a finite verb does not come: articles, contractions, demonstratives.
DETERMINERS = frozenset(
    {
        "a",
        "o",
        "as",
        "os",
        "um",
        "uma",
        "uns",
        "umas",
        "da",
        "do",
        "das",
        "dos",
        "na",
        "no",
        "nas",
        "nos",
        "à",
        "ao",
        "às",
        "aos",
        "pela",
        "pelo",
        "pelas",
        "pelos",
        "dum",
        "duma",
        "num",
        "numa",
        "esta",
        "este",
        "estas",
        "estes",
        "essa",
        "esse",
        "essas",
        "esses",
        "aquela",
        "aquele",
        "aquelas",
        "aqueles",
        "sua",
        "seu",
        "suas",
        "seus",
        "nossa",
        "nosso",
        "nossas",
        "nossos",
        "cada",
    }
)

# Edit costs (in Zipf units), from what a hurried typist does most: losing an accent or a
# cedilla, doubling or undoubling a letter, missing a letter, hitting the key next to it.
COST_ACCENT = 0.6  # a diacritic changed (the typist mistyped it)
COST_ACCENT_LOST = 0.3  # a diacritic restored: the commonest slip of all (`maos` -> `mãos`, not `mais`)
COST_NASAL = 0.5  # an `n` or `m` left out before a consonant, a nasal the ear hears in the vowel (`contigente`)
COST_ACCENT_REMOVED = 1.5  # a diacritic taken away: typists rarely add one where none goes
COST_DOUBLE = 0.8  # a letter doubled or undoubled
COST_MISSING = 2.0  # a letter the typist left out
COST_EXTRA = 2.5  # a letter the typist added (not a doubling)
COST_NEIGHBOUR = 1.6  # the key next to the right one (a vowel for a vowel costs COST_SUBSTITUTE)
COST_SUBSTITUTE = 2.3  # any other wrong letter
COST_SWAP = 1.8  # two adjacent letters swapped
COST_EDIT = COST_MISSING  # a typical single edit, for limits
DOC_BONUS = 1.5  # the candidate occurs in the document
STEM_BONUS = 0.8  # a word with the candidate's stem occurs in the document
MIN_LEN = 3  # shorter words are too ambiguous to correct without a language model
MIN_ZIPF_EDIT = 2.0  # a candidate one real edit away must be at least this common
MIN_LEN_EDIT = 4  # ... and the word at least this long
LONG_WORD = 9  # words this long may get far candidates after a determiner
FAR_COST_PER_LETTER = 0.7  # ... at most this edit cost per letter
X_CANDIDATE_ZIPF = 3.0  # a word no dictionary has is offered as a correction from this Zipf on
MEMO_SIZE = 100_000  # words whose candidates a speller remembers
VOCABULARY_ZIPF = 3.5  # frequency given to the words of a user's vocabulary file
COMMON_ZIPF = 6.0  # a capitalised word may become a word this common that it folds to (Sao -> São)
MIN_CONFIDENCE = 0.6  # changes below this are not made (chosen on Bosque dev, see benchmarks/spelling.py)
MAX_MARGIN = 3.0
# Logistic model of "this change restores the intended word", fitted on Bosque train with
# injected typos: `python -m benchmarks.spelling --fit` prints these. (Refitted after issue 17's
# cost changes, the weights gave a lower recall on dev at the same precision, 0.840 against
# 0.850 at 0.6: these, fitted with the old costs, are kept.)
CONFIDENCE_WEIGHTS = {
    "bias": -1.787,
    "cost_fold": -2.892,
    "cost_other": -1.627,
    "marks_removed": -0.379,
    "margin": 0.789,
    "zipf": 0.907,
    "length": 0.204,
    "candidates": -0.216,
}
CONTEXT_CONFIDENCE = 0.8  # a far candidate backed by the context (see `suggest`)
DOCUMENT_CONFIDENCE = 0.8  # an accent or doubling fix to a spelling the document uses
# Real-word accent restoration (see accents.py): changes below this confidence are not made
# (chosen on Bosque dev's real-word track, see benchmarks/spelling.py).
RESTORE_CONFIDENCE = 0.85
PLACE_CONFIDENCE = 0.9  # a state or capital's name that lost its accent (`Amapa`, `no Para`)
# Words before a place name that is also a common word once its accent is lost (`no Para`).
PLACE_BEFORE = frozenset({"no", "do", "ao", "pelo", "em", "de"})
SLANG_PATH = Path(__file__).parent / "lang" / "pt" / "slang.tsv"
# Letter sequences that Portuguese spelling never has: a capitalised word with one of them is
# a typo, not a name (Confederaççao, Participaçao).
# Words that do not look Portuguese (two accented vowels, French and English endings): loans
# and foreign names are left as they are.
_FOREIGN = regex.compile(r"[áéíóúâêô].*[áéíóúâêôàè]|isme$|elle$|on$|[bcdfghjklmpqrtvwxz]s$")
_FOREIGN_DOUBLE = regex.compile(r"ll")
# Consonants that PT-PT spelling had before the 1990 agreement (acção, óptimo, projecto,
# coleccionar).
_PRE_1990 = regex.compile(r"[cp](?=[tç])|(?<=[aeiou])c(?=c[ie])")
# Vowels that PT-PT writes open and PT-BR closed (económico / econômico).
_PT_BR = regex.compile(r"[óé]")
# Spellings that the 1990 agreement (in force in Brazil since 2009) dropped, the form without the
# accent being today's: paroxytones in éi/ói (idéia, heróico), the trema (freqüente), êem/ôo
# (vêem, vôo), and the differential accents of pára, pêlo, pólo, pêra. Never restored.
PRE_REFORM = regex.compile(r"[éó]i(?!s?$)|ü|êem$|ôo|^(?:pára|pêlo|pêlos|pólo|pólos|pêra|pêras)$")
_IMPOSSIBLE = regex.compile(r"çç|ç[eiy]|ç$|ç(?:ao|oes|aes)$|(\p{L})\1\1")
PREFIX = 5  # ... sharing this many folded first letters


_DOUBLED = regex.compile(r"(.)\1+")


def fold(word: str) -> str:
    """Lower case, no diacritics, no doubled letters: the key that typos of accents share.

    >>> fold("Confederaççao"), fold("confederação")
    ('confederacao', 'confederacao')
    """
    return _DOUBLED.sub(r"\1", fold_text(word))


# Zipf values are stored as hundredths; one shared int object per value keeps the dict small.
_HUNDREDTHS = [i / 100 for i in range(1000)]


@dataclass
class Lexicon:
    """Words with their Zipf frequency and tag, and an index by folded form.

    Tags (see lang/build_lexicon.py): `V` finite verb form only, `N` a name, `X` a frequent word
    no dictionary has. `N` words and rarer `X` words are known but never offered as corrections.
    """

    zipf: Mapping[str, float]
    verbs: frozenset[str]
    _by_fold: Mapping[str, str | tuple[str, ...]] | None = None
    _sorted_folds: list[str] | None = None
    # Builds the two fold indexes on first use (a cached lexicon: about half its load time, and
    # only a word the lexicon lacks needs them; a clean one-line text never does).
    _pending: Callable[[], tuple[dict, list[str]]] | None = field(default=None, repr=False, compare=False)

    @property
    def by_fold(self) -> Mapping[str, str | tuple[str, ...]]:
        if self._by_fold is None:
            self._build_folds()
        return self._by_fold

    @property
    def sorted_folds(self) -> list[str]:
        if self._sorted_folds is None:
            self._build_folds()
        return self._sorted_folds

    def _build_folds(self) -> None:
        self._by_fold, self._sorted_folds = self._pending() if self._pending else ({}, [])
        self._pending = None

    @classmethod
    def load(cls, path: Path = LEXICON_PATH) -> Lexicon:
        """The lexicon in `path`, from its cache when there is one (see `_cache_file`)."""
        cache = _cache_file(path)
        cached = _read_cache(cache) if cache is not None else None
        if cached is not None:
            try:
                return cls._from_cache(cached)
            except (AttributeError, KeyError, IndexError, TypeError, ValueError):
                pass
        lexicon = cls.read(path)
        if cache is not None:
            _write_cache(cache, lexicon._to_cache())
        return lexicon

    def _to_cache(self) -> dict:
        """The tables as plain lists and strings: words by their position, so that they load shared;
        Zipf hundredths (0-999) as one character each, and the folded forms in sorted order, so that
        no list of a million numbers is built and freed at every start."""
        words = list(self.zipf)
        position = {word: i for i, word in enumerate(words)}
        return {
            "words": words,
            "hundredths": "".join(chr(round(z * 100)) for z in self.zipf.values()),
            "verbs": [position[v] for v in self.verbs],
            # a folded form that is its only word's own spelling (most are) is that word: "" here
            "folds": ["" if self.by_fold[key] == key else key for key in self.sorted_folds],
            "members": [
                position[m] if isinstance(m, str) else [position[w] for w in m]
                for m in map(self.by_fold.__getitem__, self.sorted_folds)
            ],
        }

    @classmethod
    def _from_cache(cls, data: dict) -> Lexicon:
        words = data["words"]
        word = words.__getitem__

        def folds() -> tuple[dict, list[str]]:
            try:
                members = [word(m) if isinstance(m, int) else tuple(map(word, m)) for m in data["members"]]
                keys = [key or member for key, member in zip(data["folds"], members, strict=True)]
                return dict(zip(keys, members, strict=True)), keys
            except (IndexError, TypeError, ValueError):  # a damaged cache: the table says it
                table = cls.read()
                return dict(table.by_fold), table.sorted_folds

        if len(data["folds"]) != len(data["members"]):
            raise ValueError("damaged cache")  # found now, not on first use: the table is read instead
        return cls(
            dict(zip(words, map(_HUNDREDTHS.__getitem__, map(ord, data["hundredths"])), strict=True)),
            frozenset(map(word, data["verbs"])),
            _pending=folds,
        )

    @classmethod
    def read(cls, path: Path = LEXICON_PATH) -> Lexicon:
        """The lexicon built from its TSV table."""
        zipf: dict[str, float] = {}
        verbs: set[str] = set()
        by_fold: dict[str, str | tuple[str, ...]] = {}
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            lines = fh.read().splitlines()
        # one pass, no function calls per line: this loop is most of the start-up time
        for line in lines:
            word, freq, tag, key = line.split("\t")
            zipf[word] = _HUNDREDTHS[int(freq)]
            if tag == "V":
                verbs.add(word)
            elif tag == "N" or (tag == "X" and zipf[word] < X_CANDIDATE_ZIPF):
                continue
            if "-" in word:
                continue
            key = key or word
            known = by_fold.get(key)
            by_fold[key] = word if known is None else (known, word) if isinstance(known, str) else (*known, word)
        return cls(zipf, frozenset(verbs), by_fold, sorted(by_fold))

    def __contains__(self, word: str) -> bool:
        return word in self.zipf

    def with_words(self, words: dict[str, float]) -> Lexicon:
        """This lexicon plus `words` (word -> Zipf), known and offered as corrections.

        The big tables are shared, not copied: the additions sit in small dicts in front.
        """
        words = {w.lower(): z for w, z in words.items() if w.lower() not in self.zipf}
        if not words:
            return self
        added: dict[str, str | tuple[str, ...]] = {}
        for word in words:
            key = fold(word)
            known = added.get(key, self.by_fold.get(key, ()))
            added[key] = (*_as_tuple(known), word)
        folds = sorted(set(self.sorted_folds) | set(added))
        return Lexicon(ChainMap(words, self.zipf), self.verbs, ChainMap(added, self.by_fold), folds)

    def same_fold(self, word: str) -> tuple[str, ...]:
        return _as_tuple(self.by_fold.get(fold(word), ()))

    def one_edit(self, word: str) -> set[str]:
        """Words whose folded form is one edit from the folded `word`."""
        found: set[str] = set()
        by_fold = self.by_fold
        # the few variants that are folded forms, picked out of the hundreds by one set operation
        for variant in by_fold.keys() & _edits1(fold(word)):
            found.update(_as_tuple(by_fold[variant]))
        return found

    def with_prefix(self, word: str, length: int = PREFIX) -> list[str]:
        """Words whose folded form starts like the folded `word`."""
        prefix = fold(word)[:length]
        i = bisect_left(self.sorted_folds, prefix)
        out: list[str] = []
        while i < len(self.sorted_folds) and self.sorted_folds[i].startswith(prefix):
            out.extend(_as_tuple(self.by_fold[self.sorted_folds[i]]))
            i += 1
        return out


def _as_tuple(hit: str | tuple[str, ...]) -> tuple[str, ...]:
    return (hit,) if isinstance(hit, str) else hit


@cache
def default_lexicon() -> Lexicon:
    return Lexicon.load()


# The built lexicon and hunspell's .dic entries are kept in cache files (JSON of plain lists, which
# the C decoder reads without a Python loop per line; data only, never code), which read 2 to 3
# times faster than the tables. A file is named by
# its table's content, so a new table gets a new file; PTPIPE_CACHE_DIR moves the folder (default
# ~/.cache/ptpipe), PTPIPE_CACHE_DIR=off turns the caches off. The first run builds them.
CACHE_FORMAT = 4


def _tags(data: dict) -> dict:
    """A .dic entry's tags as spylls holds them: a defaultdict when there are any, else a dict."""
    return defaultdict(list, data) if data else {}


def _cache_file(path: Path, kind: str = "lexicon") -> Path | None:
    folder = os.environ.get("PTPIPE_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache"), "ptpipe"
    )
    if folder == "off":
        return None
    try:
        digest = hashlib.sha1(path.read_bytes()).hexdigest()[:16]
    except OSError:
        return None
    python = f"{sys.version_info[0]}{sys.version_info[1]}"
    return Path(folder) / f"{kind}-{digest}-py{python}-v{CACHE_FORMAT}.json"


def _read_cache(cache: Path):
    """What `_write_cache` wrote, or None."""
    enabled = gc.isenabled()
    gc.disable()  # many new objects: collections while they come would visit them all, often
    try:
        with open(cache, encoding="utf-8") as fh:
            return json.load(fh)
    except (OSError, EOFError, ValueError, TypeError):
        return None
    finally:
        if enabled:
            gc.enable()


def _write_cache(cache: Path, data: tuple) -> None:
    """Write the cache beside its final name, then rename: readers never see half a file."""
    partial = cache.with_name(f"{cache.name}.{os.getpid()}.tmp")
    try:
        cache.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "w", encoding="utf-8") as fh:
            json.dump(data, fh, ensure_ascii=False, separators=(",", ":"))
        os.replace(partial, cache)
    except (OSError, ValueError):  # a read-only home (the next run reads the table again), or odd data
        partial.unlink(missing_ok=True)


def _edits1(word: str) -> set[str]:
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    deletes = {a + b[1:] for a, b in splits if b}
    swaps = {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    replaces = {a + c + b[1:] for a, b in splits if b for c in _ALPHABET}
    inserts = {a + c + b for a, b in splits for c in _ALPHABET}
    return deletes | swaps | replaces | inserts


# Keyboard neighbours on the Brazilian ABNT2 and Portuguese layouts (letter keys only).
_ROWS = ("qwertyuiop", "asdfghjklç", "zxcvbnm")
NEIGHBOURS = {
    ch: frozenset(
        _ROWS[r2][c2]
        for r2 in range(max(0, r - 1), min(len(_ROWS), r + 2))
        for c2 in range(max(0, c - 1), c + 2)
        if c2 < len(_ROWS[r2]) and (r2, c2) != (r, c)
    )
    for r, row in enumerate(_ROWS)
    for c, ch in enumerate(row)
}


_BASE_OF = {chr(code): base for code, base in BASE_LETTER.items()}
_VOWELS = frozenset("aeiou")


def _base(ch: str) -> str:
    return _BASE_OF.get(ch, ch)


def _substitution(typed: str, meant: str) -> float:
    if typed == meant:
        return 0.0
    typed_base, meant_base = _base(typed), _base(meant)
    if typed_base == meant_base:
        if meant == meant_base:
            return COST_ACCENT_REMOVED
        return COST_ACCENT_LOST if typed == typed_base else COST_ACCENT
    if typed_base in _VOWELS and meant_base in _VOWELS:
        return COST_SUBSTITUTE  # `maos` is `mãos` with its tilde lost, not `mais` mistyped
    if meant in NEIGHBOURS.get(typed, ()) or meant_base in NEIGHBOURS.get(typed_base, ()):
        return COST_NEIGHBOUR
    return COST_SUBSTITUTE


# Substitution costs between the letters of Portuguese words, worked out once: the edit cost's
# inner loop looks them up (calling `_substitution` for every pair of letters was most of its time).
_LETTERS = "abcdefghijklmnopqrstuvwxyzáàâãçéêíóôõúü"
_SUBSTITUTIONS = {typed: {meant: _substitution(typed, meant) for meant in _LETTERS} for typed in _LETTERS}


def _substitution_costs(typed: str, meant: str) -> list[float]:
    """The cost of typing the letter `typed` for each letter of `meant`."""
    known = _SUBSTITUTIONS.get(typed, {})
    return [known[ch] if ch in known else _substitution(typed, ch) for ch in meant]


@lru_cache(maxsize=200_000)
def edit_cost(typed: str, meant: str) -> float:
    """Weighted Damerau-Levenshtein cost of the typos that turn `meant` into `typed` (lower case).

    >>> edit_cost("participaçao", "participação"), edit_cost("superintende", "superintendente")
    (0.3, 4.5)
    """
    return round(_edit_cost(typed, meant), 3)


def edit_cost_within(typed: str, meant: str, limit: float) -> bool:
    """`edit_cost(typed, meant) <= limit`, without working out the whole cost of a far word."""
    # the margin keeps a cost that rounds down to the limit in: only surely dearer words stop early
    return round(_edit_cost(typed, meant, limit + 0.01), 3) <= limit


def _edit_cost(typed: str, meant: str, give_up: float = math.inf) -> float:
    """The unrounded cost; `math.inf` as soon as it is sure to exceed `give_up`."""
    a, b = typed, meant
    n, m = len(a), len(b)
    extra = _run_costs(a, COST_EXTRA)  # extra[i]: cost of typed letter a[i-1] being one too many
    missing = _run_costs(b, COST_MISSING)  # missing[j]: cost of meant letter b[j-1] left out
    for j in range(1, m):
        if b[j - 1] in "nm" and b[j] not in _VOWELS and b[j] not in "nmh" and j > 1:
            missing[j] = min(missing[j], COST_NASAL)
    prev2: list[float] = []
    prev = [0.0]
    for j in range(1, m + 1):
        prev.append(prev[-1] + missing[j])
    for i in range(1, n + 1):
        ch, extra_i = a[i - 1], extra[i]
        substitution = _substitution_costs(ch, b)  # 0.0 where the letters are the same
        cur = [prev[0] + extra_i] + [0.0] * m
        for j in range(1, m + 1):
            best = prev[j - 1] + substitution[j - 1]
            cost = prev[j] + extra_i
            if cost < best:
                best = cost
            cost = cur[j - 1] + missing[j]
            if cost < best:
                best = cost
            if i > 1 and j > 1 and ch == b[j - 2] and a[i - 2] == b[j - 1] and ch != a[i - 2]:
                cost = prev2[j - 2] + COST_SWAP
                if cost < best:
                    best = cost
            cur[j] = best
        # Every way through the table passes through one of two consecutive rows (a swap skips
        # one row, never two) and costs only add up: past `give_up` in both, the cost is too.
        if min(cur) > give_up and min(prev) > give_up:
            return math.inf
        prev2, prev = prev, cur
    return prev[m]


def _run_costs(word: str, cost: float) -> list[float]:
    """Per letter (1-based), the cost of adding or dropping it: cheap right after its twin."""
    bases = [_base(ch) for ch in word]
    return [0.0] + [COST_DOUBLE if i > 0 and bases[i - 1] == bases[i] else cost for i in range(len(word))]


@dataclass(frozen=True)
class Suggestion:
    word: str
    score: float
    cost: float
    confidence: float
    features: dict[str, float] = field(default_factory=dict)
    in_document: bool = False  # the word or its stem occurs in the document


@cache
def hunspell_accepts() -> Callable[[str], bool]:
    """`word -> bool` from the pt-PT hunspell dictionary (loaded once)."""
    return hunspell_dictionary().lookup


def hunspell_dictionary(path: Path = HUNSPELL_PATH):
    """The spylls `Dictionary` for `path` (.aff and .dic), its .dic entries from the cache when there is one.

    spylls spends most of its loading time (about 1 s, over 2 s on a busy machine) reading the .dic
    file line by line; the entries it makes of it (stem, flags, tags, capitalisation, and the two
    indexes) are kept in a JSON cache beside the lexicon's, from which they are rebuilt 2 to 3
    times faster. The .aff file (affix rules) is read as spylls reads it.
    """
    from spylls.hunspell import Dictionary, readers
    from spylls.hunspell.readers.file_reader import FileReader

    aff, context = readers.read_aff(FileReader(f"{path}.aff"))
    dic_path = Path(f"{path}.dic")
    cache = _cache_file(dic_path, "hunspell")
    entries = _read_cache(cache) if cache is not None else None
    if entries is not None:
        try:
            return Dictionary(aff, _dic_from_cache(entries))
        except (AttributeError, KeyError, IndexError, TypeError, ValueError):
            pass  # not what _write_cache wrote: read the .dic
    rep = len(aff.REP)
    dic = readers.read_dic(FileReader(str(dic_path), encoding=context.encoding), aff=aff, context=context)
    if cache is not None and len(aff.REP) == rep:  # `ph:` tags change the .aff's tables: no cache then
        position = {id(word): i for i, word in enumerate(dic.words)}
        words = [(w.stem, sorted(w.flags), dict(w.data), w.captype.name, w.alt_spellings) for w in dic.words]
        index = {stem: [position[id(w)] for w in ws] for stem, ws in dic.index.items()}
        lower = {stem: [position[id(w)] for w in ws] for stem, ws in dic.lowercase_index.items()}
        _write_cache(cache, [words, index, lower])
    return Dictionary(aff, dic)


def _dic_from_cache(entries: list):
    from spylls.hunspell.data.dic import CapType, Dic, Word

    words, index, lower = entries
    captypes = {t.name: t for t in CapType}
    enabled = gc.isenabled()
    gc.disable()
    try:
        made = [
            Word(stem=stem, flags=set(flags), data=_tags(data), captype=captypes[kind], alt_spellings=alt)
            for stem, flags, data, kind, alt in words
        ]
        dic = Dic(words=made)
        dic.index.update((stem, [made[i] for i in ids]) for stem, ids in index.items())
        dic.lowercase_index.update((stem, [made[i] for i in ids]) for stem, ids in lower.items())
    finally:
        if enabled:
            gc.enable()
    return dic


class Speller:
    """Corrects the words of one text; `edits(text)` is the normalise step.

    `accepts` is a second opinion asked before a change (a hunspell lookup by default;
    None to go by the lexicon alone).
    """

    def __init__(
        self,
        lexicon: Lexicon | None = None,
        accepts: Callable[[str], bool] | bool | None = True,
        vocabulary: Iterable[str] = (),
        restore: bool = True,
    ):
        self.lexicon = lexicon or default_lexicon()
        vocabulary = list(vocabulary)
        # a vocabulary word keeps its own spelling when offered (`SUASWeb`, not `suasweb`)
        self._spelt = {w.lower(): w for w in vocabulary if w != w.lower()}
        if vocabulary:  # the user's own words: known, never changed, offered as corrections
            self.lexicon = self.lexicon.with_words(dict.fromkeys(vocabulary, VOCABULARY_ZIPF))
        # hunspell (about 0.5 s to load) is loaded on the first word it is asked about
        self._lazy_accepts = accepts is True
        self.accepts = None if accepts is True else accepts or None
        self._memo: dict[tuple[str, bool, bool], tuple[tuple, bool]] = {}
        self._memo_accepts: dict[str, bool] = {}
        # the accent model (about 0.2 s to load) is loaded on the first text it is needed for
        self.restore = restore
        self._model: accents.AccentModel | None = None
        self._vocabulary = frozenset(w.lower() for w in vocabulary)  # the user's words: never restored
        self._memo_keys = _TokenKeys()

    def edits(self, text: str) -> list[Edit]:
        made = [(start, end, word, s) for start, end, word, s in self.proposals(text) if s.confidence >= MIN_CONFIDENCE]
        out = [
            Edit(start, end, self._spelt.get(s.word) or _same_case(word, s.word), "spelling", s.confidence)
            for start, end, word, s in made
        ]
        if self.restore:
            lost = sum(1 for _, _, word, s in made if _lost_accents(word.lower(), s.word))
            restored = self.restorations(text, lost=lost, skip=(start for start, *_ in made))
            if restored:
                out = sorted(out + restored, key=lambda e: e.start)
        return out

    def restorations(self, text: str, *, lost: int = 0, skip: Iterable[int] = ()) -> list[Edit]:
        """Words typed without the accent that another word has (`esta` -> `está`), chosen from the
        context (see accents.py), and place names that lost theirs (`no Para`, `Amapa`). `lost`:
        the words of the text that the spelling step gave back their accents (with the words
        that kept theirs, the chance that a meant accent is missing); `skip`: starts of words
        already corrected."""
        if self._model is None:
            self._model = accents.default_model()
        classes = self._model.classes
        places = place_names()
        lower = text.lower()
        if len(lower) == len(text):
            # one regex pass over the lower-cased text finds the words to weigh; lower() keeps each
            # character a letter, digit, space or mark as it was (checked over all of Unicode), so
            # these are the tokens of `text`, at the same offsets
            lows = accents.TOKEN.findall(lower)
            weighed = self._to_weigh(lows, classes, places)
            if not weighed:
                return []
            starts = _token_starts(lower, lows[: weighed[-1] + 1])
            k = self._keys(lows)
        else:  # lower() changed a length (`İ`): token by token
            matches = list(accents.TOKEN.finditer(text))
            lows = [m.group().lower() for m in matches]
            weighed = self._to_weigh(lows, classes, places)
            starts = [m.start() for m in matches]
            k = accents.keys(lows)
        verbs = list(map(self.lexicon.verbs.__contains__, lows))
        rate = accents.strip_rate(len(_ACCENTED_WORD.findall(text)), lost)
        skip = set(skip)
        out: list[Edit] = []
        for i in weighed:
            start = starts[i]
            if start in skip:
                continue
            low = lows[i]
            token = text[start : start + len(low)]
            if low == token:
                edit = self._restore(text, start, token, low, k, verbs, i, False, rate) if low in classes else None
            else:
                edit = self._restore_capital(text, start, token, k, verbs, i, rate)
            if edit is not None:
                out.append(edit)
        return out

    def _to_weigh(self, lows: list[str], classes: Mapping, places: Mapping) -> list[int]:
        """Positions of the tokens that have several spellings or are a place's name, but the user's words."""
        vocabulary = self._vocabulary
        return [i for i, low in enumerate(lows) if (low in classes or low in places) and low not in vocabulary]

    def _keys(self, lows: list[str]) -> list[str]:
        """The keys of lower-cased tokens (see `_TokenKeys`), each distinct token worked out once."""
        if len(self._memo_keys) >= MEMO_SIZE:
            self._memo_keys.clear()
        return list(map(self._memo_keys.__getitem__, lows))

    def _restore(self, text: str, start: int, token: str, low: str, k, verbs, i: int, capital: bool, rate: float):
        if low in SLANG or _not_prose(text, start):
            return None
        spellings = self._model.classes[low]
        probs = self._model.probabilities(low, k, verbs, i, capital)
        best, confidence = accents.posterior(low, spellings, probs, rate)
        if confidence < RESTORE_CONFIDENCE:
            return None
        return Edit(start, start + len(token), _same_case(token, best), "spelling", round(confidence, 3))

    def _restore_capital(self, text: str, start: int, token: str, k, verbs, i: int, rate: float) -> Edit | None:
        if not token[1:].islower() or _not_prose(text, start):
            return None  # acronyms, CamelCase, addresses
        low = token.lower()
        previous = k[i - 1] if i > 0 else "<s>"
        place = place_names().get(low)
        if place is not None and place != token:
            if low not in self.lexicon.zipf or _place_context(k, i):
                return Edit(start, start + len(token), place, "spelling", PLACE_CONFIDENCE)
            return None
        if previous in accents.SENTENCE_START and low in self._model.classes:
            return self._restore(text, start, token, low, k, verbs, i, True, rate)
        return None

    def proposals(self, text: str) -> list[tuple[int, int, str, Suggestion]]:
        """(start, end, word, suggestion) for every unknown word that has a suggestion."""
        # most texts have no unknown word: the words alone (no offsets) say so, looked up in C
        if all(map(self.lexicon.zipf.__contains__, map(str.lower, _WORD.findall(text)))):
            return []
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        unknown = [w for w in words if w[2].lower() not in self.lexicon.zipf]
        if not unknown:
            return []
        counts: dict[str, int] = {}
        for _, _, word in words:
            counts[word] = counts.get(word, 0) + 1
        doc_vocab = {w[2].lower() for w in words}  # evidence: the document's own spellings
        index = {start: i for i, (start, _, _) in enumerate(words)}
        out = []
        for start, end, word in unknown:
            repeated_name = counts[word] > 1 and word[0].isupper()
            if repeated_name or not self._correctable(word) or _not_prose(text, start):
                continue
            i = index[start]
            previous = words[i - 1][2].lower() if i > 0 and _adjacent(text, words[i - 1][1], start) else ""
            suggestion = self.suggest(word, previous=previous, doc_vocab=doc_vocab)
            if suggestion is not None and not self._accepted(word):
                out.append((start, end, word, suggestion))
        return out

    @staticmethod
    def _correctable(word: str) -> bool:
        if len(word) < MIN_LEN or "-" in word or "'" in word or "’" in word or word.lower() in SLANG:
            return False
        return not (word.isupper() or any(ch.isupper() for ch in word[1:]))  # acronyms, CamelCase

    def suggest(self, word: str, *, previous: str = "", doc_vocab: frozenset[str] | set[str] = frozenset()):
        """The best correction of one unknown word, or None to leave it."""
        lower = word.lower()
        if _FOREIGN.search(_DOUBLED.sub(r"\1", lower)) or _FOREIGN_DOUBLE.search(lower):
            return None
        candidates, far = self._candidates(lower, word[0].isupper(), previous in DETERMINERS)
        ranked = sorted(
            (self._score(lower, c, cost, doc_vocab) for c, cost in candidates),
            key=lambda s: (-s.score, s.cost, s.word),
        )
        if not ranked:
            return None
        best = ranked[0]
        if _PRE_1990.sub("", lower) == best.word or _PT_BR.sub(_pt_br, lower) == _PT_BR.sub(_pt_br, best.word):
            return None  # projectista, lacónica: PT-PT spellings of projetista, lacônica
        margin = min(MAX_MARGIN, best.score - ranked[1].score) if len(ranked) > 1 else MAX_MARGIN
        if margin <= 0:  # two readings equally likely: leave the word as written
            return None
        same_fold = fold(lower) == fold(best.word)
        features = {
            "bias": 1.0,
            "cost_fold": best.cost if same_fold else 0.0,  # accents, cedillas, doubled letters
            "cost_other": 0.0 if same_fold else best.cost,
            "marks_removed": max(0, _marks(lower) - _marks(best.word)),
            "margin": margin,
            "zipf": self.lexicon.zipf[best.word],
            "length": len(lower),
            "candidates": math.log(len(ranked)),
        }
        # A far candidate found through the context has two signals for it (no finite verb
        # after an article; most of the word in place): its confidence is the context's.
        confidence = CONTEXT_CONFIDENCE if far and margin >= 1 else _confidence(features)
        if same_fold and best.in_document:
            # the document itself spells the word (or its stem) this way: `socioassistêncial`
            # beside `socioassistenciais` (the injected sentences never have that evidence)
            confidence = max(confidence, DOCUMENT_CONFIDENCE)
        return Suggestion(best.word, best.score, best.cost, confidence, features, best.in_document)

    def _accepted(self, word: str) -> bool:
        """The second opinion (hunspell), memoised like the candidates."""
        if self._lazy_accepts:
            self.accepts, self._lazy_accepts = hunspell_accepts(), False
        if self.accepts is None:
            return False
        if word not in self._memo_accepts:
            if len(self._memo_accepts) >= MEMO_SIZE:
                self._memo_accepts.clear()
            self._memo_accepts[word] = bool(self.accepts(word))
        return self._memo_accepts[word]

    def _candidates(self, lower: str, name_like: bool, after_determiner: bool) -> tuple[tuple, bool]:
        """(candidate, edit cost) pairs for a word, and whether they are far ones; memoised, as
        the same misspellings and names come back release after release."""
        key = (lower, name_like, after_determiner)
        if key not in self._memo:
            if len(self._memo) >= MEMO_SIZE:
                self._memo.clear()
            self._memo[key] = self._find_candidates(lower, name_like, after_determiner)
        return self._memo[key]

    def _find_candidates(self, lower: str, name_like: bool, after_determiner: bool) -> tuple[tuple, bool]:
        zipf = self.lexicon.zipf
        candidates = set(self.lexicon.same_fold(lower))
        if name_like and not _IMPOSSIBLE.search(lower):
            # a name keeps its spelling (Antonio, Motta) unless it folds to a very common word
            candidates = {c for c in candidates if zipf[c] >= COMMON_ZIPF}
        if not name_like and len(lower) >= MIN_LEN_EDIT:
            candidates |= {c for c in self.lexicon.one_edit(lower) if zipf[c] >= MIN_ZIPF_EDIT}
        far = False
        if after_determiner:
            candidates = {c for c in candidates if c not in self.lexicon.verbs}
            if not candidates and not name_like and len(lower) >= LONG_WORD:
                candidates, far = self._far(lower), True
        return tuple((c, edit_cost(lower, c)) for c in sorted(candidates)), far

    def _far(self, lower: str) -> set[str]:
        limit = FAR_COST_PER_LETTER * len(lower)
        # each letter more or less costs at least COST_DOUBLE: a cheap bound before the full cost
        max_gap = limit / COST_DOUBLE
        return {
            c
            for c in self.lexicon.with_prefix(lower)
            if abs(len(c) - len(lower)) <= max_gap
            and c not in self.lexicon.verbs
            and self.lexicon.zipf[c] >= MIN_ZIPF_EDIT
            and edit_cost_within(lower, c, limit)
        }

    def _score(self, lower: str, candidate: str, cost: float, doc_vocab) -> Suggestion:
        score = self.lexicon.zipf[candidate] - cost
        bonus = 0.0
        if candidate in doc_vocab:
            bonus = DOC_BONUS
        elif len(candidate) >= 7 and any(w.startswith(candidate[:-2]) and w != lower for w in doc_vocab):
            bonus = STEM_BONUS
        return Suggestion(candidate, score + bonus, cost, 0.0, in_document=bonus > 0)


def _read_slang(path: Path = SLANG_PATH) -> frozenset[str]:
    words = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.split("#", 1)[0].split("\t", 1)[0].strip()
            if word:
                words.add(word.lower())
    return frozenset(words)


# Abbreviations and slang of hurried or informal writing (`vc`, `pq`, `qndo`, `facul`): left as
# written, never "corrected" to the nearest frequent word (`qndo` -> `ando`, `ceis` -> `seis`).
SLANG: frozenset[str] = _read_slang()


@cache
def place_names() -> dict[str, str]:
    """Folded one-word names of the states and their capitals that have a diacritic -> the name
    (`amapa` -> `Amapá`, `para` -> `Pará`, `maceio` -> `Maceió`): the IBGE tables shipped."""
    from .lang.pt.places import municipalities
    from .lang.pt.states import STATES

    capitals = {"Belém", "Macapá", "Maceió", "Vitória", "Cuiabá", "Goiânia", "Brasília", "Florianópolis"}
    names = [name for _, name, _, _ in STATES] + sorted(capitals & set(municipalities()))
    return {fold_text(n): n for n in names if " " not in n and fold_text(n) != n.lower()}


def _place_context(k: list[str], i: int) -> bool:
    """Does the context say a place (`no Para`, `do Para`, `(Para)`, `Belém/Para`)?"""
    previous = k[i - 1] if i > 0 else ""
    following = k[i + 1] if i + 1 < len(k) else ""
    return previous in PLACE_BEFORE or previous == "/" or (previous == "(" and following == ")")


class _TokenKeys(dict):
    """Lower-cased token -> its key for the accent model's features, worked out on first sight.

    The key is what one pass over the whole folded text (`str.translate`, numbers as `0`, line
    breaks as `¶`) would give the token: `accents.key`, except that any numeral (`½`) is `0`.
    """

    def __missing__(self, token: str) -> str:
        if token == "\n":
            key = "¶"
        elif _NUMBER.match(token):
            key = "0"
        else:
            key = token.translate(BASE_LETTER)
        self[token] = key
        return key


def _token_starts(text: str, tokens: list[str]) -> list[int]:
    """Where each of `tokens`, the first tokens of `text` (`accents.TOKEN`), starts. Only spaces
    lie between two of them (a line break is a token), so each starts at the first occurrence of
    its text after the end of the token before."""
    starts = []
    pos = 0
    for token in tokens:
        pos = text.find(token, pos)
        starts.append(pos)
        pos += len(token)
    return starts


def _lost_accents(typed: str, meant: str) -> bool:
    """Is `meant` the typed word with the accents it lost (`nao` -> `não`)?"""
    return typed != meant and typed == meant.translate(BASE_LETTER)


_ACCENTED_WORD = regex.compile(r"[^\W\d_a-zA-Z]\p{L}*")
_NUMBER = regex.compile(r"\p{N}+(?:[.,]\p{N}+)*")  # as accents.TOKEN reads one: its key is `0`


def _marks(word: str) -> int:
    """Letters with a diacritic."""
    return sum(1 for ch in word if ch != _base(ch))


def _pt_br(match: regex.Match) -> str:
    return {"ó": "ô", "é": "ê"}[match.group()]


def _confidence(features: dict[str, float]) -> float:
    """The probability that the change is right, from a logistic model fitted on injected typos."""
    z = sum(CONFIDENCE_WEIGHTS[name] * value for name, value in features.items())
    return round(1 / (1 + math.exp(-z)), 3)


def _same_case(original: str, replacement: str) -> str:
    if original[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def _not_prose(text: str, pos: int) -> bool:
    """Is `pos` inside a whitespace-delimited token that is a URL, an address, a tag or a handle?"""
    left = pos
    while left > 0 and not text[left - 1].isspace():
        left -= 1
    right = pos
    while right < len(text) and not text[right].isspace():
        right += 1
    return _NOT_PROSE.search(text, left, right) is not None


def _adjacent(text: str, left_end: int, right_start: int) -> bool:
    """Only whitespace between two words (no punctuation breaks the context)."""
    return not text[left_end:right_start].strip()


def read_vocabulary(path: str | Path) -> list[str]:
    """Words from a vocabulary file: one per line (or the first tab-separated field), `#` comments."""
    words = []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            word = line.split("#", 1)[0].split("\t", 1)[0].strip()
            if word:
                words.append(word)
    return words


def spelling(text: str) -> list[Edit]:
    """The normalise step: spelling corrections with the default lexicon."""
    return _default_speller().edits(text)


@cache
def _default_speller() -> Speller:
    return Speller()
