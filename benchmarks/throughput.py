"""Benchmark 1: ``kg build`` words/s against raw ``nlp.pipe`` on the same texts, 1 and 2 processes.

Usage: python benchmarks/throughput.py [--corpus PATH] [-n 300] [--jobs 1 2]
Raw = the spaCy pipeline alone (same model, no kg components) over the article texts;
kg = ``kg.build.build`` into a fresh Oxigraph store (extraction, RDF mapping, commits).
Both run in this one process, model load excluded from both, one after the other.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, read_records, write_subset  # noqa: E402

from kg.build import build  # noqa: E402
from kg.extract.pipeline import COMPONENTS, load_nlp  # noqa: E402
from kg.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("-n", type=int, default=300, help="articles (the first N of the corpus)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    args = ap.parse_args()
    texts = [r["text"] for r in read_records(args.corpus, args.n)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    out = {}
    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        src = str(write_subset(args.corpus, args.n, Path(tmp) / "subset.jsonl.gz"))
        for jobs in args.jobs:
            t0 = time.perf_counter()
            with nlp.select_pipes(disable=list(COMPONENTS)):
                for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=jobs):
                    pass
            raw = words / (time.perf_counter() - t0)
            with open_store(Path(tmp) / f"store{jobs}") as store:
                t0 = time.perf_counter()
                s = build([src], store, jobs=jobs, batch_size=args.batch_size, lang="any")
                kg = words / (time.perf_counter() - t0)
            out[jobs] = (raw, kg, len(s.built))
            print(f"jobs={jobs}: raw {raw:.0f} words/s, kg build {kg:.0f} words/s "  # noqa: T201
                  f"({len(s.built)} built), ratio {kg / raw:.2f}", flush=True)
    parts = [f"j{j}: raw={r:.0f}w/s kg={k:.0f}w/s ratio={k / r:.2f}"
             for j, (r, k, _) in out.items()]
    if 1 in out and 2 in out:
        parts.append(f"speedup_2v1: raw={out[2][0] / out[1][0]:.2f}x "
                     f"kg={out[2][1] / out[1][1]:.2f}x")
    print(f"throughput: n={len(texts)} words={words} " + " | ".join(parts))  # noqa: T201


if __name__ == "__main__":
    main()
