"""Parties named outside the meeting sentence, as wire copy writes them: "the company" of a
company that speaks, "they" after a list the parser misread, offices listed anew, "him" after
"agreed to meet", and a pronoun an editor names in brackets."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, meetings, pairs

pytestmark = pytest.mark.model


def test_the_company_in_a_speaking_company_s_report_is_that_company(nlp):
    text = ("Halden Tools Corp bid for Brixton Ltd on Monday. Halden Tools Corp said on Friday "
            "that the company had held talks with Norland Bank.")
    assert "company" in clusters(nlp, text)["Halden Tools Corp"]
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Norland Bank"})}


def test_the_company_that_says_something_is_the_company_that_spoke_last(nlp):
    text = ("Halden Tools Corp said it bought a stake in Brixton Ltd on Monday. Halden Tools "
            "Corp said it might seek control of Brixton Ltd later. The company said it had held "
            "talks with Norland Bank.")
    got = clusters(nlp, text)
    assert "company" in got["Halden Tools Corp"] and "company" not in got["Brixton Ltd"]
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Norland Bank"})}


def test_they_after_a_list_the_parser_made_an_apposition(nlp):
    # A line break and a bracket after "and" make the parser hang the second name as an
    # apposition of the first.
    text = "Halden Tools Corp and\n<Brixton Cable Corp> said they have called off talks on a merger."
    got = clusters(nlp, text)
    assert "they" in got["Halden Tools Corp"] and "they" in got["Brixton Cable Corp"]
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Brixton Cable Corp"})}
    text = ("Norland Savings Bank and\n<Halden Federal Savings Bank> said they broke off merger "
            "talks on Friday.")
    assert pairs(nlp, text) == {frozenset({"Norland Savings Bank", "Halden Federal Savings Bank"})}


def test_an_apposed_name_of_another_kind_is_no_second_party(nlp):
    text = "Peter Novak and\nhis firm, Keller Holdings Inc, said they would appeal."
    assert "they" not in clusters(nlp, text).get("Keller Holdings Inc", set())


def test_two_offices_listed_are_not_a_pair_named_before(nlp):
    text = ("Peter Novak and Paul Keller flew to Oslo on Monday. Anna Moravec held talks there "
            "with both the finance and transport ministers.")
    assert pairs(nlp, text) == set()
    assert "ministers" not in clusters(nlp, text)["Peter Novak"]
    # Without the offices, "both ministers" is still the pair named before.
    text = ("Peter Novak and Paul Keller flew to Oslo on Monday. Anna Moravec held talks there "
            "with both ministers.")
    assert pairs(nlp, text) == {frozenset({"Anna Moravec", "Peter Novak", "Paul Keller"})}


def test_him_after_agreed_to_meet_is_not_who_agreed(nlp):
    text = "Peter Novak said Paul Keller had agreed to meet him on Friday."
    assert "him" in clusters(nlp, text)["Peter Novak"]
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [
        (frozenset({"Peter Novak", "Paul Keller"}), "planned")]
    refused = "Peter Novak said Paul Keller had refused to meet with him."
    assert [(m.names, m.status) for m in meetings(nlp, refused)] == [
        (frozenset({"Peter Novak", "Paul Keller"}), "negated")]


def test_him_after_asking_someone_to_meet_stays_the_asker(nlp):
    text = "Peter Novak said he asked Paul Keller to meet him on Friday."
    got = clusters(nlp, text)
    assert "him" in got["Peter Novak"] and "him" not in got["Paul Keller"]


def test_a_pronoun_the_editor_names_in_brackets(nlp):
    text = '"Rates will rise," Peter Novak said, adding, "He (Keller) talked himself into trouble.'
    got = clusters(nlp, text)
    assert {"He", "himself"} <= got["Keller"]
    assert pairs(nlp, text) == set()  # not Novak talking with Keller


def test_a_name_that_only_modifies_a_noun_is_not_one_of_the_two(nlp):
    # "Norland Bank" names a rate, not a party: the two groups are the two companies named
    # the sentence before.
    text = ("Halden Tools Corp said it would buy shares in Brixton Ltd on Friday. Brixton Ltd "
            "will issue the shares at a Norland Bank rate. The two groups have also begun talks "
            "on a merger.")
    got = clusters(nlp, text)
    assert "groups" in got["Halden Tools Corp"] and "groups" not in got["Norland Bank"]
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Brixton Ltd"})}
