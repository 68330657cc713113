"""Place and time of meetings of several parties (issue 13): every path reads its setting with
the one function the rules use, a locative the parser hung on any item of a party list (or on
the object an anchor verb names) places the meeting, and a joint session is placed by its own
noun. Sentences written for these tests."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings, run

from kg.extract.meetings.setting import meeting_setting
from kg.extract.meetings.trigger_syntax import chain

pytestmark = pytest.mark.model

TRIO = frozenset({"Peter Novak", "Paul Keller", "Anna Moravec", "Jan Horak"})
NORDIC = frozenset({"Sweden", "Norway", "Finland"})


def _one(nlp, text, names):
    found = [m for m in meetings(nlp, text) if m.names == names]
    assert len(found) == 1, meetings(nlp, text)
    return found[0]


@pytest.mark.parametrize(
    ("text", "time"),
    [
        # the parser reads the list as Keller with Moravec apposed and Horak coordinated with
        # Moravec, and hangs "in Geneva" on Horak
        ("Peter Novak told reporters after meeting Paul Keller, Anna Moravec and Jan Horak in "
         "Geneva on Tuesday that prices would rise.", "Tuesday"),
        ("Peter Novak, speaking after meeting Paul Keller, Anna Moravec and Jan Horak in "
         "Geneva, said prices would rise.", None),
    ],
)
def test_a_place_hung_on_the_last_item_of_a_list_places_the_meeting(nlp, text, time):
    m = _one(nlp, text, TRIO)
    assert (m.place, m.time) == ("Geneva", time)


@pytest.mark.parametrize("org", ["Valoria Trade Council", "Valoria Development Bank"])
def test_a_place_hung_on_the_object_of_the_verb_places_the_session(nlp, org):
    # "talking to creditors in Geneva during a meeting of X": the parser hangs the verb's
    # locative on its object
    text = f"Sweden is talking to bank creditors in Geneva during a meeting of the {org}."
    m = _one(nlp, text, frozenset({"Sweden", org}))
    assert m.place == "Geneva"


@pytest.mark.parametrize(
    ("text", "place", "time"),
    [
        ("The conference, held in Geneva on Monday, brought together Sweden, Norway and "
         "Finland.", "Geneva", "Monday"),
        ("The meeting in Geneva last week brought together Sweden, Norway and Finland.",
         "Geneva", "last week"),
        ("The two-day conference in Geneva involved delegates from Sweden, Norway and Finland.",
         "Geneva", None),
    ],
)
def test_a_joint_session_is_placed_and_dated_by_its_own_noun(nlp, text, place, time):
    m = _one(nlp, text, NORDIC)
    assert (m.place, m.time) == (place, time)
    x = run(nlp, text)
    assert [m.trigger for m in x.meetings] in (["conference"], ["meeting"])


def test_the_journey_day_dates_talks_only_where_asked(nlp):
    # the rules keep a journey's day from the talks it is for; the scorer's reading (and the
    # later stages' that build on it) takes it, as the gold does
    doc = nlp("Anna Moravec will fly to Valoria tomorrow for talks with Paul Keller.")
    sent = next(doc.sents)
    talks = next(t for t in doc if t.text == "talks")
    fly = next(t for t in doc if t.text == "fly")
    anchors = {talks.i} | chain(fly)
    assert meeting_setting(sent, anchors, talks, [])[1] is None
    assert meeting_setting(sent, anchors, talks, [], journey_days=True)[1] == "tomorrow"


PAIR = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize(
    ("text", "time"),
    [
        ("Peter Novak discussed the war in Valoria with Paul Keller on Monday.", "Monday"),
        ("Peter Novak discussed human rights in Valoria with Paul Keller.", None),
        ("Peter Novak negotiated a ceasefire in Valoria with Paul Keller.", None),
        ("Peter Novak and Paul Keller negotiated a ceasefire in Valoria last week.", "last week"),
        ("Peter Novak called the massacre in Valoria a crime during talks with Paul Keller.",
         None),
    ],
)
def test_a_place_on_the_topic_of_the_talks_does_not_place_them(nlp, text, time):
    m = _one(nlp, text, PAIR)
    assert (m.place, m.time) == (None, time)


@pytest.mark.parametrize("verb", ["met", "visited"])
def test_a_place_on_whom_the_verb_meets_places_the_meeting(nlp, verb):
    # the parser hangs the verb's locative on its object, the other side of the meeting
    text = f"Peter Novak {verb} the opposition in Valoria with Paul Keller."
    assert _one(nlp, text, PAIR).place == "Valoria"


@pytest.mark.parametrize(
    ("text", "names", "place", "time"),
    [
        ("Peter Novak met Paul Keller, Anna Moravec and Jan Horak, a lawyer in Valoria, in "
         "Geneva.", TRIO, "Geneva", None),
        ("Peter Novak met Paul Keller, his counterpart in Valoria.", PAIR, None, None),
        ("Peter Novak received Paul Keller, Anna Moravec and Jan Horak, his opponents in "
         "Valoria.", TRIO, None, None),
        ("Peter Novak met Paul Keller, president of Valoria, and Anna Moravec, minister in "
         "Valoria, on Friday.", TRIO - {"Jan Horak"}, None, "Friday"),
        # a description set off by commas leaves the place after it to the meeting
        ("Peter Novak met Paul Keller, his counterpart, in Geneva on Monday.", PAIR, "Geneva",
         "Monday"),
        ("Peter Novak held talks with his counterpart Paul Keller in Geneva.", PAIR, "Geneva",
         None),
    ],
)
def test_a_place_in_a_description_of_a_party_does_not_place_the_meeting(nlp, text, names,
                                                                         place, time):
    m = _one(nlp, text, names)
    assert (m.place, m.time) == (place, time)
