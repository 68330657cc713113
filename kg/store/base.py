"""What every store backend offers (the :class:`Store` protocol) and the helpers they share.

>>> list(capped(iter("abcd"), 2, None))
['a', 'b']
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Iterator, Mapping, Sequence
from typing import Any, Protocol, Self

from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeoutError, StoreError
from kg.query.files import internal_query
from kg.query.guard import query_nesting_problem
from kg.query.results import QueryResult

__all__ = ["Store", "QueryReads", "DEFAULT_STORE", "capped", "check_nesting", "refuse_bulk_load"]

DEFAULT_STORE = "kg-store"

class Store(Protocol):
    """What every store backend offers; callers never ask which backend they hold."""

    location: str
    #: True when worker processes may open ``location`` read-only beside this handle (an
    #: on-disk Oxigraph store): the endpoint then evaluates queries in killable processes.
    shared_by_processes: bool

    def replace_article(self, graph: Graph) -> None: ...
    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None: ...
    def graph_triples(self, graph_iri: str) -> list[tuple[Node, Node, Node]]: ...
    def remove_article(self, graph_iri: URIRef) -> None: ...
    def article_hashes(self) -> dict[str, str]: ...
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, deadline: float | None = None) -> QueryResult: ...
    def select_values(self, sparql: str, bindings: Mapping[str, Node] | None = None
                      ) -> list[tuple[str | None, ...]]: ...
    def export(self, fmt: str = "trig") -> bytes: ...
    def is_empty(self) -> bool: ...
    def can_bulk_load(self) -> bool: ...
    def bulk_load(self, chunks: Iterator[bytes]) -> int: ...
    def publish(self) -> int | None: ...
    def refresh(self) -> bool: ...
    def close(self) -> None: ...
    def __len__(self) -> int: ...
    def __enter__(self) -> Self: ...
    def __exit__(self, *exc: object) -> None: ...


class _Querying(Protocol):
    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None) -> QueryResult: ...


class QueryReads:
    """The reads a backend answers with its own ``query``, written once for every backend
    that has no faster way (a class mixes it in and may override a method)."""

    def article_hashes(self: _Querying) -> dict[str, str]:
        """``{article id: content hash}`` for every stored article."""
        return {str(r[0]): str(r[1]) for r in self.query(internal_query("article-hashes")).rows}

    def select_values(self: _Querying, sparql: str, bindings: Mapping[str, Node] | None = None
                      ) -> list[tuple[str | None, ...]]:
        """The rows of a SELECT as plain strings (None when unbound)."""
        return [tuple(None if t is None else str(t) for t in row)
                for row in self.query(sparql, bindings).rows]


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


def refuse_bulk_load(store: Store) -> int:
    """What ``bulk_load`` does on a backend without a bulk loader: refuse, naming the store."""
    raise StoreError(f"bulk loading needs a new, empty Oxigraph store, not {store.location}")
