"""Dates of meeting reports as intervals: time expression, publication date, status and tense."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import FRI, d

from kg.extract.timeplace.when import precision_of, resolve_span
from kg.model import DateSpan

SUN = date(2026, 3, 15)


def span(text, published, status, past=None):
    s = resolve_span(text, published, status, past)
    return (s.start, s.end, s.precision)



@pytest.mark.parametrize(("text", "status", "expected"), [
    # A weekday looks forward for a planned meeting, back for one that happened.
    ("Wednesday", "planned", (d(3, 18), d(3, 18), "day")),
    ("on Wednesday", "happened", (d(3, 11), d(3, 11), "day")),
    # The story's own weekday is the day of the story.
    ("Friday", "happened", (FRI, FRI, "day")),
    ("Friday", "planned", (FRI, FRI, "day")),
    ("next Tuesday", "happened", (d(3, 17), d(3, 17), "day")),
    # Several weekdays run on from the first one.
    ("Monday and Tuesday", "planned", (d(3, 16), d(3, 17), "day")),
    ("Thursday and Friday", "happened", (d(3, 12), FRI, "day")),
    ("Saturday through Monday", "planned", (d(3, 14), d(3, 16), "day")),
    ("last Tuesday", "planned", (d(3, 10), d(3, 10), "day")),
    ("today", "planned", (FRI, FRI, "day")),
    ("later today", "planned", (FRI, FRI, "day")),
    ("this evening", "happened", (FRI, FRI, "day")),
    ("yesterday", "happened", (d(3, 12), d(3, 12), "day")),
    ("tomorrow", "planned", (d(3, 14), d(3, 14), "day")),
    ("today and tomorrow", "planned", (FRI, d(3, 14), "day")),
    ("yesterday and today", "happened", (d(3, 12), FRI, "day")),
    # Periods are intervals.
    ("next month", "planned", (d(4, 1), d(4, 30), "month")),
    ("next month's", "negated", (d(4, 1), d(4, 30), "month")),
    ("last month", "happened", (d(2, 1), d(2, 28), "month")),
    ("next week", "planned", (d(3, 15), d(3, 21), "week")),
    ("last week", "happened", (d(3, 1), d(3, 7), "week")),
    ("later this week", "planned", (FRI, d(3, 14), "week")),
    ("later this month", "planned", (FRI, d(3, 31), "month")),
    ("earlier this year", "happened", (d(1, 1), FRI, "year")),
    ("later this year", "planned", (FRI, d(12, 31), "year")),
    ("two weeks ago", "happened", (d(2, 22), d(2, 28), "week")),
    # Seasons (three months, northern) and a few days or weeks either side of the story.
    ("last summer", "happened", (d(6, 1, 2025), d(8, 31, 2025), "year")),
    ("this summer", "planned", (d(6, 1), d(8, 31), "year")),
    ("this spring", "happened", (d(3, 1), d(5, 31), "year")),
    ("next spring", "planned", (d(3, 1, 2027), d(5, 31, 2027), "year")),
    ("last winter", "happened", (d(12, 1, 2025), d(2, 28), "year")),
    ("last autumn", "happened", (d(9, 1, 2025), d(11, 30, 2025), "year")),
    ("the next few days", "planned", (FRI, d(3, 19), "week")),
    ("in coming weeks", "planned", (FRI, d(4, 12), "month")),
    ("the past several days", "happened", (d(3, 7), FRI, "week")),
    # Calendar dates: the year comes from the direction of the report.
    ("May 4", "planned", (d(5, 4), d(5, 4), "day")),
    ("January 21", "happened", (d(1, 21), d(1, 21), "day")),
    ("January 21", "planned", (d(1, 21, 2027), d(1, 21, 2027), "day")),
    ("in May", "planned", (d(5, 1), d(5, 31), "month")),
    ("late April", "planned", (d(4, 21), d(4, 30), "month")),
    ("mid-May", "planned", (d(5, 11), d(5, 20), "month")),
    ("May 5-6", "planned", (d(5, 5), d(5, 6), "day")),
    ("May 27 and 28", "planned", (d(5, 27), d(5, 28), "day")),
    ("late April or early May", "planned", (d(4, 21), d(5, 10), "month")),
    ("last October", "happened", (d(10, 1, 2025), d(10, 31, 2025), "month")),
    ("November, 2019", "happened", (d(11, 1, 2019), d(11, 30, 2019), "month")),
    ("in March", "planned", (FRI, d(3, 31), "month")),
    # A year alone is that year, or its early, middle or late third; never a made-up day.
    ("in 2019", "happened", (d(1, 1, 2019), d(12, 31, 2019), "year")),
    ("late 2025", "happened", (d(9, 1, 2025), d(12, 31, 2025), "year")),
    ("mid-2027", "planned", (d(5, 1, 2027), d(8, 31, 2027), "year")),
    ("in 2026", "planned", (FRI, d(12, 31), "year")),  # the story's year: the part still open
    # Two years, a decade or its part: those years, never a made-up day.
    ("1995 and 1996", "happened", (d(1, 1, 1995), d(12, 31, 1996), "years")),
    ("the 1990s", "happened", (d(1, 1, 1990), d(12, 31, 1999), "years")),
    ("the late 1970s", "happened", (d(1, 1, 1977), d(12, 31, 1979), "years")),
    ("the 2020s", "planned", (FRI, d(12, 31, 2029), "years")),  # the story's: the open part
    # A part of "the" week, month or year is of the story's own, as "this week" is.
    ("later in the week", "planned", (FRI, d(3, 14), "week")),
    ("early in the week", "happened", (d(3, 8), FRI, "week")),
    ("at the end of the month", "planned", (FRI, d(3, 31), "month")),
    ("later in the year", "planned", (FRI, d(12, 31), "year")),
    # No time expression: the publication date bounds the meeting on one side.
    (None, "happened", (None, FRI, "bound")),
    (None, "planned", (FRI, None, "bound")),
    ("soon", "planned", (FRI, None, "bound")),
    ("recently", "happened", (None, FRI, "bound")),
])
def test_time_expressions(text, status, expected):
    assert span(text, FRI, status) == expected


MON, SAT = date(2026, 3, 16), date(2026, 3, 14)


@pytest.mark.parametrize(("text", "published", "status", "expected"), [
    # "At the weekend", as the wire writes it: the weekend over for a held meeting, the one not
    # over for a planned one (Friday to Sunday).
    ("at the weekend", MON, "happened", (FRI, SUN, "week")),
    ("over the weekend", MON, "happened", (FRI, SUN, "week")),
    ("the weekend", MON, "planned", (d(3, 20), d(3, 22), "week")),
    ("at the weekend", SAT, "happened", (FRI, SAT, "week")),
    ("at the weekend", SAT, "planned", (SAT, SUN, "week")),
    # A Friday's story of a meeting held at the weekend means the weekend before.
    ("at the weekend", FRI, "happened", (d(3, 6), d(3, 8), "week")),
    ("at the weekend", FRI, "planned", (FRI, SUN, "week")),
    # In a Sunday's story "this weekend" is the one it is written in, "last weekend" the one
    # before; from a Monday a held "this weekend" is the one just over.
    ("this weekend", SUN, "happened", (FRI, SUN, "week")),
    ("last weekend", SUN, "happened", (d(3, 6), d(3, 8), "week")),
    ("last weekend", MON, "happened", (FRI, SUN, "week")),
    ("this weekend", MON, "happened", (FRI, SUN, "week")),
    ("this weekend", MON, "planned", (d(3, 20), d(3, 22), "week")),
    ("this weekend", d(3, 11), "planned", (FRI, SUN, "week")),
    ("next weekend", MON, "planned", (d(3, 27), d(3, 29), "week")),
    # A weekend with a date is that date's.
    ("the weekend of April 4", MON, "planned", (d(4, 4), d(4, 4), "day")),
])
def test_weekends(text, published, status, expected):
    assert span(text, published, status) == expected


def test_this_week_in_a_sunday_story_is_the_week_ahead():
    assert span("this week", SUN, "planned") == (SUN, d(3, 21), "week")


def test_a_past_tense_clause_reads_a_weekday_backwards_even_if_planned():
    # "before a meeting with X on Monday, there had been ...": said on the Tuesday after.
    tue = d(3, 17)
    assert span("Monday", tue, "planned", past=True) == (d(3, 16), d(3, 16), "day")
    assert span("Monday", tue, "planned") == (d(3, 23), d(3, 23), "day")


def test_no_publication_date_no_span():
    assert resolve_span("Monday", None, "planned") is None


def test_unparseable_text_falls_back_to_the_publication_bound():
    assert span("in the coming period of reflection", FRI, "planned") == (FRI, None, "bound")


def test_precision_and_span_record():
    assert precision_of(d(3, 1), d(3, 7)) == "week"
    assert precision_of(d(1, 1), d(12, 31)) == "year"
    assert precision_of(d(1, 1, 2020), d(12, 31, 2021)) == "years"
    with pytest.raises(ValueError, match="cannot end"):
        DateSpan(d(3, 2), d(3, 1), "day")


@pytest.mark.model
@pytest.mark.parametrize(("text", "start"), [
    ("Peter Novak will meet Paul Keller on Wednesday.", d(3, 18)),
    ("Peter Novak met Paul Keller on Wednesday.", d(3, 11)),
    ("Peter Novak held talks here on Tuesday with Paul Keller, officials said.", d(3, 10)),
])
def test_spans_from_the_pipeline(nlp, text, start):
    from meeting_helpers import run

    x = run(nlp, text, FRI)
    assert [m.span.start for m in x.meetings] == [start]


@pytest.mark.model
def test_pipeline_keeps_time_text_and_point_date(nlp):
    from meeting_helpers import run

    x = run(nlp, "Peter Novak will meet Paul Keller next month in Vienna.", FRI)
    (m,) = x.meetings
    assert (m.span.start, m.span.end, m.span.precision) == (d(4, 1), d(4, 30), "month")
    assert m.time == "next month"


@pytest.mark.model
@pytest.mark.parametrize(("text", "time", "start", "end"), [
    ("Peter Novak met Paul Keller in late 2025 to settle the loan.", "late 2025", d(9, 1, 2025),
     d(12, 31, 2025)),
    ("Peter Novak recalled the 2019 meeting with Paul Keller.", "2019", d(1, 1, 2019),
     d(12, 31, 2019)),
    # A year that modifies something else is not the meeting's time.
    ("Peter Novak met Paul Keller on Tuesday to discuss the 2027 budget.", "Tuesday", d(3, 10),
     d(3, 10)),
])
def test_a_year_alone_dates_the_meeting_it_modifies(nlp, text, time, start, end):
    from meeting_helpers import run

    (m,) = run(nlp, text, FRI).meetings
    assert (m.time, m.span.start, m.span.end) == (time, start, end)


@pytest.mark.parametrize(("text", "expected"), [
    # Read backwards, a day and month is the past one ...
    ("March 2", (d(3, 2), d(3, 2), "day")),
    ("January 21", (d(1, 21), d(1, 21), "day")),
    ("June 5", (d(6, 5, 2025), d(6, 5, 2025), "day")),  # the coming one is not near
    ("in April", (d(4, 1, 2025), d(4, 30, 2025), "month")),  # a bare month is not a day
    # ... unless that is most of a year ago and the same day is weeks ahead.
    ("April 5-6", (d(4, 5), d(4, 6), "day")),
    ("April-20", (d(4, 20), d(4, 20), "day")),
    ("late April", (d(4, 21), d(4, 30), "month")),
])
def test_a_day_and_month_read_backwards_stays_near_the_story(text, expected):
    assert span(text, FRI, "happened") == expected


def test_a_planned_day_and_month_keeps_its_direction():
    assert span("March 2", FRI, "planned") == (d(3, 2, 2027), d(3, 2, 2027), "day")


@pytest.mark.model
@pytest.mark.parametrize(("text", "found"), [
    ("The aides prepared an April-5-6 summit of the two leaders in Rome.", "April-5-6"),
    ("Talks set for Sept-3 were moved to Paris.", "Sept-3"),
    ("The March-3 talks followed the April 7 meeting.", None),  # two dates: none is sole
    ("Leaders may 2 or 3 times meet abroad.", None),  # the verb "may" is no month
])
def test_sole_date_finds_hyphenated_days_the_tagger_misses(nlp, text, found):
    from kg.extract.timeplace.when import sole_date

    doc = nlp(text)
    assert sole_date(next(iter(doc.sents))) == found
