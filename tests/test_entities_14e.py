"""A person's name NER wrote into another span, a nationality inside a name, a sum as a name."""

from __future__ import annotations

import pytest
from entity_helpers import plain_doc
from entity_helpers import span_labels as _names
from meeting_helpers import pairs, run
from spacy.tokens import Span

from kg.extract.entities.held_names import nationality_cut, office_holder
from kg.extract.entities.not_names import no_name


def _cut(text: str, start: int, end: int, label: str = "ORG") -> list[tuple[str, str]] | None:
    doc = plain_doc(text)
    got = office_holder(Span(doc, start, end, label=label))
    return None if got is None else _names(got)


# --- a holder's name inside the span of his office or body ----------------------------------

def test_a_portfolio_and_a_name_are_the_holder_alone():
    # "Agriculture" is the secretary's office, no body of the story
    assert _cut("the Secretary of Agriculture Ann Vos spoke", 3, 6) == [("Ann Vos", "PERSON")]
    assert _cut("the Minister of Trade and Industry Ann Maria Vos spoke", 3, 9) == [
        ("Ann Maria Vos", "PERSON")]


def test_a_body_and_a_name_are_the_body_and_its_holder():
    assert _cut("the Governor of the Valoria Reserve Bank Ann Vos spoke", 4, 9) == [
        ("Valoria Reserve Bank", "ORG"), ("Ann Vos", "PERSON")]
    # the place after "Bank of" ends the body's name, whatever the place is, once the story
    # writes the surname again ...
    assert _cut("the Governor of the Bank of Valoria Ann Vos spoke , and Vos left", 4, 9) == [
        ("Bank of Valoria", "ORG"), ("Ann Vos", "PERSON")]
    # ... else the words after the place may be the body's own ("North Carolina Press")
    assert _cut("the Governor of the Bank of Valoria Ann Vos spoke", 4, 9) is None


def test_a_minister_s_office_alone_is_no_body():
    assert _cut("the Undersecretary of State for Economic Affairs spoke", 3, 7) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("the president of the Valdor Industry Research Foundation spoke", 4, 9),
        ("the chairman of Valdor Crown Holdings spoke", 3, 6),  # one body's name
        ("the Valoria Reserve Bank Ann Vos spoke", 1, 6),  # no title's "of" before it
        ("the leader of Labour Ann Vos spoke", 3, 6),  # a party's leader: no office of his
        ("the chairman of Ann Vos Ltd spoke", 3, 6),
        # a body's name with several proper nouns after its "of": no one's name at its end
        ("the director of the University of North Carolina Press spoke", 4, 9),
        ("the chairman of the Bank of New York Mellon spoke", 4, 9),
        ("the president of the University of Texas Medical Branch spoke", 4, 9),
    ],
)
def test_other_spans_after_a_title_stay(text, start, end):
    assert _cut(text, start, end) is None


# --- a nationality word opening a person's span ----------------------------------------------

def test_a_nationality_before_a_name_is_no_word_of_it():
    doc = plain_doc("Belgian Ann de Vos spoke", {"de": "PROPN"})
    assert _names(nationality_cut(Span(doc, 0, 4, label="PERSON"))) == [
        ("Belgian", "NORP"), ("Ann de Vos", "PERSON")]


@pytest.mark.parametrize(
    ("text", "end"),
    [("U.S. Dlrs fell", 2), ("Turk Valdor A.S. rose", 3), ("Dutch Valdor Group rose", 3),
     ("Finn Erik Larsen spoke", 3)],  # a short demonym is a given name too
)
def test_a_country_or_a_company_after_a_nationality_stays(text, end):
    doc = plain_doc(text)
    assert nationality_cut(Span(doc, 0, end, label="PERSON")) is None


# --- through the pipeline --------------------------------------------------------------------

@pytest.mark.model
def test_a_central_bank_governor_named_after_the_bank_is_met(nlp):
    # NER takes "the Bank of Portugal Jan Dvorak" for one organisation: the meeting had the
    # bank glued to his name, or the bank alone
    text = ("Peter Novak and Paul Keller are today meeting Trade Secretary Anna Moravec and "
            "Governor of the Bank of Portugal Jan Dvorak.")
    assert pairs(nlp, text) == {frozenset({"Peter Novak", "Paul Keller", "Anna Moravec",
                                           "Jan Dvorak"})}


@pytest.mark.model
def test_a_secretary_of_a_portfolio_is_a_person_and_his_office_no_body(nlp):
    x = run(nlp, "The Secretary of Agriculture Peter Novak said he would meet Paul Keller "
                 "next week.")
    assert {(e.label, e.type.value) for e in x.entities} == {
        ("Peter Novak", "person"), ("Paul Keller", "person")}


@pytest.mark.model
def test_a_nationality_before_a_name_is_the_country(nlp):
    x = run(nlp, "The meeting was chaired by Belgian Peter de Vries, who met Paul Keller on "
                 "Monday.")
    assert {(e.label, e.type.value) for e in x.entities} == {
        ("Peter de Vries", "person"), ("Paul Keller", "person"), ("Belgium", "country")}


# --- a sum of money is no name ---------------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "start", "end", "label", "money"),
    [
        ("Net 12 mln U.S. Dlrs vs 9 mln", 2, 5, "PERSON", True),
        ("Shr 12 cts vs 10 cts", 2, 3, "ORG", True),
        ("It bought 120 mln stg bank bills", 4, 6, "ORG", True),
        ("Shares of CTS Corp rose", 2, 4, "ORG", False),  # a company's name in capitals
        ("Ann Vos of Valdor Corp said", 0, 2, "PERSON", False),
    ],
)
def test_a_sum_written_with_wire_abbreviations_names_no_one(text, start, end, label, money):
    assert no_name(Span(plain_doc(text), start, end, label=label)) is money


@pytest.mark.model
def test_a_sum_of_money_takes_no_pronoun_and_makes_no_entity(nlp):
    x = run(nlp, "Valoria put 46 mln U.S. Dlrs into firms of Ostrava in 1986. The plan calls "
                 "for 80 mln U.S. Dlrs in 1988, he said.")
    assert not [e for e in x.entities if "Dlrs" in e.label]
    x = run(nlp, "Shr 17 cts vs 11 cts. Net 2.4 mln dlrs vs 1,900,000 dlrs.")
    assert not [e for e in x.entities if e.label == "cts"]
