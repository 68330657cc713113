"""Mends of the final reading of the dating and status mends (issues 13 and 18): a journey
told as done does not put its meeting behind the story when the meeting's own time lies
ahead; a time word dates a meeting held at an agreement only when it is the meeting's own.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, run

pytestmark = pytest.mark.model

#: A Friday.
_PUBLISHED = date(2026, 3, 13)

PAIR = frozenset({"France", "Italy"})
NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


def _status(nlp, text):
    return [(m.names, m.status) for m in meetings(nlp, text, _PUBLISHED)]


@pytest.mark.parametrize("text", [
    "Peter Novak has flown to Valoria on Monday to meet Paul Keller tomorrow.",
    "Peter Novak has gone to Valoria on Monday to meet Paul Keller on Saturday.",
    "Peter Novak flew to Valoria on Monday to meet Paul Keller on Saturday.",
    "Peter Novak has flown to Valoria on Monday for talks with Paul Keller that begin on "
    "Sunday.",
    "Peter Novak has flown on Sunday for talks with Paul Keller next week.",
])
def test_a_meeting_whose_own_time_is_ahead_stays_ahead_of_a_done_journey(nlp, text):
    assert _status(nlp, text) == [(NOVAK_KELLER, "planned")]


def test_the_meeting_of_a_done_journey_is_dated_after_the_journey(nlp):
    [seen] = meetings(nlp, "Peter Novak has gone to Valoria on Monday to meet Paul Keller on "
                           "Saturday.", _PUBLISHED)
    assert seen.date == date(2026, 3, 14)


@pytest.mark.parametrize("text", [
    "Peter Novak has flown to Valoria on Monday to meet Paul Keller on Tuesday.",
    "Peter Novak has flown to Valoria on Monday to meet Paul Keller.",
])
def test_a_done_journey_dated_behind_still_puts_its_meeting_behind(nlp, text):
    assert _status(nlp, text) == [(NOVAK_KELLER, "happened")]


@pytest.mark.parametrize(("text", "status"), [
    # the time word dates another event nested in the meeting's phrases
    ("France and Italy agreed to announce the merger at a meeting in Geneva after last "
     "week's vote.", "planned"),
    ("France and Italy agreed to announce the merger at a meeting that follows last year's "
     "vote.", "planned"),
    # arranging a meeting does not hold it
    ("France and Italy agreed to announce the merger at a meeting in Geneva, which was "
     "arranged last week.", "planned"),
    # the meeting's own time words
    ("France and Italy agreed to announce the merger at a meeting in Geneva last week.",
     "happened"),
    ("France and Italy agreed to announce the merger at the last meeting in Geneva.",
     "happened"),
    ("France and Italy agreed to announce the merger at a meeting in Geneva yesterday.",
     "happened"),
])
def test_only_the_meetings_own_time_words_put_it_behind(nlp, text, status):
    assert _status(nlp, text) == [(PAIR, status)]


def _places(nlp, text):
    return [m.place for m in meetings(nlp, text, _PUBLISHED)]


@pytest.mark.parametrize(("text", "place"), [
    # the same outing: the meeting is where the journey went
    ("Peter Novak flew to Valoria on Monday and met Paul Keller on Tuesday.", "Valoria"),
    ("Peter Novak went to Valoria on Monday and met Paul Keller there on Tuesday.", "Valoria"),
    ("Peter Novak is touring Valoria and has met Paul Keller.", "Valoria"),
    # a journey behind and a meeting ahead, or days far apart, tell two outings
    ("Peter Novak visited Valoria last year and will meet Paul Keller next week.", None),
    ("Peter Novak visited Valoria in 2019 and met Paul Keller on Monday.", None),
])
def test_a_meeting_joined_to_a_journey_is_held_where_it_went_on_the_same_outing(
        nlp, text, place):
    assert _places(nlp, text) == [place]


def test_a_held_meetings_calendar_day_after_the_story_is_last_years_in_date_and_span(nlp):
    monday = date(2026, 3, 16)
    [seen] = meetings(nlp, "Peter Novak met Paul Keller on March 20.", monday)
    [m] = run(nlp, "Peter Novak met Paul Keller on March 20.", monday).meetings
    assert seen.date == date(2025, 3, 20)
    assert m.span is not None and m.span.start == m.span.end == date(2025, 3, 20)
