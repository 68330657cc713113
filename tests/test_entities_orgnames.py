"""Organisations named as written: an acronym by its bracketed long form, a company by its name."""

from __future__ import annotations

import pytest
from meeting_helpers import pairs, run
from spacy.lang.en import English
from spacy.tokens import Span

from kg.extract.entities.acronyms import initials_fit, long_forms
from kg.model import EntityType


def _orgs(x):
    return {e.label: e for e in x.entities if e.type is EntityType.ORGANIZATION}


@pytest.mark.parametrize(
    ("acronym", "words", "fits"),
    [
        ("GATT", "General Agreement on Tariffs and Trade", True),
        ("OECD", "Organisation for Economic Co-operation and Development", True),
        ("NCTAD", "Northern Council on Trade and Development", True),  # "and" gives a letter
        ("KfW", "Kreditanstalt fur Wiederaufbau", True),
        ("ICO", "International Coffee Organization", True),
        ("BIS", "Bank of International Settlements", True),
        ("IMF", "International Fund", False),
        ("WTO", "World Trade Office Agency", False),
        ("FTC", "the Federal trade Commission", False),  # a lower-case word is no initial
        ("A", "Alpha Beta", False),
    ],
)
def test_initials_fit_only_whole_names(acronym, words, fits):
    assert initials_fit(acronym, words.split()) is fits


def test_long_forms_read_both_bracket_orders_without_the_model():
    doc = English()("The Andean Rivers Authority (ARA) and WFRB (Western Fruit Research Board) "
                    "met. Its chairman (Ms Kell) spoke to the FBI (on Monday).")
    found = {k: v.text for k, v in long_forms(doc).items()}
    assert found == {"ara": "Andean Rivers Authority", "wfrb": "Western Fruit Research Board"}
    doc = English()("The Andean Rivers Authority's (ARA) board met.")
    assert {k: v.text for k, v in long_forms(doc).items()} == {"ara": "Andean Rivers Authority"}


@pytest.mark.model
def test_acronym_tagged_alone_is_labelled_by_its_bracketed_long_form(nlp):
    # the small model tags such long forms LAW or nothing, and only the acronym ORG
    x = run(nlp, "Trade Minister Tomas Varga addressed the General Agreement on Tariffs and "
                 "Trade (GATT) in Lisbon. Later GATT officials met Varga for talks.")
    orgs = _orgs(x)
    assert "General Agreement on Tariffs and Trade" in orgs
    assert "GATT" not in orgs
    gatt = orgs["General Agreement on Tariffs and Trade"]
    assert gatt.key == "organization:gatt"  # the IRI stays the one the acronym minted
    assert "GATT" in gatt.aliases


@pytest.mark.model
def test_acronym_first_and_long_form_in_brackets_is_one_entity(nlp):
    text = ("Ann Vos met GATT (General Agreement on Tariffs and Trade) officials in Oslo on "
            "Monday.")
    orgs = _orgs(run(nlp, text))
    assert list(orgs) == ["General Agreement on Tariffs and Trade"]
    assert frozenset({"Ann Vos", "General Agreement on Tariffs and Trade"}) in pairs(nlp, text)


@pytest.mark.model
def test_a_piece_of_the_long_form_is_no_organisation_of_its_own(nlp):
    x = run(nlp, "Delegates of the Organisation for Economic Co-operation and Development "
                 "(OECD) met in Paris on Friday.")
    assert set(_orgs(x)) == {"Organisation for Economic Co-operation and Development"}


@pytest.mark.model
def test_a_possessive_long_form_keeps_the_entity_ner_found(nlp):
    x = run(nlp, "Ann Vos flies to Washington for the International Monetary Fund's (IMF) "
                 "spring session. The IMF said on Monday it would meet on April 9.")
    imf = _orgs(x)["International Monetary Fund"]
    assert imf.key == "organization:international monetary fund"
    assert "IMF" in imf.aliases


@pytest.mark.model
def test_long_forms_that_ner_tags_whole_keep_their_own_key(nlp):
    x = run(nlp, "The Bank for International Settlements (BIS) hosted the meeting. BIS "
                 "officials met Tomas Varga.")
    bis = _orgs(x)["Bank for International Settlements"]
    assert bis.key == "organization:bank for international settlements"
    assert "BIS" in bis.aliases


@pytest.mark.model
def test_a_company_called_by_its_first_word_is_no_person(nlp):
    x = run(nlp, "Stellan Group Inc said it met Vireo Ltd on Monday. Stellan said the meeting "
                 "went well. Analysts said Stellan wanted a deal.")
    assert not [e for e in x.entities if e.type is EntityType.PERSON]
    # one company, one entity, labelled as first written in full
    orgs = _orgs(x)
    assert set(orgs) == {"Stellan Group Inc", "Vireo Ltd"}
    assert "Stellan" in orgs["Stellan Group Inc"].aliases
    assert orgs["Stellan Group Inc"].key == "organization:stellan group inc"


