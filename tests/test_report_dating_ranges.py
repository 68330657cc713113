"""A report's days from a range that names both ends, from a second day or a counted span the
parser splits off, and from the purpose of a journey told as done (issue 18)."""

from __future__ import annotations

import pytest
from meeting_helpers import FRI, d, run


def spans_by_pair(nlp, text, published=FRI):
    x = run(nlp, text, published)
    return {frozenset(p.split(":", 1)[1] for p in m.participants): (m.span.start, m.span.end)
            for m in x.meetings}


NOVAK_KELLER = frozenset({"peter novak", "paul keller"})


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    ("Peter Novak will meet Paul Keller in Rome from April 6 to 8.", (d(4, 6), d(4, 8))),
    ("Peter Novak will hold talks with Paul Keller from May 3 to May 6.", (d(5, 3), d(5, 6))),
    ("Peter Novak will hold talks with Paul Keller from Monday to Wednesday.",
     (d(3, 16), d(3, 18))),
    ("Peter Novak will hold talks with Paul Keller from March 30 to April 2.",
     (d(3, 30), d(4, 2))),
    ("Peter Novak met Paul Keller in Rome from March 3 through 5.", (d(3, 3), d(3, 5))),
    # a boundary alone still dates nothing
    ("Peter Novak has held talks with Paul Keller since January.", (None, FRI)),
])
def test_a_range_that_names_both_ends_gives_the_days(nlp, text, expected):
    assert spans_by_pair(nlp, text)[NOVAK_KELLER] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # the journey is the story's day or the day before; its talks follow it
    ("Peter Novak arrived in Nordland for talks with Paul Keller.", (d(3, 12), d(3, 16))),
    ("Peter Novak left for Nordland for talks with Paul Keller.", (d(3, 12), d(3, 16))),
    # told of a speaker, the talks are the occasion of what he says: as before
    ("Peter Novak, who arrived in Nordland for talks with Paul Keller, said the plan would "
     "work.", (d(3, 12), FRI)),
    # the talks told as held, not as a journey's purpose: the lead's week, as before
    ("Peter Novak held talks with Paul Keller in Nordland.", (d(3, 7), FRI)),
])
def test_talks_a_journey_told_as_done_was_for_follow_it(nlp, text, expected):
    assert spans_by_pair(nlp, text)[NOVAK_KELLER] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a second day NER tagged as a bare number, coordinated with the first
    ("Peter Novak will hold talks with Paul Keller on March 17 and 18 to settle the dispute.",
     ("March 17 and 18", (d(3, 17), d(3, 18)))),
    # a number that counts something else is not a day
    ("Peter Novak met Paul Keller on March 2 and 40 delegates attended.",
     ("March 2", (d(3, 2), d(3, 2)))),
    # a counted span before or after the story
    ("Peter Novak said he met Paul Keller twice in the last two weeks.",
     ("last two weeks", (d(2, 27), FRI))),
    ("Peter Novak will meet Paul Keller in the next three days.",
     ("next three days", (FRI, d(3, 16)))),
    ("Peter Novak will meet Paul Keller in the next few days.",
     ("next few days", (FRI, d(3, 19)))),
])
def test_days_the_parser_splits_or_counts(nlp, text, expected):
    from meeting_helpers import run

    (m,) = run(nlp, text, FRI).meetings
    assert (m.time, (m.span.start, m.span.end)) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    "Peter Novak will meet Paul Keller before April 20.",
    "Peter Novak will meet Paul Keller some time after March 20.",
])
def test_a_date_the_meeting_comes_before_or_after_is_not_its_day(nlp, text):
    # the time a meeting is told with and the lone date of its sentence read bounds alike
    from meeting_helpers import run

    (m,) = run(nlp, text, FRI).meetings
    assert m.time is None and m.span.start != m.span.end
