"""Turtle and TriG that strict parsers accept, for any graph kg writes.

rdflib 7 writes a literal holding a line break as a long string and does not escape a final
quote in it: ``'x\\n"'`` comes out as the text x, a line break and four quotes, which Oxigraph,
Jena and the Turtle grammar read as a closed string followed by a stray quote. A headline or
sentence may end that way. So rdflib's readable Turtle is kept only when Oxigraph's strict
parser reads back exactly the statements written; otherwise Oxigraph writes the text from our
N-Quads (:mod:`kg.rdf.nquads`, whose escaping is total). Other formats stay with rdflib.

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph()
>>> _ = g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal('a "quote"\\n"')))
>>> data = rdf_bytes(g, "turtle")
>>> Graph().parse(data=data, format="turtle").value(URIRef("http://x/s"), URIRef("http://x/p"))
rdflib.term.Literal('a "quote"\\n"')
"""

from __future__ import annotations

import re
from typing import Any

from rdflib import Dataset, Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kg.rdf.nquads import term_nquads
from kg.rdf.vocab import PREFIXES

__all__ = ["rdf_bytes"]

_OXIGRAPH_FORMATS = {"turtle": "TURTLE", "ttl": "TURTLE", "trig": "TRIG"}
# A local name every Turtle parser reads: rdflib 7 fails on escaped ones Oxigraph writes
# ("kgr:\\." for a relation minted from "."), so a prefix is used only when all its names are plain.
_PLAIN_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*\Z")


def _usable_prefixes(iris: set[str]) -> dict[str, str]:
    """The prefixes of :data:`PREFIXES` under which every one of ``iris`` has a plain local name.

    >>> usable = _usable_prefixes({"https://schema.org/a", "https://w3id.org/kg-news/relation/."})
    >>> "schema" in usable, "kgr" in usable
    (True, False)
    """
    usable = dict(PREFIXES)
    for iri in iris:
        for name, ns in list(usable.items()):
            if iri.startswith(ns) and not _PLAIN_LOCAL.match(iri[len(ns):]):
                del usable[name]
    return usable


def _nquads(data: Graph) -> bytes:
    lines: list[str] = []
    if isinstance(data, Dataset):
        for s, p, o, c in data.quads((None, None, None, None)):
            name = getattr(c, "identifier", c)
            graph = "" if name is None or name == DATASET_DEFAULT_GRAPH_ID else f" <{name}>"
            lines.append(f"{term_nquads(s)} {term_nquads(p)} {term_nquads(o)}{graph} .\n")
    else:
        lines.extend(f"{term_nquads(s)} {term_nquads(p)} {term_nquads(o)} .\n"
                     for s, p, o in data)
    return "".join(lines).encode("utf-8")


def rdf_bytes(data: Graph, fmt: str) -> bytes:
    """``data`` (a graph, or a dataset for TriG and N-Quads) serialised as ``fmt``, UTF-8.

    >>> from rdflib import URIRef, Literal
    >>> ds = Dataset()
    >>> _ = ds.graph(URIRef("http://x/g")).add((URIRef("http://x/s"), URIRef("http://x/p"),
    ...                                         Literal("line\\nend\\"")))
    >>> import pyoxigraph as ox
    >>> [q.object.value for q in ox.parse(rdf_bytes(ds, "trig"), format=ox.RdfFormat.TRIG)]
    ['line\\nend"']
    """
    target = _OXIGRAPH_FORMATS.get(fmt)
    if target is None:
        return data.serialize(format=fmt, encoding="utf-8")
    import pyoxigraph as ox  # native module: loaded only when Turtle or TriG is written

    oxformat = getattr(ox.RdfFormat, target)
    pretty = data.serialize(format=fmt, encoding="utf-8")
    written = (len(set(data.quads((None, None, None, None)))) if isinstance(data, Dataset)
               else len(data))
    try:
        # Lexical forms differ between the writers (7.5e-01 vs 0.75), so statements are counted.
        if len(set(ox.parse(pretty, format=oxformat))) == written:
            return pretty
    except SyntaxError:
        pass  # rdflib's text is not valid Turtle/TriG: write it the strict way below
    quads = list(ox.parse(_nquads(data), format=ox.RdfFormat.N_QUADS))
    # Turtle has no graphs; a dataset's quads are written as its union.
    statements: list[Any] = (quads if target == "TRIG" else list(dict.fromkeys(
        ox.Triple(q.subject, q.predicate, q.object) for q in quads)))
    iris = {t.value for q in quads for t in (q.subject, q.predicate, q.object, q.graph_name)
            if isinstance(t, ox.NamedNode)}
    out = ox.serialize(sorted(statements, key=str), format=oxformat,
                       prefixes=_usable_prefixes(iris))
    assert out is not None
    return out

