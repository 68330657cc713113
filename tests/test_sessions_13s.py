"""Who was at a named body's session, told further down in words of presence alone
(kg/extract/meetings/presence.py, read by kg/extract/meetings/sessions.py). Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

_SESSION = ("Trade ministers of the Valorian Trade Council opened a two-day meeting in Lima on "
            "Monday. ")


def pairs(nlp, text):
    """Each meeting as (the other party, status), when every meeting pairs one with the body."""
    found = meetings(nlp, text)
    assert all(len(m.names) == 2 and "Valorian Trade Council" in m.names for m in found), found
    return {(next(iter(m.names - {"Valorian Trade Council"})), m.status) for m in found}


def test_attending_a_part_of_the_session_and_not_attending(nlp):
    assert pairs(nlp, _SESSION + "Finance Minister Peter Novak and Commerce Minister Paul "
                                 "Keller will attend the first day. Another source said Brazil "
                                 "probably will not attend.") == {
        ("Peter Novak", "planned"), ("Paul Keller", "planned"), ("Brazil", "negated")}


def test_leading_a_delegation_and_the_delegates_named(nlp):
    assert pairs(nlp, _SESSION + "Cabinet chief Anna Moravec will lead the French delegation. "
                                 "The delegates include Karl Benes.") == {
        ("Anna Moravec", "planned"), ("Karl Benes", "happened")}


def test_pulling_out_of_the_session(nlp):
    assert pairs(nlp, _SESSION + "Earlier, sources said Ivan Horak had pulled out of the talks "
                                 "for domestic reasons.") == {("Ivan Horak", "negated")}


def test_a_country_delegation_told_far_down_the_story(nlp):
    filler = " ".join(f"Prices of grade {n} copper were steady." for n in range(1, 11))
    assert pairs(nlp, _SESSION + filler + " The Peruvian delegation repeated its warnings on "
                                          "quotas, the official said.") == {("Peru", "happened")}


def test_delegations_listed_by_where_they_come_from(nlp):
    assert pairs(nlp, _SESSION + "More than 40 ministers attended, including delegations from "
                                 "Chile, Bolivia and Ecuador.") == {
        ("Chile", "happened"), ("Bolivia", "happened"), ("Ecuador", "happened")}


def test_a_delegation_at_a_named_bank_annual_meeting(nlp):
    found = meetings(nlp, "The aide, part of the Indian delegation at the Valorian "
                          "Development Bank's annual meeting, said lending would rise.")
    assert [m.names for m in found] == [frozenset({"India", "Valorian Development Bank"})]


def test_a_company_annual_meeting_has_no_delegations(nlp):
    assert meetings(nlp, "The aide, part of the Indian delegation at the Acme Holdings "
                         "Inc annual meeting, said lending would rise.") == []


def test_presence_words_with_no_session_before_them(nlp):
    assert meetings(nlp, "Prices of copper were steady on Monday. Peter Novak will attend the "
                         "first day. The French delegation will be led by Anna Moravec.") == []


def test_uncertain_attendance_and_other_boycotts_are_not_presence(nlp):
    assert pairs(nlp, _SESSION + "Brazil may attend. Chile will boycott Valorian wine.") == set()


def test_a_delegation_met_with_is_not_at_the_session(nlp):
    found = meetings(nlp, _SESSION + "On Tuesday Peter Novak met with the Peruvian delegation.")
    assert frozenset({"Peru", "Valorian Trade Council"}) not in [m.names for m in found]
