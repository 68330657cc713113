"""Load test of `kg serve`: concurrent clients running who-met-whom (or a mix) over HTTP.

Builds (or reuses) an Oxigraph store from the first N Reuters articles with
``kg.ingest.build.build``, starts ``kg serve`` on loopback in a subprocess, then runs C client
threads for S seconds, each sending who-met-whom as ``GET /sparql?query=`` with
``Accept: application/sparql-results+json``. Prints throughput, p50/p99 latency and the
error count (any non-200, exception, or a body whose row count differs from the first one).

    .venv/bin/python benchmarks/endpoint.py [CORPUS] --articles 2000 --clients 20 --seconds 60
    .venv/bin/python benchmarks/endpoint.py [CORPUS] --articles 300 --mix   # issue 9's mix

The corpus is read in place (research-only licence: never copied into the repository).
"""

from __future__ import annotations

import argparse
import gzip
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import httpx

from kg.ingest.build import build
from kg.query.library import load_query
from kg.store import open_store

DEFAULT_CORPUS = (Path(__file__).resolve().parents[2]
                  / "shared/datasets/reuters21578/reuters.jsonl.gz")


def say(msg: str, err: bool = False) -> None:
    """One line of report (stdout) or progress (stderr)."""
    (sys.stderr if err else sys.stdout).write(msg + "\n")


