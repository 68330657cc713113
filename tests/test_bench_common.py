"""The benchmarks' store size counts each file once, hard links included."""

from __future__ import annotations

import os
import sys
from pathlib import Path

_PATH = list(sys.path)
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

import _common  # noqa: E402

sys.path[:] = _PATH


def test_a_hard_linked_snapshot_is_not_counted_twice(tmp_path):
    live = tmp_path / "oxigraph"
    snap = tmp_path / "snapshots" / "1"
    live.mkdir()
    snap.mkdir(parents=True)
    (live / "data.sst").write_bytes(b"x" * 1000)
    (live / "wal.log").write_bytes(b"y" * 10)
    os.link(live / "data.sst", snap / "data.sst")  # as a snapshot shares the live file
    assert _common.disk_bytes(tmp_path) == 1010
