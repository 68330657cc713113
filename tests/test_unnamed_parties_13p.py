"""A party's name that is only a common noun names no one: wire copy capitalises the word after
"U.S." ("the U.S. Group", "the U.S. Firm") and plural titles; a country's delegation, government or
officials still stand for their side."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text, unnamed", [
    ("Peter Novak held talks with the U.S. Group on Monday.", "U.S. Group"),
    ("Anna Moravec held talks with the U.S. Firm on Friday.", "U.S. Firm"),
    ("Anna Moravec, in Washington for talks with U.S. Bankers, said the loan was close.",
     "U.S. Bankers"),
    ("Peter Novak met the U.S. Company in Valoria on Monday.", "U.S. Company"),
])
def test_a_capitalised_common_noun_is_no_party(nlp, text, unnamed):
    assert not any(unnamed in names for names in pairs(nlp, text))


@pytest.mark.parametrize("text, party", [
    ("Anna Moravec held talks with U.S. Officials on Friday.", "United States"),
    ("Anna Moravec met the Valorian Government on Friday.", "Valorian Government"),
    ("Anna Moravec met the U.S. Delegation on Friday.", "U.S. Delegation"),
    ("Anna Moravec met executives of Keller Group Inc on Friday.", "Keller Group Inc"),
    ("Anna Moravec held talks with Indian Bank on Friday.", "Indian Bank"),
])
def test_a_country_side_or_a_named_body_stays_a_party(nlp, text, party):
    assert frozenset({"Anna Moravec", party}) in pairs(nlp, text)
