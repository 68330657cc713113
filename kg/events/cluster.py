"""Reports of one pair's meetings → meeting events: which reports are the same real meeting,
its dates, and its reconciled status.

Reports with a bounded date are placed first, narrowest first, so that precise reports found
the events and vaguer ones ("next month", or no time at all) join the nearest event they fit
(with a day of slack either side).
Two reports fit when their days overlap and their places agree (both resolved to different
places is a disagreement; an unresolved or missing place is not). A report dated only by its
publication date is taken to be about a meeting within a month before it (happened) or
three months after it (planned). Two countries talk at several tables at once (their own
talks, and the larger meetings both attend): for such a pair, a report of the two alone and
a report of a meeting of three or more are one meeting only when both tell days that agree.
An event that no report dates is dated to a recency window, precision ``window``: the week up
to its first held report, or the five weeks from its last planned one.

>>> from datetime import date
>>> def rep(n, pub, status, start, end, place=None):
...     span = DateSpan(start, end, "bound" if start is None or end is None else "day")
...     return Report(f"r{n}", f"a{n}", pub, 0, status, span, place)
>>> reps = [rep(1, date(1987, 4, 6), "planned", date(1987, 4, 7), date(1987, 4, 7)),
...         rep(2, date(1987, 4, 8), "happened", None, date(1987, 4, 8)),
...         rep(3, date(1987, 10, 20), "happened", date(1987, 10, 19), date(1987, 10, 19))]
>>> for e in cluster_reports(reps):
...     print(e.reports, e.span, e.status)
('r1', 'r2') 1987-04-07/1987-04-07 (day) happened
('r3',) 1987-10-19/1987-10-19 (day) happened
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta

from kg.extract.timeplace.when import precision_of
from kg.model import DateSpan

__all__ = ["Report", "Event", "cluster_reports", "days_apart", "event_of", "reconcile_status",
           "HAPPENED_WINDOW", "PLANNED_WINDOW", "HELD_RECENCY", "PLANNED_RECENCY"]

#: How far before its publication an undated report of a held meeting may reach.
HAPPENED_WINDOW = timedelta(days=31)
#: How far after its publication an undated report of a planned meeting may reach.
PLANNED_WINDOW = timedelta(days=92)
#: The days an event that only held reports with no time bound is dated to, before its first
#: report: the smallest whole week containing 85% (the issue's date target) of development
#: meetings' distance from a report of them (explicitly dated reports of unannotated Reuters,
#: the dev gold, undated reports another report dates): 87% within 7 days, 83% within 3.
HELD_RECENCY = timedelta(days=7)
#: The same for planned reports with no time, after the last one: 89% within 35 days, 83% in 28.
PLANNED_RECENCY = timedelta(days=35)


_SLACK = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Report:
    """One article's report of a meeting between the pair: the ``kg:Meeting`` node and where
    it was said (article, publication date, sentence), its status, dates and place."""

    iri: str
    article: str
    published: date | None
    sentence_index: int
    status: str  # happened | planned | negated
    span: DateSpan | None
    place: str | None = None  # the resolved place entity, when there is one
    parties: int = 2  # how many parties the report names (three or more: a larger meeting)

    def window(self) -> tuple[date, date] | None:
        """The days this report can be about, open ends closed by the reporting windows."""
        s = self.span
        start, end = (s.start, s.end) if s is not None else (None, None)
        if start is not None and end is not None:
            return start, end
        pub = self.published
        if pub is None:
            return None
        if start is None and end is None:
            start, end = pub - HAPPENED_WINDOW, pub + PLANNED_WINDOW
        elif start is None:
            assert end is not None
            start = end - HAPPENED_WINDOW
        else:
            assert start is not None
            end = start + PLANNED_WINDOW
        return start, end

    @property
    def bounded(self) -> bool:
        """Whether the report itself dates the meeting on both ends."""
        return self.span is not None and self.span.start is not None \
            and self.span.end is not None


@dataclass(frozen=True, slots=True)
class Event:
    """One real meeting of the pair: its reports (``kg:Meeting`` IRIs, earliest first), dates,
    place and reconciled status."""

    reports: tuple[str, ...]
    span: DateSpan
    status: str  # happened | planned | negated | disputed
    place: str | None
    articles: tuple[str, ...]
    first_reported: date | None
    last_reported: date | None


@dataclass
class _Group:
    members: list[Report]
    lo: date  # the hull of the members' windows
    hi: date

    def places(self) -> set[str]:
        return {m.place for m in self.members if m.place}


def _overlap(a: tuple[date, date], lo: date, hi: date) -> bool:
    # A day's slack: reports a day apart ("last night", datelines across time zones, a
    # second day of talks) are one meeting more often than two.
    return a[0] <= hi + _SLACK and lo - _SLACK <= a[1]


def days_apart(a: tuple[date, date], b: tuple[date, date]) -> int:
    """Days between two intervals (first, last day), 0 when they overlap or touch.

    >>> days_apart((date(1987, 4, 1), date(1987, 4, 2)), (date(1987, 4, 9), date(1987, 4, 9)))
    7
    """
    return max((b[0] - a[1]).days, (a[0] - b[1]).days, 0)


#: How much a report of each precision counts when reports disagree on the days.
_WEIGHT = {"day": 4.0, "week": 2.0, "month": 1.0}
#: Day-precise reports this many days off the agreed days widen them rather than lose:
#: an arrival and the talks the next day, a dateline across time zones.
_COVER = 2


def _core(g: _Group) -> tuple[date, date]:
    """The days the bounded members agree on.

    When they do not all overlap, the days most of them allow (a day-precise report counting
    more than a month) are kept, widened to cover day-precise reports up to two days off.
    """
    spans = [(m.span.start, m.span.end, m.span.precision) for m in g.members
             if m.bounded and m.span is not None and m.span.start and m.span.end]
    if not spans:
        return g.lo, g.hi
    lo = max(s[0] for s in spans)
    hi = min(s[1] for s in spans)
    if lo <= hi:
        return lo, hi

    def support(day: date) -> tuple[float, int]:
        return sum(_WEIGHT.get(s[2], 0.5) for s in spans if s[0] <= day <= s[1]), -day.toordinal()

    best = max((s[0] for s in spans), key=support)
    agreed = [s for s in spans if s[0] <= best <= s[1]]
    lo, hi = max(s[0] for s in agreed), min(s[1] for s in agreed)
    for s in spans:
        if s[2] == "day" and s not in agreed and days_apart((s[0], s[1]), (lo, hi)) <= _COVER:
            lo, hi = min(lo, s[0]), max(hi, s[1])
    return lo, hi


def _order(r: Report) -> tuple:
    w = r.window()
    width = (w[1] - w[0]).days if w else 10**6
    return (not r.bounded, width, w[0] if w else date.max, r.published or date.max, r.iri)


def _same_table(r: Report, g: _Group) -> bool:
    """Whether ``r`` may be a report of the meeting ``g`` holds, for a pair that talks at
    several tables: a report of the same kind (the two alone, or a larger meeting) is in it,
    or ``r`` and a member both tell their days (the overlap is then checked on those days).
    """
    alone = r.parties <= 2
    return any((m.parties <= 2) == alone for m in g.members) or \
        (r.bounded and any(m.bounded for m in g.members))


def cluster_reports(reports: Iterable[Report], tables: bool = False) -> list[Event]:
    """Group one pair's reports into events; the result does not depend on input order.

    ``tables``: the pair talks at several tables at once (two countries), so that a
    publication window alone does not join a report of the two with one of a larger meeting.

    >>> from kg.model import DateSpan
    >>> pub = date(1987, 4, 9)
    >>> own = Report("r1", "a1", date(1987, 4, 3), 0, "planned",
    ...              DateSpan(date(1987, 4, 4), date(1987, 4, 4), "day"))
    >>> group = Report("r2", "a2", pub, 0, "happened", DateSpan(None, pub, "bound"), None, 7)
    >>> [e.reports for e in cluster_reports([own, group])]
    [('r1', 'r2')]
    >>> [e.reports for e in cluster_reports([own, group], tables=True)]
    [('r2',), ('r1',)]
    """
    groups: list[_Group] = []
    undated: list[Report] = []
    for r in sorted(reports, key=_order):
        w = r.window()
        if w is None:
            undated.append(r)
            continue
        anchor = (r.published, r.published) if not r.bounded and r.published else w
        # A dated report must fit the days the group's dated reports agree on, not the hull
        # of them all: a hull widened by a vague report ("talks this week") would let the next
        # vague one ("in February") chain on at its far edge. A report with no time of its
        # own only has to fall within the hull.
        fits = [g for g in groups if _overlap(w, *(_core(g) if r.bounded else (g.lo, g.hi)))
                and not (r.place and g.places() and r.place not in g.places())
                and (not tables or _same_table(r, g))]
        if fits:
            g = min(fits, key=lambda g: (days_apart(anchor, _core(g)), g.lo))
            g.members.append(r)
            if r.bounded:
                g.lo, g.hi = min(g.lo, w[0]), max(g.hi, w[1])
        else:
            groups.append(_Group([r], *w))
    if undated:  # no publication date either: one event per report, undated
        groups.extend(_Group([r], date.min, date.max) for r in undated)
    return sorted((_event(g) for g in groups), key=lambda e: (e.span.start or date.min,
                                                             e.reports))


def event_of(reports: Iterable[Report]) -> Event:
    """One event from reports already known to be one meeting (the reports of a meeting of
    three or more, gathered from its pairs): dates, place and status as for a cluster."""
    members = list(reports)
    if not members:
        raise ValueError("an event needs at least one report")
    return _event(_Group(members, date.min, date.max))


def _event(g: _Group) -> Event:
    members = sorted(g.members, key=lambda m: (m.published or date.max, m.article,
                                               m.sentence_index, m.iri))
    if any(m.bounded for m in members):
        lo, hi = _core(g)
        span = DateSpan(lo, hi, precision_of(lo, hi))
    else:
        # Only publication bounds: the meeting is after the last planned report's day, or
        # before the first happened report's day.
        ends = [m.span.end for m in members if m.span and m.span.end]
        starts = [m.span.start for m in members if m.span and m.span.start]
        after = max(starts) if starts else None
        before = min(ends) if ends else None
        if after and before and before < after:
            # A planned report after a held one: the reports disagree, so keep only the
            # held report's bound rather than an empty span.
            after = None
        span = _recency(after, before)
    places = Counter(m.place for m in members if m.place)
    pubs = [m.published for m in members if m.published]
    return Event(
        reports=tuple(m.iri for m in members),
        span=span,
        status=reconcile_status([(m.published, _as_of(m, span)) for m in members]),
        place=min(places, key=lambda p: (-places[p], p)) if places else None,
        articles=tuple(dict.fromkeys(m.article for m in members)),
        first_reported=min(pubs) if pubs else None,
        last_reported=max(pubs) if pubs else None,
    )


def _recency(after: date | None, before: date | None) -> DateSpan:
    """The days of an event that only publication dates bound: between a planned report's day
    and a held one's, else the recency window next to the one bound there is, with its own
    precision (``window``): news tells a meeting as held within days of it, and a planned one
    mostly within weeks, though a held report may recall an older meeting.

    >>> str(_recency(None, date(1987, 4, 8))), str(_recency(date(1987, 4, 8), None))
    ('1987-04-01/1987-04-08 (window)', '1987-04-08/1987-05-13 (window)')
    """
    if after and before:
        return DateSpan(after, before, "bound")
    if before:
        return DateSpan(before - HELD_RECENCY, before, "window")
    if after:
        return DateSpan(after, after + PLANNED_RECENCY, "window")
    return DateSpan(None, None, "unknown")


def _as_of(m: Report, span: DateSpan) -> str:
    """A report's status, except that one published before the meeting's first possible day
    cannot have seen it held: such a "happened" is read as planned (an extraction slip)."""
    if m.status == "happened" and m.published and span.start and m.published < span.start:
        return "planned"
    return m.status


def reconcile_status(reports: Iterable[tuple[date | None, str]]) -> str:
    """One status for an event from its reports' (publication date, status), in date order.

    A meeting reported as held stays held whatever earlier reports said; the latest day's
    reports decide otherwise; reports of one day that disagree (held and called off, or
    planned and called off) make it disputed, unless a later day settles it.

    >>> d = date(1987, 4, 1)
    >>> reconcile_status([(d, "planned"), (d + timedelta(days=2), "happened")])
    'happened'
    >>> reconcile_status([(d, "planned"), (d + timedelta(days=1), "negated")])
    'negated'
    >>> reconcile_status([(d, "happened"), (d, "negated")])
    'disputed'
    """
    days: dict[date, set[str]] = defaultdict(set)
    for pub, status in reports:
        days[pub or date.min].add(status)
    status = "planned"
    held = False
    for day in sorted(days):
        said = days[day]
        if "negated" in said and len(said) > 1:
            status = "disputed"
        elif "happened" in said:
            status, held = "happened", True
        elif "negated" in said:
            status = "disputed" if held else "negated"
        elif not held:
            status = "planned"
    return status
