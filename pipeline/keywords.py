"""Stage 5, keywords: ranked keyphrases of a document (themes are `themes.py`).

Candidates are runs of nouns, proper nouns and adjectives inside a sentence, joined by
`de`/`da`/`do` (`transferência de renda`), never crossing punctuation, stop words, verbs or the
entities that are values (money, dates, amounts: never keyphrases). Since issue 22 the names a
text is about compete too: a person, place or state said at least twice (`Nelson Jobim`, with
`Jobim` counted in), an acronym (`STF`, `SUS`), but not a state code or a line in capitals.
Phrases are counted by the lemmas of their content words (`conferência municipal` =
`conferências municipais`), shown in the text's most frequent surface form, and scored by
frequency, length, position, spread and specificity: how rare their words are in about 14,600
Portuguese documents that are not ours (`lang/pt/docfreq.tsv.gz`) and, given a batch, in the
batch (see `keywords` and `Ranking`, whose default the benchmark chose).
"""

from __future__ import annotations

import gzip
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import numpy as np
import regex
from spacy.attrs import ENT_IOB, ENT_TYPE, IS_ALPHA, IS_UPPER, LEMMA, LENGTH, LOWER, ORTH, POS
from spacy.lang.pt.stop_words import STOP_WORDS
from spacy.symbols import IDS
from spacy.tokens import Doc

from .lang.pt.states import STATES
from .spelling import default_lexicon
from .textutil import fold

_JOINERS = frozenset({"de", "da", "do", "das", "dos"})
_VALUE_LABELS = frozenset({"MONEY", "DATE", "STATE", "CARDINAL", "PERCENT"})
# Entities that name who and where, not what a release is about (places were let in at first;
# the benchmark's gold showed `montes claros`, `bairro major prates` crowding out topics).
_NOT_TOPICS = _VALUE_LABELS | {"PER", "LOC"}
_CONTENT_POS = frozenset({"NOUN", "PROPN", "ADJ"})
_MAX_WORDS = 4
TOP_K = 10
BACKGROUND_CEILING = 7.0  # Zipf of the commonest words: they weigh (7 - zipf) / 3
_WORD = regex.compile(r"\w+")
BACKGROUND_PATH = Path(__file__).parent / "lang" / "pt" / "docfreq.tsv.gz"
WORDS_PER_DOCUMENT = 540  # the background's average (7.9 M words of raw-pt in 14,579 documents)
_NAME_LABELS = frozenset({"PER", "LOC", "STATE"})
_UF_CODES = frozenset(uf for uf, *_ in STATES)
_DAMPING = 0.85
_PAGERANK_STEPS = 50


@dataclass(frozen=True)
class Ranking:
    """How `keywords` ranks its candidates (the default is the variant the benchmark chose).

    - `ranker`: `frequency` (the first scorer: frequency, length, position, spread), or a graph
      of the candidates' words linked when they come within `window` words of each other, ranked
      by PageRank: `singlerank` (no bias) or `positionrank` (biased to words that come early).
      A phrase's graph score is the sum of its words' scores over `n_words ** length_norm`.
    - `specificity`: `zipf` (the spelling lexicon's frequencies), `background` (document
      frequencies of the words in `pt/docfreq.tsv.gz`), `background_phrase` (the phrase's own
      document frequency there when it has one), `background_zipf` (`background`, each word
      capped by what its Zipf frequency implies), or `none`; raised to `specificity_power`.
    - `name_specificity`, `name_weight`: a name's specificity is capped, its score multiplied.
    - `lead_bonus`: a phrase first seen in the first sentence (a headline) scores 1 + this.
    - `phrase_bonus`: each word after the first adds this to a phrase's score (frequency ranker).
    - `graph`, `graph_power`: the frequency score times the graph's mean word score (relative to
      the mean node) to this power.
    - `part_ratio`: a phrase inside a better one is dropped unless this many times as frequent.
    - `batch_power`: the batch's document frequencies (when given) weigh to this power.
    - `lone_adjectives`: whether an adjective alone may be a keyphrase.
    - `names`: people, places and acronyms may be keyphrases when said at least `name_min_count`
      times (dates and amounts never are).
    """

    ranker: str = "frequency"
    specificity: str = "zipf"
    specificity_power: float = 1.0
    window: int = 10
    length_norm: float = 0.0
    phrase_bonus: float = 0.5
    graph_power: float = 0.0
    graph: str = "singlerank"
    part_ratio: float = 2.0
    lead_bonus: float = 0.0
    names: bool = False
    name_kinds: str = "all"
    name_min_count: int = 2
    name_weight: float = 1.0
    name_specificity: float = 1.0
    batch_power: float = 1.0
    lone_adjectives: bool = True


