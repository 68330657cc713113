"""Place and time of a meeting where the parse hangs them off the meeting word: a place the
traveller is in for the meeting, "here" after the counterparts, a participle that holds the
meeting, a body's name the meeting word is apposed to, a "when" clause on a date; and times
that are not the meeting's (a report's, a count of years, the "of" phrase that says which
meeting). Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings
from spacy.tokens import Doc

from kg.extract.meetings.setting import setting_anchors

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "place", "time"),
    [
        # the place a party is in for the meeting
        ("Peter Novak, in Oslo for talks with Paul Keller, praised the plan.", "Oslo", None),
        ("Anna Moravec, in Lisbon for talks with Peter Novak on Thursday, praised the plan.",
         "Lisbon", "Thursday"),
        # a participle that holds the meeting carries its place and time
        ("Peter Novak warned Paul Keller during a lunch given by Anna Moravec in October 2011 "
         "that prices would rise.", None, "October 2011"),
        ("Peter Novak attended a reception organised by Paul Keller at the town hall on "
         "Thursday.", "town hall", "Thursday"),
        # a "when" clause on a date tells what happened then
        ("Historians point to 2009, when negotiations between Peter Novak and Paul Keller nearly "
         "produced a treaty.", None, "2009"),
        # the verbs the meeting is the subject of say when and where
        ("Negotiations between Hollis Mining Corp and Bracken Steel Inc are likely to open in "
         "September.", None, "September"),
        ("Talks between Peter Novak and Paul Keller are due to resume in Vienna on Friday.",
         "Vienna", "Friday"),
        ("The meeting between Peter Novak and Paul Keller is scheduled to take place on "
         "Monday.", None, "Monday"),
        ("The summit between Peter Novak and Paul Keller, expected to take place next spring, "
         "will discuss trade.", None, "next spring"),
        # what was done at the meeting is dated with it
        ("The pledge Peter Novak made to Paul Keller at their second summit in Vienna in May "
         "1994 still stands.", "Vienna", "May 1994"),
        # "of the year" says which meeting; the verb's day dates it
        ("Peter Novak hopes to win over Paul Keller on Friday afternoon at their final meeting "
         "of the year.", None, "Friday"),
    ],
)
def test_place_and_time_the_parse_hangs_elsewhere(nlp, text, place, time):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert [(m.place, m.time) for m in found] == [(place, time)]


@pytest.mark.parametrize(
    "text",
    [
        # when the meeting was reported, not when it was held
        "Peter Novak was reported in the spring to have held secret talks with Paul Keller.",
        # how many times, not when
        "Peter Novak will boycott the meeting of the Nordic Investment Bank for the third "
        "consecutive year.",
    ],
)
def test_times_that_are_not_the_meetings(nlp, text):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert found and all(m.time is None for m in found)


@pytest.mark.parametrize(
    "text",
    [
        # where a party lives, or is for something else, is not where the talks were
        "Peter Novak, who lives in Oslo, held talks with Paul Keller.",
        "Peter Novak, in Oslo for a holiday, held talks with Paul Keller.",
    ],
)
def test_a_place_not_said_of_the_meeting(nlp, text):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert found and all(m.place is None for m in found)


@pytest.mark.parametrize(
    "text",
    [
        # a meeting told as following an arrival is where the traveller arrived
        "Peter Novak held talks with Paul Keller soon after arriving in Vienna by train.",
    ],
)
def test_where_a_party_arrived_before_the_meeting(nlp, text):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert [(m.names, m.place) for m in found] == [(frozenset({"Peter Novak", "Paul Keller"}),
                                                    "Vienna")]


@pytest.mark.parametrize(
    "text",
    [
        # the guide takes no place from the trip told around the meeting
        "Peter Novak arrived in Vienna on Monday for talks with Valorian leaders. He then held "
        "talks with Paul Keller.",
        # leaving after the meeting says nothing of where it was
        "Peter Novak will leave for Rome after meeting Paul Keller.",
    ],
)
def test_an_arrival_that_does_not_place_the_meeting(nlp, text):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert found and all(m.place is None for m in found)


def test_the_meeting_sentences_own_journey_wins(nlp):
    found = meetings(nlp, "Peter Novak arrived in Vienna on Monday. He then flew to Rome to meet "
                     "Paul Keller.", date(2026, 3, 11))
    assert [m.place for m in found] == ["Rome"]


def test_a_meeting_the_story_counts_from_lends_no_setting(nlp):
    # "since the founding meeting in Oslo in 1994" is a reference point, not the meeting the
    # story goes on to tell as "the meeting"
    found = meetings(nlp, "Bankers gather this week for the yearly meeting of the Nordic "
                     "Investment Bank. The two-day meeting, the first in Vienna since the bank's "
                     "founding meeting in Oslo in 1994, opens tomorrow. Peter Novak will boycott "
                     "the meeting.", date(2026, 3, 11))
    assert [(m.place, m.time) for m in found] == [(None, "tomorrow")]


@pytest.mark.parametrize(
    "text",
    [
        # a participle of visiting on the subject
        "Chancellor Peter Novak, visiting Vienna, met President Paul Keller on Monday.",
        # a part of the trip or of the event the meeting happened at
        "Peter Novak met Paul Keller at the start of his visit to Vienna.",
        "Peter Novak met Paul Keller on the sidelines of the Nordic Investment Bank meeting in "
        "Vienna.",
        # a journey the meeting is coordinated with
        "Peter Novak will travel to Vienna next week and meet Paul Keller.",
        # the holding participle the parser hung on the last name
        "Talks between Peter Novak and Paul Keller, held in Vienna, ended on Friday.",
        # a "where" clause on the place, or just after it
        "Peter Novak flew to Vienna yesterday, where he met Paul Keller.",
    ],
)
def test_the_place_of_the_trip_or_event_the_meeting_was_in(nlp, text):
    found = meetings(nlp, text, date(2026, 3, 11))
    assert [(m.names, m.place) for m in found] == [(frozenset({"Peter Novak", "Paul Keller"}),
                                                    "Vienna")]


@pytest.mark.parametrize(
    "text",
    [
        # a trip after the meeting
        "Peter Novak met Paul Keller and then flew to Vienna.",
        # the end of a visit somewhere else than the meeting
        "Peter Novak met Paul Keller before the end of the Vienna talks with Anna Moravec.",
    ],
)
def test_a_trip_or_event_that_is_not_the_meetings_place(nlp, text):
    found = [m for m in meetings(nlp, text, date(2026, 3, 11))
             if m.names == frozenset({"Peter Novak", "Paul Keller"})]
    assert found and all(m.place is None for m in found)


def test_here_after_the_counterparts_is_the_meetings_place(nlp):
    # the parser hangs "here" on the last counterpart's noun
    found = meetings(nlp, "Anna Moravec spoke after private talks with the Valorian, Dutch and "
                     "Nordic Investment Bank (NIB) ministers here.", date(2026, 3, 11))
    assert found and all(m.place == "here" for m in found)


def test_a_meeting_word_apposed_to_a_bodys_name_takes_the_names_modifiers(nlp):
    # "for the Acme Fund (AF) meeting next week" as the small parser reads it: "meeting" an
    # apposition of "Fund", and "next week" hung on "Fund"
    words = ["for", "the", "Acme", "Fund", "(", "AF", ")", "meeting", "next", "week"]
    heads = [0, 3, 3, 0, 5, 3, 5, 3, 9, 3]
    deps = ["ROOT", "det", "compound", "pobj", "punct", "appos", "punct", "appos", "amod",
            "npadvmod"]
    pos = ["ADP", "DET", "PROPN", "PROPN", "PUNCT", "PROPN", "PUNCT", "NOUN", "ADJ", "NOUN"]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)
    assert 3 in setting_anchors(doc[7], [])
    assert 3 not in setting_anchors(doc[5], [])  # the acronym is a name, not a meeting word


def test_the_time_told_in_the_sentence_just_before(nlp):
    found = meetings(nlp, "Peter Novak and Paul Keller will hold talks next week. Diplomats said "
                     "Novak would meet Keller in Rome.", date(2026, 3, 11))
    assert [(m.place, m.time) for m in found] == [(None, "next week"), ("Rome", "next week")]
    # two sentences back is no neighbour: only the interval is taken from it
    found = meetings(nlp, "Peter Novak and Paul Keller will hold talks next week. The loan is due "
                     "in May. Diplomats said Novak would meet Keller in Rome.", date(2026, 3, 11))
    assert [(m.place, m.time) for m in found] == [(None, "next week"), ("Rome", None)]
    assert found[1].date is None


def test_the_next_sentence_names_the_meeting_by_its_place(nlp):
    found = meetings(nlp, "Peter Novak has met Paul Keller and Anna Moravec to discuss the loan. "
                     "The Vienna talks also dealt with the budget.", date(2026, 3, 11))
    assert [m.place for m in found] == ["Vienna"]
    # a meeting named by a body is an event of its own, not the one told before
    found = meetings(nlp, "Peter Novak met Paul Keller on Monday. The Acme Corp meeting in Vienna "
                     "dealt with the budget.", date(2026, 3, 11))
    assert [m.place for m in found] == [None]


@pytest.mark.parametrize(
    ("text", "place", "time"),
    [
        ("Peter Novak will meet Paul Keller when he visits Vienna next week.", "Vienna",
         "next week"),
        ("Peter Novak met Paul Keller when he was in Vienna last month.", "Vienna",
         "last month"),
        # someone else's stay, or a clause that is not a stay
        ("Peter Novak met Paul Keller when Anna Moravec was in Vienna last month.", None, None),
        ("Peter Novak met Paul Keller when he was finance minister.", None, None),
    ],
)
def test_a_stay_the_meeting_is_told_within(nlp, text, place, time):
    found = [m for m in meetings(nlp, text, date(2026, 3, 11))
             if m.names == frozenset({"Peter Novak", "Paul Keller"})]
    assert [(m.place, m.time) for m in found] == [(place, time)]


def test_a_dated_or_membered_summit_in_the_next_sentence_is_another_event(nlp):
    found = meetings(nlp, "Peter Novak will hold talks in Washington with Paul Keller from April "
                     "29. He would discuss the June Vienna summit of Western industrial "
                     "democracies.", date(2026, 3, 11))
    assert [(m.place, m.time) for m in found] == [("Washington", None)]
