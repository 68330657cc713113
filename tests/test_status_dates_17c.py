"""Talks a journey told as done is for, with a time of their own ahead; a meeting gone on
"since" a day; a denied passive journey to an event (issues 13 and 18, helper 17c)."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import meetings, spans

pytestmark = pytest.mark.model

#: The publication day of these stories: a Monday.
MON = date(2026, 3, 9)
KELLER_MORAVEC = frozenset({"Ruth Keller", "Jan Moravec"})
KELLER_NOVAK = frozenset({"Ruth Keller", "Anton Novak"})


def _one(nlp, text: str, published: date | None = MON):
    [m] = meetings(nlp, text, published)
    return m


def test_talks_a_journey_is_for_keep_their_own_time_ahead_in_a_relative_clause(nlp):
    # the journey is told as done in a speaker's relative clause; the talks' "tomorrow" is
    # still ahead of the story (before: held, dated tomorrow)
    m = _one(nlp, "Ruth Keller, who flew to Oslo on Sunday for talks tomorrow with Jan "
                  "Moravec, said progress was likely.")
    assert m.names == KELLER_MORAVEC and m.status == "planned" and m.date == date(2026, 3, 10)
    m = _one(nlp, "Ruth Keller, who flew to Oslo on Sunday to meet Jan Moravec tomorrow, "
                  "said progress was likely.")
    assert m.status == "planned" and m.date == date(2026, 3, 10)
    # with no time of their own they keep the relative clause's held reading (14d)
    m = _one(nlp, "Ruth Keller, who flew to Oslo on Sunday for talks with Jan Moravec, said "
                  "progress was likely.")
    assert m.status == "happened"
    # and a past journey's "later" follows the journey, not the story
    m = _one(nlp, "Ruth Keller travelled to Oslo last month for talks later with Jan Moravec.")
    assert m.status == "happened"


def test_talks_a_journey_is_for_keep_their_own_time_ahead_with_no_story_date(nlp):
    # with no publication date, a time that says by its words it is ahead still is (before:
    # any time counted as the journey's day behind the story, and the talks were held)
    m = _one(nlp, "Ruth Keller has flown to Valoria for talks tomorrow with President Anton "
                  "Novak.", None)
    assert m.names == KELLER_NOVAK and m.status == "planned"
    m = _one(nlp, "Ruth Keller flew to Oslo on Sunday to meet Jan Moravec next week.", None)
    assert m.status == "planned"
    # a weekday may lie either side of an undated story: the journey's day still counts
    m = _one(nlp, "Ruth Keller flew to Oslo on Sunday for talks on Tuesday with Jan Moravec.",
             None)
    assert m.status == "happened"


def test_talks_a_dated_journey_is_for_in_a_main_clause(nlp):
    # (these held on the old code: the talks' own day, planned)
    m = _one(nlp, "Ruth Keller has flown to Valoria for talks tomorrow with President Anton "
                  "Novak.")
    assert m.status == "planned" and m.date == date(2026, 3, 10)
    m = _one(nlp, "Ruth Keller flew to Oslo on Sunday for talks on Tuesday with Jan Moravec.")
    assert m.status == "planned" and m.date == date(2026, 3, 10)
    m = _one(nlp, "Ruth Keller will fly to Oslo on Sunday for talks on Tuesday with Jan "
                  "Moravec.")
    assert m.status == "planned" and m.date == date(2026, 3, 17)
    # a journey a week back is no journey whose talks are ahead
    m = _one(nlp, "Ruth Keller flew to Oslo last week for talks with Jan Moravec.")
    assert m.status == "happened"
    # negation and denial win over the time ahead
    m = _one(nlp, "Ruth Keller never flew to Oslo for talks tomorrow with Jan Moravec.")
    assert m.status == "negated"
    m = _one(nlp, "Ruth Keller denied she flew to Oslo for talks tomorrow with Jan Moravec.")
    assert m.status == "negated"


def test_a_meeting_gone_on_since_a_day_runs_from_it_to_the_story(nlp):
    for text in ("Ruth Keller and Jan Moravec have been meeting in Oslo since March 2.",
                 "The talks between Ruth Keller and Jan Moravec, under way since March 2, "
                 "have made progress.",
                 "Ruth Keller has met Jan Moravec three times since March 2."):
        m = _one(nlp, text)
        # held, no day of its own: not a one-day meeting on March 2
        assert m.names == KELLER_MORAVEC and m.status == "happened" and m.date is None, text
        assert spans(nlp, text, MON) == [(date(2026, 3, 2), MON)], text
    assert spans(nlp, "Ruth Keller and Jan Moravec have been negotiating since last week.",
                 MON) == [(date(2026, 3, 1), MON)]


def test_a_since_phrase_that_is_no_start_of_the_meeting(nlp):
    # a day of its own dates the meeting; "since" tells the gap before it
    m = _one(nlp, "Ruth Keller met Jan Moravec on Monday, their first meeting since March 2.")
    assert m.date == MON
    # talks going on for years are dated as fresh news, as before
    assert spans(nlp, "Ruth Keller and Jan Moravec have been holding talks since 1998.",
                 MON) == [(date(2026, 3, 8), MON)]
    # a meeting on the day stays on it
    assert spans(nlp, "Ruth Keller and Jan Moravec met on March 2.", MON) == [
        (date(2026, 3, 2), date(2026, 3, 2))]


def test_a_denied_passive_journey_to_an_event_negates_its_meeting(nlp):
    for text in ("Ruth Keller denied he was sent to the summit to meet Anton Novak.",
                 "Ruth Keller denied he was flown to the summit to meet Anton Novak.",
                 "Ruth Keller denied she was sent to the embassy to meet Anton Novak."):
        m = _one(nlp, text)
        assert m.names == KELLER_NOVAK and m.status == "negated", text
    # as a place already was (7d36076), and an invitation to the talks
    assert _one(nlp, "Ruth Keller denied he was sent to Valoria to meet Anton Novak.").status \
        == "negated"
    assert _one(nlp, "Ruth Keller denied that she was invited to the talks with Jan "
                     "Moravec.").status == "negated"
    # no journey, or no denial: the meeting keeps its reading
    for text in ("Ruth Keller denied he was paid to meet Anton Novak.",
                 "Ruth Keller did not deny he was sent to the summit to meet Anton Novak.",
                 "Ruth Keller said he was sent to the summit to meet Anton Novak."):
        assert _one(nlp, text).status == "happened", text


def test_a_date_ordered_against_another_event_than_the_meeting_does_not_date_it(nlp):
    # the meeting is in an "after" phrase, the date in a "since" phrase of the statement made
    # after it: the date is of an event neither is (before: the meeting dated February)
    for text in ("Ruth Keller, after meeting Jan Moravec, said the Valorian economy had grown "
                 "since the February Oslo accord.",
                 "After talks with Jan Moravec, Ruth Keller said the economy had grown since "
                 "Valoria cut its tariffs in February."):
        [(start, _)] = spans(nlp, text, MON)
        assert start is not None and start.month == 3, text
    # the statement's own day still dates a meeting it came after ...
    assert spans(nlp, "Ruth Keller said on Sunday, after meeting Jan Moravec, that the economy "
                      "had grown since the accord.", MON) == [(date(2026, 3, 8), date(2026, 3, 8))]
    # ... and a meeting after a dated event is bounded by it
    assert spans(nlp, "Ruth Keller held talks with Jan Moravec after the February Oslo accord.",
                 MON) == [(date(2026, 2, 1), MON)]


@pytest.mark.parametrize("text", [
    "Peter Novak flew to Valoria in January to meet Paul Keller later that week.",
    "Peter Novak flew to Valoria in January for talks with Paul Keller later that week.",
])
def test_a_later_after_a_done_journey_follows_the_journey_17(nlp, text):
    # the lead's mend of the merge: "later" counts from the journey told as done, not the
    # report, with or without a publication date
    for published in (date(2026, 3, 13), None):
        assert [m.status for m in meetings(nlp, text, published)] == ["happened"], published