# Chosen by the benchmark (issue 22) on the releases' gold and the news dev set, never on the blind set.
DEFAULT_RANKING = Ranking(
    ranker="frequency",
    specificity="background",
    names=True,
    name_specificity=0.6,
    lead_bonus=0.5,
    lone_adjectives=False,
)


def keywords(
    doc: Doc,
    *,
    top_k: int = TOP_K,
    document_frequency: DocumentFrequency | None = None,
    sentences: list | None = None,
    ranking: Ranking = DEFAULT_RANKING,
) -> list[dict]:
    """The record's `keywords`: `{"text", "lemma", "score", "count"}`, best first.

    A phrase scores by how central it is in the text (see `Ranking`) times how specific its
    words are: rare in Portuguese at large (`ano`, `dia`, `parte` weigh little) and, given a
    `document_frequency` of the batch, rare in the other documents (TF-IDF-like). `sentences`:
    the doc's sentences when the caller has them already (`doc.sents` walks every token each
    time it is asked for).
    """
    n_tokens = max(len(doc), 1)
    sentences = sentences if sentences is not None else list(doc.sents)
    lead_end = sentences[0].end if sentences else 0  # the first sentence: a headline, a lead
    table = _Tokens(doc, verbs=default_lexicon().verbs)
    found = _Found(table, ranking.lone_adjectives)
    _candidates(sentences, ranking.name_kinds if ranking.names else "", table, found)
    counts, first, last = found.tally()
    # a name's first and last token, where shorter names count with it
    span = {key: (first[key][0], last[key][0]) for key in found.name_keys}
    if ranking.names:
        _merge_short_names(counts, span)
    graph = None
    if ranking.ranker != "frequency" or ranking.graph_power:
        lemma_of = {i: lemma for i, lemma in enumerate(table.lemma) if lemma is not None}
        graph = _graph_scores(doc, lemma_of, ranking)
    mean_node = sum(graph.values()) / len(graph) if graph else 1.0
    scored = []  # (-score, key, count): sorted best first, then by key
    memo: dict[str, float] = {}
    frequency, phrase_bonus, lead_bonus = ranking.ranker == "frequency", ranking.phrase_bonus, ranking.lead_bonus
    for key, count in counts.items():
        is_name = key in span
        if is_name:
            if count < ranking.name_min_count:
                continue
            first_at, last_at = span[key]
        elif count < 2 and " " not in key:
            continue  # a single word said once is rarely what a text is about (most candidates)
        else:
            first_at, last_at = first[key][0], last[key][0]
        n_words = key.count(" ") + 1
        if frequency:
            position = 1.0 - first_at / n_tokens
            spread = (last_at - first_at) / n_tokens
            central = (1 + math.log(count)) * (1 + phrase_bonus * (n_words - 1)) * (0.5 + 0.5 * position) * (1 + spread)
            if graph and ranking.graph_power:
                words = key.split(" ")
                central *= (sum(graph.get(w, 0.0) for w in words) / len(words) / mean_node) ** ranking.graph_power
        else:
            central = sum(graph.get(w, 0.0) for w in key.split(" ")) / n_words**ranking.length_norm
        if is_name:
            central *= ranking.name_weight
        if lead_bonus and first_at < lead_end:
            central *= 1 + lead_bonus
        start, stop, _ = first[key]  # the words as first said
        specific = _specificity(table.content_lower(start, stop), document_frequency, ranking, memo)
        if is_name:
            specific = min(specific, ranking.name_specificity)
        scored.append((-(central * specific**ranking.specificity_power), key, count))
    scored.sort()
    top = _without_parts(scored, ranking.part_ratio, top_k)
    best = -top[0][0] if top and -top[0][0] > 0 else 1.0
    said = found.occurrences({key for _, key, _ in top})  # the surfaces are built for the phrases kept only
    return [
        {"text": _commonest(said[key], table), "lemma": key, "score": round(-negative / best, 4), "count": count}
        for negative, key, count in top
    ]