def build_store(corpus: Path, n: int, store_dir: Path) -> None:
    """Build ``store_dir`` from the first ``n`` records of ``corpus`` (skipped if present)."""
    if (store_dir / "oxigraph").exists():
        say(f"reusing store {store_dir}", err=True)
        return
    with tempfile.TemporaryDirectory() as tmp:
        sample = Path(tmp) / "sample.jsonl"
        with gzip.open(corpus, "rt", encoding="utf-8") as src, sample.open("w") as dst:
            for i, line in enumerate(src):
                if i >= n:
                    break
                dst.write(line)
        t0 = time.perf_counter()
        with open_store(store_dir) as store:
            s = build([str(sample)], store)
        say(f"built {len(s.built)} articles in {time.perf_counter() - t0:.0f}s: "
            f"{s.entities} entities, {s.triples} triples, {s.meetings} meetings", err=True)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_up(url: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if proc.poll() is not None:
            raise SystemExit("kg serve exited early")
        try:
            if httpx.get(url + "sparql", params={"query": "ASK {}"}).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise SystemExit("kg serve did not come up")


def client(url: str, query: str, stop: float, lat: list[float], errors: list[str],
           expected_rows: int) -> None:
    headers = {"Accept": "application/sparql-results+json"}
    with httpx.Client(timeout=30) as c:
        while time.monotonic() < stop:
            t0 = time.perf_counter()
            try:
                r = c.get(url + "sparql", params={"query": query}, headers=headers)
                ok = (r.status_code == 200
                      and len(r.json()["results"]["bindings"]) == expected_rows)
            except (httpx.HTTPError, ValueError, KeyError) as e:
                errors.append(repr(e))
                continue
            lat.append(time.perf_counter() - t0)
            if not ok:
                errors.append(f"HTTP {r.status_code}")


#: The --mix workload: (kind, path, params, the status a correct server answers).
MIX: list[tuple[str, str, dict[str, str], int]] = [
    ("who-met-whom", "queries/who-met-whom", {}, 200),
    ("meetings-of", "queries/meetings-of", {"name": "Baker"}, 200),
    ("entity-profile", "queries/entity-profile", {"name": "Reagan"}, 200),
    ("most-connected", "queries/most-connected", {}, 200),
    ("malformed", "sparql", {"query": "SELECT ?x WHERE { ?x ?p "}, 400),
    ("update", "sparql", {"query": "DELETE WHERE { ?s ?p ?o }"}, 403),
    ("service", "sparql",
     {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }"}, 403),
]


def mix_client(url: str, stop: float, n: int, lat: dict[str, list[float]],
               server_errors: list[str], wrong: list[str]) -> None:
    """Cycle through :data:`MIX`; 5xx and exceptions are server errors, other surprises wrong."""
    with httpx.Client(timeout=30) as c:
        i = n
        while time.monotonic() < stop:
            kind, path, params, want = MIX[i % len(MIX)]
            i += 1
            t0 = time.perf_counter()
            try:
                r = c.get(url + path, params=params,
                          headers={"Accept": "application/sparql-results+json"})
            except httpx.HTTPError as e:
                server_errors.append(f"{kind}: {e!r}")
                continue
            lat.setdefault(kind, []).append(time.perf_counter() - t0)
            if r.status_code >= 500:
                server_errors.append(f"{kind}: HTTP {r.status_code}")
            elif r.status_code != want:
                wrong.append(f"{kind}: HTTP {r.status_code}, wanted {want}")


def run_mix(url: str, proc: subprocess.Popen[bytes], clients: int, seconds: float) -> int:
    """The reliability load test: a mix of saved, malformed and refused queries; RSS sampled."""
    import psutil

    server = psutil.Process(proc.pid)
    rss: list[int] = []
    lat: dict[str, list[float]] = {}
    server_errors: list[str] = []
    wrong: list[str] = []
    stop = time.monotonic() + seconds
    threads = [threading.Thread(target=mix_client,
                                args=(url, stop, n, lat, server_errors, wrong))
               for n in range(clients)]
    t0 = time.perf_counter()
    for t in threads:
        t.start()
    def tree_rss() -> int:
        # The server and its query worker processes (kg/endpoint/pool.py); a worker killed at
        # the time limit may vanish between listing and reading.
        total = 0
        for p in [server, *server.children(recursive=True)]:
            try:
                total += p.memory_info().rss
            except psutil.NoSuchProcess:
                pass
        return total

    while any(t.is_alive() for t in threads):
        rss.append(tree_rss())
        time.sleep(0.5)
    wall = time.perf_counter() - t0
    every = sorted(x for v in lat.values() for x in v)
    total = len(every)
    for kind, v in sorted(lat.items()):
        v.sort()
        say(f"  {kind:<15} {len(v):>6} requests, p50 {v[len(v) // 2] * 1000:.1f} ms, "
            f"p99 {v[min(len(v) - 1, int(0.99 * len(v)))] * 1000:.1f} ms")
    mb = [r / 2**20 for r in rss]
    say(f"mix: {clients} clients, {wall:.1f}s, {total} requests ({total / wall:.1f} req/s), "
        f"p99 {every[min(total - 1, int(0.99 * total))] * 1000:.1f} ms, "
        f"server errors {len(server_errors)}, wrong answers {len(wrong)}, "
        f"server+workers RSS start {mb[0]:.0f} MB, peak {max(mb):.0f} MB, end {mb[-1]:.0f} MB")
    for e in (server_errors + wrong)[:5]:
        say(f"  e.g. {e}")
    return len(server_errors) + len(wrong)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS)
    ap.add_argument("--articles", type=int, default=2000, help="first N articles to build")
    ap.add_argument("--store", type=Path, help="store directory (built if absent; reused)")
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--mix", action="store_true",
                    help="saved, malformed and refused queries mixed; server RSS sampled")
    args = ap.parse_args()
    store_dir = args.store or Path(tempfile.gettempdir()) / f"kg-bench-endpoint-{args.articles}"
    build_store(args.corpus, args.articles, store_dir)

    query = load_query("who-met-whom").text
    # In-process baseline (one client, no HTTP), measured in the same run for the ratio.
    with open_store(store_dir, writable=False) as store:
        store.query(query)  # warm the caches
        direct = []
        for _ in range(10):
            t0 = time.perf_counter()
            store.query(query)
            direct.append(time.perf_counter() - t0)
    direct_ms = statistics.median(direct) * 1000

    port = free_port()
    url = f"http://127.0.0.1:{port}/"
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", str(store_dir),
                             "--port", str(port)], env={**os.environ})
    try:
        wait_up(url, proc)
        if args.mix:
            sys.exit(1 if run_mix(url, proc, args.clients, args.seconds) else 0)
        first = httpx.get(url + "sparql", params={"query": query},
                          headers={"Accept": "application/sparql-results+json"}, timeout=60)
        expected = len(first.json()["results"]["bindings"])
        lat: list[float] = []
        errors: list[str] = []
        stop = time.monotonic() + args.seconds
        threads = [threading.Thread(target=client, args=(url, query, stop, lat, errors, expected))
                   for _ in range(args.clients)]
        t0 = time.perf_counter()
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
    finally:
        proc.terminate()
        proc.wait(10)
    lat.sort()
    p = lambda q: lat[min(len(lat) - 1, int(q * len(lat)))] * 1000  # noqa: E731
    say(f"store: {args.articles} articles, who-met-whom returns {expected} rows")
    say(f"clients {args.clients}, {wall:.1f}s: {len(lat)} requests, "
        f"{len(lat) / wall:.1f} req/s, p50 {p(0.50):.1f} ms, p99 {p(0.99):.1f} ms, "
        f"mean {statistics.fmean(lat) * 1000:.1f} ms, errors {len(errors)}")
    say(f"in-process who-met-whom (1 client, no HTTP): median {direct_ms:.1f} ms; "
        f"endpoint p50 / in-process = {p(0.50) / direct_ms:.1f}x with {args.clients} clients")
    if errors:
        say(f"first errors: {errors[:5]}")
        sys.exit(1)


if __name__ == "__main__":
    main()
