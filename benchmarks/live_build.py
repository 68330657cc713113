"""`kg build` while `kg serve` runs on the same store (issue 16), on Reuters-21578.

Builds a store of the first N Reuters articles, starts `kg serve` on it and 20 client threads
that alternate the per-article triple counts and who-met-whom, lets them run alone for a
while, then runs `kg build` of the next M articles and a second `kg build` that changes K of
the first ones (their text cut to its first half). Prints the request rate and latency with
and without a build going on (side by side, one run), the time from each build's end to the
endpoint showing it, and the checks: 0 HTTP errors, no answer that is not a whole version of
the store, no client seeing an older version after a newer one, every article seen with its
final triple count (old or new for the changed ones), and the endpoint equal to a fresh
`kg serve` afterwards.

    .venv/bin/python benchmarks/live_build.py [CORPUS] [--base 200] [--more 300] [--changed 20]
        [--virtuoso sparql+http://127.0.0.1:18890/sparql]

The corpus is read in place (research-only licence); scratch files go to --work (a temporary
directory by default), never into the repository.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from _common import DEFAULT_CORPUS, read_records  # noqa: E402
from live_clients import Run, build_while_serving, check, check_articles  # noqa: E402


def say(msg: str) -> None:
    sys.stdout.write(msg + "\n")
    sys.stdout.flush()


def write_jsonl(path: Path, records: list[dict]) -> Path:
    with path.open("w", encoding="utf-8") as fh:
        for r in records:
            fh.write(json.dumps(r) + "\n")
    return path


def halved(record: dict) -> dict:
    """The record with its text cut to the first half of its lines (a changed article)."""
    lines = record["text"].splitlines()
    return {**record, "text": "\n".join(lines[: max(1, len(lines) // 2)])}


def window(run: Run, t0: float, t1: float) -> tuple[float, float, float, int]:
    """Requests per second, p50 and p99 latency (ms), and count of answers in [t0, t1)."""
    lat = sorted(dt for log in run.seen for t, _, _, dt in log.answers if t0 <= t < t1)
    if not lat:
        return 0.0, 0.0, 0.0, 0
    p99 = lat[min(len(lat) - 1, int(0.99 * len(lat)))]
    return len(lat) / (t1 - t0), statistics.median(lat) * 1000, p99 * 1000, len(lat)


def report(run: Run, label: str, quiet_start: float) -> None:
    errors = sum(len(log.errors) for log in run.seen)
    problems = check(run.seen, run.states)
    before, after = dict(run.states[1].counts), dict(run.states[2].counts)
    moved = {g for g in after if before.get(g) != after[g]}
    # Cross-article linking also rewrites some older articles (a short name gets its full
    # name's IRI): each such article may be seen in each of its versions, nothing else.
    versions = {g: {dict(s.counts)[g] for s in run.states if g in dict(s.counts)} for g in after}
    relinked = {g for g, v in versions.items() if len(v) > 1} - moved
    article_problems = check_articles(run.seen, after, versions)
    quiet = window(run, quiet_start, run.builds[0][0])
    busy = window(run, run.builds[0][0], run.builds[-1][1])
    say(f"\n### {label}\n")
    say("| | requests | req/s | p50 ms | p99 ms |")
    say("|---|---|---|---|---|")
    say(f"| no build running | {quiet[3]} | {quiet[0]:.1f} | {quiet[1]:.0f} | {quiet[2]:.0f} |")
    say(f"| during the two builds | {busy[3]} | {busy[0]:.1f} | {busy[1]:.0f} | {busy[2]:.0f} |")
    say(f"| ratio (during / without) | | {busy[0] / max(quiet[0], 1e-9):.2f}x | "
        f"{busy[1] / max(quiet[1], 1e-9):.2f}x | {busy[2] / max(quiet[2], 1e-9):.2f}x |")
    say("")
    for n, ((t0, t1), vis) in enumerate(zip(run.builds, run.visible, strict=True), 1):
        say(f"- build {n}: {t1 - t0:.1f} s; its articles visible {vis:+.2f} s after `kg build` "
            "exited (negative: before the process had finished exiting)")
    say(f"- articles: {len(run.states[0].counts)} -> {len(before)} -> {len(after)}; "
        f"{len(moved)} articles changed in build 2; {len(relinked)} older articles "
        "rewritten by cross-article linking")
    say(f"- HTTP errors: {errors}; answers that are no whole version or go back: "
        f"{len(problems)}; article-count or triple-count problems: {len(article_problems)}")
    say(f"- endpoint after the builds equals a fresh kg serve: {run.served == run.fresh}")
    for p in (problems + article_problems)[:10]:
        say(f"  - {p}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("corpus", nargs="?", default=DEFAULT_CORPUS)
    ap.add_argument("--base", type=int, default=200)
    ap.add_argument("--more", type=int, default=300)
    ap.add_argument("--changed", type=int, default=20)
    ap.add_argument("--clients", type=int, default=20)
    ap.add_argument("--quiet", type=float, default=30.0, help="seconds of queries alone first")
    ap.add_argument("--work", type=Path, default=None, help="scratch directory (kept)")
    ap.add_argument("--virtuoso", default=None, metavar="URL",
                    help="also run on this sparql+http:// store (its article graphs are dropped)")
    args = ap.parse_args()
    work = args.work or Path(tempfile.mkdtemp(prefix="kg-live-"))
    work.mkdir(parents=True, exist_ok=True)
    records = list(read_records(args.corpus, args.base + args.more))
    base = write_jsonl(work / "base.jsonl", records[: args.base])
    more = write_jsonl(work / "more.jsonl", records[args.base:])
    longest = sorted(records[: args.base], key=lambda r: -len(r["text"]))[: args.changed]
    changed = write_jsonl(work / "changed.jsonl", [halved(r) for r in longest])
    say(f"`uptime` at start: {os.getloadavg()[0]:.1f} load (1 min), {os.cpu_count()} CPUs")

    pristine = work / "base-store"
    if not (pristine / "oxigraph").exists():
        subprocess.run([sys.executable, "-m", "kg", "build", str(base), "--store", str(pristine)],
                       cwd=ROOT, check=True)
    store = work / "store"
    shutil.rmtree(store, ignore_errors=True)
    shutil.copytree(pristine, store)
    t = time.monotonic()
    run = build_while_serving(str(store), [more, changed], ROOT, clients=args.clients,
                              quiet=args.quiet)
    report(run, f"Oxigraph store, {args.base} + {args.more} articles, {args.clients} clients", t)
    say(f"- snapshots left on disk: {len(list((store / 'snapshots').iterdir()))}")

    if args.virtuoso:
        from kg.ingest.build import build
        from kg.store import open_store

        with open_store(args.virtuoso) as v:
            for aid in v.article_hashes():
                from kg.rdf.iri import graph_iri

                v.remove_article(graph_iri(aid))
            build([str(base)], v)
        t = time.monotonic()
        run = build_while_serving(args.virtuoso, [more, changed], ROOT, clients=args.clients,
                                  quiet=args.quiet)
        report(run, f"Virtuoso, {args.base} + {args.more} articles, {args.clients} clients", t)
    say(f"\n`uptime` at the end: {os.getloadavg()[0]:.1f} load (1 min)")


if __name__ == "__main__":
    main()
