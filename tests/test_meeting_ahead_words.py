"""A meeting noun's own word for ahead ("the coming talks") plans it, one list of such words
for every status rule (final reading of session 15, finding 4). Sentences written for these
tests."""

from __future__ import annotations

import pytest
from meeting_helpers import FRI, run

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "Peter Novak prepared for the coming talks with Paul Keller.",
    "The coming talks between Peter Novak and Paul Keller worried investors.",
    "Peter Novak hailed the coming meeting with Paul Keller.",
    # the words it always read
    "Peter Novak hailed the upcoming meeting with Paul Keller.",
])
def test_a_meeting_called_coming_is_planned(nlp, text):
    assert [m.status.value for m in run(nlp, text, FRI).meetings] == ["planned"]
