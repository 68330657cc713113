"""The fitted meeting scorer: candidates the rules leave, accepted or rejected, on sentences
written for these tests."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import pytest
from meeting_helpers import meetings

import kg
from kg.extract.meetings.meeting_candidates import TRIGGER_GATES, trigger_class
from kg.extract.meetings.meeting_roles import GATES, Role, gate, linked, role_of
from kg.extract.meetings.meeting_scorer import (
    WEIGHTS_FILE,
    Model,
    load_model,
    probability,
    scored_meetings,
    sentence_candidates,
)
from kg.extract.meetings.meetings import find_meetings
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


def test_shipped_model_has_weights_and_a_threshold_fitted_on_development_articles():
    model = load_model()
    assert "bias" in model.weights and 0.5 <= model.threshold < 1.0
    assert model.loose <= set(GATES) | set(TRIGGER_GATES)
    meta = json.loads((Path(kg.__file__).parent / "data" / WEIGHTS_FILE).read_text())
    assert "development half" in meta["fitted_on"] and "validation" not in meta["fitted_on"]
    # A candidate the parse reads as reported by a speaker on a call is not enough.
    assert probability({"bias": 1.0, "gov_say": 1.0, "cue_phone": 1.0, "status:negated": 1.0},
                       model.weights) < model.threshold


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
    assert added and all(m.confidence >= load_model().threshold for m in added)
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


# The scorer refitted on the extra development articles: construction families the rules
# leave, each with a sentence written for it.
FAMILIES = [
    # a visit during which the visitor discussed something with a host
    ("Director Paula Grant paid a brief visit to Norland during which she discussed the "
     "harvest with President Omar Velez.", {"Paula Grant", "Omar Velez"}, "happened", None,
     None),
    # a discussion with a named counterpart, with its place and day
    ("Minister Jan Roth discussed the grain deal with Ambassador Leo Faber in Oslo on Friday.",
     {"Jan Roth", "Leo Faber"}, "happened", "Oslo", "Friday"),
    # a journey to discuss something with a named counterpart
    ("Minister Jan Roth will fly to Oslo on Monday to discuss the grain deal with Ambassador "
     "Leo Faber.", {"Jan Roth", "Leo Faber"}, "planned", "Oslo", "Monday"),
]


@pytest.mark.model
@pytest.mark.parametrize(("text", "names", "status", "place", "time"), FAMILIES)
def test_refitted_scorer_adds_pairs_the_rules_miss(nlp, text, names, status, place, time):
    doc = _doc(nlp, text)
    assert find_meetings(doc, doc._.kg_entities, scored=False) == []
    seen = [m for m in meetings(nlp, text) if m.names == frozenset(names)]
    assert [(m.status, m.place, m.time) for m in seen] == [(status, place, time)]


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        # co-attendees of a conference, and one who comes along with another
        "Minister Jan Roth and Ambassador Leo Faber attended the trade conference in Oslo.",
        "Chairman Hal Dorsey is expected to attend the shareholders' meeting, along with "
        "President Walt Keene and two other directors.",
        # a call and a letter to discuss something
        "Minister Jan Roth telephoned Ambassador Leo Faber on Friday to discuss the grain deal.",
        "Minister Jan Roth wrote to Ambassador Leo Faber to discuss the grain deal.",
        # a proposal and a condition
        "Minister Jan Roth proposed talks with Ambassador Leo Faber on the grain deal.",
        "Minister Jan Roth said he would discuss the grain deal with Ambassador Leo Faber if "
        "the vote passed.",
        # a reflexive object is no counterpart
        "\"He talked himself into a corner,\" Ambassador Leo Faber said of Minister Jan Roth.",
        # a visit that is only the topic of a briefing
        "Aide Mary Cole briefed Senator Owen Price on Governor Ada Kell's visit to Canada.",
        # a meeting that only dates what the two do
        "Senator Owen Price will succeed Governor Ada Kell after the annual meeting in May.",
    ],
)
def test_refitted_scorer_rejects_near_misses(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.model
def test_gates_and_sides_read_off_the_parse(nlp):
    doc = nlp("Chairman Hal Dorsey is expected to attend the shareholders' meeting, along "
              "with President Walt Keene and two other directors.")
    attend = next(t for t in doc if t.lemma_ == "attend")
    dorsey = role_of(attend, next(t for t in doc if t.text == "Dorsey"))
    keene = role_of(attend, next(t for t in doc if t.text == "Keene"))
    assert dorsey is not None and keene is not None
    assert (dorsey.side, keene.side) == ("subj", "subj")  # both attend
    assert gate(dorsey, keene, coordinated=False, reciprocal=False) == "same_side"
    doc = nlp("Aide Mary Cole briefed Senator Owen Price on Governor Ada Kell's visit.")
    visit = next(t for t in doc if t.lemma_ == "visit")
    price = role_of(visit, next(t for t in doc if t.text == "Price"))
    assert price is not None and price.elsewhere  # the visit is what the briefing is on
    assert gate(price, price, coordinated=False, reciprocal=True) == "elsewhere"


@pytest.mark.model
def test_a_model_fitted_beside_the_rules_adds_only_the_pairs_they_lack(nlp):
    text = "Chancellor Olaf Brandt met President Victor Lund and Prime Minister Pieter Vos."
    doc = _doc(nlp, text)
    index = doc._.kg_entities
    rules = find_meetings(doc, index, scored=False)
    assert len(rules) == 1
    accept_all = Model({"bias": 5.0}, 0.5)
    assert scored_meetings(doc, index, rules, accept_all) == []  # the sentence is the rules'
    beside = scored_meetings(doc, index, rules, replace(accept_all, beside_rules=True))
    given = {frozenset(m.participants) for m in rules}
    assert all(not set(m.participants) <= p for m in beside for p in given)


@pytest.mark.model
@pytest.mark.parametrize(
    ("text", "why"),
    [
        # a meeting word the rules exclude: a condition
        ("Senator Mark Hale said he would meet Secretary Ruth Cole only if the bill passed.",
         "excluded"),
        # two parties on one side, facing an unnamed other
        ("Minister Jan Roth and Ambassador Leo Faber met local bankers in Oslo on Friday.",
         "unnamed"),
    ],
)
def test_generator_gates_are_features_only_when_the_model_weighs_them(nlp, text, why):
    doc = _doc(nlp, text)
    index = doc._.kg_entities
    assert sentence_candidates(doc, index) == []  # vetoed, as the rules veto them
    weighed = sentence_candidates(doc, index, loose=frozenset(TRIGGER_GATES))
    assert [c.features.get(f"gate:{why}") for _, _, c in weighed] == [1.0]
    assert why in TRIGGER_GATES
