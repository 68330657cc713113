"""Endpoint queries in worker processes that are killed at the time limit, freeing the CPU.

Oxigraph cannot cancel a query, and work it does before the first row (a big ORDER BY, GROUP
BY or COUNT over a join) never checks the deadline. In a thread, such a query keeps running
after the client got its 503; a few of them hold every worker thread and the endpoint stops
answering. So for an on-disk store ``kg serve`` evaluates each query in one of a few spawned
processes, each with its own read-only handle on the store, and a process that misses the
deadline is killed and replaced. The workers read the store's newest published snapshot
(:mod:`kg.store.snapshots`), held for them by the server; :meth:`QueryPool.follow` moves
them to a newer one while a build goes on writing. Started as fresh interpreters, not
forked: the server has RocksDB and event-loop threads, and a fork copies their locks but
not the threads that would release them. Not through multiprocessing's spawn either, which
re-imports the caller's ``__main__`` and so breaks any script that embeds the server
without a main guard.

>>> job = QueryJob("ASK { ?s ?p ?o }", "ASK", accept=None, max_rows=10, timeout=5.0)
>>> from kg.sample import sample_store
>>> a = answer(sample_store(), job)
>>> a.body, a.media, a.truncated
(b'{"head": {}, "boolean": true}', 'application/sparql-results+json', False)
"""

from __future__ import annotations

import logging
import os
import queue
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from rdflib.term import Node

from kg.endpoint.protocol import serialise, truncate
from kg.errors import KGError, QueryError, QueryTimeoutError, StoreError
from kg.query.library import SavedQuery, run_query
from kg.store import Store, snapshots