class _Found:
    """The candidates in the order they are found: each one's key (the lemmas of its content
    words, `_Tokens.key`) and where it is said, `(start, stop, is_name)`. Two flat lists, counted
    by `Counter` (`tally`): most candidates are words said once, which `keywords` drops, and a
    dict entry per candidate, built in Python, was the stage's largest cost."""

    def __init__(self, table: _Tokens, lone_adjectives: bool) -> None:
        self.table = table
        self.lone_adjectives = lone_adjectives
        self.keys: list[str] = []
        self.said: list[tuple[int, int, bool]] = []
        self.name_keys: set[str] = set()  # the keys said at least once as a name

    def name(self, start: int, stop: int) -> None:
        key = self.table.key(start, stop)
        self.keys.append(key)
        self.said.append((start, stop, True))
        self.name_keys.add(key)

    def run(self, start: int, stop: int) -> None:
        """A run of content words with inner joiners (tokens `start` to `stop`): every content
        n-gram of up to `_MAX_WORDS` words in it, the run itself when short enough; by size, then
        position."""
        table = self.table
        while table.lemma[stop - 1] is None:  # a trailing joiner (a run starts with a content word)
            stop -= 1
        if stop - start == 1:  # half the runs: one word
            if (self.lone_adjectives or start not in table.adjective) and start not in table.verb:
                self.keys.append(table.lemma[start])
                self.said.append((start, stop, False))
            return
        lemmas = table.lemma[start:stop]
        if None in lemmas or not table.verb.isdisjoint(range(start, stop)):
            self._one_by_one(start, stop)
            return
        # words only: a window's key is its lemmas joined (the windows of a size are a `zip` of
        # the lemmas shifted)
        for size in range(1, min(len(lemmas), _MAX_WORDS) + 1):
            starts = range(start, stop - size + 1)
            if size > 1:
                self.keys.extend(map(" ".join, zip(*[lemmas[k:] for k in range(size)], strict=False)))
            elif self.lone_adjectives or table.adjective.isdisjoint(starts):
                self.keys.extend(lemmas)
            else:  # `municipais`, `inevitável`: an adjective alone says what of nothing
                starts = [i for i in starts if i not in table.adjective]
                self.keys.extend([table.lemma[i] for i in starts])
            self.said.extend([(i, i + size, False) for i in starts])

    def _one_by_one(self, start: int, stop: int) -> None:
        """`run` for a run with inner joiners or a verb form."""
        table = self.table
        lemma, verb = table.lemma, table.verb
        for size in range(1, _MAX_WORDS + 1):
            for i in range(start, stop - size + 1):
                if lemma[i] is None or lemma[i + size - 1] is None:
                    continue  # a joiner only joins
                if size == 1 and not self.lone_adjectives and i in table.adjective:
                    continue
                if verb and not verb.isdisjoint(range(i, i + size)):
                    continue  # `PROMOVEU roda`, `investigação giraria`: a verb form the tagger read as a noun
                self.keys.append(lemma[i] if size == 1 else table.key(i, i + size))
                self.said.append((i, i + size, False))

    def tally(self) -> tuple[Counter, dict, dict]:
        """How often each key is said, and its first and last occurrence."""
        keys, said = self.keys, self.said
        return Counter(keys), dict(zip(reversed(keys), reversed(said), strict=True)), dict(zip(keys, said, strict=True))

    def occurrences(self, wanted: set[str]) -> dict[str, list[tuple[int, int, bool]]]:
        """Where each of the `wanted` keys is said, in order."""
        said: dict[str, list] = {key: [] for key in wanted}
        for key, where in zip(self.keys, self.said, strict=True):
            if key in said:
                said[key].append(where)
        return said


