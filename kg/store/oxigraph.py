"""The persistent store: Oxigraph in a directory, locked, one named graph per article.

:meth:`OxigraphStore.replace_article` swaps an article's graph as one unit: the old graph
is dropped and the new one written in a single transaction, so an article is either fully
there or absent, never half-written. One writer at a time holds the store's lock; readers
read published snapshots of it (:mod:`kg.store.snapshots`), so they neither wait for a
writer nor make it wait.

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

import logging
import time
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.term import Node

from kg.errors import QueryError, QueryTimeoutError, StoreError, StoreLockedError
from kg.query.results import QueryResult
from kg.rdf.vocab import PREFIXES
from kg.store import snapshots
from kg.store.base import QueryReads, check_nesting
from kg.store.bulk import bulk_load_new, recover
from kg.store.oxigraph_terms import from_ox, ox_dataset, ox_result, to_ox

__all__ = ["OxigraphStore", "to_ox", "from_ox"]

log = logging.getLogger(__name__)

_DATA_DIR = "oxigraph"
_FLUSH_BYTES = 8_000_000  # N-Quads written between flushes of Oxigraph's in-memory writes


class OxigraphStore(QueryReads):
    """A persistent Oxigraph store in a directory; queries run in Oxigraph's engine.

    A writable store owns ``<directory>/oxigraph`` under an exclusive lock and publishes
    it as a snapshot when closed, or earlier with :meth:`publish`. A read-only one reads
    the newest snapshot (:mod:`kg.store.snapshots`), never waits for the writer, and
    :meth:`refresh` moves it on to a newer one. ``pinned`` opens snapshot N without holding
    it (for kg serve's query workers, whose server holds it for them).
    """

    shared_by_processes = True

    def __init__(self, directory: str | Path, writable: bool = True, *,
                 pinned: int | None = None) -> None:
        self.directory = Path(directory)
        self.location = str(self.directory)
        self.writable = writable
        self._unflushed = 0
        self._dirty = False
        self._lock: snapshots.WriteLock | None = None
        self._reader: snapshots.Reader | None = None
        if writable:
            self._open_writer()
        elif pinned is not None:
            self._store = self._open_read_only(snapshots.snapshot_data(self.directory, pinned))
        else:
            self._publish_orphans()
            lease = snapshots.hold(self.directory) or self._first_snapshot()
            try:
                self._reader = snapshots.Reader(lease, self._open_read_only)
            except StoreError:
                lease.release()
                raise
            snapshots.prune(self.directory)
        self.snapshot: int | None = self._reader.number if self._reader else pinned

    def _open_writer(self) -> None:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
        except OSError as e:
            raise StoreError(f"cannot create store directory {self.directory}: {e.strerror}") from e
        self._lock = snapshots.WriteLock(self.directory)
        try:
            recover(self.directory, self.directory / _DATA_DIR)
            snapshots.clean_staging(self.directory)
            self.attach()
            if snapshots.needs_publishing(self.directory):
                # New, or the last writer died before publishing what it had committed.
                self._dirty = True
                self.publish()
        except StoreError:
            if hasattr(self, "_store"):
                del self._store  # RocksDB's own lock goes with the last handle
            self._lock.release()
            raise

    def _publish_orphans(self) -> None:
        # A writer died (kill -9, or a full disk stopped its last publish) before publishing
        # what it committed: publish it now if nobody is writing, so no reader misses it.
        if not (self.directory / snapshots.UNPUBLISHED).exists():
            return
        try:
            OxigraphStore(self.directory).close()  # a writable open publishes
        except StoreLockedError:
            pass  # a writer is at work and publishes when it ends
        except StoreError as e:
            log.warning("%s; reading the last published version", e)

    def _first_snapshot(self) -> snapshots.Lease:
        # A store written before snapshots existed: publish it if nobody writes it, else
        # give its writer (which publishes when it opens) a moment to do so.
        if not (self.directory / _DATA_DIR).exists():
            raise StoreError(f"no store at {self.directory} (build one with `kg build`)")
        deadline = time.monotonic() + 10.0
        while True:
            try:
                OxigraphStore(self.directory).close()
            except StoreLockedError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
            lease = snapshots.hold(self.directory)
            if lease is not None:
                return lease

    def _open_read_only(self, data: Path) -> Any:
        try:
            return ox.Store.read_only(str(data))
        except (OSError, RuntimeError) as e:
            raise StoreError(f"cannot open store {self.directory}: {e}") from e

    def attach(self) -> None:
        """(Re)open the writer's Oxigraph data directory; the lock is already held."""
        try:
            self._store = ox.Store(str(self.directory / _DATA_DIR))
        except (OSError, RuntimeError) as e:
            # RocksDB reports a damaged store ("Corruption: ...") as RuntimeError.
            raise StoreError(f"cannot open store {self.directory}: {e}") from e

    def detach(self) -> None:
        """Close the data directory but keep the lock (for :func:`kg.store.bulk.bulk_load_new`)."""
        if self.writable:
            with suppress(OSError):
                self._store.flush()
        del self._store

    def touch(self) -> None:
        """Before a write: mark the data as ahead of the last published snapshot."""
        if not self._dirty:
            snapshots.mark_unpublished(self.directory)
            self._dirty = True

    def publish(self) -> int | None:
        """Make every committed write visible to readers as a new snapshot; its number.

        None when nothing changed since the last one, and for a read-only store.
        """
        if not self.writable or not self._dirty:
            return None
        with suppress(OSError):
            self._store.flush()
        self._unflushed = 0
        n = snapshots.publish(self.directory, self._store)
        self._dirty = False
        return n

    def refresh(self) -> bool:
        """Read-only stores: move on to the newest snapshot if there is a newer one."""
        if self._reader is None or not self._reader.refresh():
            return False
        self.snapshot = self._reader.number
        return True

    @contextmanager
    def _reading(self) -> Iterator[Any]:
        # A reader's snapshot stays until the read ends, even if refresh() moves on meanwhile.
        if self._reader is None:
            yield self._store
        else:
            with self._reader.reading() as db:
                yield db

    def replace_article(self, graph: Graph) -> None:
        """Replace the named graph ``graph.identifier`` with ``graph``'s triples, atomically."""
        from kg.rdf.nquads import graph_nquads

        # N-Quads text parsed by Oxigraph is ~3x cheaper than building ox.Quad objects.
        self.replace_article_nquads(str(graph.identifier), graph_nquads(graph))

    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None:
        """Replace named graph ``graph_iri`` with the quads of ``nquads``, atomically."""
        self.touch()
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
        with self._reading() as db:
            quads = db.quads_for_pattern(None, None, None, ox.NamedNode(graph_iri))
            return [(from_ox(q.subject), from_ox(q.predicate), from_ox(q.object))  # type: ignore[misc]
                    for q in quads]

    def is_empty(self) -> bool:
        """True when the store holds no quad at all (cheap, unlike ``len``)."""
        with self._reading() as db:
            return next(iter(db), None) is None

    def can_bulk_load(self) -> bool:
        """True for a writable, empty store: :meth:`bulk_load` may fill it."""
        return self.writable and self.is_empty()

    def bulk_load(self, chunks: Iterator[bytes]) -> int:
        """Fill this new store with N-Quads ``chunks``, all or nothing (:mod:`kg.store.bulk`)."""
        return bulk_load_new(self, chunks)

    def remove_article(self, graph_iri: URIRef) -> None:
        """Drop one article's named graph."""
        g = ox.NamedNode(str(graph_iri))
        self.touch()
        if self._store.contains_named_graph(g):
            self._store.remove_graph(g)

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
        with self._reading() as db:
            return self._query(db, sparql, subs, ox_dataset(default_graph, named_graphs),
                               max_rows, deadline)

    def _query(self, db: Any, sparql: str, subs: dict[Any, Any], dataset: dict[str, Any],
               max_rows: int | None, deadline: float | None) -> QueryResult:
        try:
            res = db.query(sparql, substitutions=subs, prefixes=PREFIXES, **dataset)
        except SyntaxError as e:
            raise QueryError(f"malformed SPARQL: {e}") from e
        except (OSError, RuntimeError) as e:
            # Oxigraph reports evaluation problems (e.g. a binding for a variable the query
            # does not project) as RuntimeError.
            raise QueryError(f"query failed: {e}") from e
        if isinstance(res, bool | ox.QueryBoolean):  # pyoxigraph 0.5 answers ASK with QueryBoolean
            return QueryResult("ASK", boolean=bool(res))
        try:
            return ox_result(res, max_rows, deadline)
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
            with self._reading() as db:
                res = db.query(sparql, substitutions=subs, prefixes=PREFIXES,
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
        with self._reading() as db:
            out = db.dump(format=rf)
        return out if isinstance(out, bytes) else bytes(out or b"")

    def quads(self) -> Iterator[Any]:
        """Every stored quad (pyoxigraph terms)."""
        with self._reading() as db:
            yield from db

    def __len__(self) -> int:
        with self._reading() as db:
            return len(db)

    def close(self) -> None:
        """Publish what a writer wrote, close, release the lock; closing twice is harmless."""
        if self.writable and hasattr(self, "_store"):
            try:
                self.publish()
            except StoreError as e:  # kept unpublished: the next writable open retries
                log.warning("%s", e)
        if hasattr(self, "_store"):
            self.detach()
        if self._reader is not None:
            self._reader.close()
            snapshots.prune(self.directory)  # ours may be an old one nobody else reads
        lock = getattr(self, "_lock", None)
        if lock is not None:
            lock.release()

    def __enter__(self) -> OxigraphStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

