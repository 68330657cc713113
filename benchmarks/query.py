"""Benchmark 3: every saved query, with its heaviest parameters, on a whole-corpus store.

Usage: python benchmarks/query.py STORE [--timeout 300] [--repeat 3] [--baseline DIR]
STORE is a store built by ``kg build`` (e.g. all of Reuters-21578, kept by
``benchmarks/corpus.py --keep-store``). For each saved query and parameter set:
  kg:       ``kg.query.library.run_query(open_store(STORE, writable=False), ...)``, rows read;
  raw:      ``pyoxigraph.Store.read_only`` on the same directory, the same ``.rq`` text, union
            default graph, substitutions, every term of every solution read;
  baseline: (with --baseline DIR) the ``.rq`` of the same name in DIR through kg, e.g. the saved
            queries of an earlier commit (``git archive``), to show before/after in one run.
Each run is a child process killed at --timeout seconds (a miss prints ">TIMEOUT"). Times are
the median wall time of --repeat runs after one warm-up, in one process per query and engine.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import time
from pathlib import Path

# (query, parameters): the most connected entities of Reuters-21578 and its longest article.
CASES: list[tuple[str, dict[str, str]]] = [
    ("who-met-whom", {}),
    ("meetings-timeline", {}),
    ("most-connected", {}),
    ("article-facts", {"article": "reuters-17201"}),
    *[(q, {"name": n}) for q in ("meetings-of", "co-mentioned", "entity-facts", "entity-profile")
      for n in ("Reagan", "United States", "Japan")],
    ("connections", {"from": "Reagan", "to": "Nakasone"}),
    ("connections", {"from": "Baker", "to": "Volcker"}),
    ("meeting-events", {}),
    *[("meeting-events", {"name": n}) for n in ("Reagan", "United States")],
]

CHILD = """
import json, statistics, sys, time
spec = json.loads(sys.argv[1])
if spec["engine"] == "raw":
    import pyoxigraph as ox
    from kg.rdf.vocab import PREFIXES
    store = ox.Store.read_only(spec["store"] + "/oxigraph")
    subs = {ox.Variable(k): ox.Literal(v) for k, v in spec["params"].items()}
    def run():
        res = store.query(spec["text"], use_default_graph_as_union=True, substitutions=subs,
                          prefixes=PREFIXES)
        width, n = len(res.variables), 0
        for sol in res:
            for i in range(width):
                sol[i]
            n += 1
        return n
else:
    from rdflib import Literal
    from kg.query.library import parse_saved, run_query
    from kg.store import open_store
    store = open_store(spec["store"], writable=False)
    q = parse_saved(spec["name"], spec["text"])
    bind = {k: Literal(v) for k, v in spec["params"].items()}
    def run():
        return len(run_query(store, q, bind).rows)
times = []
for i in range(spec["repeat"] + 1):
    t0 = time.perf_counter()
    rows = run()
    if i or not spec["repeat"]:
        times.append(time.perf_counter() - t0)
    print(json.dumps({"rows": rows, "seconds": statistics.median(times) if times else None}),
          flush=True)
"""


def _measure(engine: str, store: str, name: str, text: str, params: dict[str, str],
             repeat: int, timeout: float) -> tuple[float | None, int | None]:
    spec = json.dumps({"engine": engine, "store": store, "name": name, "text": text,
                       "params": params, "repeat": repeat})
    try:
        out = subprocess.run([sys.executable, "-c", CHILD, spec], capture_output=True,
                             text=True, timeout=timeout).stdout
    except subprocess.TimeoutExpired as e:
        out = e.stdout.decode() if isinstance(e.stdout, bytes) else (e.stdout or "")
    lines = [json.loads(x) for x in out.splitlines() if x.startswith("{")]
    last = lines[-1] if lines else {}
    if len(lines) < repeat + 1:  # killed before every run finished: a miss
        return None, last.get("rows")
    return last["seconds"], last["rows"]


def _fmt(t: float | None, timeout: float) -> str:
    return f">{timeout:.0f} s (miss)" if t is None else f"{t:.2f} s"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("store")
    ap.add_argument("--timeout", type=float, default=300.0)
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--baseline", metavar="DIR", help="older saved queries (.rq) to compare")
    ap.add_argument("--queries", metavar="DIR", help="saved queries to time (default: kg's)")
    ap.add_argument("--article", default="reuters-17201",
                    help="article for article-facts (default: the longest of Reuters-21578)")
    args = ap.parse_args()
    from kg.query.files import SAVED_DIR

    qdir = Path(args.queries) if args.queries else SAVED_DIR
    print(f"store: {args.store}; timeout {args.timeout:.0f} s; repeat {args.repeat}",  # noqa: T201
          flush=True)
    kg_times: list[float] = []
    for name, params in CASES:
        if name == "article-facts":
            params = {"article": args.article}
        text = (qdir / f"{name}.rq").read_text(encoding="utf-8")
        t0 = time.perf_counter()
        t_kg, rows = _measure("kg", args.store, name, text, params, args.repeat, args.timeout)
        t_raw, raw_rows = _measure("raw", args.store, name, text, params, args.repeat,
                                   args.timeout)
        line = (f"{name} {json.dumps(params, ensure_ascii=False)}: kg {_fmt(t_kg, args.timeout)}"
                f" ({rows} rows), raw Oxigraph {_fmt(t_raw, args.timeout)}")
        if t_kg is not None and t_raw:
            line += f", kg/raw {t_kg / t_raw:.2f}x"
        if args.baseline:
            old = (Path(args.baseline) / f"{name}.rq").read_text(encoding="utf-8")
            t_old, old_rows = _measure("kg", args.store, name, old, params, 0, args.timeout)
            line += f"; baseline {_fmt(t_old, args.timeout)} ({old_rows} rows)"
            if t_old and t_kg:
                line += f", {t_old / t_kg:.0f}x faster"
        kg_times.append(t_kg if t_kg is not None else float("inf"))
        print(line, f"[{time.perf_counter() - t0:.0f} s]", flush=True)  # noqa: T201
    print(f"median kg time: {statistics.median(kg_times):.2f} s; "  # noqa: T201
          f"max {max(kg_times):.2f} s", flush=True)


if __name__ == "__main__":
    main()
