"""An acronym of a body named earlier in the story, whose initials the name's words do not
give one for one ("Inter-Valoria": two letters from one word), is that body: one entity, one
key, so that its meetings in other stories are the same body's (issue 18: an event split in
two by an acronym's own key)."""

from __future__ import annotations

import pytest
from meeting_helpers import run


def bodies(nlp, text):
    """Organisation key -> its mention texts."""
    x = run(nlp, text)
    return {e.key: {m.text for m in e.mentions} for e in x.entities
            if e.key.startswith("organization:")}


@pytest.mark.model
def test_a_hyphened_name_and_its_later_acronym_are_one_body(nlp):
    found = bodies(nlp, "Peter Novak met officials of the Inter-Valoria Development Bank in "
                        "Geneva on Monday. The IVDB said the talks went well.")
    assert list(found) == ["organization:inter-valoria development bank"]
    assert "IVDB" in found["organization:inter-valoria development bank"]


@pytest.mark.model
def test_a_name_and_its_plain_acronym_stay_one_body(nlp):
    found = bodies(nlp, "The Valoria Grain Board said on Monday that Peter Novak would meet "
                        "the VGB next week.")
    assert list(found) == ["organization:valoria grain board"]
