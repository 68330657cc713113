"""When a reported meeting takes place: an interval of days and its precision, from the time
expression, the publication date, and whether the report looks forward or back.

A weekday or a bare month is read forward in a report of a planned meeting and backward in a
report of one that happened, except where the clause itself is in the past tense ("before a
meeting on Monday, there had been ..."). A report with no time expression still gets a bound:
the publication date is the latest day for a meeting that happened and the earliest for a
planned one. Weeks run Sunday to Saturday, as in the US wire copy the rules were written for.

>>> from datetime import date
>>> fri = date(1987, 4, 24)
>>> resolve_span("Wednesday", fri, "planned")
DateSpan(start=datetime.date(1987, 4, 29), end=datetime.date(1987, 4, 29), precision='day')
>>> resolve_span("on Wednesday", fri, "happened").start
datetime.date(1987, 4, 22)
>>> str(resolve_span("Monday and Tuesday", fri, "planned"))
'1987-04-27/1987-04-28 (day)'
>>> str(resolve_span("next month", fri, "planned"))
'1987-05-01/1987-05-31 (month)'
>>> str(resolve_span("earlier this year", fri, "happened"))
'1987-01-01/1987-04-24 (year)'
>>> resolve_span(None, fri, "happened")
DateSpan(start=None, end=datetime.date(1987, 4, 24), precision='bound')
>>> resolve_span(None, fri, "planned")
DateSpan(start=datetime.date(1987, 4, 24), end=None, precision='bound')
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from spacy.tokens import Span

from kg.extract.gazetteer import MONTHS, WEEKDAYS
from kg.extract.timeplace.counted import count_of
from kg.extract.timeplace.timex import (
    is_boundary,
    normalise_date,
    plain_time,
    year_span,
)
from kg.extract.timeplace.weekend import weekend_span
from kg.model import DateSpan

__all__ = ["resolve_span", "precision_of", "sole_date", "week_of", "weekday_from"]

_SAME_DAY = re.compile(r"\b(today|tonight|this (morning|afternoon|evening))\b")
_PART = {"early": (1, 10), "mid": (11, 20), "late": (21, 31)}
_OPEN_AFTER = frozenset({"soon", "shortly", "later"})
_OPEN_BEFORE = frozenset({"recently", "earlier", "lately"})


def precision_of(start: date, end: date) -> str:
    """The precision an interval stands for, from its width.

    >>> precision_of(date(1987, 4, 1), date(1987, 4, 30))
    'month'
    """
    days = (end - start).days + 1
    # A two- or three-day summit ("April 5-6") is dated to the day.
    for name, most in (("day", 3), ("week", 7), ("month", 31), ("year", 366)):
        if days <= most:
            return name
    return "years"


def _span(start: date, end: date) -> DateSpan:
    return DateSpan(start, end, precision_of(start, end))


def _month(year: int, month: int, first: int = 1, last: int = 31) -> DateSpan:
    days = calendar.monthrange(year, month)[1]
    return _span(date(year, month, min(first, days)), date(year, month, min(last, days)))


def _shift_month(d: date, n: int) -> tuple[int, int]:
    k = d.year * 12 + d.month - 1 + n
    return k // 12, k % 12 + 1


def week_of(d: date) -> tuple[date, date]:
    """The Sunday-to-Saturday week of ``d``.

    >>> week_of(date(1987, 4, 29))
    (datetime.date(1987, 4, 26), datetime.date(1987, 5, 2))
    """
    sunday = d - timedelta(days=(d.weekday() + 1) % 7)
    return sunday, sunday + timedelta(days=6)


def _clip(s: DateSpan, pub: date, direction: int) -> DateSpan:
    """The part of a current period still ahead (planned) or already past (happened)."""
    start, end = s.start, s.end
    assert start is not None and end is not None
    if direction > 0 and start <= pub <= end:
        start = pub
    elif direction < 0 and start <= pub <= end:
        end = pub
    return DateSpan(start, end, s.precision)


def _weekday(text: str, pub: date, direction: int) -> DateSpan | None:
    words = text.split()
    days = [WEEKDAYS[w] for w in words if w in WEEKDAYS]
    if not days:
        return None
    day = days[0]
    if "next" in words or "coming" in words:
        direction, same = 1, False
    elif "last" in words or "previous" in words or "past" in words:
        direction, same = -1, False
    else:
        same = True  # "on Monday" in a Monday story is the day of the story
    ahead = (day - pub.weekday()) % 7
    if ahead == 0 and same:
        d = pub
    elif direction > 0 or (direction == 0 and 0 < ahead <= 3):
        d = pub + timedelta(days=ahead or 7)
    else:
        d = pub - timedelta(days=(7 - ahead) % 7 or 7)
    # "Monday and Tuesday", "Monday through Wednesday": the days run on from the first.
    last = d + timedelta(days=max((n - day) % 7 for n in days))
    return _span(d, last)


#: Words a bare weekday may carry: "Monday and Tuesday", "Monday morning".
_WEEKDAY_FILLER = frozenset({"and", "or", "to", "through", "morning", "afternoon", "evening",
                             "night"})


def weekday_from(text: str, day: date) -> DateSpan | None:
    """The days a bare weekday names on or after ``day`` (the meeting a journey on ``day`` was
    made for: "flew to Oslo on Thursday to meet Y on Monday" is the Monday after it); None for
    any other expression ("next Monday", "Monday, March 16": counted from the story).

    >>> str(weekday_from("on Monday", date(2026, 3, 12)))
    '2026-03-16/2026-03-16 (day)'
    >>> weekday_from("next Monday", date(2026, 3, 12)) is None
    True
    """
    low = plain_time(text)
    words = set(low.split())
    if not words & WEEKDAYS.keys() or not words <= WEEKDAYS.keys() | _WEEKDAY_FILLER:
        return None
    return _weekday(low, day, 1)


def _relative(text: str, pub: date, direction: int) -> DateSpan | None:
    if (weekend := weekend_span(text, pub, direction)) is not None:
        return weekend
    m = re.search(r"\b(this|next|last|past|coming|previous)\s+(week|month|year)\b", text)
    if m:
        which, unit = m.groups()
        step = {"next": 1, "coming": 1, "last": -1, "past": -1, "previous": -1}.get(which, 0)
        if unit == "week":
            s = DateSpan(*week_of(pub + timedelta(days=7 * step)), "week")
        elif unit == "month":
            s = _month(*_shift_month(pub, step))
        else:
            s = DateSpan(date(pub.year + step, 1, 1), date(pub.year + step, 12, 31), "year")
        if step == 0:
            if re.search(r"\b(later|late|end)\b", text):
                return _clip(s, pub, 1)
            if re.search(r"\b(earlier|early|beginning)\b", text):
                return _clip(s, pub, -1)
            return _clip(s, pub, direction) if direction else s
        return s
    m = re.search(r"\b(\w+)\s+(day|week|month)s?\s+ago\b", text)
    if m and (n := count_of(m.group(1))) is not None:
        if m.group(2) == "day":
            d = pub - timedelta(days=n)
            return _span(d, d)
        if m.group(2) == "week":
            start, end = week_of(pub - timedelta(days=7 * n))
            return DateSpan(start, end, "week")
        return _month(*_shift_month(pub, -n))
    return None


#: The months a season starts in (northern, three months each: the 1987 wire's seasons).
_SEASONS = {"spring": 3, "summer": 6, "autumn": 9, "fall": 9, "winter": 12}
_SEASON = re.compile(r"\b(this|next|last|past|coming)\s+(spring|summer|autumn|fall|winter)\b")
#: "the next few days", "in coming weeks", "the past several days", "the last two weeks".
_FEW = re.compile(r"\b(next|coming|past|last|recent) (?:(few|several|couple of|\w+) )?"
                  r"(days|weeks)\b")


def _vague(text: str, pub: date, direction: int) -> DateSpan | None:
    """Seasons ("last summer", "next spring") and a few days or weeks either side of the story."""
    if m := _SEASON.search(text):
        which, first = m.group(1), _SEASONS[m.group(2)]
        starts = [date(y, first, 1) for y in range(pub.year - 2, pub.year + 2)]
        seasons = [DateSpan(a, _month(*_shift_month(a, 2)).end, "year") for a in starts]
        over = [s for s in seasons if s.end and s.end < pub][-1]  # "last": the latest one over
        ahead = next(s for s in seasons if s.start and s.start > pub)  # "next": the first ahead
        now = [s for s in seasons if _distance(s, pub) == 0]  # "this": the story's, else ...
        if which == "this":  # ... the one the report looks to
            return now[0] if now else ahead if direction >= 0 else over
        return over if which in ("last", "past") else ahead
    if m := _FEW.search(text):
        which, count, unit = m.groups()
        if count is not None and (k := count_of(count)) is not None:
            # a counted span, "the last two weeks": that many days or weeks
            n = timedelta(days=k * (1 if unit == "days" else 7))
        elif count in (None, "few", "several", "couple of"):
            n = timedelta(days=6 if unit == "days" else 30)
        else:
            return None
        return _span(pub, pub + n) if which in ("next", "coming") else _span(pub - n, pub)
    return None


def _calendar(text: str, pub: date, direction: int) -> DateSpan | None:
    """Month names with optional days, parts ("late April") and years; ranges and lists."""
    tokens = re.findall(r"[a-z]+|\d+", text)
    months = [(i, MONTHS[t]) for i, t in enumerate(tokens) if t in MONTHS]
    if not months:  # a year alone ("1985", "late 1986"): the part of it still open if current
        return _clip(y, pub, direction) if (y := year_span(text)) is not None else None
    years = [int(t) for t in tokens if t.isdigit() and len(t) == 4]
    spans: list[tuple[int, int, int]] = []  # (month, first day, last day)
    for n, (i, month) in enumerate(months):
        nxt = months[n + 1][0] if n + 1 < len(months) else len(tokens)
        days = [int(t) for t in tokens[i + 1:nxt] if t.isdigit() and len(t) <= 2
                and 1 <= int(t) <= 31]
        part = _PART.get(tokens[i - 1]) if i > 0 else None
        if days:
            spans.append((month, min(days), max(days)))
        elif part:
            spans.append((month, *part))
        else:
            spans.append((month, 1, 31))
    explicit = years[0] if years else None

    def in_year(year: int) -> DateSpan | None:
        (m0, d0, _), (m1, _, d1) = spans[0], spans[-1]
        start = _month(year, m0, d0, d0).start
        end = _month(year + (1 if m1 < m0 else 0), m1, d1, d1).end
        assert start is not None and end is not None
        return _span(start, end) if end >= start else None

    if explicit is not None:
        return in_year(explicit)
    if len(spans) == 1 and spans[0][1:] == (1, 31) and spans[0][0] == pub.month and direction:
        return _clip(_month(pub.year, pub.month), pub, direction)  # "in April", in April
    options = [s for y in (pub.year - 1, pub.year, pub.year + 1) if (s := in_year(y))]
    if "next" in tokens:
        return next((s for s in options if s.start and s.start > pub), None)
    if "last" in tokens:
        return next((s for s in reversed(options) if s.end and s.end < pub), None)
    ahead = next((s for s in options if s.end and s.end >= pub), None)
    back = next((s for s in reversed(options) if s.start and s.start <= pub), None)
    if direction > 0:
        return ahead
    if direction < 0:
        # A day and month with no year read backwards is still the coming one when the past
        # one is half a year off and the coming one near: "related to an April 5-6 summit"
        # in a March story. "Happened" is what a report gets when nothing marks its tense,
        # and a past-tense clause around a meeting noun says nothing of the meeting's own
        # time; a planned report needs an explicit future, so it is left as it reads.
        if back is not None and ahead is not None and _distance(back, pub) > _FAR \
                and _distance(ahead, pub) <= _NEAR and spans[0][1:] != (1, 31):
            return ahead
        return back
    return min(options, key=lambda s: _distance(s, pub))


#: A dated day this far from the publication, in the direction the report reads...
_FAR = 183
#: ... gives way to the same day and month this near the other way.
_NEAR = 62


def _distance(s: DateSpan, d: date) -> int:
    assert s.start is not None and s.end is not None
    return max((s.start - d).days, (d - s.end).days, 0)


def resolve_span(text: str | None, published: date | None, status: str,
                 past_tense: bool | None = None, lapsed: bool = False) -> DateSpan | None:
    """The days ``text`` can mean in a report published on ``published`` with ``status``.

    ``past_tense`` is the tense of the clause around the meeting: True turns a weekday or
    month backwards even in a report the extractor calls planned (but a planned report with
    no time still starts at the story). ``lapsed`` marks a plan told from a point before the
    story (:func:`kg.extract.timeplace.tense.pluperfect`: "a meeting had been planned, but
    ..."): it may never have been kept, so with no time its bound ends at the story. None
    when nothing dates the report at all (no publication date).
    """
    if published is None:
        return None
    told = {"planned": 1, "happened": -1}.get(status, 0)
    direction = -1 if past_tense is True else told
    low = plain_time(text or "")
    if not low or low in _OPEN_AFTER | _OPEN_BEFORE or low in ("now", "currently"):
        # With no time, the status alone says on which side of the story the meeting lies:
        # planned talks told in a past clause ("announced cuts shortly before talks with Y")
        # are still ahead; the tense only turns a named day or month.
        if low in _OPEN_AFTER or (not low and told > 0 and not lapsed):
            return DateSpan(published, None, "bound")
        if low in _OPEN_BEFORE or (not low and (direction < 0 or lapsed)):
            return DateSpan(None, published, "bound")
        return DateSpan(None, None, "unknown")
    # "today", "yesterday", "tomorrow", and several of them ("today and tomorrow").
    near = [published + timedelta(days=n) for n, said in (
        (-1, re.search(r"\b(yesterday|last night)\b", low)), (0, _SAME_DAY.search(low)),
        (1, "tomorrow" in low)) if said]
    if near:
        return _span(near[0], near[-1])
    for rule in (_relative, _vague, _calendar, _weekday):
        found = rule(low, published, direction)
        if found is not None:
            return found
    point = normalise_date(text, published, {1: True, -1: False}.get(direction))
    if point is not None:
        return _span(point, point)
    return resolve_span(None, published, status, past_tense, lapsed)


#: A month and day the tagger can miss when hyphens join them: "an April-5-6 summit".
#: Capitalised, as months are in news copy ("may 2" is a verb and a number).
_MONTH_DAY = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(
    (m.capitalize() for m in MONTHS if len(m) > 2), key=len, reverse=True))
    + r")\.?(?:-| )\d{1,2}(?:-\d{1,2})?(?![\w-])")


def sole_date(sent: Span) -> str | None:
    """The one date a sentence names, when the parser tied none to the meeting: "X held
    talks here on Friday with Y" still dates the talks. None when there are several.

    >>> from kg.extract.pipeline import load_nlp
    >>> sole_date(next(load_nlp()("They prepared an April-5-6 summit meeting in Rome.").sents))
    'April-5-6'
    """
    found = []
    seen: list[tuple[int, int]] = []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        seen.append((ent.start_char, ent.end_char))
        if is_boundary(ent):
            continue  # "since January": a boundary, not a day
        words = {t.lower_ for t in ent}
        if words & WEEKDAYS.keys() or words & MONTHS.keys() or words & {
                "today", "yesterday", "tomorrow", "week", "month", "tonight"}:
            found.append(ent.text)
    base = sent.start_char
    for m in _MONTH_DAY.finditer(sent.text):
        at = (base + m.start(), base + m.end())
        if not any(a < at[1] and at[0] < b for a, b in seen):
            found.append(m.group())
    return found[0] if len(found) == 1 else None
