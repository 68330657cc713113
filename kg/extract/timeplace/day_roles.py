"""Days of one time expression as a meeting's: the expression's days, counted back from an
earlier date when it refers to one ("the same day"), and stretched by the role the time plays
for the meeting (its own day, a journey's start or end, an opening or closing day).

Primitives of :mod:`kg.extract.timeplace.dating`, which decides the role.

>>> from datetime import date
>>> from kg.model import DateSpan
>>> d = DateSpan(date(1987, 4, 6), date(1987, 4, 6), "day")
>>> str(apply_role(d, "start", 1, "planned", date(1987, 4, 1)))
'1987-04-06/1987-04-08 (day)'
"""

from __future__ import annotations

from datetime import date, timedelta

from spacy.tokens import Span, Token

from kg.extract.timeplace.counted import refers_back, week_back
from kg.extract.timeplace.recency import VISIT_DAYS
from kg.extract.timeplace.tense import journey_tense
from kg.extract.timeplace.timex import host_of, is_duration, normalise_date
from kg.extract.timeplace.when import (
    precision_of,
    resolve_span,
    week_of,
    weekday_from,
)
from kg.model import DateSpan

__all__ = ["SEVERAL_DAYS", "times_in", "entity_of", "days_of", "journey_days", "after_trip",
           "apply_role", "overlap", "day_of", "held_day", "report_date"]

#: The days a meeting told to open or end on a day runs from or up to it, its length untold:
#: "opened on Monday" and "ended on Wednesday" can tell one meeting.
SEVERAL_DAYS = 3


def times_in(sent: Span) -> list[Span]:
    """The sentence's dates and times, adjacent ones as one ("early yesterday" + "evening")."""
    out: list[Span] = []
    for ent in sent.ents:
        if ent.label_ not in ("DATE", "TIME"):
            continue
        if out and out[-1].end == ent.start:
            out[-1] = sent.doc[out[-1].start:ent.end]
        else:
            out.append(ent)
    return [e for e in out if not is_duration(e)]


def entity_of(sent: Span, text: str, trigger: Token) -> Span | None:
    """The DATE/TIME entity of ``sent`` an attached time was read from (the nearest one)."""
    low = text.casefold()
    found = [e for e in sent.ents if e.label_ in ("DATE", "TIME")
             and (e.text.casefold() in low or low in e.text.casefold())]
    return min(found, key=lambda e: abs(e.root.i - trigger.i)) if found else None


def days_of(text: str, ent: Span | None, published: date, status: str,
            past: bool | None) -> DateSpan | None:
    """The days of one expression, counted from the date it refers back to if it does."""
    shift, weeks = refers_back(text), week_back(text)
    if (shift is None and weeks is None) or ent is None:
        return resolve_span(text, published, status, past)
    doc = ent.doc
    first = ent.sent.start
    for _ in range(2):  # the sentence, then the two before it
        if first > 0:
            first = doc[first - 1].sent.start
    for prior in sorted((e for e in doc.ents if first <= e.start and e.end <= ent.start
                         and e.label_ == "DATE" and not is_duration(e)
                         and refers_back(e.text) is None and week_back(e.text) is None),
                        key=lambda e: -e.start):
        base = resolve_span(prior.text, published, status, past)
        if base is not None and base.start is not None and base.start == base.end:
            if weeks is None:
                day = base.start + timedelta(days=shift or 0)
                return DateSpan(day, day, "day")
            start, end = week_of(base.start + timedelta(days=7 * weeks))
            if weeks == 0 and "later" in text.casefold():
                start = base.start  # "later that week": from the day named on
            if status == "happened" and start <= published < end:
                end = published  # a held meeting is over by the time it is reported
            return DateSpan(start, end, precision_of(start, end))
    return resolve_span(None, published, status, past)  # nothing to count from: a bound


def journey_days(ent: Span, published: date) -> DateSpan | None:
    """The days of a journey's own time ``ent``, read in the journey's tense, not the
    meeting's: "flew on Thursday" and "has arrived on Thursday" lie behind the story, "will
    fly on Thursday" ahead; a done journey's calendar day after the story's is last year's,
    as a held meeting's is (:func:`held_day`). The one reading of a journey's day (dating's
    and purpose's)."""
    tense = journey_tense(host_of(ent))
    if not tense:
        return days_of(ent.text, ent, published, "planned", tense)
    return held_day(days_of(ent.text, ent, published, "happened", tense), ent.text, published,
                    "happened")


def after_trip(text: str, trip: DateSpan | None, published: date) -> DateSpan | None:
    """The days of a meeting's bare weekday ``text`` counted on from the first day of the
    journey the meeting was made for: its one day ("flew to Oslo yesterday to meet Y on
    Monday": the Monday after the journey, not the one before the story), or a week wholly
    after the story ("will fly to Oslo next week and meet Y on Friday": that week's Friday,
    not the story's own); None for any other journey (a week the story is in or after leaves
    the weekday to the story: "flew there last week to meet Y on Tuesday" may be either
    Tuesday since) or when ``text`` is no bare weekday."""
    if trip is None or trip.start is None or trip.end is None:
        return None
    if trip.start != trip.end and not (trip.start > published
                                       and (trip.end - trip.start).days <= 6):
        return None
    return weekday_from(text, trip.start)


