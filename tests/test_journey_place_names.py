"""A person and the place of a journey written alike stay two entities: "Keller, chairman of
the panel, will fly to Keller" names a man and the town he flies to (review of session 14)."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs, run

pytestmark = pytest.mark.model


def _mentions(nlp, text):
    """Entity key -> the offsets and texts of its mentions."""
    x = run(nlp, text)
    return {e.key: sorted((m.start, m.text) for m in e.mentions) for e in x.entities}


def test_a_journeys_place_is_not_the_person_of_its_name(nlp):
    got = _mentions(nlp, "Brandt, chairman of the panel, will fly to Brandt on Monday to meet "
                         "Peter Novak.")
    assert got["person:brandt"] == [(0, "Brandt")]
    assert got["place:brandt"] == [(43, "Brandt")]


def test_a_person_shown_by_a_title_is_not_lost_to_a_place_of_his_name(nlp):
    text = "Keller, chairman of the panel, said he would fly to Keller next week to meet Peter Novak."
    got = _mentions(nlp, text)
    assert got["person:keller"] == [(0, "Keller"), (36, "he")]
    assert got["place:keller"] == [(52, "Keller")]
    assert frozenset({"Keller", "Peter Novak"}) in pairs(nlp, text)
