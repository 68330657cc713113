"""An ordinal day of the month told alone ("on the 2nd") is a day of the story's month or the
one before or after it, by the report's tense; dateparser had read 1st to 12th as months
("on the 2nd" -> February 1) and a held meeting's later day as ahead (review-17u finding 6)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import run

from kg.extract.timeplace.timex import normalise_date

DEC_10 = date(2026, 12, 10)


@pytest.mark.parametrize("text, future, day", [
    ("on the 2nd", False, date(2026, 12, 2)),
    ("the 2nd", True, date(2027, 1, 2)),
    ("the 20th", False, date(2026, 11, 20)),
    ("the 20th", True, date(2026, 12, 20)),
    ("the 31st", False, date(2026, 10, 31)),
    ("the 40th", False, None),
    ("March 2nd", False, date(2026, 3, 2)),
])
def test_an_ordinal_day_alone_is_a_day_of_a_month_near_the_story(text, future, day):
    assert normalise_date(text, DEC_10, future) == day


@pytest.mark.model
@pytest.mark.parametrize("text, day", [
    ("Peter Novak met Anna Moravec on the 2nd.", date(2026, 12, 2)),
    ("Peter Novak will meet Anna Moravec on the 2nd.", date(2027, 1, 2)),
])
def test_a_meeting_on_the_2nd(nlp, text, day):
    assert [m.date for m in run(nlp, text, DEC_10).meetings] == [day]
