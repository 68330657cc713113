"""A pronoun in a phrase put before its sentence's named subject is that subject ("In his
speech, Keller said"), not the person the sentence before named."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, pairs

pytestmark = pytest.mark.model


def test_his_in_a_fronted_phrase_is_the_subject_after_it(nlp):
    text = ("Peter Novak said on Monday that the trade talks had stalled. During his visit to "
            "Oslo next week, Paul Keller will meet Anna Moravec.")
    got = clusters(nlp, text)
    assert "his" in got["Paul Keller"] and "his" not in got["Peter Novak"]
    assert pairs(nlp, text) == {frozenset({"Paul Keller", "Anna Moravec"})}


def test_a_subject_pronoun_in_a_fronted_clause(nlp):
    text = ("Peter Novak said on Monday that prices would rise. Asked whether he would resign, "
            "Paul Keller said he had no such plans.")
    got = clusters(nlp, text)
    assert "he" in got["Paul Keller"] and "he" not in got["Peter Novak"]


def test_an_object_pronoun_in_the_main_clause_keeps_the_pronoun_for_another(nlp):
    text = ("Peter Novak flew to Oslo on Monday. When he arrived, Paul Keller met him at the "
            "airport.")
    assert "he" not in clusters(nlp, text)["Paul Keller"]


def test_a_pronoun_in_a_quote_is_left_to_the_quote_rules(nlp):
    text = ("Peter Novak said on Monday that prices would rise. \"In his view, the talks will "
            "fail,\" Paul Keller said.")
    assert "his" not in clusters(nlp, text)["Paul Keller"]
