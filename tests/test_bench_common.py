"""A store's size on disk (kg info, the benchmarks) counts each file once, hard links included."""

from __future__ import annotations

import os

from kg.info import disk_size


def test_a_hard_linked_snapshot_is_not_counted_twice(tmp_path):
    live = tmp_path / "oxigraph"
    snap = tmp_path / "snapshots" / "1"
    live.mkdir()
    snap.mkdir(parents=True)
    (live / "data.sst").write_bytes(b"x" * 1000)
    (live / "wal.log").write_bytes(b"y" * 10)
    os.link(live / "data.sst", snap / "data.sst")  # as a snapshot shares the live file
    assert disk_size(tmp_path) == 1010