def _commonest(said: list[tuple[int, int, bool]], table: _Tokens) -> str:
    """The surface form said most often (the shorter one on a tie, then the first seen): a name
    as written, other phrases in lower case but for acronyms (`_Tokens.shown`)."""
    forms: dict[str, int] = {}
    for start, stop, is_name in said:
        surface = table.surface(start, stop, is_name)
        forms[surface] = forms.get(surface, 0) + 1
    if len(forms) == 1:
        return next(iter(forms))
    return max(forms.items(), key=lambda kv: (kv[1], -len(kv[0])))[0]


def _merge_short_names(counts: Counter, span: dict[str, tuple[int, int]]) -> None:
    """`Jobim` counts with `Nelson Jobim` when it is the first or last word of one longer name.
    `span`: each name's first and last token."""
    names = [k for k in span if " " in k]
    for key in [k for k in span if " " not in k]:
        longer = [n for n in names if n.startswith(key + " ") or n.endswith(" " + key)]
        if len(longer) == 1:
            full = longer[0]
            counts[full] += counts.pop(key)
            (first, last), (short_first, short_last) = span[full], span.pop(key)
            span[full] = (min(first, short_first), max(last, short_last))


def _graph_scores(doc: Doc, lemma_of: dict[int, str], ranking: Ranking) -> dict[str, float]:
    """PageRank of the candidates' words (SingleRank, or PositionRank with `positionrank`)."""
    if not lemma_of:
        return {}
    node_of: dict[str, int] = {}
    positions = sorted(lemma_of)
    nodes = [node_of.setdefault(lemma_of[i], len(node_of)) for i in positions]
    n = len(node_of)
    src: list[int] = []
    dst: list[int] = []
    window = ranking.window
    for a, (i, u) in enumerate(zip(positions, nodes, strict=True)):
        for b in range(a + 1, len(positions)):
            if positions[b] - i >= window:
                break
            v = nodes[b]
            if u != v:
                src += (u, v)
                dst += (v, u)
    bias = np.zeros(n)
    if ranking.ranker == "positionrank" or (ranking.ranker == "frequency" and ranking.graph == "positionrank"):
        np.add.at(bias, nodes, 1.0 / (1.0 + np.asarray(positions, dtype=float)))
    else:
        bias += 1.0
    bias /= bias.sum()
    if not src:
        return {w: float(bias[k]) for w, k in node_of.items()}
    s_arr, d_arr = np.asarray(src), np.asarray(dst)
    out_weight = np.bincount(s_arr, minlength=n).astype(float)
    share = 1.0 / out_weight[s_arr]
    score = bias.copy()
    for _ in range(_PAGERANK_STEPS):
        new = (1 - _DAMPING) * bias + _DAMPING * np.bincount(d_arr, weights=score[s_arr] * share, minlength=n)
        if np.abs(new - score).sum() < 1e-6:
            score = new
            break
        score = new
    return {w: float(score[k]) for w, k in node_of.items()}


@dataclass
class DocumentFrequency:
    """In how many of `documents` each (lower-case) word occurs: the batch's own background."""

    documents: int
    counts: dict[str, int]

    @classmethod
    def of(cls, texts: Iterable[str]) -> DocumentFrequency:
        counts: Counter = Counter()
        n = 0
        for text in texts:
            n += 1
            counts.update(set(_WORD.findall(text.lower())))
        return cls(n, dict(counts))

    def idf(self, word: str) -> float:
        return math.log((1 + self.documents) / (1 + self.counts.get(word, 0))) + 1


