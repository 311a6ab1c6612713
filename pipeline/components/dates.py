"""DATE: calendar dates in the text, as parts that `extract` turns into ISO 8601 values.

The component records what the text says (day, month, year, a weekday and whether it is this
week, next or last); resolving `nesta terça-feira` or a date without a year needs the
publication date, which only the document knows, so that is done in `extract`.
"""

from __future__ import annotations

import datetime as dt

import regex
from spacy.language import Language
from spacy.tokens import Doc

from ..lang.pt.dates import LAST, MONTHS, MONTHS_IN_TEXT, NEXT, THIS_WEEK, WEEKDAYS
from ._spans import Match, set_entities


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_MONTH = rf"(?P<month>{_alt(MONTHS_IN_TEXT)})"
_DAY = r"(?P<day>[0-3]?\d)(?:º|°|o)?"
_YEAR = r"(?P<year>(?:1[89]|20)\d\d)"
PATTERNS: tuple[regex.Pattern, ...] = (
    # 06 de Julho de 2021, 1º de abril de 2023, 6 de julho
    regex.compile(rf"(?i)\b{_DAY}\s+de\s+{_MONTH}(?:\s+(?:de\s+)?{_YEAR})?\b"),
    # 15/03/2024, 15.03.2024 (day first, as written in Brazil and Portugal)
    regex.compile(r"(?<![\d/.])(?P<day>[0-3]?\d)[/.](?P<month_num>[01]?\d)[/.](?P<year>(?:19|20)?\d\d)(?![\d/])"),
    # 2024-03-15
    regex.compile(r"(?<![\d-])(?P<year>(?:19|20)\d\d)-(?P<month_num>[01]\d)-(?P<day>[0-3]\d)(?![\d-])"),
    # março de 2020
    regex.compile(rf"(?i)\b{_MONTH}\s+(?:de\s+)?{_YEAR}\b"),
    # jan/2024, set/23
    regex.compile(rf"(?i)\b(?P<month>{_alt(k for k in MONTHS if len(k) == 3)})/(?P<year>(?:19|20)?\d\d)(?![\d/])"),
    # no dia 12/03, até 15/3: day and month without a year, only after a word that makes it a date
    regex.compile(r"(?i)(?<=\b(?:dia|em|até|ate|desde)\s+)(?P<day>[0-3]?\d)/(?P<month_num>[01]?\d)(?![\d/])"),
)
# `ontem`, `amanhã` (not `hoje`: in releases it mostly means "nowadays")
_DAY_WORD = regex.compile(r"(?i)\b(?P<word>ontem|amanhã|amanha)\b")
# `no último dia 10`, `no próximo dia 5`: a day of the month around the publication date
_DAY_OF_MONTH = regex.compile(rf"(?i)\b(?P<anchor>{_alt(NEXT | LAST)})\s+dia\s+(?P<day>[0-3]?\d)(?![\d/º°])")
# `terça-feira` in `nesta terça-feira`: the span is the weekday; the word before anchors it.
_WEEKDAY = regex.compile(
    rf"(?i)\b(?:(?P<anchor>{_alt(THIS_WEEK | NEXT | LAST | {'na', 'no'})})\s+)?"
    rf"(?P<weekday>(?:segunda|terça|terca|quarta|quinta|sexta)(?P<feira>-feira)?|sábado|sabado|domingo)\b"
    rf"(?P<daynum>\s+\([0-3]?\d\))?(?:\s+(?P<after>{_alt(NEXT | LAST)}))?"
)


