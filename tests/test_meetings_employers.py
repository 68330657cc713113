"""An organisation named only in a participant's title is the person's employer, not a party:
hand-written sentences, the title before the name, after it, and an organisation that is a
party in its own right."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the head of X, Y" (the parser hangs the name on the first conjunct)
        ("Central bank governor Anna Moravec and the head of the Valorian Savings Bank, "
         "Peter Novak, met in Lisbon on Monday to discuss interest rates.",
         {frozenset({"Anna Moravec", "Peter Novak"})}),
        # "X head Y" with an acronym in brackets: the meeting is with the person
        ("Paul Keller praised his meeting with Valoria Stock Exchange (VSE) head Lena "
         "Fischer as useful.",
         {frozenset({"Paul Keller", "Lena Fischer"})}),
        # an apposition after the name: ", chief financial officer of X,"
        ("Lena Fischer, chairman of Acme Corp, and Peter Novak, chief financial officer of "
         "Brightwater Holdings, attended the meeting on Tuesday.",
         {frozenset({"Lena Fischer", "Peter Novak"})}),
        ("Paul Keller met Brightwater Holdings chairman Peter Novak in Geneva on Friday.",
         {frozenset({"Paul Keller", "Peter Novak"})}),
    ],
)
def test_a_titles_organisation_is_not_a_party(nlp, text, expected):
    assert pairs(nlp, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the organisation is a side of its own: no title phrase holds it
        ("Acme Corp held talks with Brightwater Holdings in Geneva on Friday.",
         {frozenset({"Acme Corp", "Brightwater Holdings"})}),
        # named outside the title as well: still a party
        ("Brightwater Holdings, whose chairman Peter Novak flew in on Monday, held talks "
         "with Acme Corp on Tuesday.",
         {frozenset({"Acme Corp", "Brightwater Holdings"})}),
        # "of X" without a comma is no apposition
        ("Paul Keller met Peter Novak of Brightwater Holdings in Geneva on Friday.",
         {frozenset({"Paul Keller", "Peter Novak"})}),
    ],
)
def test_an_organisation_that_is_a_side_stays(nlp, text, expected):
    assert pairs(nlp, text) == expected
