"""Group participants resolved at article level (kg/extract/entities/groups.py), on articles written
for these tests: counterparts, office holders of a body or region, the countries of a trip,
"the clubs" and other kinds, and the groups left alone when the evidence is not enough."""

from __future__ import annotations

import pytest
from meeting_helpers import participant_pairs as pairs

from kg.extract.entities.groups import members_of
from kg.extract.entities.portfolios import portfolio_of

pytestmark = pytest.mark.model


def met(a, b):
    return frozenset({a, b})


# --- counterparts -----------------------------------------------------------------------

def test_counterparts_from_places_are_the_office_holders_named_elsewhere(nlp):
    text = ("Canadian Finance Minister Paul Ardent holds talks with counterparts from Asia "
            "and Brazil on Monday. Japanese Finance Minister Ken Sato and Brazilian Finance "
            "Minister Lucia Mendes arrived on Sunday. Indian Foreign Minister Ravi Kumar "
            "and Mexican Finance Minister Jorge Vidal stayed at home.")
    got = pairs(nlp, text)
    assert met("Paul Ardent", "Ken Sato") in got
    assert met("Paul Ardent", "Lucia Mendes") in got
    # another office (foreign) and another region (Mexico is not in Asia or Brazil)
    assert not any("Ravi Kumar" in p or "Jorge Vidal" in p for p in got)


def test_counterparts_of_a_treasury_secretary_include_a_chancellor_of_the_exchequer(nlp):
    text = ("U.S. Treasury Secretary Anne Holt will meet her counterparts from Europe on "
            "Friday. British Chancellor of the Exchequer Roger Pyke and West German Finance "
            "Minister Uwe Brandl are expected.")
    got = pairs(nlp, text)
    assert met("Anne Holt", "Roger Pyke") in got
    assert met("Anne Holt", "Uwe Brandl") in got


def test_counterparts_of_someone_without_an_office_stay_unnamed(nlp):
    text = ("Banker Tom Quill held talks with counterparts from Europe on Friday. French "
            "Finance Minister Anne Roux was in Paris.")
    assert pairs(nlp, text) == set()


def test_counterparts_of_two_people_stay_unnamed(nlp):
    text = ("Chilean Finance Minister Ana Diaz and Peruvian Finance Minister Luis Pardo met "
            "counterparts from Europe. French Finance Minister Anne Roux was there.")
    assert not any("Anne Roux" in p for p in pairs(nlp, text))


# --- office holders of a body -----------------------------------------------------------

def test_finance_ministers_of_a_body_are_its_members_named_in_the_article(nlp):
    text = ("European Community finance ministers met in Brussels on Saturday. French "
            "Finance Minister Anne Roux said the talks went well. Italian Treasury Minister "
            "Marco Bellini disagreed. Brazilian Finance Minister Lucia Mendes was not there.")
    got = pairs(nlp, text)
    assert met("Anne Roux", "Marco Bellini") in got
    assert not any("Lucia Mendes" in p for p in got)


def test_an_unknown_modifier_leaves_the_group_alone(nlp):
    text = ("Northern finance ministers met in Oslo on Saturday. Norwegian Finance Minister "
            "Per Lund and Swedish Finance Minister Eva Berg spoke afterwards.")
    assert pairs(nlp, text) == set()


# --- kinds: the countries, the clubs ----------------------------------------------------

def test_officials_of_the_countries_visited_are_the_stops_of_the_trip(nlp):
    text = ("Trade Minister Clara Voss returned on Thursday from a trip to Ecuador, Chile and "
            "Argentina. Prices fell. She met only with senior government officials of the "
            "countries visited.")
    got = pairs(nlp, text)
    for country in ("Ecuador", "Chile", "Argentina"):
        assert met("Clara Voss", country) in got


def test_the_clubs_are_the_clubs_named_together_before(nlp):
    text = ("Sports Minister Helen Grant praised Riverside Rovers and Castle Athletic for "
            "their work. Trouble at matches between the clubs has fallen. Grant plans to hold a "
            "summit in April with officials from the clubs.")
    got = pairs(nlp, text)
    assert met("Helen Grant", "Riverside Rovers") in got
    assert met("Helen Grant", "Castle Athletic") in got


def test_a_kind_noun_does_not_take_entities_of_another_type(nlp):
    text = ("Energy Minister Clara Voss visited France and Spain last week. She will meet "
            "officials from the companies on Monday.")
    assert pairs(nlp, text) == set()


def test_other_countries_are_not_the_countries_named_before(nlp):
    text = ("Trade Minister Clara Voss returned from a trip to Peru, Chile and Argentina. "
            "Voss met government officials of other countries on Monday.")
    assert pairs(nlp, text) == set()


