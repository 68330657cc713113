"""Place and time of matched meetings told in ways the rules did not read (issue 13): a
relative clause telling the meeting's course, talks as the subject of a plan whose parties
were named before, and "the meeting" placed and dated by the sentence just before."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

PUBLISHED = date(2026, 3, 4)


@pytest.mark.parametrize(("text", "place", "time"), [
    ("Peter Novak said talks with Paul Keller, which began on Monday in Oslo, went well.",
     "Oslo", "Monday"),
    ("Peter Novak praised the talks with Paul Keller that were held in Oslo last week.",
     "Oslo", "last week"),
    ("Peter Novak praised the talks that he held with Paul Keller in Oslo last week.",
     "Oslo", "last week"),
    ("Talks between Peter Novak and Paul Keller, which took place in Oslo on Monday, "
     "went well.", "Oslo", "Monday"),
    ("Peter Novak said that in French-German talks that ended last Friday, German officials "
     "offered new figures.", None, "last Friday"),
])
def test_relative_clause_of_the_meetings_course(nlp, text, place, time):
    (m,) = meetings(nlp, text, PUBLISHED)
    assert (m.place, m.time) == (place, time)


def test_relative_clause_on_a_person_is_not_the_meetings(nlp):
    (m,) = meetings(nlp, "Peter Novak held talks with Paul Keller, who began work in Oslo "
                         "in 1990.", PUBLISHED)
    assert (m.place, m.time) == (None, None)


def test_talks_named_before_are_dated_by_their_plan(nlp):
    text = ("Peter Novak met Paul Keller in Oslo in May. Talks on a new accord are expected to "
            "begin in July.")
    assert [(m.status, m.time) for m in meetings(nlp, text, PUBLISHED)] == [
        ("happened", "May"), ("planned", "July")]


@pytest.mark.parametrize("verb", ["involved", "brought together"])
def test_the_meeting_set_in_the_sentence_before(nlp, verb):
    text = (f"Officials of several countries met in Oslo last December. The meeting {verb} "
            "delegates from France, Germany and Italy.")
    (m,) = meetings(nlp, text, PUBLISHED)
    assert (m.place, m.time) == ("Oslo", "last December")


def test_the_meeting_two_sentences_on_keeps_no_place(nlp):
    text = ("Officials of several countries met in Oslo last December. Trade grew. The "
            "meeting involved delegates from France, Germany and Italy.")
    (m,) = meetings(nlp, text, PUBLISHED)
    assert (m.place, m.time) == (None, None)
