"""Reliability figures for docs/reliability.md: huge inputs, a longer kill -9 loop, and language
detection on a Reuters sample. Prints markdown tables.

    .venv/bin/python benchmarks/reliability.py [--kills 20] [--reuters PATH] [--skip-reuters]
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path


def out(text: str) -> None:
    """One line of the report on stdout."""
    sys.stdout.write(text + "\n")
    sys.stdout.flush()

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

REUTERS = ROOT.parent / "shared" / "datasets" / "reuters21578" / "reuters.jsonl.gz"
WORDS = ("the minister said that officials from the ministry met with delegates in the "
         "capital and discussed the plan for new roads schools and farms").split()


def _one(path: str, no_cap: bool) -> None:
    """Child mode: build ``path`` into memory:, print seconds, peak RSS and the summary."""
    import importlib

    from kg.store import open_store

    stage = importlib.import_module("kg.ingest.build")
    if no_cap:
        stage.cap_sentences = lambda doc: 0
    t0 = time.perf_counter()
    s = stage.build([path], open_store("memory:"))
    secs = time.perf_counter() - t0
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    reason = s.problems[0].reason if s.problems else f"built, {s.split_sentences} cuts"
    out(json.dumps({"seconds": round(secs, 2), "rss_mb": rss, "result": reason}))


def _child(path: Path, no_cap: bool = False) -> dict:
    args = [sys.executable, __file__, "--one", str(path)] + (["--no-cap"] if no_cap else [])
    r = subprocess.run(args, capture_output=True, text=True, cwd=ROOT, check=True)
    return json.loads(r.stdout.strip().splitlines()[-1])


def huge_inputs(tmp: Path) -> None:
    rng = random.Random(3)
    cases = []
    seed = ROOT / "seeds" / "001-us-envoy-heads-to-moscow.txt"
    cases.append(("seed article (3 KB), for comparison", seed, False))
    big = tmp / "big.txt"
    big.write_bytes(b"Title\n\n" + b"Bob met Alice in Paris. " * 2_200_000)
    cases.append((f"{big.stat().st_size / 1e6:.0f} MB .txt", big, False))
    line = tmp / "big.jsonl"
    line.write_text(json.dumps({"id": "x", "text": "Bob met Alice. " * 3_400_000}) + "\n")
    cases.append((f"{line.stat().st_size / 1e6:.0f} MB .jsonl, one line", line, False))
    long = tmp / "long.txt"
    long.write_text("T\n\n" + "Bob met Alice in Paris. " * 60_000)
    cases.append((f"{long.stat().st_size / 1e6:.2f} MB .txt (over nlp.max_length)", long, False))
    run = tmp / "run-on.txt"
    run.write_text("T\n\n" + " ".join(rng.choice(WORDS) for _ in range(10_000)) + ".\n")
    cases.append(("one 10,000-token sentence, cut at 200 tokens", run, False))
    cases.append(("one 10,000-token sentence, not cut (before)", run, True))
    out("| input | time (s) | peak RSS (MB) | result |\n|---|---|---|---|")
    for label, path, no_cap in cases:
        r = _child(path, no_cap)
        out(f"| {label} | {r['seconds']} | {r['rss_mb']} | {r['result']} |")


def kill_loop(tmp: Path, kills: int) -> None:
    from reliability_corpus import snapshot_kg, store_graphs, write_corpus

    corpus = write_corpus(tmp / "corpus", articles=24)
    code = snapshot_kg(tmp / "code")  # every run uses the same code, whatever the tree does
    cmd = [sys.executable, "-m", "kg", "build", str(corpus), "--store"]
    t0 = time.monotonic()
    subprocess.run([*cmd, str(tmp / "clean")], cwd=code, capture_output=True, check=True)
    seconds = time.monotonic() - t0
    clean = store_graphs(tmp / "clean")
    rng = random.Random(1)
    store = tmp / "crash"
    torn = 0
    counts = []
    for _ in range(kills):
        # --force: every run rewrites every article, so kills also land mid-replacement.
        p = subprocess.Popen([*cmd, str(store), "--force"], cwd=code, stdout=subprocess.DEVNULL,
                             stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2 * seconds, 1.1 * seconds))
        p.send_signal(signal.SIGKILL)
        p.wait()
        # Killed before it created the store (still importing): nothing to check.
        got = store_graphs(store) if (store / "oxigraph").exists() else {}
        torn += sum(got[g] != clean[g] for g in got)
        counts.append(len(got))
    r = subprocess.run([*cmd, str(store)], cwd=code, capture_output=True, text=True, check=True)
    final = store_graphs(store)
    quads = sum(map(len, clean.values()))
    out(f"\nkill -9 loop: {kills} kills over a {len(clean)}-article corpus "
          f"(clean build {seconds:.1f}s, {quads} quads)")
    out(f"- articles present after each kill: {counts}")
    out(f"- torn article graphs found: {torn}")
    out(f"- re-run: {r.stdout.strip()}")
    out(f"- re-run equals the clean build quad for quad: {final == clean}")


def store_kill_loop(tmp: Path, kills: int) -> None:
    """kill -9 a process that replaces 2,000-triple graphs in a loop (no model)."""
    from reliability_corpus import store_graphs
    from test_reliability import WRITER

    store = tmp / "writes"
    rng = random.Random(2)
    states: dict[str, int] = defaultdict(int)
    for _ in range(kills):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(store)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
        assert p.stdout and p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 1.0))
        p.send_signal(signal.SIGKILL)
        p.wait()
        got = store_graphs(store)
        for a in range(4):
            quads = got.get(f"<https://example.org/g/{a}>", set())
            versions = {q.split('"')[1] for q in quads}
            if not quads:
                states["absent"] += 1
            elif len(versions) == 1 and len(quads) == 2000:
                states["one whole version"] += 1
            else:
                states["TORN"] += 1
    out(f"\nkill -9 during store writes: {kills} kills of a writer replacing 4 graphs of "
        f"2,000 triples in a loop")
    out(f"- graph states seen after the kills: {dict(states)}")


def reuters_language(path: Path, every: int) -> None:
    from kg.sources.language import language_problem
    from kg.sources.text import clean_text

    n = 0
    skipped = []
    t0 = time.perf_counter()
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for i, line in enumerate(fh):
            if i % every:
                continue
            text = clean_text(json.loads(line).get("text") or "")
            if not text.strip():
                continue
            n += 1
            if reason := language_problem(text):
                skipped.append((reason, text[:60].replace("\n", " ")))
    secs = time.perf_counter() - t0
    out(f"\nlanguage detection on every {every}th Reuters article: {n} articles, "
          f"{len(skipped)} skipped ({len(skipped) / max(n, 1):.2%}), "
          f"{1000 * secs / max(n, 1):.1f} ms per article")
    for reason, start in skipped:
        out(f"- {reason.split(';')[0]}: {start!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--one", help=argparse.SUPPRESS)
    ap.add_argument("--no-cap", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--kills", type=int, default=20, help="kill -9 iterations")
    ap.add_argument("--reuters", type=Path, default=REUTERS, help="reuters.jsonl.gz path")
    ap.add_argument("--every", type=int, default=6, help="language check on every Nth article")
    ap.add_argument("--skip-reuters", action="store_true")
    ap.add_argument("--skip-huge", action="store_true")
    args = ap.parse_args()
    if args.one:
        _one(args.one, args.no_cap)
        return
    with tempfile.TemporaryDirectory() as d:
        if not args.skip_huge:
            huge_inputs(Path(d))
        store_kill_loop(Path(d), args.kills * 2)
        kill_loop(Path(d), args.kills)
    if not args.skip_reuters and args.reuters.exists():
        reuters_language(args.reuters, args.every)


if __name__ == "__main__":
    main()
