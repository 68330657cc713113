"""Counterparts told apart (issue 13, 17b): "met A in Geneva and B in Paris" is a meeting with
each, where and when it was; a setting told once for the whole list stays the list's."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

from kg.extract.meetings.meeting_scorer import sentence_candidates, to_meeting
from kg.extract.pipeline import set_doc_context

KELLER = "Peter Keller"


def _by_counterpart(nlp, text: str) -> dict[str, tuple[str, str | None, str | None]]:
    """Counterpart label -> (status, place, time) of each two-party meeting with Keller."""
    out = {}
    for m in meetings(nlp, text):
        assert KELLER in m.names, text
        others = m.names - {KELLER}
        assert len(others) == 1, (text, m.names)  # the counterparts did not meet each other
        out[next(iter(others))] = (m.status, m.place, m.time)
    return out


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Peter Keller met Anna Novak in Geneva and Paul Moravec in Paris.",
         {"Anna Novak": ("happened", "Geneva", None),
          "Paul Moravec": ("happened", "Paris", None)}),
        # the second date hung on the verb, the second name on the first date
        ("The minister Peter Keller will meet Anna Novak on Monday and Paul Moravec on "
         "Wednesday.",
         {"Anna Novak": ("planned", None, "Monday"),
          "Paul Moravec": ("planned", None, "Wednesday")}),
        # a meeting noun: the second "with" phrase coordinated with the first date
        ("Peter Keller held talks with Anna Novak in Geneva on Monday and with Paul Moravec "
         "in Paris on Tuesday.",
         {"Anna Novak": ("happened", "Geneva", "Monday"),
          "Paul Moravec": ("happened", "Paris", "Tuesday")}),
        # the second counterpart a title coordinated with the verb, its name apposed
        ("Peter Keller met Valoria's premier Anna Novak in Geneva, and Norland's king Paul "
         "Moravec in Oslo.",
         {"Anna Novak": ("happened", "Geneva", None),
          "Paul Moravec": ("happened", "Oslo", None)}),
        # a list broken by "of" phrases
        ("Peter Keller met Anna Novak of Valoria in Geneva and Paul Moravec of Norland in "
         "Paris.",
         {"Anna Novak": ("happened", "Geneva", None),
          "Paul Moravec": ("happened", "Paris", None)}),
        ("Peter Keller conferred with Anna Novak in Geneva and with Paul Moravec in Paris.",
         {"Anna Novak": ("happened", "Geneva", None),
          "Paul Moravec": ("happened", "Paris", None)}),
        # negation carries over
        ("Peter Keller did not meet Anna Novak in Geneva or Paul Moravec in Paris.",
         {"Anna Novak": ("negated", "Geneva", None),
          "Paul Moravec": ("negated", "Paris", None)}),
        # a time told once for the whole list, after it or before it, is every meeting's
        ("Peter Keller met with Anna Novak in Geneva and Paul Moravec in Paris last week.",
         {"Anna Novak": ("happened", "Geneva", "last week"),
          "Paul Moravec": ("happened", "Paris", "last week")}),
        ("On Monday, Peter Keller met Anna Novak in Geneva and Paul Moravec in Paris.",
         {"Anna Novak": ("happened", "Geneva", "Monday"),
          "Paul Moravec": ("happened", "Paris", "Monday")}),
        ("Peter Keller will meet Anna Novak in Geneva on Monday, Paul Moravec in Paris on "
         "Tuesday and Maria Lenz in Rome on Friday.",
         {"Anna Novak": ("planned", "Geneva", "Monday"),
          "Paul Moravec": ("planned", "Paris", "Tuesday"),
          "Maria Lenz": ("planned", "Rome", "Friday")}),
    ],
)
def test_each_counterpart_with_its_own_setting_is_its_own_meeting(nlp, text, want):
    assert _by_counterpart(nlp, text) == want


def test_names_before_a_setting_share_it(nlp):
    got = meetings(nlp, "Peter Keller met Anna Novak and Maria Lenz in Geneva and Paul "
                        "Moravec in Paris.")
    assert {(m.names, m.place) for m in got} == {
        (frozenset({KELLER, "Anna Novak", "Maria Lenz"}), "Geneva"),
        (frozenset({KELLER, "Paul Moravec"}), "Paris")}


@pytest.mark.parametrize(
    ("text", "want"),
    [
        # a setting told once after the list is the whole list's
        ("Peter Keller met Anna Novak and Paul Moravec in Geneva.",
         {(frozenset({KELLER, "Anna Novak", "Paul Moravec"}), "Geneva")}),
        # one told inside the list and none after it: today's one meeting
        ("Peter Keller met Anna Novak of Valoria in Geneva and Paul Moravec.",
         {(frozenset({KELLER, "Anna Novak"}), "Geneva")}),
        # not counterparts: a second clause, a subject's phrase, a list of places
        ("Peter Keller met Anna Novak in Geneva and flew to Paris.",
         {(frozenset({KELLER, "Anna Novak"}), "Geneva")}),
        ("Peter Keller met Anna Novak in Geneva and the press in Paris said he was happy.",
         {(frozenset({KELLER, "Anna Novak"}), "Geneva")}),
        ("Peter Keller met Anna Novak in Geneva and Paris.",
         {(frozenset({KELLER, "Anna Novak"}), "Geneva")}),
    ],
)
def test_lists_without_settings_of_their_own_are_as_before(nlp, text, want):
    assert {(m.names, m.place) for m in meetings(nlp, text)} == want


def test_the_scorer_reads_the_setting_of_its_counterparts_group(nlp):
    text = "Peter Keller met Anna Novak in Geneva and Paul Moravec in Paris."
    doc = set_doc_context(nlp.make_doc(text), "t", None)
    for _, proc in nlp.pipeline:
        doc = proc(doc)
    index = doc._.kg_entities
    places = {}
    for si, sent, c in sentence_candidates(doc, index):
        m = to_meeting(doc, index, si, sent, c, 0.9, None)
        labels = {index.get(k).label for k in m.participants}
        if KELLER in labels:
            places[frozenset(labels - {KELLER})] = m.place
    assert places == {frozenset({"Anna Novak"}): "Geneva", frozenset({"Paul Moravec"}): "Paris"}
