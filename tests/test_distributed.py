"""Distributed builds on a Dask LocalCluster: same quads as one process, and a killed worker."""

from __future__ import annotations

import os
import signal
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.errors import InputError
from kg.ingest.distributed import build_distributed, connect, parse_scheduler
from kg.store import open_store

N_ARTICLES = 30


def test_scheduler_specs_are_checked():
    assert parse_scheduler("local:3") == (None, 3)
    assert parse_scheduler("tcp://127.0.0.1:8786") == ("tcp://127.0.0.1:8786", 0)
    for bad in ("local:0", "local:x", "8786", "http://host:8786", "tcp://"):
        with pytest.raises(InputError):
            parse_scheduler(bad)


def test_cli_refuses_a_bad_scheduler(tmp_path):
    from kg.cli import cli

    r = CliRunner().invoke(cli, ["build", "seeds", "--store", str(tmp_path / "s"),
                                 "--scheduler", "local:zero"])
    assert r.exit_code != 0 and "local:N" in r.output


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    from newswire import write_jsonl

    return write_jsonl(tmp_path_factory.mktemp("wire") / "wire.jsonl", N_ARTICLES)


def _quads(store) -> set[bytes]:
    return set(filter(None, store.export("nquads").splitlines()))


@pytest.fixture(scope="module")
def reference(corpus):
    """The single-process build of the corpus."""
    from kg.ingest.build import build

    store = open_store("memory:")
    summary = build([str(corpus)], store)
    assert len(summary.built) == N_ARTICLES
    return summary, _quads(store)


@pytest.mark.model
@pytest.mark.slow
def test_local_cluster_build_gives_the_same_quads(corpus, reference, tmp_path):
    from kg.cli import cli

    out = tmp_path / "store"
    r = CliRunner().invoke(cli, ["build", str(corpus), "--store", str(out),
                                 "--scheduler", "local:2"])
    assert r.exit_code == 0, r.output
    assert f"built {N_ARTICLES} articles" in r.output
    with open_store(out, writable=False) as store:
        assert _quads(store) == reference[1]
        assert sorted(store.article_hashes()) == sorted(reference[0].built)


@pytest.mark.model
@pytest.mark.slow
def test_killed_worker_loses_and_duplicates_nothing(corpus, reference):
    store = open_store("memory:")
    killed: list[tuple[str, int, tuple]] = []
    with connect("local:2") as client:
        def kill_a_busy_worker(progress) -> None:
            if killed:
                return
            for addr, keys in client.processing().items():
                if keys:
                    pid = client.run(os.getpid, workers=[addr])[addr]
                    os.kill(pid, signal.SIGKILL)
                    killed.append((addr, pid, tuple(keys)))
                    return

        summary = build_distributed([str(corpus)], store, client.scheduler.address,
                                    batch_articles=2, progress=kill_a_busy_worker)
    assert killed, "no worker was busy when the first article came back"
    assert len(summary.built) == len(set(summary.built)) == N_ARTICLES
    assert sorted(summary.built) == sorted(reference[0].built)
    assert summary.triples == reference[0].triples
    assert summary.meetings == reference[0].meetings
    assert _quads(store) == reference[1]
