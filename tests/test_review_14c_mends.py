"""Mends after the reading of 14c's defect fixes: a course noun with a determiner is a noun
of its own, and a word that opens like a month is no dateline month."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

from kg.sources.text import dateline_day, split_dateline


def test_a_word_opening_like_a_month_is_no_dateline_month() -> None:
    assert dateline_day("SAN MARCO, Mayor 12 -", date(1987, 5, 12)) is None
    assert dateline_day("SAN MARCO, Novel 12 -", date(1987, 11, 12)) is None
    assert dateline_day("SAN MARCO, Marc 12 -", date(1987, 3, 12)) == date(1987, 3, 12)
    assert dateline_day("SAN MARCO, Sept. 12 -", date(1987, 9, 12)) == date(1987, 9, 12)
    assert dateline_day("SAN MARCO, SEPTEMBER 12 -", date(1987, 9, 12)) == date(1987, 9, 12)
    line, body = split_dateline("ORVILLE, Novel 3 - The book fair opened on Monday.")
    assert line is None and body.startswith("ORVILLE")


@pytest.mark.model
def test_a_course_word_with_a_determiner_tells_no_course(nlp) -> None:
    # "a new beginning" is apposed to the counterpart: a noun of its own, not the talks'
    # course, so its Monday is not the talks' time ...
    text = ("Talks with Paul Keller, a new beginning in Valoria on Monday, were held by "
            "Peter Novak.")
    [m] = meetings(nlp, text)
    assert m.names == frozenset({"Peter Novak", "Paul Keller"}) and m.time is None
    # ... while the participle the tagger took for a noun still is.
    [m] = meetings(nlp, "Peter Novak will hold talks with Paul Keller, opening in Valoria on "
                        "Monday.")
    assert m.time == "Monday"
