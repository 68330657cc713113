"""The NetworkX projection: entities as nodes, statements and meetings as edges with provenance.

>>> from kg.store import open_store
>>> g = to_networkx(open_store("memory:"))
>>> g.number_of_nodes(), g.is_multigraph(), g.is_directed()
(0, True, True)
"""

from __future__ import annotations

from collections import Counter, defaultdict
from itertools import combinations
from typing import Any

import networkx as nx
from rdflib import URIRef

from kg.query.files import internal_query
from kg.rdf.vocab import KG, SDO
from kg.store import Store

__all__ = ["to_networkx", "TYPE_OF_CLASS"]

#: RDF class local name -> node ``type`` attribute.
TYPE_OF_CLASS = {
    "Person": "person",
    "Organization": "organization",
    "Country": "country",
    "Place": "place",
    "Group": "group",
    "Event": "event",
    "Thing": "other",
}


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def _votes(rows: Any) -> dict[str, Counter[str]]:
    # (thing, value, number of article graphs) rows -> thing -> Counter of values.
    out: dict[str, Counter[str]] = defaultdict(Counter)
    for x, v, n in rows:
        out[x][v] += int(n)
    return out


def _entities(store: Store, labels: dict[str, Counter[str]]) -> dict[str, dict[str, Any]]:
    # The commonest label and class win, so that an entity named in a thousand article graphs
    # gets one stable label and type (the old union-graph SAMPLE was whichever came first).
    out: dict[str, dict[str, Any]] = {}
    for e, classes in _votes(store.select_values(internal_query("nx-classes"))).items():
        if e in labels:
            out[e] = {"label": _commonest(labels[e]),
                      "type": TYPE_OF_CLASS.get(_local(_commonest(classes)), "other"),
                      "aliases": set(), "titles": set()}
    for ent, kind, name in store.select_values(internal_query("nx-names")):
        if (d := out.get(str(ent))) is not None and name:
            d["aliases" if kind == "alias" else "titles"].add(str(name))
    return out


def _column(store: Store, prop: URIRef) -> dict[str, str]:
    """Subject -> object (IRI or lexical form) of every ``prop`` triple: one index scan."""
    return {str(s): str(o) for _, s, o in store.select_values(internal_query("nx-column"),
                                                               {"p": prop})}


def _sentences(store: Store) -> dict[str, tuple[str, int, str, str | None]]:
    """Sentence IRI -> (text, index, article id, article date or None)."""
    text, index, part = (_column(store, p) for p in (SDO.text, KG.sentenceIndex, SDO.isPartOf))
    ids, dates = _column(store, SDO.identifier), _column(store, SDO.datePublished)
    out = {}
    for s, t in text.items():
        art = part.get(s, "")
        if s in index and art in ids:
            out[s] = (t, int(index[s]), ids[art], dates.get(art))
    return out


