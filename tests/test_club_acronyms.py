"""An acronym the gazetteer knows as a club of countries ("EC") is that club, though another
name's initials spell it too (kg/extract/entities/entities.py). Sentences written for these
tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings, run

from kg.model import EntityType

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    "The European Commission proposed a new levy. Peter Novak, who chaired a meeting of EC "
    "farm ministers which ended today, said the levy would fail.",
    "The EC Commission proposed a new fund. Peter Novak addressed a meeting of EC foreign "
    "ministers on the budget on Monday.",
])
def test_ec_ministers_are_not_the_commission(nlp, text):
    assert {m.names for m in meetings(nlp, text)} == {frozenset({"Peter Novak", "EC"})}


@pytest.mark.parametrize("long", ["Organization of Petroleum Exporting Countries",
                                  "Organization of the Petroleum Exporting Countries"])
def test_a_club_acronym_still_joins_its_own_long_form(nlp, long):
    # with or without "the" inside: the gazetteer lists one spelling
    x = run(nlp, f"The {long} raised its output. OPEC said prices would hold.")
    orgs = [e for e in x.entities if e.type is EntityType.ORGANIZATION]
    assert [e.label for e in orgs] == [long]
    assert "OPEC" in orgs[0].aliases
