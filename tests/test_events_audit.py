"""The meeting-events audit on unannotated news: candidate splits and merges, and the
validation split left out before anything is counted."""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import events_audit as ea  # noqa: E402

# benchmarks/ first on the path would shadow installed packages for later tests.
sys.path[:] = _PATH

from kg.events.cluster import Report  # noqa: E402
from kg.model import DateSpan  # noqa: E402

NOVAK, KELLER, FISCHER = "e/person/novak", "e/person/keller", "e/person/fischer"


def rep(n: int, start: date | None, end: date | None) -> Report:
    span = DateSpan(start, end, "day" if start and end else "bound")
    return Report(f"r{n}", f"a{n}", end or start, 0, "happened", span)


def event(iri, names, start, end, reports, place=None):
    return ea._Event(iri, names, start, end, "day", "happened", place, reports)


PAIR = {NOVAK: "Peter Novak", KELLER: "Paul Keller"}


def test_two_events_of_one_pair_days_apart_are_a_candidate_split():
    a = event("ev1", PAIR, date(2026, 3, 2), date(2026, 3, 2), ["r1"])
    b = event("ev2", {NOVAK: "Novak", "e/person/keller2": "Keller"}, date(2026, 3, 4),
              date(2026, 3, 4), ["r2"])
    far = event("ev3", PAIR, date(2026, 6, 1), date(2026, 6, 1), ["r3"])
    splits, merges = ea.audit([a, b, far], {}, {}, days=3, place_days=31, spread=7)
    assert [(s[1].iri, s[2].iri) for s in splits] == [("ev1", "ev2")]
    assert merges == []


def test_same_place_reaches_further_than_days():
    a = event("ev1", PAIR, date(2026, 3, 2), date(2026, 3, 2), ["r1"], "Valoria City")
    b = event("ev2", PAIR, date(2026, 3, 20), date(2026, 3, 20), ["r2"], "valoria city")
    splits, _ = ea.audit([a, b], {}, {}, days=3, place_days=31, spread=7)
    assert [s[0] for s in splits] == ["same place within 31 days"]
    splits, _ = ea.audit([a, b], {}, {}, days=3, place_days=10, spread=7)
    assert splits == []


def test_reports_dated_weeks_apart_or_at_two_places_are_a_candidate_merge():
    reports = {r.iri: r for r in (rep(1, date(2026, 3, 2), date(2026, 3, 2)),
                                  rep(2, date(2026, 3, 20), date(2026, 3, 20)),
                                  rep(3, None, date(2026, 5, 1)))}
    wide = event("ev1", PAIR, date(2026, 3, 2), date(2026, 3, 20), ["r1", "r2"])
    # an open-ended report says nothing against the others' dates
    fine = event("ev2", PAIR, date(2026, 3, 2), date(2026, 3, 2), ["r1", "r3"])
    two = event("ev3", PAIR, date(2026, 3, 2), date(2026, 3, 2), ["r1", "r3"])
    places = {"r1": "Valoria City", "r3": "Bergen"}
    _, merges = ea.audit([wide, fine], reports, {}, days=3, place_days=31, spread=7)
    assert [(m[0], m[1].iri) for m in merges] == [("report dates over 7 days apart", "ev1")]
    _, merges = ea.audit([two], reports, places, days=3, place_days=31, spread=7)
    assert [m[0] for m in merges] == ["reports name different places"]


def test_validation_pairs_and_their_articles_are_left_out():
    gold = {"reports": [
        {"article": "a1", "pair": ["Novak", "Keller"], "split": "validation"},
        {"article": "a2", "pair": ["Fischer", "Keller"], "split": "dev"}],
        "not_meetings": [{"article": "a3", "pair": ["Keller", "Novak"]},
                         {"article": "a4", "pair": ["Fischer", "Keller"]}]}
    pairs, arts = ea.validation_filter(gold)
    assert pairs == {frozenset({"novak", "keller"})}
    assert arts == {"a1", "a3"}
    three = event("ev1", {**PAIR, FISCHER: "Lena Fischer"}, date(2026, 3, 2),
                  date(2026, 3, 2), ["r9"])  # a meeting of three holds the pair
    other = event("ev2", {FISCHER: "Lena Fischer", KELLER: "Paul Keller"}, date(2026, 3, 2),
                  date(2026, 3, 2), ["r3"])  # reported in an article of the pair
    kept = event("ev3", {FISCHER: "Lena Fischer", KELLER: "Paul Keller"}, date(2026, 3, 2),
                 date(2026, 3, 2), ["r2"])
    reports = {"r3": rep(3, date(2026, 3, 2), date(2026, 3, 2)),
               "r2": rep(2, date(2026, 3, 2), date(2026, 3, 2))}
    assert ea.leave_out([three, other, kept], reports, gold) == [kept]


def test_a_bilateral_report_in_a_meeting_of_three_is_a_candidate_merge():
    d = date(2026, 3, 2)
    reports = {r.iri: r for r in (rep(1, d, d), rep(2, d, d))}
    three = {**PAIR, FISCHER: "Lena Fischer"}
    joined = event("ev1", three, d, d, ["r1", "r2"])
    whole = event("ev2", three, d, d, ["r1"])
    attendees = {"r1": frozenset(three), "r2": frozenset(PAIR)}
    _, merges = ea.audit([joined, whole], reports, {}, days=3, place_days=31, spread=7,
                         attendees=attendees)
    assert [(m[0], m[1].iri) for m in merges] == [("multi-party and bilateral reports", "ev1")]
    _, merges = ea.audit([joined], reports, {}, days=3, place_days=31, spread=7)
    assert merges == []