@pytest.mark.model
def test_a_person_whose_surname_names_the_company_stays_a_person(nlp):
    x = run(nlp, "Marek Stellan, chairman of Stellan Group Inc, met bankers on Monday. "
                 "Stellan said the talks went well.")
    people = {e.label for e in x.entities if e.type is EntityType.PERSON}
    assert people == {"Marek Stellan"}


@pytest.mark.model
def test_a_company_name_ending_in_a_corporate_word_is_no_person(nlp):
    x = run(nlp, "Trevisano SpA said on Monday it held talks with Soviet trade officials. "
                 "Trevisano will open ten shops in Moscow.")
    assert not [e for e in x.entities if e.type is EntityType.PERSON]
    assert set(_orgs(x)) == {"Trevisano SpA"}
    assert "Trevisano" in _orgs(x)["Trevisano SpA"].aliases


@pytest.mark.model
def test_a_first_word_that_two_companies_share_stays_apart(nlp):
    x = run(nlp, "Halvard Holdings Ltd and Halvard Shipping Corp held talks with Vireo Ltd on "
                 "Monday. Halvard said a deal was near.")
    assert {"Halvard Holdings Ltd", "Halvard Shipping Corp", "Halvard"} <= set(_orgs(x))


def test_company_words_taken_for_a_place_only_without_a_preposition():
    from kg.extract.entities.companies import companies_not_people

    nlp = English()
    doc = nlp("Corvane Plc met Lund Ltd . Corvane said no . A depot in Corvane shut .")
    spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 5, label="ORG"),
             Span(doc, 6, 7, label="GPE"), Span(doc, 13, 14, label="GPE")]
    assert [s.text for s in spans] == ["Corvane Plc", "Lund Ltd", "Corvane", "Corvane"]
    labels = [(s.text, s.label_) for s in companies_not_people(spans)]
    assert labels == [("Corvane Plc", "ORG"), ("Lund Ltd", "ORG"), ("Corvane", "ORG"),
                      ("Corvane", "GPE")]


def test_a_possessive_company_name_gives_its_first_words_as_the_entities_do():
    # NER often keeps the "'s" in the span ("Corvane Rail Plc's board"); the retyping reads the
    # name as entity keying does, without it, so "Corvane Rail" is the company, not a person.
    from kg.extract.entities.companies import companies_not_people, company_prefixes

    doc = English()("Corvane Rail Plc's board met . Corvane Rail said no .")
    spans = [Span(doc, 0, 4, label="ORG"), Span(doc, 7, 9, label="PERSON")]
    assert [s.text for s in spans] == ["Corvane Rail Plc's", "Corvane Rail"]
    assert company_prefixes(spans)["corvane rail"] == frozenset({"Corvane Rail Plc"})
    assert [s.label_ for s in companies_not_people(spans)] == ["ORG", "ORG"]


@pytest.mark.model
def test_a_name_in_apposition_with_a_title_is_a_person_whatever_ner_tagged(nlp):
    x = run(nlp, "The conference chairman, Somchai Raknam of Thailand, said delegates met on "
                 "Monday. Raknam said the talks went well.")
    people = {e.label: e for e in x.entities if e.type is EntityType.PERSON}
    assert set(people) == {"Somchai Raknam"}
    assert "Raknam" in people["Somchai Raknam"].aliases
    assert not _orgs(x)


def test_a_surname_ner_tags_org_more_often_stays_a_person():
    from kg.extract.entities.companies import companies_not_people

    doc = English()("Halvorsen said Halvorsen met Halvorsen aides .")
    spans = [Span(doc, 0, 1, label="PERSON"), Span(doc, 2, 3, label="ORG"),
             Span(doc, 4, 5, label="ORG")]
    assert [s.label_ for s in companies_not_people(spans)] == ["PERSON", "ORG", "ORG"]



@pytest.mark.model
def test_a_name_wrapped_at_its_hyphen_is_the_joined_name(nlp):
    from kg.sources.text import clean_text

    # Wire copy breaks lines at a compound's hyphen; read as text, the two halves are then
    # apart by a space, but the body is the same as where the line did not break.
    text = clean_text("Anna Moravec met officials of the Anglo-\nValorian Trade Council.")
    wrapped, whole = run(nlp, text), run(nlp, text.replace("- ", "-"))
    key = "organization:anglo-valorian trade council"
    assert "Anglo- Valorian Trade Council" in {e.label for e in wrapped.entities}
    assert key in {e.key for e in wrapped.entities} & {e.key for e in whole.entities}
