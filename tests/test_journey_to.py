"""Where a journey goes, read one way for every rule (journeys.journey_to), and a journey's own
day read one way for dating and for the journey a meeting is the purpose of (day_roles.
journey_days): issues 13 and 18. Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import FRI, d, meetings, run

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a list's later item goes where the first goes, whatever NER made of the first
    "Peter Novak will fly to Acme Corp and Valoria next week to meet Paul Keller.",
    # "into" sends a journey as "to" does
    "Peter Novak will go into Valoria next week to meet Paul Keller.",
    # a visit or a tour of a place, then the meeting: the place is the visit's
    "Peter Novak will visit Valoria next week and meet Paul Keller.",
    "Peter Novak will tour Valoria next week for talks with Paul Keller.",
])
def test_the_place_a_journey_goes_to_is_its_meetings(nlp, text):
    assert [(m.names, m.place) for m in meetings(nlp, text, FRI)] == [(NOVAK_KELLER, "Valoria")]


@pytest.mark.model
def test_a_journey_from_a_place_does_not_place_the_meeting(nlp):
    text = "Peter Novak will return from Valoria next week to meet Paul Keller."
    assert [m.place for m in meetings(nlp, text, FRI)] == [None]


def _span(nlp, text):
    (m,) = run(nlp, text, FRI).meetings
    return m.status.value, (m.span.start, m.span.end)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a journey in the present perfect is done: its weekday lies behind the story (a Friday)
    ("Peter Novak has arrived in Valoria on Thursday for talks with Paul Keller on Monday.",
     ("planned", (d(3, 16), d(3, 16)))),
    ("Peter Novak, who has arrived in Valoria on Tuesday, met Paul Keller.",
     ("happened", (d(3, 10), d(3, 13)))),
    # as one in the simple past is
    ("Peter Novak arrived in Valoria on Thursday for talks with Paul Keller on Monday.",
     ("planned", (d(3, 16), d(3, 16)))),
])
def test_a_journey_told_in_the_perfect_is_dated_behind_the_story(nlp, text, expected):
    assert _span(nlp, text) == expected
