"""Both parties named in the sentence, the meeting word hung where the small parser puts it:
participles on a name or a noun, "following" read as a verb, and verbs of talking with
someone. Hand-written sentences, positives and negatives."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        # a participle on a name: its subject is that name
        ("Paul Keller, meeting with Anna Moravec today, renewed demands for higher wages.",
         {"Paul Keller", "Anna Moravec"}, "happened"),
        # "following" parsed as a participle on a noun: the talks are still the setting of
        # the verb above, whose subject took part
        ("Anna Moravec told reporters at a briefing following informal talks with Peter Novak "
         "that progress was made.", {"Anna Moravec", "Peter Novak"}, "happened"),
        # chatting with someone is talking with them
        ("Paul Keller and Peter Novak chatted briefly with Anna Moravec after the vote.",
         {"Paul Keller", "Peter Novak", "Anna Moravec"}, "happened"),
        # discontinuing talks presupposes them, like ending them
        ("Hollis Mining Corp said it was discontinuing talks with Bracken Steel Inc.",
         {"Hollis Mining Corp", "Bracken Steel Inc."}, "happened"),
    ],
)
def test_parties_the_parse_hangs_elsewhere(nlp, text, names, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(frozenset(names), status)]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak chatted to reporters after the vote.",
        "Paul Keller, meeting analysts' forecasts, reported higher profits for Hollis Mining "
        "Corp.",
        "Anna Moravec told reporters at a briefing following the vote that progress was made.",
    ],
)
def test_no_meeting_without_a_named_counterpart(nlp, text):
    assert meetings(nlp, text) == []
