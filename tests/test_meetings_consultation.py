""""After consultation with X": how a decision was reached, not a meeting held
(kg/extract/meetings/habitual.py). Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The decision to raise fees was taken by the Valoria Exchange after consultation with the "
    "Acme Clearing House, a spokesman said.",
    "No new rules will be adopted until a principle has been set by the Valoria Exchange after "
    "consultation with the Securities Board.",
    # the other talk nouns in the same idiom
    "The Valoria Treasury raised its rates after discussion with the Nordbank.",
    "The Valoria Treasury set the new rates in negotiation with the Nordbank.",
])
def test_after_consultation_with_is_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Peter Novak held consultations with Paul Keller in Lima on Monday.",
    "After a consultation with Paul Keller on Monday, Peter Novak resigned.",
])
def test_consultations_held_are_meetings(nlp, text):
    assert [m.names for m in meetings(nlp, text)] == [frozenset({"Peter Novak", "Paul Keller"})]
