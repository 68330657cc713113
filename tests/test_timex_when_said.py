"""A date between a saying verb and its reported clause tells when it was said, not the meeting."""

from __future__ import annotations

import pytest

from kg.extract.pipeline import load_nlp


@pytest.fixture(scope="module")
def nlp():
    return load_nlp()


def _times(nlp, text: str) -> list[str | None]:
    return [m.time for m in nlp(text)._.kg_meetings]


def test_the_day_of_saying_is_not_the_day_of_the_meeting(nlp):
    assert _times(nlp, "Peter Novak said on Monday he would meet Paul Keller on Friday.") == \
        ["Friday"]
    assert _times(nlp, "Peter Novak said on Monday he would meet Paul Keller.") == [None]


def test_a_date_inside_the_reported_clause_still_dates_the_meeting(nlp):
    assert _times(nlp, "Peter Novak said he met Paul Keller on Monday.") == ["Monday"]
    assert _times(nlp, "Anna Moravec said that on Tuesday she met Paul Keller in Valoria.") == \
        ["Tuesday"]


def test_a_sentence_opening_date_still_scopes_over_the_meeting(nlp):
    assert _times(nlp, "On Monday Peter Novak met Paul Keller.") == ["Monday"]
