"""An event's days from what its reports support together: day-precise reports over vaguer
ones, near disagreements covered, distinct meetings of a pair kept apart."""

from __future__ import annotations

from datetime import date

from kg.events.cluster import Report, cluster_reports
from kg.extract.timeplace.when import precision_of
from kg.model import DateSpan


def d(month, day):
    return date(2026, month, day)


def rep(n, published, status, start=None, end=None):
    if start is None and end is None:
        span = DateSpan(published, None, "bound") if status == "planned" \
            else DateSpan(None, published, "bound")
    else:
        end = end or start
        span = DateSpan(start, end, precision_of(start, end))
    return Report(f"r{n}", f"a{n}", published, 0, status, span)


def days(events):
    return [(e.span.start, e.span.end) for e in events]


def test_an_arrival_and_the_talks_a_day_later_are_one_event_covering_both():
    reps = [rep(1, d(3, 2), "planned", d(3, 4)),  # "arrives on Wednesday for talks"
            rep(2, d(3, 2), "planned", d(3, 4)),
            rep(3, d(3, 6), "happened", d(3, 5)),  # "held talks on Thursday"
            rep(4, d(3, 6), "happened", d(3, 5))]
    assert days(cluster_reports(reps)) == [(d(3, 4), d(3, 5))]


def test_day_reports_outweigh_a_week_that_disagrees():
    reps = [rep(1, d(3, 23), "happened", d(3, 15), d(3, 21)),  # "last week", a day off
            rep(2, d(3, 20), "planned", d(3, 22)),
            rep(3, d(3, 23), "happened", d(3, 22))]
    assert days(cluster_reports(reps)) == [(d(3, 22), d(3, 22))]


def test_vaguer_reports_narrow_to_the_days_they_all_allow():
    reps = [rep(1, d(3, 2), "planned", d(3, 1), d(3, 31)),  # "later this month"
            rep(2, d(3, 20), "planned", d(3, 22), d(3, 28)),  # "next week"
            rep(3, d(3, 24), "planned", d(3, 25), d(3, 28))]  # "arrives Wednesday for talks"
    assert days(cluster_reports(reps)) == [(d(3, 25), d(3, 28))]


def test_two_meetings_of_a_pair_weeks_apart_stay_two_events():
    reps = [rep(1, d(3, 2), "planned", d(3, 4)), rep(2, d(3, 5), "happened", d(3, 4)),
            rep(3, d(3, 20), "planned", d(3, 23)), rep(4, d(3, 24), "happened", d(3, 23)),
            rep(5, d(3, 24), "happened")]  # no time: the nearest event before it
    assert days(cluster_reports(reps)) == [(d(3, 4), d(3, 4)), (d(3, 23), d(3, 23))]
    assert [e.reports for e in cluster_reports(reps)][1] == ("r3", "r4", "r5")


def test_far_disagreements_are_not_covered():
    # Day reports four days apart that the clustering put together (through a week report)
    # keep the days most reports give rather than a hull of both.
    reps = [rep(1, d(3, 2), "planned", d(3, 8), d(3, 14)),
            rep(2, d(3, 9), "planned", d(3, 9)), rep(3, d(3, 10), "happened", d(3, 9)),
            rep(4, d(3, 14), "happened", d(3, 13))]
    spans = days(cluster_reports(reps))
    assert (d(3, 9), d(3, 9)) in spans
