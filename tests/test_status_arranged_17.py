"""The present progressive dated by a day of its own is an arrangement, planned ("is meeting
Y on Saturday"); under way, past or undated it is not (seventeenth session)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import statuses

pytestmark = pytest.mark.model

#: A Friday.
_PUBLISHED = date(2026, 3, 13)


@pytest.mark.parametrize("text", [
    "Peter Novak is meeting Anna Moravec on Saturday.",
    "Peter Novak and Anna Moravec are meeting on Saturday in Oslo.",
    "Peter Novak is holding talks with Anna Moravec on Monday.",
    "Peter Novak visited Valoria last month and is meeting Anna Moravec on March 20.",
])
def test_a_progressive_with_a_day_of_its_own_is_planned(nlp, text):
    assert statuses(nlp, text, _PUBLISHED) == ["planned"]


@pytest.mark.parametrize("text", [
    "Peter Novak was meeting Anna Moravec on Monday when the news broke.",
    "Peter Novak is meeting Anna Moravec today.",
    "Peter Novak met Anna Moravec on Saturday.",
])
def test_past_under_way_or_done_is_not_an_arrangement(nlp, text):
    assert statuses(nlp, text, _PUBLISHED) == ["happened"]
