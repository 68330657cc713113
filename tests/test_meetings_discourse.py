"""Meetings whose sentence names one side only, the other side read from the article's
discourse (kg/extract/meetings/discourse.py): the article's protagonist, and the session of the body
its lead names. Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

LEAD = ("Iceland has asked for a new loan to repair its harbours. The loan would be the first "
        "for Iceland since 1990, finance ministry officials said. ")
EC_LEAD = ("Farm ministers of the European Community gave a cool reception to a plan to cut "
           "milk quotas. ")


def test_a_team_travelling_for_talks_is_the_protagonists(nlp):
    found = meetings(nlp, LEAD + "A team will fly to Washington next month for talks with the "
                                 "International Monetary Fund.")
    assert [(m.names, m.status, m.place, m.time) for m in found] == [
        (frozenset({"Iceland", "International Monetary Fund"}), "planned", "Washington",
         "next month")]


def test_unnamed_others_are_not_the_protagonist(nlp):
    assert meetings(nlp, LEAD + "Bankers will fly to Washington next month for talks with the "
                                "International Monetary Fund.") == []


def test_a_conditional_trip_for_talks_is_no_meeting(nlp):
    assert meetings(nlp, LEAD + "A team may fly to Washington next month for talks with the "
                                "International Monetary Fund if the loan is refused.") == []


def test_a_named_side_is_left_to_the_rules(nlp):
    found = meetings(nlp, LEAD + "The International Monetary Fund said it had held talks with "
                                 "Norway.")
    assert [m.names for m in found] == [frozenset({"International Monetary Fund", "Norway"})]


def test_the_chair_of_the_bodys_session_meets_the_body(nlp):
    found = meetings(nlp, EC_LEAD + "The plan was drafted by the Commission. Irish minister Sean "
                                    "Daly, who chaired the meeting, said a decision was months "
                                    "away.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"European Community", "Sean Daly"}), "happened")]


def test_a_member_acting_at_the_talks_here_meets_the_body(nlp):
    found = meetings(nlp, EC_LEAD + "Greece repeated its objections at the talks here on Monday, "
                                    "diplomats said.")
    assert [(m.names, m.time) for m in found] == [
        (frozenset({"European Community", "Greece"}), "Monday")]


def test_a_press_conference_is_no_session(nlp):
    assert meetings(nlp, EC_LEAD + "Greece criticised the plan at a press conference, diplomats "
                                   "said.") == []


def test_two_bodies_in_the_lead_leave_the_session_unread(nlp):
    assert meetings(nlp, "Farm ministers of the European Community and of NATO gave a cool "
                         "reception to a plan to cut milk quotas. Irish minister Sean Daly, who "
                         "chaired the meeting, said a decision was months away.") == []


PAIR = "Chile and Peru are expected to sign a fishing accord in Lima next week. "


def test_talks_told_after_a_pair_that_deals_together_are_theirs(nlp):
    found = meetings(nlp, PAIR + "The accord would end a long quarrel over catches, officials "
                                 "said. Talks are due to begin on Tuesday.")
    assert [(m.names, m.status, m.time) for m in found] == [
        (frozenset({"Chile", "Peru"}), "planned", "Tuesday")]


def test_a_pair_that_only_acts_alike_has_no_talks(nlp):
    assert meetings(nlp, "Chile and Peru sent observers to the fair in Lima. The fair drew many "
                         "visitors, officials said. Talks are due to begin on Tuesday.") == []


def test_the_nearest_pair_is_the_talks_pair(nlp):
    found = meetings(nlp, PAIR + "Brazil and Uruguay agreed to cut tariffs. Talks are due to "
                                 "begin on Tuesday.")
    assert [m.names for m in found] == [frozenset({"Brazil", "Uruguay"})]


def test_a_reported_it_is_the_speakers(nlp):
    found = meetings(nlp, "Dunmore Holdings Inc raised its stake in Tarragon Foods Inc to 9 pct, "
                          "a filing showed. The filing said Dunmore had paid 40 dlrs a share. "
                          "Dunmore also said it has met with Tarragon representatives on its "
                          "request for a board seat.")
    assert len(found) == 1 and found[0].status == "happened"
    assert sorted(n.split()[0] for n in found[0].names) == ["Dunmore", "Tarragon"]


def test_talks_with_a_host_after_a_journey_are_the_visitors(nlp):
    found = meetings(nlp, "British Trade Minister Alan Pryce arrived in Oslo on Monday. The "
                          "meeting with Prime Minister Erna Dahl lasted two hours.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"Alan Pryce", "Erna Dahl"}), "happened")]


def test_talks_with_a_host_need_a_journey_told(nlp):
    assert meetings(nlp, "British Trade Minister Alan Pryce said on Monday that exports were "
                         "rising. The talks with Prime Minister Erna Dahl focused on trade.") == []


def test_talks_after_a_journey_that_may_not_happen_are_no_meeting(nlp):
    assert meetings(nlp, "British Trade Minister Alan Pryce arrived in Oslo on Monday. The "
                         "talks with Prime Minister Erna Dahl could be postponed if the strike "
                         "goes on.") == []


def test_a_trip_to_a_capital_for_talks_meets_its_government(nlp):
    found = meetings(nlp, "Foreign Minister Kenji Sato will fly to Washington on Monday for "
                          "talks, officials in Japan said. He last visited the United States "
                          "in May.")
    assert [(m.names, m.status, m.time) for m in found] == [
        (frozenset({"Kenji Sato", "United States"}), "planned", "Monday")]


def test_a_trip_to_a_smaller_countrys_capital_meets_its_government(nlp):
    found = meetings(nlp, "Foreign Minister Pieter Smit will fly to Bern on Thursday for "
                          "talks, a spokesman in Amsterdam said. Switzerland hopes to sign a "
                          "tax treaty.")
    assert [(m.names, m.status, m.time) for m in found] == [
        (frozenset({"Pieter Smit", "Switzerland"}), "planned", "Thursday")]


def test_travellers_visiting_a_country_for_talks_meet_it_together(nlp):
    found = meetings(nlp, "Trade Minister Alan Pryce and Farm Minister Joan Hale will visit "
                          "Japan next week for talks on beef quotas.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"Alan Pryce", "Joan Hale", "Japan"}), "planned")]


@pytest.mark.parametrize("text", [
    "Trade Minister Alan Pryce flew to Leeds on Monday for talks on the steel plant.",
    "Trade Minister Alan Pryce may fly to Japan for talks if the dispute is not settled.",
    "Trade Minister Alan Pryce flew to Tokyo on Monday to watch the final of the cup.",
])
def test_a_trip_with_no_government_or_no_talks_is_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


def test_a_trip_for_talks_naming_their_counterpart_meets_it_not_the_government(nlp):
    # the talks name their counterpart: it is met, the visited country's government is not
    text = ("Peter Novak is touring Europe to discuss fishing quotas with France and Spain. "
            "Novak will go on to Madrid for similar talks tomorrow with Acme Corp, the Spanish "
            "insurer.")
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [
        (frozenset({"Peter Novak", "Acme Corp"}), "planned")]


def test_talks_told_alone_after_a_trip_are_the_travellers_with_the_country(nlp):
    text = ("Foreign Minister Kenji Sato flew to Seoul on Sunday. The talks focused on trade "
            "and fishing rights, officials said. South Korea wants more access to Japanese "
            "ports.")
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [
        (frozenset({"Kenji Sato", "South Korea"}), "happened")]


def test_talks_after_a_trip_to_a_country_the_article_never_names_are_no_meeting(nlp):
    assert meetings(nlp, "Foreign Minister Kenji Sato flew to Seoul on Sunday. The talks "
                         "focused on trade and fishing rights, officials said.") == []


def test_the_government_is_the_articles_country_not_a_body_named_as_often(nlp):
    # A bank of the country is named as often as the country; "the government" is the
    # country's, and its talks with the IMF are the country's.
    text = ("Chile's exports rose 12 pct in May, the Banco Nacional said. Chile expects growth "
            "to pick up this year, the Banco Nacional added. The government agreed the credit "
            "ceiling in June during talks with the International Monetary Fund.")
    assert {m.names for m in meetings(nlp, text)} == {
        frozenset({"Chile", "International Monetary Fund"})}
