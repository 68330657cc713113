"""What a map shows: pure filters on the NetworkX graph (ego network, relation, article, dates).

Edge filters (``only``, ``article``, ``since``/``until``) run first and drop the nodes they
leave without edges; then ``focus``/``hops`` cuts the ego network; then ``max_nodes`` keeps
the most connected nodes and reports the ones it dropped.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> g.add_node("p", label="Putin", aliases=["President Putin"], type="person")
>>> g.add_node("w", label="Witkoff", type="person"); g.add_node("m", label="Moscow", type="place")
>>> g.add_node("x", label="X", type="other")
>>> _ = g.add_edge("p", "w", kind="meeting", relation="met", date="2025-12-02", article="a1")
>>> _ = g.add_edge("w", "m", kind="relation", relation="travels to", predicate="travel to")
>>> v = select(g, MapQuery(only=("meetings",)))
>>> sorted(v.graph.nodes), v.dropped
(['p', 'w'], ())
>>> sorted(select(g, MapQuery(focus="president putin", hops=1)).graph.nodes)
['p', 'w']
>>> v = select(g, MapQuery(max_nodes=2)); sorted(v.graph.nodes), v.dropped
(['m', 'w'], ('Putin', 'X'))
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass
from datetime import date

import networkx as nx

from kg.errors import EntityNotFoundError, MapError
from kg.network.resolve import find_entity, normalise

__all__ = ["MapQuery", "MapView", "select", "resolve", "ego", "only", "in_article",
           "dated", "cap", "edge_date", "MEETINGS"]

#: The ``--only`` keyword that selects meeting edges.
MEETINGS = "meetings"


@dataclass(frozen=True, slots=True)
class MapQuery:
    """The filters of one map; the defaults show everything."""

    focus: str | None = None
    hops: int = 1
    only: tuple[str, ...] = ()
    article: str | None = None
    since: date | None = None
    until: date | None = None
    max_nodes: int | None = None


@dataclass(frozen=True, slots=True)
class MapView:
    """The graph to draw, the node to focus on, and the labels of nodes cut by ``max_nodes``."""

    graph: nx.MultiDiGraph
    focus: Hashable | None = None
    dropped: tuple[str, ...] = ()


def resolve(g: nx.Graph, name: str) -> Hashable:
    """The node ``name`` denotes, found as :func:`kg.network.resolve.find_entity` finds it
    (so ``kg.show(focus=...)`` and the analytics pick the same node); :class:`MapError` if none."""
    try:
        return find_entity(g, name)
    except EntityNotFoundError as e:
        raise MapError(str(e)) from e


def _keep_edges(g: nx.MultiDiGraph, keep: Iterable[tuple]) -> nx.MultiDiGraph:
    h = nx.MultiDiGraph()
    h.graph.update(g.graph)
    for u, v, k in keep:
        for n in (u, v):
            if n not in h:
                h.add_node(n, **g.nodes[n])
        h.add_edge(u, v, key=k, **g.edges[u, v, k])
    return h


def only(g: nx.MultiDiGraph, kinds: Iterable[str]) -> nx.MultiDiGraph:
    """Edges that are meetings (``"meetings"``) or whose relation or predicate is in ``kinds``."""
    want = {normalise(k) for k in kinds}

    def hit(d: dict) -> bool:
        if d.get("kind") == "meeting":
            return MEETINGS in want or "meeting" in want
        names = (str(d.get("relation", "")), str(d.get("predicate", "")))
        return bool({normalise(x) for x in names} & want)

    return _keep_edges(g, [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if hit(d)])


def in_article(g: nx.MultiDiGraph, article: str) -> nx.MultiDiGraph:
    """Edges whose provenance is the article ``article``."""
    return _keep_edges(g, [(u, v, k) for u, v, k, a in g.edges(keys=True, data="article")
                           if a == article])


def edge_date(d: dict) -> date | None:
    """The day of an edge: a meeting's own date, else the date of the article it comes from.

    >>> edge_date({"kind": "meeting", "date": "2025-12-02", "published": "2025-12-01"})
    datetime.date(2025, 12, 2)
    >>> edge_date({"kind": "meeting", "published": "2025-12-01"}) is None
    True
    """
    raw = d.get("date") if d.get("kind") == "meeting" else d.get("published")
    try:
        return date.fromisoformat(str(raw)[:10]) if raw else None
    except ValueError:
        return None


def dated(g: nx.MultiDiGraph, since: date | None, until: date | None) -> nx.MultiDiGraph:
    """Edges whose day (:func:`edge_date`) is within ``since``..``until`` (inclusive); undated
    ones are left out."""

    def ok(d: dict) -> bool:
        day = edge_date(d)
        return (day is not None and (since is None or day >= since)
                and (until is None or day <= until))

    return _keep_edges(g, [(u, v, k) for u, v, k, d in g.edges(keys=True, data=True) if ok(d)])


def ego(g: nx.MultiDiGraph, center: Hashable, hops: int) -> nx.MultiDiGraph:
    """Nodes within ``hops`` edges of ``center`` (either direction), with the edges among them."""
    if hops < 0:
        raise MapError(f"--hops must be 0 or more, not {hops}")
    near = nx.single_source_shortest_path_length(g.to_undirected(as_view=True), center, hops)
    return nx.MultiDiGraph(g.subgraph(near))


def cap(g: nx.MultiDiGraph, max_nodes: int,
        keep: Hashable | None = None) -> tuple[nx.MultiDiGraph, tuple[str, ...]]:
    """The ``max_nodes`` most connected nodes (ties by label), and the labels of the rest.

    ``keep`` (the focus) is never dropped.
    """
    if max_nodes < 1:
        raise MapError(f"--max-nodes must be at least 1, not {max_nodes}")
    if g.number_of_nodes() <= max_nodes:
        return g, ()
    deg = dict(g.degree())

    def rank(n: Hashable) -> tuple:
        return (n != keep, -deg[n], str(g.nodes[n].get("label", n)), str(n))

    order = sorted(g, key=rank)
    kept, cut = order[:max_nodes], order[max_nodes:]
    dropped = tuple(sorted(str(g.nodes[n].get("label", n)) for n in cut))
    return nx.MultiDiGraph(g.subgraph(kept)), dropped


def select(g: nx.MultiDiGraph, q: MapQuery) -> MapView:
    """Apply every filter of ``q`` to ``g`` (which is not modified)."""
    h = g
    if q.only:
        h = only(h, q.only)
    if q.article is not None:
        h = in_article(h, q.article)
        known = any(a == q.article for *_, a in g.edges(data="article"))
        if h.number_of_nodes() == 0 and not known:
            raise MapError(f"no facts from an article with id {q.article!r} in the graph")
    if q.since is not None or q.until is not None:
        if q.since and q.until and q.since > q.until:
            raise MapError(f"--since {q.since} is after --until {q.until}")
        h = dated(h, q.since, q.until)
    center = None
    if q.focus is not None:
        center = resolve(g, q.focus)
        if center not in h:
            label = g.nodes[center].get("label", center)
            raise MapError(f"{label!r} has no edges left after the other filters")
        h = ego(h, center, q.hops)
    dropped: tuple[str, ...] = ()
    if q.max_nodes is not None:
        h, dropped = cap(h, q.max_nodes, keep=center)
    if h is g:
        h = g.copy()
    return MapView(graph=h, focus=center, dropped=dropped)
