"""Defects a reading of dcf1462..e43a257 found (seventeenth session, helper 17u): a denied
affirmation of a hesitating head."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

#: A Friday.
FRI = date(2026, 3, 13)


@pytest.mark.parametrize("text", [
    "Peter Novak denied that he did not hesitate to meet Anna Moravec.",
    "Peter Novak denied he never failed to meet Anna Moravec.",
])
def test_a_denied_affirmation_of_a_hesitating_head_negates(nlp, text):
    # e43a257 read "did not hesitate to meet Y" as held, also when the whole is denied
    assert [m.status for m in meetings(nlp, text, FRI)] == ["negated"]


@pytest.mark.parametrize("text", [
    "Peter Novak is meeting Anna Moravec on the 20th.",
    "Peter Novak is meeting Anna Moravec on the 24th in Oslo.",
])
def test_a_progressive_dated_by_an_ordinal_day_alone_is_an_arrangement(nlp, text):
    # dfb1f59 counted an ordinal day only beside a month ("on March 20th")
    assert [m.status for m in meetings(nlp, text, FRI)] == ["planned"]


@pytest.mark.parametrize("text", [
    "Peter Novak was meeting Anna Moravec on the 20th.",
    "Peter Novak is meeting Anna Moravec for the 5th time.",
])
def test_an_ordinal_day_in_the_past_or_a_count_is_no_arrangement(nlp, text):
    assert "planned" not in [m.status for m in meetings(nlp, text, FRI)]
