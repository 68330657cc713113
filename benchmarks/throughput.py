"""Benchmark 1: ``kg build`` words/s against raw ``nlp.pipe`` on the same texts, 1 and 2 processes.

Usage: python benchmarks/throughput.py [--corpus PATH] [-n 300] [--jobs 1 2]
Raw = the spaCy pipeline alone (same model, no kg components) over the article texts;
kg = ``kg.ingest.build.build`` into a fresh Oxigraph store (extraction, RDF mapping, commits).
Both run in this one process, model load excluded, alternating for --rounds rounds; the best
words/s of each is kept (on a shared machine the slowest runs measure other people's load).
The CPU time of each (this process plus its finished worker processes) is reported too: it
does not depend on contention, so the CPU ratio is the stable one on a shared machine.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _common import DEFAULT_CORPUS, read_records, write_subset  # noqa: E402

from kg.extract.pipeline import COMPONENTS, load_nlp  # noqa: E402
from kg.ingest.build import build  # noqa: E402
from kg.store import open_store  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=DEFAULT_CORPUS)
    ap.add_argument("-n", type=int, default=300, help="articles (the first N of the corpus)")
    ap.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--rounds", type=int, default=2, help="alternating rounds; best of each")
    args = ap.parse_args()
    texts = [r["text"] for r in read_records(args.corpus, args.n)]
    words = sum(len(t.split()) for t in texts)
    nlp = load_nlp()
    best: dict[tuple[str, int], float] = {}
    cpu: dict[tuple[str, int], float] = {}

    def cpu_now() -> float:
        # Worker processes count once they have exited (both sides' pools are joined).
        kids = resource.getrusage(resource.RUSAGE_CHILDREN)
        return time.process_time() + kids.ru_utime + kids.ru_stime

    def record(key: tuple[str, int], t0: float, c0: float) -> None:
        best[key] = max(best.get(key, 0.0), words / (time.perf_counter() - t0))
        cpu[key] = min(cpu.get(key, float("inf")), cpu_now() - c0)

    with tempfile.TemporaryDirectory(prefix="kg-bench-") as tmp:
        src = str(write_subset(args.corpus, args.n, Path(tmp) / "subset.jsonl.gz"))
        for rnd in range(args.rounds):
            for jobs in args.jobs:
                t0, c0 = time.perf_counter(), cpu_now()
                with nlp.select_pipes(disable=list(COMPONENTS)):
                    for _ in nlp.pipe(texts, batch_size=args.batch_size, n_process=jobs):
                        pass
                record(("raw", jobs), t0, c0)
                with open_store(Path(tmp) / f"store{rnd}-{jobs}") as store:
                    t0, c0 = time.perf_counter(), cpu_now()
                    s = build([src], store, jobs=jobs, batch_size=args.batch_size, lang="any")
                    record(("kg", jobs), t0, c0)
                print(f"round {rnd} jobs={jobs}: raw {best['raw', jobs]:.0f} words/s, "  # noqa: T201
                      f"kg {best['kg', jobs]:.0f} words/s (best so far; {len(s.built)} built)",
                      flush=True)
    parts = [f"j{j}: raw={best['raw', j]:.0f}w/s kg={best['kg', j]:.0f}w/s "
             f"ratio={best['kg', j] / best['raw', j]:.2f}" for j in args.jobs]
    parts += [f"j{j}_cpu: raw={words / cpu['raw', j]:.0f} kg={words / cpu['kg', j]:.0f} "
              f"words/cpu-s ratio={cpu['raw', j] / cpu['kg', j]:.2f}" for j in args.jobs]
    if 1 in args.jobs and 2 in args.jobs:
        parts.append(f"speedup_2v1: raw={best['raw', 2] / best['raw', 1]:.2f}x "
                     f"kg={best['kg', 2] / best['kg', 1]:.2f}x")
    print(f"throughput: n={len(texts)} words={words} best_of={args.rounds} "  # noqa: T201
          + " | ".join(parts))

if __name__ == "__main__":
    main()
