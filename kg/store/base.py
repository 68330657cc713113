"""What every store backend offers (the :class:`Store` protocol) and the helpers they share.

>>> list(capped(iter("abcd"), 2, None))
['a', 'b']
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeoutError
from kg.query.guard import query_nesting_problem
from kg.query.results import QueryResult
from kg.rdf.vocab import KG, SDO

__all__ = ["Store", "DEFAULT_STORE", "HASHES", "capped", "check_nesting"]

DEFAULT_STORE = "kg-store"

HASHES = f"""
PREFIX schema: <{SDO}>
PREFIX kg: <{KG._NS}>
SELECT ?id ?hash WHERE {{ GRAPH ?g {{ ?a schema:identifier ?id ; kg:contentHash ?hash }} }}
"""


class Store(Protocol):
    """What every store backend offers."""

    location: str

    def replace_article(self, graph: Graph) -> None: ...
    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None: ...
    def graph_triples(self, graph_iri: str) -> list[tuple[Node, Node, Node]]: ...
    def remove_article(self, graph_iri: URIRef) -> None: ...
    def article_hashes(self) -> dict[str, str]: ...
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, deadline: float | None = None) -> QueryResult: ...
    def export(self, fmt: str = "trig") -> bytes: ...
    def close(self) -> None: ...
    def __len__(self) -> int: ...


def capped(items: Iterable[Any], max_rows: int | None, deadline: float | None) -> Iterator[Any]:
    """``items`` up to ``max_rows``; past ``deadline`` (``time.monotonic()``) the next one raises.

    Both engines produce solutions lazily, so stopping here stops evaluation too, except for
    work done before the first solution (sorting, aggregating), which cannot be interrupted.
    """
    for n, item in enumerate(items):
        if max_rows is not None and n >= max_rows:
            return
        if deadline is not None and time.monotonic() > deadline:
            raise QueryTimeoutError("query stopped at its time limit")
        yield item


def check_nesting(sparql: str) -> None:
    # Both engines' parsers recurse per bracket: rdflib raises RecursionError, Oxigraph
    # overflows the C stack and kills the process, so deep nesting is refused up front.
    if problem := query_nesting_problem(sparql):
        raise QueryError(f"malformed SPARQL: {problem}")
