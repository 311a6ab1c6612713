"""DATE values: the parts `dates.find_dates` reads, as ISO 8601 at their grain, fixed against the
publication date (which way to look: see the docstring of `dates`).

    >>> attributes({"day": 14, "month": 2, "year": None}, dt.date(2013, 2, 12))
    {'value': '2013-02-14', 'grain': 'day'}
"""

from __future__ import annotations

import datetime as dt

from ..lang.pt import dates as pt


def resolve(parts: dict, published: dt.date | None) -> str | None:
    """ISO 8601 value of date parts (`2021-07-06`, `2020-03`, `2024`, `2024-W11`,
    `2024-03-15T10:30`), None for an interval or when unknowable."""
    return attributes(parts, published)["value"]


def attributes(parts: dict, published: dt.date | None) -> dict:
    """The DATE entity's attributes: `value` and `grain`; `start` and `end` for an interval
    (`value` null) and for a date that bounds an open one (`até 30 de junho`: `end`)."""
    try:
        if "interval" in parts:
            first, last = (_span(p, published) for p in _one_year(parts["interval"], published))
            grain = last[2] or first[2]
            out = {"value": None, "grain": grain, "start": first[0], "end": last[1]}
            return out if out["start"] or out["end"] else {"value": None, "grain": None}
        start, end, grain = _span(parts, published)
        if start != end:
            return {"value": None, "grain": grain, "start": start, "end": end}
        out = {"value": start, "grain": grain if start else None}
        if start and parts.get("bound"):
            out[parts["bound"]] = start
        return out
    except (ValueError, OverflowError):  # a day no calendar has, a year out of range
        return {"value": None, "grain": None}


def _one_year(sides: list[dict], published: dt.date | None) -> list[dict]:
    """`de novembro a fevereiro` without a year: the end is found first, the start is the latest
    such month on or before it."""
    first, last = sides
    yearless = all("month" in p and p.get("year") is None and "year_shift" not in p for p in sides)
    if not yearless or published is None:
        return sides
    end = _calendar_day(last, published)
    if end is None:
        return sides
    before = (first["month"], first.get("day") or 1) > (last["month"], last.get("day") or 1)
    return [{**first, "year": end[0].year - before}, last]


def _span(parts: dict, published: dt.date | None) -> tuple[str | None, str | None, str | None]:
    """(first, last, grain) of what the parts name; first == last for a point."""
    if "on" in parts:
        return _time_span(parts, published)
    if "part" in parts or "position" in parts or "months" in parts:
        return _piece(parts, published)
    value = _point(parts, published)
    if value is None:
        return None, None, None
    return value[0], value[0], value[1]


def _format(day: dt.date, grain: str) -> str:
    if grain == "day":
        return day.isoformat()
    if grain == "month":
        return f"{day.year:04d}-{day.month:02d}"
    if grain == "year":
        return f"{day.year:04d}"
    iso = day.isocalendar()
    return f"{iso[0]:04d}-W{iso[1]:02d}"


def _point(parts: dict, published: dt.date | None) -> tuple[str, str] | None:
    """(value, grain) of a point in time, None where it needs a publication date it lacks."""
    day = _day_of(parts, published)
    if day is None:
        return None
    return _format(day[0], day[1]), day[1]


def _day_of(parts: dict, published: dt.date | None) -> tuple[dt.date, str] | None:
    """A representative day and the grain of the parts."""
    if "year_only" in parts:
        return dt.date(parts["year_only"], 1, 1), "year"
    if "unit" in parts and "offset" not in parts:
        return _unit_day(parts["unit"], parts["shift"], published)
    if "offset" in parts:
        return _offset_day(parts["offset"], parts.get("unit", "day"), published)
    if "weekday" in parts:
        return _weekday_day(parts, published)
    if "day_of_month" in parts:
        return _day_of_month(parts, published)
    if "holiday" in parts:
        return _holiday_day(parts, published)
    return _calendar_day(parts, published)


def _unit_day(unit: str, shift: int, published: dt.date | None) -> tuple[dt.date, str] | None:
    if published is None:
        return None
    if unit == "week":
        return published + dt.timedelta(weeks=shift), "week"
    if unit == "month":
        return _add_months(published.replace(day=1), shift), "month"
    if unit == "year":
        return dt.date(published.year + shift, 1, 1), "year"
    return published + dt.timedelta(days=shift), "day"


