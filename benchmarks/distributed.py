"""Benchmark: single-process build vs Dask local:N, and Virtuoso load throughput.

Usage: python benchmarks/distributed.py [--corpus PATH] [--limit 200] [--workers 2]
                                        [--sparql sparql+http://127.0.0.1:18890/sparql]
Extraction figures exclude cluster start-up and model loading (reported apart: workers are
warmed before the clock starts, as the single process's model is). Both builds go to an
in-memory store and their quads are compared. The Virtuoso figure loads the same article
graphs through kg's SPARQL store (10k-triple batches) and compares with Oxigraph on disk.
Needs Virtuoso up (deploy/virtuoso/start.sh) for the load figure; KG_SPARQL_USER/PASSWORD
default to the loopback dev server's dba/dba.
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import sys
import tempfile
import time
from pathlib import Path

_HERE = Path(__file__).resolve().parent
# This file's name shadows the `distributed` package that dask imports, so its directory comes
# off the import path and the shared helpers are loaded from their file.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != _HERE]
_spec = importlib.util.spec_from_file_location("_common", _HERE / "_common.py")
assert _spec and _spec.loader
_common = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_common)
DEFAULT_CORPUS, write_subset = _common.DEFAULT_CORPUS, _common.write_subset

from kg.info import disk_size  # noqa: E402


def _cpu() -> float:
    """CPU seconds used so far by the calling (worker) process."""
    return time.process_time()


def _quads(store) -> set[bytes]:
    return set(filter(None, store.export("nquads").splitlines()))


def main() -> None:
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import build
    from kg.ingest.distributed import build_distributed, connect
    from kg.rdf.iri import graph_iri
    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=200)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--sparql", default="sparql+http://127.0.0.1:18890/sparql")
    args = ap.parse_args()
    os.environ.setdefault("KG_SPARQL_USER", "dba")
    os.environ.setdefault("KG_SPARQL_PASSWORD", "dba")
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        src = str(write_subset(args.corpus, args.limit, Path(tmp) / "subset.jsonl.gz"))
        load_nlp()
        single = open_store("memory:")
        cpu0 = time.process_time()
        s1 = build([src], single, keep_extractions=True)
        cpu1 = time.process_time() - cpu0
        rate1 = len(s1.built) / s1.seconds
        print(f"single-process: articles={len(s1.built)} words={s1.words} "  # noqa: T201
              f"wall={s1.seconds:.1f}s {rate1:.2f} art/s {s1.words / s1.seconds:.0f} words/s "
              f"cpu={cpu1 / len(s1.built) * 1000:.0f} ms/article")

        t0 = time.perf_counter()
        with connect(f"local:{args.workers}") as client:
            client.run(load_nlp)
            startup = time.perf_counter() - t0
            dist = open_store("memory:")
            w0 = sum(client.run(_cpu).values())
            c0 = time.process_time()
            s2 = build_distributed([src], dist, client.scheduler.address)
            client_cpu = time.process_time() - c0
            worker_cpu = sum(client.run(_cpu).values()) - w0
        rate2 = len(s2.built) / s2.seconds
        same = _quads(single) == _quads(dist)
        print(f"local:{args.workers}: articles={len(s2.built)} wall={s2.seconds:.1f}s "  # noqa: T201
              f"{rate2:.2f} art/s (start-up+model load {startup:.1f}s) "
              f"speed-up x{rate2 / rate1:.2f} same_quads={same} "
              f"cpu workers={worker_cpu / len(s2.built) * 1000:.0f} ms/article "
              f"client={client_cpu / len(s2.built) * 1000:.0f} ms/article")

        graphs = [to_rdf(x, s1.model) for x in s1.extractions]
        triples = sum(len(g) for g in graphs)
        ox = open_store(Path(tmp) / "ox")
        t0 = time.perf_counter()
        for g in graphs:
            ox.replace_article(g)
        ox.close()
        t_ox = time.perf_counter() - t0
        size = disk_size(Path(tmp) / "ox") or 0
        print(f"oxigraph store: {size / 1e6:.1f} MB for {triples} triples = "  # noqa: T201
              f"{size / triples:.0f} bytes/triple ({triples / len(graphs):.0f} triples/article)")
        try:
            vt = open_store(args.sparql)
        except Exception as e:  # noqa: BLE001 - report and carry on without the server
            print(f"virtuoso: not reachable ({e}); start deploy/virtuoso/start.sh")  # noqa: T201
            return
        for aid in vt.article_hashes():
            vt.remove_article(graph_iri(aid))
        before = vt.requests
        t0 = time.perf_counter()
        for g in graphs:
            vt.replace_article(g)
        vt.close()
        t_vt = time.perf_counter() - t0
        requests = vt.requests - before
        from kg.query.library import load_query, run_query

        ox = open_store(Path(tmp) / "ox", writable=False)
        met = load_query("who-met-whom")
        same_rows = run_query(vt, met).rows == run_query(ox, met).rows
        ox.close()
        print(f"who-met-whom: virtuoso rows == oxigraph rows: {same_rows}")  # noqa: T201
        print(f"load {triples} triples / {len(graphs)} articles: "  # noqa: T201
              f"virtuoso {t_vt:.2f}s = {triples / t_vt:.0f} triples/s in {requests} requests; "
              f"oxigraph {t_ox:.2f}s = {triples / t_ox:.0f} triples/s; "
              f"ratio oxigraph/virtuoso x{t_vt / t_ox:.1f}")


if __name__ == "__main__":
    main()
