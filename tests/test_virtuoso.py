"""The SPARQL-server store against a real Virtuoso on loopback, and its binding injection."""

from __future__ import annotations

import os
import shutil
import subprocess
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Literal, URIRef

from kg.errors import QueryError
from kg.query.library import load_query, run_query
from kg.rdf.iri import graph_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store
from kg.store.sparql import SparqlStore, parse_url
from kg.store.sparql_text import with_values

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy" / "virtuoso"
URL = os.environ.get("KG_TEST_SPARQL_URL", "sparql+http://127.0.0.1:18890/sparql")


def _up() -> bool:
    try:
        with urllib.request.urlopen(parse_url(URL).query + "?query=ASK%7B%7D", timeout=5):
            return True
    except OSError:
        return False


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The Virtuoso that `make test` started, else one started here from deploy/virtuoso."""
    started = None
    if not _up():
        if shutil.which("virtuoso-t") is None:
            pytest.skip("Virtuoso is not installed (Debian: apt-get install virtuoso-opensource;"
                        " `make test` installs it when run as root)")
        started = tmp_path_factory.mktemp("virtuoso")
        subprocess.run([str(DEPLOY / "start.sh"), str(started)], check=True, timeout=120)
    old = {k: os.environ.get(k) for k in ("KG_SPARQL_USER", "KG_SPARQL_PASSWORD")}
    # The repo's loopback-only development server keeps Virtuoso's initial dba account.
    os.environ.setdefault("KG_SPARQL_USER", "dba")
    os.environ.setdefault("KG_SPARQL_PASSWORD", "dba")
    yield URL
    for k, v in old.items():
        if v is None:
            os.environ.pop(k, None)
    if started is not None:
        subprocess.run([str(DEPLOY / "stop.sh"), str(started)], check=True, timeout=120)


@pytest.fixture
def virtuoso(server):
    """An empty kg store on the server (every kg graph dropped first and after: the article
    graphs and the derived ones, such as meeting events)."""
    store = open_store(server)
    assert isinstance(store, SparqlStore)

    def clear() -> None:
        for aid in store.article_hashes():
            store.remove_article(graph_iri(aid))
        q = ("SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } "
             "FILTER(STRSTARTS(STR(?g), \"https://w3id.org/kg-news/id/\")) }")
        for g in store.query(q).values("g"):
            store.remove_article(URIRef(g))

    clear()
    yield store
    clear()
    store.close()


def _rows(store, name: str = "who-met-whom"):
    return run_query(store, load_query(name)).rows


def test_fixture_articles_answer_like_oxigraph(virtuoso, tmp_path):
    from fixtures import extraction

    ox = open_store(tmp_path / "ox")
    for i in range(3):
        g = to_rdf(extraction(f"fx-{i}"))
        ox.replace_article(g)
        virtuoso.replace_article(g)
    assert len(virtuoso) == len(ox)
    assert virtuoso.article_hashes() == ox.article_hashes()
    rows = _rows(virtuoso)
    assert rows and rows == _rows(ox)
    q = "SELECT ?label ?type WHERE { ?e rdfs:label ?label ; a ?type } ORDER BY ?label"
    bound = {"type": URIRef("https://schema.org/Person")}
    assert virtuoso.query(q, bound).rows == ox.query(q, bound).rows
    ox.close()


# The saved queries that read the summary graph, with shapes tuned for Oxigraph's planner (names
# resolved in subqueries, which the bindings must reach): the same rows on Virtuoso.
NAME_QUERIES = [("entity-facts", {"name": "Bob Baker"}), ("entity-profile", {"name": "Archer"}),
                ("co-mentioned", {"name": "Bob Baker"}), ("meetings-of", {"name": "Archer"}),
                ("article-facts", {"article": "fx-2"}), ("most-connected", {}),
                ("connections", {"from": "Carol Chen", "to": "Acme Corp"}),
                ("entity-facts", {"name": "nobody"})]


def test_name_queries_answer_like_oxigraph(virtuoso, tmp_path):
    from fixtures import extraction

    from kg.ingest.summary_graph import refresh_summary

    ox = open_store(tmp_path / "ox")
    for store in (ox, virtuoso):
        for aid in ("fx-1", "fx-2"):
            store.replace_article(to_rdf(extraction(aid)))
        refresh_summary(store)
    for name, params in NAME_QUERIES:
        bound = {k: Literal(v) for k, v in params.items()}
        want, got = (sorted(tuple(map(str, r)) for r in run_query(s, load_query(name), bound).rows)
                     for s in (ox, virtuoso))
        assert got == want, name
        assert want or params.get("name") == "nobody", name
    ox.close()


def test_replace_is_idempotent_and_remove_drops_one_article(virtuoso):
    from fixtures import extraction

    g = to_rdf(extraction("fx-a"))
    virtuoso.replace_article(g)
    virtuoso.replace_article(g)
    virtuoso.flush()
    virtuoso.replace_article(g)
    virtuoso.replace_article(to_rdf(extraction("fx-b")))
    assert len(virtuoso) == 2 * len(g)
    virtuoso.remove_article(graph_iri("fx-a"))
    assert set(virtuoso.article_hashes()) == {"fx-b"}
    assert len(virtuoso) == len(g)


def test_writes_are_batched_into_few_requests(virtuoso):
    from fixtures import extraction

    graphs = [to_rdf(extraction(f"fx-{i}")) for i in range(60)]
    before = virtuoso.requests
    for g in graphs:
        virtuoso.replace_article(g)
    virtuoso.flush()
    total = sum(len(g) for g in graphs)
    # two requests (stage POST + apply UPDATE) per >= batch_triples triples, plus at most one
    # partial batch; never one request per article
    assert virtuoso.requests - before <= 2 * (total // virtuoso.batch_triples + 1) < len(graphs)
    assert len(virtuoso) == total


def test_hostile_literals_round_trip_and_bind(virtuoso, tmp_path):
    from fixtures import extraction

    nasty = 'Zoë "}" } ; DROP ALL # \\ \n <x> \'\'\' """'
    x = extraction("fx-nasty")
    x = replace(x, article=replace(x.article, title=nasty))
    virtuoso.replace_article(to_rdf(x))
    q = "SELECT ?id WHERE { ?a schema:headline ?h ; schema:identifier ?id }"
    assert virtuoso.query(q, {"h": Literal(nasty)}).values("id") == ["fx-nasty"]
    assert virtuoso.query(q, {"h": Literal("other")}).rows == ()
    assert len(virtuoso) > 0  # the store survived the hostile text


