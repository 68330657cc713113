"""Benchmark 4: all of Reuters through ``kg build --jobs N``: wall time and peak RSS.

Usage: python benchmarks/corpus.py [--corpus PATH] [--limit N] [--jobs 2]
Peak RSS is the summed RSS of the kg process and its spaCy workers, sampled every 0.25 s.
With --limit the figures are for the first N articles and the wall time is extrapolated
linearly to the whole corpus (extraction time is linear in words; the store is not the
bottleneck, see BENCHMARKS.md). CPU seconds of the main process and of all processes are
reported as well: on a shared machine they, not the wall time, say what an idle one would take.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, TreeRSS, read_records, write_subset  # noqa: E402

from kg.info import disk_size  # noqa: E402

KG = str(Path(sys.executable).with_name("kg"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None, help="first N articles only")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--keep-store", metavar="DIR",
                    help="build into DIR and keep it (store_load.py and query.py reuse it)")
    args = ap.parse_args()
    total = sum(1 for _ in read_records(args.corpus))
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        src = args.corpus
        if args.limit:
            src = str(write_subset(args.corpus, args.limit, Path(tmp) / "subset.jsonl.gz"))
        n = args.limit or total
        store = Path(args.keep_store) if args.keep_store else Path(tmp) / "store"
        t0 = time.perf_counter()
        proc = subprocess.Popen([KG, "build", src, "--store", str(store), "--jobs", str(args.jobs)],
                                stdout=subprocess.PIPE, text=True)
        with TreeRSS(proc.pid) as rss:
            out, _ = proc.communicate()
        wall = time.perf_counter() - t0
        print(out.strip())  # noqa: T201
        size = (disk_size(store) or 0) / 1e6
    est = wall * total / n
    print(  # noqa: T201
        f"corpus: articles={n}/{total} jobs={args.jobs} wall={wall:.1f}s "
        f"wall_whole_corpus_est={est / 60:.1f}min peak_rss={rss.peak_mb:.0f}MB "
        f"store={size:.0f}MB exit={proc.returncode} cpu_main={rss.main_cpu:.0f}s "
        f"cpu_total={rss.total_cpu:.0f}s"
    )


if __name__ == "__main__":
    main()
