"""Stores: the :class:`Store` protocol and :func:`open_store`, which picks the backend.

``memory:`` is rdflib in memory (:mod:`kg.store.memory`), ``sparql+http://...`` a SPARQL
server (:mod:`kg.store.sparql`), anything else an Oxigraph directory
(:mod:`kg.store.oxigraph`, bulk loading in :mod:`kg.store.bulk`).

>>> from kg.model import Article, Extraction
>>> from kg.rdf.mapping import to_rdf
>>> s = open_store("memory:")
>>> s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text."))))
>>> s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text."))))
>>> list(s.article_hashes()), len(s)
(['a1'], 4)
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from kg.store.base import DEFAULT_STORE, Store

if TYPE_CHECKING:
    from kg.store.memory import MemoryStore
    from kg.store.oxigraph import OxigraphStore

__all__ = ["Store", "open_store", "DEFAULT_STORE"]


def open_store(spec: str | Path = DEFAULT_STORE,
               writable: bool = True) -> OxigraphStore | MemoryStore:
    """Open ``spec``: ``memory:`` for an in-memory store, else a directory (created if needed).

    A writable open takes the store's exclusive lock; a read-only one reads its newest
    published snapshot (:mod:`kg.store.snapshots`) and takes no lock.
    """
    if str(spec) == "memory:":
        from kg.store.memory import MemoryStore

        return MemoryStore()
    if str(spec).startswith(("sparql+http://", "sparql+https://")):
        from kg.store.sparql import SparqlStore

        return SparqlStore(str(spec), writable=writable)  # type: ignore[return-value]
    from kg.store.oxigraph import OxigraphStore

    return OxigraphStore(spec, writable=writable)
