"""A planned meeting with no time of its own starts at the story even when the clause around it
is in the past tense: the tense turns only a named day or month (issue 18)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import FRI, run

from kg.extract.timeplace.when import resolve_span


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # talks an announcement came shortly before: still ahead of the story
    "Peter Novak announced tariff cuts shortly before trade talks with Paul Keller.",
    # agreed talks
    "Peter Novak agreed to talks with Paul Keller.",
    # a speaker before a meeting
    "Peter Novak, speaking before a meeting with the Valoria Club, said the plan would work.",
])
def test_a_planned_meeting_with_no_time_lies_ahead_of_the_story(nlp, text):
    (m,) = run(nlp, text, FRI).meetings
    assert (m.status.value, m.span.start, m.span.end) == ("planned", FRI, None)


def test_the_tense_still_turns_a_named_day_back():
    # "before the talks on Monday, there had been doubts": last Monday, though planned
    assert resolve_span("Monday", FRI, "planned", True).start == date(2026, 3, 9)
    assert resolve_span(None, FRI, "planned", True).start == FRI


@pytest.mark.model
def test_a_plan_told_in_the_pluperfect_keeps_its_bound_at_the_story(nlp):
    # the plan may have lapsed: its meeting is not read as ahead of the story (review of 14d,
    # finding 7)
    text = "A meeting between Peter Novak and Paul Keller had been planned, but he fell ill."
    (m,) = run(nlp, text, FRI).meetings
    assert (m.status.value, m.span.start, m.span.end) == ("planned", None, FRI)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the infinitive takes its tense from the verb it hangs on (final reading, finding 3)
    "Paul Keller had planned to meet Anna Moravec, but the storm closed the airport.",
    "Paul Keller had been due to meet Anna Moravec, but the storm closed the airport.",
])
def test_a_plan_to_meet_told_in_the_pluperfect_keeps_its_bound_at_the_story(nlp, text):
    (m,) = run(nlp, text, FRI).meetings
    assert (m.status.value, m.span.start, m.span.end) == ("planned", None, FRI)
