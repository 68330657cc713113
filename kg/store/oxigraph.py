"""The persistent store: Oxigraph in a directory, locked, one named graph per article.

:meth:`OxigraphStore.replace_article` swaps an article's graph as one unit: the old graph
is dropped and the new one written in a single transaction, so an article is either fully
there or absent, never half-written. Writers hold an exclusive lock on the store
directory; readers share it.

>>> import tempfile
>>> from kg.model import Article, Extraction
>>> from kg.rdf.mapping import to_rdf
>>> with tempfile.TemporaryDirectory() as d, OxigraphStore(d) as s:
...     s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text."))))
...     s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text."))))
...     list(s.article_hashes()), len(s)
(['a1'], 4)
"""

from __future__ import annotations

import errno
import fcntl
import os
from collections.abc import Iterator, Mapping, Sequence
from contextlib import suppress
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeoutError, StoreError, StoreLockedError
from kg.query.files import internal_query
from kg.query.results import QueryResult
from kg.rdf.vocab import PREFIXES
from kg.store.base import capped, check_nesting
from kg.store.bulk import bulk_load_new, recover

__all__ = ["OxigraphStore", "to_ox", "from_ox"]

_LOCK_NAME = "kg.lock"
_DATA_DIR = "oxigraph"
_FLUSH_BYTES = 8_000_000  # N-Quads written between flushes of Oxigraph's in-memory writes



# --- term conversion between rdflib and pyoxigraph -------------------------------------------

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


# --- locking ------------------------------------------------------------------------------------

class _Lock:
    """An flock on ``<store>/kg.lock``: exclusive for writers, shared for readers."""

    def __init__(self, directory: Path, exclusive: bool) -> None:
        self.path = directory / _LOCK_NAME
        self.fh = open(self.path, "a+")  # noqa: SIM115 - held for the store's lifetime
        try:
            fcntl.flock(self.fh, (fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH) | fcntl.LOCK_NB)
        except OSError as e:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreLockedError(f"store {directory} is locked by PID {holder}") from e
            raise StoreError(f"cannot lock store {directory}: {e.strerror}") from e
        if exclusive:
            self.fh.seek(0)
            self.fh.truncate()
            self.fh.write(str(os.getpid()))
            self.fh.flush()

    def release(self) -> None:
        with suppress(OSError):
            if not self.fh.closed:
                fcntl.flock(self.fh, fcntl.LOCK_UN)
                self.fh.close()


def _ox_dataset(default_graph: Sequence[str] | None,
                named_graphs: Sequence[str] | None) -> dict[str, Any]:
    # The protocol's rule: naming either set of graphs makes the other one empty unless named too.
    if default_graph is None and named_graphs is None:
        return {"use_default_graph_as_union": True}
    try:
        return {"default_graph": [ox.NamedNode(g) for g in default_graph or ()],
                "named_graphs": [ox.NamedNode(g) for g in named_graphs or ()]}
    except ValueError as e:
        raise QueryError(f"bad graph IRI: {e}") from e


def _ox_result(res: Any, max_rows: int | None, deadline: float | None) -> QueryResult:
    if isinstance(res, ox.QuerySolutions):
        names = tuple(v.value for v in res.variables)
        rows = tuple(tuple(from_ox(sol[i]) for i in range(len(names)))
                     for sol in capped(res, max_rows, deadline))
        return QueryResult("SELECT", names, rows)
    g = Graph()
    for t in capped(res, max_rows, deadline):
        g.add((from_ox(t.subject), from_ox(t.predicate), from_ox(t.object)))  # type: ignore[arg-type]
    return QueryResult("CONSTRUCT", graph=g)


