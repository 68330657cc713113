"""A topic under negotiation is no meeting (the guide: "negotiations ... are continuing" is not
gold): "a venture under discussion between A and B". Negotiating, dated or not, and talks being
held still are (test_meetings_modality keeps "they were negotiating a deal"). Sentences written
for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model

PAIR = frozenset({"Keller Steel", "Novak Holdings"})


@pytest.mark.parametrize(
    "text",
    [
        "The partners are studying a chip venture currently under discussion between Keller "
        "Steel and Novak Holdings.",
    ],
)
def test_a_topic_under_discussion_is_no_meeting(nlp, text):
    assert PAIR not in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Keller Steel is negotiating with Novak Holdings in Vienna this week.",
        "Keller Steel negotiated with Novak Holdings on Monday.",
        "Keller Steel will negotiate with Novak Holdings next month.",
        "Keller Steel and Novak Holdings are holding talks on a merger.",
        "Keller Steel has been negotiating with Novak Holdings for a new supply contract.",
    ],
)
def test_a_dated_finished_or_held_negotiation_is_a_meeting(nlp, text):
    assert PAIR in pairs(nlp, text)
