"""Pair events → meeting events with all their participants, where pairs share a report.

The events of different pairs that share a report (one sentence naming three or more people
meeting) are one meeting.

Reports are clustered per pair (:mod:`kg.events.cluster`), where dates and places can be
compared. A report of a three-party meeting is then in the events of its three pairs; those
events are one real meeting, so they are joined (transitively, through any shared report) into
one event whose participants are all the pairs' people and whose reports are all theirs. Each
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

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations

from kg.events.cluster import Event, Report, event_of

__all__ = ["MeetingEvent", "merge_pair_events", "pairs_of"]

Pair = tuple[str, str]


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
    status) from all their ``reports`` (report IRI → report)."""
    nodes = [(pair, ev) for pair in sorted(per_pair) for ev in per_pair[pair]]
    parent = list(range(len(nodes)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    holder: dict[str, int] = {}
    for i, (_, ev) in enumerate(nodes):
        for r in ev.reports:
            j = holder.setdefault(r, i)
            a, b = root(i), root(j)
            if a != b:
                parent[max(a, b)] = min(a, b)
    groups: dict[int, list[int]] = {}
    for i in range(len(nodes)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        people = tuple(sorted({p for i in members for p in nodes[i][0]}))
        if len(members) == 1:
            out.append(MeetingEvent(people, nodes[members[0]][1]))
            continue
        iris = dict.fromkeys(r for i in members for r in nodes[i][1].reports)
        out.append(MeetingEvent(people, event_of(reports[r] for r in iris)))
    return sorted(out, key=lambda m: (m.participants, m.event.reports))

