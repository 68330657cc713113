"""A report with no time of its own is dated where the story first told the same meeting,
and only there."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import FRI

from kg.extract.timeplace.earlier_mention import dated_meeting_noun


def reports(nlp, text):
    from meeting_helpers import run

    return [(m.provenance.sentence_index, m.status.value, m.time, m.span.start, m.span.end)
            for m in run(nlp, text, FRI).meetings]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # The date hangs on the verb of the meeting noun's clause.
    ("The plan will be put forward at a meeting later this month between Ann Loy and Bo "
     "Vint.", "later this month"),
    ("Ann Loy and Bo Vint hold talks next week.", "next week"),
    # A journey's day is not the meeting's, nor is a boundary a day.
    ("Ann Loy leaves on Monday for a meeting with Bo Vint.", None),
    ("Ann Loy has sought a meeting with Bo Vint since January.", None),
    # Two dated meetings: which one a later report tells is not known.
    ("Ann Loy will attend a meeting on Monday and hold talks with Bo Vint on Tuesday.", None),
])
def test_the_date_of_a_meeting_noun(nlp, text, expected):
    found = dated_meeting_noun(next(nlp(text).sents))
    assert (found.text if found is not None else None) == expected


@pytest.mark.model
def test_a_report_with_no_time_gets_the_date_of_the_first_telling(nlp):
    # The first sentence is no report of its own (a hedged "would be made at a meeting"); the
    # later one keeps no time text (the per-report figures do not change), only its interval
    # is the first telling's: the rest of the month.
    got = reports(nlp, "The offer would be made at a meeting later this month between Trade "
                       "Representative Ann Loy and Commissioner Bo Vint, officials said. Farm "
                       "prices fell again. Exports were weak. Diplomatic sources said Loy "
                       "will meet Vint in Paris.")
    assert got[-1] == (3, "planned", None, FRI, date(2026, 3, 31))


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # The earlier sentence names only one of the participants: maybe another meeting.
    "The offer would be made at a meeting later this month with Trade Representative Ann Loy, "
    "officials said. Diplomatic sources said Loy will meet Commissioner Bo Vint in Paris.",
    # Too far back.
    "The offer would be made at a meeting later this month between Trade Representative Ann "
    "Loy and Commissioner Bo Vint, officials said. Prices fell. Exports were weak. Wheat rose. "
    "Oil slid. Gold held. Diplomatic sources said Loy will meet Vint in Paris.",
])
def test_no_first_telling_keeps_the_publication_bound(nlp, text):
    assert reports(nlp, text)[-1][2:] == (None, FRI, None)


@pytest.mark.model
def test_a_first_date_that_reads_the_other_way_is_not_taken(nlp):
    # A planned meeting cannot be dated by a week already past.
    got = reports(nlp, "Ann Loy and Bo Vint held a meeting last week that ended without a deal. "
                       "Diplomatic sources said Loy will meet Vint in Paris.")
    assert got[-1][1:] == ("planned", None, FRI, None)


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "The grain price fell. Speaker Ann Loy met with chairman Bo Vint to discuss a tax plan. "
    "\"They are realists,\" Loy said of the tax writers after the private meeting.",
    "The grain price fell. Speaker Ann Loy met with chairman Bo Vint to discuss a tax plan. "
    "Loy told reporters at the end of their talks that a deal was near.",
])
def test_a_held_meeting_told_again_as_a_statements_occasion_is_of_the_story(nlp, text):
    assert reports(nlp, text) == [(1, "happened", None, date(2026, 3, 12), FRI)]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # Another meeting is told in between: "the meeting" may be that one.
    "The grain price fell. Speaker Ann Loy met with chairman Bo Vint to discuss a tax plan. "
    "Loy later met farm leaders. \"They are realists,\" Loy said after the meeting.",
    # An indefinite meeting is another one.
    "The grain price fell. Speaker Ann Loy met with chairman Bo Vint to discuss a tax plan. "
    "Loy told reporters after a meeting of farm leaders that prices would rise.",
])
def test_a_meeting_noun_that_may_be_another_meeting_dates_nothing(nlp, text):
    assert reports(nlp, text)[0] == (1, "happened", None, None, FRI)



@pytest.mark.model
def test_the_meeting_takes_the_date_of_the_meeting_named_just_before(nlp):
    text = ("Fishery ministers are to meet in Oslo next week. Minister Ann Loyd will hold the "
            "meeting with Minister Bo Vint.")
    # the sentence just before: its time, as written, is the report's too (the guide's
    # neighbouring sentence)
    assert reports(nlp, text) == [(1, "planned", "next week", date(2026, 3, 15),
                                   date(2026, 3, 21))]


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # "This meeting" is the meeting at hand, not the last one named.
    "Fishery ministers may need to meet in September. Minister Ann Loyd will hold this meeting "
    "with Minister Bo Vint.",
    # The nearest earlier sentence tells two meetings: which one is meant is not known.
    "Fishery ministers meet next week and their deputies meet in May. Minister Ann Loyd will "
    "hold the meeting with Minister Bo Vint.",
])
def test_this_meeting_or_an_unclear_referent_dates_nothing(nlp, text):
    assert reports(nlp, text) == [(1, "planned", None, FRI, None)]
