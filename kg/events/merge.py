"""Pair events → meeting events with all their participants, where pairs share a report.

The events of different pairs that share a report (one sentence naming three or more people
meeting) are one meeting.

Reports are clustered per pair (:mod:`kg.events.cluster`), where dates and places can be
compared. A report of a three-party meeting is then in the events of its three pairs; those
events are one real meeting, so they are joined (transitively, through any shared report) into
one event whose participants are all the pairs' people and whose reports are all theirs (a report
with no days of its own joins only meetings whose dated reports agree). Each
report ends up in exactly one meeting event, which is what makes its earliest report a stable
name for it (:func:`kg.rdf.iri.event_iri`).

>>> from datetime import date
>>> from kg.events.cluster import Report, cluster_reports
>>> from kg.model import DateSpan
>>> d = date(2026, 3, 11)
>>> def rep(n):
...     return Report(f"r{n}", f"a{n}", d, 0, "happened", DateSpan(d, d, "day"))
>>> three, two = rep(1), rep(2)  # r1 names a, b and c; r2 names a and b
>>> per_pair = {("a", "b"): cluster_reports([three, two]), ("a", "c"): cluster_reports([three]),
...             ("b", "c"): cluster_reports([three])}
>>> known = {r.iri: r for r in (three, two)}
>>> [(m.participants, m.event.reports) for m in merge_pair_events(per_pair, known)]
[(('a', 'b', 'c'), ('r1', 'r2'))]
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from kg.events.cluster import Event, Report, days_apart, event_of

__all__ = ["MeetingEvent", "merge_pair_events", "pairs_of"]

Pair = tuple[str, str]

#: How many days apart two meetings' dated reports may lie and still be joined through a
#: report with no days of its own: a meeting's days and a week's reporting slack either side.
APART = 7


@dataclass(frozen=True, slots=True)
class MeetingEvent:
    """One real meeting: its participants (entity IRIs, sorted) and the event reconciled from
    every report of it, whichever of its pairs the report was clustered under."""

    participants: tuple[str, ...]
    event: Event


def pairs_of(people: Iterable[str]) -> list[Pair]:
    """Every unordered pair of ``people``, sorted.

    >>> pairs_of(["c", "a", "b"])
    [('a', 'b'), ('a', 'c'), ('b', 'c')]
    """
    return list(combinations(sorted(set(people)), 2))


def merge_pair_events(per_pair: Mapping[Pair, Sequence[Event]],
                      reports: Mapping[str, Report]) -> list[MeetingEvent]:
    """Join the pair events that share a report into meeting events; the result does not
    depend on the order of ``per_pair``. Joined events are reconciled again (dates, place,
    status) from all their ``reports`` (report IRI → report).

    A report that tells days of its own joins every event holding it. One with no days of its
    own ("the two meetings of the seven", a publication date only) may have been placed, pair
    by pair, in two different meetings; it joins them only when their dated reports agree
    within :data:`APART`, and otherwise stays in the one most of its pairs put it in (then the
    one nearest its publication) and leaves the others.
    """
    nodes = [(pair, ev) for pair in sorted(per_pair) for ev in per_pair[pair]]
    parent = list(range(len(nodes)))
    # Each root's nodes, kept through the unions, so a meeting's days read only its own.
    members: dict[int, list[int]] = {i: [i] for i in range(len(nodes))}

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(i: int, j: int) -> None:
        a, b = root(i), root(j)
        if a != b:
            lo, hi = min(a, b), max(a, b)
            parent[hi] = lo
            members[lo] += members.pop(hi)

    holder: dict[str, list[int]] = defaultdict(list)
    for i, (_, ev) in enumerate(nodes):
        for r in ev.reports:
            holder[r].append(i)
    undated = {r for r in holder if r in reports and not reports[r].bounded}
    for r, held in holder.items():
        if r not in undated:
            for i in held[1:]:
                union(held[0], i)
    dropped: dict[int, set[str]] = defaultdict(set)
    for r in sorted(undated):
        for i in _place(reports[r], holder[r], nodes, root, union, members, reports):
            dropped[i].add(r)
    groups: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        kept = [x for x in nodes[i][1].reports if x not in dropped.get(i, ())]
        if kept:
            groups.setdefault(root(i), []).append(i)
    out = []
    for group in groups.values():
        people = tuple(sorted({p for i in group for p in nodes[i][0]}))
        if len(group) == 1 and not dropped.get(group[0]):
            out.append(MeetingEvent(people, nodes[group[0]][1]))
            continue
        iris = dict.fromkeys(r for i in group for r in nodes[i][1].reports
                             if r not in dropped.get(i, ()))
        out.append(MeetingEvent(people, event_of(reports[r] for r in iris)))
    return sorted(out, key=lambda m: (m.participants, m.event.reports))


def _place(rep: Report, held: list[int], nodes: Sequence[tuple[Pair, Event]],
           root: Callable[[int], int], union: Callable[[int, int], None],
           members: Mapping[int, list[int]], reports: Mapping[str, Report]) -> list[int]:
    """Join the meetings holding ``rep``, a report with no days of its own, where their days
    agree; return the events (node indices) it must leave, in meetings whose days do not."""
    comps: dict[int, list[int]] = defaultdict(list)
    for i in held:
        comps[root(i)].append(i)
    if len(comps) == 1:
        return []
    days = {c: _days(members[c], nodes, reports) for c in comps}
    pub = rep.published

    def fit(c: int) -> tuple[int, int, int]:
        d = days[c]
        return -len(comps[c]), days_apart((pub, pub), d) if pub and d else 0, c

    best = min(comps, key=fit)
    leave = []
    for c in sorted(comps):
        here, there = days[c], days[best]
        if c == best:
            continue
        if here is None or there is None or days_apart(here, there) <= APART:
            union(c, best)
            best = root(best)
            days[best] = _days(members[best], nodes, reports)
        else:
            leave += comps[c]
    return leave


def _days(group: list[int], nodes: Sequence[tuple[Pair, Event]],
          reports: Mapping[str, Report]) -> tuple[date, date] | None:
    """The days the dated reports of one meeting (its ``group`` of node indices) agree on, or
    None when none of its reports tells days of its own."""
    dated = {r for i in group for r in nodes[i][1].reports
             if r in reports and reports[r].bounded}
    if not dated:
        return None
    span = event_of(reports[r] for r in sorted(dated)).span
    return (span.start, span.end) if span.start and span.end else None