def _specificity(
    words: list[str], df: DocumentFrequency | None, ranking: Ranking = DEFAULT_RANKING, memo: dict | None = None
) -> float:
    """Mean specificity of a phrase's words: 1 for a specific word, less for common ones.
    `memo`: the words weighed so far in this document (a word recurs in many of its phrases)."""
    if ranking.specificity == "background_phrase" and len(words) > 1:
        background = default_background()
        phrase = " ".join([background_key(word) for word in words])
        if phrase in background.counts:  # the phrase's own frequency stands for each word's
            weights = [background.weight(phrase) * _batch_factor(word, df, ranking) for word in words]
            return sum(weights) / len(weights)
    if memo is None:
        memo = {}
    weights = []
    for word in words:
        weight = memo.get(word)
        if weight is None:
            weight = memo[word] = _word_specificity(word, ranking.specificity) * _batch_factor(word, df, ranking)
        weights.append(weight)
    return sum(weights) / len(weights) if weights else 1.0


@lru_cache(maxsize=100_000)
def _word_specificity(word: str, specificity: str) -> float:
    """How specific one word is in Portuguese at large, by `Ranking.specificity` (the tables are
    the same for every document: a word is weighed once)."""
    if specificity == "none":
        return 1.0
    if specificity == "zipf":
        return min(1.5, max(0.15, (BACKGROUND_CEILING - default_lexicon().zipf.get(word, 0.0)) / 3))
    background = default_background()
    weight = background.weight(background_key(word))
    if specificity == "background_zipf":
        # the background is mostly Brazilian: a word it misses or undercounts (`acção`,
        # `facto`) weighs no more than its frequency in Portuguese at large says
        weight = min(weight, background.weight_of_zipf(default_lexicon().zipf.get(word, 0.0)))
    return weight


def _batch_factor(word: str, df: DocumentFrequency | None, ranking: Ranking) -> float:
    """How rare the word is in the batch's other documents, 0-1 (1 without a batch)."""
    if df is None or df.documents <= 1:
        return 1.0
    return (df.idf(word) / (math.log(1 + df.documents) + 1)) ** ranking.batch_power


@dataclass
class BackgroundFrequency:
    """Document frequencies of words and phrases in a background corpus (`pt/docfreq.tsv.gz`,
    built by `pipeline/lang/build_docfreq.py`), keyed by `background_key`."""

    documents: int
    counts: dict[str, int]

    @classmethod
    def load(cls, path: Path = BACKGROUND_PATH) -> BackgroundFrequency:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            documents = int(fh.readline().split("\t")[1])
            counts = {}
            for line in fh:
                key, _, n = line.rstrip("\n").rpartition("\t")
                counts[key] = int(n)
        return cls(documents, counts)

    def weight(self, key: str) -> float:
        """IDF scaled to 0-1: 1 for a key in no document (or below the table's cut), about 0.1
        for one in half of them."""
        return _idf_weight(self.documents, self.counts.get(key, 0))

    def weight_of_zipf(self, zipf: float) -> float:
        """`weight` of a word of that Zipf frequency, were it spread evenly over documents of
        WORDS_PER_DOCUMENT words: Zipf 3 about 0.77, 4 about 0.54, 5 about 0.31."""
        if zipf <= 0:
            return 1.0
        share = -math.expm1(-WORDS_PER_DOCUMENT * 10 ** (zipf - 9))
        return math.log((1 + self.documents) / (1 + share * self.documents)) / math.log(1 + self.documents)


@lru_cache(maxsize=65_536)
def _idf_weight(documents: int, count: int) -> float:
    """`BackgroundFrequency.weight` of a key found in `count` of `documents` (few distinct counts)."""
    return math.log((1 + documents) / (1 + count)) / math.log(1 + documents)


@cache
def default_background() -> BackgroundFrequency:
    return BackgroundFrequency.load()


def _without_parts(ranked: list[tuple], ratio: float = 2.0, top_k: int = TOP_K) -> list[tuple]:
    """Drop a phrase that is only part of a better-ranked one (`assistência` under `assistência social`),
    unless it is `ratio` times as frequent on its own. `ranked`: `(-score, key, count)`, best first."""
    kept: list[tuple] = []
    kept_words: list[tuple[str, int]] = []  # each kept phrase's key between spaces, its count
    for cand in ranked:
        _, key, count = cand
        words = f" {key} "
        if not any(words in longer and count < ratio * longer_count for longer, longer_count in kept_words):
            kept.append(cand)
            kept_words.append((words, count))
            if len(kept) == top_k:
                break
    return kept


