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
from kg.query.guard import query_nesting_problem
from kg.query.results import QueryResult

__all__ = ["Store", "DEFAULT_STORE", "capped", "check_nesting", "refuse_bulk_load"]

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
