"""A journey that is refused, declined or failed takes its meeting with it: "refused to fly to
Oslo to meet Y" is negated, as "did not fly to Oslo to meet Y" already was (seventeenth
session; review-17s finding 11)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import statuses

pytestmark = pytest.mark.model



@pytest.mark.parametrize("text", [
    "Peter Novak refused to fly to Oslo to meet Anna Moravec.",
    "Peter Novak declined to travel to Oslo to meet Anna Moravec.",
    "Peter Novak refused to fly to Oslo to meet Anna Moravec tomorrow.",
    "Peter Novak was unable to travel to Oslo to meet Anna Moravec.",
])
def test_a_refused_journey_negates_its_meeting(nlp, text):
    assert statuses(nlp, text, date(2026, 3, 13)) == ["negated"]


@pytest.mark.parametrize("text, status", [
    ("Peter Novak agreed to fly to Oslo to meet Anna Moravec.", "planned"),
    ("Peter Novak is expected to fly to Oslo to meet Anna Moravec.", "planned"),
    ("Peter Novak, who refused to fly to Oslo, met Anna Moravec in Paris.", "happened"),
])
def test_a_journey_planned_or_a_refusal_elsewhere_reads_as_before(nlp, text, status):
    assert statuses(nlp, text, date(2026, 3, 13)) == [status]
