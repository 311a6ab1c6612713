"""DATE: dates and times in the text, as parts that `attributes` (`date_values.py`) turns into
ISO 8601 values.

What is read (the words are tables in `lang/pt/dates.py`):

- calendar dates: `06 de Julho de 2021`, `1º de abril`, `cinco de maio`, `primeiro de janeiro`,
  `5 maio`, `maio 5`, `15/03/2024`, `31/10/74` (two-digit years within ten years ahead of the
  publication and eighty-nine back), `2024-03-15`, `março de 2020`, `jan/2024`, `dia 12/03`;
  a month alone after `em`, `até`, `desde`, `para`, `a partir de`, `durante` (`em março`);
- days named by a word: `ontem`, `amanhã`, `anteontem`, `antes de ontem`, `depois de amanhã`,
  `hoje` (only with a time or a day number after it);
- weekdays: `terça-feira`, `nesta sexta (15)`, `na próxima segunda`, `quarta que vem`,
  `domingo passado`, `terça desta semana`, `2.ª-feira`; never `toda terça-feira`,
  `de segunda a sexta`, `às segundas`, nor a short `segunda` that is an ordinal;
- days of the month: `dia 17`, `no último dia 10`, `no próximo dia 5`;
- the unit of publication or the one next to it: `mês passado`, `no próximo mês`, `ano que vem`,
  `este ano`, `nesta semana` (ISO week, `2024-W11`);
- offsets: `há três semanas`, `faz cinco dias`, `daqui a dois meses`, `em 10 dias`, `dois anos atrás`;
- holidays: `Natal`, `Ano Novo`, `Tiradentes`, `Carnaval`, `Páscoa` (from Easter of the year), ...;
- parts and positions: `início de março` (days 1-10), `meados` (11-20), `fim` (21-end); of a
  year, January-April, May-August, September-December; `primeiro/último dia/mês de 2013`,
  `primeira semana de março`; `segundo semestre`, `1º trimestre de 2024`;
- intervals: `de 13 a 15 de julho`, `entre março e maio`, `de 1º de abril a 30 de abril de 2024`,
  `de 2019 a 2022` (one span, `start` and `end`, `value` null); a date after `até` ends an open
  interval, after `a partir de`/`desde` starts one (the span stays the date, which keeps its value);
- times of day next to a date: `15/03/2024 às 10h30`, `amanhã às 15h`, `na manhã desta terça`,
  `neste sábado, das 8h às 17h`, `ao meio-dia`: a mention of their own, on that date. A time with
  no date beside it (`das 8h às 17h` in opening hours) is not read.

Names are not dates: `Rua 25 de Março`, `Avenida Sete de Setembro`, `Rio de Janeiro`, `em Natal`,
`13º salário`, `a segunda edição`, `o primeiro de vários`.

How a date that the text leaves open is fixed against the publication date (a weekday, a day of
the month, a month, a holiday or a day and month without a year):

1. a qualifier: `próxima`, `que vem` -> the next one after publication; `última`, `passada`,
   `passado` -> the last one before it;
2. a word before it: `para`, `até`, `a partir de` -> on or after publication (`adiado para
   sexta-feira`); `desde` -> on or before;
3. the tense of its verb (the spaCy morphology where the pipeline has it, else the words of its
   clause): past -> on or before publication; future, or `vai`/`será` -> on or after;
4. otherwise the nearest occurrence (`nesta terça-feira`: within three days either way).

A day and month without a year keep their nearest occurrence unless the tense or the word before
points the other way by more than a month (`foi entregue em 15 de outubro` written in November).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spacy.language import Language
from spacy.symbols import AUX, VERB
from spacy.tokens import Doc

from ..lang.pt import dates as pt
from ._spans import Match, set_entities
from .date_values import attributes, easter, resolve

__all__ = ["attributes", "easter", "find_dates", "parse_date", "read_tenses", "resolve", "text_tense"]

# The stdlib `re` rather than `regex` in this module: the patterns need nothing `regex` adds, and
# `re` scans about twice as fast, which matters at 0.3 ms a document (benchmarks/dates.py).
_I = re.IGNORECASE


def _alt(words: Iterable[str]) -> str:
    """Alternation of `words` as a trie (`ma(?:io|r(?:ço|co))`), any space matching one or more:
    `re` tries the branches of a plain alternation one by one at every position, a trie fails
    at the first letter. A word that is the start of another is tried after it (greedy)."""
    trie: dict = {}
    for word in set(words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(trie)


def _branches(node: dict) -> str:
    options = [
        (r"\s+" if char == " " else re.escape(char)) + _branches(rest) for char, rest in sorted(node.items()) if char
    ]
    if not options:
        return ""
    body = options[0] if len(options) == 1 else "(?:" + "|".join(options) + ")"
    return f"(?:{body})?" if "" in node else body


_M = _alt(pt.MONTHS_IN_TEXT)
_M_ALONE = _alt(pt.MONTHS_ALONE)
_M_ABBR = _alt(k for k in pt.MONTHS if len(k) == 3)
_Y = r"(?:1[89]|20)\d\d"
_D = r"[0-3]?\d(?:\.?[º°]|o(?!\w))?"
_DW = _alt([*pt.NUMBER_WORDS, *pt.FIRST_WORDS])
_N = rf"\d{{1,3}}|{_alt(pt.NUMBER_WORDS)}"
_WD = r"(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?|sábado|sabado|domingo"
_TIME = r"(?:[01]?\d|2[0-3])(?:h(?:[0-5]\d)?(?:min)?|:[0-5]\d)"
_PARTS = _alt(pt.PARTS_OF_DAY)


def _rule(pattern: str) -> re.Pattern:
    """A rule's pattern: lower case, matched against the lower-cased text (case-insensitive
    matching costs `re` a lower-casing of every character it tries)."""
    return re.compile(pattern)


# --- what a rule found ------------------------------------------------------------------------


class _Found:
    """A date expression: its span (`start`, `end`), where its words begin (`expr`: an anchor such
    as `nesta` or `próxima` is read but stays out of the span), its parts, and where its words end
    (`reach`: `passada` in `terça-feira passada`), if after `end`. A plain class with slots: a
    document makes dozens of them."""

    __slots__ = ("end", "expr", "parts", "reach", "start")

    def __init__(self, start: int, end: int, expr: int, parts: dict | None = None, reach: int = -1) -> None:
        self.start = start
        self.end = end
        self.expr = expr
        self.parts = {} if parts is None else parts
        self.reach = reach if reach > end else end


def _found(m: re.Match, parts: dict | None, group: str | int = 0, expr: int | None = None) -> _Found | None:
    if parts is None:
        return None
    return _Found(m.start(group), m.end(), m.start() if expr is None else expr, parts)


def _word_before(text: str, start: int) -> str:
    """The word just before `start` (only spaces between), as written: within the 30 characters
    before `start`, the end of the last run of non-spaces, from its first letter that only word
    characters and hyphens (and one closing dot) follow."""
    window = text[max(0, start - 30) : start]
    head = window.rstrip()
    if not head or len(head) == len(window):
        return ""
    last = head.rsplit(None, 1)[-1]
    if last.isalpha():  # letters only: the whole run is the word (most runs are)
        return last
    m = _LAST_WORD.search(last)  # a search of a few characters, not of 30
    return m.group() if m else ""


_LAST_WORD = re.compile(r"[^\W\d_][\w-]*\.?\Z")


def _day(written: str) -> int:
    if written.isdecimal():  # `6`, `15`: the most common, and no word of the tables
        return int(written)
    written = written.lower()
    if written in pt.FIRST_WORDS:
        return 1
    if written in pt.NUMBER_WORDS or " " in written:
        return pt.NUMBER_WORDS[" ".join(written.split())]
    return int(_DIGITS.match(written).group())


_DIGITS = re.compile(r"\d+")


def _count(written: str) -> int:
    written = " ".join(written.lower().split())
    return pt.NUMBER_WORDS[written] if written in pt.NUMBER_WORDS else int(written)


def _month(written: str) -> int:
    return pt.MONTHS[written.lower()]


@functools.lru_cache(maxsize=4096)  # the same few dates come back in every document
def _valid(day: int | None, month: int, year: int | None) -> bool:
    try:  # `31 de fevereiro` is not a date; `29 de fevereiro` is, in some year
        dt.date(year or 2000, month, day or 1)
    except ValueError:
        return False
    return True


def _calendar(day: int | None, month: int, year: str | None) -> dict | None:
    parts: dict = {"day": day, "month": month, "year": None}
    if year is not None:
        number = int(year)
        if len(year) == 2:
            parts["year"] = number + (2000 if number < 40 else 1900)
            parts["yy"] = number  # re-read against the publication year in `attributes`
        else:
            parts["year"] = number
    return parts if _valid(day, month, parts["year"]) else None


def _a_name(text: str, m: re.Match, month_group: str = "month") -> bool:
    """`Rua 25 de Março`, `Escola Estadual 2 de Julho`: a day and month inside a name."""
    before = _word_before(text, m.start())
    lead = before.lower()
    if lead.rstrip(".") in pt.NAME_LEADS:
        return True
    if before[:1].isupper() and text[m.start(month_group)].isupper() and not m.groupdict().get("year"):
        return lead not in pt.DATE_LEADS
    return lead == "rio" and text[m.start(month_group) : m.end(month_group)].lower() == "janeiro"


# --- the rules --------------------------------------------------------------------------------
# Each rule is a pattern and a builder: match -> _Found (or a list of them) or None.

_OF_YEAR = r"\s+(?P<of_year>deste\s+ano|do\s+ano\s+passado|do\s+ano\s+que\s+vem|do\s+pr[óo]ximo\s+ano)(?!\w)"
_DAY_MONTH = _rule(
    rf"(?<![\w/.,-])(?:(?P<day>{_D})|(?P<dayword>{_DW}))\s+(?:de\s+)?(?P<month>{_M})(?!\w)"
    rf"(?:\s*(?:,|de|/)?\s*(?P<year>{_Y})(?![\w]|[.,]\d)|{_OF_YEAR})?"
)
_YEAR_SHIFT = {"deste ano": 0, "do ano passado": -1, "do ano que vem": 1, "do próximo ano": 1, "do proximo ano": 1}


def _day_month(text: str, m: re.Match) -> _Found | None:
    """`6 de julho de 2021`, `cinco de maio`, `1º de abril deste ano`, `5 maio`."""
    if _a_name(text, m):
        return None
    day, dayword, month, year, of_year = m.group("day", "dayword", "month", "year", "of_year")  # one call
    parts = _calendar(_day(day or dayword), _month(month), year)
    if parts is not None and of_year:
        parts["year_shift"] = _YEAR_SHIFT[" ".join(of_year.split())]
    return _found(m, parts)


_DAY_RANGE = _rule(
    rf"(?<![\w/.,-])(?P<d1>{_D}|{_DW})(?P<conn>\s+(?:a|até|ate|e)\s+|\s*[-–]\s*)(?P<d2>{_D}|{_DW})"
    rf"\s+de\s+(?P<month>{_M})(?!\w)(?:\s+de\s+(?P<year>{_Y})(?![\w]|[.,]\d))?"
)


def _day_range(text: str, m: re.Match) -> list[_Found] | None:
    """`de 13 a 15 de julho` is one interval; `13 e 14 de julho` two days (unless after `entre`)."""
    if _a_name(text, m):
        return None
    month, year = _month(m.group("month")), m.group("year")
    first, last = _calendar(_day(m.group("d1")), month, year), _calendar(_day(m.group("d2")), month, year)
    if first is None or last is None or first["day"] >= last["day"]:
        return None
    list_of_two = m.group("conn").strip() == "e" and _word_before(text, m.start()).lower() != "entre"
    if list_of_two:
        return [
            _Found(m.start(), m.end("d1"), m.start(), first),
            _Found(m.start("d2"), m.end(), m.start("d2"), last),
        ]
    return [_Found(m.start(), m.end(), m.start(), {"interval": [first, last]})]


_MONTH_YEAR = _rule(rf"(?<!\w)(?P<month>{_M})\s*(?:de\s+|/\s*|\s)\s*(?P<year>{_Y})(?![\w]|[.,]\d)")


def _month_year(text: str, m: re.Match) -> _Found | None:
    return _found(m, _calendar(None, _month(m.group("month")), m.group("year")))


_MONTH_DAY = _rule(
    rf"(?<!\w)(?P<month>{_M_ALONE})\s+(?P<day>[0-3]?\d)(?:,?\s+(?P<year>{_Y}))?(?=\s*(?:[.;:!?)]|,\s|$))"
)


def _month_day(text: str, m: re.Match) -> _Found | None:
    """`maio 5`: only where nothing but punctuation follows (`em maio 5 municípios` is no date)."""
    if _a_name(text, m):
        return None
    return _found(m, _calendar(int(m.group("day")), _month(m.group("month")), m.group("year")))


_MONTH_ALONE = _rule(
    rf"(?<!\w)(?P<lead>em|até|ate|desde|para|a\s+partir\s+de|durante|(?:n?o\s+)?m[eê]s\s+de)\s+(?P<month>{_M_ALONE})"
    r"(?!\w)(?:\s+(?P<after>passado|que\s+vem|deste\s+ano|do\s+ano\s+passado|do\s+ano\s+que\s+vem"
    r"|do\s+próximo\s+ano|do\s+proximo\s+ano)(?!\w))?"
)


def _month_alone(text: str, m: re.Match) -> _Found | None:
    """`em março`, `até dezembro`, `março passado`, `em maio do ano que vem`: a month of a year the
    publication date and the sentence decide."""
    if text[m.start("month")].isupper() and _word_before(text, m.start("month"))[:1].isupper():
        return None
    parts: dict = {"day": None, "month": _month(m.group("month")), "year": None}
    after = " ".join((m.group("after") or "").lower().split())
    if after in _YEAR_SHIFT:
        parts["year_shift"] = _YEAR_SHIFT[after]
    elif after:
        parts["relative"] = "last" if after == "passado" else "next"
    return _found(m, parts, "month", expr=m.start("month"))  # the word before is read as context


_MONTH_RANGE = _rule(
    rf"(?<!\w)(?P<lead>de|entre|desde)\s+(?P<m1>{_M_ALONE})(?:\s+de\s+(?P<y1>{_Y}))?\s+(?P<conn>a|até|ate|e)\s+"
    rf"(?P<m2>{_M})(?!\w)(?:\s+de\s+(?P<y2>{_Y})(?![\w]|[.,]\d))?"
)


def _month_range(text: str, m: re.Match) -> _Found | None:
    """`entre março e maio`, `de março a maio de 2024`: months of one interval."""
    if (m.group("conn").lower() == "e") != (m.group("lead").lower() == "entre"):
        return None
    if _word_before(text, m.start()).lower() == "rio":
        return None
    first_month, last_month, y2 = _month(m.group("m1")), _month(m.group("m2")), m.group("y2")
    y1 = m.group("y1") or (y2 and str(int(y2) - (first_month > last_month)))  # `entre dezembro e março de 2014`
    first, last = _calendar(None, first_month, y1), _calendar(None, last_month, y2)
    if first is None or last is None:
        return None
    return _found(m, {"interval": [first, last]}, "m1")


_NUMERIC = _rule(
    r"(?<![\d/.])(?P<day>[0-3]?\d)(?P<sep>[/.])(?P<month_num>[01]?\d)(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\d/]|\.\d)"
)


def _numeric(text: str, m: re.Match) -> _Found | None:
    return _found(m, _calendar(int(m.group("day")), int(m.group("month_num")), m.group("year")))


_ISO = _rule(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?![\d-])")


def _iso_date(text: str, m: re.Match) -> _Found | None:
    return _found(m, _calendar(int(m.group("day")), int(m.group("month_num")), m.group("year")))


_DAY_SLASH = _rule(r"(?<![\w/.])(?P<day>[0-3]?\d)/(?P<month_num>[01]?\d)(?![\d/]|[.,]\d)")
_SLASH_LEADS = frozenset({"dia", "em", "até", "ate", "desde", "partir"})
_SLASH_RANGE = re.compile(r"\s+(?:a|até|ate|e)\s+[0-3]?\d/[01]?\d(?![\d/])", _I)
_SLASH_FIRST = re.compile(r"(?<![\d/])[0-3]?\d/[01]?\d\s+(?:a|até|ate|e)\s+$", _I)


def _day_slash(text: str, m: re.Match) -> _Found | None:
    """`no dia 12/03`, `até 15/3`, `de 12/03 a 15/03`: day and month only after a word that makes
    them a date (`3/4 dos municípios` is a fraction)."""
    before = _word_before(text, m.start()).lower()
    ranged = (before in {"de", "entre"} and _SLASH_RANGE.match(text, m.end())) or _SLASH_FIRST.search(
        text, max(0, m.start() - 16), m.start()
    )
    if before not in _SLASH_LEADS and not ranged:
        return None
    return _found(m, _calendar(int(m.group("day")), int(m.group("month_num")), None))


_ABBR = _rule(rf"(?<!\w)(?P<month>{_M_ABBR})\.?/(?P<year>(?:19|20)?\d\d)(?![\d/])")


def _abbr(text: str, m: re.Match) -> _Found | None:
    return _found(m, _calendar(None, _month(m.group("month")), m.group("year")))


_YEAR_RANGE = _rule(
    rf"(?<!\w)(?P<lead>de|entre|desde)\s+(?P<y1>{_Y})\s+(?P<conn>a|até|ate|e)\s+(?P<y2>{_Y})(?![\w]|[.,]\d)"
)


def _year_range(text: str, m: re.Match) -> _Found | None:
    """`de 2019 a 2022`, `entre 2020 e 2022`: a year alone is no date here, two of them are."""
    if (m.group("conn").lower() == "e") != (m.group("lead").lower() == "entre"):
        return None
    first, last = int(m.group("y1")), int(m.group("y2"))
    if first >= last:
        return None
    return _found(m, {"interval": [{"year_only": first}, {"year_only": last}]}, "y1")


_WEEKDAY = _rule(
    rf"(?<!\w)(?:(?P<anchor>{_alt(pt.THIS_WEEK | pt.NEXT | pt.LAST | {'na', 'no'})})\s+)?"
    r"(?P<weekday>(?P<short>segunda|terça|terca|quarta|quinta|sexta)(?P<feira>[- ]feira)?|sábado|sabado|domingo"
    r"|(?P<num>[2-6])\.?ª[- ]feira)(?!\w)"
    r"(?:\s*\(\s*(?P<daynum>[0-3]?\d)\s*\)|,\s+(?P<daynum2>[0-3]?\d)(?=\s*[,.;)]))?"
    rf"(?:\s+(?P<after>{_alt(pt.NEXT_AFTER | pt.LAST_AFTER)}|(?:desta|nesta|dessa|nessa|esta)\s+semana"
    r"|da\s+pr[óo]xima\s+semana|da\s+semana\s+que\s+vem|da\s+semana\s+passada|da\s+[úu]ltima\s+semana)(?!\w))?"
)
_WEEK_AFTER = {"desta": "this_week", "nesta": "this_week", "dessa": "this_week", "nessa": "this_week"}
_RANGE_AFTER = re.compile(rf"\s+(?:a|e|até|ate)\s+(?:{_WD})(?!\w)", _I)
_RANGE_BEFORE = re.compile(rf"(?:de|entre)\s+(?:{_WD})\s+(?:a|e|até|ate)\s+$", _I)
_ORDINAL_NEXT = re.compile(rf"\s+(?:{_alt(pt.ORDINAL_NOUNS)})(?!\w)", _I)


def _weekday(text: str, m: re.Match) -> _Found | None:
    g = m.groupdict()  # one call (the cost of three `m.group`) for the ten groups it reads
    anchor = (g["anchor"] or "").lower()
    after = " ".join((g["after"] or "").lower().split())
    feira = g["feira"] or ""
    short = g["short"] and not feira.startswith("-")
    if _recurring(text, m, anchor):
        return None
    if short and _ORDINAL_NEXT.match(text, m.end("weekday")):
        return None  # `nesta segunda etapa`
    daynum = g["daynum"] or g["daynum2"]  # `nesta sexta (15)`, `nesta quarta-feira, 9,`
    qualified = (anchor and anchor not in {"na", "no"}) or after or daynum
    if short and not qualified:
        return None  # `na segunda etapa`, `a segunda edição`: a short weekday needs its anchor
    if feira and not feira.startswith("-") and not qualified:
        return None  # `a sexta feira de artesanato`
    written = g["weekday"].lower()
    weekday = pt.WEEKDAY_NUMBERS[g["num"]] if g["num"] else pt.WEEKDAYS[_weekday_key(written)]
    parts: dict = {"weekday": weekday, "relative": _weekday_relative(anchor, after)}
    if daynum:
        parts["daynum"] = int(daynum)
    return _Found(m.start("weekday"), m.end("weekday"), m.start(), parts, m.end())


def _weekday_key(written: str) -> str:
    key = written.replace(" ", "-")
    return key if key in pt.WEEKDAYS else key.split("-")[0]


def _weekday_relative(anchor: str, after: str) -> str | None:
    if after.endswith("semana"):
        return _WEEK_AFTER.get(after.split()[0], "next_week" if "próxima" in after or "proxima" in after else None)
    if after.endswith(("que vem", "passada")) and "semana" in after:
        return "next_week" if after.endswith("que vem") else "last_week"
    if after in pt.LAST_AFTER or anchor in pt.LAST:
        return "last"
    if after or anchor in pt.NEXT:
        return "next"
    return "this" if anchor in pt.THIS_WEEK else None


def _recurring(text: str, m: re.Match, anchor: str) -> bool:
    """`toda terça-feira`, `de segunda a sexta`, `às segundas`: every such day, no date."""
    if anchor:  # `nesta terça-feira`, `na segunda`: one day
        return False
    word = _word_before(text, m.start()).lower()
    if word in pt.EVERY:
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    if _last_token(before).lower() in _RANGE_LINKS and _RANGE_BEFORE.search(before):
        return True
    return word in {"de", "entre"} and bool(_RANGE_AFTER.match(text, m.end()))


def _last_token(text: str) -> str:
    """The last run of non-spaces in `text`: a pattern that ends with a word and spaces can only
    match where that run is the word, a cheap test before the search."""
    tokens = text.rsplit(None, 1)
    return tokens[-1] if tokens else ""


_RANGE_LINKS = frozenset({"a", "e", "até", "ate"})  # the last word `_RANGE_BEFORE` reads


_DAY_WORD = _rule(
    r"(?<!\w)(?P<word>depois\s+de\s+amanh[ãa]|depois-de-amanh[ãa]|antes\s+de\s+ontem|antes-de-ontem|anteontem"
    r"|ontem|amanh[ãa]|hoje)(?!\w)(?:\s*\(\s*(?P<daynum>[0-3]?\d)\s*\))?"
)


def _day_word(text: str, m: re.Match) -> _Found | None:
    word = " ".join(m.group("word").lower().replace("-", " ").split())
    before = _word_before(text, m.start()).lower()
    if (
        word in {"hoje", "amanhã", "amanha"}
        and before in {"de", "do", "o"}
        and not _TIME_JUST_BEFORE.search(text, max(0, m.start() - 20), m.start())
        and _word_before(text, m.start() - len(before) - 1).lower() != "dia"
        and not _BEFORE.search(text[max(0, m.start() - 24) : m.start()].lower())
    ):
        return None  # `o Brasil de hoje`, `a escola do amanhã`; not `no dia de amanhã`, `a partir de amanhã`
    if word == "hoje" and not m.group("daynum") and not _TIME_AFTER.match(text[m.end() : m.end() + 40].lower()):
        return None  # alone, `hoje` mostly means "nowadays"
    return _Found(m.start(), m.end("word"), m.start(), {"offset": pt.DAY_OFFSETS[word]}, m.end())


_TIME_JUST_BEFORE = re.compile(rf"(?:{_TIME}|{_PARTS})\s+de\s+$", _I)

_DIA = _rule(
    r"(?<!\w)(?:(?P<anchor>próximo|proximo|último|ultimo|passado|este|neste|deste|nesse|desse|esse)\s+)?(?P<dia>dia)\s+"
    r"(?P<day>[0-3]?\d)(?:\.?[º°]|o(?!\w))?(?![\d/]|[.,]\d|\s*(?:h(?!\w)|h\d|:\d|horas?(?!\w)))"
)
_EACH_AFTER = re.compile(r"\s+de\s+cada(?!\w)", _I)


def _dia(text: str, m: re.Match) -> _Found | None:
    """`no dia 17`, `este dia 17`, `no último dia 10`: a day of a month around publication."""
    day = int(m.group("day"))
    if not 1 <= day <= 31 or _word_before(text, m.start()).lower() in {"ao", "por", "cada", "todo", "a"}:
        return None
    if _EACH_AFTER.match(text, m.end()):
        return None  # `dia 15 de cada mês`
    anchor = (m.group("anchor") or "").lower()
    relative = "next" if anchor in pt.NEXT else "last" if anchor in pt.LAST else None
    return _Found(m.start("dia"), m.end(), m.start(), {"day_of_month": day, "relative": relative})


_UNIT = _rule(
    rf"(?<!\w)(?:(?P<pre>{_alt(pt.UNIT_THIS | pt.UNIT_NEXT)})\s+)?"
    r"(?P<unit>semana|mês|mes|ano)(?!\w)"
    rf"(?:\s+de\s+(?P<month>{_M_ALONE})(?!\w)|\s+(?P<post>{_alt(pt.UNIT_AFTER)})(?!\w))?"
)


def _unit(text: str, m: re.Match) -> _Found | None:
    """`mês passado`, `no próximo mês`, `ano que vem`, `este ano`, `nesta semana`."""
    pre = (m.group("pre") or "").lower()
    post = " ".join((m.group("post") or "").lower().split())
    if not pre and not post:
        return None
    unit = pt.UNITS[m.group("unit").lower()]
    if m.group("month"):  # `no próximo mês de março`: that month, the next one
        if unit != "month":
            return None
        relative = "next" if pre in pt.UNIT_NEXT else None
        return _found(m, {"day": None, "month": _month(m.group("month")), "year": None, "relative": relative})
    shift = 1 if pre in pt.UNIT_NEXT else pt.UNIT_AFTER.get(post, 0)
    return _found(m, {"unit": unit, "shift": shift})


_OFFSET = _rule(
    rf"(?<!\w)(?:(?P<pre>{_alt(pt.OFFSET_BEFORE)})\s+)?(?P<n>{_N})\s+(?P<unit>dias?|semanas?|mês|mes|meses|anos?)(?!\w)"
    rf"(?:\s+(?P<post>{_alt(pt.OFFSET_AFTER)})(?!\w))?"
)


def _offset(text: str, m: re.Match) -> _Found | None:
    """`há três semanas`, `faz cinco dias`, `daqui a dois meses`, `em 10 dias`, `dois anos atrás`."""
    pre = " ".join((m.group("pre") or "").lower().split())
    post = (m.group("post") or "").lower()
    if bool(pre) == bool(post):
        return None
    unit = pt.UNITS[m.group("unit").lower()]
    if pre == "em" and unit == "year":
        return None  # `em dez anos, o programa atendeu...` is a span of time more often than a date
    n = _count(m.group("n"))
    if not 0 < n <= 366 or _HALF_MORE.match(text, m.end()):
        return None  # `há dois anos e meio` is no day, month or year
    sign = pt.OFFSET_BEFORE[pre] if pre else pt.OFFSET_AFTER[post]
    parts = {"offset": sign * n, "unit": unit}
    if pre in {"há", "faz"}:
        if _a_duration(text, m.start()):
            return None  # `esperávamos há 20 anos`, `atua há dez anos`: how long, not when
        parts["ago"] = True
    return _found(m, parts)


_HALF_MORE = re.compile(r"\s+e\s+meio(?!\w)", _I)


def _a_duration(text: str, start: int) -> bool:
    """Whether the verb before `há N anos` is in the present or the imperfect (a duration)."""
    lo = max(0, start - 80)
    stop = _LAST_STOP.match(text, lo, start)
    for word in reversed(_WORDS.findall(text, stop.end() if stop else lo, start)[-6:]):
        low = word.lower()
        if (
            low in pt.IMPERFECT_WORDS
            or low in pt.DURATION_WORDS
            or (len(low) > 4 and low.endswith(pt.IMPERFECT_ENDINGS))
        ):
            return True
        if _word_tense(word):
            return False
    return False


_PART = _rule(
    rf"(?<!\w)(?P<part>{_alt(pt.PARTS)})\s+(?:de|do|deste|desse)\s+(?:(?P<month>{_M})(?!\w)(?:\s+(?:de\s+)?(?P<year>{_Y}))?"
    r"|(?P<year2>(?:1[89]|20)\d\d)|(?P<unit>mês|mes|ano)(?:\s+(?P<post>passado|que\s+vem))?)(?![\w]|[.,]\d)"
)


def _part(text: str, m: re.Match) -> _Found | None:
    """`início de março`, `meados de 2023`, `fim do ano`, `final do mês passado`: a third of it."""
    part = pt.PARTS[m.group("part").lower()]
    of = _of(m)
    return _found(m, {"part": part, "of": of}) if of else None


def _of(m: re.Match) -> dict | None:
    """What a part or a position is of: a month (of a year), a year, or the month or year of
    publication (`do mês`, `do ano passado`)."""
    if m.group("month"):
        return _calendar(None, _month(m.group("month")), m.group("year"))
    if m.group("year2"):
        return {"year_only": int(m.group("year2"))}
    unit = pt.UNITS[m.group("unit").lower()]
    post = " ".join((m.group("post") or "").lower().split())
    return {"unit": unit, "shift": pt.UNIT_AFTER.get(post, 0)}


_POSITION = _rule(
    rf"(?<!\w)(?P<pos>{_alt(pt.POSITIONS)})\s+(?P<what>dia|semana|mês|mes)\s+(?:de|do|da)\s+"
    rf"(?:(?P<month>{_M})(?!\w)(?:\s+de\s+(?P<year>{_Y}))?|(?P<year2>(?:1[89]|20)\d\d)"
    r"|(?P<unit>mês|mes|ano)(?:\s+(?P<post>passado|que\s+vem))?)(?![\w]|[.,]\d)"
)


def _position(text: str, m: re.Match) -> _Found | None:
    """`primeiro dia de 2013`, `último dia de março`, `primeira semana de março`, `último mês do ano`."""
    what = pt.UNITS[m.group("what").lower()]
    of = _of(m)
    if of is None or (what == "month" and ("month" in of or of.get("unit") == "month")):
        return None
    if what == "week" and of.get("unit") == "week":
        return None
    return _found(m, {"position": pt.POSITIONS[m.group("pos").lower()], "what": what, "of": of})


_HALF = _rule(
    r"(?<!\w)(?P<ord>primeiro|segundo|terceiro|quarto|[1-4]\.?[º°o])\s+(?P<unit>semestre|trimestre)(?!\w)"
    rf"(?:\s+(?:de|do\s+ano\s+de)\s+(?P<year>{_Y})|\s+(?:deste|do|desse)\s+ano(?:\s+(?P<post>passado|que\s+vem))?)?"
    r"(?![\w]|[.,]\d)"
)


def _half(text: str, m: re.Match) -> _Found | None:
    """`segundo semestre`, `1º trimestre de 2024`: an interval of months."""
    n = pt.ORDINALS.get(m.group("ord").lower().replace(".", ""))
    size = 6 if m.group("unit").lower() == "semestre" else 3
    if n is None or n * size > 12:
        return None
    post = " ".join((m.group("post") or "").lower().split())
    of = (
        {"year_only": int(m.group("year"))}
        if m.group("year")
        else {"unit": "year", "shift": pt.UNIT_AFTER.get(post, 0)}
    )
    return _found(m, {"months": [(n - 1) * size + 1, n * size], "of": of})


_HOLIDAY_NAMES = {**pt.FIXED_HOLIDAYS, **pt.EASTER_HOLIDAYS, **{k: () for k in pt.NTH_SUNDAY_HOLIDAYS}}
_HOLIDAY = _rule(
    rf"(?<!\w)(?:(?P<lead>{_alt(set().union(*pt.HOLIDAY_LEADS.values()))})\s+)?(?P<name>{_alt(_HOLIDAY_NAMES)})(?!\w)"
    rf"(?:\s+(?:de\s+)?(?P<year>{_Y})(?![\w]|[.,]\d))?"
)


def _holiday(text: str, m: re.Match) -> _Found | None:
    """`no Natal`, `a Páscoa de 2025`, `feriado de Tiradentes`, `Dia das Mães`."""
    name = " ".join(m.group("name").lower().split())
    lead = " ".join((m.group("lead") or "").lower().split())
    kind = _holiday_class(name)
    if kind and lead not in pt.HOLIDAY_LEADS[kind]:
        return None
    if name == "ano novo" and not text[m.start("name")].isupper() and lead not in {"no", "o", "do", "ao", "pelo"}:
        return None  # `um ano novo de trabalho`
    if f"{lead} {name}" in _HOLIDAY_NAMES:  # `véspera de Natal` is a day of its own
        name = f"{lead} {name}"
    parts: dict = {"holiday": name, "year": int(m.group("year")) if m.group("year") else None}
    start = m.start("name")
    if lead in {"dia de", "véspera de", "vespera de"}:
        start = m.start()  # `dia de Tiradentes` is the whole name
    return _Found(start, m.end(), m.start(), parts)


def _holiday_class(name: str) -> str:
    if name in pt.FIXED_HOLIDAYS:
        return pt.FIXED_HOLIDAYS[name][2]
    if name in pt.EASTER_HOLIDAYS:
        return pt.EASTER_HOLIDAYS[name][1]
    return ""


# --- where to look -----------------------------------------------------------------------------
# One scan of the lower-cased text finds the words a date is built around (months, weekdays, `dia`,
# `ano`, holidays...) and the digits with a separator (`15/03`); each such trigger tries only the
# rules that can hold it, in a window that reaches as far back as their words can, and only when
# the words just before it allow them (a day and month need `de` and a day before the month).


@functools.lru_cache(maxsize=4096)  # a gate asks it of the same few words at every trigger
def _number(word: str) -> bool:
    """A day as written before `de <month>`: `6`, `1º`, `cinco`, `primeiro`, `13-15`."""
    word = word.replace("–", "-").rsplit("-", 1)[-1]
    return word.rstrip("º°o.").isdigit() or word in pt.NUMBER_WORDS or word in pt.FIRST_WORDS


_PREP_MONTH = frozenset({"em", "até", "ate", "desde", "para", "durante"})
_OF_MONTH = frozenset({"partir", "mês", "mes"})
_UNIT_WORDS = frozenset({"dia", "semana", "mês", "mes"})
_OF = frozenset({"de", "do", "da", "deste", "desse"})


# Gates on the three words before a trigger (`prev`, `prev2`, `prev3`): whether a rule can hold it.
def _day_before(prev: str, prev2: str, prev3: str) -> bool:  # `6 de julho`, `5 maio`
    return (prev == "de" and _number(prev2)) or _number(prev)


def _days_of(prev: str, prev2: str, prev3: str) -> bool:  # `13 a 15 de julho`, `13-15 de julho`
    # the second day follows a dash (in its run or the one before) or a linking word
    linked = "-" in prev2 or "–" in prev2 or prev3 in _RANGE_LINKS or prev3.endswith(("-", "–"))
    return prev == "de" and linked and _number(prev2)


def _range_of(prev: str, prev2: str, prev3: str) -> bool:  # `entre março e maio`, `de março a maio`
    return prev in {"entre", "desde"} or (prev == "de" and not _number(prev2))


def _part_of(prev: str, prev2: str, prev3: str) -> bool:  # `início de março`, `fim do ano`
    return prev in _OF and prev2 in pt.PARTS


def _position_of(prev: str, prev2: str, prev3: str) -> bool:  # `último dia de março`
    return prev in _OF and prev2 in _UNIT_WORDS


def _position_at(prev: str, prev2: str, prev3: str) -> bool:  # `último dia do ano`, `primeira semana de`
    return prev in _OF or prev in pt.POSITIONS


def _month_after(prev: str, prev2: str, prev3: str) -> bool:  # `em março`, `a partir de março`, `no mês de março`
    return prev in _PREP_MONTH or (prev == "de" and prev2 in _OF_MONTH)


def _month_of(prev: str, prev2: str, prev3: str) -> bool:  # `no próximo mês de março`
    return prev == "de" and prev2 in {"mês", "mes"}


def _counted(prev: str, prev2: str, prev3: str) -> bool:  # `há três semanas`
    return _number(prev)


def _first_or_last(prev: str, prev2: str, prev3: str) -> bool:  # `primeiro dia de 2013`
    return prev in pt.POSITIONS


@dataclass(frozen=True)
class _Try:
    """A rule as a trigger tries it: `back` characters before the trigger where its match may
    start (0: at the trigger), `ahead` characters its words need after the trigger, and a gate
    on the two words before the trigger."""

    pattern: re.Pattern
    build: object
    back: int = 0
    ahead: int = 0
    gate: object = None


_KINDS: dict[str, tuple[_Try, ...]] = {
    "month": (
        _Try(_DAY_RANGE, _day_range, 36, 0, _days_of),
        _Try(_DAY_MONTH, _day_month, 24, 0, _day_before),
        _Try(_MONTH_YEAR, _month_year),
        _Try(_MONTH_DAY, _month_day),
        _Try(_MONTH_RANGE, _month_range, 7, 34, _range_of),
        _Try(_PART, _part, 16, 0, _part_of),
        _Try(_POSITION, _position, 22, 0, _position_of),
        _Try(_MONTH_ALONE, _month_alone, 14, 0, _month_after),
        _Try(_UNIT, _unit, 18, 0, _month_of),
    ),
    "abbr": (_Try(_ABBR, _abbr),),
    "weekday": (_Try(_WEEKDAY, _weekday, 10), _Try(_HOLIDAY, _holiday)),
    "dayword": (_Try(_DAY_WORD, _day_word, 10),),
    "dia": (_Try(_DIA, _dia, 10, 4), _Try(_HOLIDAY, _holiday), _Try(_POSITION, _position, 10, 24, _first_or_last)),
    "dias": (_Try(_OFFSET, _offset, 26, 0, _counted),),
    "unit": (
        _Try(_UNIT, _unit, 10),
        _Try(_OFFSET, _offset, 26, 0, _counted),
        _Try(_PART, _part, 16, 0, _part_of),
        _Try(_POSITION, _position, 22, 24, _position_at),
    ),
    "part": (_Try(_PART, _part),),
    "half": (_Try(_HALF, _half, 12),),
    "holiday": (_Try(_HOLIDAY, _holiday, 34),),
    "slash": (_Try(_NUMERIC, _numeric, 3, 8), _Try(_DAY_SLASH, _day_slash, 3, 3)),
    "dot": (_Try(_NUMERIC, _numeric, 3, 8),),
    "dash": (_Try(_ISO, _iso_date, 5, 6),),
    "year_range": (_Try(_YEAR_RANGE, _year_range, 16),),
    "weekday_number": (_Try(_WEEKDAY, _weekday, 12, 8),),
}


def _holiday_words() -> dict[str, frozenset[str] | None]:
    """The last word of each holiday's name -> the words that may come before it in a name (None:
    a name of one word, which the rule itself checks)."""
    out: dict[str, set[str] | None] = {}
    for name in _HOLIDAY_NAMES:
        words = name.split()
        for last in {words[-1], words[-1].split("-")[-1]}:
            if len(words) == 1 and last == words[-1]:
                out[last] = None
            elif out.get(last, set()) is not None:
                before = words[-2] if len(words) > 1 else words[-1].split("-")[-2]
                out.setdefault(last, set()).add(before)
    return {k: (frozenset(v) if v is not None else None) for k, v in out.items()}


_HOLIDAY_WORDS = _holiday_words()


def _trigger_words() -> dict[str, str]:
    out = dict.fromkeys(pt.MONTHS_IN_TEXT, "month")
    out.update(dict.fromkeys((k for k in pt.MONTHS if len(k) == 3), "abbr"))
    out.update(dict.fromkeys(("segunda", "terça", "terca", "quarta", "quinta", "sexta", "sábado", "sabado"), "weekday"))
    out["domingo"] = "weekday"
    out.update(dict.fromkeys(("ontem", "anteontem", "amanhã", "amanha", "hoje"), "dayword"))
    out["dia"], out["dias"] = "dia", "dias"
    out.update(dict.fromkeys(("semana", "semanas", "mês", "mes", "meses", "ano", "anos"), "unit"))
    out.update(dict.fromkeys(pt.PARTS, "part"))
    out.update(dict.fromkeys(("semestre", "trimestre"), "half"))
    for word in _HOLIDAY_WORDS:
        out.setdefault(word, "holiday")
    return out


TRIGGERS: dict[str, str] = _trigger_words()
# A scan finds the trigger words and the separators between digits (`15/03/2024`, `31.12.2023`,
# `2024-03-15`, and `1.234`, let through). The character before a trigger word is part of the
# match (`re` skips fast to a class of characters, not to a lookbehind); the separators are among
# those characters, and neither kind of match can take a character the other needs (a letter
# follows the character before a word, a digit the separator), so one scan finds what a scan for
# each finds. It runs as two scans, as `re` runs them fastest: one after a space, a literal first
# character that `re` finds without trying the pattern (about 80% of the words follow a space);
# one after any other separator (a character class, tried at every character). Both together find
# what one scan after either finds: no match of one holds the first character of a match of the
# other, but for the `-` in `ano-novo`, which `_scan` drops as the one scan would.
_TRIGGER_BODY = rf"(?P<word>{_alt(TRIGGERS)})(?![^\W\d_])"
_SPACES = "\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000"  # `\s`, but " "
_SCAN_SPACE = re.compile(rf" {_TRIGGER_BODY}")
_SCAN_OTHER = re.compile(rf"[{_SPACES}(|\-\"“'«—–:;,./\[*_>](?:{_TRIGGER_BODY}|(?<=\d[/.\-])\d)")
_TRIGGER_AT_START = re.compile(_TRIGGER_BODY)
_DIGIT_KINDS = {"/": "slash", ".": "dot", "-": "dash"}
_DAY_DOT = re.compile(r"\.\d\d?\.\d")


_YEAR_LINKS = (" a 19", " a 20", " e 19", " e 20", "até 19", "até 20", "ate 20")
# Each ends with ` 19` or ` 20` (`_year_link` finds those, then reads what is before them).
_LINKS_5 = frozenset(link for link in _YEAR_LINKS if len(link) == 5)
_LINKS_6 = frozenset(link for link in _YEAR_LINKS if len(link) == 6)
assert all(link[-3:] in {" 19", " 20"} and len(link) in {5, 6} for link in _YEAR_LINKS)
# `(?<!\w)(?:a|e|até|ate)\s+(?:19|20)\d\d(?!\d)` written to begin with a letter, which `re` skips
# to, where a lookbehind first would be tried at every character.
_YEAR_LINK = re.compile(r"[ae](?<!\w[ae])(?:(?<=a)t[ée])?\s+(?:19|20)\d\d(?!\d)")


def _lower(text: str) -> str:
    """The text in lower case, each character in one (offsets stay those of `text`)."""
    try:  # most texts are Latin-1 (accents, no curly quotes): a byte table lowers them 4x faster
        return text.encode("latin-1").translate(_LATIN1_LOWER).decode("latin-1")
    except UnicodeEncodeError:
        pass
    low = text.lower()
    return low if len(low) == len(text) else "".join(c.lower()[:1] for c in text)


def _latin1_lower() -> bytes:
    """Each Latin-1 character's `str.lower()`, as bytes (each is one Latin-1 character)."""
    lowered = [chr(code).lower() for code in range(256)]
    assert all(len(c) == 1 and ord(c) < 256 for c in lowered)
    return "".join(lowered).encode("latin-1")


