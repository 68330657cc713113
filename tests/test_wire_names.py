"""Parties the reader used to miss: companies as wire copy writes them (in angle brackets, later
by their first word alone), and countries the gazetteer lacked."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs, run
from spacy.lang.en import English
from spacy.tokens import Span

from kg.extract.entities.companies import companies_not_people, untagged_companies
from kg.extract.entities.spans import _bracketed_companies
from kg.model import EntityType


def _labels(x, kind):
    return {e.label for e in x.entities if e.type is kind}


@pytest.mark.model
def test_bracketed_company_after_another_company_is_a_party(nlp):
    # NER takes the bracketed name for a person ending in ">"; it used to be dropped as the
    # first company's ticker, though words stand between them
    text = "Hollis Mining Corp and <Bracken Steel Inc> said they had held merger talks in Toronto."
    assert pairs(nlp, text) == {frozenset({"Hollis Mining Corp", "Bracken Steel Inc"})}


@pytest.mark.model
def test_ticker_right_after_a_company_is_still_no_company(nlp):
    x = run(nlp, "Hollis Mining Corp <HMC.TO> said it held talks with Norland Gas Co on Friday.")
    assert _labels(x, EntityType.ORGANIZATION) == {"Hollis Mining Corp", "Norland Gas Co"}
    assert pairs(nlp, x.article.text) == {frozenset({"Hollis Mining Corp", "Norland Gas Co"})}


@pytest.mark.model
def test_bracketed_company_is_read_whole_whatever_ner_cut(nlp):
    x = run(nlp, "Shares of <Valoria Realty and Trust Co Ltd> rose after it met Anna Moravec.")
    assert "Valoria Realty and Trust Co Ltd" in _labels(x, EntityType.ORGANIZATION)
    assert _labels(x, EntityType.PERSON) == {"Anna Moravec"}


def test_bracket_that_holds_no_name_is_no_company():
    doc = English()("Units of <Bolt Co), and two other firms> and <ACM> and <Banque du Nord> rose")
    assert [s.text for s in _bracketed_companies(doc)] == ["Banque du Nord"]


@pytest.mark.model
def test_company_named_by_its_untagged_first_word_meets(nlp):
    text = ("Kestrel Oil Ltd said profits fell. Kestrel held talks with Norland Gas Co on "
            "Tuesday about a pipeline.")
    assert pairs(nlp, text) == {frozenset({"Kestrel Oil Ltd", "Norland Gas Co"})}


def test_first_word_inside_a_longer_name_is_not_the_company():
    doc = English()("Corvane Plc rose . Port Corvane and Corvane Bay grew , Corvane said")
    for t in doc:
        t.pos_ = "PROPN" if t.text[0].isupper() else "X"
    found = untagged_companies(doc, [Span(doc, 0, 2, label="ORG")])
    assert [(s.start, s.text) for s in found] == [(11, "Corvane")]


def test_company_first_word_typed_as_a_building_is_the_company():
    doc = English()("Dunmore Oil Ltd rose . Dunmore said a plant at Dunmore shut")
    spans = [Span(doc, 0, 3, label="ORG"), Span(doc, 5, 6, label="FAC"),
             Span(doc, 10, 11, label="FAC")]
    assert [s.label_ for s in companies_not_people(spans)] == ["ORG", "ORG", "FAC"]


@pytest.mark.model
def test_hyphenated_small_country_is_a_country_party(nlp):
    x = run(nlp, "Trinidad-Tobago and Peru held talks on sugar quotas in Lima on Monday.")
    assert "Trinidad and Tobago" in _labels(x, EntityType.COUNTRY)
    assert pairs(nlp, x.article.text) == {frozenset({"Trinidad and Tobago", "Peru"})}


@pytest.mark.parametrize(("text", "country"), [
    ("Guyanese", "Guyana"), ("Papua New Guinea", "Papua New Guinea"), ("Zairean", "Zaire"),
    ("Upper Volta", "Burkina Faso"), ("Maltese", "Malta"), ("Hong Kong", "Hong Kong"),
])
def test_gazetteer_knows_the_smaller_states(text, country):
    from kg.extract.gazetteer import country_of

    assert country_of(text) == country


def test_one_word_name_ner_mostly_calls_an_organisation_is_no_person():
    from kg.extract.entities.entities import _one_word_bodies

    doc = English()("Labour gained . Labour said . Labour won . Mr Hale spoke . Hale left . "
                    "Anna Brill came . Brill went")
    spans = [Span(doc, 0, 1, label="PERSON"), Span(doc, 3, 4, label="ORG"),
             Span(doc, 6, 7, label="ORG"), Span(doc, 10, 11, label="PERSON"),
             Span(doc, 13, 14, label="ORG"), Span(doc, 16, 18, label="PERSON"),
             Span(doc, 20, 21, label="ORG")]
    # a first name or an honorific anywhere keeps the person, whatever NER says elsewhere
    assert [s.label_ for s in _one_word_bodies(spans)] == [
        "ORG", "ORG", "ORG", "PERSON", "ORG", "PERSON", "ORG"]
