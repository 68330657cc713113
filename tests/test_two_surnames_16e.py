"""A person named with two family names is called by the first of them later (16e)."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs, run

from kg.model import EntityType

pytestmark = pytest.mark.model

STORY = ("Valoria's central bank governor Pedro Novak Keller said the plan would be accepted. "
         "Novak met Anna Moravec of the Norland Development Bank on Monday, and the two "
         "agreed on a timetable.")


def test_the_first_family_name_joins_the_full_name(nlp):
    x = run(nlp, STORY)
    people = {e.label for e in x.entities if e.type is EntityType.PERSON}
    assert "Pedro Novak Keller" in people
    assert "Novak" not in {e.label for e in x.entities}


def test_the_meeting_names_the_person_in_full(nlp):
    found = pairs(nlp, STORY)
    assert any("Pedro Novak Keller" in p for p in found), found
    assert not any("Novak" in p for p in found), found


def test_a_country_is_no_first_family_name():
    from kg.extract.entities.names import surname_match

    assert surname_match(("keller",), ("anna", "keller", "moravec"))
    assert not surname_match(("chile",), ("banco", "chile", "norte"))
