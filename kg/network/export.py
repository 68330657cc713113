"""Exports: the store as TriG or JSON-LD (named graphs kept), the NetworkX projection as GraphML.

>>> import tempfile, pathlib
>>> from kg.network.graph import to_networkx
>>> from kg.sample import sample_store
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> store = sample_store()
>>> "<https://w3id.org/kg-news/id/graph/sample> {" in export_trig(store, d / "kg.trig").read_text()
True
>>> import json
>>> [g["@id"] for g in json.loads(export_jsonld(store, d / "kg.jsonld").read_text())["@graph"]][:2]
['https://w3id.org/kg-news/id/graph/sample', 'https://w3id.org/kg-news/id/summary/corpus']
>>> import networkx as nx
>>> nx.read_graphml(export_graphml(to_networkx(store), d / "kg.graphml")).number_of_nodes()
6
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import networkx as nx

from kg.errors import StoreError
from kg.rdf.vocab import PREFIXES
from kg.store import Store

__all__ = ["export_trig", "export_jsonld", "export_graphml", "graphml_safe"]


def _write(path: str | Path, data: bytes) -> Path:
    out = Path(path)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(data)
        tmp.replace(out)
    except OSError as e:
        raise StoreError(f"cannot write {out}: {e.strerror or e}") from e
    return out


def export_trig(store: Store, path: str | Path) -> Path:
    """Write every article graph of ``store`` to ``path`` as TriG; returns the path."""
    return _write(path, store.export("trig"))


def export_jsonld(store: Store, path: str | Path) -> Path:
    """Write the store to ``path`` as JSON-LD, one ``@graph`` entry per article graph,
    compacted with the project's prefixes."""
    import json

    from rdflib import Dataset, Graph

    ds = Dataset()
    ds.parse(data=store.export("trig"), format="trig")
    graphs = []
    for ctx in sorted(ds.graphs(), key=lambda c: str(c.identifier)):
        if len(ctx) == 0:
            continue
        # Serialised graph by graph: rdflib's Dataset serialiser drops the graph names.
        g = Graph()
        for t in ctx:
            g.add(t)
        doc = json.loads(g.serialize(format="json-ld", context=dict(PREFIXES)))
        nodes = doc.get("@graph", [{k: v for k, v in doc.items() if k != "@context"}])
        graphs.append({"@id": str(ctx.identifier), "@graph": _canonical(nodes)})
    text = json.dumps({"@context": dict(PREFIXES), "@graph": graphs}, ensure_ascii=False, indent=1)
    return _write(path, text.encode("utf-8"))


def _canonical(value: Any, ordered: bool = False) -> Any:
    """``value`` with every unordered JSON-LD array sorted; ``@list`` arrays keep their order.

    rdflib emits nodes and multi-valued properties in set (hash) order, so without this two
    exports of the same store differ from one interpreter run to the next.

    >>> _canonical({"@type": ["b", "a"], "p": [{"@id": "y"}, {"@id": "x"}], "@list": [2, 1]})
    {'@type': ['a', 'b'], 'p': [{'@id': 'x'}, {'@id': 'y'}], '@list': [2, 1]}
    """
    import json

    if isinstance(value, dict):
        return {k: _canonical(v, ordered=k == "@list") for k, v in value.items()}
    if isinstance(value, list):
        items = [_canonical(v) for v in value]
        return items if ordered else sorted(items, key=lambda v: json.dumps(v, sort_keys=True))
    return value


def _plain(v: Any) -> Any:
    if isinstance(v, list | tuple | set | frozenset):
        return "; ".join(str(x) for x in v)
    if isinstance(v, bool | int | float | str):
        return v
    return str(v)


def graphml_safe(g: nx.MultiDiGraph) -> nx.MultiDiGraph:
    """A copy of ``g`` that GraphML can hold: lists joined with ``"; "``, None left out.

    >>> g = nx.MultiDiGraph(); g.add_node("a", aliases=["x", "y"], country=None)
    >>> graphml_safe(g).nodes["a"]
    {'aliases': 'x; y'}
    """
    h = nx.MultiDiGraph()
    for n, d in g.nodes(data=True):
        h.add_node(n, **{k: _plain(v) for k, v in d.items() if v is not None})
    for a, b, k, d in g.edges(keys=True, data=True):
        h.add_edge(a, b, key=k, **{k2: _plain(v) for k2, v in d.items() if v is not None})
    return h


def export_graphml(g: nx.MultiDiGraph, path: str | Path) -> Path:
    """Write the NetworkX projection ``g`` to ``path`` as GraphML (for Gephi, yEd, Cytoscape)."""
    out = Path(path)
    import io

    buf = io.BytesIO()
    nx.write_graphml(graphml_safe(g), buf)
    return _write(out, buf.getvalue())
