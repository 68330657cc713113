"""The in-memory store (``memory:``): rdflib's Dataset, for small jobs and tests.

Queries run in rdflib's SPARQL engine; each article is one named graph, as in Oxigraph.

>>> from kg.model import Article, Extraction
>>> from kg.rdf.mapping import to_rdf
>>> s = MemoryStore()
>>> s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text."))))
>>> list(s.article_hashes()), len(s)
(['a1'], 4)
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from rdflib import Dataset, Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError
from kg.query.results import QueryResult
from kg.rdf.serialise import rdf_bytes
from kg.rdf.vocab import PREFIXES
from kg.store.base import QueryReads, capped, check_nesting, refuse_bulk_load

__all__ = ["MemoryStore"]


class MemoryStore(QueryReads):
    """rdflib's in-memory Dataset, for small jobs and tests; queries run in rdflib's engine."""

    location = "memory:"
    shared_by_processes = False  # the data lives in this process only

    def __init__(self) -> None:
        self.dataset = Dataset(default_union=True)
        for prefix, ns in PREFIXES.items():
            self.dataset.bind(prefix, ns)

    def replace_article(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` with ``graph``'s triples."""
        self.remove_article(URIRef(str(graph.identifier)))
        target = self.dataset.graph(graph.identifier)
        for t in graph:
            target.add(t)

    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None:
        """Replace named graph ``graph_iri`` with the quads of ``nquads``."""
        from kg.rdf.nquads import nquads_graph

        self.replace_article(nquads_graph(graph_iri, nquads))

    def graph_triples(self, graph_iri: str) -> list[tuple[Node, Node, Node]]:
        """The triples of one named graph."""
        return list(self.dataset.graph(URIRef(graph_iri)))

    def remove_article(self, graph_iri: URIRef) -> None:
        """Drop one article's named graph."""
        self.dataset.remove_graph(self.dataset.graph(graph_iri))

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, deadline: float | None = None) -> QueryResult:
        """Run a SPARQL query with rdflib's engine; ``bindings`` go in as ``initBindings``.

        The keyword arguments mean what they mean for :meth:`OxigraphStore.query`.
        """
        from pyparsing import ParseException

        check_nesting(sparql)
        try:
            res = self._view(default_graph, named_graphs).query(
                sparql, initBindings=dict(bindings or {}), initNs=PREFIXES)  # type: ignore[arg-type]
        except ParseException as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        if res.type == "ASK":
            return QueryResult("ASK", boolean=bool(res.askAnswer))
        if res.type == "SELECT":
            names = tuple(str(v) for v in (res.vars or []))
            return QueryResult("SELECT", names,
                               tuple(tuple(row) for row in capped(res, max_rows, deadline)))
        g = Graph()
        for t in capped(res, max_rows, deadline):
            g.add(t)
        return QueryResult("CONSTRUCT", graph=g)

    def _view(self, default_graph: Sequence[str] | None,
              named_graphs: Sequence[str] | None) -> Dataset:
        # A copy holding just the requested graphs; fine at the sizes a memory store is for.
        if default_graph is None and named_graphs is None:
            return self.dataset
        view = Dataset(default_union=False)
        for iri in default_graph or ():
            src = self.dataset.get_graph(URIRef(iri))
            if src is not None:
                for t in src:
                    view.default_graph.add(t)
        for iri in named_graphs or ():
            src = self.dataset.get_graph(URIRef(iri))
            target = view.graph(URIRef(iri))
            for t in src if src is not None else ():
                target.add(t)
        return view

    def export(self, fmt: str = "trig") -> bytes:
        """All article graphs serialised as TriG or N-Quads."""
        return rdf_bytes(self.dataset, fmt)

    def __len__(self) -> int:
        return sum(1 for _ in self.dataset.quads((None, None, None, None)))

    def is_empty(self) -> bool:
        """True when no quad is stored."""
        return next(iter(self.dataset.quads((None, None, None, None))), None) is None

    def can_bulk_load(self) -> bool:
        """Never: rdflib has no bulk loader (a build commits article by article)."""
        return False

    def bulk_load(self, chunks: Iterator[bytes]) -> int:
        """Refused (see :meth:`can_bulk_load`)."""
        return refuse_bulk_load(self)

    def publish(self) -> int | None:
        """Nothing to do: every write is visible at once (this process is the only reader)."""
        return None

    def refresh(self) -> bool:
        """Nothing to do: reads always see every write."""
        return False

    def close(self) -> None:
        """Nothing to release."""

    def __enter__(self) -> MemoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
