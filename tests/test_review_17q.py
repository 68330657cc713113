"""Mends of the reading of lead-s12 0f52e9d..aa7cc98 (review-17q): a meeting with the traveller
keeps the journey's place; leaving a building is no leaving the place; a clause that plans or
puts off a meeting does not date it as held; a weekend after the story's Friday vetoes a done
journey's day. Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

#: A Friday.
_FRIDAY = date(2026, 3, 13)


@pytest.mark.parametrize(("text", "place"), [
    # the named subject meets the traveller: the traveller's outing
    ("Peter Novak flew to Valoria on Monday, and on Tuesday Paul Keller met him.", "Valoria"),
    ("Peter Novak flew to Valoria on Monday, and Paul Keller received him on Tuesday.",
     "Valoria"),
    ("Peter Novak flew to Valoria on Monday, and Paul Keller met Novak on Tuesday.", "Valoria"),
    ("Peter Novak flew to Valoria, and Anna Moravec met him there.", "Valoria"),
    # one of the travellers named again
    ("Peter Novak and Anna Moravec flew to Valoria on Monday, and Moravec met Paul Keller on "
     "Tuesday.", "Valoria"),
    # guard (bd5a46c): another named subject meeting another person is not the outing
    ("Peter Novak flew to Valoria on Monday, and Anna Moravec met Paul Keller on Tuesday.",
     None),
])
def test_a_meeting_with_the_traveller_keeps_the_journeys_place(nlp, text, place):
    got = meetings(nlp, text, _FRIDAY)
    assert got and all(m.place == place for m in got), got


@pytest.mark.parametrize(("text", "place"), [
    ("Peter Novak flew to Valoria on Monday, left his hotel on Tuesday and met Paul Keller on "
     "Tuesday.", "Valoria"),
    ("Peter Novak flew to Valoria, left the airport and met Paul Keller.", "Valoria"),
    # guards (2b11f7b): leaving the place, or going home, ends the outing
    ("Peter Novak flew to Valoria on Monday, left the country on Tuesday and met Paul Keller "
     "on Wednesday.", None),
    ("Peter Novak flew to Valoria on Monday, returned on Wednesday and met Paul Keller on "
     "Thursday.", None),
])
def test_leaving_a_building_is_not_leaving_the_place(nlp, text, place):
    got = meetings(nlp, text, _FRIDAY)
    assert got and all(m.place == place for m in got), got


PAIR = frozenset({"France", "Italy"})


@pytest.mark.parametrize(("text", "status"), [
    ("France and Italy agreed to sign the accord at a meeting announced last week.", "planned"),
    ("France and Italy agreed to sign the accord at a meeting that was announced last week.",
     "planned"),
    ("France and Italy agreed to sign the accord at a meeting that was postponed last week.",
     "planned"),
    ("France and Italy agreed to sign the accord at a meeting requested last week by Germany.",
     "planned"),
    # guards (0b3acfc): the meeting's own clause of holding dates it
    ("France and Italy agreed to sign the accord at a meeting held last week.", "happened"),
    ("France and Italy agreed to sign the accord at a meeting that took place last week.",
     "happened"),
    ("France and Italy agreed to sign the accord at a meeting that opened last week.",
     "happened"),
])
def test_only_a_clause_of_holding_dates_the_meeting(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text, _FRIDAY)] == [(PAIR, status)]


@pytest.mark.parametrize(("text", "status"), [
    ("Peter Novak flew to Valoria on Monday for talks with Paul Keller this weekend.", "planned"),
    # guards (7c465da): a time that holds the story's day leaves the journey's day
    ("Peter Novak flew to Valoria on Monday for talks with Paul Keller this week.", "happened"),
    ("Peter Novak flew to Valoria on Monday to meet Paul Keller today.", "happened"),
])
def test_a_weekend_after_the_storys_friday_is_ahead(nlp, text, status):
    assert [m.status for m in meetings(nlp, text, _FRIDAY)] == [status]
