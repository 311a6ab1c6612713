"""MONEY: amounts with a currency, as numbers (`R$ 2.321.286.890` -> 2321286890 BRL).

An amount needs a currency marker (`R$`, `US$`, `€`, `BRL`) before the number or a currency
word after it (`reais`, `dólares`, `euros`); that is what keeps `Lei nº 8.742`, phone numbers,
percentages and `2,3 milhões de pessoas` out. The one exception is a list that shares the
currency of its first amount (`R$ 40 milhões para a saúde e 13,5 milhões para a educação`).
Intervals (`entre R$ 100 mil e R$ 200 mil`, `de R$ 1 milhão a R$ 3 milhões`, `R$ 7 a 8
bilhões`) become one match with `min` and `max`.

How a number is read is decided in `_reading`, one rule per way real text writes it (issue 24):
decimals before a multiplier are kept and only the final value is rounded, to cents (`R$ 15,563
bilhões`); a dot can be a decimal mark (`R$ 1.004 trilhão`, `US$ 1.5 billion`); digits written
to the unit carry the amount (`R$ 5.204.825,58 milhões`), and so do grouped digits before a bare
`mil` (`R$1.300 mil`, a salary); a space slips in after a decimal comma (`R$ 5, 1 milhões`); a
figure repeated in words is read whole (`um milhão e cinquenta e cinco mil reais`). A number
that stays genuinely ambiguous keeps its best reading as `value` and gains `ambiguous` and
`other_value`. An amount that cannot be right as read (over `PLAUSIBLE_MAX`, at odds with its
own multiplier, malformed digits) gains `implausible` and `implausible_reason`: it stays in the
record, and sums leave it out (`frames`, `report`).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation, localcontext

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.money import (
    CENTS_CURRENCY,
    CENTS_WORDS,
    CONTEXT_FOLLOWERS,
    CURRENCY_SYMBOLS,
    CURRENCY_WORDS,
    LIST_JOINS,
    MULTIPLIERS,
    NEXT_JOINS,
    NUMBER_WORDS,
    PLAUSIBLE_MAX,
    POSTFIX_SYMBOLS,
    SINGULAR_MULTIPLIERS,
    THOUSANDS_OF_MILLIONS,
)
from ._spans import Match, set_entities


def _alternation(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def _joins(joins, *, mark_after_digit: bool = True) -> str:
    """Word joins need spaces around them (`e`), punctuation does not (`,`)."""
    words = [j for j in joins if j[0].isalpha()]
    marks = [j for j in joins if not j[0].isalpha()]
    digit = "" if mark_after_digit else r"(?<!\d)"
    return rf"(?:\s+(?i:{_alternation(words)})\s+|{digit}\s*(?:{_alternation(marks)})\s*)"


_MULT = rf"(?i:{_alternation(MULTIPLIERS)})"
# `R$ 3 [milhões]`: an editor's bracket in a transcribed quote
_MULT_TOKEN = rf"(?:\[{_MULT}\]|{_MULT})"
# `R$1,6bi`, `R$ 611milhões`: the first multiplier may be glued to the number
_MULTS = rf"(?:\s*{_MULT_TOKEN}(?:\s+{_MULT_TOKEN})*)?"
_CUR_WORD = rf"(?i:{_alternation(CURRENCY_WORDS)})"
# What may follow an amount that takes its currency or a part from the context: punctuation,
# a currency word, a function word; never a noun (`3 mil empregos`).
_FOLLOW = (
    rf"(?=\s*(?:[.,;:)!?…\"”'–-]|$)|\s+(?i:de\s+)?{_CUR_WORD}(?!\p{{L}})"
    rf"|\s+(?i:{_alternation(CONTEXT_FOLLOWERS)})(?!\p{{L}}))"
)

_NUMBER = (
    # 2.321.286.890 / 1.234,56 / 1.004 (the last one is ambiguous: see `_reading`)
    r"\d{1,3}(?:\.\d{3})+(?:,\d+)?"
    # 13.000.000.00 / 1.578.50: a dot typed for the cents comma
    r"|\d{1,3}(?:\.\d{3})+\.\d{2}"
    # 1,015,000 / 1,015,000.50: English digits, two groups at least
    r"|\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?"
    # the PT-PT `200 000 €` (thousands by a space, or a thin or no-break space)
    r"|\d{1,3}(?:[ \u00a0\u202f]\d{3})+(?:,\d+)?(?=\s?(?:€|M€))"
    # `R$ 5, 1 milhões`, `R$ 40, 50 mil`: only before a multiplier that ends the amount
    rf"|\d{{1,3}},\s\d{{1,3}}(?=\s*{_MULT_TOKEN}(?:\s+{_MULT_TOKEN})*{_FOLLOW})"
    # 1.5 / 10.50: a dot as the decimal mark (English copy); thousands groups have 3 digits
    r"|\d+\.\d{1,2}"
    r"|\d+(?:,\d+)?"
)
# After a currency symbol, digits no one writes (`R$ 25.000.0000,00`, `R$ 1,600,00`) are still an
# amount, read and flagged `malformed` (see `_reading`), rather than cut short or lost.
_SYMBOL_NUMBER = rf"{_NUMBER}|\d{{1,3}}(?:[.,]\d+)+"
# a number is taken whole or not at all: `R$1,6bi` is never `R$1` (the guard stops backtracking)
_NUM_END = r"(?![.,]?\d)"
_WORDS = rf"(?i:{_alternation(NUMBER_WORDS)})(?!\p{{L}})"
# `doze`, `vinte e cinco`, `cento e vinte`: number words joined by `e` add up; a spelled-out
# amount may hold several groups (`um milhão e cinquenta e cinco mil reais`, `um milhão,
# seiscentos e vinte e seis mil reais`), the way a release repeats its figure in words
_SPELLED_GROUP = rf"{_WORDS}(?:\s+e\s+{_WORDS})*"
_SPELLED = rf"(?:{_SPELLED_GROUP}(?:\s+{_MULT})+(?:,\s*|\s+e\s+))*{_SPELLED_GROUP}"
_NUMBER_OR_WORD = rf"(?:(?:{_NUMBER}){_NUM_END}|{_SPELLED})"
_SYMBOL = rf"(?<![\p{{L}}\p{{N}}$]){_alternation(CURRENCY_SYMBOLS)}"
_CENTS = rf"(?:\s+e\s+(?P<cents>\d{{1,2}})\s+(?i:{_alternation(CENTS_WORDS)}))?"

# `R$ 2 milhões e 300 mil`, `R$ 4 bilhões e 100 milhões em obras`: a smaller part added, where
# the amount ends there (`de` too: the part must be smaller than the multiplier before it)
_PLUS_END = rf"(?:{_FOLLOW}|(?=\s+(?i:de)\s))"
_PLUS = rf"(?:\s+e\s+(?P<plus>{_NUMBER}){_NUM_END}\s+(?P<plusmult>{_MULT}){_PLUS_END})?"
# `R$ 1,5 milhão`, `US$ 5 milhões`, `BRL 2.500,00`, `R$350 mil`; a stray mark after the symbol
# (`US$,1,6 bilhão`, `R$.1900,00`, `R$$ 4,9 milhões`) is skipped
_SYMBOL_AMOUNT = (
    rf"(?P<sym>{_SYMBOL})(?:[.,$](?=\s?\d))?\s?(?P<num>{_SYMBOL_NUMBER}){_NUM_END}(?P<smults>{_MULTS}){_PLUS}"
    rf"(?:\s+(?i:de)\s+{_CUR_WORD})?(?![\p{{L}}\d])"
)
# `12,50 €`, `2,3 M€`
_POSTFIX_AMOUNT = (
    rf"(?<![\p{{L}}\d.,])(?P<pnum>{_NUMBER}){_NUM_END}(?P<pmults>{_MULTS})\s?(?P<post>{_alternation(POSTFIX_SYMBOLS)})"
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
# The four amount patterns, run one by one: half the cost of one alternation of them. An amount
# of the last two ends at a currency or cents word (its cue), so they run only in windows of
# `reach` characters before each cue (a spelled-out `um milhão, seiscentos e vinte e seis mil
# reais` is 50) and 40 after it (`… reais e 50 centavos`). Their matches are merged leftmost
# first, and on the same start in this order, as the alternation would.
_PARTS = tuple(
    (regex.compile(p, flags=regex.V0), cue and regex.compile(rf"(?<!\p{{L}})(?i:{cue})(?!\p{{L}})"), reach)
    for p, cue, reach in (
        (_SYMBOL_AMOUNT, None, 0),
        (_POSTFIX_AMOUNT, None, 0),
        (_WORD_AMOUNT, _CUR_WORD, 200),
        (_CENTS_ALONE, _alternation(CENTS_CURRENCY), 10),
    )
)
_AFTER_CUE = 40

# An amount without a currency of its own, right after one that has it: after a `NEXT_JOINS`
# word at once (`de R$ 40 milhões para 55 milhões`), or after a list join within the sentence
# (`R$ 40 milhões para a saúde e 13,5 milhões para a educação`). It needs a multiplier and a
# function word or punctuation after it, so `e 3 mil empregos` stays a count; no digit may stand
# right before a comma join (`em 2008, 27 bilhões; 2009, 180 bilhões`: years, not amounts).
_LISTED = regex.compile(
    rf"(?:{_joins(NEXT_JOINS)}|[^.!?\n]{{0,60}}?{_joins(LIST_JOINS, mark_after_digit=False)})"
    rf"(?<![\p{{L}}\d.,$])(?P<bnum>{_NUMBER}){_NUM_END}(?P<bmults>\s*{_MULT_TOKEN}(?:\s+{_MULT_TOKEN})*)"
    rf"(?P<half>\s+e\s+meio)?(?:\s+(?i:de)\s+(?P<lword>{_CUR_WORD})(?![\p{{L}}\d])|{_FOLLOW})",
    flags=regex.V0,
)


def _amount_matches(text: str) -> list[regex.Match]:
    found = []
    for priority, (pattern, cue, reach) in enumerate(_PARTS):
        for start, end in _windows(text, cue, reach) if cue else [(0, len(text))]:
            found += [(m.start(), priority, m) for m in pattern.finditer(text, start, end)]
    out, end = [], -1
    for start, _, m in sorted(found, key=lambda x: (x[0], x[1])):
        if start >= end:
            out.append(m)
            end = m.end()
    return out


def _windows(text: str, cue: regex.Pattern, reach: int) -> list[tuple[int, int]]:
    """The stretches of `text` around each match of `cue`, overlapping ones joined."""
    spans: list[list[int]] = []
    for m in cue.finditer(text):
        start, end = max(0, m.start() - reach), min(len(text), m.end() + _AFTER_CUE)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = end
        else:
            spans.append([start, end])
    return [(start, end) for start, end in spans]


_INTERVAL_HEAD = regex.compile(r"(?i:\b(entre|de|desde)\s+)$")
_INTERVAL_JOIN = regex.compile(r"\s+(?i:(e|a|até|ou))\s+|\s*([-–])\s*")
# which join closes which head: `entre … e`, `entre … a` (common in speech), `de … a`, `desde … até`;
# never `de … e` (`recursos de R$ 40 milhões e R$ 55 milhões` is two amounts)
_HEAD_JOINS = {"entre": {"e", "a"}, "de": {"a", "até"}, "desde": {"a", "até"}}
# `R$ 7 a 8 bilhões`, `R$ 250 a 300 mil`: the low bound written without the multiplier of the high
_SHARED_MULT_JOINS = frozenset({"a", "até", "ou", "-", "–"})
# `entre 30 e 45 milhões de reais`: the first bound borrows the second's multiplier and currency
_SHARED_LOW = regex.compile(rf"(?i:\b(?:entre|de)\s+)(?P<low>{_NUMBER})(?:\s+(?P<lowmult>{_MULT}))?\s+(?i:e|a|até)\s+$")
_MULT_WORD = regex.compile(_MULT)

Number = float | int


@dataclass(frozen=True)
class Amount:
    start: int
    end: int
    value: Number | None
    currency: str
    min: Number | None = None
    max: Number | None = None
    factor: int = 1  # the multiplier words' product (`milhões` -> 1e6), shared by `30 e 45 milhões`
    other: Number | None = None  # the other reading of an ambiguous number (`ambiguous` in the record)
    implausible: str | None = None  # why the amount cannot be right as read: `IMPLAUSIBLE_REASONS`
    shared: bool = False  # the currency came from the amount before (`… e 13,5 milhões`)

    def attrs(self) -> dict:
        out = {"value": self.value, "currency": self.currency}
        if self.min is not None:
            out.update({"min": self.min, "max": self.max})
        if self.other is not None:
            out.update({"ambiguous": True, "other_value": self.other})
        if self.implausible:
            out.update({"implausible": True, "implausible_reason": self.implausible})
        return out


IMPLAUSIBLE_REASONS = {
    "over_limit": "over PLAUSIBLE_MAX for its currency (BRL: R$ 20 trillion, about twice Brazil's GDP)",
    "multiplier": "at odds with its own multiplier (`R$ 1500 milhão`, `R$ 103 bilhões milhões`)",
    "malformed": "digits no one writes (`R$ 1.015,000`): flagged, not guessed",
}


# --- reading a number -----------------------------------------------------------------------

_SPACES = regex.compile(r"[ \u00a0\u202f]")
_SPACED = regex.compile(r"(\d+),\s(\d+)")
_PLAIN = regex.compile(r"\d+(?:,\d+)?")
_ENGLISH = regex.compile(r"\d{1,3}(?:,\d{3}){2,}(?:\.\d+)?")
_DOT_DECIMAL = regex.compile(r"\d+\.\d{1,2}")
_GROUPED = regex.compile(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?")
_ONE_GROUP = regex.compile(r"\d{1,3}\.\d{3}")
_FULL_DIGITS = regex.compile(r"\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?")
_MALFORMED = regex.compile(r"\d{1,3}(?:\.\d{3})+,\d{3,}")
_DOT_CENTS = regex.compile(r"\d{1,3}(?:\.\d{3})+\.\d{2}")
_MILLION = 1_000_000


@dataclass(frozen=True)
class _Reading:
    value: Decimal  # multiplier applied
    other: Decimal | None = None  # the other reading, where the number is genuinely ambiguous
    low: Decimal | None = None  # `R$ 40, 50 mil`: a spoken range, low..value
    flag: str | None = None  # `malformed`


def _br(digits: str) -> Decimal:
    """The Brazilian reading: dots group thousands, the comma marks decimals."""
    return Decimal(digits.replace(".", "").replace(",", "."))


def _word_number(text: str) -> Decimal:
    """`um milhão e cinquenta e cinco mil` -> 1055000, `dois mil milhões` -> 2e9, `dois bilhões e
    meio` -> 2.5e9: number words add up inside a group, a multiplier closes the group (and
    multiplies it again when it follows another multiplier, as in the PT-PT `mil milhões`)."""
    total = group = small = Decimal(0)
    after_multiplier, last = False, 1
    for word in regex.split(r"[\s,]+(?:e\s+)?", text.lower().strip()):
        if word in MULTIPLIERS:
            group = (group if after_multiplier else (small or 1)) * MULTIPLIERS[word]
            small, after_multiplier, last = Decimal(0), True, MULTIPLIERS[word]
        elif word == "meio" and after_multiplier:  # `dois bilhões e meio`: half the multiplier
            group += Decimal(last) / 2
        else:
            if after_multiplier:
                total, group, after_multiplier = total + group, Decimal(0), False
            small += Decimal(str(NUMBER_WORDS[word]))
    return total + group + small


def _reading(number: str, words: list[str], currency: str) -> _Reading:
    """The value of `number` times its multiplier `words`, by the rules below, in this order."""
    factor = math.prod(MULTIPLIERS[w] for w in words)
    if number[:1].isalpha():
        return _Reading(_word_number(" ".join([number, *words])))
    if spaced := _SPACED.fullmatch(number):
        return _spaced(spaced, factor, words)
    digits = _SPACES.sub("", number)
    if _ENGLISH.fullmatch(digits):
        return _Reading(Decimal(digits.replace(",", "")) * factor)
    if _DOT_DECIMAL.fullmatch(digits):  # `US$ 1.5 billion`, `R$ 59.6 milhões`, `US$ 3.50`
        return _Reading(Decimal(digits) * factor)
    if _DOT_CENTS.fullmatch(digits):  # `R$ 13.000.000.00`: the last dot was meant as a comma
        whole, cents = digits.rsplit(".", 1)
        return _Reading(_br(f"{whole},{cents}") * factor)
    if _PLAIN.fullmatch(digits):  # `1500`, `1,5`, `15,563`: nothing to decide
        return _Reading(_br(digits) * factor)
    if not _GROUPED.fullmatch(digits):
        return _unreadable(digits, factor)
    if _MALFORMED.fullmatch(digits):
        # `R$ 1.015,000`: three decimals after thousands groups; 1,015 or 1,015,000 is a guess
        whole = Decimal(digits.replace(".", "").replace(",", ""))
        return _Reading(_br(digits) * factor, other=whole * factor, flag="malformed")
    if factor == 1:
        return _Reading(_br(digits))
    if factor >= _MILLION and _FULL_DIGITS.fullmatch(digits):
        # `R$ 5.204.825,58 milhões`: digits written to the unit already carry the amount
        return _Reading(_br(digits), other=_br(digits) * factor)
    if factor >= _MILLION and _ONE_GROUP.fullmatch(digits):
        return _one_group(digits, factor, words, currency)
    if "," not in digits:
        # `R$1.300 mil` (a salary), `até 1.800 mil reais`, `5.488 mil bolsas`: grouped digits
        # already say the number and `mil` repeats it (as it is said: `mil e trezentos`)
        return _Reading(_br(digits), other=_br(digits) * factor)
    # `R$ 10.183.136,5 mil`, `R$ 286.743,6 mil`: accounting tables count in thousands, with decimals
    return _Reading(_br(digits) * factor, other=_br(digits))


_CENTS_AT_END = regex.compile(r"(.*?)(?:([.,])(\d{2}))?$")
_NOT_DIGIT = regex.compile(r"\D")


def _unreadable(digits: str, factor: int) -> _Reading:
    """`R$ 25.000.0000,00`, `R$ 1,600,00`: marks in no known order. The digits are read as one
    number, the last two as cents where a mark stands before them, and the amount is flagged."""
    head, mark, tail = _CENTS_AT_END.match(digits).groups()
    whole = Decimal(_NOT_DIGIT.sub("", head or digits)) + (Decimal(tail) / 100 if mark else 0)
    return _Reading(whole * factor, flag="malformed")


def _one_group(digits: str, factor: int, words: list[str], currency: str) -> _Reading:
    """`1.004 trilhão`, `2.073 trilhões`, `1.500 milhões de euros`: dot for thousands or decimals."""
    thousands, decimal = _br(digits) * factor, Decimal(digits) * factor
    if any(w in SINGULAR_MULTIPLIERS for w in words):
        return _Reading(decimal)  # the singular says the number is under 2
    if currency in THOUSANDS_OF_MILLIONS:
        return _Reading(thousands, other=decimal)
    return _Reading(decimal, other=thousands)


def _spaced(m: regex.Match, factor: int, words: list[str]) -> _Reading:
    whole, part = m.group(1), m.group(2)
    decimal = Decimal(f"{whole}.{part}") * factor
    said_aloud = len(whole) == len(part) and (len(whole) >= 2 or int(part) == int(whole) + 1)
    if said_aloud and not any(w in SINGULAR_MULTIPLIERS for w in words):
        # `R$ 40, 50 mil`, `R$ 130, 140 bilhões`, `2, 3 mil dólares`: said aloud, a rough range
        low, high = sorted((Decimal(whole) * factor, Decimal(part) * factor))
        return _Reading(high, other=decimal, low=low)
    # `R$ 5, 1 milhões`, `R$ 420, 5 milhões`, `R$ 1, 335 bilhão`: a space typed after the comma
    return _Reading(decimal)


def _implausible(high: Decimal, currency: str, words: list[str], factor: int, reading: _Reading) -> str | None:
    """Why an amount cannot be right as read, or None. See `IMPLAUSIBLE_REASONS`."""
    if reading.flag:
        return reading.flag
    if high > PLAUSIBLE_MAX.get(currency, math.inf):
        return "over_limit"
    if sum(MULTIPLIERS[w] >= _MILLION for w in words) > 1:
        return "multiplier"  # `bilhões milhões`; `mil milhões` is the PT-PT billion
    if factor > 1 and high / factor >= 1000 and any(w in SINGULAR_MULTIPLIERS for w in words):
        return "multiplier"  # `R$ 1500 milhão` (`R$ 2,1 bilhão` is only a slip of agreement)
    return None


def parse_number(text: str) -> Number:
    """`2.321.286.890` -> 2321286890, `10,50` -> 10.5, `doze` -> 12, `vinte e cinco` -> 25."""
    return _tidy(_reading(text, [], "BRL").value)


_CENT = Decimal("0.01")


def _tidy(value: Decimal | float) -> Number:
    """The final value, rounded to cents (and only the final value: `15,563 bilhões` keeps its 3)."""
    d = value if isinstance(value, Decimal) else Decimal(str(value))
    if d == d.to_integral_value():
        return int(d)
    try:
        with localcontext() as ctx:
            ctx.prec = max(28, d.adjusted() + 4)
            d = d.quantize(_CENT)
    except InvalidOperation:  # an absurd number of digits: its float is close enough
        return float(d)
    return int(d) if d == d.to_integral_value() else float(d)


# --- a match -> an Amount ---------------------------------------------------------------------


def _words(text: str) -> list[str]:
    return [w.lower() for w in _MULT_WORD.findall(text)]


def _currency(g: dict) -> str:
    if g.get("post"):
        return POSTFIX_SYMBOLS[g["post"]][0]
    if g.get("sym"):
        # `US$ 5 milhões de dólares`: when symbol and word both stand, the symbol decides
        return CURRENCY_SYMBOLS[g["sym"]]
    return CURRENCY_WORDS[" ".join(g["word"].lower().split())]


def _amount(m: regex.Match, currency: str | None = None) -> Amount:
    """The amount a match is; `currency` is given for a listed amount, which has none of its own."""
    g = m.groupdict()  # each pattern has its own groups
    if g.get("cnum"):
        return Amount(m.start(), m.end(), _tidy(int(g["cnum"]) / 100), CENTS_CURRENCY[g["cword"].lower()])
    shared = currency is not None
    currency = currency or _currency(g)
    number = g.get("num") or g.get("pnum") or g.get("wnum") or g.get("bnum")
    words = _words(g.get("smults") or g.get("pmults") or g.get("wmults") or g.get("bmults") or g.get("bare") or "")
    factor = math.prod(MULTIPLIERS[w] for w in words)
    reading = _reading(number, words, currency) if number else _Reading(Decimal(factor))  # `mil reais`
    value, end = _with_parts(m, reading.value, factor, currency)
    if g.get("post"):  # `2,3 M€`
        post_factor = POSTFIX_SYMBOLS[g["post"]][1]
        value, factor = value * post_factor, factor * post_factor
    doubt = _implausible(value, currency, words, factor, reading)
    other = _believable(reading.other, value, currency)
    low = None if reading.low is None else _tidy(reading.low)
    value = _tidy(value)
    return Amount(
        m.start("bnum") if shared else m.start(),
        end,
        value if low is None else None,
        currency,
        low,
        value if low is not None else None,
        factor,
        other,
        doubt,
        shared,
    )


def _with_parts(m: regex.Match, value: Decimal, factor: int, currency: str) -> tuple[Decimal, int]:
    """The value with the parts written after the number added, and where the amount ends."""
    g, end = m.groupdict(), m.end()
    if g.get("half"):  # `dois bilhões e meio`
        value += factor / Decimal(2)
    if g.get("plus"):
        part = _reading(g["plus"], [g["plusmult"].lower()], currency).value
        if part < factor:  # `2 milhões e 300 mil`, never `2 mil e 3 milhões`
            value += part
        else:  # `entre R$ 100 mil e 200 mil`: the second is an amount of its own
            end = m.end("smults")
    if g.get("cents"):  # `15 reais e 50 centavos`
        value += Decimal(int(g["cents"])) / 100
    return value, end


def _believable(other: Decimal | None, value: Decimal, currency: str) -> Number | None:
    """The other reading, where it makes the number ambiguous: it differs and is itself believable
    (`R$ 2.073 trilhões` is not ambiguous: 2,073 trillion is no reading)."""
    if other is None or other == value or other > PLAUSIBLE_MAX.get(currency, math.inf):
        return None
    return _tidy(other)


def _with_listed(text: str, amounts: list[Amount]) -> list[Amount]:
    """Add the amounts that share the currency of the one before them (see `_LISTED`)."""
    out: list[Amount] = []
    for i, amount in enumerate(amounts):
        out.append(amount)
        limit = amounts[i + 1].start if i + 1 < len(amounts) else len(text)
        last = amount
        while (m := _LISTED.match(text, last.end)) is not None and m.end() <= limit:
            word = m.group("lword")  # `R$ 40 milhões e 2 milhões de reais`: its own word decides
            last = _amount(m, currency=CURRENCY_WORDS[" ".join(word.lower().split())] if word else last.currency)
            out.append(last)
    return out


def find_amounts(text: str) -> list[Amount]:
    """Every amount of money in `text`, intervals merged into one `Amount` with min/max."""
    amounts = _with_listed(text, [_with_shared_low(text, _amount(m)) for m in _amount_matches(text)])
    out: list[Amount] = []
    i = 0
    while i < len(amounts):
        merged = _interval(text, amounts[i], amounts[i + 1]) if i + 1 < len(amounts) else None
        out.append(merged or amounts[i])
        i += 2 if merged else 1
    return out


def _interval(text: str, a: Amount, b: Amount) -> Amount | None:
    """`entre R$ 100 mil e R$ 200 mil`, `de R$ 1 milhão a R$ 3 milhões`, `R$ 7 a 8 bilhões`."""
    join = _INTERVAL_JOIN.fullmatch(text[a.end : b.start])
    if join is None or a.currency != b.currency or a.value is None or b.value is None:
        return None
    word = (join.group(1) or join.group(2)).lower()
    head = _INTERVAL_HEAD.search(text[max(0, a.start - 12) : a.start])
    if b.shared and a.factor == 1 and b.factor > 1 and (word in _SHARED_MULT_JOINS or (word == "e" and _entre(head))):
        # the low bound borrows the multiplier where that keeps it under the high one
        # (`R$ 7 a 8 bilhões`, but `entre R$ 2.500 e 5 mil` stays 2,500)
        low = a.value * b.factor if a.value * b.factor <= b.value else a.value
        lo, hi = _tidy(Decimal(str(low))), b.value
    elif head and word in _HEAD_JOINS[head.group(1).lower()]:
        lo, hi = sorted((a.value, b.value))
    else:
        return None
    return Amount(a.start, b.end, None, a.currency, lo, hi, implausible=a.implausible or b.implausible)


def _entre(head: regex.Match | None) -> bool:
    return head is not None and head.group(1).lower() == "entre"


def _with_shared_low(text: str, amount: Amount) -> Amount:
    """`entre 30 e 45 milhões de reais`, `entre 5 mil e 50 mil euros`: the first bound, written
    without a currency, borrows the second's (and its multiplier, when it has none)."""
    if amount.value is None:
        return amount
    m = _SHARED_LOW.search(text, max(0, amount.start - 40), amount.start)
    if m is None or (amount.factor == 1 and not m.group("lowmult")):
        return amount
    factor = MULTIPLIERS[m.group("lowmult").lower()] if m.group("lowmult") else amount.factor
    low = _tidy(_reading(m.group("low"), [], amount.currency).value * factor)
    return Amount(
        m.start("low"), amount.end, None, amount.currency, low, amount.value, amount.factor, None, amount.implausible
    )


def parse_money(text: str) -> Amount | None:
    """The amount that `text` is, or None. Never raises.

    >>> parse_money("R$ 1,5 milhão").value
    1500000
    """
    try:
        amounts = find_amounts(text)
    except (ValueError, KeyError, OverflowError, ArithmeticError):
        return None
    return amounts[0] if len(amounts) == 1 else None


@Language.factory("ptpipe_money", assigns=["doc.ents"])
def make_money(nlp: Language, name: str):
    return money_component


def money_component(doc: Doc) -> Doc:
    return set_entities(doc, (Match(a.start, a.end, "MONEY", a.attrs()) for a in find_amounts(doc.text)))
