"""A place the parser hangs on the body a party's people are "of" places the meeting:
"met officials of the Trade Board in Geneva" was met in Geneva (seventeenth session)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

DAY = date(1987, 3, 3)


@pytest.mark.parametrize("text, place", [
    ("Anna Moravec met officials of the Norland Trade Board in Geneva on Monday.", "Geneva"),
    ("Anna Moravec will meet officials of Norland Steel Corp in Oslo next week.", "Oslo"),
    ("Talks between officials of Norway and Sweden in Oslo will open on Friday.", "Oslo"),
])
def test_the_place_on_the_body_of_the_people_met(nlp, text, place):
    got = meetings(nlp, text, DAY)
    assert got and all(m.place == place for m in got), got


def test_a_place_on_a_topic_of_the_body_is_not_the_meeting_place(nlp):
    got = meetings(nlp, "Anna Moravec discussed the future of the Norland Trade Board in "
                        "Geneva with Peter Novak.", DAY)
    assert got and all(m.place is None for m in got), got


def test_the_meeting_place_wins_over_a_place_inside_an_apposed_description(nlp):
    got = meetings(nlp, "Anna Moravec met Peter Novak, head of the Valoria branch in Tokyo, "
                        "in London on Monday.", DAY)
    assert [m.place for m in got] == ["London"], got
