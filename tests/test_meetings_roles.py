"""Meetings where both parties are named but hang from the meeting word in less usual ways
(issue 13, ninth session), on sentences written for these tests: a meeting held (hosted,
convened, organised) by a named party, whose attendee meets that party; a "between" phrase
the parser hung on the verb past a time word; not a company's own annual meeting.
"""

from __future__ import annotations

import pytest
from meeting_helpers import meetings
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model


# --- a meeting held by a named party: its attendee meets the holder ----------------------------

@pytest.mark.parametrize(
    ("text", "pair", "status"),
    [
        ("Peter Novak attended a meeting hosted by Paul Keller.",
         {"Peter Novak", "Paul Keller"}, "happened"),
        ("Peter Novak attended the meeting hosted by the Andean Trade Council.",
         {"Peter Novak", "Andean Trade Council"}, "happened"),
        ("Peter Novak boycotted a summit convened by the Andean Trade Council on Monday.",
         {"Peter Novak", "Andean Trade Council"}, "negated"),
        ("Peter Novak, who came to Vienna for a meeting organised by the Andean Trade Council, "
         "said the mood was good.", {"Peter Novak", "Andean Trade Council"}, "happened"),
        ("Anna Moravec will attend a meeting organized by the Baltic Shipping Council in Riga "
         "next week.", {"Anna Moravec", "Baltic Shipping Council"}, "planned"),
    ],
)
def test_attending_a_meeting_held_by_a_named_party(nlp, text, pair, status):
    found = [m for m in meetings(nlp, text) if m.names == frozenset(pair)]
    assert found and found[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        # co-attendees of a meeting nobody is named as holding did not meet each other
        "Peter Novak and Paul Keller attended a meeting in Vienna on Monday.",
        # a sponsor pays for an event; it does not hold a meeting with those who come
        "Peter Novak attended a seminar sponsored by Brandt Bank.",
        # the holder is unnamed
        "Peter Novak attended a meeting hosted by bankers.",
    ],
)
def test_no_meeting_without_a_named_holder(nlp, text):
    assert not pairs(nlp, text)


# --- a "between" phrase the parser hung on the verb, past a time word ---------------------------

@pytest.mark.parametrize(
    "text",
    [
        "The dealers, talking before a meeting later today between Valorian Trade Minister "
        "Peter Novak and his opposite number Paul Keller, gave no forecast.",
        "The traders waited for a summit tomorrow between Peter Novak and Paul Keller.",
    ],
)
def test_between_phrase_past_a_time_word(nlp, text):
    assert frozenset({"Peter Novak", "Paul Keller"}) in pairs(nlp, text)


def test_between_places_on_a_verb_is_no_meeting(nlp):
    # "between" on the verb names places: nothing to read as the meeting's phrase
    assert not pairs(nlp, "Peter Novak flew after the meeting today between Vienna and Prague.")


# --- a company's own annual meeting; telling a meeting ----------------------------------------

@pytest.mark.parametrize(
    "text",
    [
        # a company's own annual meeting, told or attended by its own chairman
        "Peter Novak, chairman of Acme Corp, told the annual meeting of Acme Corp that profits "
        "would rise.",
        "Acme Corp chairman Peter Novak said at the annual meeting of Acme Corp that profits "
        "would rise.",
        # the audience is unnamed
        "Peter Novak told a meeting of bankers that rates would fall.",
        # the meeting is only when he spoke to the press
        "Peter Novak told reporters after the meeting of the Andean Trade Council that he was "
        "pleased.",
    ],
)
def test_no_meeting_told_to_an_audience_or_at_an_own_annual_meeting(nlp, text):
    assert not pairs(nlp, text)