def test_a_list_too_far_back_is_not_reached(nlp):
    text = ("Trade Minister Clara Voss praised Peru and Chile. Prices fell. Exports rose. "
            "Imports slowed. Voss will meet officials of the countries on Monday.")
    assert pairs(nlp, text) == set()


# --- the tables -------------------------------------------------------------------------

def test_portfolios_and_memberships():
    assert portfolio_of("Italian Treasury Minister") == ("finance", "")
    assert portfolio_of("Minister of State for Trade") == ("trade", "deputy")
    assert portfolio_of("chief executive") is None
    assert "country:west germany" in members_of("G-7")
    assert "country:canada" not in members_of("EC")


# --- added with the second step ---------------------------------------------------------

def test_a_single_counterpart_of_a_nationality_is_the_one_named_office_holder(nlp):
    text = ("Canadian Finance Minister Paul Ardent met his Japanese counterpart on Tuesday. "
            "Japanese Finance Minister Ken Sato later flew home.")
    assert met("Paul Ardent", "Ken Sato") in pairs(nlp, text)


def test_a_single_counterpart_stays_unnamed_when_no_one_fits(nlp):
    text = ("Canadian Finance Minister Paul Ardent met his Japanese counterpart on Tuesday. "
            "Japanese Foreign Minister Ken Sato later flew home.")
    assert pairs(nlp, text) == set()


def test_a_single_counterpart_stays_unnamed_when_two_fit(nlp):
    text = ("Canadian Finance Minister Paul Ardent met his European counterpart on Tuesday. "
            "French Finance Minister Anne Roux and Dutch Finance Minister Wim Kok spoke.")
    assert pairs(nlp, text) == set()


def test_officials_met_on_a_trip_are_those_of_the_country_it_goes_to(nlp):
    text = ("Chilean Finance Minister Ana Diaz will fly to Canada for talks with government "
            "officials in March.")
    assert met("Ana Diaz", "Canada") in pairs(nlp, text)


def test_officials_with_another_modifier_are_not_the_hosts(nlp):
    text = ("Chilean Finance Minister Ana Diaz will fly to Canada for talks with bank "
            "officials in March.")
    assert pairs(nlp, text) == set()


def test_a_gathering_of_a_bodys_ministers_is_a_meeting_of_those_named(nlp):
    text = ("After an unofficial gathering of European Community trade ministers in Luxembourg, "
            "Dutch Trade Minister Jan Smit said tariffs would fall. French Trade "
            "Minister Luc Morel and Irish Trade Minister Sean Byrne disagreed.")
    got = pairs(nlp, text)
    assert {met("Jan Smit", "Luc Morel"), met("Jan Smit", "Sean Byrne"),
            met("Luc Morel", "Sean Byrne")} <= got


def test_the_countries_without_a_trip_are_not_the_last_countries_named(nlp):
    text = ("Trade Minister Clara Voss said Peru and Chile signed a pact. Voss will hold "
            "talks with officials of the countries on Monday.")
    assert pairs(nlp, text) == set()


def test_coordinated_office_groups_share_their_places(nlp):
    text = ("A meeting of trade ministers and central bank chiefs of the Group of Seven ended "
            "on Thursday. Italian Trade Minister Carlo Neri and Canadian Trade Minister "
            "Paul Ardent left early.")
    assert met("Carlo Neri", "Paul Ardent") in pairs(nlp, text)


def test_the_ministers_again_are_those_of_the_last_mention(nlp):
    text = ("European Community farm ministers arrived in Brussels on Sunday. Dutch "
            "Agriculture Minister Jan Smit and Irish Agriculture Minister Sean Byrne spoke "
            "to reporters. The ministers will hold talks on Monday.")
    assert met("Jan Smit", "Sean Byrne") in pairs(nlp, text)


def test_the_ministers_with_no_restricted_mention_before_stay_unnamed(nlp):
    text = ("Dutch Agriculture Minister Jan Smit and Irish Agriculture Minister Sean Byrne "
            "spoke to reporters on Sunday. Prices fell. The ministers held talks with "
            "Senator Ann Lee on Monday.")
    assert not any("Ann Lee" in p for p in pairs(nlp, text))


def test_wire_capitalised_officials_stand_for_their_country(nlp):
    text = "Finance Minister Kim Lee will fly to Washington on Monday for talks with U.S. Officials."
    assert met("Kim Lee", "United States") in pairs(nlp, text)


def test_a_capitalised_title_before_a_name_is_not_a_group(nlp):
    text = ("Minister Ken Sato will hold talks with Deputy U.S. Trade Representative Ann "
            "Lowe on Monday.")
    got = pairs(nlp, text)
    assert met("Ken Sato", "Ann Lowe") in got
    assert not any("United States" in p for p in got)
