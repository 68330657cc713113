"""Whose negation, scheduling or future a meeting noun carries, and meetings told only as a
number of them."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

PAIR = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # The predicate of the talks is negated, not the talks: they were held (or are ahead).
        ("The talks between Peter Novak and Paul Keller did not produce an agreement.",
         "happened"),
        ("The meetings between Peter Novak and Paul Keller do not amount to formal talks, "
         "diplomats say.", "happened"),
        ("The talks between Peter Novak and Paul Keller will not produce an agreement.",
         "planned"),
        # The meeting only dates an event that is negated or cancelled.
        ("The moves could lead Anna Moravec to scrap the levies ahead of next month's "
         "meeting between Peter Novak and Paul Keller.", "planned"),
        # Whether the meeting takes place is what is negated.
        ("The talks between Peter Novak and Paul Keller did not take place.", "negated"),
        ("The talks between Peter Novak and Paul Keller will not go ahead.", "negated"),
        ("The talks between Peter Novak and Paul Keller are not expected to resume.", "negated"),
        ("The meeting between Peter Novak and Paul Keller was called off.", "negated"),
        ("Peter Novak did not hold talks with Paul Keller.", "negated"),
        # A past act of someone else's, dated by the talks, is no scheduling of them.
        ("The rise tops the ceiling that the cabinet set in May during talks between "
         "Peter Novak and Paul Keller.", "happened"),
        ("Peter Novak is expected in Valoria on Friday for talks with Paul Keller.", "planned"),
        # A future clause on what follows held talks does not make them planned.
        ("Paul Keller said he has concluded negotiations with Peter Novak under which he will "
         "join the board.", "happened"),
        ("The meeting between Peter Novak and Paul Keller, which will be held in Rome, is the "
         "first this year.", "planned"),
    ],
)
def test_what_the_negation_is_of(nlp, text, status):
    found = [m for m in meetings(nlp, text) if m.names == PAIR]
    assert len(found) == 1, meetings(nlp, text)
    assert found[0].status == status


@pytest.mark.parametrize(
    "text",
    [
        "There were a number of discussions between Austria, Norway, Peru and Kenya last "
        "month, an official said.",
        "The four nations, Canada, Japan, Britain and France, have held a series of meetings "
        "this year.",
        "There have been a number of meetings between Peter Novak and Paul Keller this year.",
    ],
)
def test_a_number_of_meetings_is_no_one_meeting(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak and Paul Keller held two rounds of talks in Rome last week.",
        "Peter Novak held six hours of talks with Paul Keller on Monday.",
    ],
)
def test_rounds_and_hours_of_talks_are_still_a_meeting(nlp, text):
    assert [m.names for m in meetings(nlp, text)] == [PAIR]


def test_without_the_count_the_same_talks_are_one_meeting(nlp):
    found = meetings(nlp, "There were discussions between Austria, Norway, Peru and Kenya last "
                          "month, an official said.")
    assert len(found) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Acme Corp said its talks with Valoria Mining Corp were continuing.",
        "Negotiations between Acme Corp and Valoria Mining Corp continued without success "
        "for years.",
        "Negotiations between Canada and Japan have continued without success since 1979.",
        "Acme Corp is continuing to negotiate with the Valorian Workers Union.",
        "Acme Corp said negotiations with Valoria Mining Corp have reached an advanced stage.",
        "Acme Corp said it would be continuing the talks with Valoria Mining Corp.",
        "Acme Corp and Valoria Mining Corp are continuing to meet to weigh a joint bid.",
    ],
)
def test_negotiations_told_only_as_going_on_are_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        # A day or a place of their own makes an event of them.
        "Talks between Peter Novak and Paul Keller continued in Geneva on Tuesday.",
        "Talks between Peter Novak and Paul Keller continued on March 5.",
        "Talks between Peter Novak and Paul Keller continued last week.",
        # Told as held, though still going on: the development gold counts these.
        "Peter Novak is holding talks with Paul Keller.",
        "Peter Novak is negotiating with Paul Keller.",
    ],
)
def test_talks_with_a_day_a_place_or_held_stay_meetings(nlp, text):
    assert [m.names for m in meetings(nlp, text)] == [PAIR]
