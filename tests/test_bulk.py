"""Bulk loading of a new store (kg/store/bulk.py): all quads or none, whatever happens mid-load."""

from __future__ import annotations

import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest

from kg.errors import StoreError
from kg.store import open_store
from kg.store.bulk import COMPLETE, PARTIAL, bulk_load_new

ROOT = Path(__file__).resolve().parents[1]


def article_nquads(a: int, n: int = 50) -> bytes:
    g = f"<https://example.org/graph/{a}>"
    return "".join(f'<https://example.org/s/{a}/{i}> <https://example.org/p> "v{i}" {g} .\n'
                   for i in range(n)).encode()


def chunks(count: int, fail_at: int | None = None,
           error: BaseException | None = None) -> Iterator[bytes]:
    for a in range(count):
        if a == fail_at:
            raise error or RuntimeError("extraction blew up")
        yield article_nquads(a)


def test_streams_every_article_through_several_bulk_calls(tmp_path: Path, caplog) -> None:
    caplog.set_level("WARNING")
    with open_store(tmp_path / "s") as s:
        # 40 articles of ~4 kB each with a 10 kB limit: at least a dozen bulk_load calls.
        assert bulk_load_new(s, chunks(40), chunk_bytes=10_000) == 40 * 50
        assert len(s) == 2000
        # The store stays usable for transactional writes after the swap.
        s.replace_article_nquads("https://example.org/graph/0", article_nquads(0, n=3))
        assert len(s) == 2000 - 47
    # No staging left; one published snapshot of the result (the empty one was pruned).
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == [
        "kg.lock", "oxigraph", "snapshots"]
    assert [p.name for p in (tmp_path / "s" / "snapshots").iterdir()] == ["00000002"]
    with open_store(tmp_path / "s", writable=False) as s:
        assert len(s) == 1953
    assert not caplog.records  # a normal swap is not reported as a recovery


@pytest.mark.parametrize("error", [RuntimeError("boom"), KeyboardInterrupt()])
def test_an_error_mid_load_leaves_the_store_empty_and_usable(tmp_path: Path,
                                                             error: BaseException) -> None:
    with open_store(tmp_path / "s") as s:
        with pytest.raises(type(error)):
            bulk_load_new(s, chunks(40, fail_at=25, error=error), chunk_bytes=10_000)
        assert s.is_empty()
        assert not (tmp_path / "s" / PARTIAL).exists()
        assert bulk_load_new(s, chunks(3)) == 150


def test_malformed_nquads_is_a_store_error_and_nothing_is_loaded(tmp_path: Path) -> None:
    def bad() -> Iterator[bytes]:
        yield article_nquads(0)
        yield b"<https://example.org/s> this is not RDF .\n"

    with open_store(tmp_path / "s") as s:
        with pytest.raises(StoreError, match="bulk load"):
            bulk_load_new(s, bad())
        assert s.is_empty()
    assert not (tmp_path / "s" / PARTIAL).exists()


def test_refuses_a_store_that_already_holds_quads(tmp_path: Path) -> None:
    with open_store(tmp_path / "s") as s:
        s.replace_article_nquads("https://example.org/graph/0", article_nquads(0))
        with pytest.raises(StoreError, match="empty"):
            bulk_load_new(s, chunks(2))
        assert len(s) == 50


def _staging(path: Path, articles: int) -> None:
    st = ox.Store(str(path))
    st.bulk_load(input=b"".join(article_nquads(a) for a in range(articles)),
                 format=ox.RdfFormat.N_QUADS)
    st.flush()
    del st


def test_open_finishes_a_swap_cut_short_after_the_load_completed(tmp_path: Path,
                                                                 caplog) -> None:
    store = tmp_path / "s"
    open_store(store).close()
    _staging(store / COMPLETE, 4)  # as if killed between the two renames
    with open_store(store) as s:
        assert len(s) == 200
    assert not (store / COMPLETE).exists()
    assert "finishing an interrupted bulk load" in caplog.text


def test_open_discards_an_unfinished_load(tmp_path: Path) -> None:
    store = tmp_path / "s"
    open_store(store).close()
    _staging(store / PARTIAL, 4)
    with open_store(store) as s:
        assert s.is_empty()
    assert not (store / PARTIAL).exists()


LOADER = """
import sys, time
from kg.store.bulk import bulk_load_new
from kg.store import open_store
sys.path.insert(0, sys.argv[2])
from test_bulk import article_nquads

def slow():
    for a in range(10_000):
        if a == 5:
            print("loading", flush=True)
        time.sleep(0.002)
        yield article_nquads(a)

with open_store(sys.argv[1]) as s:
    bulk_load_new(s, slow(), chunk_bytes=100_000)
print("done", flush=True)
"""


@pytest.mark.slow
@pytest.mark.parametrize("delay", [0.05, 0.6, 2.0])
def test_kill_9_mid_bulk_load_leaves_the_store_empty(tmp_path: Path, delay: float) -> None:
    store = tmp_path / "s"
    p = subprocess.Popen([sys.executable, "-c", LOADER, str(store), str(Path(__file__).parent)],
                         cwd=ROOT, stdout=subprocess.PIPE, text=True)
    assert p.stdout is not None and p.stdout.readline().strip() == "loading"
    time.sleep(delay)
    p.send_signal(signal.SIGKILL)
    p.wait()
    with open_store(store) as s:
        assert s.is_empty()
        assert bulk_load_new(s, chunks(2)) == 100
    assert sorted(x.name for x in store.iterdir()) == ["kg.lock", "oxigraph", "snapshots"]
    assert len(list((store / "snapshots").iterdir())) == 1
