"""Stage 5, keywords: ranked keyphrases of a document (themes are `themes.py`).

Candidates are runs of nouns, proper nouns and adjectives inside a sentence, joined by
`de`/`da`/`do` (`transferência de renda`), never crossing punctuation, stop words, verbs,
people or the entities that are values (money, dates, states). They are counted by the lemmas
of their content words (`conferência municipal` = `conferências municipais`, and `garantia
dos direitos` = `garantia de direitos`), shown in the text's most frequent surface form, and
scored by frequency, length, position, spread and specificity (see `keywords`).
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

import regex
from spacy.lang.pt.stop_words import STOP_WORDS
from spacy.tokens import Doc, Token

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


def keywords(
    doc: Doc,
    *,
    top_k: int = TOP_K,
    document_frequency: DocumentFrequency | None = None,
    sentences: list | None = None,
) -> list[dict]:
    """The record's `keywords`: `{"text", "lemma", "score", "count"}`, best first.

    A phrase scores by how often it occurs (log), how many content words it has, how early it
    first comes and how far through the text it is spread, times how specific its words are:
    rare in Portuguese at large (the spelling lexicon's frequencies: `ano`, `dia`, `parte` weigh
    little) and, given a `document_frequency` of the batch, rare in the other documents
    (TF-IDF-like). `sentences`: the doc's sentences when the caller has them already
    (`doc.sents` walks every token each time it is asked for).
    """
    stats: dict[str, dict] = defaultdict(lambda: {"count": 0, "first": None, "last": 0, "forms": defaultdict(int)})
    n_tokens = max(len(doc), 1)
    lemma_of: dict[int, str] = {}  # a token is in up to ten candidate phrases: its lemma once
    for phrase in _candidates(sentences if sentences is not None else list(doc.sents)):
        content = [t for t in phrase if t.lower_ not in _JOINERS]
        for t in content:
            if t.i not in lemma_of:
                lemma_of[t.i] = _lemma(t)
        key = " ".join(lemma_of[t.i] for t in content)
        surface = " ".join(t.text if t.text.isupper() and len(t) > 1 else t.text.lower() for t in phrase)
        entry = stats[key]
        entry["count"] += 1
        entry["forms"][surface] += 1
        entry["words"] = [t.lower_ for t in content]
        if entry["first"] is None:
            entry["first"] = phrase[0].i
        entry["last"] = phrase[0].i
    scored = []
    for key, entry in stats.items():
        n_words = key.count(" ") + 1
        if entry["count"] < 2 and n_words < 2:
            continue  # a single word said once is rarely what a text is about
        position = 1.0 - entry["first"] / n_tokens
        spread = (entry["last"] - entry["first"]) / n_tokens
        score = (
            (1 + math.log(entry["count"]))
            * (1 + 0.5 * (n_words - 1))
            * (0.5 + 0.5 * position)
            * (1 + spread)
            * _specificity(entry["words"], document_frequency)
        )
        text = max(entry["forms"].items(), key=lambda kv: (kv[1], -len(kv[0])))[0]
        scored.append({"text": text, "lemma": key, "score": score, "count": entry["count"]})
    scored.sort(key=lambda k: (-k["score"], k["lemma"]))
    top = _without_parts(scored)[:top_k]
    best = top[0]["score"] if top else 1.0
    for k in top:
        k["score"] = round(k["score"] / best, 4)
    return top


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


def _specificity(words: list[str], df: DocumentFrequency | None) -> float:
    """Mean specificity of a phrase's words: 1 for a word of Zipf 4, less for common ones."""
    zipf = default_lexicon().zipf
    weights = []
    for word in words:
        weight = min(1.5, max(0.15, (BACKGROUND_CEILING - zipf.get(word, 0.0)) / 3))
        if df is not None and df.documents > 1:
            weight *= df.idf(word) / (math.log(1 + df.documents) + 1)
        weights.append(weight)
    return sum(weights) / len(weights) if weights else 1.0


def _without_parts(ranked: list[dict]) -> list[dict]:
    """Drop a phrase that is only part of a better-ranked one (`assistência` under `assistência social`),
    unless it is much more frequent on its own."""
    kept: list[dict] = []
    for cand in ranked:
        words = f" {cand['lemma']} "
        if not any(words in f" {k['lemma']} " and cand["count"] < 2 * k["count"] for k in kept):
            kept.append(cand)
    return kept


def _candidates(sentences):
    """Maximal runs of content words (with inner joiners) and their content sub-runs."""
    for sent in sentences:
        run: list[Token] = []
        for token in [*sent, None]:
            if token is not None and (_is_content(token) or (token.lower_ in _JOINERS and run)):
                run.append(token)
                continue
            while run and run[-1].lower_ in _JOINERS:
                run.pop()
            if run:
                yield from _subphrases(run)
            run = []


def _subphrases(run: list[Token]):
    """The run itself when short enough, and every content n-gram of up to `_MAX_WORDS` words."""
    for size in range(1, _MAX_WORDS + 1):
        for i in range(len(run) - size + 1):
            phrase = run[i : i + size]
            if phrase[0].lower_ in _JOINERS or phrase[-1].lower_ in _JOINERS:
                continue
            yield phrase


def _is_content(token: Token) -> bool:
    if not token.is_alpha or len(token) < 3 or token.lower_ in STOP_WORDS:
        return False
    if token.ent_type_ in _NOT_TOPICS or (token.ent_type_ == "ORG" and token.is_upper):
        return False  # values, people, places and acronyms are entities, not keywords
    if token.pos_:
        return token.pos_ in _CONTENT_POS
    return not token.is_upper or len(token) > 1


def _lemma(token: Token) -> str:
    if token.lemma_ and token.lemma_ != token.text:
        return fold(token.lemma_)
    word = fold(token.text)
    # no lemmatiser: fold plurals crudely so that `conferências` counts with `conferência`
    if len(word) > 4 and word.endswith("oes"):
        return word[:-3] + "ao"
    if len(word) > 4 and word.endswith("ais"):
        return word[:-3] + "al"
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word
