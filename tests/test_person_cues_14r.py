"""People NER typed an organisation or a place: a title in apposition or a "his"/"he" of their
own clause makes them people, so that the pronouns after them have an antecedent.

NER's labels vary with the name, so each test sets the label it is about (the mistake as NER
makes it on wire copy) and keeps NER's other labels."""

from __future__ import annotations

import pytest
from spacy.tokens import Span

from kg.extract import extract
from kg.extract.pipeline import COMPONENTS, set_doc_context
from kg.model import Article, EntityType, Extraction

pytestmark = pytest.mark.model


def _run(nlp, text: str, labels: dict[str, str]) -> Extraction:
    """The Extraction of ``text`` with each name of ``labels`` given that NER label ("" for
    none) wherever it is written."""
    doc = set_doc_context(nlp.make_doc(text), "t", None)
    for name, proc in nlp.pipeline:
        if name not in COMPONENTS:
            doc = proc(doc)
    forced: list[Span] = []
    cleared: set[int] = set()
    for name in sorted(labels, key=len, reverse=True):  # "Ardeni" inside "K.P. Ardeni"
        start = 0
        while (at := text.find(name, start)) >= 0:
            span = doc.char_span(at, at + len(name))
            assert span is not None, name
            if not cleared & set(range(span.start, span.end)):
                forced.append(Span(doc, span.start, span.end, label=labels[name]))
                cleared |= set(range(span.start, span.end))
            start = at + len(name)
    keep = [e for e in doc.ents if not any(i in cleared for i in range(e.start, e.end))]
    doc.ents = sorted(keep + [s for s in forced if s.label_ != ""], key=lambda e: e.start)
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    return extract(doc, Article("t", "T", text, None))


def _people(x: Extraction) -> dict[str, set[str]]:
    return {e.label: {m.text for m in e.mentions} for e in x.entities
            if e.type is EntityType.PERSON}


def _pairs(x: Extraction) -> set[frozenset[str]]:
    return {frozenset(x.entity(k).label for k in m.participants) for m in x.meetings}


def test_a_name_with_a_title_in_apposition_is_a_person_pronouns_may_take(nlp):
    text = ("Valoria wants more imports, Jean-Luc Marovec, director general of the Valorian "
            "Trade Institute, told a news conference. Marovec has been in Valoria for a week. "
            "He met with Prime Minister Peter Novak and other officials.")
    x = _run(nlp, text, {"Jean-Luc Marovec": "ORG", "Marovec": ""})
    assert "He" in _people(x)["Jean-Luc Marovec"]
    assert frozenset({"Jean-Luc Marovec", "Peter Novak"}) in _pairs(x)


def test_a_title_the_parser_made_a_second_subject_still_names_the_person(nlp):
    text = ("Brenik, currently the Valorian ambassador to Austria, said he will meet Paul "
            "Keller in Vienna next week.")
    x = _run(nlp, text, {"Brenik": "GPE"})
    assert "he" in _people(x)["Brenik"]
    assert _pairs(x) == {frozenset({"Brenik", "Paul Keller"})}


def test_his_in_the_name_s_own_clause_makes_it_a_person(nlp):
    text = ("K.P. Ardeni said on Monday that the Valorian Ministry of Industry supports his "
            "plan. Ardeni also told reporters he had met with Paul Keller in Ostrava.")
    x = _run(nlp, text, {"K.P. Ardeni": "ORG", "Ardeni": "ORG"})
    assert {"his", "Ardeni", "he"} <= _people(x)["K.P. Ardeni"]
    assert _pairs(x) == {frozenset({"K.P. Ardeni", "Paul Keller"})}


def test_his_after_a_person_named_before_is_that_person_s(nlp):
    # Anna Moravec, named the sentence before, may be the "his"/"her" of the company's clause.
    text = ("Anna Moravec resigned on Monday. Kestrel Brandt said her successor would be named "
            "soon.")
    x = _run(nlp, text, {"Kestrel Brandt": "ORG"})
    assert "Kestrel Brandt" not in _people(x)


def test_no_person_from_an_organisation_a_place_or_an_abbreviation(nlp):
    text = ("Kestrel Bank, the chairman of the advisory committee, said talks would resume. Trade "
            "may move to Ostrava, senior vice president of Keller Bank Paul Novak said. "
            "Senator Peter Novak, D-Kan., chairman of the panel, spoke.")
    x = _run(nlp, text, {"Kestrel Bank": "ORG", "Ostrava": "GPE", "D-Kan.": "GPE"})
    people = _people(x)
    assert not {"Kestrel Bank", "Ostrava", "D-Kan."} & set(people)


def test_a_title_a_verb_follows_is_that_verb_s_subject_not_an_apposition(nlp):
    text = "Sales grew in Asia. And northern Europe, a bank spokesman said."
    x = _run(nlp, text, {"Europe": "LOC"})
    assert "Europe" not in _people(x)
