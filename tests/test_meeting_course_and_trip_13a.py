"""Place and time of a meeting said by a participle of its course ("talks starting on April
14"), by the trip the sentence puts the meeting in ("during his visit to Oslo last week"), and a
verb "last" that NER takes into a duration ("expected to last two days"), and a town's region
kept in the place as written ("Akron, Ohio"). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

from kg.extract.timeplace.timex import is_duration

pytestmark = pytest.mark.model

DAY = date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "place", "time"),
    [
        # a participle of the meeting's course on the meeting noun, or on the last name
        ("Talks between Acme Corp and Borex Inc, beginning on Tuesday in Oslo, will cover a "
         "merger.", "Oslo", "Tuesday"),
        ("Peter Novak said the talks with Paul Keller, starting on April 14, would cover trade.",
         None, "April 14"),
        # the trip the sentence puts the meeting in dates it, as it places it
        ("Peter Novak met Paul Keller during his visit to Valoria last week.", "Valoria",
         "last week"),
        ("During a two-day visit to Oslo last week, Peter Novak met Paul Keller.", "Oslo",
         "last week"),
        ("Peter Novak paid a visit to Valoria last week, during which he met President Paul "
         "Keller.", "Valoria", "last week"),
        ("During his trip to Oslo, which runs from May 3 to 6, Peter Novak will meet Paul "
         "Keller.", "Oslo", "May 3 to 6"),
        ("During his visit to Oslo, which lasts from May 3 to 6, Peter Novak will meet Paul "
         "Keller.", "Oslo", "May 3 to 6"),
        # talks that run their course on days, the participle hung on the meeting noun
        ("Talks between Peter Novak and Paul Keller, running from May 3 to 6, will be held in "
         "Oslo.", "Oslo", "May 3 to 6"),
        # a weekend trip, NER leaving "weekend" untyped (a meeting the scorer reads)
        ("Peter Novak made a short weekend visit to Valoria, during which he discussed trade "
         "with President Paul Keller.", "Valoria", "weekend"),
    ],
)
def test_course_and_trip_date_the_meeting(nlp, text, place, time):
    found = meetings(nlp, text, DAY)
    assert [(m.place, m.time) for m in found] == [(place, time)]


@pytest.mark.parametrize(
    "text",
    [
        # the visit came before the meeting: its week is not the meeting's day
        "After returning from a visit to Oslo last week, Peter Novak met Paul Keller.",
        # a weekend word on something else dates nothing
        "Peter Novak read the weekend newspapers before meeting Paul Keller.",
    ],
)
def test_a_trip_before_the_meeting_does_not_date_it(nlp, text):
    found = meetings(nlp, text, DAY)
    assert found and all(m.time is None for m in found)


def test_how_long_talks_last_is_no_time(nlp):
    found = meetings(nlp, "Peter Novak will meet Paul Keller in Oslo. The talks are expected "
                     "to last two days.", DAY)
    assert found and all(m.time is None for m in found)
    doc = nlp("The talks are expected to last two days.")
    assert [is_duration(e) for e in doc.ents if e.label_ == "DATE"] == [True]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        # the region or country set off after the town is part of the place as written
        ("Peter Novak met Paul Keller in Akron, Ohio, on Monday.", "Akron, Ohio"),
        # a possessive after the comma begins the next phrase
        ("Peter Novak met Paul Keller in Paris, France's finance minister said.", "Paris"),
    ],
)
def test_a_towns_region_is_part_of_the_place(nlp, text, place):
    assert [m.place for m in meetings(nlp, text, DAY)] == [place]


@pytest.mark.parametrize(
    ("text", "wrong"),
    [
        # a participle on the name is the person's, not the talks' course
        ("Talks with Paul Keller, running for re-election in November, will be held by Peter "
         "Novak.", "November"),
        # a clause that only starts or ends the trip does not date a meeting inside it
        ("During his visit to Oslo, which began in 2019, Peter Novak met Paul Keller.", "2019"),
        ("During his trip to Oslo, which ends on May 6, Peter Novak will meet Paul Keller.",
         "May 6"),
    ],
)
def test_a_clause_that_does_not_cover_the_meeting_leaves_its_time(nlp, text, wrong):
    found = meetings(nlp, text, DAY)
    assert found and all(m.time != wrong for m in found)
