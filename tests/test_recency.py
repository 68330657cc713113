"""A held meeting told with no day in a story's lead is of the days just before the story; told
anywhere else, or as a recollection, it keeps only the story's day as its latest bound."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import FRI, spans

from kg.extract.timeplace.recency import LEAD_DAYS

WEEK = (date(2026, 3, 13 - LEAD_DAYS), FRI)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Finance Minister Ari Vell met Central Bank Governor Tomas Brek to discuss the currency, "
    "officials said.",
    "Trade Minister Nora Lind held talks with Foreign Minister Paul Osei on fishing quotas.",
    "Trade Minister Nora Lind has held talks with Foreign Minister Paul Osei on fishing quotas.",
    # The present perfect passive, and the pluperfect a reported statement makes of a past.
    "Acme Corp said preliminary merger talks with Boltwood Inc have been terminated.",
    "Acme Corp said the company had ended talks with Boltwood Inc about the sale of some assets.",
])
def test_the_leads_held_meeting_is_of_the_week_before_the_story(nlp, text):
    assert spans(nlp, text) == [WEEK]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # Not the lead: a later paragraph may tell a meeting of any time before.
    "The currency fell again. Finance Minister Ari Vell met Central Bank Governor Tomas Brek "
    "to discuss it, officials said.",
    # The pluperfect tells an earlier meeting.
    "Finance Minister Ari Vell had met Central Bank Governor Tomas Brek to discuss the currency.",
    # A relative clause recalls it.
    "The currency plan came from Finance Minister Ari Vell, who met Central Bank Governor Tomas "
    "Brek in Oslo.",
    # Words of an earlier time make it a recollection.
    "Finance Minister Ari Vell met Central Bank Governor Tomas Brek for the first time since the "
    "election.",
    "Finance Minister Ari Vell said his last meeting with Central Bank Governor Tomas Brek was "
    "useful.",
])
def test_a_held_meeting_elsewhere_or_recalled_keeps_an_open_start(nlp, text):
    assert spans(nlp, text) == [(None, FRI)]


@pytest.mark.model
def test_a_planned_meeting_in_the_lead_keeps_the_story_as_its_first_day(nlp):
    assert spans(nlp, "Finance Minister Ari Vell will meet Central Bank Governor Tomas Brek to "
                      "discuss the currency.") == [(FRI, None)]


@pytest.mark.model
def test_a_time_of_its_own_still_dates_the_leads_meeting(nlp):
    assert spans(nlp, "Finance Minister Ari Vell met Central Bank Governor Tomas Brek on "
                      "Tuesday.") == [(date(2026, 3, 10), date(2026, 3, 10))]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The pact came into force. Ambassador Ola Dahl made the proposal at a meeting with Premier "
    "Ian Moss, the agency said.",
    "The pact came into force. Ambassador Ola Dahl urged changes after talks with Premier Ian "
    "Moss, the agency said.",
])
def test_a_proposal_made_at_or_after_the_meeting_is_the_news_of_the_day(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


@pytest.mark.model
def test_a_proposal_about_a_meeting_is_not_made_at_it(nlp):
    assert spans(nlp, "The pact came into force. Ambassador Ola Dahl made a proposal for talks "
                      "with Premier Ian Moss, the agency said.") != [(date(2026, 3, 12), FRI)]


@pytest.mark.model
def test_a_word_of_an_earlier_time_in_another_clause_does_not_make_a_recollection(nlp):
    assert spans(nlp, "Finance Minister Ari Vell met Central Bank Governor Tomas Brek to discuss "
                      "the currency, and analysts said a recent forecast was too gloomy.") \
        == [WEEK]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The pact came into force. Ambassador Ola Dahl said during talks with Premier Ian Moss that "
    "the border would open.",
    "The pact came into force. Ambassador Ola Dahl said in talks with Premier Ian Moss that the "
    "border would open.",
])
def test_a_statement_made_during_the_meeting_is_the_news_of_the_day(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


# Talks told as going on when the story was written; the first sentence is neutral so that the
# lead rule plays no part.
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. Acme Corp and Boltwood Inc said they were negotiating a supply deal.",
    "The grain price fell. Acme Corp said it is in talks with Boltwood Inc on a merger.",
    "The grain price fell. Acme Corp said it was in talks with Boltwood Inc on a merger.",
    "The grain price fell. Acme Corp has been holding talks with Boltwood Inc on a merger.",
])
def test_talks_told_as_going_on_are_of_the_day_of_the_story(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


# The guide: negotiations told only as continuing, with no meeting event, are no meeting at all
# (kg/extract/meetings/habitual.py), so there is nothing to date.
@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. Acme Corp said discussions with Boltwood Inc on the tender were "
    "continuing.",
    "The grain price fell. Acme Corp and Boltwood Inc are continuing to meet to explore a merger, "
    "the broker said.",
    "The grain price fell. Acme Corp said talks with Boltwood Inc continue.",
])
def test_talks_told_only_as_continuing_are_no_meeting_to_date(nlp, text):
    assert spans(nlp, text) == []


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # The pluperfect progressive: talks before some earlier time.
    "The grain price fell. Acme Corp had been holding talks with Boltwood Inc on a merger.",
    # A report in the present of a past progressive tells the past, not the time of saying.
    "The grain price fell. Acme Corp says it was in talks with Boltwood Inc.",
])
def test_talks_going_on_at_an_earlier_time_keep_an_open_start(nlp, text):
    assert spans(nlp, text) == [(None, FRI)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. A communique was issued after two days of talks between Minister Ola "
    "Dahl and Minister Ian Moss.",
    "The grain price fell. The statement was released during a meeting of Minister Ola Dahl and "
    "Minister Ian Moss.",
    "The grain price fell. As Minister Ola Dahl ended six hours of talks with Minister Ian Moss, "
    "diplomats said there was little hope of a deal.",
    "The grain price fell. Premier Ola Dahl explained the terms during talks with the visiting "
    "President Ian Moss, officials said.",
])
def test_a_communique_or_explanation_at_the_meeting_dates_it_to_the_story(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. Senator Bo Lund told reporters after he and his wife had met with "
    "President Ian Moss that the veto would hold.",
    "The grain price fell. A joint statement after the talks between Minister Bo Lund and "
    "Chancellor Ian Moss said the border would open.",
    "The grain price fell. Minister Bo Lund's remarks during talks with Chancellor Ian Moss "
    "angered farmers.",
])
def test_a_statement_just_after_or_at_the_meeting_dates_it_to_the_story(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


@pytest.mark.model
def test_a_clause_after_a_meeting_that_is_no_statement_keeps_an_open_start(nlp):
    assert spans(nlp, "The grain price fell. Minister Bo Lund resigned after he met Chancellor "
                      "Ian Moss.") == [(None, FRI)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. Minister Ola Dahl told this to a meeting of the Oslo Society of "
    "Analysts, the company said.",
    "The grain price fell. Opening the meeting of the Nordic Trade Council, Minister Ola Dahl "
    "said the accord was working.",
    "The grain price fell. Speaking briefly with reporters before entering a meeting of the "
    "Nordic Trade Council, Minister Ola Dahl said the dollar was stable.",
    "The grain price fell. Minister Ola Dahl told reporters at a briefing following informal "
    "talks with Premier Ian Moss that farm trade would be reviewed.",
    "The grain price fell. Minister Ola Dahl told a news conference after talks with Premier Ian "
    "Moss that farm trade would be reviewed.",
])
def test_a_statement_to_the_meeting_or_at_a_briefing_after_it_dates_it_to_the_story(nlp, text):
    assert spans(nlp, text) == [(date(2026, 3, 12), FRI)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # A journey to the meeting, or a statement about it, is no statement made at it.
    "The grain price fell. Minister Ola Dahl flew to a meeting of the Nordic Trade Council.",
    "The grain price fell. Minister Ola Dahl recalled a meeting of the Nordic Trade Council, "
    "officials said.",
])
def test_a_journey_to_or_a_memory_of_the_meeting_keeps_an_open_start(nlp, text):
    assert spans(nlp, text) == [(None, FRI)]
