"""A meeting report's days read from its sentence: journeys the meeting is the purpose of,
phases of a meeting of several days, and dates that refer back to another one."""

from __future__ import annotations

from datetime import date

import pytest
from meeting_helpers import FRI, d, spans

from kg.extract.timeplace.counted import refers_back, week_back
from kg.extract.timeplace.dating import duration_days

SUN = date(2026, 3, 15)


@pytest.mark.parametrize(("text", "shift"), [
    ("the same day", 0), ("later that day", 0), ("on the same day", 0), ("that evening", 0),
    ("the following day", 1), ("the next morning", 1), ("a day later", 1),
    ("the day before", -1), ("the previous day", -1),
    ("two days later", 2), ("three days earlier", -3), ("4 days after", 4),
    ("a week later", 7), ("two weeks later", 14), ("a week earlier", -7),
    ("Monday", None), ("next day trading", None), ("several days later", None),
])
def test_expressions_that_count_from_another_date(text, shift):
    assert refers_back(text) == shift


@pytest.mark.parametrize(("text", "weeks"), [
    ("the following week", 1), ("the week after", 1), ("the previous week", -1),
    ("the week before", -1), ("that week", 0), ("later that week", 0), ("the same week", 0),
    ("next week", None), ("last week", None), ("this week", None), ("the next week", None),
])
def test_weeks_that_count_from_another_date(text, weeks):
    assert week_back(text) == weeks


@pytest.mark.model
@pytest.mark.parametrize(("text", "days"), [
    ("The two-day talks between Ola Dahl and Ian Moss begin in Bern.", 2),
    ("Ola Dahl and Ian Moss will hold three days of talks in Bern.", 3),
    ("Ola Dahl and Ian Moss will hold talks in Bern.", 1),
])
def test_how_many_days_a_meeting_runs(nlp, text, days):
    doc = nlp(text)
    talks = next(t for t in doc if t.lower_ == "talks")
    assert duration_days(talks) == days


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # An arrival or a departure for talks starts a visit: the talks are in its first days.
    ("Prime Minister Anna Berg arrives in Oslo on Tuesday for talks with President Karl "
     "Weiss.", (d(3, 17), d(3, 20))),
    ("Chancellor Otto Brandt leaves for Lisbon on Monday for talks with Prime Minister Rui "
     "Costa.", (d(3, 16), d(3, 19))),
    ("Chancellor Otto Brandt will fly to Lisbon on Monday to open a fair and to hold talks "
     "with Prime Minister Rui Costa.", (d(3, 16), d(3, 19))),
    # A journey coordinated with the meeting, closed by a return "the same day".
    ("Chancellor Otto Brandt will fly to Madrid on May 3 to open a fair and will meet Prime "
     "Minister Luis Ortega there before flying home the same day.", (d(5, 3), d(5, 3))),
    # The meeting's own time is the meeting's, whatever journey the sentence also dates.
    ("Anna Berg, who flew to Oslo on Sunday, will meet Karl Weiss on Tuesday.",
     (d(3, 17), d(3, 17))),
])
def test_journeys_date_a_visit_not_the_talks(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
def test_the_time_of_a_journey_is_not_the_meetings_time_text(nlp):
    from meeting_helpers import run

    x = run(nlp, "Prime Minister Anna Berg arrives in Oslo on Tuesday for talks with "
                 "President Karl Weiss.", FRI)
    assert [m.time for m in x.meetings] == [None]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # Dates that count from the one named before them, in the sentence or the one before.
    ("Envoy Mark Hale reached Cairo on March 2 and held talks with Foreign Minister Amr "
     "Saleh the following day.", (d(3, 3), d(3, 3))),
    ("Envoy Mark Hale opened a trade fair in Cairo on Tuesday. Later that day, Mark Hale met "
     "Foreign Minister Amr Saleh.", (d(3, 10), d(3, 10))),
])
def test_dates_that_refer_back(nlp, text, expected):
    assert spans(nlp, text)[-1] == expected


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # Weeks count from the date named before them, not from the story's day.
    ("Envoy Mark Hale met Foreign Minister Amr Saleh on March 2. A week later, Hale held "
     "talks with Prime Minister Nour Haddad.", (d(3, 9), d(3, 9))),
    ("Envoy Mark Hale met Foreign Minister Amr Saleh on February 16. Two weeks later, Hale "
     "held talks with Prime Minister Nour Haddad.", (d(3, 2), d(3, 2))),
    # The week after March 2's (Sunday to Saturday), up to the story's day for a held meeting.
    ("Envoy Mark Hale met Foreign Minister Amr Saleh on March 2. The following week, Hale "
     "held talks with Prime Minister Nour Haddad.", (d(3, 8), d(3, 13))),
])
def test_weeks_that_refer_back(nlp, text, expected):
    assert spans(nlp, text)[-1] == expected


