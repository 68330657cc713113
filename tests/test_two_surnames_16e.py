"""A person named with two family names is called by the first of them later (16e), but only
where no other reading fits: a second person of that family name, a place, a given name,
a company's name (16e2)."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, pairs, run

from kg.model import EntityType

model = pytest.mark.model

STORY = ("Valoria's central bank governor Pedro Novak Keller said the plan would be accepted. "
         "Novak met Anna Moravec of the Norland Development Bank on Monday, and the two "
         "agreed on a timetable.")


@model
def test_the_first_family_name_joins_the_full_name(nlp):
    x = run(nlp, STORY)
    people = {e.label for e in x.entities if e.type is EntityType.PERSON}
    assert "Pedro Novak Keller" in people
    assert "Novak" not in {e.label for e in x.entities}


@model
def test_the_meeting_names_the_person_in_full(nlp):
    found = pairs(nlp, STORY)
    assert any("Pedro Novak Keller" in p for p in found), found
    assert not any("Novak" in p for p in found), found


@model
def test_a_second_person_of_the_family_name_keeps_the_short_form(nlp):
    text = ("Peter Novak Keller met Anna Moravec in Valoria on Tuesday. Opposition leader "
            "Ivan Novak said the accord was weak, and Novak later met Paul Keller in Valoria.")
    found = pairs(nlp, text)
    assert frozenset({"Ivan Novak", "Paul Keller"}) in found, found
    assert "Novak" not in {e.label for e in run(nlp, text).entities}


@model
def test_a_place_in_the_middle_of_a_name_stays_a_place(nlp):
    text = ("Chilean trade envoy Juan Santiago Rivera arrived on Sunday. He met Anna Moravec "
            "in Santiago on Monday. Santiago officials said the talks were useful.")
    names = clusters(nlp, text)
    assert "Santiago" not in names.get("Juan Santiago Rivera", set()), names


@model
def test_a_titled_given_name_is_another_person(nlp):
    text = ("The banker John Paul Keller arrived in Rome on Tuesday. Pope Paul met Anna "
            "Moravec on Wednesday at the Vatican.")
    found = pairs(nlp, text)
    assert not any("John Paul Keller" in p for p in found), found


@model
def test_a_word_that_begins_another_name_is_a_given_name(nlp):
    text = ("The lawyer Mary Ann Keller met Peter Novak on Monday. Ann Moravec, an adviser to "
            "the board, said Ann would attend the next round of talks.")
    names = clusters(nlp, text)
    assert "Ann" not in names.get("Mary Ann Keller", set()), names


@model
def test_a_word_of_a_company_name_is_no_person(nlp):
    text = ("Valoria's finance minister Peter Novak Keller said on Monday the budget was "
            "ready. Novak Industries chief Tomas Brandt met Paul Keller in Valoria on Tuesday.")
    names = clusters(nlp, text)
    assert not any(m == "Novak" for m in names.get("Peter Novak Keller", set())), names


@model
def test_an_office_title_on_the_first_family_name_keeps_the_person(nlp):
    # The full name came untitled; "President Novak" is the same man (the final reading).
    text = ("Pedro Novak Keller met Anna Moravec on Monday. President Novak met Tomas Brandt "
            "on Friday.")
    found = pairs(nlp, text)
    assert frozenset({"Pedro Novak Keller", "Tomas Brandt"}) in found, found
