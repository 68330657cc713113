"""The SPARQL endpoint, driven by real clients against a server started on loopback."""

from __future__ import annotations

import csv
import io
import json
import select
import socket
import threading
import time
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from rdflib import Graph, Literal

from kg.endpoint.app import ServeConfig, create_app
from kg.query.library import load_query
from kg.rdf.iri import graph_iri
from kg.rdf.mapping import to_rdf
from kg.store import open_store

MEETINGS = [("Alice Archer", "Bob Baker", "happened"), ("Alice Archer", "Carol Chen", "planned")]
SPARQL_NS = "{http://www.w3.org/2005/sparql-results#}"


def _get(url: str, **kw: object) -> httpx.Response:
    """GET with a patient read timeout: a loaded CI machine may take seconds to answer, and
    these tests check what the server answers, not how fast."""
    kw.setdefault("timeout", 60)
    return httpx.get(url, **kw)  # type: ignore[arg-type]


def _post(url: str, **kw: object) -> httpx.Response:
    """POST with the same patient timeout as ``_get``."""
    kw.setdefault("timeout", 60)
    return httpx.post(url, **kw)  # type: ignore[arg-type]


@contextmanager
def running(store, config: ServeConfig | None = None) -> Iterator[str]:
    """A uvicorn server for ``store`` on a free loopback port, in a thread; yields its base URL."""
    import uvicorn

    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(store, config), log_level="warning"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}/"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


@pytest.fixture(params=["memory", "oxigraph"])
def two_article_store(request, tmp_path):
    """The fixture article twice, as fx-1 and fx-2, in either engine."""
    from fixtures import extraction

    store = open_store("memory:" if request.param == "memory" else tmp_path / "store")
    for art in ("fx-1", "fx-2"):
        store.replace_article(to_rdf(extraction(art)))
    yield store
    store.close()


@pytest.fixture
def url(fixture_store):
    with running(fixture_store) as base:
        yield base


WHO = load_query("who-met-whom").text


def _pairs(bindings: list[dict]) -> list[tuple[str, str, str]]:
    return [(b["participant1"]["value"], b["participant2"]["value"], b["status"]["value"])
            for b in bindings]


def test_sparqlwrapper_runs_who_met_whom(url):
    from SPARQLWrapper import JSON, POST, SPARQLWrapper

    sw = SPARQLWrapper(url + "sparql")
    sw.setQuery(WHO)
    sw.setReturnFormat(JSON)
    assert _pairs(sw.query().convert()["results"]["bindings"]) == MEETINGS
    sw.setMethod(POST)  # form-encoded POST
    assert _pairs(sw.query().convert()["results"]["bindings"]) == MEETINGS


def test_rdflib_sparqlstore_runs_who_met_whom(url):
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    g = Graph(store=SPARQLStore(url + "sparql"))
    rows = [(str(r.participant1), str(r.participant2), str(r.status)) for r in g.query(WHO)]
    assert rows == MEETINGS


