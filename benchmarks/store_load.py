"""Benchmark 2: loading a corpus's quads through the kg store layer vs pyoxigraph's bulk loader.

Usage: python benchmarks/store_load.py --from-store DIR [--transactions]
DIR is a built store (e.g. ``benchmarks/corpus.py --keep-store DIR`` over all of Reuters). Its
quads are dumped once to a temporary N-Quads file; then, each in a fresh child process:
  raw:  ``pyoxigraph.Store.bulk_load`` of that file into an empty store, in one call;
  kg:   the file read article by article (one named graph's N-Quads at a time, as the build's
        workers hand them over) into a new kg store, the way ``kg build`` loads a new store:
        ``kg.store.bulk.bulk_load_new`` (bulk loader in bounded chunks, staging dir, swap);
  kg-tx (with --transactions): the same articles, one transaction each
        (``replace_article_nquads``), as ``kg build --no-bulk`` or a store with articles does.
Each reports quads/s and the child's peak RSS; this compares storage only, no extraction.
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
from kg.store.bulk import bulk_load_new
from kg.store import open_store
src, dst, mode = sys.argv[1:4]
articles = 0
def chunks():
    # What kg build hands the store: one article's N-Quads at a time. The dump lists quads
    # graph by graph, and every line ends with "<graph> ."; reading it is timed on both sides.
    global articles
    current, lines = None, []
    with open(src, "rb") as fh:
        for line in fh:
            g = line.rsplit(b" ", 2)[1]
            if g != current and lines:
                articles += 1
                yield current, b"".join(lines)
                lines = []
            current = g
            lines.append(line)
    if lines:
        articles += 1
        yield current, b"".join(lines)
t0 = time.perf_counter()
with open_store(dst) as s:
    if mode == "bulk":  # a new store: kg build's default (kg/store/bulk.py)
        bulk_load_new(s, (nq for _, nq in chunks()))
    else:  # --no-bulk, or a store that already has articles: one transaction per article
        for g, nq in chunks():
            s.replace_article_nquads(g[1:-1].decode(), nq)
    n = len(s)
    t1 = time.perf_counter()
    hashes = len(s.article_hashes())  # what an incremental re-run reads first
    hash_s = time.perf_counter() - t1
timed = time.perf_counter() - t0 - hash_s  # closing flushes, as the raw side's flush() does
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
    ap.add_argument("--transactions", action="store_true",
                    help="also time per-article transactions (kg build --no-bulk)")
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
        kg = _child(KG, str(nq), str(Path(tmp) / "kg"), "bulk")
        print(f"kg bulk: {kg}", flush=True)  # noqa: T201
        tx = _child(KG, str(nq), str(Path(tmp) / "tx"), "tx") if args.transactions else None
        if tx:
            print(f"kg transactions: {tx}", flush=True)  # noqa: T201
    rq, kq = raw["quads"] / raw["seconds"], kg["quads"] / kg["seconds"]
    extra = (f"kg_tx={tx['quads'] / tx['seconds']:.0f}q/s ({tx['seconds']:.0f}s, "
             f"{tx['rss_mb']:.0f}MB) tx_ratio={tx['quads'] / tx['seconds'] / rq:.2f} "
             if tx else "")
    print(f"store_load: quads={raw['quads']} articles={kg['articles']} "  # noqa: T201
          f"raw={rq:.0f}q/s ({raw['seconds']:.0f}s, {raw['rss_mb']:.0f}MB) "
          f"kg={kq:.0f}q/s ({kg['seconds']:.0f}s, {kg['rss_mb']:.0f}MB) ratio={kq / rq:.2f} "
          f"{extra}same_count={raw['quads'] == kg['quads']} "
          f"article_hashes={kg['hashes']} in {kg['hashes_s']:.2f}s")


if __name__ == "__main__":
    main()
