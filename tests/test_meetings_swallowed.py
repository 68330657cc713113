"""Both parties named, the parse hides one: a name swallowed into a date ("... and B
Monday"), a list member hung inside a multiword name ("the Group of Five and Canada"), an
addressee reached with "to" at a meeting, and a trip "to a meeting with" someone.
Hand-written sentences, positives and near misses."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # the last member of a "between" list made a compound of the date after it
        ("The cuts followed a meeting between Peter Novak, Anna Moravec and Paul Keller "
         "Monday in Oslo.", {"Peter Novak", "Anna Moravec", "Paul Keller"}),
        ("The cuts followed a meeting between Chancellor Peter Novak, Finance Minister Anna "
         "Moravec and Treasury Secretary Paul Keller Monday in Oslo.",
         {"Peter Novak", "Anna Moravec", "Paul Keller"}),
        # a list member hung on the last word of a multiword name
        ("The rates were set at last month's meeting of the Group of Five and Canada in "
         "Oslo.", {"Group of Five", "Canada"}),
        # something handed, promised or presented "to" a named party at a meeting
        ("Senator Anna Moravec made no promise to Governor Paul Keller in a private meeting "
         "on Tuesday.", {"Anna Moravec", "Paul Keller"}),
        ("Paul Keller presented the plan to Anna Moravec during a two-hour meeting at the "
         "embassy.", {"Paul Keller", "Anna Moravec"}),
        ("Canadian officials handed the draft to Chancellor Peter Novak in talks here last "
         "week.", {"Canada", "Peter Novak"}),
        # a title's holder the parser apposed to the title's body
        ("Acme Inc also had talks with chairman of the finance committee Paul Keller on the "
         "sale of the shares.", {"Acme Inc", "Paul Keller"}),
        # a journey that ends at a meeting with someone
        ("Peter Novak flew in from Rome and drove straight to a meeting with Paul Keller.",
         {"Peter Novak", "Paul Keller"}),
    ],
)
def test_the_hidden_party_is_found(nlp, text, names):
    assert [m.names for m in meetings(nlp, text)] == [frozenset(names)]


@pytest.mark.parametrize(
    "text",
    [
        # a passive says what was offered, not who offered it: the reporter did not meet
        "The proposals were made to Paul Keller at the talks today, Anna Moravec told "
        "reporters.",
        # referring to talks with someone is no trip to them
        "Peter Novak referred to talks with Paul Keller in his speech.",
        # what is apposed to a title's place is no holder unless it is a person
        "The ambassador in Vienna, a city of old cafes, met Paul Keller on Monday.",
        # a date alone in a list adds nobody
        "Peter Novak will travel to Oslo on Monday and Tuesday for the Group of Five meeting.",
    ],
)
def test_near_misses_add_no_pair(nlp, text):
    assert [m.names for m in meetings(nlp, text) if len(m.names) >= 2] == []


def _parsed(words, heads, deps, pos, names):
    """A Doc with the given parse (the small parser's mistakes, written out) and an index
    of the named tokens."""
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extract.index import EntityIndex

    doc = Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)
    return doc, EntityIndex(token_entity=names)


def test_the_subject_swallowed_into_a_date_before_the_verb():
    from kg.extract.entities.swallowed import dated_subject

    # "Acme Thursday night met with Keller": the parser left "met" without a subject
    doc, index = _parsed(["Acme", "Thursday", "night", "met", "with", "Keller", "."],
                         [1, 2, 3, 3, 3, 4, 3],
                         ["compound", "compound", "npadvmod", "ROOT", "prep", "pobj", "punct"],
                         ["PROPN", "PROPN", "NOUN", "VERB", "ADP", "PROPN", "PUNCT"],
                         {0: "organization:acme", 5: "person:keller"})
    assert [t.text for t in dated_subject(index, doc[3])] == ["Acme"]
    # a date that swallowed nothing gives no subject
    doc, index = _parsed(["Thursday", "night", "Acme", "met", "Keller"], [1, 3, 3, 3, 3],
                         ["compound", "npadvmod", "nsubj", "ROOT", "dobj"],
                         ["PROPN", "NOUN", "PROPN", "VERB", "PROPN"],
                         {2: "organization:acme", 4: "person:keller"})
    assert dated_subject(index, doc[3]) == []


def test_a_conjunct_hung_inside_a_multiword_name():
    from kg.extract.entities.swallowed import inner_conjuncts

    # "the Group of Five and Canada": Canada hangs on "Five"
    doc, index = _parsed(["the", "Group", "of", "Five", "and", "Canada"], [1, 1, 1, 2, 3, 3],
                         ["det", "ROOT", "prep", "pobj", "cc", "conj"],
                         ["DET", "PROPN", "ADP", "PROPN", "CCONJ", "PROPN"],
                         {1: "organization:g5", 2: "organization:g5", 3: "organization:g5",
                          5: "country:canada"})
    assert [t.text for t in inner_conjuncts(index, doc[1])] == ["Canada"]
    assert inner_conjuncts(index, doc[5]) == []


@pytest.mark.parametrize(
    ("text", "names"),
    [
        # why the subject is in town, in a phrase the parser hangs on the subject itself
        ("Paul Keller, in Geneva for informal GATT ministerial talks, told reporters that the "
         "dispute was growing.", {"Paul Keller", "GATT"}),
        ("Anna Moravec, in Lima for the annual meeting of the Andean Trade Bank, said prices "
         "would rise.", {"Anna Moravec", "Andean Trade Bank"}),
    ],
)
def test_in_town_for_a_named_body_s_meeting_is_attending_it(nlp, text, names):
    assert [m.names for m in meetings(nlp, text)] == [frozenset(names)]


def test_in_town_for_something_else_attends_nothing(nlp):
    text = "Paul Keller, in Geneva for a holiday, told reporters that GATT talks were stalled."
    assert [m.names for m in meetings(nlp, text)] == []


def test_a_meeting_noun_read_as_an_apposition_to_its_body_is_still_attended():
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    from kg.extract.meetings.trigger_syntax import present_at

    # "Keller is in Lima for the Acme Bank (AB) meeting": the parser made "meeting" an
    # apposition to "Bank", so the phrase "for ..." holds the bank, not the meeting
    words = ["Keller", "is", "in", "Lima", "for", "the", "Acme", "Bank", "(", "AB", ")",
             "meeting"]
    heads = [1, 1, 1, 2, 1, 7, 7, 4, 7, 7, 11, 7]
    deps = ["nsubj", "ROOT", "prep", "pobj", "prep", "det", "compound", "pobj", "punct",
            "appos", "punct", "appos"]
    doc = Doc(Vocab(), words=words, heads=heads, deps=deps,
              lemmas=[w.lower() if w != "is" else "be" for w in words])
    assert present_at(doc[11], doc[1], "for")
    # the same phrase on a verb of no presence, through "to", is no attendance
    assert not present_at(doc[11], doc[1], "to")
