"""Mends of the reading of 16f's and 16g's commits (review-17r): a meeting time that holds the
story's day does not veto a done journey's day; a meeting's own possessive or held clause
dates it; a later journey in the same list breaks the outing; a held report dated from
another sentence keeps last year's day; a company's short name is not a body of the table.
Sentences written for these tests."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, run

from kg.model import EntityType

pytestmark = pytest.mark.model

#: A Friday.
_FRIDAY = date(2026, 3, 13)
NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize("text", [
    "Peter Novak flew to Valoria on Monday for talks with Paul Keller this week.",
    "Peter Novak has flown to Valoria on Monday for talks with Paul Keller this month.",
    "Peter Novak flew to Valoria on Monday for his first meeting with Paul Keller this year.",
    "Peter Novak flew to Valoria in January to meet Paul Keller later that week.",
])
def test_a_meeting_time_that_holds_the_story_day_leaves_a_done_journey_behind(nlp, text):
    assert [(m.names, m.status) for m in meetings(nlp, text, _FRIDAY)] == [
        (NOVAK_KELLER, "happened")]


PAIR = frozenset({"France", "Italy"})


@pytest.mark.parametrize(("text", "status"), [
    # the meeting's own possessive and its own clause of holding date it
    ("France and Italy agreed to announce the merger at last week's meeting in Geneva.",
     "happened"),
    ("France and Italy agreed to announce the merger at a Geneva meeting held last week.",
     "happened"),
    ("France and Italy agreed to discuss the merger at a meeting that was held last week.",
     "happened"),
    # another event's possessive, or a clause of planning, does not
    ("France and Italy agreed to discuss the merger at a meeting before last week's vote.",
     "planned"),
    ("France and Italy agreed to announce the merger at a meeting in Geneva that was "
     "scheduled last month.", "planned"),
])
def test_a_meetings_own_possessive_or_clause_of_holding_dates_it(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text, _FRIDAY)] == [(PAIR, status)]


@pytest.mark.parametrize(("text", "place"), [
    # another journey between the journey and the meeting ends the outing
    ("Peter Novak flew to Valoria on Monday, went on to Norland on Tuesday and met Paul "
     "Keller on Wednesday.", None),
    ("Peter Novak went to Valoria on Monday and returned on Wednesday, and met Paul Keller on "
     "Thursday.", None),
    ("Peter Novak went to Valoria on Monday, left on Wednesday and met Paul Keller on "
     "Thursday.", None),
    ("Peter Novak flew to Valoria, visited Norland and met Paul Keller.", None),
    # an arrival or a tour of the same place does not
    ("Peter Novak flew to Valoria, toured the capital and met Paul Keller.", "Valoria"),
    ("Peter Novak flew to Valoria and arrived on Monday and met Paul Keller.", "Valoria"),
])
def test_another_journey_between_ends_the_outing(nlp, text, place):
    assert [m.place for m in meetings(nlp, text, _FRIDAY)] == [place]


@pytest.mark.parametrize("text", [
    "Peter Novak met Paul Keller in Geneva. The meeting on March 20 was their first.",
    "Peter Novak and Paul Keller held talks. The talks on March 20 ended without a deal.",
])
def test_a_held_report_dated_from_the_next_sentence_keeps_last_years_day(nlp, text):
    # a Monday story: March 20 is ahead of it, so the held meeting's is last year's, in every
    # report of it, in date and interval alike
    x = run(nlp, text, date(2026, 3, 16))
    assert {(m.date, m.span.start, m.span.end) for m in x.meetings if m.span} == {
        (date(2025, 3, 20), date(2025, 3, 20), date(2025, 3, 20))}


@pytest.mark.parametrize(("text", "company"), [
    ("Nato Holdings Ltd said on Tuesday its profit rose. Nato said it would meet Paul Keller "
     "in Vienna.", "organization:nato holdings ltd"),
    ("Peter Novak of EC Industries Inc met Paul Keller. EC said the talks went well.",
     "organization:ec industries inc"),
])
def test_a_companys_short_name_is_the_company_not_the_tables_body(nlp, text, company):
    orgs = {e.key for e in run(nlp, text).entities if e.type is EntityType.ORGANIZATION}
    assert orgs == {company}, orgs


@pytest.mark.parametrize(("text", "place"), [
    # another named subject's meeting is not the traveller's outing
    ("Peter Novak flew to Valoria on Monday, and Anna Moravec met Paul Keller on Tuesday.",
     None),
    ("Peter Novak flew to Valoria, and Anna Moravec met Paul Keller.", None),
    # the traveller named again, or a pronoun, is
    ("Peter Novak flew to Valoria on Monday, and he met Paul Keller on Tuesday.", "Valoria"),
    ("Paul Keller flew to Valoria on Monday, and Keller met Peter Novak on Tuesday.",
     "Valoria"),
])
def test_another_named_subject_does_not_meet_on_the_travellers_outing(nlp, text, place):
    assert [m.place for m in meetings(nlp, text, _FRIDAY)] == [place]