def test_cli_query_against_virtuoso(virtuoso):
    from fixtures import extraction

    from kg.cli import cli

    virtuoso.replace_article(to_rdf(extraction("fx-cli")))
    virtuoso.flush()
    r = CliRunner().invoke(cli, ["query", "who-met-whom", "--store", virtuoso.location,
                                 "--format", "csv"])
    assert r.exit_code == 0, r.output
    assert "Alice Archer" in r.output and "Bob Baker" in r.output


@pytest.mark.model
def test_seed_build_gives_same_quads_and_meetings_as_oxigraph(virtuoso, tmp_path, seed_path):
    from kg.ingest.build import build

    ox = open_store(tmp_path / "ox")
    a = build([str(seed_path)], ox)
    b = build([str(seed_path)], virtuoso)
    virtuoso.flush()
    assert a.built == b.built and a.ok and b.ok
    assert _rows(virtuoso) == _rows(ox)
    def quads(store) -> set[bytes]:
        return set(filter(None, store.export("nquads").splitlines()))

    assert quads(virtuoso) == quads(ox)
    ox.close()


# --- binding injection (no server) ------------------------------------------------------------

def test_values_open_the_where_group_not_a_template_or_string():
    q = 'CONSTRUCT { ?s ?p "{" } WHERE { # a { comment\n ?s ?p <urn:{x}> }'
    out = with_values(q, {"p": URIRef("urn:p")})
    assert out.index("VALUES") > out.index("WHERE")
    assert out.endswith("?s ?p <urn:{x}> }")
    sel = with_values("SELECT (COUNT(*) AS ?n) { ?s ?p ?o }", {"s": URIRef("urn:s")})
    assert sel == "SELECT (COUNT(*) AS ?n) { VALUES (?s) { (<urn:s>) } ?s ?p ?o }"


def test_values_also_open_every_sub_select():
    # A sub-SELECT is evaluated before the group around it: a binding of the top group alone
    # would leave ?name unbound where the saved queries resolve it.
    q = ('SELECT ?e ?name WHERE { { SELECT ?name ?e WHERE { BIND (LCASE(STR(?name)) AS ?k) '
         '?e <urn:key> ?k } } OPTIONAL { ?e <urn:p> "{ SELECT" } }')
    out = with_values(q, {"name": Literal("Ann")})
    assert out.count('VALUES (?name) { ("Ann") }') == 2
    assert out.index("VALUES") < out.index("SELECT ?name") < out.rindex("VALUES") < out.index("BIND")
    assert out.endswith('OPTIONAL { ?e <urn:p> "{ SELECT" } }')
    agg = with_values("SELECT ?n { { SELECT (COUNT(*) AS ?n) { ?s ?p ?o } } }",
                      {"s": URIRef("urn:s")})
    assert agg.endswith("{ SELECT (COUNT(*) AS ?n) { VALUES (?s) { (<urn:s>) } ?s ?p ?o } } }")


