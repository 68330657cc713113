"""A country's government named by its capital or by a possessive: a capital city in a party's
role is its country's government (the guide: "Washington" as the United States), only for a
country the article names, while a capital after "in", "to" or "from" stays a place; "Norway's
government" or "Norway's negotiators" is Norway, as "the Norwegian government" is. Sentences
written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model

BOTH = "The United States and Japan disagree on chip prices. "


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        (BOTH + "Washington and Tokyo will hold talks on semiconductors next week.",
         {"United States", "Japan"}),
        (BOTH + "Tokyo will hold talks with Washington on the dispute next month.",
         {"United States", "Japan"}),
        ("France and Spain are at odds over fishing. Talks between Paris and Madrid broke down "
         "on Friday.", {"France", "Spain"}),
        (BOTH + "Peter Novak said Tokyo's talks with Paul Keller were useful.",
         {"Japan", "Paul Keller"}),
        # Moscow seats two governments in the gazetteer: the one the article names
        ("The Soviet Union named a negotiator. Moscow will hold talks with Peter Novak in Geneva "
         "next week.", {"Soviet Union", "Peter Novak"}),
    ],
)
def test_capital_in_a_party_role_is_its_government(nlp, text, pair):
    assert frozenset(pair) in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        BOTH + "Peter Novak and Paul Keller met in Tokyo on Monday.",
        BOTH + "Officials in Washington said Paul Keller met Peter Novak.",
        BOTH + "Peter Novak flew from Washington to Tokyo for talks with Paul Keller.",
    ],
)
def test_capital_as_a_place_stays_a_place(nlp, text):
    assert pairs(nlp, text) == {frozenset({"Peter Novak", "Paul Keller"})}


def test_no_country_for_a_capital_the_article_never_ties_to_one(nlp):
    # Precision first: a capital stands for a country only when the article names that
    # country, so a story that names neither government gives no meeting.
    assert not pairs(nlp, "Washington and Tokyo will hold talks on semiconductors next week.")


@pytest.mark.parametrize(
    "text",
    [
        "Norway's government held talks with Peter Novak in Oslo on Monday.",
        "Norway's delegation and Peter Novak held talks on Monday.",
        "Peter Novak met Norway's negotiators in Oslo on Monday.",
    ],
)
def test_possessive_country_before_a_group_noun_is_the_country(nlp, text):
    assert pairs(nlp, text) == {frozenset({"Norway", "Peter Novak"})}


def test_possessive_country_before_a_named_holder_gives_the_person(nlp):
    text = "Peter Novak met Norway's foreign minister, Anna Moravec, on Monday."
    assert pairs(nlp, text) == {frozenset({"Anna Moravec", "Peter Novak"})}
