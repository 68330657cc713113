"""A meeting noun whose phrase the parser hangs away from it (issue 13, 13a): a "with" phrase
after time words hung on the verb above the noun, and one of a series ("the first of three
days of talks") standing where the series stands. Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs

from kg.extract.meetings.trigger_syntax import ORDINALS, looked_through

pytestmark = pytest.mark.model

NOVAK_MORAVEC = frozenset({"Peter Novak", "Anna Moravec"})


@pytest.mark.parametrize("text", [
    # "with" after "here today", hung on the infinitive the talks' phrase hangs on
    "Peter Novak discussed the need to cut spending in talks here today with Anna Moravec, "
    "a spokesman said.",
    # "with" after "tomorrow", hung on the verb of the trip
    "Peter Novak will go on to Paris for bilateral talks tomorrow with Anna Moravec.",
])
def test_with_phrase_after_time_words_is_the_meetings(nlp, text):
    assert NOVAK_MORAVEC in pairs(nlp, text)


def test_with_phrase_naming_no_party_adds_none(nlp):
    text = "Peter Novak said at the meeting on Monday with a smile that prices would rise."
    assert pairs(nlp, text) == set()


@pytest.mark.parametrize("text", [
    "Peter Novak and Anna Moravec held the first of three days of talks today in Lisbon.",
    "Peter Novak said the second of the meetings with Anna Moravec was held in Lisbon.",
])
def test_one_of_a_series_stands_where_the_series_stands(nlp, text):
    assert NOVAK_MORAVEC in pairs(nlp, text)


def test_an_ordinal_of_people_is_no_meeting(nlp):
    text = "Peter Novak was the first of the ministers to arrive in Lisbon."
    assert pairs(nlp, text) == set()


def test_looked_through_ordinal(nlp):
    doc = nlp("They held the last of the talks.")
    of = next(t for t in doc if t.lower_ == "of")
    assert "last" in ORDINALS and looked_through(of)
