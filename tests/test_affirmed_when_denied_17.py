"""A head verb whose negation affirms what it governs: "did not hesitate to meet Y" met Y
(seventeenth session; review-17t finding 6)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import statuses

pytestmark = pytest.mark.model



@pytest.mark.parametrize("text, status", [
    ("Peter Novak did not hesitate to meet Anna Moravec.", "happened"),
    ("Peter Novak did not fail to meet Anna Moravec on Monday.", "happened"),
    ("Peter Novak will not hesitate to meet Anna Moravec.", "planned"),
    ("Peter Novak did not hesitate to fly to Oslo to meet Anna Moravec.", "planned"),
])
def test_a_denied_hesitation_affirms_the_meeting(nlp, text, status):
    assert statuses(nlp, text, date(2026, 3, 13)) == [status]


@pytest.mark.parametrize("text", [
    "Peter Novak failed to meet Anna Moravec.",
    "Peter Novak did not refuse to meet Anna Moravec.",
    "Peter Novak refused to meet Anna Moravec.",
])
def test_other_negations_stay_negated(nlp, text):
    assert "negated" in statuses(nlp, text, date(2026, 3, 13))


@pytest.mark.parametrize("text, status", [
    ("Peter Novak forgot to meet Anna Moravec.", "negated"),
    ("Peter Novak neglected to meet Anna Moravec.", "negated"),
    ("Peter Novak forgot meeting Anna Moravec.", "happened"),
    ("Peter Novak did not forget to meet Anna Moravec.", "happened"),
])
def test_a_lapse_takes_its_infinitive_with_it(nlp, text, status):
    # review-17u finding 4
    assert statuses(nlp, text, date(2026, 3, 13)) == [status]
