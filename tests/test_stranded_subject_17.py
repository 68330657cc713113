"""A second clause's subject the small parser hangs on the first clause ("A met B and C met
D": C coordinated with B, or with a place or a day) is that clause's subject: C met D, not A
(seventeenth session; review-17q's old defect)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})
MORAVEC_LENZ = frozenset({"Anna Moravec", "Karl Lenz"})


def _seen(nlp, text):
    return {(m.names, m.place, m.time) for m in meetings(nlp, text, date(2026, 3, 13))}


@pytest.mark.parametrize("text, first, second", [
    ("Peter Novak met Paul Keller and Anna Moravec met Karl Lenz.", (None, None), (None, None)),
    ("Peter Novak met Paul Keller in Geneva and Anna Moravec met Karl Lenz in Paris.",
     ("Geneva", None), ("Paris", None)),
    ("Peter Novak met Paul Keller on Monday and Anna Moravec met Karl Lenz on Tuesday.",
     (None, "Monday"), (None, "Tuesday")),
    ("Peter Novak met Paul Keller and Anna Moravec talked with Karl Lenz.",
     (None, None), (None, None)),
])
def test_the_second_clause_has_its_own_subject(nlp, text, first, second):
    assert _seen(nlp, text) == {(NOVAK_KELLER, *first), (MORAVEC_LENZ, *second)}


def test_a_journey_s_place_is_not_another_subject_s_meeting(nlp):
    assert _seen(nlp, "Peter Novak visited Oslo and Anna Moravec met Karl Lenz.") == {
        (MORAVEC_LENZ, None, None)}


def test_a_shared_subject_stays_shared(nlp):
    got = _seen(nlp, "Peter Novak met Paul Keller and Anna Moravec, and met Karl Lenz on "
                     "Friday.")
    assert (frozenset({"Peter Novak", "Karl Lenz"}), None, "Friday") in got


@pytest.mark.parametrize("text, second", [
    ("Peter Novak met Paul Keller and Anna Moravec will meet Karl Lenz on Friday.",
     (None, "Friday")),
    ("Peter Novak met Paul Keller and Anna Moravec did not meet Karl Lenz.", (None, None)),
])
def test_a_stranded_subject_before_its_verb_s_auxiliaries(nlp, text, second):
    assert (MORAVEC_LENZ, *second) in _seen(nlp, text)
    assert all("Karl Lenz" not in names or "Peter Novak" not in names
               for names, _, _ in _seen(nlp, text))


@pytest.mark.parametrize("text", [
    "Peter Novak met Paul Keller and Anna Moravec to discuss trade.",
    "Peter Novak met Paul Keller and Anna Moravec having agreed to talk.",
])
def test_an_infinitive_or_participle_after_a_list_keeps_its_last_item(nlp, text):
    assert any("Anna Moravec" in names for names, _, _ in _seen(nlp, text))


@pytest.mark.parametrize("text", [
    "Peter Novak met Paul Keller and Anna Moravec will also meet Karl Lenz.",
    "Peter Novak met Paul Keller and Anna Moravec has already met Karl Lenz.",
])
def test_an_adverb_between_the_auxiliary_and_the_verb(nlp, text):
    # review-17w finding 1
    got = _seen(nlp, text)
    assert (MORAVEC_LENZ, None, None) in got and (NOVAK_KELLER, None, None) in got, got


def test_a_participle_after_an_adverb_opens_no_clause(nlp):
    got = _seen(nlp, "Peter Novak met Paul Keller and Anna Moravec also hoping to end the "
                     "dispute.")
    assert any("Anna Moravec" in names for names, _, _ in got), got
