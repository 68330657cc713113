"""Issue 2's seed at the extraction level: exactly three meetings, with their attributes."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

from kg.sources.articles import parse_txt

pytestmark = pytest.mark.model


def test_seed_gives_exactly_the_three_meetings(nlp, seed_path):
    article = parse_txt(seed_path.read_text(encoding="utf-8"), seed_path.stem)
    got = {(m.names, m.status, m.place, m.time) for m in meetings(nlp, article.text)}
    assert got == {
        (frozenset({"Vladimir Putin", "Steve Witkoff"}), "planned", "Moscow", "Tuesday"),
        (frozenset({"Volodymyr Zelensky", "Emmanuel Macron"}), "happened", "Paris", "Monday"),
        (frozenset({"American delegation", "Ukrainian delegation"}), "happened", "Miami", None),
    }
