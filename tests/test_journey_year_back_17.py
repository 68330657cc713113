"""A done journey's calendar day after the story's is last year's, as a held meeting's is:
the talks it was made for are behind, not ahead (seventeenth session; review-17r finding 11)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import run

pytestmark = pytest.mark.model

#: A Monday.
_PUBLISHED = date(2026, 3, 16)


def _reports(nlp, text):
    return [(m.status.value, str(m.span.start)) for m in run(nlp, text, _PUBLISHED).meetings]


@pytest.mark.parametrize("text", [
    "Peter Novak flew to Valoria on March 20 and met Paul Keller.",
    "Peter Novak flew to Valoria on March 20 to meet Paul Keller.",
])
def test_a_done_journey_on_a_later_calendar_day_is_last_year_s(nlp, text):
    assert _reports(nlp, text) == [("happened", "2025-03-20")]


@pytest.mark.parametrize("text, report", [
    ("Peter Novak will fly to Valoria on March 20 and meet Paul Keller.",
     ("planned", "2026-03-20")),
    ("Peter Novak flew to Valoria on March 10 and met Paul Keller.", ("happened", "2026-03-10")),
])
def test_journeys_ahead_or_earlier_read_as_before(nlp, text, report):
    assert _reports(nlp, text) == [report]
