"""N-Quads text for an rdflib graph, so Oxigraph's Rust parser loads it in one call.

Converting each rdflib term to a pyoxigraph object costs several Python calls per term; a
graph's N-Quads text is built with a few string operations per term and parsed natively,
which is what makes per-article commits cheap (see BENCHMARKS.md, "Corpus scale").

>>> from rdflib import Graph, Literal, URIRef
>>> g = Graph(identifier=URIRef("http://x/g"))
>>> _ = g.add((URIRef("http://x/s"), URIRef("http://x/p"), Literal('say "hi"\\n', lang="en")))
>>> graph_nquads(g)
b'<http://x/s> <http://x/p> "say \\\\"hi\\\\"\\\\n"@en <http://x/g> .\\n'
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.term import Node

__all__ = ["term_nquads", "graph_nquads", "triples_nquads", "nquads_graph"]

# N-Quads forbids these four characters raw inside a quoted literal; every other
# character may appear as itself.
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r"})
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def term_nquads(t: Node) -> str:
    """One term in N-Quads syntax.

    >>> term_nquads(Literal(3))
    '"3"^^<http://www.w3.org/2001/XMLSchema#integer>'
    >>> term_nquads(BNode("b1"))
    '_:b1'
    """
    if isinstance(t, URIRef):
        # kg/rdf/iri.py mints every IRI from percent-encoded parts, so none contains '>' or spaces.
        return f"<{t}>"
    if isinstance(t, Literal):
        text = '"' + str(t).translate(_ESCAPES) + '"'
        if t.language:
            return f"{text}@{t.language}"
        if t.datatype and str(t.datatype) != _XSD_STRING:
            return f"{text}^^<{t.datatype}>"
        return text
    if isinstance(t, BNode):
        return f"_:{t}"
    raise TypeError(f"cannot write {t!r} as N-Quads")


def graph_nquads(graph: Graph) -> bytes:
    """Every triple of ``graph`` as a quad in the graph named ``graph.identifier``, UTF-8."""
    return triples_nquads(str(graph.identifier), graph)


def triples_nquads(graph_iri: str, triples: Iterable[tuple[Node, Node, Node]]) -> bytes:
    """``triples`` as quads in graph ``graph_iri``, UTF-8; a repeated triple is written once.

    >>> t = (URIRef("http://x/s"), URIRef("http://x/p"), Literal(1))
    >>> triples_nquads("http://x/g", [t, t]).count(b"\\n")
    1
    """
    name = f" <{graph_iri}> .\n"
    cache: dict[Node, str] = {}

    def term(t: Node) -> str:
        # Subjects and predicates repeat many times within one article's graph.
        s = cache.get(t)
        if s is None:
            s = cache[t] = term_nquads(t)
        return s

    lines = dict.fromkeys(f"{term(s)} {term(p)} {term(o)}{name}" for s, p, o in triples)
    return "".join(lines).encode("utf-8")


def nquads_graph(graph_iri: str, data: bytes) -> Graph:
    """The triples that ``data`` (N-Quads) puts in graph ``graph_iri``, as an rdflib graph.

    >>> g = nquads_graph("http://x/g", b'<http://x/s> <http://x/p> "o" <http://x/g> .\\n')
    >>> g.identifier, len(g)
    (rdflib.term.URIRef('http://x/g'), 1)
    """
    iri = URIRef(graph_iri)
    ds = Dataset()
    ds.parse(data=data, format="nquads")
    g = Graph(identifier=iri)
    for t in ds.graph(iri):
        g.add(t)
    return g
