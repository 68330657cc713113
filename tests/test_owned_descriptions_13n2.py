""""His company" as wire copy writes it: the organisation the owner's title names, when one
title names one that the noun fits ("Halden Tools chairman Peter Novak said his company ...")."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, pairs

pytestmark = pytest.mark.model


def test_his_company_is_the_company_of_the_owner_s_title(nlp):
    text = ("Halden Tools Corp chairman Peter Novak said his company had held talks with "
            "Norland Bank on Monday.")
    assert "company" in clusters(nlp, text)["Halden Tools Corp"]
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Norland Bank"})}


def test_his_company_after_a_title_told_in_an_earlier_sentence(nlp):
    text = ("Peter Novak, president of Halden Tools Corp, spoke in Oslo on Monday. He said his "
            "company was in talks with Norland Bank on a merger.")
    assert pairs(nlp, text) == {frozenset({"Halden Tools Corp", "Norland Bank"})}


def test_her_bank_is_the_bank_of_her_title(nlp):
    text = ("Anna Moravec, chairman of Valorian Savings Bank, said her bank had held talks with "
            "Halden Tools Corp.")
    assert "bank" in clusters(nlp, text)["Valorian Savings Bank"]


def test_his_company_stays_unresolved_without_a_fitting_title(nlp):
    # No title names his employer; a company that is no bank is not "his bank".
    text = "Peter Novak said his company had held talks with Norland Bank."
    assert "company" not in clusters(nlp, text).get("Norland Bank", set())
    assert pairs(nlp, text) == set()
    text = "Halden Tools Corp chairman Peter Novak said his bank held talks with Norland Corp."
    assert "bank" not in clusters(nlp, text).get("Halden Tools Corp", set())


def test_his_government_or_country_is_the_country_of_his_title(nlp):
    text = ("Brazilian Finance Minister Peter Novak arrived in Tokyo on Monday. He said his "
            "government had held talks with Japan on trade.")
    assert "government" in clusters(nlp, text)["Brazil"]
    assert pairs(nlp, text) == {frozenset({"Brazil", "Japan"})}
    text = "Peter Novak, Brazil's trade minister, said his country had held talks with Japan."
    assert pairs(nlp, text) == {frozenset({"Brazil", "Japan"})}


def test_his_government_without_a_country_in_his_title_stays_unresolved(nlp):
    text = "Peter Novak said his government had held talks with Japan on trade."
    assert pairs(nlp, text) == set()
