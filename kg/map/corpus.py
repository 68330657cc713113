"""The map of a corpus: which entities to draw first, and the rest of the graph, compact.

The rest is packed for search and expansion in the page.

Thousands of entities cannot all be drawn readably, so a map over ``budget`` nodes draws
every meeting's participants first, then the most connected entities, and carries every
other entity and every edge in a compact form (a few hundred bytes a fact): the page
searches them all and brings any of them into view with its neighbours.

>>> import networkx as nx
>>> g = nx.MultiDiGraph()
>>> for n in "abcde": g.add_node(n, label=n.upper(), type="person")
>>> _ = g.add_edge("d", "e", kind="meeting")
>>> _ = g.add_edge("a", "b", kind="relation"); _ = g.add_edge("a", "c", kind="relation")
>>> first_view(g, 3)
['d', 'e', 'a']
>>> first_view(g, 2)
['d', 'a']
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import networkx as nx

__all__ = ["DEFAULT_BUDGET", "first_view", "View", "compact_rest", "describe"]

#: Entities drawn when the page opens, unless ``--max-nodes`` says otherwise.
DEFAULT_BUDGET = 400


@dataclass(frozen=True, slots=True)
class View:
    """What the page draws first (``drawn``, in order) and how many of each kind it holds."""

    drawn: tuple[Hashable, ...]
    participants: int
    entities: int
    edges: int


def first_view(g: nx.MultiDiGraph, budget: int, keep: Iterable[Hashable] = ()) -> list[Hashable]:
    """Up to ``budget`` nodes: ``keep``, then meeting participants (most meetings first, up
    to three quarters of the budget), then the most connected entities; ties by label."""
    deg = dict(g.degree())
    meets: Counter[Hashable] = Counter()
    for u, v, kind in g.edges(data="kind"):
        if kind == "meeting":
            meets[u] += 1
            meets[v] += 1

    def label(n: Hashable) -> str:
        return str(g.nodes[n].get("label", n))

    # Meeting participants take at most three quarters of the budget, so that the hubs
    # every story runs through are drawn too.
    people = sorted(meets, key=lambda n: (-meets[n], -deg[n], label(n), str(n)))
    order = [n for n in keep if n in g] + people[:budget * 3 // 4]
    order += sorted(g, key=lambda n: (-deg[n], label(n), str(n)))
    return list(dict.fromkeys(order))[:max(budget, 0)]


def describe(g: nx.MultiDiGraph, drawn: Sequence[Hashable]) -> list[str]:
    """The page's note on what is drawn and what is left out.

    >>> g = nx.MultiDiGraph(); g.add_nodes_from("abc"); _ = g.add_edge("a", "b", kind="meeting")
    >>> describe(g, ["a", "b"])[0]
    'Drawn: 2 of 3 entities (all 2 meeting participants, then the most connected), 1 of 1 edges.'
    """
    shown = set(drawn)
    parts = {n for u, v, k in g.edges(data="kind") if k == "meeting" for n in (u, v)}
    inside = sum(1 for u, v in g.edges() if u in shown and v in shown)
    who = (f"all {len(parts):,} meeting participants, then the most connected"
           if parts <= shown else
           f"{len(parts & shown):,} of {len(parts):,} meeting participants, most meetings "
           "first, and the most connected")
    if not parts:
        who = "the most connected"
    left = g.number_of_nodes() - len(shown)
    return [f"Drawn: {len(shown):,} of {g.number_of_nodes():,} entities ({who}), "
            f"{inside:,} of {g.number_of_edges():,} edges.",
            f"Left out: {left:,} entities and {g.number_of_edges() - inside:,} edges. "
            "Search finds every entity and brings it into view with its neighbours; "
            "click an entity to expand or collapse its neighbours."]


def compact_rest(g: nx.MultiDiGraph, drawn: Sequence[Hashable],
                 node: Callable[[Hashable, dict[str, Any], int], dict[str, Any]],
                 edge: Callable[[int, Hashable, Hashable, dict[str, Any]], dict[str, Any]]
                 ) -> dict[str, Any]:
    """The entities not drawn first and every relation edge, compact (``assets/map.js``
    unpacks them), plus the meeting edges not drawn first, as the page's edge objects.

    Nodes are rows ``[id, label, type, degree, names, titles]`` (ids without the common
    ``base``; ``0`` for an empty list), indexed after the drawn ones. Relation edges are
    rows ``[from, to, rel, relation, article, sentence_index, sentence, confidence,
    published, negated]``, with node indexes, strings as indexes into ``str`` and
    sentences into ``sent``.

    >>> g = nx.MultiDiGraph(); g.add_nodes_from(["k/a", "k/p/b", "k/o/c"])
    >>> _ = g.add_edge("k/a", "k/p/b", kind="relation", relation="r", sentence="S", article="x")
    >>> from kg.map.render import _node, _edge
    >>> rest = compact_rest(g, ["k/a"], _node, _edge)
    >>> rest["base"], rest["nodes"][0], rest["rel"]
    ('k/', ['p/b', 'k/p/b', 'other', 1, 0, 0], [[0, 1, 1, 1, 2, -1, 0, None, 0, 0]])
    """
    shown = set(drawn)
    deg = dict(g.degree())
    index = {n: i for i, n in enumerate(drawn)}
    rest = [(n, d) for n, d in g.nodes(data=True) if n not in shown]
    base = os.path.commonprefix([str(n) for n, _ in rest]) if len(rest) > 1 else ""
    nodes: list[list[Any]] = []
    for n, d in rest:
        index[n] = len(index)
        full = node(n, d, deg.get(n, 0))
        nodes.append([full["id"][len(base):], full["label"], full["type"], full["value"],
                      full.get("names") or 0, full.get("titles") or 0])
    strings: dict[str, int] = {"": 0}
    sents: dict[str, int] = {}

    def s(x: Any) -> int:
        return strings.setdefault(str(x) if x is not None else "", len(strings))

    rel: list[list[Any]] = []
    meet: list[dict[str, Any]] = []
    for i, (u, v, d) in enumerate(g.edges(data=True)):
        e = edge(i, u, v, d)
        if e["kind"] == "meeting":
            if not (u in shown and v in shown):
                meet.append(e | {"id": f"m{i}"})
            continue
        rel.append([index[u], index[v], s(e["rel"]), s(e["relation"]), s(e["article"]), e["si"],
                    sents.setdefault(e["sentence"], len(sents)), e.get("confidence"),
                    s(e.get("published")), 1 if e.get("negated") else 0])
    return {"base": base, "nodes": nodes, "rel": rel, "meet": meet, "str": list(strings),
            "sent": list(sents)}
