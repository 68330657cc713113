"""Meeting events in the store: one derived named graph per pair, updated incrementally.

The events are derived from the per-article meeting reports.

The article graphs stay the source of truth. After articles are added, replaced, relinked or
removed, only the pairs whose reports those articles held (before or after) are clustered
again (:mod:`kg.events.cluster`), and only their derived graphs are rewritten, each as one
unit. With no articles named, every pair is derived again (a full rebuild).

>>> from kg.sample import sample_extraction
>>> from kg.rdf.mapping import to_rdf
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> store.replace_article(to_rdf(sample_extraction()))
>>> u = update_events(store)
>>> (u.created, u.updated, u.removed) == (u.created, 0, 0) and u.created > 0
True
>>> update_events(store, [str(to_rdf(sample_extraction()).identifier)]).created
0
"""

from __future__ import annotations

import logging
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import date
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.events.cluster import Report, cluster_reports
from kg.events.merge import MeetingEvent, merge_pair_events, pairs_of
from kg.extract.entities.names import surname_match
from kg.model import DateSpan
from kg.query.files import internal_query
from kg.rdf.iri import article_iri, event_iri, events_graph_iri, graph_article_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG, PROV, RDF, SDO, SKOS, XSD
from kg.store.base import Store

__all__ = ["EventUpdate", "update_events", "read_reports", "event_triples", "STATUS",
           "resolve_by_partner", "one_name_each"]

log = logging.getLogger(__name__)

#: Reconciled status -> its individual.
STATUS: dict[str, URIRef] = {"happened": KG.Happened, "planned": KG.Planned,
                             "negated": KG.Negated, "disputed": KG.Disputed}

Pair = tuple[str, str]


@dataclass(frozen=True, slots=True)
class EventUpdate:
    """What an update did to the derived events: created, updated and removed, by event IRI."""

    created: int = 0
    updated: int = 0
    removed: int = 0
    pairs: int = 0  #: pairs of participants whose events were derived again


@dataclass(frozen=True, slots=True)
class _Read:
    report: Report
    attendees: frozenset[str]
    graph: str
    place_text: str | None


def _day(v: Node | None) -> date | None:
    if v is None:
        return None
    try:
        return date.fromisoformat(str(v)[:10])
    except ValueError:
        return None


def read_reports(store: Store, labels: dict[str, str] | None = None) -> list[_Read]:
    """Every meeting report in the store's article graphs, with its attendees (and their
    labels into ``labels``)."""
    q = internal_query("event-reports")
    rows: dict[str, dict[str, Node]] = {}
    attendees: dict[str, set[str]] = defaultdict(set)
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for d in store.query(q).dicts():
        m = str(d["m"])
        attendees[m].add(str(d["a"]))
        rows.setdefault(m, d)
        if d.get("label") is not None:
            names[str(d["a"])][str(d["label"])] += 1
    if labels is not None:  # the name most reports use (then the first in order)
        labels.update({a: min(c, key=lambda n: (-c[n], n)) for a, c in names.items()})
    out = []
    for m, d in rows.items():
        pub = _day(d.get("published"))
        status = str(d["status"])
        if d.get("precision") is not None:
            span: DateSpan | None = DateSpan(_day(d.get("earliest")), _day(d.get("latest")),
                                             str(d["precision"]))
        elif pub is not None:  # a store built before reports were dated: publication bounds
            span = DateSpan(pub, None, "bound") if status == "planned" else \
                DateSpan(None, pub, "bound")
        else:
            span = None
        place = d.get("place")
        rep = Report(m, str(d["article"]), pub, int(str(d["si"])), status, span,
                     str(place) if place is not None else None, len(attendees[m]))
        text = d.get("placeText")
        if text is not None and str(text).casefold() == "here" and d.get("dateline"):
            text = d["dateline"]  # the wire's "here" is where its dateline was written
        out.append(_Read(rep, frozenset(attendees[m]), str(d["g"]),
                         str(text) if text is not None else None))
    return out


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def event_triples(meeting: MeetingEvent, place_text: str | None = None,
                  labels: dict[str, str] | None = None) -> list[RdfTriple]:
    """The triples of one meeting event: attendees (with their names, so that queries read
    one name per event, and the names in one literal, in attendee order, for one row per
    event), dates, status, place, reports and reporting articles. The IRI is minted from the
    earliest report (:func:`kg.rdf.iri.event_iri`)."""
    event, people = meeting.event, meeting.participants
    ev = event_iri(event.reports[0])
    names = [(labels or {}).get(p, p) for p in people]
    out: list[RdfTriple] = [(ev, RDF.type, KG.MeetingEvent), (ev, RDF.type, SDO.Event)]
    out += [(ev, SDO.attendee, URIRef(p)) for p in people]
    out += [(URIRef(p), SKOS.prefLabel, Literal(n)) for p, n in zip(people, names, strict=True)]
    out.append((ev, KG.attendeeNames, Literal("; ".join(names))))
    out.append((ev, KG.status, STATUS[event.status]))
    if event.span.start:
        out.append((ev, SDO.startDate, _date(event.span.start)))
    if event.span.end:
        out.append((ev, SDO.endDate, _date(event.span.end)))
    out.append((ev, KG.datePrecision, Literal(event.span.precision)))
    if event.place:
        out.append((ev, SDO.location, URIRef(event.place)))
    if place_text:
        out.append((ev, KG.placeText, Literal(place_text)))
    out.append((ev, KG.reportCount, Literal(len(event.articles))))
    if event.first_reported:
        out.append((ev, KG.firstReported, _date(event.first_reported)))
    if event.last_reported:
        out.append((ev, KG.lastReported, _date(event.last_reported)))
    out += [(ev, PROV.wasDerivedFrom, URIRef(r)) for r in event.reports]
    out += [(ev, SDO.subjectOf, article_iri(a)) for a in event.articles]
    return out


