"""Parties whose words are written but made no entity: a body's organ, a company's whole name."""

from __future__ import annotations

import pytest
from entity_helpers import plain_doc
from entity_helpers import span_labels as _names
from meeting_helpers import pairs
from spacy.lang.en import English
from spacy.tokens import Doc, Span

from kg.extract import extract
from kg.extract.entities.companies import companies_not_people, suffixed_companies
from kg.extract.pipeline import COMPONENTS, set_doc_context
from kg.model import Article, EntityType, Extraction


def _doc(text: str, untagged: tuple[str, ...] = ()) -> Doc:
    """A parse-free Doc whose ``untagged`` capitalised words are common nouns."""
    return plain_doc(text, dict.fromkeys(untagged, "NOUN"))


# --- a company's whole name, ending in a corporate word -------------------------------------

def test_a_company_name_ner_cut_into_a_person_is_the_whole_name():
    doc = _doc("Talks with Kestrel Courier Corp ended")
    out = suffixed_companies(doc, [Span(doc, 3, 5, label="PERSON")])
    assert _names(out) == [("Kestrel Courier Corp", "ORG")]


def test_a_company_name_ner_missed_or_took_for_a_product_is_found():
    doc = _doc("Shares of Brask Oil Co and Ostrava Tessile Spa rose", untagged=("Shares",))
    out = suffixed_companies(doc, [Span(doc, 6, 9, label="PRODUCT")])
    assert _names(out) == [("Brask Oil Co", "ORG"), ("Ostrava Tessile Spa", "ORG")]


def test_a_mixed_case_form_in_capitals_after_a_mixed_case_name_is_an_acronym():
    # "SpA" and "GmbH" are written in mixed case; "SPA" after "Corvane" is some body's initials,
    # while a headline in capitals keeps its form
    doc = _doc("Corvane SPA said Valdor Tessile SpA and BRASK TESSILE SPA rose")
    assert _names(suffixed_companies(doc, [])) == [("Valdor Tessile SpA", "ORG"),
                                                   ("BRASK TESSILE SPA", "ORG")]


def test_of_belongs_to_a_bank_s_name_but_not_to_a_person_before_a_company():
    doc = _doc("Ann Vos of Brask Oil Co met the Bank of Valoria Ltd and Trevano Co of Valoria Inc")
    out = suffixed_companies(doc, [Span(doc, 0, 2, label="PERSON")])
    assert _names(out) == [("Ann Vos", "PERSON"), ("Brask Oil Co", "ORG"),
                           ("Bank of Valoria Ltd", "ORG"), ("Trevano Co of Valoria Inc", "ORG")]


@pytest.mark.parametrize(
    ("text", "untagged"),
    [
        ("Talks with Halvern Tire and Rubber Co ended", ()),  # "Halvern Tire" and "Rubber Co"?
        ("Partners Valdor Ltd said no", ("Partners",)),  # a sentence's first noun, or a name?
        ("Talks with Halvern Power Co of Valoria ended", ()),  # the name goes on
        ("Talks with Valoria Co-op ended", ()),  # no company word
        ("Talks with Halvern (Rubber Co) ended", ()),
        ("Trading in <VAL.N/Trevano Co> halted", ()),
    ],
)
def test_no_company_is_made_where_its_name_may_begin_or_end_elsewhere(text, untagged):
    doc = _doc(text, untagged)
    assert suffixed_companies(doc, []) == []


def test_a_country_before_the_name_leaves_ner_s_reading():
    # "U.S. Builder Valdor Inc": the wire's capitals hide where the company's name begins
    doc = _doc("He bid for U.S. Builder Valdor Inc")
    spans = [Span(doc, 3, 4, label="GPE"), Span(doc, 5, 7, label="ORG")]
    assert suffixed_companies(doc, spans) == spans


def _with_ner(nlp, text: str, ents: list[tuple[str, str]]) -> Extraction:
    """The Extraction of ``text`` when NER tags exactly ``ents`` (text, label): how the small
    model reads wire copy it was not trained on."""
    doc = set_doc_context(nlp.make_doc(text), "t", None)
    for name, proc in nlp.pipeline:
        if name not in COMPONENTS:
            doc = proc(doc)
    spans = []
    for words, label in ents:
        start = text.index(words)
        spans.append(doc.char_span(start, start + len(words), label=label))
    doc.ents = spans
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return extract(doc, Article("t", "T", text, None))


@pytest.mark.model
def test_talks_between_companies_ner_read_as_pieces_are_the_companies(nlp):
    text = ("Valdor Air Freight Corp said it held talks with Kestrel Courier Corp on Monday. "
            "Valdor said Kestrel would answer soon.")
    x = _with_ner(nlp, text, [("Courier Corp", "PERSON"), ("Valdor", "ORG"),
                              ("Kestrel", "PERSON")])
    orgs = {e.label for e in x.entities if e.type is EntityType.ORGANIZATION}
    assert {"Valdor Air Freight Corp", "Kestrel Courier Corp"} <= orgs
    assert not [e for e in x.entities if e.type is EntityType.PERSON]
    met = {frozenset(x.entity(k).label for k in m.participants) for m in x.meetings}
    assert frozenset({"Valdor Air Freight Corp", "Kestrel Courier Corp"}) in met


# --- a company's first words tagged as no entity ---------------------------------------------

def test_a_company_s_first_word_tagged_a_product_or_a_law_is_the_company():
    doc = English()("Corvane Plc said Corvane met Lund Ltd . Lund agreed .")
    spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 4, label="PRODUCT"),
             Span(doc, 5, 7, label="ORG"), Span(doc, 8, 9, label="LAW")]
    assert [s.label_ for s in companies_not_people(spans)] == ["ORG"] * 4


def test_a_first_word_two_companies_share_stays_a_product():
    doc = English()("Corvane Plc and Corvane Rail Ltd met . Corvane agreed .")
    spans = [Span(doc, 0, 2, label="ORG"), Span(doc, 3, 6, label="ORG"),
             Span(doc, 8, 9, label="PRODUCT")]
    assert [s.label_ for s in companies_not_people(spans)] == ["ORG", "ORG", "PRODUCT"]


# --- an organ of a named body ----------------------------------------------------------------

_BODY = "Valorian Coffee Council"


@pytest.mark.model
def test_a_meeting_of_a_body_s_executive_board_is_one_with_the_board(nlp):
    found = pairs(nlp, f"Peter Novak attended the {_BODY}'s executive board meeting in London "
                       "on Monday.")
    assert found == {frozenset({"Peter Novak", f"{_BODY} executive board"})}


@pytest.mark.model
def test_the_board_of_a_body_meets_as_itself(nlp):
    found = pairs(nlp, f"The executive board of the {_BODY} met Paul Keller in Geneva on "
                       "Friday.")
    assert found == {frozenset({"Paul Keller", f"{_BODY} executive board"})}


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "Anna Moravec met the Corvane Holdings Inc executive board on Monday.",  # a company's
        f"Anna Moravec met the {_BODY}'s supervisory board on Monday.",
        f"Anna Moravec met the {_BODY}'s committee on Monday.",  # a named committee told again?
        f"Anna Moravec spoke at the {_BODY}'s annual board meeting on Monday.",
    ],
)
def test_no_organ_of_a_company_or_without_a_kind_of_its_own(nlp, text):
    from meeting_helpers import run

    labels = {e.label for e in run(nlp, text).entities}
    assert not [w for w in labels if w.endswith(("board", "committee"))]
