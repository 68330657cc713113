"""Two status defects the fifteenth session's readings left (issue 13): a denied journey told in
the passive ("denied he was sent to Valoria to meet Y") denies the meeting as an active one
does, and a meeting where a past agreement says something is to be said ("agreed to announce
the merger at a meeting") is ahead, not where the agreeing took place. Sentences written for
these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

#: A Wednesday.
_PUBLISHED = date(1987, 3, 4)


def _status(nlp, text):
    return [(m.names, m.status) for m in meetings(nlp, text, _PUBLISHED)]


NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})
PAIR = frozenset({"France", "Italy"})


@pytest.mark.parametrize("text", [
    # the journey that was the way to the meeting is denied, so the meeting is too
    "Peter Novak denied he was sent to Valoria to meet Paul Keller.",
    "Peter Novak denied that he was flown to Valoria to meet Paul Keller.",
    "Peter Novak denied that he had been sent into Valoria to meet Paul Keller.",
])
def test_a_denied_journey_in_the_passive_negates_its_meeting(nlp, text):
    assert _status(nlp, text) == [(NOVAK_KELLER, "negated")]


@pytest.mark.parametrize("text", [
    # a passive that moves no one is another act: its denial leaves the meeting held
    "Peter Novak denied he was paid to meet Paul Keller in Valoria.",
    "Peter Novak denied that he was forced to meet Paul Keller.",
])
def test_a_denied_passive_that_is_no_journey_leaves_the_meeting_held(nlp, text):
    assert _status(nlp, text) == [(NOVAK_KELLER, "happened")]


@pytest.mark.parametrize(("text", "status"), [
    # what is to be said at the meeting is said there: the meeting is ahead
    ("France and Italy agreed to announce the merger at a meeting in Geneva, officials said.",
     "planned"),
    ("France and Italy have agreed to disclose the terms at talks in Geneva, officials said.",
     "planned"),
    # an act agreed at the meeting still places the agreeing there
    ("France and Italy agreed to cut output at a meeting in Geneva, officials said.",
     "happened"),
])
def test_a_meeting_where_something_is_to_be_said_is_ahead(nlp, text, status):
    assert _status(nlp, text) == [(PAIR, status)]
