"""Behaviour the fifteenth session's clean-up gave one implementation: a dash set apart by
spaces is read alike by dates, names and member lists (kg.extract.walks.spaced_dash); an
office's titles are one list for the role readers and held_names."""

from __future__ import annotations

import pytest
from spacy.lang.en import English
from spacy.tokens import Span

from kg.extract.entities.times import repaired_times


@pytest.mark.parametrize("dash", ["-", "\u2013", "\u2014"])
def test_a_date_span_is_cut_at_any_spaced_dash(dash):
    # a typeset dash stands between the club's number and its first member as a hyphen does
    doc = English()(f"the Group of Five {dash} Peru and Valoria met")
    doc.ents = [Span(doc, 3, 6, label="DATE")]
    assert [(e.text, e.label_) for e in repaired_times(doc)] == [("Peru", "GPE")]


def test_a_range_across_a_typeset_dash_stays_whole():
    doc = English()("from May 3 \u2013 5 in Lima")
    doc.ents = [Span(doc, 1, 5, label="DATE")]
    assert [e.text for e in repaired_times(doc)] == ["May 3 \u2013 5"]


def _office_span(words: list[str], start: int, end: int) -> Span:
    from spacy.tokens import Doc
    pos = ["PROPN" if w[:1].isupper() else "ADP" if w in ("of", "for") else "VERB" for w in words]
    tags = ["NNP" if p == "PROPN" else "IN" if p == "ADP" else "VBD" for p in pos]
    doc = Doc(English().vocab, words=words, pos=pos, tags=tags)
    return Span(doc, start, end, label="ORG")


def test_a_spokesmans_portfolio_is_his_office_as_a_ministers_is():
    # one list of portfolio titles: "Spokesman of Foreign Affairs" is an office, not a body
    from kg.extract.entities.held_names import office_holder
    words = "the Spokesman of Foreign Affairs Anna Moravec said".split()
    assert [(s.text, s.label_) for s in office_holder(_office_span(words, 3, 7))] \
        == [("Anna Moravec", "PERSON")]