def _countries(pair: Pair) -> bool:
    """Whether both of a pair are countries, which talk at several tables at once
    (:func:`kg.events.cluster.cluster_reports`).

    >>> _countries(("BASE/country/valoria", "BASE/country/nordland"))
    True
    >>> _countries(("BASE/country/valoria", "BASE/person/peter-novak"))
    False
    """
    return all("/country/" in p for p in pair)


def _pairs(attendees: frozenset[str]) -> Iterable[Pair]:
    return combinations(sorted(attendees), 2)


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().replace(".", "").split())


def resolve_by_partner(pairs: Iterable[Pair], labels: dict[str, str]) -> dict[Pair, Pair]:
    """Each pair -> the pair its reports count under: a short name that cross-article linking
    left alone because it fits two people ("Reagan": Ronald or Nancy) is the one full-name
    person with that surname who meets the same partner elsewhere, if there is exactly one.

    >>> labels = {"r": "Reagan", "rr": "Ronald Reagan", "nr": "Nancy Reagan", "n": "Nakasone"}
    >>> resolve_by_partner([("n", "r"), ("n", "rr")], labels)
    {('n', 'r'): ('n', 'rr'), ('n', 'rr'): ('n', 'rr')}
    """
    pairs = set(pairs)
    partners: dict[str, set[str]] = defaultdict(set)
    for a, b in pairs:
        partners[a].add(b)
        partners[b].add(a)
    out: dict[Pair, Pair] = {}
    for a, b in sorted(pairs):
        ends = []
        for short, other in ((a, b), (b, a)):
            words = _words(labels.get(short, ""))
            fits = {f for f in partners[other] if f != short
                    and surname_match(words, _words(labels.get(f, "")))} if words else set()
            ends.append(fits.pop() if len(fits) == 1 else short)
        out[(a, b)] = tuple(sorted(ends))  # type: ignore[assignment]
    return out


def one_name_each(people: tuple[str, ...], labels: dict[str, str]) -> tuple[str, ...]:
    """The participants of one meeting without a bare surname ("Reagan") that exactly one
    full name of the same meeting ends with ("Ronald Reagan"): cross-article linking leaves
    such a surname apart when it fits two people in the corpus, but within one meeting it is
    the one who is there. Unchanged when fewer than two would be left.

    >>> labels = {"r": "Reagan", "rr": "Ronald Reagan", "n": "Nakasone"}
    >>> one_name_each(("BASE/person/n", "BASE/person/r", "BASE/person/rr"),
    ...               {f"BASE/person/{k}": v for k, v in labels.items()})
    ('BASE/person/n', 'BASE/person/rr')
    """
    words = {p: _words(labels.get(p, "")) for p in people}

    def covered(p: str) -> bool:
        fits = [q for q in people if q != p and "/person/" in q
                and surname_match(words[p], words[q])]
        return "/person/" in p and len(words[p]) == 1 and len(fits) == 1

    kept = tuple(p for p in people if not covered(p))
    return kept if len(kept) >= 2 else people


def _old_events(store: Store) -> tuple[dict[str, frozenset[str]], dict[str, set[str]]]:
    """Derived graph -> its participants, and article IRI -> the derived graphs citing it."""
    q = internal_query("event-graphs")
    attendees: dict[str, set[str]] = defaultdict(set)
    cited: dict[str, set[str]] = defaultdict(set)
    for d in store.query(q).dicts():
        g = str(d["g"])
        attendees[g].add(str(d["a"]))
        cited[str(d["art"])].add(g)
    return {g: frozenset(a) for g, a in attendees.items() if len(a) >= 2}, cited


