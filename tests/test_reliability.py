"""Crash safety, concurrency, a full disk and malformed SPARQL: the store always survives."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner
from fixtures import extraction
from reliability_corpus import snapshot_kg, store_graphs, write_corpus

from kg.cli import cli
from kg.errors import QueryError, StoreError
from kg.model import Article, Extraction
from kg.rdf.iri import derivation_graph_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store

ROOT = Path(__file__).resolve().parent.parent


def kg_cmd(*args: str) -> list[str]:
    return [sys.executable, "-m", "kg", *args]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    return write_corpus(tmp_path_factory.mktemp("corpus") / "articles", articles=12)


@pytest.fixture(scope="module")
def code(tmp_path_factory) -> Path:
    """A frozen copy of kg to run builds from (see snapshot_kg)."""
    return snapshot_kg(tmp_path_factory.mktemp("code"))


@pytest.fixture(scope="module")
def clean(corpus, code, tmp_path_factory):
    """A clean build of the corpus: its per-graph quads and how long it took."""
    store = tmp_path_factory.mktemp("clean") / "store"
    t0 = time.monotonic()
    r = subprocess.run(kg_cmd("build", str(corpus), "--store", str(store)),
                       capture_output=True, text=True, cwd=code, check=False)
    assert r.returncode == 0, r.stderr
    return store_graphs(store), time.monotonic() - t0


@pytest.mark.model
@pytest.mark.slow
def test_kill_9_at_random_points_never_loses_or_tears_an_article(corpus, code, clean,
                                                                 tmp_path):
    expected, seconds = clean
    store = tmp_path / "store"
    rng = random.Random(20251128)
    seen = []
    for _ in range(5):
        # Kill somewhere between "model loaded" and "done" of a clean build's duration, where
        # the writes happen; earlier kills only ever interrupt imports.
        delay = rng.uniform(0.3 * seconds, 0.95 * seconds)
        # --force: every run rewrites every article, so kills also land mid-replacement.
        p = subprocess.Popen(kg_cmd("build", str(corpus), "--store", str(store), "--force"),
                             cwd=code,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(delay)
        p.send_signal(signal.SIGKILL)
        p.wait()
        # The store opens after a kill -9 (unless the kill came before it was created).
        got = store_graphs(store) if (store / "oxigraph").exists() else {}
        # A build killed before deriving leaves its marker (tests/test_derivation.py): the
        # next build derives again; the final comparison below checks that it is gone.
        got.pop(f"<{derivation_graph_iri()}>", None)
        for g, quads in got.items():
            assert quads == expected[g], f"article graph {g} is torn after kill at {delay:.2f}s"
        seen.append(len(got))
    r = subprocess.run(kg_cmd("build", str(corpus), "--store", str(store)), cwd=code,
                       capture_output=True, text=True, check=False)
    assert r.returncode == 0, r.stderr
    assert store_graphs(store) == expected
    assert len(seen) == 5


WRITER = """
import sys
from rdflib import Graph, Literal, URIRef
from kg.store import open_store

store = open_store(sys.argv[1])
graphs = [[Graph(identifier=URIRef(f"https://example.org/g/{a}")) for a in range(4)]
          for _ in range(2)]
for v, row in enumerate(graphs):
    for a, g in enumerate(row):
        for i in range(2000):
            g.add((URIRef(f"https://example.org/s/{a}/{i}"), URIRef("https://example.org/v"),
                   Literal(v)))
print("ready", flush=True)
n = 0
while True:
    for g in graphs[n % 2]:
        store.replace_article(g)
    n += 1
