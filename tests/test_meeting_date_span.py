"""A report's date and its interval name the same day (issue 18): a weekday read in its
sentence (counted on from a journey, or the story's own day) is the date too, not the weekday
read alone from the story's day."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import d, run

#: A Monday: a weekday named in its story may be that day, the last one or the next.
MON = date(2026, 3, 16)


def dated(nlp, text: str, published: date = MON) -> list[tuple[date | None, date | None,
                                                             date | None]]:
    """Each report's (date, first day, last day)."""
    return [(m.date, m.span.start if m.span else None, m.span.end if m.span else None)
            for m in run(nlp, text, published).meetings]


@pytest.mark.model
@pytest.mark.parametrize(("text", "day"), [
    # the weekday after the journey: the next week's, the date as well as the interval
    ("Anna Moravec will arrive in Valoria on Saturday for talks with Paul Keller on Tuesday.",
     d(3, 24)),
    ("Anna Moravec will arrive in Valoria on Thursday for talks with Paul Keller on Monday.",
     d(3, 23)),
    # the story's own weekday for a meeting told as held: that day
    ("Anna Moravec met Paul Keller in Valoria on Monday.", MON),
])
def test_the_date_is_the_day_of_the_interval(nlp, text, day):
    assert dated(nlp, text) == [(day, day, day)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # where the two agreed before, nothing moves
    ("Anna Moravec will meet Paul Keller in Valoria on Tuesday.", (d(3, 17), d(3, 17), d(3, 17))),
    ("Anna Moravec met Paul Keller in Valoria on Friday.", (d(3, 13), d(3, 13), d(3, 13))),
    # an interval of a week keeps the date its words give
    ("Anna Moravec met Paul Keller in Valoria last week.", (d(3, 9), d(3, 8), d(3, 14))),
])
def test_a_date_that_agrees_is_kept(nlp, text, expected):
    assert dated(nlp, text) == [expected]
