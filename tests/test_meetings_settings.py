"""Meetings told through the phrase around a meeting noun: a part of the event ("at the end of
talks"), a clause on the noun ("the talks X held with Y"), a phrasal verb of cancelling ("called
off talks"), and wishes about what is done at a meeting, which leave the meeting itself real.
Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Prime Minister Peter Novak signed the treaty at the end of three days of talks with "
         "President Paul Keller in Oslo.", "happened"),
        ("Prime Minister Peter Novak arrived in Oslo on the eve of talks with President Paul "
         "Keller.", "planned"),
        ("Markets fell after the collapse of talks between Prime Minister Peter Novak and "
         "President Paul Keller.", "happened"),
        ("The talks that Prime Minister Peter Novak held with President Paul Keller on Monday "
         "ended without an agreement.", "happened"),
        ("Prime Minister Peter Novak hopes to win their support at talks with President "
         "Paul Keller next week.", "planned"),
        ("Prime Minister Peter Novak is ready to offer concessions at a meeting with President "
         "Paul Keller on Friday.", "planned"),
        ("Prime Minister Peter Novak had hoped to settle the dispute during his talks with "
         "President Paul Keller last week.", "happened"),
        ("Prime Minister Peter Novak called off his talks with President Paul Keller.",
         "negated"),
        ("Prime Minister Peter Novak put off his meeting with President Paul Keller until May.",
         "negated"),
        # Why the subject is where it is.
        ("Prime Minister Peter Novak, in Oslo for talks with President Paul Keller, said the "
         "loan was safe.", "happened"),
        # Declining to speak of talks does not negate them.
        ("Prime Minister Peter Novak declined to comment on his talks with President Paul "
         "Keller.", "happened"),
        ("Prime Minister Peter Novak did not take part in the talks with President Paul Keller.",
         "negated"),
        # Speaking to someone at a meeting that names nobody else.
        ("Prime Minister Peter Novak assured President Paul Keller at a meeting on Monday that "
         "the loan was safe.", "happened"),
        # A setting the parser hung on the verb's adjunct.
        ("Prime Minister Peter Novak made the remark in a speech at talks with President Paul "
         "Keller on Monday.", "happened"),
        # Reported speech keeps the wish's time: the talks are ahead.
        ("Prime Minister Peter Novak said he hoped to reach agreement at the talks with "
         "President Paul Keller.", "planned"),
        ("Prime Minister Peter Novak was asked about the loan in a meeting with President Paul "
         "Keller.", "happened"),
    ],
)
def test_meeting_in_its_phrase(nlp, text, status):
    found = meetings(nlp, text)
    assert [(m.names, m.status) for m in found] == [(NOVAK_KELLER, status)]


def test_part_of_the_event_keeps_its_place_and_time(nlp):
    (m,) = meetings(nlp, "Prime Minister Peter Novak signed the treaty at the end of two days "
                         "of talks with President Paul Keller in Oslo on Tuesday.")
    assert (m.place, m.time) == ("Oslo", "Tuesday")


def test_called_off_talks_between_companies_are_negated(nlp):
    (m,) = meetings(nlp, "Hollis Mining Corp called off merger talks with Bracken Steel Inc "
                         "on Monday.")
    assert (m.names, m.status) == ({"Hollis Mining Corp", "Bracken Steel Inc"}, "negated")


@pytest.mark.parametrize(
    "text",
    [
        # A condition makes the meeting hypothetical, whatever is done at it.
        "Prime Minister Peter Novak said he would raise the tariffs if he met President Paul "
        "Keller in May.",
        "Prime Minister Peter Novak would press for a deal at talks with President Paul Keller "
        "if parliament agreed.",
        # Calling for, seeking or wanting talks proposes them: no meeting (the guide).
        "Prime Minister Peter Novak called for talks with President Paul Keller.",
        "Prime Minister Peter Novak will seek a meeting with President Paul Keller.",
        "Prime Minister Peter Novak wants talks with President Paul Keller.",
        # A clause on the noun whose subject is not a party of the talks.
        "The talks with President Paul Keller, which Prime Minister Peter Novak criticised, "
        "ended on Monday.",
        # Talks in general, not one meeting.
        "Prime Minister Peter Novak and President Paul Keller want a voice in any trade talks.",
        # Telling an organisation at a meeting is speaking to the press.
        "Prime Minister Peter Novak told the Daily Ledger at the meeting that the loan was "
        "safe.",
        # The press one tells of a meeting is not the body that holds it.
        "An aide told the Harbour Gazette that Prime Minister Peter Novak would attend the "
        "opening of the talks in Oslo on Monday.",
        # Judging the outcome of talks is not taking part in them.
        "Prime Minister Peter Novak and Senator Paul Keller were disappointed at the outcome of "
        "talks with Norway.",
        # Speaking to the unnamed at a meeting.
        "Prime Minister Peter Novak told reporters at the meeting that President Paul Keller "
        "had resigned.",
        # The end of something else, not of a meeting between them.
        "Prime Minister Peter Novak spoke at the end of the year about President Paul Keller.",
    ],
)
def test_not_a_meeting(nlp, text):
    assert meetings(nlp, text) == []


def test_agreeing_to_talks_plans_them(nlp):
    found = meetings(nlp, "Prime Minister Peter Novak agreed to talks with President Paul Keller.")
    assert [(m.names, m.status) for m in found] == [(NOVAK_KELLER, "planned")]


@pytest.mark.parametrize(
    "text",
    [
        "Hollis Mining Corp said it had not held any talks with Bracken Steel Inc.",
        "Hollis Mining Corp denied holding any talks with Bracken Steel Inc.",
        "Prime Minister Peter Novak denied meeting President Paul Keller.",
    ],
)
def test_denied_meetings_are_negated(nlp, text):
    assert [m.status for m in meetings(nlp, text)] == ["negated"]


def test_an_offer_made_at_a_past_summit_leaves_the_summit_past(nlp):
    found = meetings(nlp, "The invitation President Paul Keller gave Prime Minister Peter Novak, "
                          "made at their summit in Oslo in May, still stands.")
    assert [(m.names, m.status) for m in found] == [(NOVAK_KELLER, "happened")]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Prime Minister Peter Novak has no plans to meet President Paul Keller.", "negated"),
        ("Prime Minister Peter Novak ruled out a meeting with President Paul Keller.", "negated"),
        ("Prime Minister Peter Novak accepted an invitation for talks with President Paul Keller "
         "next month.", "planned"),
        ("President Paul Keller turned down a request for a meeting with Prime Minister Peter "
         "Novak.", "negated"),
    ],
)
def test_answered_and_ruled_out(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Prime Minister Peter Novak refused to rule out a meeting with President Paul Keller.",
        "Prime Minister Peter Novak did not rule out talks with President Paul Keller.",
        "Prime Minister Peter Novak is considering an invitation for talks with President Paul "
        "Keller.",
        "Prime Minister Peter Novak rejected suggestions for negotiations with the Arden Fund.",
    ],
)
def test_possible_meetings_stay_out(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # a verb of taking something up "with" someone, at a meeting told without parties
        "Peter Novak raised the fishing quota with Paul Keller during talks on Friday.",
        "Peter Novak agreed with Paul Keller on grain prices at the meeting.",
        # a verb of getting something "from" someone
        "Peter Novak sought guarantees from Paul Keller at talks in Oslo on Friday.",
        "Peter Novak won a pledge from Paul Keller at their meeting on Friday.",
        # a verb of speaking in the passive: its subject is the one addressed
        "Paul Keller was briefed by Peter Novak at a meeting on Friday.",
    ],
)
def test_the_other_side_of_a_verb_at_a_meeting(nlp, text):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, "happened")]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak travelled with Paul Keller to the meeting in Oslo.",
        "Peter Novak was represented at the meeting by Paul Keller.",
        "Peter Novak took a letter from Paul Keller to the meeting.",
    ],
)
def test_companions_and_stand_ins_are_not_the_other_side(nlp, text):
    assert meetings(nlp, text) == []
