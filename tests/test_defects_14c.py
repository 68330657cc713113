"""Defects the thirteenth session's readings left, one test group each: a verb with a
particle governing a meeting noun ("walked out of the talks"), a course participle tagged as a
noun ("talks, opening in Oslo on Monday"), one reading of a time ahead of the report, a verb
NER took into a date ("will last this week"), a name after a spaced dash NER took into a
date ("the Group of Five - Britain, ..."), and a common noun NER took for a name ("the U.S.
Group"), which makes no entity."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import clusters, meetings

pytestmark = pytest.mark.model

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


def test_walking_out_of_talks_means_the_talks_happened(nlp):
    # The walker was at the talks and left them: by the guide, a meeting that took place.
    [m] = meetings(nlp, "Peter Novak walked out of the talks with Paul Keller on Monday.")
    assert m.names == NOVAK_KELLER and m.status == "happened" and m.time == "Monday"
    [m] = meetings(nlp, "Anna Moravec stormed out of a meeting with Paul Keller in Valoria.")
    assert m.names == frozenset({"Anna Moravec", "Paul Keller"}) and m.status == "happened"
    assert m.place == "Valoria"


def test_a_threat_to_walk_out_is_no_meeting_of_its_own(nlp):
    assert meetings(nlp, "Peter Novak threatened to walk out of the talks with Paul Keller.") \
        == []


def test_pulling_out_of_a_round_of_talks_is_negated(nlp):
    # "of" hangs on the measure noun: the verb still governs the talks through it.
    [m] = meetings(nlp, "Peter Novak withdrew from the second round of talks with Paul Keller.")
    assert m.names == NOVAK_KELLER and m.status == "negated"
    [m] = meetings(nlp, "Peter Novak pulled back from the talks with Paul Keller on Monday.")
    assert m.names == NOVAK_KELLER and m.status == "negated"


def test_coming_back_from_talks_with_someone_is_having_met_them(nlp):
    [m] = meetings(nlp, "Peter Novak came back from talks with Paul Keller in Valoria.")
    assert m.names == NOVAK_KELLER and m.status == "happened"


def test_a_course_participle_tagged_as_a_noun_sets_place_and_time(nlp):
    # The tagger takes "opening" for a noun; it still tells where and when the talks begin.
    text = ("Talks between Peter Novak and Paul Keller, opening in Valoria on Monday, are "
            "due to take two days.")
    [m] = meetings(nlp, text)
    assert m.names == NOVAK_KELLER and (m.place, m.time) == ("Valoria", "Monday")
    [m] = meetings(nlp, "Peter Novak will hold talks with Paul Keller, opening in Valoria on "
                        "Monday.")
    assert (m.place, m.time) == ("Valoria", "Monday")


def test_one_reading_of_a_time_ahead_of_the_report(nlp):
    # "early next week" lies ahead wherever "next week" stands in it ...
    text = "Peter Novak had hoped to settle the dispute at talks with Paul Keller early next week."
    [m] = meetings(nlp, text)
    assert m.names == NOVAK_KELLER and m.status == "planned"
    # ... and "two days later" follows another time of the story, not the report.
    [m] = meetings(nlp, "Two days later, talks between Peter Novak and Paul Keller.")
    assert m.names == NOVAK_KELLER and m.status == "happened"


def test_a_verb_ner_took_into_a_date_is_cut_for_every_reader(nlp):
    # "last" is the verb: the talks are dated "this week", not "last this week".
    [m] = meetings(nlp, "Talks between Peter Novak and Paul Keller will last this week.",
                   date(1987, 3, 6))
    assert m.time == "this week" and m.date is not None
    doc = nlp("Peter Novak said the talks would last this week.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["this week"]
    # a participle modifying the time is no verb of the clause: "coming weeks" stays whole
    doc = nlp("Peter Novak will meet Paul Keller in coming weeks.")
    assert [e.text for e in doc.ents if e.label_ == "DATE"] == ["coming weeks"]


def test_a_member_list_after_a_spaced_single_hyphen_keeps_its_first_member(nlp):
    # NER reads "Five - Britain" as a date; the club's number is none, Britain a country.
    text = "Ministers of the Group of Five - Britain, Norway and Chile - met in Lima on Monday."
    [m] = meetings(nlp, text)
    assert m.names == frozenset({"Britain", "Norway", "Chile"})
    [m] = meetings(nlp, "Peter Novak will meet Paul Keller on May 3 - 5 in Valoria.")
    assert m.time == "May 3 - 5"  # a range is dated on both sides and stays whole


def test_a_common_noun_label_makes_no_entity(nlp):
    # "the U.S. Group" names no one: no entity for triples and the map, not only no party.
    labels = clusters(nlp, "The U.S. Group said it would buy the Valoria plant from Peter Novak.")
    assert "Peter Novak" in labels and not any("Group" in x for x in labels)
