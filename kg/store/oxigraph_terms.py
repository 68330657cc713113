"""Conversion between rdflib and pyoxigraph: terms, a query's dataset and its results.

>>> from_ox(to_ox(URIRef("http://example.org/a")))
rdflib.term.URIRef('http://example.org/a')
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.query.results import QueryResult
from kg.store.base import capped

__all__ = ["to_ox", "from_ox", "ox_dataset", "ox_result"]


def to_ox(t: Node) -> Any:
    """An rdflib term as a pyoxigraph term.

    >>> to_ox(Literal("x", lang="en"))
    <Literal value=x language=en>
    """
    if isinstance(t, URIRef):
        return ox.NamedNode(str(t))
    if isinstance(t, BNode):
        return ox.BlankNode(str(t))
    if isinstance(t, Literal):
        if t.language:
            return ox.Literal(str(t), language=t.language)
        if t.datatype:
            return ox.Literal(str(t), datatype=ox.NamedNode(str(t.datatype)))
        return ox.Literal(str(t))
    raise TypeError(f"cannot convert {t!r}")


_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def from_ox(t: Any) -> Node | None:
    """A pyoxigraph term as an rdflib term (``xsd:string`` literals become plain ones)."""
    if t is None:
        return None
    if isinstance(t, ox.NamedNode):
        return URIRef(t.value)
    if isinstance(t, ox.BlankNode):
        return BNode(t.value)
    if isinstance(t, ox.Literal):
        if t.language:
            return Literal(t.value, lang=t.language)
        dt = t.datatype.value
        return Literal(t.value) if dt == _XSD_STRING else Literal(t.value, datatype=URIRef(dt))
    raise TypeError(f"cannot convert {t!r}")


def ox_dataset(default_graph: Sequence[str] | None,
                named_graphs: Sequence[str] | None) -> dict[str, Any]:
    """pyoxigraph's query arguments for a SPARQL Protocol dataset (None, None: the union).

    >>> ox_dataset(None, None)
    {'use_default_graph_as_union': True}
    """
    # The protocol's rule: naming either set of graphs makes the other one empty unless named too.
    if default_graph is None and named_graphs is None:
        return {"use_default_graph_as_union": True}
    try:
        return {"default_graph": [ox.NamedNode(g) for g in default_graph or ()],
                "named_graphs": [ox.NamedNode(g) for g in named_graphs or ()]}
    except ValueError as e:
        raise QueryError(f"bad graph IRI: {e}") from e


def ox_result(res: Any, max_rows: int | None, deadline: float | None) -> QueryResult:
    """A pyoxigraph SELECT or CONSTRUCT result as a :class:`QueryResult`, cut at ``max_rows``
    rows or at ``deadline`` (checked between rows)."""
    if isinstance(res, ox.QuerySolutions):
        names = tuple(v.value for v in res.variables)
        # Big answers repeat their terms (the entity, relations, a sentence per statement):
        # each is made an rdflib term once, which costs more than hashing the Oxigraph one.
        made: dict[Any, Node | None] = {}

        def term(t: Any) -> Node | None:
            if t is None:
                return None
            found = made.get(t)
            if found is None:
                found = made[t] = from_ox(t)
            return found

        rows = tuple(tuple(term(sol[i]) for i in range(len(names)))
                     for sol in capped(res, max_rows, deadline))
        return QueryResult("SELECT", names, rows)
    g = Graph()
    for t in capped(res, max_rows, deadline):
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
    return QueryResult("CONSTRUCT", graph=g)
