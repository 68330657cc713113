"""Counterpart lists that an "of" phrase breaks (issue 13): the parser hangs the rest of a list
inside "X of Sweden". Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NOVAK = "Peter Novak"
FOUR = frozenset({NOVAK, "Paul Keller", "Anna Moravec", "Ivan Petrov"})
THREE = frozenset({NOVAK, "Paul Keller", "Anna Moravec"})


def _names(nlp, text):
    return [m.names for m in meetings(nlp, text)]


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Peter Novak met Paul Keller of Sweden and Anna Moravec on Monday.", THREE),
        ("Peter Novak met Paul Keller of Sweden, Anna Moravec of Norway and Ivan Petrov on "
         "Tuesday.", FOUR),
        ("Peter Novak met Paul Keller of Sweden, Anna Moravec and Ivan Petrov on Monday.", FOUR),
        # titles before the names: the parser makes Moravec a second object of "of"
        ("Peter Novak met Finance Minister Paul Keller of Sweden and Trade Minister Anna "
         "Moravec on Monday.", THREE),
        # a body: the list goes on under the last "of" phrase's chain
        ("Peter Novak met Paul Keller of the Bank of Valoria and Anna Moravec on Monday.", THREE),
        ("Paul Keller of Sweden and Anna Moravec met Peter Novak in Geneva on Monday.", THREE),
    ],
)
def test_a_list_hung_inside_an_of_phrase_keeps_its_people(nlp, text, names):
    assert _names(nlp, text) == [names]


def test_a_place_hung_on_a_name_inside_the_of_phrase_places_the_meeting(nlp):
    text = ("Peter Novak held talks with Paul Keller of Sweden, Anna Moravec of Norway, Ivan "
            "Petrov of Finland and Karl Horak in Geneva.")
    (m,) = meetings(nlp, text)
    assert m.names == FOUR | {"Karl Horak"}
    assert m.place == "Geneva"


@pytest.mark.parametrize(
    "text",
    [
        # a country coordinated with the "of" object is part of the phrase, not a party
        "Peter Novak met Paul Keller of Sweden and Norway on Monday.",
        # a lone surname may end a firm's name
        "Peter Novak met analyst Paul Keller of Smith and Jones on Monday.",
    ],
)
def test_the_of_phrase_itself_adds_no_party(nlp, text):
    assert _names(nlp, text) == [frozenset({NOVAK, "Paul Keller"})]
