"""A report's date and its interval name the same day (issue 18): a weekday read in its
sentence (counted on from a journey, or the story's own day) is the date too, not the weekday
read alone from the story's day. And a sentence's one date that "after", "since" or "before"
sets apart from the meeting bounds it instead of dating it."""

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


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # the date of what the talks came after: from it up to the story
    ("Valoria Corp said it began talks with Keller Inc after it announced its restructuring "
     "in August.", (d(8, 1, 1987), d(10, 19, 1987))),
    ("Anna Moravec said the talks with Paul Keller had stalled since they were announced on "
     "October 2.", (d(10, 2, 1987), d(10, 19, 1987))),
    # the talks in the ordered phrase keep the date of what followed them, as before
    ("The result contrasts with statements last month after talks between Anna Moravec and "
     "Paul Keller.", (d(9, 1, 1987), d(9, 30, 1987))),
    # a planned meeting after a day long past: read as any planned one, from the story on
    ("Anna Moravec will hold talks with Paul Keller during the visit, her first since she took "
     "office in June 1982.", (d(10, 19, 1987), None)),
    # the date on the meeting itself still dates it
    ("Valoria Corp held talks with Keller Inc in August.", (d(8, 1, 1987), d(8, 31, 1987))),
])
def test_a_date_an_ordering_word_sets_apart_bounds_the_meeting(nlp, text, expected):
    assert [(s, e) for _, s, e in dated(nlp, text, d(10, 19, 1987))] == [expected]