class _Tokens:
    """What the candidates need of each token, read once per token from the rows of
    `Doc.to_array` (no `Token` objects: spaCy builds one and looks up its strings on every
    access). Lists by token index: a phrase is a range of tokens, so its words are a slice."""

    def __init__(self, doc: Doc, verbs: frozenset[str] = frozenset()) -> None:
        self.verbs = verbs  # forms that are only ever verbs (`promoveu`, `giraria`)
        self.strings = doc.vocab.strings
        self.array = doc.to_array(_ATTRS)  # one row per token, `_ATTRS`
        self.rows = self.array.tolist()
        self.verb: set[int] = set()  # content words that are such a form
        self.adjective = set(np.flatnonzero(self.array[:, _POS] == _ADJ).tolist())
        # per token, None until it is added: `_Tokens._word`, and the lemma key of a content
        # word (None for a joiner, which no key holds)
        self.word: list[tuple | None] = [None] * len(self.rows)
        self.lemma: list[str | None] = [None] * len(self.rows)

    def add_all(self, at: Iterable[int]) -> None:
        """Reads the words at rows `at`: their strings, by (text, lemma) from `_WORDS`."""
        word, lemma, verbs, rows = self.word, self.lemma, self.verbs, self.rows
        for i in at:
            row = rows[i]
            found = _WORDS.get((row[_ORTH], row[_LEMMA]))
            if found is None:
                found = self._word(row)
            word[i] = found
            if not found[4]:  # not a joiner
                lemma[i] = found[3]
                if found[1] in verbs:  # not memoised: the verbs are the caller's
                    self.verb.add(i)

    def key(self, start: int, stop: int) -> str:
        """The lemmas of the content words of tokens `start` to `stop` (all added)."""
        lemmas = self.lemma[start:stop]
        if None in lemmas:  # inner joiners (`transferência de renda`) are not in the key
            return " ".join([lemma for lemma in lemmas if lemma is not None])
        return " ".join(lemmas)

    def content_lower(self, start: int, stop: int) -> list[str]:
        """The lower-case content words of tokens `start` to `stop`."""
        return [word[1] for word in self.word[start:stop] if not word[4]]

    def surface(self, start: int, stop: int, is_name: bool) -> str:
        """Tokens `start` to `stop` as shown: a name as written, other phrases in lower case but
        for acronyms."""
        at = 0 if is_name else 2
        return " ".join([word[at] for word in self.word[start:stop]])

    def _word(self, row: list[int]) -> tuple:
        """What a word's strings give, kept for the next token with the same text and lemma:
        most words of a batch recur, and a `StringStore` lookup builds a new `str` each time."""
        strings = self.strings
        text = strings[row[_ORTH]]
        lower = strings[row[_LOWER]]
        shown = text if text.isupper() and len(text) > 1 else lower
        word = (text, lower, shown, _lemma(strings[row[_LEMMA]], text), lower in _JOINERS)
        if len(_WORDS) > _WORDS_MAX:
            _WORDS.clear()
        _WORDS[row[_ORTH], row[_LEMMA]] = word
        return word


# (orth id, lemma id) -> `_Tokens._word`; ids are hashes of the strings, the same in every
# vocabulary, so the memo holds across documents and models.
_WORDS: dict[tuple[int, int], tuple] = {}
_WORDS_MAX = 200_000