__all__ = ["QueryJob", "Answer", "answer", "QueryPool"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class QueryJob:
    """One endpoint request: the query, its bindings and dataset, and how to answer it."""

    query: SavedQuery | str
    kind: str  #: SELECT, ASK, CONSTRUCT or DESCRIBE (from kg.query.guard)
    accept: str | None  #: the client's Accept header
    max_rows: int
    timeout: float  #: seconds from when evaluation starts
    bindings: dict[str, Node] = field(default_factory=dict)
    default_graph: tuple[str, ...] | None = None
    named_graphs: tuple[str, ...] | None = None


@dataclass(frozen=True, slots=True)
class Answer:
    """A serialised result, its media type, and whether the row limit cut it."""

    body: bytes
    media: str
    truncated: bool


def answer(store: Store, job: QueryJob) -> Answer:
    """Evaluate ``job`` on ``store`` and serialise the result (in whichever process runs it)."""
    dataset: dict[str, Any] = {}
    if job.default_graph is not None:
        dataset["default_graph"] = list(job.default_graph)
    if job.named_graphs is not None:
        dataset["named_graphs"] = list(job.named_graphs)
    result = run_query(store, job.query, job.bindings, max_rows=job.max_rows + 1,
                       deadline=time.monotonic() + job.timeout, **dataset)
    result, truncated = truncate(result, job.max_rows)
    return Answer(*serialise(result, job.accept, job.kind), truncated)


def _worker(location: str, snapshot: str) -> None:
    """The body of each pool process: answer jobs from stdin on stdout until stdin closes.

    A job is a :class:`QueryJob`, or a snapshot number to read from then on. The server
    holds the snapshot for its workers, so they open it without a lease.
    """
    from kg.store.oxigraph import OxigraphStore

    # The protocol owns the original stdout; anything printed goes to stderr instead.
    out = Connection(os.dup(1), readable=False)
    os.dup2(2, 1)
    inp = Connection(os.dup(0), writable=False)
    store: OxigraphStore | None = None
    failure: KGError | None = None

    def reopen(number: int) -> None:
        nonlocal store, failure
        if store is not None:
            store.close()
        store, failure = None, None
        try:
            store = OxigraphStore(location, writable=False, pinned=number)
        except KGError as e:
            failure = e  # reported with every job, not as a worker that dies without a word

    reopen(int(snapshot))
    while True:
        try:
            job = inp.recv()
        except (EOFError, OSError):
            return
        try:
            if isinstance(job, int):
                reopen(job)
                reply: tuple[str, Any] = ("ok", None)
            elif store is None:
                raise failure or QueryError("the store did not open")
            else:
                reply = ("ok", answer(store, job))
        except KGError as e:
            reply = ("error", e)
        out.send(reply)


_WORKER = "import sys; from kg.endpoint.pool import _worker; _worker(sys.argv[1], sys.argv[2])"
_MOVE_SECONDS = 30.0  # a worker opening another snapshot: milliseconds, unless it is stuck


@dataclass(eq=False)  # hashed by identity: the pool keeps a set of them
class _Proc:
    process: subprocess.Popen[bytes]
    send: Connection
    recv: Connection
    snapshot: int

    def kill(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.send.close()
        self.recv.close()


class QueryPool:
    """``size`` worker processes answering :class:`QueryJob` s on the store at ``location``,
    reading its newest published snapshot."""

    def __init__(self, location: str, size: int) -> None:
        self.location = location
        self.size = size
        lease = snapshots.hold(Path(location))
        if lease is None:
            raise StoreError(f"no store at {location} (build one with `kg build`)")
        self.snapshot = lease.number  #: the snapshot that new jobs read
        self._leases = {lease.number: lease}  # held for the workers
        self._procs: set[_Proc] = set()
        self._guard = threading.Lock()
        self._idle: queue.Queue[_Proc] = queue.Queue()
        self._closed = False
        for _ in range(size):
            self._idle.put(self._spawn())

    def _spawn(self) -> _Proc:
        # The worker must import this same kg, also when it runs from a source tree.
        root = str(Path(__file__).resolve().parents[2])
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(
            filter(None, [root, os.environ.get("PYTHONPATH", "")]))}
        p = subprocess.Popen([sys.executable, "-c", _WORKER, self.location, str(self.snapshot)],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env)
        assert p.stdin is not None and p.stdout is not None
        # Connection takes over the descriptors; the file objects must not close them too.
        send = Connection(os.dup(p.stdin.fileno()), readable=False)
        recv = Connection(os.dup(p.stdout.fileno()), writable=False)
        p.stdin.close()
        p.stdout.close()
        proc = _Proc(p, send, recv, self.snapshot)
        with self._guard:
            self._procs.add(proc)
        return proc

    def _replace(self, proc: _Proc) -> None:
        log.info("stopping query worker %s", proc.process.pid)
        proc.kill()
        with self._guard:
            self._procs.discard(proc)
        if not self._closed:
            self._idle.put(self._spawn())

    def _move(self, proc: _Proc) -> bool:
        """Point an idle worker at the current snapshot; False if it failed (and was replaced)."""
        target = self.snapshot
        try:
            proc.send.send(target)
            if proc.recv.poll(_MOVE_SECONDS):
                status, value = proc.recv.recv()
                if status == "ok":
                    proc.snapshot = target
                    return True
                log.warning("query worker %s cannot open snapshot %d: %s",
                            proc.process.pid, target, value)
        except (EOFError, OSError) as e:
            log.warning("query worker %s failed: %s", proc.process.pid, e)
        self._replace(proc)
        return False

    def follow(self) -> bool:
        """Serve the store's newest snapshot if it is newer (the idle workers move at once,
        busy ones after their job); True if it changed. Then let go of unused snapshots."""
        moved = False
        n = snapshots.newest(Path(self.location))
        if n is not None and n > self.snapshot:
            lease = snapshots.hold(Path(self.location))
            if lease is not None and lease.number > self.snapshot:
                with self._guard:
                    self._leases[lease.number] = lease
                    self.snapshot = lease.number
                moved = True
                for _ in range(self.size):
                    try:
                        proc = self._idle.get_nowait()
                    except queue.Empty:
                        break
                    if proc.snapshot == self.snapshot or self._move(proc):
                        self._idle.put(proc)
            elif lease is not None:
                lease.release()
        self._release_unused()
        return moved

    def _release_unused(self) -> None:
        with self._guard:
            used = {p.snapshot for p in self._procs} | {self.snapshot}
            unused = [self._leases.pop(n) for n in list(self._leases) if n not in used]
        for lease in unused:
            lease.release()
        if unused:
            snapshots.prune(Path(self.location))

    def pids(self) -> list[int]:
        """The idle workers' process ids (for monitoring and tests)."""
        return [p.process.pid for p in list(self._idle.queue)]

    def run(self, job: QueryJob) -> Answer:
        """Answer ``job`` in a worker within ``job.timeout`` seconds, or raise.

        Raises :class:`QueryTimeoutError` at the limit (the worker is killed and replaced),
        the worker's own :class:`KGError` for a bad query, or :class:`QueryError` if the
        worker died (say, the engine crashed on the query).
        """
        deadline = time.monotonic() + job.timeout
        while True:
            try:
                proc = self._idle.get(timeout=max(deadline - time.monotonic(), 0.0))
            except queue.Empty:
                raise QueryTimeoutError(
                    "query stopped at its time limit (all workers busy)") from None
            # A job never reads an older snapshot than the last job dispatched before it.
            if proc.snapshot == self.snapshot or self._move(proc):
                break
        healthy = False
        try:
            proc.send.send(job)
            if not proc.recv.poll(max(deadline - time.monotonic(), 0.0)):
                raise QueryTimeoutError("query stopped at its time limit")
            status, value = proc.recv.recv()
            healthy = True
        except (EOFError, OSError) as e:
            raise QueryError(f"the query worker failed: {e or 'it exited'}") from e
        finally:
            if healthy and not self._closed:
                self._idle.put(proc)
            else:
                self._replace(proc)
        if status == "error":
            raise value
        return value

    def close(self) -> None:
        """Stop every idle worker (busy ones end with their request)."""
        self._closed = True
        while True:
            try:
                self._idle.get_nowait().kill()
            except queue.Empty:
                break
        with self._guard:
            leases = list(self._leases.values())
            self._leases.clear()
        for lease in leases:
            lease.release()
