"""MONEY: amounts with a currency, as numbers (`R$ 2.321.286.890` -> 2321286890 BRL).

An amount needs a currency marker (`R$`, `US$`, `€`, `BRL`) before the number or a currency
word after it (`reais`, `dólares`, `euros`); that is what keeps `Lei nº 8.742`, phone numbers,
percentages and `2,3 milhões de pessoas` out. Intervals (`entre R$ 100 mil e R$ 200 mil`,
`de R$ 1 milhão a R$ 3 milhões`) become one match with `min` and `max`.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.money import (
    CENTS_CURRENCY,
    CENTS_WORDS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    MULTIPLIERS,
    NUMBER_WORDS,
    POSTFIX_SYMBOLS,
)
from ._spans import Match, set_entities


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


# 2.321.286.890 / 1.234,56 / 10,50, and the PT-PT `200 000` (thousands by a space, or a
# thin or no-break space)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?=\s?(?:€|M€))|\d+(?:,\d+)?"
_WORDS = rf"(?i:{_alternation(NUMBER_WORDS)})"
# `doze`, `vinte e cinco`, `cento e vinte`: number words joined by `e` add up
_NUMBER_OR_WORD = rf"(?:{_NUMBER}|{_WORDS}(?:\s+e\s+{_WORDS})*(?![\p{{L}}]))"
_MULT = rf"(?i:{_alternation(MULTIPLIERS)})"
_MULTS = rf"(?:\s+{_MULT})*"
_SYMBOL = rf"(?<![\p{{L}}\p{{N}}$]){_alternation(CURRENCY_SYMBOLS)}"
_CUR_WORD = rf"(?i:{_alternation(CURRENCY_WORDS)})"
_CENTS = rf"(?:\s+e\s+(?P<cents>\d{{1,2}})\s+(?i:{_alternation(CENTS_WORDS)}))?"

# `R$ 1,5 milhão`, `US$ 5 milhões`, `BRL 2.500,00`, `R$350 mil`
_END = rf"(?=\s*(?:[.,;:)!?]|$|\s(?i:de\s+)?{_CUR_WORD}))"
# `R$ 2 milhões e 300 mil`: a smaller part added, where the amount ends there
_PLUS = rf"(?:\s+e\s+(?P<plus>{_NUMBER})\s+(?P<plusmult>{_MULT}){_END})?"
_SYMBOL_AMOUNT = (
    rf"(?P<sym>{_SYMBOL})\s?(?P<num>{_NUMBER})(?P<smults>{_MULTS}){_PLUS}(?:\s+(?i:de)\s+{_CUR_WORD})?(?![\p{{L}}\d])"
)
# `12,50 €`, `2,3 M€`
_POSTFIX_AMOUNT = (
    rf"(?<![\p{{L}}\d.,])(?P<pnum>{_NUMBER})(?P<pmults>{_MULTS})\s?(?P<post>{_alternation(POSTFIX_SYMBOLS)})"
    rf"(?![\p{{L}}\d])"
)
# `50 centavos`
_CENTS_ALONE = rf"(?<![\p{{L}}\d.,])(?P<cnum>\d{{1,2}})\s+(?P<cword>(?i:{_alternation(CENTS_CURRENCY)}))(?![\p{{L}}\d])"
# `2 milhões de reais`, `doze milhões de reais`, `50 mil dólares`, `15 reais e 50 centavos`
# (`mil reais`, `meio milhão de reais`, `dois bilhões e meio de reais`: a multiplier alone, halves)
_WORD_AMOUNT = (
    rf"(?<![\p{{L}}\d.,])(?:(?P<wnum>{_NUMBER_OR_WORD})(?P<wmults>{_MULTS})|(?P<bare>{_MULT}))(?P<half>\s+e\s+meio)?"
    rf"\s+(?:(?i:de)\s+)?(?P<word>{_CUR_WORD}){_CENTS}(?![\p{{L}}\d])"
)
# The four amount patterns, run one by one (the word pattern only where a currency or cents
# word occurs at all): half the cost of one alternation of them. Their matches are merged
# leftmost first, and on the same start in this order, as the alternation would.
_PARTS = tuple(
    (regex.compile(p, flags=regex.V0), cue)
    for p, cue in (
        (_SYMBOL_AMOUNT, None),
        (_POSTFIX_AMOUNT, None),
        (_WORD_AMOUNT, regex.compile(rf"(?i){_CUR_WORD}")),
        (_CENTS_ALONE, regex.compile(rf"(?i){_alternation(CENTS_CURRENCY)}")),
    )
)


def _amount_matches(text: str) -> list[regex.Match]:
    found = []
    for priority, (pattern, cue) in enumerate(_PARTS):
        if cue is not None and not cue.search(text):
            continue
        found += [(m.start(), priority, m) for m in pattern.finditer(text)]
    out, end = [], -1
    for start, _, m in sorted(found, key=lambda x: (x[0], x[1])):
        if start >= end:
            out.append(m)
            end = m.end()
    return out


_INTERVAL_HEAD = regex.compile(r"(?i:\b(entre|de|desde)\s+)$")
_INTERVAL_JOIN = regex.compile(r"\s+(?i:e|a|até)\s+")
# `entre 30 e 45 milhões de reais`: the first bound borrows the second's multiplier and currency
_SHARED_LOW = regex.compile(rf"(?i:\b(?:entre|de)\s+)(?P<low>{_NUMBER})(?:\s+(?P<lowmult>{_MULT}))?\s+(?i:e|a|até)\s+$")
_MULT_WORD = regex.compile(_MULT)


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: float | int | None
    currency: str
    min: float | int | None = None
    max: float | int | None = None
    factor: int = 1  # the multiplier words' product (`milhões` -> 1e6), shared by `30 e 45 milhões`

    def attrs(self) -> dict:
        out = {"value": self.value, "currency": self.currency}
        if self.min is not None:
            out.update({"min": self.min, "max": self.max})
        return out


def parse_number(text: str) -> float | int:
    """`2.321.286.890` -> 2321286890, `10,50` -> 10.5, `doze` -> 12, `vinte e cinco` -> 25."""
    low = text.lower()
    if low[:1].isalpha():
        return _tidy(sum(NUMBER_WORDS[w] for w in regex.split(r"\s+e\s+|\s+", low)))
    text = regex.sub(r"[ \u00a0\u202f]", "", text)
    if "," in text:
        value = float(text.replace(".", "").replace(",", "."))
    elif regex.fullmatch(r"\d{1,3}(?:\.\d{3})+", text):
        value = float(text.replace(".", ""))
    else:
        value = float(text)
    return _tidy(value)


def _tidy(value: float) -> float | int:
    return int(value) if float(value).is_integer() else round(value, 2)


def _amount(m: regex.Match) -> Amount:
    g = m.groupdict()  # each of the four patterns has its own groups
    if g.get("cnum"):
        return Amount(m.start(), m.end(), _tidy(int(g.get("cnum")) / 100), CENTS_CURRENCY[g.get("cword").lower()])
    number = g.get("num") or g.get("pnum") or g.get("wnum")
    value = parse_number(number) if number else 1
    factor = 1
    for word in (g.get("smults") or g.get("pmults") or g.get("wmults") or g.get("bare") or "").split():
        factor *= MULTIPLIERS[word.lower()]
    if g.get("half"):
        value += 0.5
    value *= factor
    if g.get("plus"):
        part = parse_number(g.get("plus")) * MULTIPLIERS[g.get("plusmult").lower()]
        if part < factor:  # `2 milhões e 300 mil`, never `2 mil e 3 milhões`
            value += part
    if g.get("post"):
        currency, post_factor = POSTFIX_SYMBOLS[g.get("post")]
        value *= post_factor
        factor *= post_factor
    elif g.get("sym"):
        # `US$ 5 milhões de dólares`: when symbol and word both stand, the symbol decides
        currency = CURRENCY_SYMBOLS[g.get("sym")]
    else:
        currency = CURRENCY_WORDS[" ".join(g.get("word").lower().split())]
        if g.get("cents"):
            value += int(g.get("cents")) / 100
    return Amount(m.start(), m.end(), _tidy(value), currency, factor=factor)


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text`, intervals merged into one `Amount` with min/max."""
    amounts = [_with_shared_low(text, _amount(m)) for m in _amount_matches(text)]
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        a = amounts[i]
        if i + 1 < len(amounts):
            b = amounts[i + 1]
            between = text[a.end : b.start]
            head = _INTERVAL_HEAD.search(text[max(0, a.start - 12) : a.start])
            if head and _INTERVAL_JOIN.fullmatch(between) and a.currency == b.currency:
                lo, hi = sorted((a.value, b.value))
                out.append(Amount(a.start, b.end, None, a.currency, lo, hi))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _with_shared_low(text: str, amount: Amount) -> Amount:
    """`entre 30 e 45 milhões de reais`, `entre 5 mil e 50 mil euros`: the first bound, written
    without a currency, borrows the second's (and its multiplier, when it has none)."""
    m = _SHARED_LOW.search(text, max(0, amount.start - 40), amount.start)
    if m is None or (amount.factor == 1 and not m.group("lowmult")):
        return amount
    factor = MULTIPLIERS[m.group("lowmult").lower()] if m.group("lowmult") else amount.factor
    low = _tidy(parse_number(m.group("low")) * factor)
    return Amount(m.start("low"), amount.end, None, amount.currency, low, amount.value, amount.factor)


def parse_money(text: str) -> Amount | None:
    """The amount that `text` is, or None. Never raises.

    >>> parse_money("R$ 1,5 milhão").value
    1500000
    """
    try:
        amounts = find_amounts(text)
    except (ValueError, KeyError, OverflowError):
        return None
    return amounts[0] if len(amounts) == 1 else None


@Language.factory("ptpipe_money", assigns=["doc.ents"])
def make_money(nlp: Language, name: str):
    return money_component


def money_component(doc: Doc) -> Doc:
    return set_entities(doc, (Match(a.start, a.end, "MONEY", a.attrs()) for a in find_amounts(doc.text)))
