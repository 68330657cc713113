"""Benchmark 2: loading a corpus's quads through the kg store layer vs pyoxigraph's bulk loader.

Usage: python benchmarks/store_load.py --from-store DIR [--limit-graphs N]
DIR is a built store (e.g. ``benchmarks/corpus.py --keep-store DIR`` over all of Reuters). Its
quads are dumped once to a temporary N-Quads file; then, each in a fresh child process:
  raw: ``pyoxigraph.Store.bulk_load`` of that file into an empty store;
  kg:  one rdflib Graph per article (built untimed from the file), each written with
       ``OxigraphStore.replace_article`` -- one transaction per article, as ``kg build`` does.
Both report quads/s and the child's peak RSS; this compares storage only, no extraction.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

RAW = """
import json, resource, sys, time
import pyoxigraph as ox
src, dst = sys.argv[1:3]
t0 = time.perf_counter()
s = ox.Store(dst)
s.bulk_load(path=src, format=ox.RdfFormat.N_QUADS)
s.flush()
sec = time.perf_counter() - t0
print(json.dumps({"quads": len(s), "seconds": sec,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""

KG = """
import json, resource, sys, time
import pyoxigraph as ox
from rdflib import Graph
from kg.store import from_ox, open_store
src, dst = sys.argv[1:3]
timed = 0.0
articles = 0
def graphs():
    # The dump lists quads graph by graph, so one article's graph is built at a time.
    current, g = None, None
    for q in ox.parse(path=src, format=ox.RdfFormat.N_QUADS):
        if q.graph_name != current:
            if g is not None:
                yield g
            current, g = q.graph_name, Graph(identifier=from_ox(q.graph_name))
        g.add((from_ox(q.subject), from_ox(q.predicate), from_ox(q.object)))
    if g is not None:
        yield g
with open_store(dst) as s:
    for g in graphs():
        t0 = time.perf_counter()
        s.replace_article(g)
        timed += time.perf_counter() - t0
        articles += 1
    n = len(s)
    t1 = time.perf_counter()
    hashes = len(s.article_hashes())  # what an incremental re-run reads first
    hash_s = time.perf_counter() - t1
    t0 = time.perf_counter()
timed += time.perf_counter() - t0  # closing flushes, as the raw side's flush() does
print(json.dumps({"quads": n, "seconds": timed, "articles": articles, "hashes": hashes,
                  "hashes_s": hash_s,
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def _child(code: str, *args: str) -> dict:
    r = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True)
    if r.returncode:
        sys.exit(f"benchmark child failed:\n{r.stderr[-2000:]}")
    return json.loads(r.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from-store", required=True, help="a built kg store directory")
    args = ap.parse_args()
    import pyoxigraph as ox

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        nq = Path(tmp) / "corpus.nq"
        t0 = time.perf_counter()
        src = ox.Store.read_only(str(Path(args.from_store) / "oxigraph"))
        src.dump(output=str(nq), format=ox.RdfFormat.N_QUADS)
        del src
        print(f"dumped {nq.stat().st_size / 1e6:.0f} MB of N-Quads in "  # noqa: T201
              f"{time.perf_counter() - t0:.0f}s", flush=True)
        raw = _child(RAW, str(nq), str(Path(tmp) / "raw"))
        print(f"raw bulk_load: {raw}", flush=True)  # noqa: T201
        kg = _child(KG, str(nq), str(Path(tmp) / "kg"))
        print(f"kg replace_article: {kg}", flush=True)  # noqa: T201
    rq, kq = raw["quads"] / raw["seconds"], kg["quads"] / kg["seconds"]
    print(f"store_load: quads={raw['quads']} articles={kg['articles']} "  # noqa: T201
          f"raw={rq:.0f}q/s ({raw['seconds']:.0f}s, {raw['rss_mb']:.0f}MB) "
          f"kg={kq:.0f}q/s ({kg['seconds']:.0f}s, {kg['rss_mb']:.0f}MB) ratio={kq / rq:.2f} "
          f"same_count={raw['quads'] == kg['quads']} "
          f"article_hashes={kg['hashes']} in {kg['hashes_s']:.2f}s")


if __name__ == "__main__":
    main()
