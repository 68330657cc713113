"""A named body's conference or convention, attended or addressed, and a speech to a body's
meeting (kg/extract/meetings/meetings.py, meeting_words.BODY_SESSIONS, trigger_syntax.present_at).
Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


def seen(nlp, text):
    return {(frozenset(m.names), m.status) for m in meetings(nlp, text)}


def test_telling_a_named_body_annual_conference(nlp):
    assert seen(nlp, "Finance Minister Peter Novak told the annual conference of the Valorian "
                     "Farmers Union that prices would rise.") == {
        (frozenset({"Peter Novak", "Valorian Farmers Union"}), "happened")}


def test_attending_a_conference_named_by_its_body(nlp):
    assert seen(nlp, "Paul Keller, attending a Pacific Grain Council conference, blamed the "
                     "weather for the poor harvest.") == {
        (frozenset({"Paul Keller", "Pacific Grain Council"}), "happened")}


def test_will_address_a_body_convention(nlp):
    assert seen(nlp, "Anna Moravec will address the convention of the Valorian Steel Workers "
                     "Union next week.") == {
        (frozenset({"Anna Moravec", "Valorian Steel Workers Union"}), "planned")}


def test_speaking_to_a_body_meeting(nlp):
    assert seen(nlp, "Peter Novak, speaking to a meeting of the Valorian Bankers Association, "
                     "said he did not expect higher rates.") == {
        (frozenset({"Peter Novak", "Valorian Bankers Association"}), "happened")}


@pytest.mark.parametrize("text", [
    "Peter Novak told a news conference in Lima that rates would fall.",
    "Peter Novak told an Acme Corp press conference that profits would fall.",
    "Peter Novak and Paul Keller attended a conference on trade in Lima on Monday.",
    "The Valorian Farmers Union will hold its annual conference in Lima next week.",
    "Peter Novak, speaking to reporters, said the Valorian Farmers Union was wrong.",
])
def test_no_body_conference_meeting(nlp, text):
    assert seen(nlp, text) == set()


@pytest.mark.parametrize("text", [
    "Paul Keller told an Acme Stock Exchange conference that rates would rise.",
    "Paul Keller told a Valoria University conference on banking that rates would rise.",
    "Paul Keller, addressing an export conference of the Valoria Investment Corp., said "
    "exports would rise.",
    "Paul Keller said at the Finance Weekly conference here that rates would rise.",
    "Paul Keller told an Acme Finance Group conference that rates would rise.",
])
def test_a_conference_staged_by_a_company_school_or_magazine_is_a_speech(nlp, text):
    # Its host holds it for an audience; no members of the host meet there.
    assert seen(nlp, text) == set()


@pytest.mark.parametrize(("text", "body"), [
    ("Anna Moravec told the annual conference of the Valoria Mining Council that prices were "
     "low.", "Valoria Mining Council"),
    ("Anna Moravec told the Valorian Oil Producers Association convention that output would "
     "fall.", "Valorian Oil Producers Association"),
])
def test_a_conference_of_a_body_whose_members_meet_is_attended(nlp, text, body):
    assert seen(nlp, text) == {(frozenset({"Anna Moravec", body}), "happened")}


def test_a_union_named_by_its_members_holds_a_convention(nlp):
    assert seen(nlp, "Anna Moravec told the Valorian Auto Workers convention that jobs were "
                     "safe.") == {(frozenset({"Anna Moravec", "Valorian Auto Workers"}), "happened")}
