"""Modality on a meeting's own clause, parse attachments the small model gets wrong in a
systematic way, and "here" as a place: hand-written sentences, positives and negatives."""

from __future__ import annotations

import pytest
from meeting_helpers import meetings

pytestmark = pytest.mark.model

NOVAK_KELLER = frozenset({"Peter Novak", "Paul Keller"})


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # future in the past under a verb of saying is the reported "will meet"
        ("Officials said Peter Novak would meet Paul Keller on Tuesday.", "planned"),
        ("Officials said talks between Peter Novak and Paul Keller would take place next week.",
         "planned"),
        ("Peter Novak was to hold talks with Paul Keller in Rome.", "planned"),
        # a judgement of how the talks go presupposes them; its tense dates them
        ("Talks between Peter Novak and Paul Keller should be harmonious, an aide said.",
         "planned"),
        ("Talks between Peter Novak and Paul Keller could be difficult.", "planned"),
        ("Talks between Peter Novak and Paul Keller should have been calmer.", "happened"),
        ("The talks between Peter Novak and Paul Keller were not easy.", "happened"),
        # a wish about what is done at the meeting does not make the meeting a wish
        ("Commerce Secretary Anna Moravec said she hopes Prime Minister Peter Novak will make "
         "firm proposals to ease the dispute at a meeting with President Paul Keller this week.",
         "planned"),
    ],
)
def test_modality_of_the_meetings_own_clause(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, status)]


@pytest.mark.parametrize(
    "text",
    [
        "A meeting between Peter Novak and Paul Keller might take place in May.",
        "Talks between Peter Novak and Paul Keller could take place next week.",
        "The talks between Peter Novak and Paul Keller may be held in Rome.",
        "Talks between Peter Novak and Paul Keller would be useful if the strike ended.",
        "Peter Novak could meet Paul Keller next week.",
        "Peter Novak said he would like to hold talks with Paul Keller.",
        "Peter Novak would meet Paul Keller if the strike ended.",
    ],
)
def test_only_possible_meetings_stay_out(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Peter Novak, speaking after talks with Paul Keller, said the plan was sound.",
         "happened"),
        ("Peter Novak, speaking before a meeting with Paul Keller, said prices would rise.",
         "planned"),
    ],
)
def test_a_participle_on_the_subject_puts_it_at_the_meeting(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, status)]


def test_a_participle_on_an_unnamed_noun_names_nobody(nlp):
    assert meetings(nlp, "Aides, speaking after talks with Paul Keller, said the plan was "
                         "sound.") == []


def test_a_counterpart_list_of_titles_and_apposed_names_keeps_every_counterpart(nlp):
    found = meetings(nlp, "Peter Novak will hold talks with the Foreign Minister, Paul Keller, "
                          "and the Finance Minister, Anna Moravec.")
    assert [(m.names, m.status) for m in found] == [
        (NOVAK_KELLER | {"Anna Moravec"}, "planned")]


def test_here_on_the_meeting_is_its_place_as_written(nlp):
    (m,) = meetings(nlp, "Peter Novak met Paul Keller here on Monday.")
    assert (m.place, m.time) == ("here", "Monday")


def test_here_on_another_verb_is_not_the_meetings_place(nlp):
    (m,) = meetings(nlp, "Peter Novak, who arrived here on Sunday, will meet Paul Keller on "
                         "Monday.")
    assert (m.place, m.time) == (None, "Monday")


@pytest.mark.parametrize(
    ("text", "status", "place", "time"),
    [
        # the parser hangs the noun's "between"/"with" phrase on the participle after it
        ("Officials said the talks scheduled next week in Rome between Peter Novak and Paul "
         "Keller would cover trade.", "planned", "Rome", "next week"),
        ("A meeting planned for May between Peter Novak and Paul Keller was cancelled.",
         "negated", None, "May"),
        ("Peter Novak said the talks held in Rome on Monday with Paul Keller were useful.",
         "happened", "Rome", "Monday"),
    ],
)
def test_a_participle_on_the_meeting_noun_carries_its_parties(nlp, text, status, place, time):
    assert [(m.names, m.status, m.place, m.time) for m in meetings(nlp, text)] == [
        (NOVAK_KELLER, status, place, time)]


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Peter Novak held brief talks on Sunday with Paul Keller during a stopover in Lisbon.",
         "Lisbon"),
        ("Peter Novak will fly to Lisbon on Monday for talks with Paul Keller.", "Lisbon"),
        # the journey comes after the meeting: its destination is not where they met
        ("Peter Novak would leave early tomorrow for Lisbon after meeting Paul Keller this "
         "evening.", None),
    ],
)
def test_the_place_of_a_trip(nlp, text, place):
    assert [(m.names, m.place) for m in meetings(nlp, text)] == [(NOVAK_KELLER, place)]


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # a modal on what is done at the meeting is not on the meeting
        ("Peter Novak may raise the issue at his talks with Paul Keller next week.", "planned"),
        ("Peter Novak should have raised the issue at the talks with Paul Keller.", "happened"),
    ],
)
def test_a_modal_on_what_is_done_at_the_meeting(nlp, text, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(NOVAK_KELLER, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak may attend the meeting with Paul Keller.",
        "Peter Novak could raise the issue at talks with Paul Keller if the strike ends.",
    ],
)
def test_a_modal_or_condition_on_the_meeting_itself_keeps_it_out(nlp, text):
    assert meetings(nlp, text) == []


