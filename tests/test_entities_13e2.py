"""Names the tagger misread: a surname read as a common word, a company taken for a person."""

from __future__ import annotations

import pytest
from entity_helpers import plain_doc as _doc
from entity_helpers import span_labels as _labels
from spacy.tokens import Span

from kg.extract.entities.companies import called_companies
from kg.extract.entities.names import _word_read_surname
from kg.extract.pipeline import COMPONENTS, set_doc_context

# --- a company noun right before a name --------------------------------------------------------

def test_a_name_after_a_company_noun_is_the_company_everywhere_in_the_story():
    doc = _doc("the steel group Kestrava said Kestrava agreed")
    spans = [Span(doc, 3, 4, label="PERSON"), Span(doc, 5, 6, label="PERSON")]
    assert _labels(called_companies(spans)) == [("Kestrava", "ORG"), ("Kestrava", "ORG")]


def test_a_person_called_by_a_longer_name_keeps_the_words():
    # "Ann Kestrava" is a person; the bare "Kestrava" may be her, so it stays hers
    doc = _doc("Ann Kestrava met the carrier Kestrava and Kestrava said")
    spans = [Span(doc, 0, 2, label="PERSON"), Span(doc, 5, 6, label="PERSON"),
             Span(doc, 7, 8, label="PERSON")]
    assert [s.label_ for s in called_companies(spans)] == ["PERSON", "PERSON", "PERSON"]


@pytest.mark.model
def test_a_state_company_ner_took_for_a_person_is_an_organisation(nlp):
    doc = nlp("Workers struck at the state oil company Petrovalor on Monday. "
              "Petrovalor said output was normal.")
    kinds = {e.key for e in doc._.kg_entities.entities}
    assert "organization:petrovalor" in kinds and "person:petrovalor" not in kinds


@pytest.mark.model
@pytest.mark.parametrize(
    "text",
    [
        "He joined the company Paul Keller founded in Valoria in 1970.",
        "The chairman told the firm Paul Keller would leave in May.",
    ],
)
def test_a_person_who_is_the_subject_of_a_clause_after_the_noun_stays_a_person(nlp, text):
    keys = {e.key for e in nlp(text)._.kg_entities.entities}
    assert "person:paul keller" in keys


# --- a surname the tagger read as a common word --------------------------------------------------

@pytest.mark.model
def test_a_known_surname_tagged_an_adjective_is_the_person(nlp):
    doc = nlp('Valoria welcomed World Bank president Peter Dvorable on Monday. "We are '
              'confident," he said. " Dvorable, who is here to meet government leaders, '
              "praised the reforms.")
    ix = doc._.kg_entities
    last = [t for t in doc if t.text == "Dvorable"][-1]
    assert ix.token_entity.get(last.i) == "person:peter dvorable"


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Sales rose while sales of cars fell", "Sales"),  # the article writes it lower case
        ("Vosberg Media said", "Vosberg"),  # a word of a longer name
        ("VOSBERG said", "VOSBERG"),  # capitals: a headline
    ],
)
def test_a_common_word_that_may_be_no_name_is_not_read_as_a_surname(text, word):
    doc = _doc(text, {word: "NOUN"})
    assert not _word_read_surname(next(t for t in doc if t.text == word),
                                  {t.text for t in doc if t.text.islower()})


def test_a_lone_capitalised_surname_tagged_a_noun_may_be_a_name():
    doc = _doc('" Vosberg , who arrived , said', {"Vosberg": "NOUN"})
    assert _word_read_surname(doc[1], {t.text for t in doc if t.text.islower()})


def test_a_name_after_a_company_noun_grows_to_its_corporate_word_over_and():
    doc = _doc("a strike at the subsidiary Kestrava Mining and Smelting Ltd. ended")
    spans = [Span(doc, 5, 7, label="PERSON"), Span(doc, 8, 10, label="ORG")]
    assert _labels(called_companies(spans)) == [("Kestrava Mining and Smelting Ltd.", "ORG")]


def test_an_and_before_another_tagged_company_ends_the_name():
    doc = _doc("the airline Kestrava and Bolt Co agreed")
    spans = [Span(doc, 2, 3, label="PERSON"), Span(doc, 4, 6, label="ORG")]
    assert _labels(called_companies(spans)) == [("Kestrava", "ORG"), ("Bolt Co", "ORG")]


@pytest.mark.parametrize("text", ["the company Vosk and Tarrant Co agreed",
                                  "the retailer Vosk & Tarrant Plc agreed"])
def test_one_name_word_joined_by_and_is_one_company(text):
    doc = _doc(text)
    spans = [Span(doc, 2, 3, label="PERSON")]
    assert _labels(called_companies(spans)) == [(" ".join(text.split()[2:6]), "ORG")]


@pytest.mark.model
@pytest.mark.parametrize(("person", "keyed"), [("Kestrava", False), ("Anna Kestrava", True)])
def test_a_word_tagged_a_noun_is_a_surname_only_of_a_full_name(nlp, person, keyed):
    # NER's one-word "person" may be a company's first word: "Kestrava said", tagged a noun,
    # stays no one's unless a full name ends in it
    text = f"{person} spoke on Monday. Kestrava said it will report results in April."
    doc = set_doc_context(nlp.make_doc(text), "t", None)
    for name, proc in nlp.pipeline:
        if name not in COMPONENTS:
            doc = proc(doc)
    doc.ents = [doc.char_span(0, len(person), label="PERSON")]
    word = [t for t in doc if t.text == "Kestrava"][-1]
    word.pos_ = "NOUN"
    for name in COMPONENTS:
        doc = nlp.get_pipe(name)(doc)
    assert (word.i in doc._.kg_entities.token_entity) is keyed