_LATIN1_LOWER = _latin1_lower()


def _triggers(low: str) -> list[tuple[int, int, str]]:
    """(start, end, kind) of the words and digits that may be part of a date."""
    out = []
    first = _TRIGGER_AT_START.match(low)
    if first:
        out.append((0, first.end(), TRIGGERS[first.group("word")]))
    marks: list[int] = []
    _scan(low, out, marks)
    seen = -1
    for i in marks:
        kind = _DIGIT_KINDS[low[i]]
        if (
            i <= seen
            or (kind == "dot" and not _DAY_DOT.match(low, i))
            or (kind == "dash" and low[i + 3 : i + 4] != "-")
        ):
            continue  # the second mark of `15/03/2024`; `1.234.567`; `3184-5500`
        out.append((i, i + 1, kind))
        seen = i + 4
    if _year_link(low):  # `de 2019 a 2022`, found by its second year
        out.extend((m.start(), m.end(), "year_range") for m in _YEAR_LINK.finditer(low))
    if "ª" in low:
        out.extend((m.start(), m.end(), "weekday_number") for m in re.finditer(r"[2-6]\.?ª", low))
    return out


def _year_link(low: str) -> bool:
    """Whether the text holds one of `_YEAR_LINKS`: the few ` 19` and ` 20` that `str.find` finds
    fast, and what is before each (seven `in` tests over the whole text take four times as long)."""
    for digits in (" 19", " 20"):
        i = low.find(digits)
        while i >= 0:
            if low[max(0, i - 2) : i + 3] in _LINKS_5 or low[max(0, i - 3) : i + 3] in _LINKS_6:
                return True
            i = low.find(digits, i + 1)
    return False


