"""Published snapshots of an Oxigraph store: readers never open the directory a writer writes.

pyoxigraph 0.5 calls opening a store read-only while another process writes it undefined
behaviour, and a writer must not wait for its readers (``kg serve`` runs for days). So the
one writer, holding ``<store>/kg.lock``, keeps ``<store>/oxigraph`` to itself and
*publishes* it when a build ends or the store is closed: ``Store.backup`` writes a
checkpoint into ``snapshots/.tmp-N`` (hard links to RocksDB's immutable table files, so it
takes ~0.1-0.3 s and a few MB whatever the store's size), which one ``rename`` turns into
``snapshots/N``. Readers (``kg query``, ``kg map``, ``kg serve`` and its query workers, a
notebook) open the newest snapshot read-only and hold a shared ``flock`` on its
``readers.lock`` while they use it. A snapshot older than the newest that nobody holds is
deleted by whoever publishes, opens or lets go of one; so besides the newest, only
snapshots that some reader is still looking at stay on disk, one per such reader.

A writer marks the store ``kg.unpublished`` before its first write and clears the mark
when it publishes. A writer killed before that leaves the mark, and the next writable open
publishes what it had committed. Anything under ``snapshots/`` starting with a dot is a
checkpoint being written (``.tmp-N``, the writer's) or deleted (``.trash-N``).

>>> import pyoxigraph as ox, tempfile
>>> d = Path(tempfile.mkdtemp())
>>> db = ox.Store(str(d / "oxigraph"))
>>> publish(d, db), publish(d, db), published(d)
(1, 2, [2])
>>> lease = hold(d); lease.number, lease.data.name
(2, 'oxigraph')
>>> publish(d, db), published(d)
(3, [2, 3])
>>> lease.release(); prune(d), published(d)
(1, [3])
"""

from __future__ import annotations

import errno
import fcntl
import logging
import os
import shutil
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from kg.errors import StoreError, StoreLockedError

__all__ = ["Lease", "Reader", "WriteLock", "LOCK", "SNAPSHOTS", "UNPUBLISHED", "hold", "publish",
           "prune", "published", "newest", "snapshot_data", "mark_unpublished",
           "needs_publishing", "clean_staging"]

log = logging.getLogger(__name__)

SNAPSHOTS = "snapshots"
LOCK = "kg.lock"
UNPUBLISHED = "kg.unpublished"
_DATA = "oxigraph"
_READERS = "readers.lock"


def _path(directory: Path, number: int) -> Path:
    return directory / SNAPSHOTS / f"{number:08d}"


def snapshot_data(directory: Path, number: int) -> Path:
    """The Oxigraph directory of snapshot ``number`` of the store in ``directory``."""
    return _path(directory, number) / _DATA


def published(directory: Path) -> list[int]:
    """The numbers of the snapshots on disk, oldest first."""
    try:
        names = os.listdir(directory / SNAPSHOTS)
    except FileNotFoundError:
        return []
    except OSError as e:
        raise StoreError(f"cannot read the snapshots of store {directory}: {e.strerror}") from e
    return sorted(int(n) for n in names if n.isdigit())


def newest(directory: Path) -> int | None:
    """The number of the newest snapshot, or None when nothing was published yet."""
    numbers = published(directory)
    return numbers[-1] if numbers else None


@dataclass
class Lease:
    """A reader's shared hold on one snapshot: it is not deleted until released."""

    directory: Path
    number: int
    _fh: IO[Any] | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        """The snapshot's Oxigraph directory, to open read-only."""
        return snapshot_data(self.directory, self.number)

    def release(self) -> None:
        """Let go of the snapshot (harmless twice); the next prune may delete it."""
        if self._fh is not None:
            self._fh.close()  # closing drops the flock
            self._fh = None


class WriteLock:
    """The writer's exclusive ``flock`` on ``<store>/kg.lock``, which names its PID."""

    def __init__(self, directory: Path) -> None:
        self.path = directory / LOCK
        self.fh = open(self.path, "a+")  # noqa: SIM115 - held for the store's lifetime
        try:
            fcntl.flock(self.fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError as e:
            self.fh.seek(0)
            holder = self.fh.read().strip() or "another process"
            self.fh.close()
            if e.errno in (errno.EAGAIN, errno.EACCES):
                raise StoreLockedError(f"store {directory} is locked by PID {holder}") from e
            raise StoreError(f"cannot lock store {directory}: {e.strerror}") from e
        self.fh.seek(0)
        self.fh.truncate()
        self.fh.write(str(os.getpid()))
        self.fh.flush()

    def release(self) -> None:
        """Let the next writer in (harmless twice)."""
        if not self.fh.closed:
            self.fh.close()  # closing drops the flock


def _same_file(fh: IO[Any], path: Path) -> bool:
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fh.fileno())
    return (st.st_dev, st.st_ino) == (mine.st_dev, mine.st_ino)


