"""Mends of the one destination reading (journeys.journey_to) after a reading of a1fe865:
a joined meeting takes a journey's place only in the journey's own clause, a trip's stops need
a traveller, and every rule names the prepositions it reads (issue 13). Sentences written for
these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import FRI, meetings
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model


def _places(nlp, text):
    return [m.place for m in meetings(nlp, text, FRI)]


@pytest.mark.parametrize(("text", "place"), [
    # a meeting verb joined to a journey, with no auxiliary and no date of its own: one outing
    ("Peter Novak will fly into Valoria next week for talks with Paul Keller.", "Valoria"),
    ("Peter Novak visited Valoria on Monday and met Paul Keller.", "Valoria"),
    ("Peter Novak flew into Valoria on Monday and met Paul Keller.", "Valoria"),
    # a meeting verb with its own auxiliary or tense tells another time: no place from the
    # journey
    ("Peter Novak visited Valoria last year and will meet Paul Keller next week.", None),
    ("Peter Novak toured Valoria last year and will meet Paul Keller in June.", None),
    ("Peter Novak flew to Valoria last year and will meet Paul Keller in June.", None),
    # each verb dated on its own: two outings
    ("Peter Novak visited Valoria in 2019 and met Paul Keller on Monday.", None),
    ("Peter Novak flew to Valoria in 2019 and met Paul Keller on Monday.", None),
    # a noun-like verb of halting is no journey to a place
    ("Peter Novak will stop for Valoria on Monday to meet Paul Keller.", None),
])
def test_a_journey_places_only_the_meeting_of_its_own_outing(nlp, text, place):
    assert _places(nlp, text) == [place]


_STOPS = " Prices fell. She met senior government officials of the countries visited."


def _met_the_stops(nlp, first):
    got = pairs(nlp, first + _STOPS)
    return all(frozenset({"Anna Moravec", c}) in got for c in ("Ecuador", "Chile", "Argentina"))


@pytest.mark.parametrize("first", [
    "Trade Minister Anna Moravec said grain shipments will head to Ecuador, Chile and Argentina.",
    "Trade Minister Anna Moravec said fresh investment came into Ecuador, Chile and Argentina.",
    "Trade Minister Anna Moravec said Norland's grain would leave for Ecuador, Chile and "
    "Argentina.",
])
def test_a_thing_sent_to_countries_makes_no_trip(nlp, first):
    assert not _met_the_stops(nlp, first)


@pytest.mark.parametrize("first", [
    "Trade Minister Anna Moravec will leave on Thursday for Ecuador, Chile and Argentina.",
    "Trade Minister Anna Moravec flew into Ecuador, Chile and Argentina last week.",
])
def test_a_person_travelling_to_countries_makes_a_trip(nlp, first):
    assert _met_the_stops(nlp, first)


@pytest.mark.parametrize("text", [
    # the hosts' country read by the one destination reading: a visit's object, "into"
    "Chilean Finance Minister Ana Diaz visited Canada for talks with government officials.",
    "Chilean Finance Minister Ana Diaz flew into Canada for talks with government officials.",
])
def test_officials_met_on_a_visit_are_those_of_the_country_visited(nlp, text):
    assert frozenset({"Ana Diaz", "Canada"}) in pairs(nlp, text)