def _scan(low: str, out: list, marks: list[int]) -> None:
    """The trigger words into `out` (start, end, kind), in order; the separators between digits
    into `marks`."""
    words = [(m.start("word"), m.end(), TRIGGERS[m.group("word")]) for m in _SCAN_SPACE.finditer(low)]
    others = []
    for m in _SCAN_OTHER.finditer(low):
        word = m.group("word")
        if word is None:
            marks.append(m.start())
        else:
            others.append((m.start("word"), m.end(), TRIGGERS[word]))
    if others:
        words = _one_scan(words + others)
    out.extend(words)


def _one_scan(words: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The words of both scans in order, as one scan finds them: none whose separator lies
    within the word before (`-novo` of `ano-novo`)."""
    kept = []
    end = -1
    for word in sorted(words):
        if word[0] - 1 >= end:
            kept.append(word)
            end = word[1]
    return kept


def _words_before(low: str, start: int) -> tuple[str, str, str]:
    """The last three runs of non-spaces before `start`, without marks around them (within 40
    characters: the windows of the rules are shorter)."""
    words = low[max(0, start - 40) : start].rsplit(None, 3)  # the last three are all it reads
    n = len(words)
    return (
        words[-1].strip(_MARKS) if n else "",
        words[-2].strip(_MARKS) if n > 1 else "",
        words[-3].strip(_MARKS) if n > 2 else "",
    )


_MARKS = "\"“”'‘’«»()[],;:"


def _candidates(text: str, low: str) -> list[_Found]:
    """What every rule a trigger sets off finds around it (overlapping; `_longest_first` chooses)."""
    found: list[_Found] = []
    done: set[tuple[int, int]] = set()
    for start, end, kind in _triggers(low):
        if kind == "holiday" and not _holiday_gate(low, start, end):
            continue
        rules = _rules(kind, *_words_before(low, start)) if kind in _GATED else _KINDS[kind]
        for rule in rules:
            m = rule.pattern.match(low, start) if rule.back == 0 else _match_over(rule, low, start, end)
            if m is None:
                continue
            seen = (m.start(), id(rule.pattern))
            if seen in done:
                continue  # seen from a trigger before
            done.add(seen)
            got = rule.build(text, m)
            if type(got) is list:  # a builder gives a list, a _Found or None
                found.extend(got)
            elif got is not None:
                found.append(got)
    return found


_GATED = frozenset(kind for kind, rules in _KINDS.items() if any(rule.gate for rule in rules))


@functools.lru_cache(maxsize=1 << 14)  # gates are functions of the words alone, which come back
def _rules(kind: str, prev: str, prev2: str, prev3: str) -> tuple[_Try, ...]:
    """The rules of a kind of trigger whose gates let the words before it through."""
    return tuple(rule for rule in _KINDS[kind] if rule.gate is None or rule.gate(prev, prev2, prev3))


def _match_over(rule: _Try, low: str, start: int, end: int) -> re.Match | None:
    """The rule's match that reaches the trigger, whole (a window may cut one short), for a rule
    whose words may begin before the trigger (`back` > 0; `_candidates` matches the others at it)."""
    hi = min(len(low), end + rule.ahead)
    m = rule.pattern.search(low, max(0, start - rule.back), hi)
    while m is not None and m.end() < start:  # one that ends before the trigger is another's
        m = rule.pattern.search(low, m.start() + 1, hi)
    if m is not None and m.end() >= hi - 1:
        m = rule.pattern.match(low, m.start()) or m
    return m


def _holiday_gate(low: str, start: int, end: int) -> bool:
    """`santa` is a holiday's word only after `sexta-feira`, `novo` after `ano`..."""
    allowed = _HOLIDAY_WORDS.get(low[start:end])
    return allowed is None or _words_before(low, start)[0].split("-")[-1] in allowed or low[start - 1] == "-"


def _longest_first(found: list[_Found]) -> list[_Found]:
    """Non-overlapping expressions, the longest first (`6 de julho de 2021` over `dia 6`), with the
    words read around their spans (`terça desta semana` over `desta semana`)."""
    kept: list[_Found] = []
    spans: list[tuple[int, int]] = []  # what each kept one covers, its words included
    for f in sorted(found, key=lambda f: (min(f.expr, f.start) - f.reach, f.start - f.end, f.start)):
        lo, hi = min(f.start, f.expr), f.reach
        for k_lo, k_hi in spans:
            if hi > k_lo and lo < k_hi:
                break
        else:
            kept.append(f)
            spans.append((lo, hi))
    return sorted(kept, key=lambda f: f.start)


# --- intervals, open ends, and which way to look ----------------------------------------------

# These and the patterns of times below read the lower-cased text.
_JOIN = re.compile(r"\s+(?:a|até|ate|à)\s+")
_JOIN_AND = re.compile(r"\s+e\s+")
_INTERVAL_LEAD = re.compile(r"(?:^|\W)(de|desde|entre)\s+(?:o\s+|a\s+)?(?:dia\s+)?$")


def _joined(low: str, found: list[_Found]) -> list[_Found]:
    """`de 1º de abril a 30 de abril de 2024`, `entre 5 de março e 2 de abril`: two dates, one interval."""
    out: list[_Found] = []
    i = 0
    while i < len(found):
        a = found[i]
        b = found[i + 1] if i + 1 < len(found) else None
        if b is not None and _joinable(a, b):
            between = low[a.end : b.start]
            lead = _INTERVAL_LEAD.search(low, max(0, a.expr - 12), a.expr)
            lead_word = lead.group(1).lower() if lead else ""
            joined = (_JOIN.fullmatch(between) and (lead_word in {"de", "desde"} or _full_day(a))) or (
                _JOIN_AND.fullmatch(between) and lead_word == "entre"
            )
            if joined:
                first = dict(a.parts)
                if first.get("year") is None and b.parts.get("year") is not None:
                    first["year"] = b.parts["year"]
                out.append(_Found(a.start, b.end, a.expr, {"interval": [first, b.parts]}))
                i += 2
                continue
        out.append(a)
        i += 1
    return out


def _joinable(a: _Found, b: _Found) -> bool:
    return _a_calendar(a.parts) and _a_calendar(b.parts) and (a.parts["day"] is None) == (b.parts["day"] is None)


def _a_calendar(parts: dict) -> bool:
    return "month" in parts and "interval" not in parts and parts.get("relative") is None


def _full_day(f: _Found) -> bool:
    return f.parts.get("day") is not None and f.start == f.expr


def _after_no_word(words: Iterable[str]) -> str:
    r"""`(?:^|\W)` and then the alternation of `words`, written to begin with their first letters,
    which `re` skips to (a pattern that begins with `\W` is tried at every character): after
    each first letter, a lookbehind that no word character comes before it. A search with it
    starts a character later than one with `(?:^|\W)` would (`_before_from`)."""
    rests: dict[str, list[str]] = {}
    for word in words:
        rests.setdefault(word[0], []).append(word[1:])
    return "(?:" + "|".join(f"{c}(?<!\\w{c}){_alt(rest)}" for c, rest in sorted(rests.items())) + ")"


_LEADS = pt.OPEN_END | pt.OPEN_START | pt.LEAN_FORWARD | pt.LEAN_BACK
assert all(lead[0].isalpha() and lead[0] == re.escape(lead[0]) for lead in _LEADS)
_BEFORE = re.compile(rf"({_after_no_word(_LEADS)})\s+(?:(?:o|a)\s+)?(?:dia\s+)?$")


def _before_from(lo: int) -> int:
    """Where `_BEFORE` searches a window from `lo`: the character at `lo` may be the `\\W` before
    a lead (a lead at `lo` itself needs the start of the text)."""
    return lo + 1 if lo else 0


def _context(text: str, low: str, f: _Found, tense_from_text: bool) -> None:
    """Open ends (`até`, `a partir de`, `desde`), the word that says which way to look, and the
    tense of the clause for what the text leaves open."""
    if "interval" in f.parts:  # `entre março e abril`: the sentence fixes the year of both
        if any(_open(side) for side in f.parts["interval"]):
            f.parts["needs_tense"] = True
            if tense_from_text:
                _set_tense(f.parts, text_tense(text, f.expr, f.end))
        return
    # a search that skips to the leads' first letters costs less than a test of the last word first
    m = _BEFORE.search(low, _before_from(max(0, f.expr - 24)), f.expr)
    if m:
        word = " ".join(m.group(1).split())
        if word in pt.OPEN_END:
            f.parts["bound"] = "end"
        elif word in pt.OPEN_START:
            f.parts["bound"] = "start"
        if word in pt.LEAN_FORWARD:
            f.parts["lean"] = "forward"
        elif word in pt.LEAN_BACK:
            f.parts["lean"] = "back"
    if _open(f.parts) and not f.parts.get("lean") and f.parts.get("relative") not in {"next", "last"}:
        f.parts["needs_tense"] = True
        if tense_from_text:
            f.parts["tense"] = text_tense(text, f.expr, f.end)


def _set_tense(parts: dict, tense: str | None) -> None:
    parts["tense"] = tense
    for side in parts.get("interval", ()):
        side["tense"] = tense


def _open(parts: dict) -> bool:
    """Whether the parts leave the occurrence to the publication date and the sentence."""
    if "weekday" in parts or "day_of_month" in parts:
        return True
    if "holiday" in parts or "month" in parts:
        return parts.get("year") is None and "year_shift" not in parts
    of = parts.get("of")
    return bool(of) and "month" in of and of.get("year") is None


_CLAUSE_END = re.compile(r"[.;!?\n]|\bque\b", _I)
# The last clause end before a point: `.*` runs to the point and steps back to the nearest one
# (a `finditer` over the window visits every one of them).
_LAST_STOP = re.compile(r"(?s:.*)(?:[.;!?\n]|\bque\b)", _I)
_WORDS = re.compile(r"[^\W\d_]+", _I)


def text_tense(text: str, start: int, end: int) -> str | None:
    """The tense of the verb nearest a date in its clause, from the words alone: `past`,
    `future`, or None. The nearest verb before the date first, then after it."""
    lo = max(0, start - 160)
    stop = _LAST_STOP.match(text, lo, start)
    before = _WORDS.findall(text, stop.end() if stop else lo, start)
    for i in range(len(before) - 1, -1, -1):
        tense = _tense_of(before[i], i == 0)
        if tense:
            return tense
    stop = _CLAUSE_END.search(text, end, min(len(text), end + 120))
    for word in _WORDS.findall(text, end, stop.start() if stop else min(len(text), end + 120)):
        tense = _tense_of(word, False)
        if tense:
            return tense
    return None


def _word_tense(word: str, *, initial: bool = False) -> str | None:
    """A word's tense by its form; a capitalised word is a name unless it starts its clause."""
    return _tense_of(word, initial)


@functools.lru_cache(maxsize=1 << 16)  # the same few thousand words come back in every clause
def _tense_of(word: str, initial: bool) -> str | None:
    low = word.lower()
    if low in pt.FUTURE_WORDS:
        return "future"
    if low in pt.PAST_WORDS or low in pt.IMPERFECT_WORDS:
        return "past"
    if (word[:1].isupper() and not initial) or low in pt.NOT_TENSE_WORDS or len(low) < 4:
        return None
    if low.endswith(pt.FUTURE_ENDINGS):
        return "future"
    if low.endswith(pt.PAST_ENDINGS):
        return "past"
    return None


# --- times of day beside a date ---------------------------------------------------------------

_TIME_LEAD = r"(?:às|as|a\s+partir\s+das|até\s+(?:às|as)|por\s+volta\s+das|pelas|das|entre\s+as|de|pela|na|à|ao|em)"
_TIME_AFTER = _rule(
    r"(?:\s*\(\s*[0-3]?\d\s*\))?[ \t]*(?:[,–—-][ \t]*)?"
    rf"(?:{_TIME_LEAD}\s+)?"
    rf"(?:(?P<t1>{_TIME})(?:\s+(?:às|as|até\s+(?:às|as)|a|e\s+as|e)\s+(?P<t2>{_TIME}))?"
    rf"|(?P<part>{_PARTS})|(?P<word>meio-dia|meia-noite))(?!\w|:\d)"
)
_TIME_BEFORE = _rule(
    rf"(?:às|as|pela|na|à|ao|no)\s+(?:(?P<t1>{_TIME})|(?P<part>{_PARTS})|(?P<word>meio-dia|meia-noite))"
    r"(?!\w)\s+(?:(?:de|do|da)\s+)?$"
)
_HM = re.compile(r"(\d{1,2})(?:h|:)(\d\d)?", _I)


def _times(low: str, f: _Found) -> list[_Found]:
    """Times of day written beside a date that is a day: their own mentions, on that day."""
    if not _a_day(f.parts):
        return []
    out = []
    m = _TIME_AFTER.match(low, f.reach)
    if m:
        out.append(_time(m, f.parts))
    lo = max(0, f.expr - 40)
    for t in low[lo : f.expr].rsplit(None, 2)[-2:]:
        if t[:1].isdecimal() or t in _DAY_TIME_WORDS:
            m = _TIME_BEFORE.search(low, lo, f.expr)
            if m:
                out.append(_time(m, f.parts))
            break
    return out


# `_TIME_BEFORE` ends with the time, then at most `de`/`do`/`da`, each between spaces: the time is
# one of the last two runs of non-spaces before the date, a digit first or one of these words.
_DAY_TIME_WORDS = frozenset({*pt.PARTS_OF_DAY, "meio-dia", "meia-noite"})


def _time(m: re.Match, on: dict) -> _Found:
    if m.group("part"):
        return _Found(
            m.start("part"), m.end("part"), m.start("part"), {"part_of_day": m.group("part").lower(), "on": on}
        )
    if m.group("word"):
        hour = pt.TIME_WORDS[m.group("word").lower()]
        return _Found(m.start("word"), m.end("word"), m.start("word"), {"time": [hour, None], "on": on})
    first = {"time": _clock(m.group("t1")), "on": on}
    if m.groupdict().get("t2"):
        return _Found(
            m.start("t1"), m.end("t2"), m.start("t1"), {"interval": [first, {"time": _clock(m.group("t2")), "on": on}]}
        )
    return _Found(m.start("t1"), m.end("t1"), m.start("t1"), first)


def _clock(written: str) -> list:
    h, mm = _HM.match(written).groups()
    return [int(h), int(mm) if mm else None]


def _a_day(parts: dict) -> bool:
    if "interval" in parts or "part" in parts or "months" in parts:
        return False
    if "month" in parts:
        return parts.get("day") is not None
    if "offset" in parts:
        return parts.get("unit", "day") == "day"
    return "weekday" in parts or "day_of_month" in parts or "holiday" in parts


def find_dates(text: str, *, tense_from_text: bool = True) -> list[Match]:
    """Date and time expressions in `text` with their parts in `attrs`.

    A date the sentence must fix (a weekday, `dia 17`, a month alone...) gets the tense of its
    clause read from the words, or, with `tense_from_text=False`, waits for `read_tenses` to read
    it from a parsed Doc (`needs_tense`).
    """
    low = _lower(text)
    found = _joined(low, _longest_first(_candidates(text, low)))
    out: list[Match] = []
    taken = [(g.start, g.end) for g in found]
    for f in found:
        _context(text, low, f, tense_from_text)
        out.append(Match(f.start, f.end, "DATE", f.parts))
        for t in _times(low, f):
            if all(t.end <= s or t.start >= e for s, e in taken):
                out.append(Match(t.start, t.end, "DATE", t.parts))
    return sorted(out, key=lambda x: x.start)


# --- the spaCy side: the verb's tense from the morphology -------------------------------------


def doc_tense(doc: Doc, start: int, end: int) -> str | None:
    """`past`, `imperfect`, `future`, `present` or None (no verb found): the tense of the verb the
    date hangs from in the dependency parse (`realizou na sexta-feira`, `será realizada`,
    `vai anunciar`, `esperávamos`)."""
    verbs = _verb_group(doc, start, end)
    if verbs is None:
        return None
    tenses = set()
    for t in verbs:
        tense = _first_tense(t)
        if tense is not None:
            tenses.add(tense)
    # the future's endings say more than a small model's morphology (`continuaremos` tagged Past)
    future_form = any(_tense_of(t.text, True) == "future" for t in verbs)
    aux = doc.vocab.strings["aux"]  # the relation as stored, before the lemma's string is read
    if future_form or "Fut" in tenses or any(t.dep == aux and t.lemma_ == "ir" for t in verbs):
        return "future"
    if tenses & {"Past", "Pqp"}:
        return "past"
    if "Imp" in tenses:
        return "imperfect"
    return "present" if tenses else None


_TENSES: dict[int, str | None] = {}  # a token's morphology (its key) -> its first Tense


def _first_tense(token) -> str | None:
    """The first value of the token's `Tense`, read once per morphology: `morph.get` builds an
    array and looks up strings at each call (4.6 µs), the key finds it again in a dict."""
    morph = token.morph
    key = morph.key
    if key not in _TENSES:
        if len(_TENSES) > 4096:
            _TENSES.clear()
        tense = morph.get("Tense")
        _TENSES[key] = tense[0] if tense else None
    return _TENSES[key]


_VERB_POS = (VERB, AUX)


def _verb_group(doc: Doc, start: int, end: int) -> list | None:
    """The verb (or the word with a copula or an auxiliary) a date hangs from, up to four heads up,
    then its auxiliaries and copula: one walk over each word's children. Parts of speech and
    relations compared as the ids spaCy stores (`pos_`, `dep_` look each string up)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    token = span.root
    if token.text.lower() in {"há", "faz"} and token.head != token:
        token = token.head  # `há 20 anos`: the verb is the one `há` hangs from
    strings = doc.vocab.strings
    helper_deps = (strings["aux"], strings["aux:pass"], strings["cop"])
    for _ in range(4):
        helpers = [c for c in token.children if c.dep in helper_deps]
        if token.pos in _VERB_POS or helpers:
            return [token, *helpers]
        head = token.head  # a new Token at each access
        if head == token:
            return None
        token = head
    return None


def _governing_verb(doc: Doc, start: int, end: int):
    """The verb (or the word with a copula or an auxiliary) a date hangs from, up to four heads up."""
    verbs = _verb_group(doc, start, end)
    return None if verbs is None else verbs[0]


def _doc_duration(doc: Doc, start: int, end: int) -> bool:
    """`há 20 anos` after a verb in the present or the imperfect is how long (`atua há 20 anos`);
    before it, when (`há quatro anos só dava prejuízo`)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    verb = _governing_verb(doc, start, end)
    if span is None or verb is None or span[0].text.lower() not in {"há", "faz"}:
        return False
    return verb.i < span.start and doc_tense(doc, start, end) in {"present", "imperfect"}


def read_tenses(doc: Doc, matches: Iterable[Match], text: str | None = None) -> list[Match]:
    """Give the DATE matches that wait for a tense the tense of their verb in `doc`, where the
    pipeline has morphology (a `spacy.blank` one keeps the tense read from the words). `text` is
    `doc.text` where the caller holds it already (Doc.text joins every token anew)."""
    matches = list(matches)
    # `has_annotation` reads every token of the Doc: asked only when a match waits for the parse
    if not any(map(_waits_for_parse, matches)) or not doc.has_annotation("MORPH") or not doc.has_annotation("DEP"):
        return matches
    out = []
    for m in matches:
        if m.label == "DATE" and m.attrs.get("ago") and _doc_duration(doc, m.start, m.end):
            continue  # `atua há 20 anos`: a duration the words alone did not show
        if m.label == "DATE" and m.attrs.get("needs_tense") and "tense" not in m.attrs:
            tense = doc_tense(doc, m.start, m.end)
            if tense is None:  # no verb in reach of the parse: the words of the clause
                text = doc.text if text is None else text  # read once, and only when needed
                tense = text_tense(text, m.start, m.end)
            _set_tense(m.attrs, {"present": None, "imperfect": "past"}.get(tense, tense))
        out.append(m)
    return out


def _waits_for_parse(m: Match) -> bool:
    """Whether `read_tenses` does anything with the match (else it passes it on as it is)."""
    return m.label == "DATE" and bool(m.attrs.get("ago") or (m.attrs.get("needs_tense") and "tense" not in m.attrs))


def parse_date(text: str, published: dt.date | None = None) -> str | None:
    """ISO value of the first date written in Portuguese in `text`, or None. Never raises.

    >>> parse_date("06 de Julho de 2021")
    '2021-07-06'
    """
    try:
        matches = find_dates(text)
        return resolve(matches[0].attrs, published) if matches else None
    except (ValueError, OverflowError):
        return None


@Language.factory("ptpipe_dates", assigns=["doc.ents"])
def make_dates(nlp: Language, name: str):
    return dates_component


def dates_component(doc: Doc) -> Doc:
    parsed = doc.has_annotation("MORPH") and doc.has_annotation("DEP")
    text = doc.text
    return set_entities(doc, read_tenses(doc, find_dates(text, tense_from_text=not parsed), text))
