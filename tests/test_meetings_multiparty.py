"""Meetings of several named parties at once: a body's members listed after it, parties
gathering or convening, a summit attended together, "attended by", "involving" and "among"
(issue 13). Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NORDIC = frozenset({"Sweden", "Norway", "Finland"})


def names(nlp, text):
    return [m.names for m in meetings(nlp, text)]


@pytest.mark.parametrize(
    "text",
    [
        # the dashed list hangs on the body when the country is abbreviated
        "Friday's Group of Five meeting - of the U.S., Sweden, Norway and Finland - is seen "
        "as a test of the pact.",
        "Prices were set at Friday's meetings of the northern producers -- Sweden, Norway and "
        "Finland.",
        # wire copy wraps its lines inside the list
        "Prices were discussed at Friday's meetings of the northern producers -- the United "
        "States,\nSweden, Norway and\nFinland.",
        # the list spells out the body a "from" phrase on the meeting names
        "Prices were set at a meeting of farm ministers from the Group of Four (G-4) - "
        "comprising the U.S., Sweden, Norway and Finland.",
    ],
)
def test_a_meeting_of_a_body_or_group_with_its_members_listed(nlp, text):
    assert [n - {"United States"} for n in names(nlp, text)] == [NORDIC]


@pytest.mark.parametrize("body", ["the three northern states", "the Group of Four"])
def test_plural_officials_apposed_to_a_list_stand_for_the_countries(nlp, body):
    text = (f"Farm ministers of {body} - the United States, Sweden, Norway and Finland - will "
            "meet in Oslo on Monday.")
    found = meetings(nlp, text)
    assert [(m.names, m.status, m.place, m.time) for m in found] == [
        (NORDIC | {"United States"}, "planned", "Oslo", "Monday")]


@pytest.mark.parametrize("verb", ["will convene", "is due to convene"])
def test_a_body_comprising_its_members_convenes(nlp, verb):
    text = f"The Nordic Council, comprising Sweden, Norway and Finland, {verb} on Monday."
    assert names(nlp, text) == [NORDIC]  # the members meet; the body is no party of its own


@pytest.mark.parametrize("verb", ["gathered", "convened", "assembled"])
def test_named_parties_coming_together(nlp, verb):
    found = meetings(nlp, f"Delegates from Sweden, Norway and Finland {verb} in Oslo on "
                          "Friday for talks on fishing.")
    assert [(m.names, m.status, m.place, m.time) for m in found] == [
        (NORDIC, "happened", "Oslo", "Friday")]


@pytest.mark.parametrize(
    "text",
    [
        "Brokers gathered information on prices from Sweden, Norway and Finland.",
        "Peter Novak convened the board of Brandt Bank on Monday.",
        "The board was convened by Peter Novak and Paul Keller.",
    ],
)
def test_gathering_or_convening_something_is_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


def test_leaders_attending_a_summit_together(nlp):
    text = "The leaders of Sweden, Norway and Finland will attend a summit in Oslo."
    found = meetings(nlp, text)
    assert [(m.names, m.status, m.place) for m in found] == [(NORDIC, "planned", "Oslo")]


def test_co_attendees_of_a_meeting_nobody_holds_still_did_not_meet(nlp):
    assert meetings(nlp, "Peter Novak and Paul Keller attended a meeting in Oslo.") == []


def test_talks_attended_by_named_parties(nlp):
    found = meetings(nlp, "The talks in Oslo were attended by Peter Novak, Anna Moravec and "
                          "Paul Keller.")
    assert [(m.names, m.place) for m in found] == [
        (frozenset({"Peter Novak", "Anna Moravec", "Paul Keller"}), "Oslo")]


def test_a_meeting_involving_named_parties(nlp):
    text = "The meeting, involving Sweden, Norway and Finland, will review fish prices."
    assert names(nlp, text) == [NORDIC]


def test_talks_among_named_parties(nlp):
    text = "Fish prices will be discussed in talks among Sweden, Norway and Finland next week."
    found = meetings(nlp, text)
    assert [(m.names, m.status) for m in found] == [(NORDIC, "planned")]


def test_a_meeting_attended_by_named_parties_with_no_body(nlp):
    found = meetings(nlp, "The meeting was attended by delegates from Sweden, Norway and "
                          "Finland.")
    assert [m.names for m in found] == [NORDIC]


def test_attended_by_a_body_s_session_pairs_the_attendees_with_the_body(nlp):
    text = ("OPEC oil ministers opened a meeting in Vienna on Monday. The meeting was "
            "attended by delegates from Sweden, Norway and Finland.")
    found = meetings(nlp, text)
    assert [(m.names, m.place, m.time) for m in found] == [
        (NORDIC | {"OPEC"}, "Vienna", "Monday")]


def test_attended_by_delegations_including_named_ones(nlp):
    text = ("The meeting is being attended by 20 delegations, including representatives of "
            "the World Bank and the European Community.")
    assert names(nlp, text) == [frozenset({"World Bank", "European Community"})]


def test_a_meeting_which_will_be_attended_by_named_parties_is_planned(nlp):
    text = ("Peter Novak will bring a plan to the meeting, which will be attended by Sweden, "
            "Norway and Finland.")
    found = meetings(nlp, text)
    assert [(m.names, m.status) for m in found] == [(NORDIC, "planned")]


def test_a_body_listed_with_countries_before_officials_stands_for_itself(nlp):
    text = "Anna Moravec met the Canadian, Swedish and European Community farm ministers in Oslo."
    assert names(nlp, text) == [frozenset({"Anna Moravec", "Canada", "Sweden",
                                           "European Community"})]


def test_attended_by_a_hosted_gathering_pairs_the_attendees_with_its_host(nlp):
    text = ("About 900 traders are expected to attend the annual gathering hosted by the "
            "Nordic Fish Council. The meeting will also be attended by delegates from Sweden, "
            "Norway and Finland.")
    found = meetings(nlp, text)
    assert [(m.names, m.status) for m in found] == [
        (NORDIC | {"Nordic Fish Council"}, "planned")]
