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


@pytest.mark.parametrize("text, name", [
    ("Sam Houston met Peter Novak on Monday. The job went to Houston after a vote.", "Houston"),
    ("Anna Washington met Peter Novak on Monday. The contract went to Washington.",
     "Washington"),
    ("Sam Houston met Peter Novak on Monday. The offer came from Houston, Novak said.",
     "Houston"),
    ("Keller, chairman of the panel, will meet Peter Novak on Monday. The talks will go to "
     "Keller for approval.", "Keller"),
    ("Keller, chairman of the panel, said on Monday that the plan was sound. Novak then went "
     "to Keller for advice.", "Keller"),
])
def test_what_goes_to_a_person_is_no_journey(nlp, text, name):
    # A thing that goes to or comes from a name, and a person who goes to one, may go to
    # the person: the name stays his.
    got = _mentions(nlp, text)
    assert f"place:{name.casefold()}" not in got
    person = next(k for k, v in got.items() if k.startswith("person:") and v[0][1].endswith(name))
    assert got[person][-1][1] == name


@pytest.mark.parametrize("subject", ["The delegation", "The ministers"])
def test_a_group_that_flies_goes_to_a_place(nlp, subject):
    # Only go and come need a traveller; a group flies as a person does (reading of the
    # session 15 mends, finding 2).
    got = _mentions(nlp, f"Sam Houston met Anna Moravec on Monday. {subject} will fly to "
                         "Houston on Friday.")
    assert [t for _, t in got["person:sam houston"]] == ["Sam Houston"]
    assert [t for _, t in got["place:houston"]] == ["Houston"]


def test_leaving_something_for_a_person_is_no_journey(nlp):
    # "left a note for Keller" gives something to him (finding 3).
    got = _mentions(nlp, "Paul Keller, chairman of the panel, met Anna Moravec on Monday. "
                         "Peter Novak left a note for Keller.")
    assert "place:keller" not in got
    assert [t for _, t in got["person:paul keller"]] == ["Paul Keller", "Keller"]


def test_a_traveller_still_flies_to_a_place(nlp):
    got = _mentions(nlp, "Sam Houston met Peter Novak on Monday. Novak will fly to Houston on "
                         "Friday.")
    assert [t for _, t in got["person:sam houston"]] == ["Sam Houston"]
    assert [t for _, t in got["place:houston"]] == ["Houston"]


@pytest.mark.parametrize("text", [
    "Paul Keller, chairman of the panel, will fly to Keller on Monday to meet Peter Novak.",
    "Keller, chairman of the panel, will fly to Valoria and Keller on Monday to meet Peter Novak.",
    "Keller, chairman of the panel, will leave for Keller on Monday to meet Peter Novak.",
])
def test_a_journeys_place_in_a_list_after_for_or_as_a_surname(nlp, text):
    got = _mentions(nlp, text)
    person = "person:paul keller" if text.startswith("Paul") else "person:keller"
    assert len(got[person]) == 1
    assert [t for _, t in got["place:keller"]] == ["Keller"]


def test_a_person_who_travels_with_the_shown_person_keeps_him(nlp):
    # Keller is a companion here, not where the journey goes.
    got = _mentions(nlp, "Keller, chairman of the panel, met Peter Novak on Monday. Novak will fly "
                         "to Valoria with Anna Moravec and Keller.")
    assert "place:keller" not in got
    assert len(got["person:keller"]) == 2
