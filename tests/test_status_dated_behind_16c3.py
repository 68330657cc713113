"""Mends of a reading of the second status landing (issues 13 and 18): a meeting where an
agreed statement is to be made is ahead only when nothing dates it behind the story; a journey
told in the present perfect with its own day behind the story is done, for the status as for
the date; a journey's own weekday is read as the journey's. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, run

pytestmark = pytest.mark.model

#: A Friday.
_PUBLISHED = date(1987, 3, 13)

PAIR = frozenset({"France", "Italy"})
NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


def _status(nlp, text):
    return [(m.names, m.status) for m in meetings(nlp, text, _PUBLISHED)]


@pytest.mark.parametrize("text", [
    "France and Italy agreed to announce the merger at a meeting in Geneva yesterday.",
    "France and Italy agreed to announce the merger at a meeting in Geneva on March 2.",
    "France and Italy agreed to announce the merger at a meeting in Geneva in 1979.",
    "France and Italy agreed to announce the merger at a meeting in Geneva last week.",
    "France and Italy agreed to announce the merger at the last meeting in Geneva.",
    "France and Italy agreed to announce the merger at a meeting in Geneva, which ended "
    "without a deal.",
    "France and Italy agreed to announce the merger at a meeting in Geneva that ended on "
    "Tuesday.",
    "France and Italy agreed to report to parliament at a meeting in Geneva last week.",
])
def test_a_meeting_dated_behind_the_story_stays_where_the_agreeing_was(nlp, text):
    assert _status(nlp, text) == [(PAIR, "happened")]


@pytest.mark.parametrize(("text", "status"), [
    # a statement verb of the report verbs puts the meeting ahead, as "announce" does
    ("France and Italy agreed to confirm the merger at a meeting in Geneva, officials said.",
     "planned"),
    ("France and Italy agreed to announce the merger at a meeting in Geneva next week.",
     "planned"),
    # adding a clause is no statement: the agreeing was at the meeting
    ("France and Italy agreed to add a clause at a meeting in Geneva, officials said.",
     "happened"),
])
def test_what_is_said_at_a_meeting_is_read_from_the_report_verbs(nlp, text, status):
    assert _status(nlp, text) == [(PAIR, status)]


@pytest.mark.parametrize(("text", "status"), [
    ("Peter Novak has flown to Valoria on Monday to meet Paul Keller on Tuesday.", "happened"),
    ("Peter Novak has arrived in Valoria on Sunday for talks with Paul Keller on Monday.",
     "happened"),
    ("Peter Novak has flown to Valoria on Monday to meet Paul Keller.", "happened"),
    # an undated perfect journey leaves its purpose ahead, as "has arrived for talks" does
    ("Peter Novak has returned to Norland to consult Paul Keller on the terms.", "planned"),
    # a perfect of a verb that is no journey leaves its "for" ahead
    ("Peter Novak has laid the groundwork for talks with Paul Keller.", "planned"),
])
def test_a_journey_in_the_present_perfect_is_done(nlp, text, status):
    assert _status(nlp, text) == [(NOVAK_KELLER, status)]


@pytest.mark.parametrize("text", [
    "Peter Novak has arrived in Valoria on Thursday for talks with Paul Keller.",
    "Peter Novak flew to Valoria on Thursday to meet Paul Keller.",
])
def test_a_journey_weekday_is_the_one_behind_the_story(nlp, text):
    (meeting,) = run(nlp, text, _PUBLISHED).meetings
    assert meeting.span is not None and meeting.span.start == date(1987, 3, 12)