def test_bindings_cannot_break_out_of_their_term():
    from rdflib.plugins.sparql import prepareQuery

    evil = Literal('x") } } ; DROP ALL ; SELECT * { ("')
    q = with_values("SELECT ?a WHERE { ?a ?b ?c }", {"c": evil})
    parsed = prepareQuery(q).algebra["p"]["p"]["p1"]["p"]["res"]
    assert parsed == [{next(iter(parsed[0])): evil}]
    with pytest.raises(QueryError):
        with_values("SELECT ?a WHERE { ?a ?b ?c }", {"c } DROP ALL": Literal("x")})
    with pytest.raises((QueryError, ValueError)):
        with_values("SELECT ?a WHERE { ?a ?b ?c }", {"c": URIRef("urn:a> } DROP ALL <urn:b")})


@pytest.mark.model
def test_meetings_of_three_answer_like_oxigraph(virtuoso, tmp_path):
    """One row per event with every participant, found by any of them, on both engines."""
    from test_events_parties import ALL, rows

    from kg.events import update_events

    ox = open_store(tmp_path / "ox")
    for x in ALL:
        g = to_rdf(x)
        ox.replace_article(g)
        virtuoso.replace_article(g)
    assert update_events(virtuoso).created == update_events(ox).created == 2
    assert rows(virtuoso) == rows(ox)
    assert "Hana Sato; Ines Moreau; Olaf Brandt" in {r[1] for r in rows(virtuoso)}
    assert rows(virtuoso, "Ines Moreau") == rows(ox, "Ines Moreau") != []
    assert _rows(virtuoso, "meetings-timeline") == _rows(ox, "meetings-timeline")
    ox.close()


def test_newswire_corpus_answers_like_oxigraph(virtuoso, tmp_path):
    from newswire import write_jsonl

    from kg.ingest.build import build

    corpus = write_jsonl(tmp_path / "wire.jsonl", 20)
    ox = open_store(tmp_path / "ox")
    s = build([str(corpus)], ox, keep_extractions=True)
    for x in s.extractions:
        virtuoso.replace_article(to_rdf(x, s.model))
    assert virtuoso.article_hashes() == ox.article_hashes()
    assert _rows(virtuoso) == _rows(ox)
    from kg.events import update_events

    assert update_events(virtuoso).created == s.events_created > 0
    assert _rows(virtuoso, "meeting-events") == _rows(ox, "meeting-events")
    # kg build ends with the corpus summary graph; the Oxigraph side got it from build().
    from kg.ingest.summary_graph import refresh_summary

    assert refresh_summary(virtuoso) > 0
    assert len(virtuoso) == len(ox)
    assert _rows(virtuoso, "most-connected") == _rows(ox, "most-connected")
    ox.close()


@pytest.mark.model
def test_kg_build_while_kg_serve_runs_on_virtuoso(virtuoso, server, tmp_path, nlp):
    """The scenario of tests/test_live_build.py with the store on Virtuoso. The builds
    succeed, no request fails but for time limits, and the endpoint ends equal to a fresh
    `kg serve`. Whole versions are not guaranteed: Virtuoso's SPARQL endpoint lets a reader
    see a batch update half applied, and readers may wait on its locks past the time limit
    (docs/reliability.md), so torn answers or 503s make this an expected failure."""
    from live_clients import build_while_serving, check, check_articles
    from reliability_corpus import write_corpus

    from kg.ingest.build import build

    first = write_corpus(tmp_path / "first", articles=8, seed=1)
    more = write_corpus(tmp_path / "more", articles=12, seed=2, prefix="more")
    changed = write_corpus(tmp_path / "changed", articles=4, sentences=9, seed=3)
    build([str(first)], virtuoso)
    virtuoso.flush()
    run = build_while_serving(server, [more, changed], ROOT, clients=20, pause=0.2)
    slow = [e for c in run.seen for _, e in c.errors]
    assert [e for e in slow if "time limit" not in e] == []
    assert run.served == run.fresh == run.states[-1]
    assert [len(s.counts) for s in run.states] == [8, 20, 20]
    before, after = dict(run.states[1].counts), dict(run.states[2].counts)
    moved = {g for g in after if before[g] != after[g]}
    torn = check(run.seen, run.states) + check_articles(
        run.seen, after, {g: {before[g], after[g]} for g in moved})
    # Virtuoso's readers can also wait on the update's locks past the 10 s limit (503).
    if torn or slow:
        pytest.xfail(f"Virtuoso readers saw {len(torn)} torn answers and {len(slow)} "
                     f"time-limit 503s, e.g. {(torn + slow)[0]}")
