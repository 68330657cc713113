"""Meeting status: planned, happened and negated, on hand-written sentences."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peter Novak met Paul Keller in Rome.", "happened"),
        ("Peter Novak has met Paul Keller twice.", "happened"),
        ("Peter Novak will meet Paul Keller in Rome.", "planned"),
        ("Peter Novak is expected to meet Paul Keller in Rome.", "planned"),
        ("Peter Novak is scheduled to meet Paul Keller on Friday.", "planned"),
        ("Peter Novak is due to hold talks with Paul Keller.", "planned"),
        ("Peter Novak is to meet Paul Keller tomorrow.", "planned"),
        ("Peter Novak has agreed to meet Paul Keller in May.", "planned"),
        ("Peter Novak plans to hold talks with Paul Keller.", "planned"),
        ("Peter Novak did not meet Paul Keller during the visit.", "negated"),
        ("Peter Novak refused to meet Paul Keller.", "negated"),
        ("Peter Novak declined to meet Paul Keller.", "negated"),
        ("Peter Novak cancelled his meeting with Paul Keller.", "negated"),
        ("Peter Novak will not meet Paul Keller.", "negated"),
        ("Peter Novak and Paul Keller are supposed to meet in May.", "planned"),
        ("Taxes will be the issue when Peter Novak meets Paul Keller.", "planned"),
        ("A team is laying the groundwork for talks between Peter Novak and Paul Keller.",
         "planned"),
        ("The dollar rose ahead of talks between Peter Novak and Paul Keller.", "planned"),
    ],
)
def test_status(nlp, text, status):
    found = meetings(nlp, text)
    assert len(found) == 1, found
    assert found[0].names == {"Peter Novak", "Paul Keller"}
    assert found[0].status == status


def test_cancelled_planned_meeting_is_negated(nlp):
    found = meetings(nlp, "A planned meeting between Peter Novak and Paul Keller was cancelled.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"Peter Novak", "Paul Keller"}), "negated")]


def test_calendar_date_after_publication_makes_a_nominal_meeting_planned(nlp):
    from datetime import date

    text = "The move is related to an April 5-6 summit between Peter Novak and Paul Keller."
    assert [m.status for m in meetings(nlp, text, date(1987, 3, 20))] == ["planned"]
    assert [m.status for m in meetings(nlp, text, date(1987, 4, 20))] == ["happened"]


def test_boycotting_the_meeting_of_a_body_named_before(nlp):
    found = meetings(nlp, "Portugal, a founder of the Atlantic Fisheries Council, boycotted the "
                          "annual meeting last year.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"Portugal", "Atlantic Fisheries Council"}), "negated")]



@pytest.mark.parametrize(
    ("text", "status"),
    [
        # A "that" clause on a noun of report or fact tells the meeting as so.
        ("Officials confirmed reports that Peter Novak held talks with Paul Keller in Oslo "
         "last week.", "happened"),
        ("The news that Peter Novak had met Paul Keller lifted the shares.", "happened"),
        ("She repeated her statement that Peter Novak will meet Paul Keller on Friday.",
         "planned"),
    ],
)
def test_a_that_clause_of_a_report_noun_tells_the_meeting(nlp, text, status):
    found = meetings(nlp, text)
    assert [(m.names, m.status) for m in found] == [({"Peter Novak", "Paul Keller"}, status)]


@pytest.mark.parametrize(
    "text",
    [
        # ... but on a noun of wish or proposal it is only wished or proposed.
        "She rejected the suggestion that Peter Novak meet Paul Keller in Oslo.",
        "There is hope that Peter Novak will meet Paul Keller in Oslo next week.",
        "He repeated his call that Peter Novak meet Paul Keller before the vote.",
    ],
)
def test_a_that_clause_of_a_wish_or_proposal_noun_gives_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(("text", "status"), [
    # a fronted setting: what was not done there is negated, not the meetings
    ("Prime Minister Arvo Lindqvist of Norway flew to Lisbon on Sunday. He said that in "
     "meetings with President Tomas Varga he had not asked for lower tariffs.", "happened"),
    # taking part is the meeting itself
    ("Prime Minister Arvo Lindqvist of Norway flew to Lisbon on Sunday. He did not take part "
     "in the talks with President Tomas Varga.", "negated"),
])
def test_a_negated_verb_after_a_fronted_meeting_phrase(nlp, text, status):
    got = [m for m in meetings(nlp, text) if m.names == {"Arvo Lindqvist", "Tomas Varga"}]
    assert [m.status for m in got] == [status]
