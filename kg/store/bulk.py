"""Bulk loading of a new Oxigraph store: the engine's bulk loader, made all-or-nothing.

Oxigraph's transactional ``load`` inserts into every index inside a transaction and slows
down as the store grows; its ``bulk_load`` writes sorted files straight to disk, about 4x
faster (BENCHMARKS.md, "Corpus scale"), but is not atomic. So a build into an *empty* store
bulk-loads into a staging directory beside the data and swaps it in only when every article
is there: a crash or Ctrl-C leaves the store as it was (empty), never half-written.

The swap is two renames: the finished staging directory is first renamed to ``COMPLETE``,
then the empty data directory is removed and ``COMPLETE`` renamed into its place. If the
process dies in between, :func:`recover` (run by every writable open) finishes the swap; a
leftover ``PARTIAL`` directory is an interrupted load and is deleted.

>>> r = ChunkReader(iter([b"ab", b"cde", b"f"]), limit=4)
>>> r.read(3), r.read(3), r.read(3), r.exhausted
(b'abc', b'de', b'', False)
>>> r = ChunkReader(iter([b"f"]), limit=4); r.read(), r.read(), r.exhausted
(b'f', b'', True)
"""

from __future__ import annotations

import gc
import logging
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Protocol

import pyoxigraph as ox

from kg.errors import StoreError

__all__ = [
    "BulkTarget", "ChunkReader", "bulk_load_new", "recover", "PARTIAL", "COMPLETE", "CHUNK_BYTES",
]

log = logging.getLogger(__name__)

PARTIAL = "oxigraph.bulk-partial"  # staging directory while the load runs
COMPLETE = "oxigraph.bulk-complete"  # staging directory once every article is in
# N-Quads per bulk_load call. The loader buffers a call's quads in memory before it sorts
# and writes them: one call over 2M quads peaked at 1.5 GB RSS, 250k-quad calls at 280 MB.
CHUNK_BYTES = 48_000_000


class BulkTarget(Protocol):
    """The store a bulk load swaps into: an Oxigraph directory whose handle can be let go."""

    directory: Path
    location: str
    writable: bool

    def is_empty(self) -> bool: ...
    def touch(self) -> None: ...
    def detach(self) -> None: ...
    def attach(self) -> None: ...


class ChunkReader:
    """A binary file-like object over an iterator of ``bytes``, for ``Store.bulk_load``.

    It reports end-of-file once ``limit`` bytes have been handed out, at a chunk boundary,
    so a chunk (one article's N-Quads) never straddles two ``bulk_load`` calls; a fresh
    reader over the same iterator continues. An exception raised by the iterator (a bad
    article, Ctrl-C) is kept in ``error`` and the reader ends, because an exception raised
    inside Oxigraph's read callback would come out as a bare ``OSError``.
    """

    def __init__(self, chunks: Iterator[bytes], limit: int = CHUNK_BYTES) -> None:
        self.chunks = chunks
        self.limit = limit
        self.sent = 0
        self.exhausted = False
        self.error: BaseException | None = None
        self._cur = b""
        self._off = 0

    def _next_chunk(self) -> bool:
        if self.sent >= self.limit or self.exhausted or self.error is not None:
            return False
        try:
            self._cur = next(self.chunks)
        except StopIteration:
            self.exhausted = True
            return False
        except BaseException as e:  # noqa: BLE001 - re-raised by bulk_load_new after the call
            self.error = e
            return False
        self._off = 0
        self.sent += len(self._cur)
        return True

    def read(self, n: int = -1) -> bytes:
        """Up to ``n`` bytes (all that is left before the limit when ``n`` < 0)."""
        out = bytearray()
        while n < 0 or len(out) < n:
            if self._off >= len(self._cur) and not self._next_chunk():
                break
            end = len(self._cur) if n < 0 else self._off + n - len(out)
            piece = self._cur[self._off:end]
            self._off += len(piece)
            out += piece
        return bytes(out)


def _remove(path: Path) -> None:
    if path.exists():
        shutil.rmtree(path)


def _swap_in(complete: Path, data: Path) -> None:
    _remove(data)
    complete.rename(data)


def recover(directory: Path, data: Path) -> None:
    """Finish or undo a bulk load that a dead process left behind in store ``directory``."""
    complete, partial = directory / COMPLETE, directory / PARTIAL
    try:
        if complete.exists():
            log.warning("finishing an interrupted bulk load in %s", directory)
            _swap_in(complete, data)
        if partial.exists():
            log.warning("removing an unfinished bulk load from %s", directory)
            _remove(partial)
    except OSError as e:
        raise StoreError(f"cannot recover store {directory}: {e.strerror}") from e


def bulk_load_new(store: BulkTarget, chunks: Iterator[bytes],
                  chunk_bytes: int = CHUNK_BYTES) -> int:
    """Load the N-Quads ``chunks`` into the empty ``store`` with the bulk loader; quads loaded.

    All or nothing: if ``chunks`` raises, or the load fails, the staging directory is
    deleted, the store stays empty and the exception propagates.
    """
    if not store.writable or not store.is_empty():
        raise StoreError(f"bulk loading needs an empty writable store, not {store.location}")
    partial, complete = store.directory / PARTIAL, store.directory / COMPLETE
    store.touch()
    _remove(partial)
    staging = ox.Store(str(partial))
    loaded = -1
    try:
        while True:
            reader = ChunkReader(chunks, chunk_bytes)
            # lenient: every IRI was minted by kg.rdf.iri from percent-encoded parts.
            staging.bulk_load(input=reader, format=ox.RdfFormat.N_QUADS,  # type: ignore[arg-type]
                              lenient=True)
            if reader.error is not None:
                raise reader.error
            if reader.exhausted:
                break
        staging.flush()
        loaded = len(staging)
    except (OSError, SyntaxError) as e:
        raise StoreError(f"bulk load into {store.location} failed: {e}") from e
    finally:
        if loaded < 0:  # failed or interrupted: the store stays as it was
            del staging
            gc.collect()
            _remove(partial)
    # RocksDB keeps the directory open until the last handle goes: drop both stores first.
    del staging
    store.detach()
    gc.collect()
    try:
        partial.rename(complete)
        _swap_in(complete, store.directory / "oxigraph")
    except OSError as e:
        raise StoreError(f"cannot swap the bulk load into {store.location}: {e.strerror}") from e
    finally:
        store.attach()
    return loaded
