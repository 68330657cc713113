"""Network analytics on the NetworkX projection: centrality, ego networks, paths, communities.

Every function takes the ``MultiDiGraph`` of :func:`kg.network.graph.to_networkx` and looks
entities up by label or alias, case-insensitively.

>>> from kg.network.graph import to_networkx
>>> from kg.sample import sample_store
>>> g = to_networkx(sample_store())
>>> [c.label for c in centrality(g)][:2]
['Emmanuel Macron', 'Steve Witkoff']
>>> [s.relation for s in shortest_path(g, "Putin", "Steve Witkoff")]
['met']
"""

from __future__ import annotations

from dataclasses import dataclass

import networkx as nx

from kg.network.resolve import find_entity

__all__ = [
    "Centrality",
    "PathStep",
    "find_node",
    "undirected",
    "centrality",
    "ego_network",
    "shortest_path",
    "communities",
    "ties",
]


@dataclass(frozen=True, slots=True)
class Centrality:
    """One entity's centrality: distinct neighbours, normalised degree and betweenness."""

    label: str
    type: str
    neighbours: int
    degree: float
    betweenness: float
    node: str


@dataclass(frozen=True, slots=True)
class PathStep:
    """One hop of a path: who, how (``met`` or the relation), whom, and the sentence saying so."""

    source: str
    relation: str
    target: str
    sentence: str
    article: str


def find_node(g: nx.MultiDiGraph, name: str) -> str:
    """The node ``name`` denotes (:func:`kg.network.resolve.find_entity`, as the map's focus).

    >>> from kg.network.graph import to_networkx
    >>> from kg.sample import sample_store
    >>> find_node(to_networkx(sample_store()), "president vladimir putin")
    'https://w3id.org/kg-news/id/person/vladimir-putin'
    """
    return str(find_entity(g, name))


def _evidence(d: dict) -> tuple[int, float]:
    # Meetings are the strongest evidence of a tie, then the most confident statement.
    return (d.get("kind") == "meeting", float(d.get("confidence") or 0.0))


def undirected(g: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph: one edge per tied pair, ``weight`` = number of edges,
    ``best`` = the edge data of the strongest evidence (a meeting, else the most confident).

    >>> g = nx.MultiDiGraph()
    >>> _ = g.add_edge("a", "b", kind="relation"), g.add_edge("b", "a", kind="meeting")
    >>> undirected(g)["a"]["b"]["weight"]
    2
    """
    u = nx.Graph()
    u.add_nodes_from(g.nodes(data=True))
    for a, b, d in g.edges(data=True):
        if a == b:
            continue
        if u.has_edge(a, b):
            e = u[a][b]
            e["weight"] += 1
            if _evidence(d) > _evidence(e["best"]):
                e["best"] = dict(d, source=a, target=b)
        else:
            u.add_edge(a, b, weight=1, best=dict(d, source=a, target=b))
    return u


def centrality(g: nx.MultiDiGraph, types: tuple[str, ...] | None = ("person",)) -> list[Centrality]:
    """Degree and betweenness centrality of the entities of ``types`` (all when None),
    measured on the whole graph, most central first."""
    u = undirected(g)
    deg = nx.degree_centrality(u) if len(u) > 1 else dict.fromkeys(u, 0.0)
    btw = nx.betweenness_centrality(u)
    out = [Centrality(str(d.get("label", n)), str(d.get("type", "other")), u.degree(n),
                      round(deg[n], 4), round(btw[n], 4), str(n))
           for n, d in u.nodes(data=True) if types is None or d.get("type") in types]
    return sorted(out, key=lambda c: (-c.betweenness, -c.degree, c.label))


def ego_network(g: nx.MultiDiGraph, name: str, radius: int = 1) -> nx.MultiDiGraph:
    """The subgraph of everything within ``radius`` hops of the entity called ``name``.

    >>> from kg.network.graph import to_networkx
    >>> from kg.sample import sample_store
    >>> ego = ego_network(to_networkx(sample_store()), "Vladimir Putin")
    >>> sorted(d["label"] for _, d in ego.nodes(data=True))
    ['Steve Witkoff', 'Vladimir Putin']
    """
    centre = find_node(g, name)
    keep = nx.ego_graph(undirected(g), centre, radius=radius)
    return g.subgraph(keep.nodes).copy()


def shortest_path(g: nx.MultiDiGraph, source: str, target: str) -> list[PathStep]:
    """The shortest chain of ties from ``source`` to ``target``, each hop with its sentence.

    Raises :class:`~kg.errors.EntityNotFoundError` when a name is unknown, and returns
    ``[]`` when the two are not connected.
    """
    u = undirected(g)
    a, b = find_node(g, source), find_node(g, target)
    try:
        nodes = nx.shortest_path(u, a, b)
    except nx.NetworkXNoPath:
        return []
    steps = []
    for x, y in zip(nodes, nodes[1:], strict=False):
        d = u[x][y]["best"]
        # Each hop reads in its edge's own direction ("Witkoff is special envoy of Trump").
        a, b = d["source"], d["target"]
        steps.append(PathStep(str(g.nodes[a].get("label", a)), str(d.get("relation", "")),
                              str(g.nodes[b].get("label", b)), str(d.get("sentence", "")),
                              str(d.get("article", ""))))
    return steps


def ties(g: nx.MultiDiGraph) -> list[PathStep]:
    """Every edge of ``g`` between two entities as a readable step with its sentence.

    >>> from kg.network.graph import to_networkx
    >>> from kg.sample import sample_store
    >>> [(t.source, t.relation) for t in ties(to_networkx(sample_store()))][:2]
    [('Steve Witkoff', 'met'), ('Vladimir Putin', 'is expected to meet with')]
    """
    out = [PathStep(str(g.nodes[a].get("label", a)), str(d.get("relation", "")),
                    str(g.nodes[b].get("label", b)), str(d.get("sentence", "")),
                    str(d.get("article", "")))
           for a, b, d in g.edges(data=True) if a != b]
    return sorted(set(out), key=lambda t: (t.article, t.sentence, t.source, t.relation, t.target))


def communities(g: nx.MultiDiGraph) -> list[tuple[str, ...]]:
    """Groups of densely tied entities (greedy modularity), as sorted labels, largest first.

    >>> from kg.network.graph import to_networkx
    >>> from kg.sample import sample_store
    >>> communities(to_networkx(sample_store()))[:2]
    [('Emmanuel Macron', 'Volodymyr Zelensky'), ('Steve Witkoff', 'Vladimir Putin')]
    """
    u = undirected(g)
    u.remove_nodes_from([n for n in list(u) if u.degree(n) == 0])
    if u.number_of_edges() == 0:
        return []
    groups = nx.community.greedy_modularity_communities(u, weight="weight")
    labelled = [tuple(sorted(str(g.nodes[n].get("label", n)) for n in c)) for c in groups]
    return sorted(labelled, key=lambda c: (-len(c), c))
