"""A group that names its members and issues a statement after a meeting ("the Group of Five -
A, B and C - issued a statement after a meeting"): the members met; a party pulling out of a
named body's talks: a negated meeting with the body; a speaker during a named body's
meeting: he was at it (one telling reporters after it need not have been)."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings, pairs

pytestmark = pytest.mark.model

FIVE = frozenset({"Peru", "Chile", "Norway", "Kenya", "Spain"})


def test_a_group_with_its_members_apposed_issues_a_statement_after_a_meeting(nlp):
    text = ("On Monday the Group of Five -- Peru, Chile, Norway, Kenya and Spain -- issued a "
            "statement after a meeting in Lima.")
    assert pairs(nlp, text) == {FIVE}


def test_the_text_of_a_statement_by_a_group_with_its_members(nlp):
    text = ("Below is the full wording of a statement by the Andean Group -- Peru, Chile, "
            "Norway, Kenya and Spain -- released after a Lima meeting on Monday.")
    [m] = meetings(nlp, text)
    assert m.names == FIVE and m.status == "happened"


def test_a_statement_by_two_parties_released_after_talks(nlp):
    text = ("A joint statement by Peru and Chile released after talks in Lima on Monday said "
            "tariffs on copper would fall.")
    assert pairs(nlp, text) == {frozenset({"Peru", "Chile"})}


def test_a_statement_by_one_party_or_a_group_without_members_is_no_meeting(nlp):
    text = ("A statement by the Group of Five issued after a meeting in Lima on Monday said "
            "tariffs would fall.")
    assert pairs(nlp, text) == set()
    text = "A statement by Halden Tools Corp released after a meeting said profits would rise."
    assert pairs(nlp, text) == set()


def test_pulling_out_of_a_named_body_s_talks_is_a_negated_meeting(nlp):
    [m] = meetings(nlp, "Trade minister Peter Novak pulled out of the informal OPEC talks.")
    assert m.names == frozenset({"Peter Novak", "OPEC"}) and m.status == "negated"
    [m] = meetings(nlp, "Peter Novak withdrew from the talks with Paul Keller on Monday.")
    assert m.names == frozenset({"Peter Novak", "Paul Keller"}) and m.status == "negated"


def test_a_threat_to_pull_out_or_a_withdrawn_proposal_is_not(nlp):
    assert pairs(nlp, "Peter Novak threatened to pull out of the OPEC talks.") == set()
    [m] = meetings(nlp, "Peter Novak withdrew his proposal at the OPEC meeting on Monday.")
    assert m.status == "happened"
    # the verb moves its own object out of the talks: they were held
    [m] = meetings(nlp, "Peter Novak withdrew his proposal from the talks with Paul Keller.")
    assert m.status == "happened"


def test_a_pull_out_decided_or_forced_is_done(nlp):
    [m] = meetings(nlp, "Peter Novak decided to pull out of the OPEC talks.")
    assert m.names == frozenset({"Peter Novak", "OPEC"}) and m.status == "negated"
    [m] = meetings(nlp, "Peter Novak was forced to withdraw from the talks with Paul Keller.")
    assert m.status == "negated"


def test_a_speaker_during_a_named_body_s_meeting_was_at_it(nlp):
    [m] = meetings(nlp, "Peter Novak said during the OPEC meeting that output would not change.")
    assert m.names == frozenset({"Peter Novak", "OPEC"}) and m.status == "happened"
    text = "Speaking to bankers during the OPEC meeting here, Peter Novak said prices would hold."
    assert pairs(nlp, text) == {frozenset({"Peter Novak", "OPEC"})}


def test_unnamed_speakers_during_a_body_s_meeting_pair_with_no_one(nlp):
    assert pairs(nlp, "Analysts said during the OPEC meeting that prices would hold.") == set()