def hold(directory: Path, number: int | None = None) -> Lease | None:
    """A :class:`Lease` on snapshot ``number`` (default: the newest), or None if it is gone.

    A pruner takes the snapshot's lock exclusively and renames the snapshot away before
    deleting it, so a shared lock on the file still found at the snapshot's path means the
    snapshot stays until released.
    """
    for _ in range(100):
        n = newest(directory) if number is None else number
        if n is None:
            return None
        lock = _path(directory, n) / _READERS
        try:
            fh = open(lock, "rb")  # noqa: SIM115 - held for the lease's lifetime
        except FileNotFoundError:
            fh = None
        except OSError as e:
            raise StoreError(f"cannot open snapshot {n} of store {directory}: {e.strerror}") from e
        if fh is not None:
            try:
                fcntl.flock(fh, fcntl.LOCK_SH | fcntl.LOCK_NB)
                if _same_file(fh, lock):
                    return Lease(directory, n, fh)
            except OSError as e:  # being deleted
                if e.errno not in (errno.EAGAIN, errno.EACCES):
                    fh.close()
                    raise StoreError(f"cannot lock snapshot {n} of store {directory}: "
                                     f"{e.strerror}") from e
            fh.close()
        if number is not None:
            return None
    raise StoreError(f"cannot hold a snapshot of store {directory}: they keep being replaced")


def _rmtree(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)


def publish(directory: Path, db: Any) -> int:
    """Checkpoint ``db`` (the writer's open ``pyoxigraph.Store``) as the newest snapshot.

    Only the holder of the store's write lock calls this. Returns the new snapshot's number.
    """
    root = directory / SNAPSHOTS
    n = (newest(directory) or 0) + 1
    tmp = root / f".tmp-{n:08d}"
    try:
        root.mkdir(exist_ok=True)
        _rmtree(tmp)
        tmp.mkdir()
        (tmp / _READERS).touch()
        db.backup(str(tmp / _DATA))
        tmp.rename(_path(directory, n))  # readers see all of it or nothing
        (directory / UNPUBLISHED).unlink(missing_ok=True)
    except OSError as e:
        _rmtree(tmp)
        # The error's traceback keeps this frame: it must not keep the database open too
        # (RocksDB's lock goes with the last handle, and the caller may reopen the store).
        del db
        raise StoreError(f"cannot publish a snapshot of store {directory}: {e}") from e
    log.info("published snapshot %d of %s", n, directory)
    prune(directory)
    return n


def prune(directory: Path) -> int:
    """Delete every snapshot but the newest that no reader holds; how many were deleted."""
    root = directory / SNAPSHOTS
    gone = 0
    for n in published(directory)[:-1]:
        path = _path(directory, n)
        try:
            fh = open(path / _READERS, "rb")  # noqa: SIM115 - closed below
        except OSError:
            continue  # deleted by another process meanwhile
        with fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a reader holds it
            trash = root / f".trash-{n:08d}-{os.getpid()}"
            try:
                path.rename(trash)
            except OSError:
                continue
        _rmtree(trash)
        gone += 1
    for leftover in _dot_entries(root, ".trash-"):
        _rmtree(leftover)  # a pruner that died half-way; no reader can hold these
    return gone


def _dot_entries(root: Path, prefix: str) -> list[Path]:
    try:
        return [root / n for n in os.listdir(root) if n.startswith(prefix)]
    except OSError:
        return []


def mark_unpublished(directory: Path) -> None:
    """Note that the writer's data has commits no snapshot holds yet (before the first write)."""
    try:
        (directory / UNPUBLISHED).touch()
    except OSError as e:
        raise StoreError(f"cannot mark store {directory}: {e.strerror}") from e


def needs_publishing(directory: Path) -> bool:
    """True when a writer should publish at once: nothing published, or a writer died first."""
    return (directory / UNPUBLISHED).exists() or newest(directory) is None


def clean_staging(directory: Path) -> None:
    """Remove checkpoints a killed writer left half-written (only the lock holder calls this)."""
    for leftover in _dot_entries(directory / SNAPSHOTS, ".tmp-"):
        log.warning("removing an unfinished snapshot %s", leftover)
        _rmtree(leftover)


class Reader:
    """A reader's open snapshot, which :meth:`refresh` moves on to the newest one.

    A read in progress (:meth:`reading`) keeps the database and the lease it started with
    until it ends, so refreshing from another thread never deletes a snapshot under it.
    """

    def __init__(self, lease: Lease, open_db: Callable[[Path], Any]) -> None:
        self.lease = lease
        self._open = open_db
        self.db = open_db(lease.data)
        self._users: dict[int, int] = {}  # snapshot number -> reads in progress on it
        self._retired: dict[int, Lease] = {}  # replaced, released when no read uses them
        self._guard = threading.Lock()

    @property
    def number(self) -> int:
        """The snapshot that new reads see."""
        return self.lease.number

    @contextmanager
    def reading(self) -> Iterator[Any]:
        """The database to read, held with its snapshot until the block ends."""
        with self._guard:
            db, n = self.db, self.lease.number
            self._users[n] = self._users.get(n, 0) + 1
        try:
            yield db
        finally:
            with self._guard:
                self._users[n] -= 1
                done = self._retired.pop(n, None) if not self._users[n] else None
            if done is not None:
                done.release()
                prune(done.directory)

    def refresh(self) -> bool:
        """Move to the newest snapshot if it is newer; True if it moved."""
        directory = self.lease.directory
        if (newest(directory) or 0) <= self.lease.number:
            return False
        lease = hold(directory)
        if lease is None or lease.number <= self.lease.number:
            if lease is not None:
                lease.release()
            return False
        try:
            db = self._open(lease.data)
        except StoreError:
            lease.release()
            raise
        with self._guard:
            old = self.lease
            self.db, self.lease = db, lease
            if self._users.get(old.number):
                self._retired[old.number] = old
            else:
                old.release()
        prune(directory)
        return True

    def close(self) -> None:
        """Release every snapshot held (harmless twice)."""
        with self._guard:
            leases = [self.lease, *self._retired.values()]
            self._retired.clear()
        for lease in leases:
            lease.release()
