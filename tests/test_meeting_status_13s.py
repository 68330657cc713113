"""Meeting status when the meeting's own time, or the tense of what came before it, says
where it lies: "at next week's summit" under a past report, "ahead of the March 2 meeting"
in a later story, "before the talks on Monday there had been ..."."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

_LATER = date(1987, 3, 10)


def _statuses(nlp, text: str, published: date | None = _LATER) -> list[tuple[frozenset, str]]:
    return [(m.names, m.status) for m in meetings(nlp, text, published)]


_PAIR = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize("text", [
    "Analysts have suggested that Peter Novak and Paul Keller could face criticism at next "
    "week's summit.",
    "Bankers had thought Peter Novak might raise the loan with Paul Keller at talks next week.",
])
def test_a_meeting_timed_next_week_is_planned_under_a_past_guess(nlp, text):
    assert _statuses(nlp, text) == [(_PAIR, "planned")]


def test_a_dated_meeting_before_the_report_happened_though_told_with_ahead_of(nlp):
    text = "The dollar rose ahead of the March 2 meeting between Peter Novak and Paul Keller."
    assert _statuses(nlp, text) == [(_PAIR, "happened")]
    assert _statuses(nlp, text, date(1987, 2, 25)) == [(_PAIR, "planned")]


def test_before_a_meeting_in_the_pluperfect_the_meeting_is_past(nlp):
    text = ("Peter Novak said that before his meeting with Paul Keller on Monday there had "
            "been much doubt in the markets.")
    assert _statuses(nlp, text) == [(_PAIR, "happened")]


@pytest.mark.parametrize(("text", "status"), [
    # the next day of a story's past is no time ahead of the report
    ("Peter Novak had hoped to settle the matter at talks with Paul Keller the next day.",
     "happened"),
    ("Before his talks with Paul Keller on Thursday, Peter Novak will see the press.",
     "planned"),
    ("The dollar rose ahead of talks between Peter Novak and Paul Keller.", "planned"),
    # a year or a month alone does not put the meeting behind the report
    ("The dollar rose ahead of the 1987 summit between Peter Novak and Paul Keller.",
     "planned"),
])
def test_guards(nlp, text, status):
    assert _statuses(nlp, text) == [(_PAIR, status)]
