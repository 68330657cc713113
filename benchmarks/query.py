"""Benchmark 3: saved queries via kg's library call vs raw pyoxigraph (and rdflib), >= 1M triples.

Usage: python benchmarks/query.py --from-store DIR [--min-quads 1000000] [--repeat 3]
Whole article graphs are taken from the built store DIR (e.g. all of Reuters, kept by
``benchmarks/corpus.py --keep-store``) until at least --min-quads quads; if DIR holds fewer,
its graphs are replicated under renamed article/graph IRIs (entities stay shared).
  kg:     ``kg.query.library.run_query(open_store(dir, writable=False), load_query(name), params)``
  raw:    ``pyoxigraph.Store.query`` with the same text, union default graph, substitutions,
          every solution's terms read;
  rdflib: the same quads in an in-memory ``rdflib.Dataset`` (child process, with a timeout).
Median wall and CPU time of --repeat runs after one warm-up (CPU time is the fair ratio on
a shared machine); rdflib runs once (wall, in its own process).
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import pyoxigraph as ox  # noqa: E402
from rdflib import Literal  # noqa: E402

from kg.query.library import load_query, run_query  # noqa: E402
from kg.rdf.vocab import PREFIXES  # noqa: E402
from kg.store import open_store
from kg.store.oxigraph import to_ox  # noqa: E402

QUERIES = [("who-met-whom", {}), ("most-connected", {}), ("entity-profile", {"name": "Reagan"})]
_RENAME = re.compile(rb"/id/(graph|article|sentence|statement|meeting)/")

RDFLIB = """
import json, resource, sys, time
from rdflib import Dataset, Literal
from kg.query.library import load_query
from kg.rdf.vocab import PREFIXES
src, spec = sys.argv[1], json.loads(sys.argv[2])
t0 = time.perf_counter()
ds = Dataset(default_union=True)
ds.parse(src, format="nquads")
load = time.perf_counter() - t0
out = {"load_s": load, "quads": len(ds), "rss_after_load_mb":
       resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}
for name, params in spec:
    q = load_query(name)
    t0 = time.perf_counter()
    rows = list(ds.query(q.text, initNs=PREFIXES,
                         initBindings={k: Literal(v) for k, v in params.items()}))
    out[name] = time.perf_counter() - t0
    out[name + "_rows"] = len(rows)
    print(json.dumps(out), flush=True)
"""


def _take(src_dir: Path, min_quads: int, out: Path) -> int:
    """Write whole graphs of the store to ``out`` until ``min_quads`` quads; return the count."""
    src = ox.Store.read_only(str(src_dir / "oxigraph"))
    data = src.dump(format=ox.RdfFormat.N_QUADS)
    del src
    lines = data.splitlines(keepends=True)
    n, copy = 0, 0
    with out.open("wb") as fh:
        while n < min_quads:
            prefix = b"" if copy == 0 else b"/id/\\1/c%d-" % copy
            last_graph = None
            for line in lines:
                if n >= min_quads:
                    graph = line.rsplit(b" ", 2)[-2]
                    if graph != last_graph:
                        break
                last_graph = line.rsplit(b" ", 2)[-2]
                fh.write(_RENAME.sub(prefix, line) if copy else line)
                n += 1
            copy += 1
    return n


def _time(fn, repeat: int) -> tuple[float, float, int]:
    """Median wall and CPU seconds of ``fn`` (CPU time does not count other people's load)."""
    rows = fn()
    walls, cpus = [], []
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        rows = fn()
        walls.append(time.perf_counter() - t0)
        cpus.append(time.process_time() - c0)
    return statistics.median(walls), statistics.median(cpus), rows


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from-store", required=True)
    ap.add_argument("--min-quads", type=int, default=1_000_000)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--rdflib-timeout", type=float, default=900)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nq = Path(tmp) / "data.nq"
        quads = _take(Path(args.from_store), args.min_quads, nq)
        store_dir = Path(tmp) / "store"
        store_dir.mkdir()
        raw_store = ox.Store(str(store_dir / "oxigraph"))
        raw_store.bulk_load(path=str(nq), format=ox.RdfFormat.N_QUADS)
        raw_store.flush()
        del raw_store
        raw = ox.Store.read_only(str(store_dir / "oxigraph"))
        kg = open_store(store_dir, writable=False)
        print(f"store: {len(raw)} quads", flush=True)  # noqa: T201
        results = {}
        for name, params in QUERIES:
            q = load_query(name)
            bind = {k: Literal(v) for k, v in params.items()}
            subs = {ox.Variable(k): to_ox(v) for k, v in bind.items()}

            def raw_run(q=q, subs=subs, raw=raw) -> int:
                res = raw.query(q.text, use_default_graph_as_union=True, substitutions=subs,
                                prefixes=PREFIXES)
                width = len(res.variables)
                n = 0
                for sol in res:
                    for i in range(width):
                        sol[i]  # read every term, as kg does when it converts them
                    n += 1
                return n

            def kg_run(q=q, bind=bind) -> int:
                return len(run_query(kg, q, bind).rows)

            t_raw, c_raw, n_raw = _time(raw_run, args.repeat)
            t_kg, c_kg, n_kg = _time(kg_run, args.repeat)
            results[name] = (t_raw, t_kg, c_raw, c_kg, n_raw)
            print(f"{name}: wall raw {t_raw * 1000:.1f} ms, kg {t_kg * 1000:.1f} ms; "  # noqa: T201
                  f"CPU raw {c_raw * 1000:.1f} ms, kg {c_kg * 1000:.1f} ms "
                  f"({c_kg / c_raw:.2f}x), rows {n_raw}/{n_kg}", flush=True)
        kg.close()
        del raw
        spec = json.dumps([(n, p) for n, p in QUERIES])
        rdf: dict = {}
        try:
            r = subprocess.run([sys.executable, "-c", RDFLIB, str(nq), spec], capture_output=True,
                               text=True, timeout=args.rdflib_timeout)
            lines = r.stdout.strip().splitlines()
            rdf = json.loads(lines[-1]) if lines else {}
        except subprocess.TimeoutExpired as e:
            out = (e.stdout or b"").decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
            lines = out.strip().splitlines()
            rdf = json.loads(lines[-1]) if lines else {}
            rdf["timeout"] = args.rdflib_timeout
        print(f"rdflib: {rdf}", flush=True)  # noqa: T201
    parts = []
    for name, (t_raw, t_kg, c_raw, c_kg, n_raw) in results.items():
        r = rdf.get(name)
        rtxt = f"{r * 1000:.0f}ms" if r is not None else f">{rdf.get('timeout', '?')}s"
        parts.append(f"{name}: wall raw={t_raw * 1000:.0f}ms kg={t_kg * 1000:.0f}ms "
                     f"cpu raw={c_raw * 1000:.0f}ms kg={c_kg * 1000:.0f}ms "
                     f"cpu_ratio={c_kg / c_raw:.2f} rdflib={rtxt} rows={n_raw}")
    print(f"query: quads={quads} rdflib_load={rdf.get('load_s', float('nan')):.0f}s "  # noqa: T201
          f"rdflib_rss={rdf.get('rss_after_load_mb', float('nan')):.0f}MB | " + " | ".join(parts))


if __name__ == "__main__":
    main()
