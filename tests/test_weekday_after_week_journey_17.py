"""A bare weekday of a meeting a journey next week was made for falls in that week, never on
the story's own day before the journey; a week the story is in or after leaves the weekday
to the story (seventeenth session; review-17r finding 12)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import run

pytestmark = pytest.mark.model

#: A Friday.
_PUBLISHED = date(2026, 3, 13)


def _dates(nlp, text):
    return [str(m.date) for m in run(nlp, text, _PUBLISHED).meetings]


@pytest.mark.parametrize("text, day", [
    ("Peter Novak will fly to Valoria next week and will meet Paul Keller on Friday.",
     "2026-03-20"),
    ("Anna Moravec travels to Oslo next week and meets Ivan Horak on Friday.", "2026-03-20"),
    ("Peter Novak will fly to Valoria next week to meet Paul Keller on Wednesday.",
     "2026-03-18"),
])
def test_the_weekday_falls_in_the_journey_s_week(nlp, text, day):
    assert _dates(nlp, text) == [day]


@pytest.mark.parametrize("text, day", [
    ("Peter Novak flew to Valoria last week to meet Paul Keller on Tuesday.", "2026-03-10"),
    ("Peter Novak will fly to Valoria on Tuesday and will meet Paul Keller on Thursday.",
     "2026-03-19"),
])
def test_other_journeys_read_as_before(nlp, text, day):
    assert _dates(nlp, text) == [day]
