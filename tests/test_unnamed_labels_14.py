"""A label dropped as no one's name ("the U.S. Group") leaves its tokens marked, so a triple's
argument holding them takes no other entity; a country's own name before a group noun ("the
Australia Group") may be a body's name and stays an entity."""

from __future__ import annotations

import pytest
from meeting_helpers import run

pytestmark = pytest.mark.model


def test_a_dropped_label_gives_its_argument_no_other_entity(nlp):
    x = run(nlp, "The U.S. Group said it would buy the Valoria plant from Peter Novak.")
    [said] = [t for t in x.triples if t.predicate == "say"]
    assert said.subject.entity is None
    # "it" is the dropped group, not the place named after it in the same clause
    assert said.object is not None and said.object.entity is None


def test_a_country_name_before_a_group_noun_can_name_a_body(nlp):
    x = run(nlp, "Peter Novak met officials of the Australia Group in Paris.")
    assert "Australia Group" in {e.label for e in x.entities}
    x = run(nlp, "Peter Novak met officials of the Japanese Group in Paris.")
    assert not any("Group" in e.label for e in x.entities)
