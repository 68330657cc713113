"""The fitted meeting scorer: candidates the rules leave, accepted or rejected, on sentences
written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

from kg.extract.meeting_candidates import Role, linked, trigger_class
from kg.extract.meeting_scorer import load_model, probability, scored_meetings
from kg.extract.meetings import find_meetings
from kg.extract.pipeline import set_doc_context


def _role(side: str, speaker: bool = False) -> Role:
    return Role(f"|{side}", side, 1, False, (), (side,), speaker)


def test_roles_on_two_sides_are_linked_and_one_side_only_when_listed():
    assert linked(_role("subj"), _role("with"), coordinated=False)
    assert not linked(_role("subj"), _role("subj"), coordinated=False)
    assert linked(_role("subj"), _role("subj"), coordinated=True)  # "X and Y met"
    assert linked(_role("between"), _role("between"), coordinated=False)
    assert not linked(_role("subj", speaker=True), _role("with"), coordinated=False)
    assert not linked(_role("other"), _role("with"), coordinated=False)


def test_trigger_classes_cover_verbs_and_nouns():
    assert trigger_class("confer", "VERB") == "v_meet"
    assert trigger_class("negotiation", "NOUN") == "n_talks"
    assert trigger_class("meeting", "VERB") is None
    assert trigger_class("announce", "VERB") is None


def test_shipped_model_has_weights_and_a_threshold():
    weights, threshold = load_model()
    assert "bias" in weights and 0.5 <= threshold < 1.0
    assert probability({"bias": 1.0}, weights) < threshold  # a bare candidate is not enough


def _doc(nlp, text):
    doc = set_doc_context(nlp.make_doc(text), "t", None)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    return doc


FOUND = [
    ("During his stay in Bonn, Dutch Prime Minister Pieter Vos conferred at length with "
     "Chancellor Olaf Brandt.", {"Pieter Vos", "Olaf Brandt"}, "Bonn", None),  # the stay's
    ("Chancellor Olaf Brandt's conference with Prime Minister Pieter Vos in Bonn on Monday "
     "produced no agreement.", {"Olaf Brandt", "Pieter Vos"}, "Bonn", "Monday"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "place", "time"), FOUND)
def test_scorer_finds_what_the_rules_miss(nlp, text, names, place, time):
    doc = _doc(nlp, text)
    index = doc._.kg_entities
    assert find_meetings(doc, index, scored=False) == []
    added = scored_meetings(doc, index, [])
    assert added and all(m.confidence >= load_model()[1] for m in added)
    seen = meetings(nlp, text)
    assert [m.names for m in seen] == [frozenset(names)]
    assert (seen[0].place, seen[0].time, seen[0].status) == (place, time, "happened")


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # a telephone call about talks
        "Prime Minister Anna Holm telephoned President Victor Lund on Monday to discuss the "
        "arms talks.",
        # an invitation and a proposal
        "President Victor Lund sent a letter to Chancellor Olaf Brandt proposing a summit "
        "in Vienna.",
        "Chancellor Olaf Brandt invited President Victor Lund to a summit in Bonn next year.",
        # a conditional meeting
        "Senator Mark Hale said he would meet Secretary Ruth Cole only if the bill passed.",
        # a meeting only wished for
        "Senator Mark Hale said he would welcome talks with Secretary Ruth Cole.",
        # parties of another clause than the meeting's
        "Minister Karl Dorn and Governor Eva Stahl left Geneva after Minister Ivo Petrov "
        "started talks with the creditor banks.",
    ],
)
def test_near_misses_are_rejected(nlp, text):
    names = {n for m in meetings(nlp, text) for n in m.names}
    if "Ivo Petrov" in text:
        assert not {"Karl Dorn", "Eva Stahl"} & names
    else:
        assert meetings(nlp, text) == []


@pytest.mark.model
def test_rules_keep_precedence_in_their_sentences(nlp):
    text = ("Chancellor Olaf Brandt met President Victor Lund in Bonn on Monday. "
            "During his stay in Bonn, Dutch Prime Minister Pieter Vos conferred at length with "
            "Chancellor Olaf Brandt.")
    doc = _doc(nlp, text)
    rules = find_meetings(doc, doc._.kg_entities, scored=False)
    both = find_meetings(doc, doc._.kg_entities)
    assert [m.provenance.sentence_index for m in rules] == [0]
    assert [m.provenance.sentence_index for m in both] == [0, 1]
    assert both[0] == rules[0]  # the rule's meeting, unchanged
    assert both[1].confidence == round(both[1].confidence, 4) < 1.0
