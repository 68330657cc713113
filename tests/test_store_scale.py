"""The Oxigraph write path: N-Quads loading keeps every term exact, many articles, locks."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pyoxigraph as ox
import pytest
from fixtures import extraction
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import XSD

from kg.errors import StoreError, StoreLockedError
from kg.rdf.mapping import to_rdf
from kg.store import open_store
from kg.store.oxigraph import to_ox

G = URIRef("https://w3id.org/kg-news/id/graph/t1")
S = URIRef("https://w3id.org/kg-news/id/s")
P = URIRef("https://w3id.org/kg-news/vocab#p")

TRICKY = [
    Literal('quote " and backslash \\ end'),
    Literal("line\nbreak\r\nand tab\t"),
    Literal("unicode: é ü 東京 — 🙂"),
    Literal("Paris", lang="fr"),
    Literal("en-GB tag", lang="en-gb"),
    Literal(3),
    Literal(0.25, datatype=XSD.double),
    Literal(True),
    Literal("2024-05-01", datatype=XSD.date),
    Literal("plain string", datatype=XSD.string),
    Literal(""),
    URIRef("https://w3id.org/kg-news/id/entity/caf%C3%A9"),
]


def _graph() -> Graph:
    g = Graph(identifier=G)
    for i, o in enumerate(TRICKY):
        g.add((S, URIRef(f"{P}{i}"), o))
    return g


def _via_terms(g: Graph) -> set:
    """The quads Oxigraph stores when given term objects (it normalises numbers on storage)."""
    raw = ox.Store()
    gi = ox.NamedNode(str(g.identifier))
    raw.extend(ox.Quad(to_ox(a), to_ox(b), to_ox(c), gi) for a, b, c in g)
    return set(raw)


def test_nquads_write_keeps_every_term_exact(tmp_path):
    g = _graph()
    with open_store(tmp_path / "s") as s:
        s.replace_article(g)
        stored = set(s.quads())
    assert stored == _via_terms(g)


def test_fixture_article_same_quads_as_term_conversion(tmp_path):
    g = to_rdf(extraction(), "test-model 1.0")
    with open_store(tmp_path / "s") as s:
        s.replace_article(g)
        stored = set(s.quads())
    assert stored == _via_terms(g)


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_many_articles_reingested_twice_no_duplicates(tmp_path, kind):
    spec = "memory:" if kind == "memory" else tmp_path / "s"
    with open_store(spec) as s:
        for _ in range(2):
            for n in range(40):
                s.replace_article(to_rdf(extraction(f"a-{n}")))
        hashes = s.article_hashes()
        one = len(to_rdf(extraction("a-0")))
        assert len(hashes) == 40
        # Entities are shared across articles only by IRI; each graph holds its own copy.
        assert len(s) == 40 * one


def test_bad_iri_is_a_store_error_and_leaves_the_old_graph(tmp_path):
    with open_store(tmp_path / "s") as s:
        s.replace_article(_graph())
        before = len(s)
        bad = Graph(identifier=G)
        bad.add((URIRef("not an iri"), P, Literal("x")))
        with pytest.raises(StoreError):
            s.replace_article(bad)
        # the old graph is gone (replace drops it first) or intact, never half-written
        assert len(s) in (0, before)


def test_lock_held_by_another_process_names_its_pid(tmp_path):
    store = tmp_path / "s"
    code = textwrap.dedent(f"""
        import sys, time
        from kg.store import open_store
        s = open_store({str(store)!r})
        print("ready", flush=True)
        sys.stdin.readline()
    """)
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE,
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "ready"
        with pytest.raises(StoreLockedError, match=rf"is locked by PID {holder.pid}\b"):
            open_store(store)
    finally:
        holder.communicate("\n", timeout=30)
    with open_store(store):  # released when the holder exits
        pass
