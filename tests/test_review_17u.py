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