def find_dates(text: str) -> list[Match]:
    """Date expressions in `text` with their parts in `attrs`."""
    found: list[Match] = []
    taken: list[tuple[int, int]] = []
    for pattern in PATTERNS:
        for m in pattern.finditer(text):
            if any(m.start() < e and s < m.end() for s, e in taken):
                continue
            parts = _parts(m)
            if parts is None:
                continue
            taken.append((m.start(), m.end()))
            found.append(Match(m.start(), m.end(), "DATE", parts))
    for m in _WEEKDAY.finditer(text):
        anchor = (m.group("anchor") or "").lower()
        after = (m.group("after") or "").lower()
        if not anchor or any(m.start() < e and s < m.end() for s, e in taken):
            continue
        short = m.group("weekday").lower() in _SHORT_WEEKDAYS and not m.group("feira")
        if short and anchor in {"na", "no"} and not m.group("daynum"):
            continue  # `na segunda etapa`: `segunda` alone is a date only when anchored or dated
        relative = "next" if NEXT & {anchor, after} else "last" if LAST & {anchor, after} else "this"
        weekday = WEEKDAYS[m.group("weekday").lower()]
        found.append(Match(m.start("weekday"), m.end("weekday"), "DATE", {"weekday": weekday, "relative": relative}))
    for m in _DAY_WORD.finditer(text):
        offset = -1 if m.group("word").lower() == "ontem" else 1
        found.append(Match(m.start(), m.end(), "DATE", {"offset": offset}))
    for m in _DAY_OF_MONTH.finditer(text):
        if any(m.start() < e and s < m.end() for s, e in taken) or not 1 <= int(m.group("day")) <= 31:
            continue
        relative = "next" if m.group("anchor").lower() in NEXT else "last"
        found.append(
            Match(m.start("day") - 4, m.end(), "DATE", {"day_of_month": int(m.group("day")), "relative": relative})
        )
    return sorted(found, key=lambda x: x.start)


_SHORT_WEEKDAYS = frozenset({"segunda", "terça", "terca", "quarta", "quinta", "sexta"})


def _parts(m: regex.Match) -> dict | None:
    groups = m.groupdict()
    month = MONTHS[groups["month"].lower()] if groups.get("month") else int(groups["month_num"])
    day = int(groups["day"]) if groups.get("day") else None
    year = groups.get("year")
    if year is not None:
        year = int(year) + (2000 if len(year) == 2 else 0)
    try:  # 31 de fevereiro is not a date
        dt.date(year or 2000, month, day or 1)
    except ValueError:
        return None
    return {"day": day, "month": month, "year": year}


def resolve(parts: dict, published: dt.date | None) -> str | None:
    """ISO 8601 value of date parts: `2021-07-06`, `2020-03` for a month, None if unknowable.

    A date without a year takes the publication year; a weekday is the nearest such day to
    the publication date in the direction its anchor says (`nesta` within three days either
    way, `próxima` after, `passada` before).
    """
    if "offset" in parts:
        return (published + dt.timedelta(days=parts["offset"])).isoformat() if published else None
    if "day_of_month" in parts:
        return _day_of_month(parts["day_of_month"], parts["relative"], published)
    if "weekday" in parts:
        if published is None:
            return None
        delta = (parts["weekday"] - published.weekday()) % 7
        if parts["relative"] == "next":
            delta = delta or 7
        elif parts["relative"] == "last":
            delta = delta - 7 if delta else -7
        elif delta > 3:
            delta -= 7
        return (published + dt.timedelta(days=delta)).isoformat()
    year = parts.get("year")
    if year is None and published is not None:
        # without a year, the occurrence nearest the publication date (`15 de janeiro` written
        # in November is next January)
        # (`29 de fevereiro` only in a leap year)
        years = [y for y in (published.year - 1, published.year, published.year + 1) if _date_or_none(y, parts)]
        year = min(years, key=lambda y: abs((_date_or_none(y, parts) - published).days), default=None)
    if year is None:
        return None
    if parts.get("day") is None:
        return f"{year:04d}-{parts['month']:02d}"
    found = _date_or_none(year, parts)
    return found.isoformat() if found else None  # `31 de abril de 2024` is no date


def _date_or_none(year: int, parts: dict) -> dt.date | None:
    try:
        return dt.date(year, parts["month"], parts.get("day") or 1)
    except ValueError:
        return None


def _day_of_month(day: int, relative: str, published: dt.date | None) -> str | None:
    """`no último dia 10`: the latest 10th up to the publication date; `próximo`: the next one."""
    if published is None:
        return None
    candidates = []
    for months in (-2, -1, 0, 1, 2):
        month_index = published.year * 12 + published.month - 1 + months
        try:
            candidates.append(dt.date(month_index // 12, month_index % 12 + 1, day))
        except ValueError:
            continue
    if relative == "last":
        before = [c for c in candidates if c <= published]
        return max(before).isoformat() if before else None
    after = [c for c in candidates if c >= published]
    return min(after).isoformat() if after else None


def parse_date(text: str, published: dt.date | None = None) -> str | None:
    """ISO value of a date written in Portuguese, or None. Never raises.

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
    return set_entities(doc, find_dates(doc.text))