def _commonest(c: Counter[str]) -> str:
    """The most frequent key, ties broken by the smallest.

    >>> _commonest(Counter({"b": 2, "a": 2, "c": 1}))
    'a'
    """
    return min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """Project the store's RDF into a ``MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``type``, ``aliases`` and ``titles``. Each
    statement between two entities is an edge ``kind="relation"``; each meeting gives one
    edge ``kind="meeting"`` per unordered pair of participants, or, where meeting events were
    derived (kg.events), one per event and pair of its participants (``weight`` = reporting
    articles, ``start``/``end`` its interval, ``participants`` how many it has, the earliest
    report's sentence as provenance). Every edge keeps
    ``article``, ``sentence`` and ``sentence_index``, and ``published`` (the article's date,
    ISO, or None).

    Each statement is read in its own article graph, and sentences, articles and labels
    one property at a time (one index scan each), joined here: joined in SPARQL over the
    union of article graphs, a linked entity's label in every article that names it
    multiplied the work (BENCHMARKS.md, "Map at corpus scale").
    """
    g = nx.MultiDiGraph()
    labels = _votes(store.select_values(internal_query("nx-labels")))
    for e, d in sorted(_entities(store, labels).items()):
        g.add_node(e, label=d["label"], type=d["type"], aliases=sorted(d["aliases"]),
                   titles=sorted(d["titles"]))
    sentences = _sentences(store)
    negated = _column(store, KG.negated)
    for st, s, o, p, rel, conf, src in sorted(store.select_values(
            internal_query("nx-statements"))):
        sent = sentences.get(str(src))
        if s not in g or o not in g or sent is None or p not in labels:
            continue  # literal subjects and objects are no nodes
        g.add_edge(s, o, key=st, kind="relation", relation=rel,
                   predicate=_commonest(labels[str(p)]), confidence=float(str(conf)),
                   negated=negated.get(str(st), "false") in ("true", "1"),
                   article=sent[2], published=sent[3], sentence=sent[0],
                   sentence_index=sent[1])
    meetings: dict[str, dict] = defaultdict(lambda: {"attendees": set()})
    for mi, a, status, place, time, day, trigger, si in store.select_values(
            internal_query("nx-meetings")):
        sent = sentences.get(str(si))
        if sent is None:
            continue
        m = meetings[str(mi)]
        m["attendees"].add(str(a))
        m.update(status=status, place=place, time=time, date=day, trigger=trigger)
        m.update(article=sent[2], published=sent[3], sentence=sent[0], sentence_index=sent[1])
    covered = _events(store, g, meetings)

    def surnames(a: str, b: str) -> frozenset[str]:
        return frozenset((str(g.nodes[x]["label"]).casefold().split() or [x])[-1] for x in (a, b))

    # An event may name in full a person its report names short ("Reagan"): same surnames.
    seen = {(r, surnames(a, b)) for r, a, b in covered}
    for iri, m in sorted(meetings.items()):
        for a, b in combinations(sorted(m.pop("attendees")), 2):
            if a in g and b in g and (iri, surnames(a, b)) not in seen:
                g.add_edge(a, b, key=f"{iri}#{a}|{b}", kind="meeting", meeting=iri,
                           relation="met", **m)
    return g


def _events(store: Store, g: nx.MultiDiGraph, reports: dict[str, dict]) -> set[tuple]:
    """One meeting edge per meeting event (kg.events), weighted by its reporting articles and
    dated by its interval; returns the (report, a, b) it stands for. Reports no event covers
    (a store whose events were never derived) keep their own edges."""
    events: dict[str, dict] = defaultdict(lambda: {"attendees": set(), "reports": set()})
    for e, a, status, start, end, precision, place, n, r in store.select_values(
            internal_query("nx-events")):
        ev = events[str(e)]
        ev["attendees"].add(str(a))
        ev["reports"].add(str(r))
        ev.update(status=status, start=start, end=end, precision=precision, place=place,
                  weight=int(str(n)))
    covered: set[tuple] = set()
    for iri, ev in sorted(events.items()):
        people = sorted(ev.pop("attendees"))
        found = sorted((reports[r] for r in ev["reports"] if r in reports),
                       key=lambda m: (m["published"] or "", m["article"], m["sentence_index"]))
        if len(people) < 2 or not found or not all(p in g for p in people):
            continue
        first = found[0]
        shown = ev.pop("reports")
        day = ev["start"] or ev["end"]
        if ev["precision"] == "window":
            # A recency window's far end is presumed, not told: the edge's day stays the
            # publication date that bounds it (the window's end for a held meeting, its start
            # for a planned one), and only the time filter's interval takes in the window.
            pubs = {str(m["published"])[:10] for m in found if m["published"]}
            day = ev["start"] if str(ev["start"])[:10] in pubs else ev["end"]
        # A meeting of three or more is one edge per pair of them, each standing for the
        # whole event (its weight is the event's reporting articles).
        for pair in combinations(people, 2):
            covered |= {(r, *pair) for r in shown}
            g.add_edge(*pair, key=f"{iri}#{pair[0]}|{pair[1]}", kind="meeting", meeting=iri,
                       relation="met", date=day,
                       time=first["time"] if len(found) == 1 else None,
                       trigger=first["trigger"], reports=len(found), article=first["article"],
                       published=first["published"], sentence=first["sentence"],
                       sentence_index=first["sentence_index"], participants=len(people), **ev)
    return covered