@pytest.mark.model
def test_a_week_later_with_nothing_to_count_from_is_only_a_bound(nlp):
    # Not two weeks after the story's day: a held meeting cannot be in the future.
    assert spans(nlp, "Two weeks later, Envoy Mark Hale held talks with Prime Minister Nour "
                      "Haddad.") == [(None, FRI)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected", "published"), [
    # A participant's departure told in a relative clause ends the visit the talks were in;
    # an arrival starts it.
    ("Trade Minister Lena Voss, who left Ankara yesterday, held talks with Prime Minister Emre "
     "Kaya on the dispute.", (d(3, 9), d(3, 12)), FRI),
    ("Trade Minister Lena Voss had discussions with Prime Minister Emre Kaya, who left Ankara "
     "yesterday.", (d(3, 9), d(3, 12)), FRI),
    ("Trade Minister Lena Voss, who arrived in Ankara on Monday, has held talks with Prime "
     "Minister Emre Kaya.", (d(3, 9), d(3, 12)), FRI),
    ("Trade Minister Lena Voss, who leaves for Ankara on Sunday, will hold talks with Prime "
     "Minister Emre Kaya.", (d(3, 15), d(3, 18)), FRI),
    # A meeting held before a journey still ahead: the days before it, up to the story's.
    ("Economy Minister Lena Voss, who leaves for Moscow on Tuesday, met President Emre Kaya "
     "to discuss the accord.", (d(3, 14), d(3, 15)), SUN),
    ("Economy Minister Lena Voss, who flew to Ankara on Tuesday, met President Emre Kaya to "
     "discuss the accord.", (d(3, 10), d(3, 13)), SUN),
    # A planned meeting before a return is still ahead of the story's day.
    ("Trade Minister Lena Voss, who returns home on Sunday, will hold talks with Prime "
     "Minister Emre Kaya.", (d(3, 13), d(3, 15)), FRI),
])
def test_a_participants_journey_in_a_relative_clause_bounds_the_meeting(nlp, text, expected,
                                                                       published):
    assert spans(nlp, text, published) == [expected]