def _candidates(sentences, names: str, table: _Tokens, found: _Found) -> None:
    """Into `found`: the maximal runs of content words (with inner joiners), as token ranges;
    with `names`, also each name (person, place, state, acronym). In the order of a walk over
    the tokens: a name when its first token is met, a run when a token not in it is met (after a
    name there) or its sentence ends (before a name there).

    The runs are found on the arrays of `Doc.to_array` (one call), not by a Python step per
    token: most tokens are function words."""
    if not sentences:
        return
    ids = _ids(table.strings)
    array = table.array
    content = _content_rows(array, ids)
    ends = {sent.end for sent in sentences}
    start, stop = sentences[0].start, sentences[-1].end
    joiner = _among(array[start:stop, _LOWER], ids["joiners_array"])
    in_run, opens, closes = _runs(content[start:stop], joiner, [end - start for end in ends])
    table.add_all((np.flatnonzero(in_run) + start).tolist())
    opens, closes = (opens + start).tolist(), (closes + start).tolist()
    named = _names(table, content.tolist(), ids, names, start, stop) if names else []
    at = 0  # the next name
    for run_start, run_stop in zip(opens, closes, strict=True):
        name_first = run_stop not in ends  # a name at the token that ends the run is met first
        while at < len(named) and (named[at][0] < run_stop or (named[at][0] == run_stop and name_first)):
            found.name(*named[at])
            at += 1
        found.run(run_start, run_stop)
    for name_start, name_stop in named[at:]:
        found.name(name_start, name_stop)


def _runs(content: np.ndarray, joiner: np.ndarray, sentence_ends: list[int]) -> tuple[np.ndarray, ...]:
    """Which tokens are in runs, the runs' first tokens and the tokens after them: content words
    and the joiners after a content word (`transferência de renda`), never across a sentence's
    end."""
    n = len(content)
    new_sentence = np.zeros(n + 1, dtype=bool)
    new_sentence[0] = True
    new_sentence[sentence_ends] = True
    joins = joiner & ~new_sentence[:n]  # a joiner at a sentence's start joins nothing
    in_run = content
    while True:  # one step per joiner in a row (`de` `da`: rare)
        after_run = np.concatenate(([False], in_run[:-1]))
        grown = in_run | (joins & after_run)
        if (grown == in_run).all():
            break
        in_run = grown
    opens = in_run & (~after_run | new_sentence[:n])
    closes = in_run & (~np.concatenate((in_run[1:], [False])) | new_sentence[1:])
    return in_run, np.flatnonzero(opens), np.flatnonzero(closes) + 1


def _names(table: _Tokens, content: list[bool], ids: dict, kinds: str, start: int, stop: int) -> list[tuple[int, int]]:
    """The names of `_NAME_LABELS` and acronyms in tokens `start` to `stop`, as token ranges."""
    rows = table.rows
    array = table.array[start:stop]
    maybe = np.flatnonzero((array[:, _ENT_IOB] == 3) | (array[:, _IS_UPPER] != 0)) + start
    named = []
    for i in maybe.tolist():
        if not _name_start(rows, i, content, ids, kinds):
            continue
        row = rows[i]
        if row[_ENT_TYPE] and row[_ENT_IOB] == 3:
            end = i + 1
            while end < len(rows) and rows[end][_ENT_IOB] == 1:
                end += 1
            if all(rows[j][_IS_ALPHA] or rows[j][_LOWER] in ids["joiners"] for j in range(i, end)):
                table.add_all(range(i, end))
                named.append((i, end))
        else:
            table.add_all((i,))
            named.append((i, i + 1))
    return named


_ATTRS = [LOWER, IS_ALPHA, IS_UPPER, LENGTH, POS, ENT_TYPE, ENT_IOB, ORTH, LEMMA]
_LOWER, _IS_ALPHA, _IS_UPPER, _LENGTH, _POS, _ENT_TYPE, _ENT_IOB, _ORTH, _LEMMA = range(len(_ATTRS))
_ADJ = IDS["ADJ"]
_ID_CACHE: dict[int, tuple] = {}


def _ids(strings) -> dict:
    """The string-store ids of the words and labels the candidates test, once per vocabulary."""
    cached = _ID_CACHE.get(id(strings))
    if cached is not None and cached[0] is strings:
        return cached[1]
    ids = {
        "stop": frozenset(strings.add(w) for w in STOP_WORDS),
        "joiners": frozenset(strings.add(w) for w in _JOINERS),
        "uf": frozenset(strings.add(uf.lower()) for uf in _UF_CODES),
        "not_topics": frozenset(strings.add(label) for label in _NOT_TOPICS),
        "values": frozenset(strings.add(label) for label in _VALUE_LABELS),
        "names": frozenset(strings.add(label) for label in _NAME_LABELS),
        "org": strings.add("ORG"),
        "content_pos": frozenset(IDS[pos] for pos in _CONTENT_POS),
    }
    for name in ("stop", "joiners", "not_topics", "content_pos"):
        ids[f"{name}_array"] = np.sort(np.fromiter(ids[name], dtype=np.uint64))
    _ID_CACHE[id(strings)] = (strings, ids)
    return ids


