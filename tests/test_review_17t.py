"""Defects a reading of 721872d..dcf1462 found (seventeenth session, helper 17t): a list's
last item before a participle, ordinal days, the 'since' bound of a round of talks, the denied
passive journey."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, run

pytestmark = pytest.mark.model

#: A Friday.
FRI = date(2026, 3, 13)
#: A Monday.
MON = date(2026, 3, 9)


@pytest.mark.parametrize("text", [
    "Peter Novak met Paul Keller and Anna Moravec hoping to end the dispute.",
    "Peter Novak held talks with Paul Keller and Anna Moravec hoping for a ceasefire.",
    "Peter Novak met with Paul Keller and Anna Moravec looking for a compromise.",
])
def test_a_participle_after_the_last_item_is_the_subject_s(nlp, text):
    # 9e282b2 took any verb the parser made adverbial as a clause the last item opens,
    # dropping that item from the list
    got = {m.names for m in meetings(nlp, text, FRI)}
    assert got == {frozenset({"Peter Novak", "Paul Keller", "Anna Moravec"})}


def test_a_participle_meeting_is_the_first_subject_s(nlp):
    got = {m.names for m in meetings(
        nlp, "Peter Novak met Paul Keller and Anna Moravec meeting Karl Lenz on Friday.", FRI)}
    assert frozenset({"Anna Moravec", "Karl Lenz"}) not in got


def test_a_finite_second_clause_still_has_its_own_subject(nlp):
    got = {m.names for m in meetings(
        nlp, "Peter Novak met Paul Keller and Anna Moravec met Karl Lenz on Friday.", FRI)}
    assert got == {frozenset({"Peter Novak", "Paul Keller"}),
                   frozenset({"Anna Moravec", "Karl Lenz"})}


@pytest.mark.parametrize("text", [
    "Peter Novak is meeting Anna Moravec on March 20th.",
    "Peter Novak is meeting Anna Moravec on the 20th of March.",
])
def test_a_progressive_dated_by_an_ordinal_day_is_an_arrangement(nlp, text):
    # 6cb3453 counted a month as one day only with a bare number ("March 20")
    [m] = meetings(nlp, text, FRI)
    assert m.status == "planned"


@pytest.mark.parametrize("text", [
    "Peter Novak has held three rounds of talks with Anna Moravec since March 2.",
    "Peter Novak has been at talks with Anna Moravec since March 2.",
])
def test_talks_of_the_clause_s_object_run_from_their_since_date(nlp, text):
    # c2cb962 read any meeting word under a preposition but "in" as another event's
    [m] = run(nlp, text, MON).meetings
    assert (m.span.start, m.span.end) == (date(2026, 3, 2), MON)


@pytest.mark.parametrize("text", [
    "Peter Novak denied he was driven to the airport to meet Anna Moravec.",
    "Peter Novak denied he was rushed to the border to meet Anna Moravec.",
    "Peter Novak denied he was recalled to the capital to meet Anna Moravec.",
])
def test_a_denied_passive_journey_of_a_verb_of_taking_negates(nlp, text):
    # 2377fd6 read only a few verbs of sending, or a named place, as a journey
    [m] = meetings(nlp, text, MON)
    assert m.status == "negated"


def test_a_later_of_next_week_after_a_done_journey_is_ahead(nlp):
    # "later next week" names the report's next week, not a time after the journey
    [m] = meetings(nlp, "Peter Novak, who flew to Oslo on Sunday to meet Anna Moravec later "
                        "next week, said little.", FRI)
    assert m.status == "planned"


def test_a_progressive_dated_by_a_later_month_alone_is_an_arrangement(nlp):
    # 6cb3453 dropped every month alone, meant for the report's own ("in March" in March)
    [m] = meetings(nlp, "Peter Novak is meeting Anna Moravec in April.", FRI)
    assert m.status == "planned"


@pytest.mark.parametrize("text, place", [
    ("Peter Novak visited Oslo on Monday and Anna Moravec met Karl Lenz there.", "Oslo"),
    ("Peter Novak flew to Oslo, and Anna Moravec met Karl Lenz there on Monday.", "Oslo"),
])
def test_there_after_another_subject_s_journey_is_the_journey_s_place(nlp, text, place):
    # 9e282b2 let place._other_subject see the stranded subject, which refused the journey's
    # place before "there" was read
    assert {m.place for m in meetings(nlp, text, FRI)} == {place}