@pytest.mark.model
def test_a_relative_clause_of_another_kind_bounds_nothing(nlp):
    # A journey, but not a participant's: only the story's day bounds the talks (told after
    # the lead, which would date them to the week before the story: kg.extract.timeplace.recency).
    assert spans(nlp, "The ferry crossing was calm. Trade Minister Lena Voss held talks with "
                      "Prime Minister Emre Kaya on a ferry that left Ankara yesterday.") \
        == [(None, FRI)]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # A meeting of several days runs from the day it opened, or up to the day it ended.
    ("Two-day talks between Foreign Minister Ola Dahl and Secretary of State Ian Moss "
     "opened on Monday.", (d(3, 9), d(3, 10))),
    ("Three-day talks between Foreign Minister Ola Dahl and Secretary of State Ian Moss "
     "ended on Thursday.", (d(3, 10), d(3, 12))),
    ("Foreign Minister Ola Dahl will hold two-day talks with Secretary of State Ian Moss on "
     "Monday.", (d(3, 16), d(3, 17))),
    # Its length untold, a meeting that opened or ended on a day runs three days from or up
    # to it; a meeting only dated to a day is that day.
    ("Talks between Foreign Minister Ola Dahl and Secretary of State Ian Moss opened on "
     "Monday.", (d(3, 9), d(3, 11))),
    ("Talks between Foreign Minister Ola Dahl and Secretary of State Ian Moss ended on "
     "Thursday.", (d(3, 10), d(3, 12))),
    ("Foreign Minister Ola Dahl and Secretary of State Ian Moss will open talks on Monday.",
     (d(3, 16), d(3, 18))),
    ("Foreign Minister Ola Dahl held talks with Secretary of State Ian Moss on Monday.",
     (d(3, 9), d(3, 9))),
])
def test_meetings_of_several_days_are_intervals(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
def test_reports_of_the_first_and_last_day_of_one_meeting_are_one_event(nlp):
    # Opened on Monday in one story, ended on Wednesday in the next: two days apart, more than
    # the day of slack reports of one meeting are allowed, unless each runs over several days.
    from meeting_helpers import run

    from kg.events import Report, cluster_reports

    stories = [("Talks between Peter Novak and Paul Keller opened on Monday.", d(3, 10)),
               ("Talks between Peter Novak and Paul Keller ended on Wednesday.", d(3, 12))]
    reports = [Report(f"r{n}", f"a{n}", pub, 0, m.status.value, m.span)
               for n, (text, pub) in enumerate(stories) for m in run(nlp, text, pub).meetings]
    assert [e.reports for e in cluster_reports(reports)] == [("r0", "r1")]


@pytest.mark.model
def test_a_time_after_talks_one_arrives_for_covers_the_arrival_and_after(nlp):
    # The time may hang on the talks or on the arrival: the days from the arrival cover both.
    text = "Prime Minister Anna Berg arrives for talks with President Karl Weiss on Wednesday."
    assert spans(nlp, text) == [(d(3, 18), d(3, 21))]


@pytest.mark.model
def test_a_phrasal_verb_is_no_journey(nlp):
    # "come up with" is not a journey: the summit's own time stays its time.
    from meeting_helpers import run

    x = run(nlp, "Whatever Anna Berg and Karl Weiss can come up with during their summit "
                 "later in the week will matter.", FRI)
    assert [m.time for m in x.meetings] == ["later in the week"]


@pytest.mark.model
def test_leaving_after_talks_dates_the_talks_before_the_departure(nlp):
    # The talks came before she left "yesterday evening"; her visit "next week" is another
    # journey, not the purpose of the talks.
    text = ("Anna Berg left Oslo early yesterday evening after talks with Karl Weiss ahead of "
            "her visit to Rome next week.")
    ((start, end),) = spans(nlp, text)
    assert start <= d(3, 12) <= end < d(3, 13)


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # A journey dated to a week: the visit runs on from any day of it.
    ("Anna Berg will fly to Oslo next week to attend a meeting with Karl Weiss.",
     (d(3, 15), d(3, 24))),
    # A clause that is no journey bounds no visit: the meeting keeps its own time.
    ("Anna Berg held talks with Karl Weiss on Tuesday after signing a treaty last year.",
     (d(3, 10), d(3, 10))),
    # A visit made or paid from a day, however the parse hangs the day (here on the verb):
    # the talks joined to it fall in its first days.
    ("Premier Anna Berg will make an official week-long visit to the United States from April "
     "29 and hold talks in Washington with President Karl Weiss, officials said.",
     (d(4, 29), d(5, 2))),
])
def test_journeys_of_a_week_and_clauses_that_are_no_journey(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
def test_said_at_the_meeting_keeps_the_meetings_time(nlp):
    from meeting_helpers import run

    x = run(nlp, "At their meeting today, Anna Berg and Karl Weiss said trade had grown.", FRI)
    assert [m.time for m in x.meetings] == ["today"]


@pytest.mark.model
def test_a_verb_meeting_has_no_duration_from_its_time(nlp):
    doc = nlp("Two days later, Ola Dahl met Ian Moss in Bern.")
    assert duration_days(next(t for t in doc if t.lower_ == "met")) == 1


@pytest.mark.model
def test_the_heads_of_a_body_are_no_journey(nlp):
    # "heads" is a noun here: the time dates the meeting, not a journey starting on it.
    assert spans(nlp, "Ada Quist held talks with Per Lund and the heads of the two exchanges "
                      "last Thursday.", SUN) == [(d(3, 12), d(3, 12))]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # The sentence's one date cannot be a planned meeting's when it is long past.
    ("King Omar Nasser will hold talks with Prime Minister Emre Kaya during the visit, his "
     "first since he took office in June 2020.", (FRI, None)),
    # A past one stays a held meeting's day.
    ("Prime Minister Emre Kaya held talks in Ankara with King Omar Nasser in June 2020.",
     (d(6, 1, 2020), d(6, 30, 2020))),
])
def test_the_sentences_one_date_must_fit_the_reports_status(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # Talks going on as the story is written: its day, or the day before.
    ("Minister Lena Voss is holding talks with Prime Minister Emre Kaya on the grain accord.",
     (d(3, 12), FRI)),
    ("Governor Ian Pike is attending the annual meeting of the Northern Bankers Guild.",
     (d(3, 12), FRI)),
    # A statement made after the meeting is the news of the story's day.
    ("Minister Lena Voss told reporters after meeting Prime Minister Emre Kaya that the grain "
     "accord was near.", (d(3, 12), FRI)),
    ("Minister Lena Voss said after a meeting with Prime Minister Emre Kaya that the grain "
     "accord was near.", (d(3, 12), FRI)),
    # ... also when the sentence dates another meeting, the one prepared.
    ("Minister Lena Voss was speaking after an informal gathering with Prime Minister Emre "
     "Kaya that prepared next week's meetings of donors.", (d(3, 12), FRI)),
    # ... and so is one made at the meeting.
    ("Minister Lena Voss, speaking at a meeting with Prime Minister Emre Kaya, said the "
     "grain accord was near.", (d(3, 12), FRI)),
    ("Minister Lena Voss said at her meeting with Prime Minister Emre Kaya that the grain "
     "accord was near.", (d(3, 12), FRI)),
    # ... and so is one told of the speaker in a relative clause.
    ("Minister Lena Voss, who also met Prime Minister Emre Kaya in private, said the grain "
     "accord was near.", (d(3, 12), FRI)),
    # A meeting where something else happened is not dated by it.
    ("Minister Lena Voss said the grain accord was reached at a meeting with Prime Minister "
     "Emre Kaya.", (None, FRI)),
    # A held meeting with no time and no other tense keeps only the story's day as a bound
    # (after the lead: the lead's is of the week before the story, kg.extract.timeplace.recency).
    ("The grain accord is near. Minister Lena Voss has held talks with Prime Minister Emre "
     "Kaya on it.", (None, FRI)),
])
def test_talks_going_on_as_the_story_is_written(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # The present progressive with a weekday is an arrangement ahead ...
    ("Minister Lena Voss is meeting Prime Minister Emre Kaya on Wednesday.", (d(3, 18), d(3, 18))),
    # ... the past tense looks back, and the story's own day is today.
    ("Minister Lena Voss met Prime Minister Emre Kaya on Wednesday.", (d(3, 11), d(3, 11))),
    ("Minister Lena Voss is meeting Prime Minister Emre Kaya today.", (FRI, FRI)),
])
def test_the_present_progressive_reads_a_weekday_forward(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
def test_a_meeting_recalled_in_a_statement_is_not_the_news_of_the_day(nlp):
    # The meeting is what the statement is about, not what it came after: only a bound.
    assert spans(nlp, "Minister Lena Voss said her meeting with Prime Minister Emre Kaya had "
                      "been useful.") == [(None, FRI)]


@pytest.mark.model
def test_the_date_of_the_meeting_a_participant_attended_is_kept(nlp):
    # "today" dates the meeting noun the attendance hangs from: the same meeting.
    assert spans(nlp, "Economist Ivo Brandl presented the forecast at a meeting today also "
                      "attended by Chancellor Ruth Falk.") == [(FRI, FRI)]



@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # The sentence's one date is a modifier of another thing: it dates that thing.
    ("Minister Ola Dahl, who will host the informal talks with Minister Ian Moss, said they "
     "would discuss currencies in view of the January accord.", (FRI, None)),
    ("Minister Ola Dahl will hold talks with Minister Ian Moss on last year's trade accord.",
     (FRI, None)),
    # A date on the meeting's own noun still dates it.
    ("Minister Ola Dahl will attend the May 4 talks with Minister Ian Moss.",
     (d(5, 4), d(5, 4))),
])
def test_a_date_of_another_thing_does_not_date_the_meeting(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # A meeting told in a "when" clause is on the days of what it happened with.
    ("The canal deal, reached last year between Premier Ola Dahl and President Ian Moss when "
     "they met in Bern, took effect.", (d(1, 1, 2025), d(12, 31, 2025))),
    ("The tunnel opened under a pact signed in May by Premier Ola Dahl and President Ian Moss "
     "when they met in Bern.", (d(5, 1, 2025), d(5, 31, 2025))),
])
def test_a_meeting_in_a_when_clause_takes_the_date_of_its_head(nlp, text, expected):
    assert spans(nlp, text) == [expected]


@pytest.mark.model
@pytest.mark.parametrize(("text", "expected"), [
    # The sentence's one date is on a participle of a journey: it dates the journey.
    ("Anna Moravec held talks with Paul Keller after a tour to arrange the king's state visit "
     "beginning on June 2.", (d(3, 7), FRI)),
    # ... or on what was agreed at the meeting: it dates that.
    ("Peter Novak and Anna Moravec agreed at a meeting in Bergen to sign the accord on June 2.",
     (d(3, 7), FRI)),
    # The meeting's own day is still its day, also on a verb it is the subject of.
    ("Minister Ola Dahl said he would meet Minister Ian Moss on Friday.", (FRI, FRI)),
    ("Talks between Minister Ola Dahl and Minister Ian Moss are expected to begin in July.",
     (d(7, 1), d(7, 31))),
])
def test_a_date_of_a_journey_or_of_what_was_decided_does_not_date_the_meeting(nlp, text,
                                                                               expected):
    assert spans(nlp, text) == [expected]