def _content_rows(array: np.ndarray, ids: dict) -> np.ndarray:
    """For every row of `Doc.to_array(_ATTRS)`, whether the token may be part of a topic phrase:
    a noun or adjective of 3 letters or more, not a stop word, not in an entity that is a value,
    a person or a place, not an acronym of an ORG. All rows at once: a document's tokens are
    mostly function words, and testing them one by one in Python was a third of the time."""
    lower, ent, pos = array[:, _LOWER], array[:, _ENT_TYPE], array[:, _POS]
    word = (array[:, _LENGTH] >= 3) & (array[:, _IS_ALPHA] != 0) & ~_among(lower, ids["stop_array"])
    # values, people, places and acronyms are entities, not keywords
    entity = _among(ent, ids["not_topics_array"]) | ((ent == ids["org"]) & (array[:, _IS_UPPER] != 0))
    return word & ~entity & ((pos == 0) | _among(pos, ids["content_pos_array"]))


def _among(values: np.ndarray, sorted_ids: np.ndarray) -> np.ndarray:
    """`np.isin(values, sorted_ids)` by binary search (`isin` sorts both arrays on every call)."""
    at = np.searchsorted(sorted_ids, values).clip(max=len(sorted_ids) - 1)
    return sorted_ids[at] == values


def _name_start(rows: list, i: int, content: list[bool], ids: dict, kinds: str = "all") -> bool:
    row = rows[i]
    if row[_ENT_IOB] == 3 and row[_ENT_TYPE] in ids["names"]:
        return kinds != "acronyms"
    if kinds == "people_places":
        return False
    # acronyms (`SUS`, `FUNDEB`, `STF`) that are not already content words, outside lines in capitals
    if not (row[_IS_UPPER] and row[_IS_ALPHA] and 2 <= row[_LENGTH] <= 8) or row[_ENT_TYPE] in ids["values"]:
        return False
    if row[_LOWER] in ids["uf"] or content[i]:
        return False  # `(BA)`, `Belo Horizonte/MG`: where, not what
    beside = (rows[j] for j in (i - 1, i + 1) if 0 <= j < len(rows))
    return not any(r[_IS_UPPER] and r[_IS_ALPHA] and r[_LENGTH] > 1 for r in beside)


@lru_cache(maxsize=100_000)
def _lemma(lemma: str, text: str) -> str:
    """A word's key: its folded lemma, or its background key where the model gave none."""
    if lemma and lemma != text:
        return fold(lemma)
    return background_key(text)


@lru_cache(maxsize=100_000)
def background_key(word: str) -> str:
    """A word's key in the background table, with no model: folded, plurals stripped crudely
    (`conferências` -> `conferencia`, `ações` -> `acao`, `municipais` -> `municipal`)."""
    word = fold(word)
    if len(word) > 4 and word.endswith("oes"):
        return word[:-3] + "ao"
    if len(word) > 4 and word.endswith("ais"):
        return word[:-3] + "al"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


_RUN_TOKEN = regex.compile(r"\p{L}+|[^\s\p{L}]+")


def background_runs(text: str) -> Iterator[list[str | None]]:
    """Runs of words that are not stop words, for the background table (no model): each a list
    of words with `None` for an inner `de`/`da`/`do`; punctuation, digits and stop words end a run."""
    run: list[str | None] = []
    for token in _RUN_TOKEN.findall(text):
        lower = token.lower()
        if token[0].isalpha() and len(token) > 2 and lower not in STOP_WORDS:
            run.append(token)
            continue
        if run and lower in _JOINERS:
            run.append(None)
            continue
        while run and run[-1] is None:
            run.pop()
        if run:
            yield run
        run = []
    while run and run[-1] is None:
        run.pop()
    if run:
        yield run
