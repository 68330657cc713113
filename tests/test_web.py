"""Reading and building from the web, offline: a news site served on 127.0.0.1 (web_site.py)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.sources.articles import ArticleProblem
from kg.sources.crawl import page_id
from kg.sources.feeds import feed_entries, kind_of, sitemap_entries
from kg.sources.inputs import read_inputs
from kg.sources.web import USER_AGENT, Fetcher


def fetcher(**kw) -> Fetcher:
    return Fetcher(**{"delay": 0.0, "timeout": 1.0, "retries": 1, **kw})


def test_read_feed_gives_every_allowed_entry_and_never_requests_the_disallowed_one(site):
    items = list(read_inputs([site.base + "/feed.xml"], fetcher=fetcher()))
    arts = [i for i in items if not isinstance(i, ArticleProblem)]
    (refused,) = [i for i in items if isinstance(i, ArticleProblem)]
    assert [a.title for a in arts] == ["Envoy lands in Lisbon", "Port talks resume"]
    assert refused.source == site.base + "/private/secret.html"
    assert "robots.txt" in refused.reason
    assert not any(p.startswith("/private/") for p in site.log)
    envoy = arts[0]
    assert envoy.id == "127.0.0.1:" + site.base.rsplit(":", 1)[1] + "/news/envoy"
    assert envoy.author == "Marta Quintela" and envoy.site_name == "Harbour Times"
    assert str(envoy.published) == "2026-03-02"
    assert envoy.url == site.base + "/news/envoy.html"
    assert envoy.canonical_url == "https://harbour.example/2026-03-02/marta"
    assert envoy.text.startswith("The trade envoy Ilse Varga arrived in Lisbon")
    assert "Copyright" not in envoy.text and "Home" not in envoy.text
    assert all(a.startswith("kg/") for a in site.agents) and site.agents[0] == USER_AGENT


def test_sitemap_pages_are_read(site):
    arts = list(read_inputs([site.base + "/sitemap.xml"], fetcher=fetcher()))
    assert [a.title for a in arts] == ["Mayors meet in Ghent", "Envoy lands in Lisbon"]


def test_robots_txt_is_read_once_per_host_and_requests_are_spaced(site):
    f = fetcher(delay=0.2)
    list(read_inputs([site.base + "/feed.xml"], fetcher=f))
    assert site.log.count("/robots.txt") == 1
    assert f.tally.requests == [site.base + p for p in site.log]
    gaps = [b - a for a, b in zip(f.tally.sent, f.tally.sent[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.2 - 1e-6


def test_a_failing_url_is_one_problem_and_the_others_go_on(site):
    site.slow_seconds = 2.0
    urls = [site.base + p for p in ("/news/missing.html", "/news/slow.html", "/news/talks.html")]
    items = list(read_inputs(urls, fetcher=fetcher(timeout=0.3, retries=1)))
    missing, slow, talks = items
    assert isinstance(missing, ArticleProblem) and missing.reason == "HTTP 404 Not Found"
    assert isinstance(slow, ArticleProblem) and slow.reason.startswith("timed out after 0.3 s")
    assert site.log.count("/news/slow.html") == 2  # bounded retries: one retry
    assert site.log.count("/news/missing.html") == 1  # a 404 is not retried
    assert talks.title == "Port talks resume"


def test_unreachable_host_is_a_problem_not_a_crash():
    f = Fetcher(delay=0.0, timeout=0.5, retries=0)
    (item,) = read_inputs(["http://127.0.0.1:9/news.html"], fetcher=f)
    assert isinstance(item, ArticleProblem) and "robots.txt unreadable" in item.reason


def test_cli_read_prints_json_lines_and_reports_problems(site):
    r = CliRunner().invoke(cli, ["read", "--delay", "0", "--timeout", "1",
                                 site.base + "/news/envoy.html", site.base + "/news/gone.html"])
    assert r.exit_code == 0, r.output
    (line,) = r.stdout.splitlines()
    rec = json.loads(line)
    assert list(rec) == ["id", "title", "published", "url", "author", "text"]
    assert (rec["title"], rec["published"], rec["author"]) == (
        "Envoy lands in Lisbon", "2026-03-02", "Marta Quintela")
    assert r.stderr.strip() == f"kg: skipped {site.base}/news/gone.html: HTTP 404 Not Found"


def test_feed_and_sitemap_parsing():
    atom = (b"<?xml version='1.0'?><feed xmlns='http://www.w3.org/2005/Atom'><entry>"
            b"<link rel='alternate' href='/a/1'/><link rel='edit' href='/edit/1'/>"
            b"<published>2026-01-05T10:00:00Z</published></entry>"
            b"<entry><link href='javascript:alert(1)'/></entry></feed>")
    assert kind_of(atom) == "feed"
    (e,) = feed_entries(atom, "https://news.example/atom.xml")
    assert (e.url, str(e.published)) == ("https://news.example/a/1", "2026-01-05")
    index = (b"<sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
             b"<sitemap><loc>https://news.example/s1.xml</loc></sitemap></sitemapindex>")
    assert kind_of(index) == "sitemap-index"
    assert [x.url for x in sitemap_entries(index, "https://news.example/")] == [
        "https://news.example/s1.xml"]
    evil = (b"<?xml version='1.0'?><!DOCTYPE r [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
            b"<rss><channel><item><link>https://a.example/&x;</link></item></channel></rss>")
    assert all("root:" not in x.url for x in feed_entries(evil, "https://a.example/"))


def test_page_ids_are_stable_and_readable():
    assert page_id("https://www.Example.org/news/a.html") == "example.org/news/a"
    assert page_id("http://example.org/news/a/") == page_id("https://example.org/news/a")


@pytest.mark.model
def test_feed_build_ingests_allowed_entries_and_a_rerun_fetches_nothing_new(site):
    from kg.ingest.build import build
    from kg.store import open_store

    store = open_store("memory:")
    first = build([site.base + "/feed.xml"], store, fetcher=fetcher())
    assert len(first.built) == 2 and (first.fetched, first.failed, first.refused) == (2, 0, 1)
    n = len(site.log)
    site.feed.append("/news/summit.html")
    second = build([site.base + "/feed.xml"], store, fetcher=fetcher())
    assert site.requests(n) == ["/robots.txt", "/feed.xml", "/news/summit.html"]
    assert len(second.built) == 1 and len(second.unchanged) == 2 and second.fetched == 1
    assert not any(p.startswith("/private/") for p in site.log)
    rows = store.query(
        "PREFIX schema: <https://schema.org/> SELECT ?name ?pub WHERE { ?a schema:author ?p ; "
        "schema:publisher ?o . ?p schema:name ?name . ?o schema:name ?pub } ORDER BY ?name").rows
    assert [(str(a), str(b)) for a, b in rows] == [
        ("Lena Duarte", "Harbour Times"), ("Marta Quintela", "Harbour Times"),
        ("Owen Brackley", "Harbour Times")]


@pytest.mark.model
def test_cli_build_on_urls_summarises_and_goes_on_after_failures(site, tmp_path):
    store = str(tmp_path / "store")
    r = CliRunner().invoke(cli, ["build", "--store", store, "--delay", "0", "--timeout", "1",
                                 site.base + "/feed.xml", site.base + "/news/gone.html"])
    assert r.exit_code == 0, r.output
    assert ("web: 5 URLs: 1 feed(s) or sitemap(s) read, 2 stored, 1 failed, 1 disallowed by "
            "robots.txt") in r.stdout.splitlines()
    assert f"kg: skipped {site.base}/news/gone.html: HTTP 404 Not Found" in r.stderr
    again = CliRunner().invoke(cli, ["build", "--store", store, "--delay", "0",
                                     site.base + "/feed.xml"])
    assert again.exit_code == 0, again.output
    # The feed has not changed (its ETag): nothing of it is read again.
    assert "built 0 articles (0 unchanged)" in again.stdout
    assert "1 not modified since the last build" in again.stdout


def test_byline_goes_into_the_rdf_as_schema_org_terms():
    from kg.model import Article, Extraction
    from kg.rdf.iri import entity_iri
    from kg.rdf.mapping import rdf_triples
    from kg.rdf.vocab import SDO

    a = Article("p1", "T", "Text.", url="https://news.example/p1", author="Ana Lima; Bo Chen",
                site_name="Harbour Times", canonical_url="https://news.example/c/p1")
    triples = {(str(s), str(p), str(o)) for s, p, o in rdf_triples(Extraction(a))}
    art = next(s for s, p, o in triples if p == str(SDO.identifier))
    ana, paper = str(entity_iri("person:Ana Lima")), str(entity_iri("organization:Harbour Times"))
    assert {(art, str(SDO.author), ana), (ana, str(SDO.name), "Ana Lima"),
            (art, str(SDO.author), str(entity_iri("person:Bo Chen"))),
            (art, str(SDO.publisher), paper), (paper, str(SDO.name), "Harbour Times"),
            (art, str(SDO.url), "https://news.example/p1")} <= triples


def test_json_lines_that_kg_read_prints_read_back_with_the_author():
    from kg.sources.articles import article_from_record

    a = article_from_record({"id": "p1", "title": "T", "text": "Ana met Bo in Lima.",
                             "author": " Ana  Lima ", "url": "https://news.example/p1"}, "f:1")
    assert (a.author, a.url) == ("Ana Lima", "https://news.example/p1")


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_stored_urls_query_finds_the_articles_a_web_build_skips(kind, tmp_path):
    from kg.ingest.build import _stored_urls
    from kg.model import Article, Extraction
    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    store = open_store("memory:" if kind == "memory" else tmp_path / "s")
    store.replace_article(to_rdf(Extraction(Article("w1", "T", "X.", url="https://n.example/1"))))
    store.replace_article(to_rdf(Extraction(Article("local", "T", "Y."))))
    assert _stored_urls(store) == {"https://n.example/1": "w1"}
    store.close()


def test_a_redirect_into_a_disallowed_path_is_refused_and_never_followed(site):
    urls = [site.base + "/go/secret", site.base + "/go/talks"]
    secret, talks = read_inputs(urls, fetcher=fetcher())
    assert isinstance(secret, ArticleProblem) and "robots.txt disallows" in secret.reason
    assert talks.title == "Port talks resume" and talks.url == site.base + "/go/talks"
    assert not any(p.startswith("/private/") for p in site.log)
    assert site.log.count("/robots.txt") == 1
