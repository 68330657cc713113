"""A named body's session and the parties that took part in it, named in the sentences after
the one that reports the session (kg/extract/meetings/sessions.py). Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


def star(nlp, text):
    """The body and its parties, when every meeting is a pair with one shared body."""
    found = meetings(nlp, text)
    assert found and all(len(m.names) == 2 for m in found), found
    (body,) = frozenset.intersection(*(m.names for m in found))
    settings = {(m.status, m.place, m.time) for m in found}
    assert len(settings) == 1, settings
    return body, {n for m in found for n in m.names} - {body}, settings.pop()


def test_member_countries_taking_positions_meet_the_body(nlp):
    body, others, setting = star(
        nlp, "Fisheries ministers of the European Community met in Luxembourg on Tuesday to "
             "discuss catch limits. Ireland and Spain rejected the plan, while Denmark "
             "backed it, diplomats said.")
    assert (body, others) == ("European Community", {"Ireland", "Spain", "Denmark"})
    assert setting == ("happened", "Luxembourg", "Tuesday")


def test_a_body_opening_a_session_and_members_acting_later(nlp):
    body, others, setting = star(
        nlp, "OPEC oil ministers opened a four-day meeting in Vienna on Sunday. Iran and "
             "Algeria want a lower ceiling, delegates said, but Venezuela objected.")
    assert (body, others) == ("OPEC", {"Iran", "Algeria", "Venezuela"})
    assert setting[0] == "happened"


def test_a_planned_session(nlp):
    body, others, setting = star(
        nlp, "The finance ministers of the Group of Seven will meet in Ottawa next month. "
             "Italy and France are expected to seek a lower dollar.")
    assert (body, others) == ("Group of Seven", {"Italy", "France"})
    assert setting == ("planned", "Ottawa", "next month")


def test_one_member_named_is_not_enough(nlp):
    assert meetings(nlp, "The finance ministers of the Group of Seven will meet in Ottawa next "
                         "month. Italy is expected to seek a lower dollar.") == []


def test_a_session_inside_a_report_is_not_read(nlp):
    assert meetings(nlp, "Analysts said they expected OPEC to cut output when it meets in "
                         "June. Iran and Algeria want a lower ceiling.") == []


def test_a_speech_to_a_session_is_no_meeting(nlp):
    # A named body's conference addressed is attended (tests/test_meetings_body_conferences.py);
    # an audience no body holds is none.
    assert meetings(nlp, "Senator Jo Pratt told a conference in Memphis that prices would "
                         "rise.") == []


def test_parties_acting_at_the_session_need_not_be_members(nlp):
    found = meetings(nlp, "The council of the International Jute Association met in Dhaka on "
                          "Friday. Thailand and Nepal proposed new quality rules at the meeting.")
    body = "council of the International Jute Association"
    assert {frozenset({body, "Thailand"}), frozenset({body, "Nepal"})} <= {
        m.names for m in found if m.place == "Dhaka"}, found


def test_a_session_with_no_party_named_is_no_meeting(nlp):
    assert meetings(nlp, "OPEC oil ministers opened a four-day meeting in Vienna on Sunday. "
                         "Prices rose on the news, traders said.") == []


def test_countries_outside_the_body_do_not_join_its_session(nlp):
    assert meetings(nlp, "Fisheries ministers of the European Community met in Luxembourg on "
                         "Tuesday. Canada and Japan criticised the plan in statements.") == []


def test_a_company_meeting_is_its_own(nlp):
    assert meetings(nlp, "Zenith Holdings Inc held its annual meeting in Denver on Friday. "
                         "Carl Bent, a director, said at the meeting that profits would rise.") \
        == []


def test_another_body_ends_the_session(nlp):
    text = ("Agriculture ministers of the European Community met in Brussels on Monday. "
            "Separately, the council of the International Jute Association held a meeting in "
            "Dhaka. Thailand and Nepal proposed new quality rules at the meeting.")
    assert not any("European Community" in m.names and "Thailand" in m.names
                   for m in meetings(nlp, text))


def test_a_hypothetical_session_is_no_meeting(nlp):
    assert meetings(nlp, "OPEC oil ministers could meet in Vienna next month if prices fall. "
                         "Iran and Algeria want a lower ceiling.") == []


def test_a_named_conference_told_something_is_a_speech(nlp):
    assert meetings(nlp, "The Pacific Mining Conference opened in Perth on Monday. Ray Dunn, "
                         "chairman of Ore Holdings, told the Pacific Mining Conference that "
                         "prices would rise.") == []


def test_a_session_that_involved_delegates_of_named_countries(nlp):
    found = meetings(nlp, "The meeting involved delegates from Britain, Norway, Canada and "
                          "Chile.")
    assert [m.names for m in found] == [{"Britain", "Norway", "Canada", "Chile"}]


def test_a_conference_that_brought_together_ministers(nlp):
    found = meetings(nlp, "The conference brought together ministers from Kenya, Ghana and "
                          "Zambia.")
    assert [m.names for m in found] == [{"Kenya", "Ghana", "Zambia"}]


def test_a_chair_and_the_attendees_of_a_conference(nlp):
    found = meetings(nlp, "Australian Trade Minister Tom Pell chaired the conference, which was "
                          "attended by Canadian Trade Minister Jim Rowe and Japanese Trade "
                          "Minister Ken Ota.")
    assert [m.names for m in found] == [{"Tom Pell", "Jim Rowe", "Ken Ota"}]


def test_a_dated_clause_reports_a_session(nlp):
    body, others, setting = star(
        nlp, "As Fisheries ministers of the European Community ended two days of talks in "
             "Luxembourg, diplomats said no deal was near. Ireland and Spain rejected the plan, "
             "while Denmark backed it.")
    assert (body, others) == ("European Community", {"Ireland", "Spain", "Denmark"})


def test_speaking_of_a_session_is_not_taking_part(nlp):
    text = ("Fisheries ministers of the European Community met in Luxembourg on Tuesday. The "
            "Irish Fishermen's Union criticised the meeting, and Dana Holt predicted at the "
            "meeting that prices would fall.")
    assert meetings(nlp, text) == []
