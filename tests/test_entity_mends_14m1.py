"""Mends of the entity stage: a fronted "his"/"her" of what another person did or suffered is
not the subject's, and the person cues stand back for a body's "its", an unnamed person
before the name and a person three sentences back."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, pairs
from spacy.tokens import Span
from test_person_cues_14r import _pairs, _people, _run

from kg.extract.entities.person_cues import people_by_cue

pytestmark = pytest.mark.model


def test_her_of_a_request_stays_with_the_one_who_asked(nlp):
    text = ("Anna Moravec asked for the talks. At her request, Paul Keller will fly to Oslo on "
            "Monday. He will meet Peter Novak there.")
    got = clusters(nlp, text)
    assert "her" not in got["Paul Keller"]
    assert frozenset({"Paul Keller", "Peter Novak"}) in pairs(nlp, text)
    assert frozenset({"Anna Moravec", "Peter Novak"}) not in pairs(nlp, text)


def test_his_of_an_absence_stays_with_the_one_away(nlp):
    text = ("Peter Novak is ill with influenza. In his absence, Paul Keller will chair the "
            "meeting on Monday.")
    assert "his" not in clusters(nlp, text)["Paul Keller"]


def test_a_body_with_its_own_its_stays_a_body(nlp):
    text = ("Marvelli, head of the consortium building the dam, said its bid was the lowest. "
            "He met Paul Keller on Monday.")
    x = _run(nlp, text, {"Marvelli": "ORG"})
    assert "Marvelli" not in _people(x)
    assert frozenset({"Marvelli", "Paul Keller"}) not in _pairs(x)


def test_an_unnamed_chairman_before_the_pronoun_keeps_the_company_a_company(nlp):
    text = ("Kestrel Brandt named a new chairman on Monday, and he will meet Paul Keller in "
            "May.")
    x = _run(nlp, text, {"Kestrel Brandt": "ORG"})
    assert "Kestrel Brandt" not in _people(x)


def test_a_person_two_sentences_back_keeps_the_company_a_company(nlp):
    text = ("Peter Novak resigned on Monday. The board gave no reason. Kestrel Brandt said his "
            "successor would be named soon.")
    x = _run(nlp, text, {"Kestrel Brandt": "ORG"})
    assert "Kestrel Brandt" not in _people(x)




@pytest.mark.parametrize("text", [
    "Anselm Vorka, deputy of the Valorian assembly, arrived on Monday.",  # any title word
    "Marcus Fairbank, chairman of the panel, arrived on Monday.",  # "-bank" ends a surname too
])
def test_the_title_cue_reads_the_title_gazetteer_and_any_surname(nlp, text):
    doc = nlp(text)
    assert people_by_cue([Span(doc, 0, 2, label="ORG")]).spans[0].label_ == "PERSON"