def _offset_day(n: int, unit: str, published: dt.date | None) -> tuple[dt.date, str] | None:
    if published is None:
        return None
    if unit in {"day", "week"}:
        return published + dt.timedelta(days=n * (7 if unit == "week" else 1)), "day"
    return _unit_day(unit, n, published)


def _add_months(day: dt.date, n: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + n
    return dt.date(index // 12, index % 12 + 1, 1)


def _direction(parts: dict) -> str | None:
    """Which occurrence: `after`/`before` publication (strictly), `from`/`until` it (the day of
    publication included), or None for the nearest."""
    relative = parts.get("relative")
    if relative in {"next", "last"}:
        return "after" if relative == "next" else "before"
    if parts.get("lean"):
        return "from" if parts["lean"] == "forward" else "until"
    tense = parts.get("tense")
    return {"future": "from", "past": "until"}.get(tense)


def _choose(candidates: list[dt.date], published: dt.date, direction: str | None, slack: int = 0) -> dt.date | None:
    """The candidate the direction asks for; the nearest when there is none, or when the nearest
    goes against the direction by no more than `slack` days."""
    if not candidates:
        return None
    nearest = min(candidates, key=lambda c: (abs((c - published).days), c < published))
    if direction is None or (slack and abs((nearest - published).days) <= slack):
        return nearest
    pick = {
        "after": lambda: min((c for c in candidates if c > published), default=None),
        "before": lambda: max((c for c in candidates if c < published), default=None),
        "from": lambda: min((c for c in candidates if c >= published), default=None),
        "until": lambda: max((c for c in candidates if c <= published), default=None),
    }[direction]()
    return pick or nearest


def _weekday_day(parts: dict, published: dt.date | None) -> tuple[dt.date, str] | None:
    if published is None:
        return None
    weekday, relative = parts["weekday"], parts.get("relative")
    if relative in {"this_week", "next_week", "last_week"}:
        monday = published - dt.timedelta(days=published.weekday())
        shift = {"this_week": 0, "next_week": 7, "last_week": -7}[relative]
        return monday + dt.timedelta(days=shift + weekday), "day"
    span = range(-13, 14) if parts.get("daynum") else range(-7, 8)
    candidates = [published + dt.timedelta(days=d) for d in span]
    candidates = [c for c in candidates if c.weekday() == weekday]
    dated = [c for c in candidates if c.day == parts.get("daynum")]
    if dated:  # `nesta sexta (15)`: the Friday that is the 15th
        return min(dated, key=lambda c: abs((c - published).days)), "day"
    candidates = [c for c in candidates if abs((c - published).days) <= 7]
    if relative == "this" and _direction(parts) is None:
        candidates = [c for c in candidates if abs((c - published).days) <= 3]
    return _choose(candidates, published, _direction(parts)), "day"


def _day_of_month(parts: dict, published: dt.date | None) -> tuple[dt.date, str] | None:
    """`no último dia 10`: the latest 10th up to publication; `próximo`: the next one; alone, by
    the sentence, else the nearest."""
    if published is None:
        return None
    candidates = []
    for months in range(-3, 4):
        first = _add_months(published.replace(day=1), months)
        try:
            candidates.append(first.replace(day=parts["day_of_month"]))
        except ValueError:
            continue
    direction = _direction(parts)
    if direction in {"after", "before"}:  # `no próximo dia 15` on the 15th is next month's
        direction = "from" if direction == "after" else "until"
    day = _choose(candidates, published, direction)
    return (day, "day") if day else None


def _calendar_day(parts: dict, published: dt.date | None) -> tuple[dt.date, str] | None:
    month, day = parts["month"], parts.get("day")
    grain = "day" if day else "month"
    year = parts.get("year")
    if parts.get("yy") is not None and published is not None:
        year = _century(parts["yy"], published.year)
    if year is not None:
        return dt.date(year, month, day or 1), grain
    if published is None:
        return None
    if "year_shift" in parts:
        return dt.date(published.year + parts["year_shift"], month, day or 1), grain
    years = (published.year - 1, published.year, published.year + 1)
    candidates = [c for y in years if (c := _date_or_none(y, month, day or 1))]
    if day is None:  # a month: compared with the month of publication
        this_month = published.replace(day=1)
        picked = _choose(candidates, this_month, _direction(parts))
    else:  # a day and month: the nearest, unless the sentence says otherwise by over a month
        picked = _choose(candidates, published, _direction(parts), slack=31)
    return (picked, grain) if picked else None


def _century(yy: int, year: int) -> int:
    """A two-digit year within ten years after `year` and eighty-nine before it (`74` in 2024 is
    1974, `30` is 2030)."""
    full = year - year % 100 + yy
    if full > year + 10:
        full -= 100
    elif full <= year - 90:
        full += 100
    return full


def _date_or_none(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _holiday_day(parts: dict, published: dt.date | None) -> tuple[dt.date, str] | None:
    name = parts["holiday"]
    if parts.get("year"):
        return _holiday_in(name, parts["year"]), "day"
    if published is None:
        return None
    candidates = [_holiday_in(name, y) for y in (published.year - 1, published.year, published.year + 1)]
    return _choose(candidates, published, _direction(parts)), "day"


def _holiday_in(name: str, year: int) -> dt.date:
    if name in pt.FIXED_HOLIDAYS:
        month, day, _ = pt.FIXED_HOLIDAYS[name]
        return dt.date(year, month, day)
    if name in pt.EASTER_HOLIDAYS:
        return easter(year) + dt.timedelta(days=pt.EASTER_HOLIDAYS[name][0])
    month, n = pt.NTH_SUNDAY_HOLIDAYS[name]
    first = dt.date(year, month, 1)
    return first + dt.timedelta(days=(6 - first.weekday()) % 7 + 7 * (n - 1))


def easter(year: int) -> dt.date:
    """Easter Sunday (Gregorian; the anonymous algorithm of Meeus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    lw = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * lw) // 451
    month, day = divmod(h + lw - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def _piece(parts: dict, published: dt.date | None) -> tuple[str | None, str | None, str | None]:
    """Parts (`início de março`), positions (`último dia de 2013`) and halves (`segundo semestre`)."""
    # the sentence's cues were read for the whole expression; they fix its month's year
    of = _day_of({**parts["of"], **{k: parts[k] for k in ("lean", "tense") if k in parts}}, published)
    if of is None:
        return None, None, None
    day, grain = of
    if "months" in parts:  # a semester or a quarter of a year
        first, last = parts["months"]
        return _format(dt.date(day.year, first, 1), "month"), _format(dt.date(day.year, last, 1), "month"), "month"
    if grain == "year":
        months = {"start": (1, 4), "middle": (5, 8), "end": (9, 12)}
        if "part" in parts:
            first, last = months[parts["part"]]
            return _format(dt.date(day.year, first, 1), "month"), _format(dt.date(day.year, last, 1), "month"), "month"
        return _position_in(parts, dt.date(day.year, 1, 1), dt.date(day.year, 12, 31))
    first_day = day.replace(day=1)
    last_day = _add_months(first_day, 1) - dt.timedelta(days=1)
    if "part" in parts:
        days = {"start": (1, 10), "middle": (11, 20), "end": (21, last_day.day)}[parts["part"]]
        return first_day.replace(day=days[0]).isoformat(), first_day.replace(day=days[1]).isoformat(), "day"
    return _position_in(parts, first_day, last_day)


def _position_in(parts: dict, first: dt.date, last: dt.date) -> tuple[str, str, str]:
    """The first or last day, week or month of the period from `first` to `last`."""
    edge = first if parts["position"] == "first" else last
    grain = parts["what"]
    value = _format(edge, grain)
    return value, value, grain


def _time_span(parts: dict, published: dt.date | None) -> tuple[str | None, str | None, str | None]:
    on = _day_of(parts["on"], published)
    if on is None or on[1] != "day":
        return None, None, None
    day = on[0].isoformat()
    if "part_of_day" in parts:
        first, last = pt.PARTS_OF_DAY[parts["part_of_day"]]
        return f"{day}T{first}", f"{day}T{last}", "minute"
    hour, minute = parts["time"]
    value = f"{day}T{hour:02d}:{minute or 0:02d}"
    return value, value, "hour" if minute is None else "minute"
