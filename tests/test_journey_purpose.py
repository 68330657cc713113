"""Talks a journey told as done was for: still ahead of the journey (the guide's "arrives for
talks with" is planned), dated from the journey on whatever their status (issue 18)."""

from __future__ import annotations

import pytest
from meeting_helpers import FRI, d, run

NOVAK_KELLER = frozenset({"peter novak", "paul keller"})


def report(nlp, text):
    """The status and days of the one Novak-Keller meeting of ``text``."""
    x = run(nlp, text, FRI)
    (m,) = [m for m in x.meetings
            if frozenset(p.split(":", 1)[1] for p in m.participants) == NOVAK_KELLER]
    return m.status.value, (m.span.start, m.span.end)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a journey told as done, with no day: the journey is the story's day or the day before,
    # and the talks follow it, ahead of the story as much as behind it
    ("Peter Novak arrived in Nordland for talks with Paul Keller.",
     ("planned", (d(3, 12), d(3, 16)))),
    ("Peter Novak flew to Valoria to meet Paul Keller.", ("planned", (d(3, 12), d(3, 16)))),
    ("Peter Novak arrived in Valoria for a second round of talks with Paul Keller.",
     ("planned", (d(3, 12), d(3, 16)))),
    # a dated journey: the visit runs on from its day, past the story
    ("Peter Novak arrived in Nordland on Thursday for talks with Paul Keller.",
     ("planned", (d(3, 12), d(3, 15)))),
])
def test_talks_a_journey_told_as_done_was_for_are_still_ahead(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # told of a speaker, the talks are the occasion of what he says: held, as before
    ("Peter Novak, who arrived in Nordland for talks with Paul Keller, said the plan would "
     "work.", ("happened", (d(3, 12), FRI))),
    # a journey after the talks: they are over
    ("Peter Novak left Valoria after talks with Paul Keller.", ("happened", (d(3, 7), FRI))),
    # a journey still ahead: planned, as before
    ("Peter Novak will fly to Nordland on Monday for talks with Paul Keller.",
     ("planned", (d(3, 16), d(3, 19)))),
])
def test_other_journeys_keep_their_reading(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a journey denied: no talks ahead of it (review of 14d, finding 1)
    ("Peter Novak never flew to Valoria to meet Paul Keller.", ("negated", (None, None))),
    ("Peter Novak never arrived in Nordland for talks with Paul Keller.",
     ("negated", (None, FRI))),
    # a journey with its own day well before the story: the talks are as far behind
    # (finding 2)
    ("Peter Novak flew to Valoria on Monday to meet Paul Keller.",
     ("happened", (d(3, 9), d(3, 12)))),
    ("Peter Novak travelled to Nordland in 1998 for talks with Paul Keller.",
     ("happened", (d(1, 1, 1998), d(1, 3, 1999)))),
    # the same sentence tells the talks as over (finding 3)
    ("Peter Novak arrived in Nordland for talks with Paul Keller, which ended without an "
     "accord.", ("happened", (d(3, 7), FRI))),
    ("Peter Novak flew to Valoria for talks with Paul Keller and returned on Thursday.",
     ("happened", (d(3, 9), d(3, 12)))),
])
def test_journeys_denied_dated_or_told_as_over_are_not_ahead(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # an infinitive that takes part in no meeting: the talks are its topic, already held
    # (final reading, finding 1)
    ("Peter Novak flew to Valoria to brief the press on his talks with Paul Keller.",
     ("happened", (None, FRI))),
    ("Peter Novak flew home to explain his talks with Paul Keller.",
     ("happened", (None, FRI))),
    # a coordinated verb of saying tells nothing of the talks (finding 2)
    ("Peter Novak arrived in Nordland for talks with Paul Keller and said they would be "
     "difficult.", ("planned", (d(3, 12), d(3, 16)))),
    # a relative clause in any role, or a later journey, tells them as over (findings 2, 4)
    ("Peter Novak arrived in Nordland for talks with Paul Keller, which he called fruitful.",
     ("happened", (d(3, 7), FRI))),
    ("Peter Novak arrived in Nordland for talks with Paul Keller, which have ended.",
     ("happened", (d(3, 7), FRI))),
    ("Peter Novak flew to Valoria for talks with Paul Keller before flying home on Thursday.",
     ("happened", (d(3, 9), d(3, 12)))),
])
def test_talks_told_as_a_topic_or_as_over_are_not_ahead(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
def test_a_denied_journey_is_none(nlp):
    # "denied he flew": no journey told as done (finding 5); "said he flew" is one
    from kg.extract.timeplace.purpose import journey_for
    for verb, found in (("denied", None), ("said", "flew")):
        doc = nlp(f"Peter Novak {verb} he flew to Valoria to meet Paul Keller.")
        journey = journey_for(next(t for t in doc if t.text == "meet"))
        assert (journey.text if journey is not None else None) == found


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a denial says the journey, and the meeting it was made for, did not take place
    ("Peter Novak denied he flew to Valoria to meet Paul Keller.", "negated"),
    ("Peter Novak denied that he had travelled to Nordland for talks with Paul Keller.",
     "negated"),
    ("Peter Novak denied that he had met Paul Keller.", "negated"),
    # a denial not made, or one of what the talks did, leaves them held
    ("Peter Novak did not deny that he had met Paul Keller.", "happened"),
    ("Peter Novak denied that his talks with Paul Keller had failed.", "happened"),
])
def test_a_denied_meeting_is_negated(nlp, text, expected):
    assert report(nlp, text)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # the meeting's weekday counts on from the journey's day, not back from the story's
    ("Peter Novak flew yesterday to Valoria to meet Paul Keller on Monday.",
     ("planned", (d(3, 16), d(3, 16)))),
    ("Peter Novak flew to Valoria on Thursday to meet Paul Keller on Tuesday.",
     ("planned", (d(3, 17), d(3, 17)))),
    ("Peter Novak will fly to Nordland on Thursday to meet Paul Keller on Monday.",
     ("planned", (d(3, 23), d(3, 23)))),
    # a journey days behind the story keeps its talks behind it, on the weekday after it
    ("Peter Novak flew to Valoria on Tuesday to meet Paul Keller on Wednesday.",
     ("happened", (d(3, 11), d(3, 11)))),
    # a weekday that counts from the story keeps doing so
    ("Peter Novak flew to Valoria yesterday to meet Paul Keller next Monday.",
     ("planned", (d(3, 16), d(3, 16)))),
])
def test_a_meetings_weekday_follows_its_dated_journey(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a denial of what the meeting came before or was the price of leaves the meeting held
    # (final reading of session 15, finding 2)
    ("Peter Novak denied that he left the room before meeting Paul Keller on Monday.",
     "happened"),
    ("Peter Novak denied that he had sold the shares before meeting Paul Keller in Valoria.",
     "happened"),
    ("Peter Novak denied that he was forced to meet Paul Keller.", "happened"),
    ("Peter Novak denied he was paid to meet Paul Keller in Valoria.", "happened"),
    # nor does a "not" of the clause the meeting came before
    ("Peter Novak did not sign the deal before meeting Paul Keller.", "happened"),
])
def test_a_denial_of_another_act_leaves_the_meeting_held(nlp, text, expected):
    assert report(nlp, text)[0] == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # a denial of the act the meeting was the aim of still denies the meeting (reading of the
    # session 15 mends, finding 1): only a passive head ("was paid to") is another act
    "Peter Novak denied that he managed to meet Paul Keller.",
    "Peter Novak denied that he attempted to meet Paul Keller.",
    "Peter Novak denied that he drove to Valoria to meet Paul Keller.",
])
def test_a_denial_of_the_way_to_the_meeting_negates_it(nlp, text):
    assert report(nlp, text)[0] == "negated"


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # a journey told after the meeting with "and" follows it: the weekday counts back from
    # the story as before (final reading of session 15, finding 1)
    ("Peter Novak met Paul Keller in Valoria on Monday and flew home on Wednesday.",
     ("happened", (d(3, 9), d(3, 9)))),
    ("Peter Novak held talks with Paul Keller on Tuesday and flew to Geneva on Thursday.",
     ("happened", (d(3, 10), d(3, 10)))),
    ("Peter Novak will meet Paul Keller on Monday and will fly to Geneva on Thursday.",
     ("planned", (d(3, 16), d(3, 16)))),
    # a journey told first still leads the weekday on
    ("Peter Novak arrived in Valoria on Wednesday and met Paul Keller on Thursday.",
     ("happened", (d(3, 12), d(3, 12)))),
    # a held meeting's weekday is not counted on past the story (finding 5)
    ("Peter Novak visited Valoria on Wednesday and met Paul Keller on Tuesday.",
     ("happened", (d(3, 10), d(3, 10)))),
    # a weekday counted on from the journey is the meeting's day, not a visit's (finding 3)
    ("Peter Novak will arrive in Valoria on Thursday for talks with Paul Keller on Monday.",
     ("planned", (d(3, 23), d(3, 23)))),
])
def test_a_journey_after_the_meeting_does_not_move_its_weekday(nlp, text, expected):
    assert report(nlp, text) == expected


@pytest.mark.model
@pytest.mark.parametrize("text", [
    # the leaving is denied, not the talks: they took place with him
    "Peter Novak denied he walked out of the meeting with Paul Keller on Monday.",
    "Peter Novak denied he walked out of the talks with Paul Keller.",
])
def test_a_denied_walk_out_leaves_the_meeting_held(nlp, text):
    assert report(nlp, text)[0] == "happened"
