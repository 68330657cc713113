"""Defects a reading of aa7cc98..5c7db90 found (seventeenth session, helper 17s): the
progressive arrangement, the "since" bound, the denied passive journey."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, run

pytestmark = pytest.mark.model

#: A Friday.
FRI = date(2026, 3, 13)
#: A Monday.
MON = date(2026, 3, 9)


def _one(nlp, text: str, published: date):
    [m] = meetings(nlp, text, published)
    return m


def _span(nlp, text: str, published: date):
    [m] = run(nlp, text, published).meetings
    return m.span


def test_a_progressive_dated_by_a_month_alone_is_no_arrangement(nlp):
    # "in March" in a March story may be the talks under way: not planned for next March
    # (0f38569 made it planned and dated 2027-03-01 while its days stayed this March)
    m = _one(nlp, "Ruth Keller is meeting Jan Moravec in March.", FRI)
    assert m.status == "happened" and m.date == date(2026, 3, 1)
    # a month with its day's number is one day, and still an arrangement
    m = _one(nlp, "Ruth Keller is meeting Jan Moravec on March 20.", FRI)
    assert m.status == "planned" and m.date == date(2026, 3, 20)


@pytest.mark.parametrize("text", [
    "Ruth Keller has stayed silent since March 2, after talks with Jan Moravec.",
    "Ruth Keller has kept quiet since March 2 about her talks with Jan Moravec.",
    "Ruth Keller has been under fire since March 2 over her talks with Jan Moravec.",
])
def test_a_since_date_of_another_event_does_not_start_talks_in_its_phrase(nlp, text):
    # the silence or the criticism goes on since March 2; the talks may lie before it (5c7db90
    # bounded them March 2 to the story)
    span = _span(nlp, text, MON)
    assert span.start is None or span.start < date(2026, 3, 2)


@pytest.mark.parametrize("text", [
    "Ruth Keller has held talks with Jan Moravec since March 2.",
    "Ruth Keller has been in talks with Jan Moravec since March 2.",
    "Ruth Keller and Jan Moravec have been meeting in Oslo since March 2.",
])
def test_talks_the_clause_tells_of_still_run_from_their_since_date(nlp, text):
    span = _span(nlp, text, MON)
    assert (span.start, span.end) == (date(2026, 3, 2), MON)


@pytest.mark.parametrize("text", [
    "Ruth Keller denied she was appointed to the board to meet Jan Moravec.",
    "Ruth Keller denied she was named to the post to meet Jan Moravec.",
])
def test_a_denied_appointment_is_no_denied_journey(nlp, text):
    # a post is no place: the denial is of the appointment, as "denied she was paid to meet
    # Y" is of the payment (5c7db90 took any noun after "to" for a journey's end: negated)
    assert _one(nlp, text, MON).status == "happened"


@pytest.mark.parametrize("text", [
    "Ruth Keller denied she was sent to the summit to meet Jan Moravec.",
    "Ruth Keller denied she was flown to the summit to meet Jan Moravec.",
    "Ruth Keller denied she was appointed to Valoria to meet Jan Moravec.",
])
def test_a_denied_passive_journey_still_negates(nlp, text):
    assert _one(nlp, text, MON).status == "negated"


@pytest.mark.parametrize("text", [
    "Since March 2, Ruth Keller has met Jan Moravec three times.",
    "Since March 2, Ruth Keller and Jan Moravec have been meeting in Oslo.",
])
def test_a_fronted_since_date_bounds_the_meeting_as_a_final_one_does(nlp, text):
    # the sentence-initial time was taken as the meeting's own day (dated March 2 alone)
    span = _span(nlp, text, MON)
    assert (span.start, span.end) == (date(2026, 3, 2), MON)


def test_a_fronted_since_date_the_meeting_is_told_at_still_dates_it(nlp):
    m = _one(nlp, "Since March 2, when Ruth Keller met Jan Moravec, prices have risen.", MON)
    assert m.date == date(2026, 3, 2)


@pytest.mark.parametrize(("text", "published"), [
    ("Ruth Keller, who flew to Oslo on Sunday to meet Jan Moravec later this week, said "
     "progress was likely.", MON),
    ("Ruth Keller has flown to Valoria for talks later today with President Anton Novak.", None),
    ("Ruth Keller flew to Valoria on Sunday to meet Jan Moravec later this week.", None),
])
def test_a_later_of_the_reports_own_span_stays_ahead_after_a_done_journey(nlp, text, published):
    # "later today", "later this week" name the report's day or week, not the journey's
    # (5c7db90's after_done took every "later" after a done journey as the journey's: held)
    assert _one(nlp, text, published).status == "planned"


def test_a_later_of_the_journeys_own_time_still_follows_it(nlp):
    m = _one(nlp, "Ruth Keller flew to Oslo in January to meet Jan Moravec later that week.", MON)
    assert m.status == "happened"
