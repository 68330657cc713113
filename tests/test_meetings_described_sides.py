"""A side written as a description the guide resolves to a named organisation or country
("its chairman", "the governor of the Valorian central bank", "two of the union's locals"),
or left to the story's company ("Discussions with X were suspended")."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs

pytestmark = pytest.mark.model


def test_its_chairman_is_the_company_its_stands_for(nlp):
    text = ("Halden Tools Corp said on Monday that Peter Novak owns some of its shares and "
            "that Novak had discussions last week with its chairman.")
    assert pairs(nlp, text) == {frozenset({"Peter Novak", "Halden Tools Corp"})}


def test_the_head_of_a_country_s_central_bank_is_the_country(nlp):
    text = "Paul Keller had a private meeting on Sunday with the president of the Colombian central bank."
    assert pairs(nlp, text) == {frozenset({"Paul Keller", "Colombia"})}
    text = "Anna Moravec met the governor of the Mexican central bank on Friday."
    assert pairs(nlp, text) == {frozenset({"Anna Moravec", "Mexico"})}


def test_a_union_s_locals_are_the_union(nlp):
    text = ("Halden Mining Ltd said it will meet on Friday with two of six United Steelworkers "
            "of America locals that struck its zinc mine.")
    assert pairs(nlp, text) == {frozenset({"Halden Mining Ltd", "United Steelworkers of America"})}


def test_talks_told_without_their_own_side_in_company_news_are_the_company_s(nlp):
    text = ("Halden Tools Corp said it sold its radio unit to Norland Ltd. Halden Tools Corp "
            "said the sale closed on Friday. Discussions with Brixton Cable Corp on the merger "
            "of the two companies' units were suspended in December.")
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Brixton Cable Corp"})}


def test_talks_with_a_company_in_a_country_s_story_name_no_side(nlp):
    text = ("Valoria said it would cut tariffs. Valoria said the cuts start in May. Talks with "
            "Norland Ltd on the sale were suspended in December.")
    assert pairs(nlp, text) == set()


def test_an_office_holder_named_elsewhere_in_his_phrase_stays_the_person(nlp):
    text = "Paul Keller met the chairman of Halden Tools Corp, Peter Novak, on Friday."
    assert pairs(nlp, text) == {frozenset({"Paul Keller", "Peter Novak"})}


def test_talks_on_a_deal_meet_the_deal_s_other_company(nlp):
    for text in ("Halden Plc broke off its talks on being acquired by Brixton Ltd.",
                 "Halden Plc held talks on a merger with Brixton Ltd.",
                 "Halden Plc said it ended talks on the sale of its paint unit to Brixton Ltd."):
        assert pairs(nlp, text) == {frozenset({"Halden Plc", "Brixton Ltd."})}, text


def test_talks_with_someone_else_or_on_someone_else_s_deal_name_no_partner(nlp):
    assert pairs(nlp, "Halden Plc held talks with bankers on its bid for Brixton Ltd.") == set()
    assert pairs(nlp, "Halden Plc held talks on Norland Ltd's bid for Brixton Ltd.") == set()
