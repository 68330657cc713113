"""British news constructions (issue 13, BBC style), on sentences written for these tests:
sharing a platform, touring towns, peers named by their title, a broadcast programme named
after a meal, a dinner's guests, and "prepared to" as a plan."""

from __future__ import annotations

import pytest
from meeting_helpers import clusters, meetings
from meeting_helpers import participant_pairs as pairs

pytestmark = pytest.mark.model


@pytest.mark.parametrize("text", [
    # sharing a platform, a stage or a place is no meeting
    "At a rally in Leeds on Friday, Ms Vane was joined by Tom Reed and Ann Cole.",
    "Tom Reed and Ann Cole joined Ms Vane at the launch.",
    "On stage, Ms Vane was joined by her husband Carl and her son Piers.",
    "Ms Vane was joined by Tom Reed at Eastfield School on Monday.",
    # a tour of towns, whatever NER makes of one of them
    "Mr Reed starts his tour today as he visits Leeds, Derby, Norwich and Truro.",
    "On Tuesday Mr Reed will visit Bristol North, where Labour MP Ann Cole won the seat last year.",
    # a programme named after a meal
    "Mr Reed told Radio Leeds' Supper with Vane that he would stay.",
    # a campaign stop: the candidates are supported, not visited
    "Ms Vane spoke in Leeds on a visit to back party candidates Tom Reed and Ann Cole.",
    # a speech at a dinner meets nobody in particular
    "Tom Reed spoke at a dinner hosted by Ann Cole.",
])
def test_appearances_tours_and_programmes_are_not_meetings(nlp, text):
    assert meetings(nlp, text) == []


def test_joined_for_an_occasion_still_meets(nlp):
    text = "Ms Vane was joined for dinner by Tom Reed on Friday."
    assert frozenset({"Tom Reed", "Vane"}) in pairs(nlp, text)


def test_visiting_a_person_still_meets(nlp):
    assert pairs(nlp, "Mr Reed will visit Prime Minister Ann Cole on Monday.") == {
        frozenset({"Reed", "Ann Cole"})}


def test_peers_named_by_title_alone(nlp):
    text = ("The memoir says on 2 June Lord Avery met then Transport Minister Lord Penrose and "
            "Number 10 aide Baroness Trent.")
    got = pairs(nlp, text)
    assert frozenset({"Avery", "Penrose"}) in got and frozenset({"Avery", "Trent"}) in got


def test_prepared_to_travel_plans_the_meeting(nlp):
    text = ("Yesterday Lech Walesa prepared to fly to Madrid to meet with Spanish Prime "
            "Minister Felipe Gonzalez.")
    (m,) = meetings(nlp, text)
    assert m.names == {"Lech Walesa", "Felipe Gonzalez"} and m.status == "planned"


def test_prepared_as_willing_is_no_meeting(nlp):
    assert meetings(nlp, "Lech Walesa said he was prepared to meet Felipe Gonzalez.") == []


def test_a_dinners_guests_are_those_of_its_where_clause(nlp):
    text = ("The diary says Mr Vane hosted a lunch in May 1999 where Ann Cole told Mr Reed he "
            "would resign.")
    (m,) = meetings(nlp, text)
    assert m.names == {"Vane", "Ann Cole", "Reed"} and m.status == "happened"


def test_telling_someone_at_a_hosted_dinner(nlp):
    text = ("Mr Reed told Mr Vane at a lunch hosted by Finance Minister Ann Cole in 1999 that "
            "he would resign.")
    (m,) = meetings(nlp, text)
    assert m.names == {"Reed", "Vane", "Ann Cole"}


def test_an_acronym_written_before_its_long_form(nlp):
    text = ("VMC said it would not pay the owners. Valdor Motor Corp plans to move production "
            "to Spain. Meanwhile, Kestrel Auto is in talks with VMC about a stake.")
    got = clusters(nlp, text)
    assert "VMC" not in got and "VMC" in got["Valdor Motor Corp"]
    assert frozenset({"Kestrel Auto", "Valdor Motor Corp"}) in pairs(nlp, text)


def test_a_summit_ahead_is_a_landmark_not_a_session(nlp):
    # the members' stance in the next sentence was not taken at the summit still to come
    text = ("Their talks touched on trade ahead of a Nato summit in Oslo next month. Denmark "
            "and Norway also back a quick deal, but Turkey has doubts.")
    assert meetings(nlp, text) == []


@pytest.mark.parametrize("text", [
    "Sweden will attend the G7 meeting in Rome on Friday.",
    "Next year Sweden chairs the G8 summit.",
])
def test_a_club_of_countries_by_its_acronym_is_a_body(nlp, text):
    got = pairs(nlp, text)
    assert any("Sweden" in p and ("G7" in p or "G8" in p) for p in got)


def test_invited_to_take_part_is_no_meeting(nlp):
    text = "Chile was invited to take part in Friday's meeting of the G7 in Paris."
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(("text", "place", "time"), [
    ("Mr Hain met Tom Reed at No 10 on Monday.", "No 10", "Monday"),
    ("Mr Hain met Tom Reed at Number 10 on Monday.", "Number 10", "Monday"),
    ("Tom Reed met Mr Hain for talks in Downing Street on Tuesday.", "Downing Street", "Tuesday"),
    ("Tom Reed will meet Mr Hain for talks at the Foreign Office next week.", "Foreign Office",
     "next week"),
    ("The talks between Tom Reed and Ann Cole took place at Lancaster House on Friday.",
     "Lancaster House", "Friday"),
])
def test_where_british_news_meets(nlp, text, place, time):
    (m,) = meetings(nlp, text)
    assert (m.place, m.time) == (place, time)