def _widen(todo: set[Pair], canon: dict[Pair, Pair], labels: dict[str, str]) -> set[Pair]:
    """The pairs to derive again: those named, what they resolve to and from, and every pair
    whose short-name resolution the change can have altered (same partner and surname)."""
    def surname(x: str) -> str:
        words = _words(labels.get(x, ""))
        return words[-1] if words else x

    def keys(p: Pair) -> set[tuple[str, str]]:
        return {(surname(x), y) for x, y in (p, p[::-1])}

    touched = {k for p in todo for k in keys(p)}
    out = set(todo)
    for raw, c in canon.items():
        if raw in todo or c in todo or keys(raw) & touched:
            out |= {raw, c}
    return out


def _subjects(triples: Iterable[RdfTriple]) -> dict[Node, set[RdfTriple]]:
    by: dict[Node, set[RdfTriple]] = defaultdict(set)
    for t in triples:
        by[t[0]].add(t)
    return by


def _counts(old: dict[Node, set[RdfTriple]], new: dict[Node, set[RdfTriple]]
            ) -> tuple[int, int, int]:
    """(created, updated, removed) from the old and new events' triples: a new event sharing
    a report and two participants with an old one is that one updated, also when its IRI
    changed (a report published earlier joined, or its earliest left); unchanged events are
    not counted. (A replaced article's reports keep their IRIs whoever they name.)"""
    def key(ts: set[RdfTriple]) -> tuple[set[str], set[str]]:
        return ({str(t[2]) for t in ts if t[1] == PROV.wasDerivedFrom},
                {str(t[2]) for t in ts if t[1] == SDO.attendee})

    was_of = {o: key(ts) for o, ts in old.items()}
    created = updated = 0
    matched: set[Node] = set()
    for e, ts in new.items():
        reps, people = key(ts)
        was = {o for o, (r, p) in was_of.items() if r & reps and len(p & people) >= 2}
        matched |= was
        if not was:
            created += 1
        elif was != {e} or old[e] != ts:
            updated += 1
    return created, updated, len(set(old) - matched)


def update_events(store: Store, changed_graphs: Iterable[str] | None = None) -> EventUpdate:
    """Derive again the events of every pair that the article graphs ``changed_graphs`` held
    reports of, before or after the change (all pairs when None); return what changed.

    Clustering is cheap and runs over every pair (the reports are read anyway), so that a
    meeting of three or more, which ties its pairs' events together, always comes out whole;
    only the derived graphs that a changed pair is in, before or after, are read and written.
    """
    labels: dict[str, str] = {}
    reads = read_reports(store, labels)
    canon = resolve_by_partner({p for r in reads for p in _pairs(r.attendees)}, labels)
    by_pair: dict[Pair, list[_Read]] = defaultdict(list)
    for r in reads:
        for pair in _pairs(r.attendees):
            by_pair[canon[pair]].append(r)
    old_graphs, cited = _old_events(store)
    if changed_graphs is None:
        todo = set(by_pair) | {p for s in old_graphs.values() for p in pairs_of(s)} | set(canon)
    else:
        changed = set(changed_graphs)
        todo = {p for r in reads if r.graph in changed for p in _pairs(r.attendees)}
        for g in changed:
            todo |= {p for e in cited.get(str(graph_article_iri(g)), ()) if e in old_graphs
                     for p in pairs_of(old_graphs[e])}
        todo = _widen(todo, canon, labels)
    found = merge_pair_events({p: cluster_reports((r.report for r in rs), tables=_countries(p))
                               for p, rs in by_pair.items()},
                              {r.report.iri: r.report for r in reads})
    touched = [bool(set(pairs_of(m.participants)) & todo) for m in found]
    found = [replace(m, participants=one_name_each(m.participants, labels)) for m in found]
    texts = {r.report.iri: r.place_text for r in reads if r.place_text}
    graph_of = {m: str(events_graph_iri(*m.participants)) for m in found}
    write = {g for g, s in old_graphs.items() if set(pairs_of(s)) & todo}
    write |= {graph_of[m] for m, t in zip(found, touched, strict=True) if t}
    new: dict[str, list[RdfTriple]] = defaultdict(list)
    for m in found:
        if graph_of[m] in write:
            shown = [texts[i] for i in m.event.reports if i in texts]
            place = max(sorted(set(shown)), key=shown.count) if shown else None
            new[graph_of[m]] += event_triples(m, place, labels)
    before: dict[Node, set[RdfTriple]] = {}
    after: dict[Node, set[RdfTriple]] = {}
    for graph in sorted(write):
        old = _subjects(store.graph_triples(graph)) if graph in old_graphs else {}
        now = _subjects(new.get(graph, ()))
        for into, by in ((before, old), (after, now)):
            into.update({s: ts for s, ts in by.items() if (s, RDF.type, KG.MeetingEvent) in ts})
        if now and old != now:
            store.replace_article_nquads(graph, triples_nquads(graph, new[graph]))
        elif not now and graph in old_graphs:
            store.remove_article(URIRef(graph))
    created, updated, removed = _counts(before, after)
    if todo:
        log.info("meeting events of %d pairs: %d created, %d updated, %d removed",
                 len(todo), created, updated, removed)
    return EventUpdate(created, updated, removed, len(todo))