class OxigraphStore:
    """A persistent Oxigraph store in a directory; queries run in Oxigraph's engine."""

    shared_by_processes = True

    def __init__(self, directory: str | Path, writable: bool = True, lock: bool = True) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        data = self.directory / _DATA_DIR
        if not writable and not data.exists():
            raise StoreError(f"no store at {self.directory} (build one with `kg build`)")
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create store directory {self.directory}: {e.strerror}") from e
        self.writable = writable
        self._unflushed = 0
        # lock=False is for a reader acting for a process that already holds the lock
        # (kg serve's query workers); it never writes.
        self._lock = _Lock(self.directory, exclusive=writable) if lock or writable else None
        try:
            if writable:
                recover(self.directory, data)
            self.attach()
        except StoreError:
            if self._lock:
                self._lock.release()
            raise

    def attach(self) -> None:
        """(Re)open the Oxigraph data directory; the lock is already held."""
        data = self.directory / _DATA_DIR
        try:
            self._store = ox.Store(str(data)) if self.writable else ox.Store.read_only(str(data))
        except (OSError, RuntimeError) as e:
            # RocksDB reports a damaged store ("Corruption: ...") as RuntimeError.
            raise StoreError(f"cannot open store {self.directory}: {e}") from e

    def detach(self) -> None:
        """Close the data directory but keep the lock (for :func:`kg.store.bulk.bulk_load_new`)."""
        if self.writable:
            with suppress(OSError):
                self._store.flush()
        del self._store

    def replace_article(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` with ``graph``'s triples, atomically."""
        from kg.rdf.nquads import graph_nquads

        # N-Quads text parsed by Oxigraph is ~3x cheaper than building ox.Quad objects.
        self.replace_article_nquads(str(graph.identifier), graph_nquads(graph))

    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None:
        """Replace named graph ``graph_iri`` with the quads of ``nquads``, atomically."""
        try:
            self._replace(ox.NamedNode(graph_iri), nquads)
        except (OSError, SyntaxError, UnicodeError, ValueError) as e:
            raise StoreError(f"writing graph {graph_iri} failed: {e}") from e

    def _replace(self, g: Any, nquads: bytes) -> None:
        # remove_graph and load are each transactional; the content hash is written with
        # the quads, so a crash between them leaves the article absent and a re-run rebuilds it.
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)
        self._store.load(nquads, format=ox.RdfFormat.N_QUADS)
        # Oxigraph keeps committed writes in memory until a flush: without one every few MB,
        # a 19k-article build grew to 2 GB RSS (flushing keeps it flat; BENCHMARKS.md).
        self._unflushed += len(nquads)
        if self._unflushed >= _FLUSH_BYTES:
            self._store.flush()
            self._unflushed = 0

    def graph_triples(self, graph_iri: str) -> list[tuple[Node, Node, Node]]:
        """The triples of one named graph, as rdflib terms (no rdflib Graph: it costs more
        than the read)."""
        quads = self._store.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
        return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
                for q in quads]

    def is_empty(self) -> bool:
        """True when the store holds no quad at all (cheap, unlike ``len``)."""
        return next(iter(self._store), None) is None

    def can_bulk_load(self) -> bool:
        """True for a writable, empty store: :meth:`bulk_load` may fill it."""
        return self.writable and self.is_empty()

    def bulk_load(self, chunks: Iterator[bytes]) -> int:
        """Fill this new store with N-Quads ``chunks``, all or nothing (:mod:`kg.store.bulk`)."""
        return bulk_load_new(self, chunks)

    def remove_article(self, graph_iri: URIRef) -> None:
        """Drop one article's named graph."""
        g = ox.NamedNode(str(graph_iri))
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

    def article_hashes(self) -> dict[str, str]:
        """``{article id: content hash}`` for every stored article."""
        r = self.query(internal_query("article-hashes"))
        return {str(row[0]): str(row[1]) for row in r.rows}

    def query(self, sparql: str, bindings: Mapping[str, Node] | None = None, *,
              default_graph: Sequence[str] | None = None,
              named_graphs: Sequence[str] | None = None,
              max_rows: int | None = None, deadline: float | None = None) -> QueryResult:
        """Run a SPARQL query over the union of all article graphs.

        ``default_graph``/``named_graphs`` (graph IRIs) replace that dataset, like the
        protocol's ``default-graph-uri``/``named-graph-uri``; ``max_rows`` caps the rows (or
        triples) read; past ``deadline`` the next row raises :class:`QueryTimeoutError`.
        """
        check_nesting(sparql)
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            res = self._store.query(sparql, substitutions=subs, prefixes=PREFIXES,
                                    **_ox_dataset(default_graph, named_graphs))
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        except (OSError, RuntimeError) as e:
            # Oxigraph reports evaluation problems (e.g. a binding for a variable the query
            # does not project) as RuntimeError.
            raise QueryError(f"query failed: {e}") from e
        if isinstance(res, bool | ox.QueryBoolean):  # pyoxigraph 0.5 answers ASK with QueryBoolean
            return QueryResult("ASK", boolean=bool(res))
        try:
            return _ox_result(res, max_rows, deadline)
        except QueryTimeoutError:
            pass
        # pyoxigraph results are unsendable: drop this one here, on the thread that made it,
        # not on whichever thread finally frees the timeout's traceback.
        del res
        raise QueryTimeoutError("query stopped at its time limit")

    def select_values(self, sparql: str,
                      bindings: Mapping[str, Node] | None = None) -> list[tuple[str | None, ...]]:
        """The rows of a SELECT as plain strings (IRIs and lexical forms; None when unbound).

        For bulk reads such as :func:`kg.graph.to_networkx`: making an rdflib term of every
        value cost more than evaluating the query (BENCHMARKS.md, "Map at corpus scale").
        """
        check_nesting(sparql)
        subs = {ox.Variable(k): to_ox(v) for k, v in (bindings or {}).items()}
        try:
            res = self._store.query(sparql, substitutions=subs, prefixes=PREFIXES,
                                    use_default_graph_as_union=True)
            if not isinstance(res, ox.QuerySolutions):
                raise QueryError("select_values needs a SELECT query")
            width = len(res.variables)
            return [tuple(None if (t := sol[i]) is None else t.value for i in range(width))
                    for sol in res]
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        except (OSError, RuntimeError) as e:
            raise QueryError(f"query failed: {e}") from e

    def export(self, fmt: str = "trig") -> bytes:
        """All article graphs serialised as TriG or N-Quads."""
        rf = {"trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}[fmt]
        out = self._store.dump(format=rf)
        return out if isinstance(out, bytes) else bytes(out or b"")

    def quads(self) -> Iterator[Any]:
        """Every stored quad (pyoxigraph terms)."""
        return iter(self._store)

    def __len__(self) -> int:
        return len(self._store)

    def close(self) -> None:
        """Flush and release the lock; closing twice is harmless."""
        if hasattr(self, "_store"):
            self.detach()
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.release()

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