def apply_role(span: DateSpan | None, role: str, days: int, status: str,
               published: date) -> DateSpan | None:
    """``span`` stretched by the role its time plays for a meeting of ``days`` days: "after"
    a journey (the visit runs on from it), "before" one (the visit ends with it), "start" or
    "end" of the meeting, or "at" (the meeting's own first day)."""
    if span is None or span.start is None or span.end is None:
        return span
    start, end = span.start, span.end
    if role == "after":  # a journey on a day, or in a week: the visit runs on from it
        end = end + timedelta(days=VISIT_DAYS)
        if status == "happened" and start <= published < end:
            end = published  # a held meeting is over by the time it is reported
    elif role == "before":
        start = start - timedelta(days=VISIT_DAYS)
        if status == "planned" and start < published <= end:
            start = published  # a planned meeting is still ahead when it is reported
        elif status == "happened" and start <= published < end:
            end = published
    elif role in ("start", "end") and start == end:
        # told to open or to end on a day: its length if told, else SEVERAL_DAYS
        length = timedelta(days=(days if days > 1 else SEVERAL_DAYS) - 1)
        start, end = (end - length, end) if role == "end" else (start, start + length)
    elif role == "at" and start == end:
        end = start + timedelta(days=days - 1)
    else:
        return span
    return DateSpan(start, end, precision_of(start, end))


def overlap(a: DateSpan | None, b: DateSpan | None) -> DateSpan | None:
    """The days both spans allow, or None when they do not overlap."""
    if a is None or b is None or a.start is None or a.end is None or b.start is None \
            or b.end is None:
        return None
    start, end = max(a.start, b.start), min(a.end, b.end)
    return DateSpan(start, end, precision_of(start, end)) if start <= end else None


def held_day(span: DateSpan | None, time: str, published: date | None,
             status: str) -> DateSpan | None:
    """``span`` a year back when it is a held meeting's calendar day after the story's day
    ("met Y on March 20" in a March 16 story: last year's March 20, the day the time read
    alone names), so that the meeting's date and interval agree; every reader of a held
    meeting's time into days asks it.

    >>> march_20 = DateSpan(date(2026, 3, 20), date(2026, 3, 20), "day")
    >>> str(held_day(march_20, "March 20", date(2026, 3, 16), "happened"))
    '2025-03-20/2025-03-20 (day)'
    >>> held_day(march_20, "March 20", date(2026, 3, 16), "planned") == march_20
    True
    """
    told = normalise_date(time, published, False) if published is not None else None
    if status != "happened" or published is None or span is None or span.start is None \
            or span.end is None or span.start <= published or told is None \
            or told.year >= span.start.year \
            or (told.month, told.day) != (span.start.month, span.start.day):
        return span
    back = span.start - told
    return DateSpan(told, span.end - back, span.precision)


def day_of(told: date | None, span: DateSpan | None) -> date | None:
    """A report's date: the day its time names read alone from the story's day (``told``),
    unless the report's interval, read in its sentence, tells other days to the day; then the
    interval's day of ``told``'s weekday (its first day when it has none). A weekday counted on
    from a journey ("will arrive on Thursday for talks on Monday" in a Monday story: the next
    Monday) or naming the story's own day ("met on Monday" in a Monday story: that day) is the
    interval's, and one report must not give two days; "ended on Monday" keeps the Monday of
    its few days.

    >>> monday = DateSpan(date(2026, 3, 23), date(2026, 3, 23), "day")
    >>> day_of(date(2026, 3, 16), monday), day_of(date(2026, 3, 23), monday)
    (datetime.date(2026, 3, 23), datetime.date(2026, 3, 23))
    >>> day_of(date(2026, 3, 16), DateSpan(date(2026, 3, 9), date(2026, 3, 15), "week"))
    datetime.date(2026, 3, 16)
    >>> day_of(date(2026, 3, 9), DateSpan(date(2026, 3, 14), date(2026, 3, 16), "day"))
    datetime.date(2026, 3, 16)
    """
    if told is None or span is None or span.precision != "day" or span.start is None \
            or span.end is None or span.start <= told <= span.end:
        return told
    days = [span.start + timedelta(days=i) for i in range((span.end - span.start).days + 1)]
    return next((d for d in days if d.weekday() == told.weekday()), span.start)


def report_date(time: str | None, published: date | None, planned: bool,
                span: DateSpan | None) -> date | None:
    """The date of a report of time text ``time`` and interval ``span``: the one reading
    every writer of a meeting's date uses (``day_of`` of the time read alone)."""
    return day_of(normalise_date(time, published, planned), span)