def test_post_sparql_query_body(url):
    r = _post(url + "sparql", content=WHO.encode(),
                   headers={"Content-Type": "application/sparql-query",
                            "Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    assert _pairs(r.json()["results"]["bindings"]) == MEETINGS


@pytest.mark.parametrize("accept", ["application/sparql-results+json",
                                    "application/sparql-results+xml", "text/csv",
                                    "text/tab-separated-values"])
def test_select_content_negotiation(url, accept):
    r = _get(url + "sparql", params={"query": WHO}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == accept
    if accept.endswith("json"):
        names = [(b["participant1"]["value"], b["participant2"]["value"])
                 for b in r.json()["results"]["bindings"]]
    elif accept.endswith("xml"):
        root = ET.fromstring(r.content)
        assert root.tag == SPARQL_NS + "sparql"
        names = [tuple(b.find(SPARQL_NS + "literal").text
                       for b in res if b.get("name") in ("participant1", "participant2"))
                 for res in root.iter(SPARQL_NS + "result")]
    else:
        rows = list(csv.reader(io.StringIO(r.text),
                               delimiter="," if accept == "text/csv" else "\t"))
        head = [h.lstrip("?") for h in rows[0]]
        assert head[:2] == ["participant1", "participant2"]
        names = [tuple(c.strip('"') for c in row[:2]) for row in rows[1:]]
    assert names == [m[:2] for m in MEETINGS]


def test_ask_is_sparql_json(url):
    r = _get(url + "sparql", params={"query": "ASK { ?m a kg:Meeting }"},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.json()["boolean"] is True


@pytest.mark.parametrize(("accept", "fmt"), [("text/turtle", "turtle"),
                                             ("application/n-triples", "nt"),
                                             ("application/ld+json", "json-ld")])
def test_construct_content_negotiation(url, accept, fmt):
    q = "CONSTRUCT { ?m schema:attendee ?p } WHERE { ?m a kg:Meeting ; schema:attendee ?p }"
    r = _post(url + "sparql", data={"query": q}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == accept
    g = Graph().parse(data=r.text, format=fmt)
    assert len(g) == 4  # two meetings, two attendees each


def test_describe_returns_a_graph(url):
    q = "DESCRIBE ?m WHERE { ?m a kg:Meeting }"
    r = _get(url + "sparql", params={"query": q}, headers={"Accept": "text/turtle"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    Graph().parse(data=r.text, format="turtle")


@pytest.mark.parametrize("how", ["form", "body", "get"])
def test_update_is_refused(fixture_store, how):
    before = len(fixture_store)
    upd = "INSERT DATA { <urn:x:a> <urn:x:b> <urn:x:c> }"
    with running(fixture_store) as base:
        if how == "form":
            r = _post(base + "sparql", data={"update": upd})
        elif how == "body":
            r = _post(base + "sparql", content=upd,
                           headers={"Content-Type": "application/sparql-update"})
        else:
            r = _get(base + "sparql", params={"query": upd})
    assert 400 <= r.status_code < 500
    assert "read-only" in r.text
    assert len(fixture_store) == before


@pytest.mark.parametrize("template", [
    "SELECT * WHERE {{ SERVICE <http://127.0.0.1:{port}/> {{ ?s ?p ?o }} }}",
    "SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE SILENT <http://127.0.0.1:{port}/x> "
    "{{ ?s ?p ?o }} }} }}",
    "SELECT * FROM <http://127.0.0.1:{port}/data.ttl> WHERE {{ ?s ?p ?o }}",
    "SELECT * FROM NAMED <http://127.0.0.1:{port}/g> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}",
])
def test_outbound_fetch_is_refused_and_nothing_connects(url, template):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen()
    port = listener.getsockname()[1]
    try:
        r = _get(url + "sparql", params={"query": template.format(port=port)})
        assert r.status_code == 403
        assert "refused" in r.text
        readable, _, _ = select.select([listener], [], [], 0.5)
        assert readable == []  # no connection was ever attempted
    finally:
        listener.close()


def test_malformed_query_gets_400_with_parser_message(url):
    r = _get(url + "sparql", params={"query": "SELECT ?x WHERE { ?x ?y }"})
    assert r.status_code == 400
    assert r.text.startswith("malformed SPARQL: Expected")


def test_slow_cross_product_is_cut_off_at_time_limit(fixture_store):
    q = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l }"
    with running(fixture_store, ServeConfig(timeout=5.0, max_rows=10**9)) as base:
        r = _get(base + "sparql", params={"query": q}, timeout=60)
        assert r.status_code == 503
        assert "time limit" in r.text
        # The worker stopped too: the server still answers.
        ok = _get(base + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
        assert ok.status_code == 200


def _children() -> set[int]:
    pids: set[int] = set()
    for task in Path("/proc/self/task").iterdir():
        try:
            pids |= {int(p) for p in (task / "children").read_text().split()}
        except FileNotFoundError:  # the thread ended between the listing and the read
            continue
    return pids


def test_work_before_the_first_row_is_killed_at_the_limit(tmp_path):
    """COUNT over a 5-way cross product does all its work before the first row, where no
    deadline check reaches. With one worker, a thread would stay busy for hours and every
    later query would time out; a killed and replaced worker process answers at once."""
    from fixtures import extraction

    store = open_store(tmp_path / "store")
    store.replace_article(to_rdf(extraction()))
    q = ("SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l . "
         "?m ?n2 ?o }")
    before = _children()
    # 5 s, not 1: the replacement worker must start within the limit on a loaded machine;
    # the cross product needs hours, so it is cut off all the same.
    with running(store, ServeConfig(timeout=5.0, workers=1)) as base:
        workers = _children() - before
        assert len(workers) == 1
        r = _get(base + "sparql", params={"query": q}, timeout=120)
        assert r.status_code == 503 and "time limit" in r.text
        ok = _get(base + "sparql", params={"query": "ASK { ?s ?p ?o }"}, timeout=60)
        assert ok.status_code == 200 and ok.json()["boolean"] is True
        replacement = _children() - before
        assert len(replacement) == 1 and replacement != workers  # the old one is gone
    store.close()
    deadline = time.monotonic() + 10
    while _children() - before and time.monotonic() < deadline:  # shut down with the server
        time.sleep(0.1)
    assert not _children() - before


def test_row_limit_cuts_and_flags(fixture_store):
    with running(fixture_store, ServeConfig(max_rows=1)) as base:
        r = _get(base + "sparql", params={"query": WHO},
                      headers={"Accept": "application/sparql-results+json"})
    assert len(r.json()["results"]["bindings"]) == 1
    assert r.headers["kg-result-truncated"] == "true"


def test_default_and_named_graph_uri(two_article_store):
    ids = "SELECT DISTINCT ?id WHERE { ?a schema:identifier ?id } ORDER BY ?id"
    named = "SELECT DISTINCT ?id WHERE { GRAPH ?g { ?a schema:identifier ?id } } ORDER BY ?id"
    g2 = str(graph_iri("fx-2"))
    accept = {"Accept": "application/sparql-results+json"}

    def ids_of(base, query, **params):
        r = _get(base + "sparql", params={"query": query, **params}, headers=accept)
        assert r.status_code == 200, r.text
        return [b["id"]["value"] for b in r.json()["results"]["bindings"]]

    with running(two_article_store) as base:
        assert ids_of(base, ids) == ["fx-1", "fx-2"]
        assert ids_of(base, ids, **{"default-graph-uri": g2}) == ["fx-2"]
        assert ids_of(base, named, **{"named-graph-uri": g2}) == ["fx-2"]
        assert ids_of(base, ids, **{"named-graph-uri": g2}) == []


def test_saved_queries_by_name(url):
    r = _get(url + "queries/meetings-of", params={"name": "archer"},
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200
    partners = sorted(b["partner"]["value"] for b in r.json()["results"]["bindings"])
    assert partners == ["Bob Baker", "Carol Chen"]
    who = _get(url + "queries/who-met-whom",
                    headers={"Accept": "application/sparql-results+json"})
    assert _pairs(who.json()["results"]["bindings"]) == MEETINGS
    listing = {q["name"]: q for q in _get(url + "queries").json()}
    assert listing["meetings-of"]["params"] == ["name"]
    assert _get(url + "queries/meetings-of").status_code == 400  # parameter missing
    assert _get(url + "queries/no-such-query").status_code == 404
    assert _get(url + "queries/meetings-of", params={"bogus": "x"}).status_code == 400


def test_connections_by_name_gives_the_library_rows(url, fixture_store):
    """The endpoint answers `connections` with the same function as `kg query` (its plan)."""
    from kg.query.library import run_query

    params = {"from": "Carol Chen", "to": "Acme Corp"}
    r = _get(url + "queries/connections", params=params,
                  headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    got = [[b.get(v, {}).get("value") for v in r.json()["head"]["vars"]]
           for b in r.json()["results"]["bindings"]]
    lib = run_query(fixture_store, load_query("connections"),
                    {k: Literal(v) for k, v in params.items()})
    assert got == [[None if t is None else str(t) for t in row] for row in lib.rows]
    assert [row[2:4] for row in got] == [["3", "Alice Archer"]]


def test_query_page_is_offline(url):
    r = _get(url, headers={"Accept": "text/html"})
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<textarea" in r.text
    assert "http://" not in r.text and "https://" not in r.text
    assert "connect-src 'self'" in r.headers["content-security-policy"]


def test_cors_off_by_default_and_on_by_option(fixture_store):
    origin = {"Origin": "http://example.org"}
    with running(fixture_store) as base:
        r = _get(base + "sparql", params={"query": "ASK {}"}, headers=origin)
        assert "access-control-allow-origin" not in r.headers
    with running(fixture_store, ServeConfig(cors=True)) as base:
        r = _get(base + "sparql", params={"query": "ASK {}"}, headers=origin)
        assert r.headers["access-control-allow-origin"] == "*"


def test_unsupported_post_type_is_415(url):
    r = _post(url + "sparql", content=b"{}", headers={"Content-Type": "application/json"})
    assert r.status_code == 415


def test_json_body_is_valid_sparql_json(url):
    r = _get(url + "sparql", params={"query": WHO})  # no Accept: the default
    doc = json.loads(r.text)
    assert doc["head"]["vars"][0] == "participant1"


def test_oversized_query_is_refused_before_parsing(url):
    from kg.endpoint.app import MAX_QUERY_CHARS

    q = "ASK {}" + " " * MAX_QUERY_CHARS
    assert _post(url + "sparql", data={"query": q}).status_code == 413


def test_cli_serve_defaults_to_loopback_and_passes_limits(monkeypatch, tmp_path):
    from click.testing import CliRunner

    import kg.endpoint.app
    from kg.cli import cli

    seen = {}

    def fake_serve(store, host, port, config):
        seen.update(host=host, port=port, config=config, location=store.location)

    monkeypatch.setattr(kg.endpoint.app, "serve", fake_serve)
    with open_store(tmp_path / "s"):
        pass
    out = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "s")])
    assert out.exit_code == 0, out.output
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert seen["config"] == ServeConfig()
    out = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "s"), "--timeout", "2",
                                   "--max-rows", "5", "--cors"])
    assert seen["config"] == ServeConfig(timeout=2.0, max_rows=5, cors=True)
    missing = CliRunner().invoke(cli, ["serve", "--store", str(tmp_path / "none")])
    assert missing.exit_code == 1 and "no store" in missing.output


def test_bad_graph_iri_is_400_on_oxigraph(tmp_path):
    with open_store(tmp_path / "s") as store, running(store) as base:
        r = _get(base + "sparql", params={"query": "ASK {}",
                                               "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "bad graph IRI" in r.text