def test_urging_what_is_done_at_the_talks_plans_them(nlp):
    found = meetings(nlp, "Peter Novak urged that Paul Keller raise the issue at the talks with "
                          "Anna Moravec.")
    assert [(m.names, m.status) for m in found] == [
        (frozenset({"Paul Keller", "Anna Moravec"}), "planned")]


@pytest.mark.parametrize(
    "text",
    [
        # taking part in talks is the meeting itself, so urging it only wishes it
        "The governor of the Arden Fund urged that the fund should be involved in negotiations "
        "with the Northern Grain Council.",
        # talks in general
        "Peter Novak said the bank would take part in all talks with the Northern Grain "
        "Council.",
    ],
)
def test_wished_or_generic_participation_stays_out(nlp, text):
    assert meetings(nlp, text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Hollis Mining Corp and Bracken Steel Inc negotiated the sale of a mine.",
        "Hollis Mining Corp and Bracken Steel Inc said they were negotiating a deal involving "
        "their units.",
    ],
)
def test_coordinated_subjects_of_negotiate_negotiate_with_each_other(nlp, text):
    assert [m.names for m in meetings(nlp, text)] == [
        frozenset({"Hollis Mining Corp", "Bracken Steel Inc"})]


def test_talking_to_someone_unnamed_pairs_nobody(nlp):
    assert meetings(nlp, "Peter Novak and Paul Keller talked to reporters in Rome.") == []


@pytest.mark.parametrize(
    "text",
    [
        "In a speech to the annual meeting of the Northern Grain Council, Peter Novak said "
        "prices would rise.",
        "Peter Novak said in an address to the annual meeting of the Northern Grain Council "
        "that prices would rise.",
    ],
)
def test_addressing_a_bodys_meeting_attends_it(nlp, text):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [
        (frozenset({"Peter Novak", "Northern Grain Council"}), "happened")]


def test_a_letter_to_a_bodys_meeting_does_not_attend_it(nlp):
    assert meetings(nlp, "Peter Novak said in a letter to the annual meeting of the Northern "
                         "Grain Council that prices would rise.") == []


def test_attended_by_hung_on_the_verb_names_the_meetings_attendees(nlp):
    found = meetings(nlp, "Peter Novak made the forecast at a meeting today on the economy also "
                          "attended by Paul Keller and Anna Moravec.")
    assert [(m.names, m.status, m.time) for m in found] == [
        (NOVAK_KELLER | {"Anna Moravec"}, "happened", "today")]


def test_accompanied_by_is_no_attendance(nlp):
    assert meetings(nlp, "Peter Novak spoke at a meeting in Rome, accompanied by Paul "
                         "Keller.") == []


@pytest.mark.parametrize(
    ("text", "names", "status"),
    [
        # an inability is a negation: the meeting did not, or will not, take place
        ("Peter Novak was unable to meet Paul Keller last week.", NOVAK_KELLER, "negated"),
        ("Peter Novak could not meet Paul Keller on Monday.", NOVAK_KELLER, "negated"),
        ("Peter Novak will be unable to attend Monday's meeting of the Northern Grain Council.",
         frozenset({"Peter Novak", "Northern Grain Council"}), "negated"),
        ("Peter Novak could not attend the meeting of the Northern Grain Council in Oslo.",
         frozenset({"Peter Novak", "Northern Grain Council"}), "negated"),
        # an ability told by a past or future copula is a fact or a plan
        ("Peter Novak was able to meet Paul Keller in Lisbon on Friday.", NOVAK_KELLER,
         "happened"),
        ("Peter Novak will be able to meet Paul Keller in Lisbon on Friday.", NOVAK_KELLER,
         "planned"),
    ],
)
def test_ability_and_inability(nlp, text, names, status):
    assert [(m.names, m.status) for m in meetings(nlp, text)] == [(names, status)]


@pytest.mark.parametrize(
    "text",
    [
        "Peter Novak would be able to meet Paul Keller in Lisbon on Friday.",
        "Peter Novak is able to meet Paul Keller whenever he likes.",
        "Peter Novak may not meet Paul Keller in Lisbon on Friday.",
    ],
)
def test_a_possible_ability_is_no_meeting(nlp, text):
    assert meetings(nlp, text) == []


def test_a_meeting_listed_with_an_event_coming_up_is_ahead(nlp):
    # the small parser hangs the participle on the last item of the list; the meetings held
    # before with others lend it neither their place nor their time
    text = ('Trade officials held meetings in Oslo last week. "With my meeting with Peter '
            'Novak and the grain summit coming up, we must be careful," Paul Keller said.')
    assert [(m.names, m.status, m.place, m.time) for m in meetings(nlp, text)] == [
        (NOVAK_KELLER, "planned", None, None)]
