"""The NetworkX projection: entities as nodes, statements and meetings as edges with provenance.

>>> from kg.store import open_store
>>> g = to_networkx(open_store("memory:"))
>>> g.number_of_nodes(), g.is_multigraph(), g.is_directed()
(0, True, True)
"""

from __future__ import annotations

from collections import defaultdict
from itertools import combinations

import networkx as nx

from kg.query.files import internal_query
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


def to_networkx(store: Store) -> nx.MultiDiGraph:
    """Project the store's RDF into a ``MultiDiGraph``.

    Nodes are entity IRIs with ``label``, ``type``, ``aliases`` and ``titles``. Each
    statement between two entities is an edge ``kind="relation"``; each meeting gives one
    edge ``kind="meeting"`` per unordered pair of participants. Every edge keeps
    ``article``, ``sentence`` and ``sentence_index``.
    """
    g = nx.MultiDiGraph()
    for d in store.query(internal_query("nx-nodes")).dicts():
        g.add_node(
            str(d["e"]),
            label=str(d["label"]),
            type=TYPE_OF_CLASS.get(_local(str(d["class"])), "other"),
            aliases=sorted(a for a in str(d.get("aliases", "")).split("\x1f") if a),
            titles=sorted(t for t in str(d.get("titles", "")).split("\x1f") if t),
        )
    for d in store.query(internal_query("nx-statements")).dicts():
        s, o = str(d["s"]), str(d["o"])
        if s not in g or o not in g or s == o:  # "X said X would ..." draws no loop
            continue
        g.add_edge(s, o, key=str(d["st"]), kind="relation", relation=str(d["relation"]),
                   predicate=str(d["predicate"]), confidence=float(str(d["confidence"])),
                   negated=str(d.get("negated", "false")) in ("true", "1"),
                   article=str(d["article"]), sentence=str(d["sentence"]),
                   sentence_index=int(str(d["si"])))
    meetings: dict[str, dict] = defaultdict(lambda: {"attendees": set()})
    for d in store.query(internal_query("nx-meetings")).dicts():
        m = meetings[str(d["m"])]
        m["attendees"].add(str(d["a"]))
        m.update({k: (str(d[k]) if k in d else None)
                  for k in ("status", "place", "time", "date", "trigger", "article", "sentence")})
        m["sentence_index"] = int(str(d["si"]))
    for iri, m in sorted(meetings.items()):
        for a, b in combinations(sorted(m.pop("attendees")), 2):
            if a in g and b in g:
                g.add_edge(a, b, key=f"{iri}#{a}|{b}", kind="meeting", meeting=iri,
                           relation="met", **m)
    return g
