"""Meeting events in the store: derived from the per-article meeting reports, kept in one
derived named graph per pair of participants, and updated incrementally.

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
from dataclasses import dataclass
from datetime import date
from itertools import combinations

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.events.cluster import Event, Report, cluster_reports
from kg.extract.names import surname_match
from kg.model import DateSpan
from kg.query.files import internal_query
from kg.rdf.iri import article_iri, event_iri, events_graph_iri, graph_article_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG, PROV, RDF, SDO, SKOS, XSD
from kg.store.base import Store

__all__ = ["EventUpdate", "update_events", "read_reports", "event_triples", "STATUS",
           "resolve_by_partner"]

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
                     str(place) if place is not None else None)
        text = d.get("placeText")
        out.append(_Read(rep, frozenset(attendees[m]), str(d["g"]),
                         str(text) if text is not None else None))
    return out


def _date(d: date) -> Literal:
    return Literal(d.isoformat(), datatype=XSD.date)


def event_triples(pair: Pair, event: Event, place_text: str | None = None,
                  labels: dict[str, str] | None = None,
                  iri: URIRef | None = None) -> list[RdfTriple]:
    """The triples of one meeting event: attendees (with their names, so that queries read
    one name per event), dates, status, place, reports and reporting articles.

    The IRI is ``iri``, else minted from the pair and the earliest report."""
    ev = iri or event_iri(event.reports[0], *pair)
    out: list[RdfTriple] = [(ev, RDF.type, KG.MeetingEvent), (ev, RDF.type, SDO.Event)]
    out += [(ev, SDO.attendee, URIRef(p)) for p in pair]
    out += [(URIRef(p), SKOS.prefLabel, Literal((labels or {}).get(p, p))) for p in pair]
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


def _old_events(store: Store) -> tuple[dict[str, Pair], dict[str, set[str]]]:
    """Derived graph -> its pair, and article IRI -> the derived graphs that cite it."""
    q = internal_query("event-graphs")
    attendees: dict[str, set[str]] = defaultdict(set)
    cited: dict[str, set[str]] = defaultdict(set)
    for d in store.query(q).dicts():
        g = str(d["g"])
        attendees[g].add(str(d["a"]))
        cited[str(d["art"])].add(g)
    graphs = {g: tuple(sorted(a))[:2] for g, a in attendees.items() if len(a) >= 2}
    return graphs, cited  # type: ignore[return-value]


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


def _keep_iris(old: dict[Node, set[RdfTriple]], found: list[Event]) -> list[URIRef | None]:
    """For each new event, the IRI of the old event that shares most reports with it (each
    old IRI used once), so that an event keeps its IRI while its reports come and go."""
    had = {s: {str(t[2]) for t in ts if t[1] == PROV.wasDerivedFrom} for s, ts in old.items()
           if (s, RDF.type, KG.MeetingEvent) in ts}
    out: list[URIRef | None] = []
    used: set[Node] = set()
    for ev in found:
        shared = {s: len(r & set(ev.reports)) for s, r in had.items() if s not in used}
        best = min((s for s, n in shared.items() if n), key=lambda s: (-shared[s], str(s)),
                   default=None)
        if best is not None:
            used.add(best)
        out.append(URIRef(str(best)) if best is not None else None)
    return out


def _subjects(triples: Iterable[RdfTriple]) -> dict[Node, set[RdfTriple]]:
    by: dict[Node, set[RdfTriple]] = defaultdict(set)
    for t in triples:
        by[t[0]].add(t)
    return by


def update_events(store: Store, changed_graphs: Iterable[str] | None = None) -> EventUpdate:
    """Derive again the events of every pair that the article graphs ``changed_graphs`` held
    reports of, before or after the change (all pairs when None); return what changed."""
    labels: dict[str, str] = {}
    reads = read_reports(store, labels)
    canon = resolve_by_partner({p for r in reads for p in _pairs(r.attendees)}, labels)
    by_pair: dict[Pair, list[_Read]] = defaultdict(list)
    for r in reads:
        for pair in _pairs(r.attendees):
            by_pair[canon[pair]].append(r)
    old_graphs, cited = _old_events(store)
    if changed_graphs is None:
        todo = set(by_pair) | set(old_graphs.values()) | set(canon)
    else:
        changed = set(changed_graphs)
        todo = {p for r in reads if r.graph in changed for p in _pairs(r.attendees)}
        for g in changed:
            todo |= {old_graphs[e] for e in cited.get(str(graph_article_iri(g)), ())
                     if e in old_graphs}
        todo = _widen(todo, canon, labels)
    created = updated = removed = 0
    for pair in sorted(todo):
        graph = str(events_graph_iri(*pair))
        members = by_pair.get(pair, [])
        texts = {r.report.iri: r.place_text for r in members if r.place_text}
        old = _subjects(store.graph_triples(graph)) if graph in old_graphs else {}
        new: list[RdfTriple] = []
        keep = _keep_iris(old, found := cluster_reports(r.report for r in members))
        for ev, iri in zip(found, keep, strict=True):
            shown = [texts[i] for i in ev.reports if i in texts]
            place = max(sorted(set(shown)), key=shown.count) if shown else None
            new += event_triples(pair, ev, place, labels, iri)
        now = _subjects(new)
        kinds = {s for s, ts in now.items() if (s, RDF.type, KG.MeetingEvent) in ts}
        before = {s for s, ts in old.items() if (s, RDF.type, KG.MeetingEvent) in ts}
        created += len(kinds - before)
        removed += len(before - kinds)
        updated += sum(1 for s in kinds & before if old[s] != now[s])
        if new:
            if old != now:
                store.replace_article_nquads(graph, triples_nquads(graph, new))
        elif graph in old_graphs:
            store.remove_article(URIRef(graph))
    if todo:
        log.info("meeting events of %d pairs: %d created, %d updated, %d removed",
                 len(todo), created, updated, removed)
    return EventUpdate(created, updated, removed, len(todo))
