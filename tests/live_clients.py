"""Clients that query a running ``kg serve`` while builds write its store, and the checks on
what they saw (tests/test_live_build.py and benchmarks/live_build.py).

Each client thread alternates two requests: the per-article triple counts (one SPARQL
query) and the saved who-met-whom. Every answer is kept with the time it arrived, so the
checks can compare it with the states the store went through.
"""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import httpx

# Article graphs only: a SPARQL server such as Virtuoso keeps graphs of its own.
COUNTS = ("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } "
          'FILTER(STRSTARTS(STR(?g), "https://w3id.org/kg-news/id/graph/")) } GROUP BY ?g')
JSON = {"Accept": "application/sparql-results+json"}

Counts = dict[str, int]  # article graph IRI -> triples
Meetings = Counter  # (participant1, participant2, article) -> rows


@dataclass(frozen=True)
class State:
    """What the endpoint answers for one version of the store."""

    counts: tuple[tuple[str, int], ...]
    meetings: tuple[tuple[tuple[str, str, str], int], ...]

    @staticmethod
    def of(counts: Counts, meetings: Meetings) -> State:
        return State(tuple(sorted(counts.items())), tuple(sorted(meetings.items())))


@dataclass
class Seen:
    """One client's log: answers (time, kind, value) and failures (time, what)."""

    answers: list[tuple[float, str, object, float]] = field(default_factory=list)
    errors: list[tuple[float, str]] = field(default_factory=list)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def parse_counts(body: dict) -> Counts:
    return {b["g"]["value"]: int(b["n"]["value"]) for b in body["results"]["bindings"]}


def parse_meetings(body: dict) -> Meetings:
    return Counter((b["participant1"]["value"], b["participant2"]["value"],
                    b["article"]["value"]) for b in body["results"]["bindings"])


def ask_state(base: str, client: httpx.Client | None = None) -> State:
    """The endpoint's current answers to both requests."""
    c = client or httpx.Client(timeout=60)
    counts = c.get(base + "sparql", params={"query": COUNTS}, headers=JSON)
    meetings = c.get(base + "queries/who-met-whom", headers=JSON)
    counts.raise_for_status()
    meetings.raise_for_status()
    return State.of(parse_counts(counts.json()), parse_meetings(meetings.json()))


def start_server(store: str, cwd: Path | None = None, env: dict | None = None,
                 ) -> tuple[subprocess.Popen[bytes], str]:
    """``kg serve`` on a free loopback port; returns the process and its base URL once up."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "kg", "serve", "--store", store,
                             "--port", str(port)], cwd=cwd, env=env,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    base = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"kg serve exited: {proc.stderr.read().decode() if proc.stderr else ''}")
        try:
            if httpx.get(base + "sparql", params={"query": "ASK {}"}).status_code == 200:
                return proc, base
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("kg serve did not come up")


class Clients:
    """``n`` threads querying ``base`` until stopped, each waiting ``pause`` s between requests."""

    def __init__(self, base: str, n: int = 20, pause: float = 0.0) -> None:
        self.base = base
        self.pause = pause  # seconds between a client's requests
        self.seen = [Seen() for _ in range(n)]
        self._stop = threading.Event()
        self._threads = [threading.Thread(target=self._run, args=(s,), daemon=True)
                         for s in self.seen]

    def __enter__(self) -> Clients:
        for t in self._threads:
            t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        for t in self._threads:
            t.join(120)

    def _run(self, seen: Seen) -> None:
        with httpx.Client(timeout=60) as c:
            n = 0
            while not self._stop.wait(self.pause if n else 0.0):
                kind = "counts" if n % 2 == 0 else "meetings"
                n += 1
                t0 = time.monotonic()
                try:
                    if kind == "counts":
                        r = c.get(self.base + "sparql", params={"query": COUNTS}, headers=JSON)
                    else:
                        r = c.get(self.base + "queries/who-met-whom", headers=JSON)
                except httpx.HTTPError as e:
                    seen.errors.append((t0, f"{kind}: {type(e).__name__}: {e}"))
                    continue
                t1 = time.monotonic()
                if r.status_code != 200:
                    seen.errors.append((t0, f"{kind}: HTTP {r.status_code}: {r.text[:200]}"))
                    continue
                value = (parse_counts(r.json()) if kind == "counts"
                         else parse_meetings(r.json()))
                seen.answers.append((t1, kind, value, t1 - t0))


def check(seen: list[Seen], states: list[State]) -> list[str]:
    """Problems with what the clients saw, given the store's versions in order.

    Every answer must be one of the versions' answers (never a mix), and each client must
    see the versions in order (never an older one after a newer one).
    """
    problems: list[str] = []
    for c, log in enumerate(seen):
        problems += [f"client {c}: {what}" for _, what in log.errors]
        floor = 0  # the newest version this client has certainly seen
        for _, kind, value, _ in log.answers:
            key = tuple(sorted(value.items()))  # type: ignore[union-attr]
            versions = [i for i, s in enumerate(states)
                        if (s.counts if kind == "counts" else s.meetings) == key]
            if not versions:
                problems.append(f"client {c}: a {kind} answer that is no version of the store")
            elif max(versions) < floor:
                problems.append(f"client {c}: saw version {max(versions)} after {floor}")
            else:
                floor = max(floor, min(versions))
    return problems


def check_articles(seen: list[Seen], final: Counts, changed: dict[str, set[int]]) -> list[str]:
    """The issue's own checks: article counts never go down for a client, and each article
    seen has its final triple count (or, for a changed one, its old or its new count)."""
    problems: list[str] = []
    for c, log in enumerate(seen):
        most = 0
        for _, kind, value, _ in log.answers:
            if kind != "counts":
                continue
            assert isinstance(value, dict)
            if len(value) < most:
                problems.append(f"client {c}: article count went down {most} -> {len(value)}")
            most = max(most, len(value))
            for g, n in value.items():
                allowed = changed.get(g, {final.get(g, -1)})
                if n not in allowed:
                    problems.append(f"client {c}: {g} had {n} triples, not {sorted(allowed)}")
    return problems


def first_seen(seen: list[Seen], state: State) -> float | None:
    """When a client first got an answer of ``state`` (counts), or None."""
    times = [t for log in seen for t, kind, value, _ in log.answers
             if kind == "counts" and tuple(sorted(value.items())) == state.counts]  # type: ignore[union-attr]
    return min(times) if times else None


def stored_state(spec: str) -> State:
    """The store's newest version as `kg query` reads it (not through the endpoint)."""
    from kg.query.library import load_query, run_query
    from kg.store import open_store

    with open_store(spec, writable=False) as s:
        counts = {str(r[0]): int(str(r[1])) for r in s.query(COUNTS).rows}
        rows = run_query(s, load_query("who-met-whom")).rows
    return State.of(counts, Counter((str(r[0]), str(r[1]), str(r[6])) for r in rows))


