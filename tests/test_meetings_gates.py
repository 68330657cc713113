"""The gates that keep a meeting word out (a call or letter, a wish, a condition) against the
words that only stand near it: a medium in a name, a topic or a clause below the word; a wish
on a coordinated verb, on a thing of the meeting or on what is done before it; a proposal made
at the meeting; a denied ability. Hand-written sentences, positives and negatives."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


def _excluded(nlp, text: str, word: str) -> bool:
    from kg.extract.meetings.meeting_candidates import excluded

    doc = nlp(text)
    return excluded(next(t for t in doc if t.text == word))


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a medium word in what is discussed, or in a clause on a party, is no medium
        ("Peter Novak met Paul Keller on Monday to discuss the sale of the Valorian telephone "
         "company.", "happened"),
        ("Peter Novak met Paul Keller, who had spoken by telephone with Anna Moravec.",
         "happened"),
        ("Peter Novak held talks with Paul Keller on the future of the national telephone "
         "network.", "happened"),
        # a wish on a verb beside the meeting verb is not on the meeting
        ("Peter Novak pressed Valoria for lower tariffs and met Paul Keller on Tuesday.",
         "happened"),
        # a wish or modal on what is done before a meeting leaves the meeting planned
        ("Peter Novak hopes to win support ahead of his meeting with Paul Keller on Friday.",
         "planned"),
        # welcoming a thing of the meeting presupposes the meeting
        ("Anna Moravec welcomed the outcome of the meeting between Peter Novak and Paul Keller "
         "in Geneva.", "happened"),
        # a "that" clause the parser hung on a noun of telling is told as so
        ("Peter Novak told the senate in a written reply that he had talks with Paul Keller.",
         "happened"),
        # a denied ability is a negation, as "could not meet" is
        ("Peter Novak was not able to meet Paul Keller on Monday.", "negated"),
        ("Peter Novak said he was not able to attend the talks with Paul Keller.", "negated"),
    ],
)
def test_words_near_a_meeting_do_not_gate_it(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak held telephone talks with Paul Keller on Monday.",
        "Peter Novak and Paul Keller conferred over the phone on Monday.",
        "Peter Novak talked with Paul Keller by telephone on Monday.",
        "In a telephone conversation with Paul Keller, Peter Novak discussed the loan.",
        "Anna Moravec welcomed the idea of a meeting between Peter Novak and Paul Keller.",
        "Peter Novak urged Paul Keller to meet Anna Moravec.",
        "Peter Novak wants to meet Paul Keller and talk with Anna Moravec.",
        "Peter Novak would be able to meet Paul Keller on Monday.",
        "Peter Novak made a proposal for talks with Paul Keller.",
        "Peter Novak said in a speech that he hoped to meet Paul Keller.",
    ],
)
def test_calls_wishes_and_possibilities_stay_out(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "word", "out"),
    [
        ("Talks between the Valoria Telephone Workers Union and Acme Corp ended on Friday.",
         "Talks", False),
        ("Officials said the decision might prompt Valoria to lift the duties ahead of next "
         "week's summit between Peter Novak and Paul Keller.", "summit", False),
        ("Peter Novak held telephone talks with Paul Keller on Monday.", "talks", True),
        ("Peter Novak called for a summit with Paul Keller.", "summit", True),
        # a proposal made at a meeting does not propose it
        ("The call by Peter Novak at a meeting with Paul Keller on Monday surprised the "
         "markets.", "meeting", False),
        ("Peter Novak rejected calls for a summit with Paul Keller.", "summit", True),
    ],
)
def test_the_candidate_gate_reads_the_same(nlp, text, word, out):
    assert _excluded(nlp, text, word) is out
