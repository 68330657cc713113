"""Behaviour the fifteenth session's clean-up gave one implementation: a dash set apart by
spaces is read alike by dates, names and member lists (kg.extract.walks.spaced_dash)."""

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
