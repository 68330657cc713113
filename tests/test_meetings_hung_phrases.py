"""Phrases the parser hung away from the meeting they belong to: a meeting noun's "with" phrase
hung on its setting ("talks at the embassy with X"), and a team's "headed by X" hung on the
noun of a phrase after the team ("the team on quotas headed by X"). Sentences written for
these tests. Also: addressing a named body's meeting ("X told the annual meeting of Y") is
being present at it, as "X said at a meeting of Y" already was."""

from __future__ import annotations

import pytest
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Novak held talks at the embassy with the Austrian team headed by Paul Keller.",
         {"Novak", "Paul Keller"}),
        ("Novak outlined the offer during a two hour meeting at the Austrian embassy with the "
         "Swiss team on dairy quotas headed by Paul Keller.", {"Novak", "Paul Keller"}),
        ("Anna Moravec had talks in the Kremlin yesterday with Soviet leader Mikhail Gorbachev.",
         {"Anna Moravec", "Mikhail Gorbachev"}),
    ],
)
def test_a_with_phrase_hung_on_the_setting_is_the_meetings(nlp, text, pair):
    assert frozenset(pair) in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        # the topic's "with", not the meeting's
        "Peter Novak held talks in Vienna on relations with China.",
        # a superlative's "with" on a place
        "Anna Moravec spoke at a dinner in the city with the largest port, Hamburg.",
        # the team's head is not said; the team stays a team
        "Peter Novak met the Swiss team on dairy quotas in Bern, which Paul Keller criticised.",
    ],
)
def test_a_with_phrase_of_the_topic_or_a_place_is_not_a_party(nlp, text):
    assert not any("Paul Keller" in p or "China" in p or "Hamburg" in p for p in pairs(nlp, text))


# --- addressing a named body's meeting is being present at it ------------------------------

@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Peter Novak told a meeting of the Baltic Shipping Council that rates would fall.",
         {"Peter Novak", "Baltic Shipping Council"}),
        ('"Banks must be flexible," Peter Novak told the annual meeting of the Asian '
         "Development Bank.", {"Peter Novak", "Asian Development Bank"}),
        ("Peter Novak addressed a meeting of the Organisation of American States in Lima on "
         "Monday.", {"Peter Novak", "Organisation of American States"}),
        # a part of the meeting stands where the meeting does
        ("Peter Novak, speaking at the end of the OPEC annual meeting, said prices would rise.",
         {"Peter Novak", "OPEC"}),
    ],
)
def test_addressing_a_named_bodys_meeting_is_attending_it(nlp, text, pair):
    assert frozenset(pair) in pairs(nlp, text)


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak told a meeting of bankers in Zurich that rates were too high.",
        "Peter Novak told the annual meeting of Keller Steel Inc that profits would rise.",
        "Peter Novak told a news conference that the meeting of OPEC would be delayed.",
        "Peter Novak could address the OPEC meeting if he is invited.",
    ],
)
def test_an_audience_a_company_or_a_condition_is_still_no_meeting(nlp, text):
    assert not pairs(nlp, text)