"""


@pytest.mark.slow
def test_kill_9_during_store_writes_never_tears_a_graph(tmp_path):
    """Without the model: a writer replacing 2,000-triple graphs in a loop is killed at random
    moments; every graph left is one whole version, or absent."""
    store = tmp_path / "store"
    rng = random.Random(9)
    absent = 0
    for _ in range(5):
        p = subprocess.Popen([sys.executable, "-c", WRITER, str(store)], cwd=ROOT,
                             stdout=subprocess.PIPE, text=True)
        assert p.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.05, 1.0))
        p.send_signal(signal.SIGKILL)
        p.wait()
        got = store_graphs(store)
        for a in range(4):
            quads = got.get(f"<https://example.org/g/{a}>", set())
            versions = {q.split('"')[1] for q in quads}
            assert len(versions) <= 1 and len(quads) in (0, 2000), (a, versions, len(quads))
            absent += not quads
    assert absent < 20  # something was written


@pytest.fixture
def small_store(tmp_path) -> Path:
    path = tmp_path / "store"
    with open_store(path) as s:
        s.replace_article(to_rdf(extraction()))
    return path


def test_second_writer_fails_with_the_holders_pid_and_writes_nothing(small_store, seed_path):
    before = store_graphs(small_store)
    holder = subprocess.Popen(
        [sys.executable, "-c", "import sys; from kg.store import open_store; "
         f"s = open_store({str(small_store)!r}); print('ready', flush=True); sys.stdin.read()"],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        assert holder.stdout.readline().strip() == "ready"
        r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(small_store)])
        assert r.exit_code == 1
        assert r.stderr == f"kg: error: store {small_store} is locked by PID {holder.pid}\n"
        # A reader does not wait for the writer: it reads the last published snapshot.
        r = CliRunner().invoke(cli, ["query", "ASK { ?s ?p ?o }", "--store", str(small_store)])
        assert r.exit_code == 0 and r.output == "yes\n", r.output
    finally:
        holder.communicate("")
    assert store_graphs(small_store) == before


@pytest.mark.model
@pytest.mark.slow
def test_two_builds_at_once_never_interleave(corpus, code, clean, tmp_path):
    expected, _ = clean
    store = tmp_path / "store"
    first = subprocess.Popen(kg_cmd("build", str(corpus), "--store", str(store)), cwd=code,
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    lock = store / "kg.lock"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline and not (
            lock.exists() and lock.read_text().strip() == str(first.pid)):
        time.sleep(0.02)
    second = subprocess.run(kg_cmd("build", str(corpus), "--store", str(store)), cwd=code,
                            capture_output=True, text=True, check=False)
    out, err = first.communicate(timeout=300)
    assert first.returncode == 0, err
    if second.returncode != 0:  # the usual case: the first still held the store
        assert second.stderr == f"kg: error: store {store} is locked by PID {first.pid}\n"
    else:  # the first had already finished: the second found everything unchanged
        assert second.stdout.startswith("built 0 articles (12 unchanged)")
    assert store_graphs(store) == expected


def _fill(store_path: Path) -> tuple[int, str]:
    """Write small articles until the disk is full; how many went in, and the error. Then
    try to replace the first one with new content: that must fail and keep the old one."""
    with open_store(store_path) as s:
        for i in range(1_000_000):
            text = f"Filler article number {i} says nothing at all. " * 40
            try:
                s.replace_article(to_rdf(Extraction(Article(f"fill-{i}", "Filler", text))))
            except StoreError as e:
                old = s.article_hashes()["fill-0"]
                with pytest.raises(StoreError, match="No space left on device"):
                    s.replace_article(to_rdf(Extraction(Article("fill-0", "New", "New text."))))
                assert s.article_hashes()["fill-0"] == old
                return i, str(e)
    raise AssertionError("the disk never filled up")


@pytest.fixture
def tiny_disk(tmp_path):
    """An 8 MB tmpfs (root only); skipped where mounting is not allowed."""
    mnt = tmp_path / "disk"
    mnt.mkdir()
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8m", "tmpfs", str(mnt)],
                       capture_output=True, check=False)
    if r.returncode != 0:
        pytest.skip("cannot mount a tmpfs here (needs root)")
    try:
        yield mnt
    finally:
        subprocess.run(["umount", "-l", str(mnt)], check=False)


@pytest.mark.model
def test_full_disk_is_one_clear_error_and_the_store_survives(tiny_disk, seed_path):
    ballast = tiny_disk / "ballast"
    # Half the disk, so that freeing it leaves room to flush the write-ahead log on reopening.
    ballast.write_bytes(b"\0" * 4_000_000)
    store = tiny_disk / "store"
    written, message = _fill(store)
    assert written > 0 and "No space left on device" in message
    assert f"writing graph https://w3id.org/kg-news/id/graph/fill-{written} failed" in message
    hashes = {f"fill-{i}" for i in range(written)}
    # Readers read the last published version: the full disk may have stopped the writer
    # from publishing its last articles (they are committed, and published once it can).
    with open_store(store, writable=False) as s:
        shown = set(s.article_hashes())
    assert shown <= hashes
    r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(store)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.stderr.count("\n") == 1 and r.stderr.startswith("kg: error: ")
    assert "No space left on device" in r.stderr
    with open_store(store, writable=False) as s:
        assert set(s.article_hashes()) == shown
    ballast.unlink()  # space freed: the same command now completes, nothing committed lost
    r = CliRunner().invoke(cli, ["build", str(seed_path), "--store", str(store)])
    assert r.exit_code == 0, r.output
    with open_store(store, writable=False) as s:
        assert set(s.article_hashes()) == hashes | {seed_path.stem}


@pytest.mark.model
def test_write_error_mid_build_keeps_the_articles_before_it(tmp_path, monkeypatch, corpus):
    """The same, without root: the second write fails as a full disk would (per-article
    transactions; a bulk load into a new store is all or nothing, see test_bulk.py)."""
    from kg.ingest.build import build
    from kg.store.oxigraph import OxigraphStore

    calls = []
    real = OxigraphStore._replace

    def failing(self, g, data):
        if "/id/graph/" in str(g):  # article writes (not the build's derivation marker)
            calls.append(g)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        return real(self, g, data)

    monkeypatch.setattr(OxigraphStore, "_replace", failing)
    with open_store(tmp_path / "s") as s, pytest.raises(StoreError, match="No space left"):
        build([str(corpus / "article-000.txt"), str(corpus / "article-001.txt")], s,
              bulk=False)
    assert set(open_store(tmp_path / "s", writable=False).article_hashes()) == {"article-000"}


MALFORMED = [
    "SELEC ?x WHERE { ?x ?y ?z }",
    "SELECT * WHERE { ?s ?p \"unterminated }",
    "SELECT * WHERE { ?s nope:bar ?o }",
    "SELECT * WHERE {\n  ?s ?p ?o .\n  FILTER(\n}",
    "",
    "SELECT * WHERE { " + "{" * 5000 + "}" * 5000 + " }",
    "ASK { FILTER(" + "(" * 40 + "1" + ")" * 40 + ") }",
]


@pytest.mark.parametrize("sparql", MALFORMED, ids=range(len(MALFORMED)))
def test_malformed_sparql_is_the_parsers_message_and_exit_2(small_store, sparql):
    r = CliRunner().invoke(cli, ["query", sparql, "--store", str(small_store)])
    assert r.exit_code == 2, r.output
    assert r.stderr.startswith("kg: error: malformed SPARQL: ") and r.stderr.count("\n") == 1
    assert "error at " in r.stderr or "nests brackets" in r.stderr


@pytest.mark.parametrize("spec", ["memory:", "oxigraph"])
def test_deep_nesting_is_refused_by_both_engines(tmp_path, spec):
    store = open_store(spec if spec == "memory:" else tmp_path / "s")
    with store, pytest.raises(QueryError, match="nests brackets 60 deep"):
        store.query("ASK {" + "{" * 59 + "}" * 60)


def test_inline_query_with_a_slash_is_sparql_not_a_path(small_store):
    r = CliRunner().invoke(cli, ["query", "SELECT (4/2 AS ?x) WHERE {}", "--format", "csv",
                                 "--store", str(small_store)])
    assert r.exit_code == 0 and r.stdout.split() == ["x", "2"], r.output


def test_store_lock_file_is_not_left_holding_after_a_crash(small_store):
    p = subprocess.Popen([sys.executable, "-c", "import time; from kg.store import open_store; "
                          f"s = open_store({str(small_store)!r}); print('ready', flush=True); "
                          "time.sleep(60)"], stdout=subprocess.PIPE, text=True, cwd=ROOT)
    assert p.stdout.readline().strip() == "ready"
    os.kill(p.pid, signal.SIGKILL)
    p.wait()
    with open_store(small_store) as s:  # the kernel dropped the flock with the process
        assert set(s.article_hashes()) == {"fx-1"}


@pytest.mark.parametrize("engine", ["memory:", "oxigraph"])
def test_endpoint_answers_deep_nesting_with_400_not_500(tmp_path, engine):
    from starlette.testclient import TestClient

    from kg.endpoint.app import create_app

    store = open_store(engine if engine == "memory:" else tmp_path / "s")
    with store, TestClient(create_app(store)) as client:
        r = client.get("/sparql", params={"query": "ASK {" + "{" * 5000 + "}" * 5001})
        assert r.status_code == 400 and "nests brackets 5001 deep" in r.text
        r = client.get("/sparql", params={"query": "ASK { ?s ?p ?o }"})
        assert r.status_code == 200


@pytest.mark.parametrize("damage", ["CURRENT", "sst"])
def test_a_damaged_store_is_one_clear_line(small_store, damage):
    data = small_store / "oxigraph"
    with open_store(small_store) as s:  # enough writes to leave table files behind
        for i in range(3):
            s.replace_article(to_rdf(extraction(f"fx-{i + 2}")))
    # The writer's data and the published snapshot readers open (table files are hard links).
    targets = sorted(small_store.rglob("CURRENT") if damage == "CURRENT"
                     else data.glob("*.sst"))
    assert len(targets) >= 2 or damage == "sst"
    assert targets
    for f in targets:
        f.write_bytes(b"garbage")
    r = CliRunner().invoke(cli, ["query", "ASK {}", "--store", str(small_store)])
    assert r.exit_code == 1 and "Traceback" not in r.output
    assert r.stderr.startswith(f"kg: error: cannot open store {small_store}: Corruption")
    assert r.stderr.count("\n") == 1
