"""Mends of a reading of the dates and acronym keys of issue 18's splits: a date the text never
names, a bounding date read in the meeting's tense, "until" read as "before", an indefinite
noun taken for an event, a held meeting dated after its story, and an acronym keyed by which
of it and its long form comes first."""

from __future__ import annotations

import pytest
from meeting_helpers import d, run

from kg.model import DateSpan

#: A Monday: a weekday named in its story may be that day, the last one or the next.
MON = d(3, 16)


def reports(nlp, text: str, published=MON) -> list[tuple]:
    """Each report's (date, span)."""
    return [(m.date, m.span) for m in run(nlp, text, published).meetings]


@pytest.mark.model
@pytest.mark.parametrize(("text", "published", "day"), [
    ("Talks between Peter Novak and Paul Keller ended on Monday.", MON, MON),
    ("Peter Novak and Paul Keller ended three days of talks on Monday.", MON, MON),
    ("Talks between Peter Novak and Paul Keller ended on Tuesday.", d(3, 17), d(3, 17)),
])
def test_a_meeting_that_ends_on_the_story_day_is_dated_that_day(nlp, text, published, day):
    (date_, span), = reports(nlp, text, published)
    assert date_ == day
    assert span.start <= day <= span.end


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peter Novak will hold talks with Paul Keller, the first since they fell out in May.",
    "Peter Novak will hold talks with Paul Keller, the first since the crisis began on March 2.",
    "Peter Novak will meet Paul Keller after the vote, which took place on March 2.",
])
def test_a_past_event_a_planned_meeting_follows_is_not_rolled_into_next_year(nlp, text):
    (_, span), = reports(nlp, text)
    assert span.start is not None and span.start >= MON
    assert span.start.year == 2026


@pytest.mark.model
def test_talks_held_until_a_day_end_on_that_day(nlp):
    (date_, span), = reports(nlp, "Peter Novak held talks with Paul Keller until the deadline "
                                  "on Friday.")
    assert date_ in (None, d(3, 13))
    assert span.end == d(3, 13) and span.start is not None


@pytest.mark.model
def test_a_date_hung_on_an_indefinite_noun_dates_the_meeting(nlp):
    (date_, span), = reports(nlp, "Peter Novak met Paul Keller after a long delay on Friday.")
    assert date_ in (None, d(3, 13))
    assert span == DateSpan(d(3, 13), d(3, 13), "day")


@pytest.mark.model
def test_a_held_meeting_is_not_dated_after_its_story(nlp):
    (date_, _), = reports(nlp, "Peter Novak met Paul Keller on March 20.")
    assert date_ is not None and date_ <= MON


def bodies(nlp, text):
    """Organisation key -> its mention texts."""
    x = run(nlp, text)
    return {e.key: {m.text for m in e.mentions} for e in x.entities
            if e.key.startswith("organization:")}


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peter Novak met officials of the Inter-Valoria Development Bank in Geneva on Monday. "
    "The IVDB said the talks went well.",
    "The IVDB said on Monday that the talks went well. Peter Novak met officials of the "
    "Inter-Valoria Development Bank in Geneva.",
])
def test_an_acronym_has_its_long_form_key_whichever_comes_first(nlp, text):
    found = bodies(nlp, text)
    assert list(found) == ["organization:inter-valoria development bank"]
    assert "IVDB" in found["organization:inter-valoria development bank"]