def wait_for(base: str, state: State, seconds: float = 60) -> float:
    """Seconds until the endpoint answers ``state`` (raises after ``seconds``)."""
    t0 = time.monotonic()
    while ask_state(base) != state:
        if time.monotonic() - t0 > seconds:
            raise AssertionError("the endpoint never showed the new version")
        time.sleep(0.1)
    return time.monotonic() - t0


def stop(proc: subprocess.Popen[bytes]) -> None:
    """Ctrl-C a server, as a user would; kill it if it does not stop."""
    proc.send_signal(signal.SIGINT)
    try:
        proc.wait(30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


@dataclass
class Run:
    """What :func:`build_while_serving` saw."""

    states: list[State]  #: the store before, and after each build
    seen: list[Seen]  #: each client's answers
    builds: list[tuple[float, float]]  #: each build's start and end (time.monotonic())
    visible: list[float]  #: seconds from each build's end until the endpoint showed it
    served: State  #: the endpoint's answers at the end
    fresh: State  #: a fresh kg serve's answers on the same store


def build_while_serving(spec: str, corpora: list[Path], cwd: Path, clients: int = 20,
                        pause: float = 0.0, build_args: tuple[str, ...] = (),
                        quiet: float = 1.0) -> Run:
    """Serve ``spec`` with ``kg serve`` while ``clients`` threads query it, and run
    ``kg build CORPUS --store SPEC`` for each corpus in turn (no flags, no waiting), after
    ``quiet`` seconds of queries alone."""
    states = [stored_state(spec)]
    builds: list[tuple[float, float]] = []
    visible: list[float] = []
    server, base = start_server(spec, cwd=cwd)
    fresh = None
    try:
        with Clients(base, clients, pause) as watching:
            time.sleep(quiet)
            for corpus in corpora:
                t0 = time.monotonic()
                r = subprocess.run([sys.executable, "-m", "kg", "build", str(corpus),
                                    "--store", spec, *build_args], cwd=cwd,
                                   capture_output=True, text=True, check=False, timeout=3600)
                t1 = time.monotonic()
                if r.returncode != 0:
                    raise AssertionError(f"kg build failed: {r.stderr}")
                builds.append((t0, t1))
                states.append(stored_state(spec))
                wait_for(base, states[-1])
                shown = first_seen(watching.seen, states[-1])
                visible.append((shown if shown is not None else time.monotonic()) - t1)
            time.sleep(1.0)
        served = ask_state(base)
        fresh, fresh_base = start_server(spec, cwd=cwd)
        fresh_state = ask_state(fresh_base)
    finally:
        stop(server)
        if fresh is not None:
            stop(fresh)
    return Run(states, watching.seen, builds, visible, served, fresh_state)
