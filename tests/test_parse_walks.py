"""Walks up the parse stop at the sentence's root: spaCy makes a new Token object at every
access, so a root had to be found by index (``tok.head.i == tok.i``), never by identity
(``tok.head is tok`` is always False, and a walk that relied on it ran forever)."""

from __future__ import annotations

import pytest

from kg.extract.meetings.trigger_syntax import proposed


def test_a_token_is_never_its_own_head_by_identity(nlp):
    root = next(t for t in nlp("Peter Novak met Paul Keller.") if t.dep_ == "ROOT")
    assert root.head == root and root.head is not root  # why the walks compare indexes


@pytest.mark.timeout(60)
def test_a_walk_towards_a_verb_of_another_sentence_stops_at_the_root(nlp):
    # The verb is no ancestor of the noun: the walk from "talks" must stop at "went".
    doc = nlp("Peter Novak met Paul Keller. The talks went well.")
    verb = next(t for t in doc if t.lemma_ == "meet")
    talks = next(t for t in doc if t.lower_ == "talks")
    assert proposed(talks, verb) is False
