"""Every URL a web build looks at ends with one outcome, in the summary and in the store's log
(`kg urls`); sitemap indexes and their sitemaps are asked for conditionally; a URL listed twice
is read once. Offline: the news site of web_site.py on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.sources.articles import ArticleProblem
from kg.sources.crawl import KnownPage, iter_web
from kg.sources.fetchlog import FetchLog
from kg.sources.web import Fetcher

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def fetcher(log: FetchLog | None = None) -> Fetcher:
    f = Fetcher(delay=0.0, timeout=1.0, retries=0)
    f.log = log
    return f


def next_run(log: FetchLog, days: int = 1) -> Fetcher:
    """A fetcher with the log as the next build reads it from the store."""
    return fetcher(FetchLog(log.records.values(), now=T0 + timedelta(days=days)))


def urls_table(store: str) -> dict[str, tuple[str, str]]:
    r = CliRunner().invoke(cli, ["urls", "--store", store])
    assert r.exit_code == 0, r.output
    header, *rows = r.stdout.splitlines()
    assert header.split("\t")[:3] == ["outcome", "url", "reason"]
    return {url: (outcome, reason) for outcome, url, reason, *_ in
            (row.split("\t") for row in rows)}


@pytest.mark.model
def test_every_url_of_a_build_ends_in_the_log_with_its_outcome(site, tmp_path):
    store = str(tmp_path / "store")
    paths = ["/news/envoy.html", "/news/hafen.html", "/news/menu.html", "/files/report.pdf",
             "/news/gone.html", "/go/talks", "/private/secret.html"]
    r = CliRunner().invoke(cli, ["build", "--store", store, "--delay", "0", "--timeout", "1",
                                 *(site.base + p for p in paths)])
    assert r.exit_code == 0, r.output
    assert ("web: 7 URLs: 2 stored, 3 refused, 1 failed, 1 disallowed by robots.txt"
            in r.stdout.splitlines())
    skipped = [line for line in r.stderr.splitlines() if line.startswith("kg: skipped http")]
    assert len(skipped) == 5  # one line per URL that gave no article, and the others went on
    table = urls_table(store)
    assert set(table) == {site.base + p for p in paths}
    outcome = {p: table[site.base + p][0] for p in paths}
    assert outcome == {"/news/envoy.html": "stored", "/news/hafen.html": "refused",
                       "/news/menu.html": "refused", "/files/report.pdf": "refused",
                       "/news/gone.html": "failed", "/go/talks": "stored",
                       "/private/secret.html": "disallowed"}
    reason = {p: table[site.base + p][1] for p in paths}
    assert reason["/news/hafen.html"].startswith("not English (looks like de")
    assert reason["/news/menu.html"] == "HTML page has no article text"
    assert reason["/files/report.pdf"] == ("not an HTML page, a feed or a sitemap (the server "
                                           "sent application/pdf)")
    assert reason["/news/gone.html"] == "HTTP 404 Not Found"
    # The next build tells the unchanged pages from those it refused or could not fetch.
    again = CliRunner().invoke(cli, ["build", "--store", store, "--delay", "0",
                                     *(site.base + p for p in paths)])
    assert again.exit_code == 0, again.output
    table = urls_table(store)
    assert table[site.base + "/news/envoy.html"][0] == "not modified"
    assert table[site.base + "/go/talks"][0] == "not modified"  # a redirect: its target 304s
    assert table[site.base + "/news/hafen.html"][0] == "refused"  # language: read again
    assert table[site.base + "/news/gone.html"][0] == "waiting"
    assert table[site.base + "/news/gone.html"][1].startswith("HTTP 404 Not Found; next try")


@pytest.mark.model
def test_a_feed_that_is_not_xml_is_one_error_and_leaves_the_store_empty(site, tmp_path):
    from kg.store import open_store

    store = tmp_path / "store"
    r = CliRunner().invoke(cli, ["build", "--store", str(store), "--delay", "0",
                                 site.base + "/broken-feed.xml"])
    assert r.exit_code == 1
    assert r.stderr.splitlines()[0] == (
        f"kg: skipped {site.base}/broken-feed.xml: not a readable feed or sitemap: the server "
        "sent application/rss+xml, but not RSS, Atom or a sitemap")
    with open_store(store, writable=False) as s:
        assert s.is_empty()  # not even the fetch log: nothing was built
    assert urls_table(str(store)) == {}


@pytest.mark.model
def test_a_changed_page_is_read_again_and_an_unchanged_one_is_not(site, tmp_path):
    from kg.ingest.build import build
    from kg.store import open_store

    url = site.base + "/news/talks.html"
    with open_store(tmp_path / "store") as store:
        first = build([url], store, fetcher=fetcher())
        assert len(first.built) == 1
        before = store.article_hashes()
        n = len(site.log)
        same = build([url], store, fetcher=fetcher())
        assert same.web == (("not modified", 1),) and not same.built
        assert site.conditional[-1][0] == "/news/talks.html"
        site.changed["/news/talks.html"] = "The vote was moved to Saturday morning."
        changed = build([url], store, fetcher=fetcher())
        assert changed.built == first.built and changed.web == (("stored", 1),)
        assert site.requests(n).count("/news/talks.html") == 2
        assert store.article_hashes() != before  # the new text replaced the old


def test_a_sitemap_index_and_its_sitemaps_are_asked_for_conditionally(site):
    log = FetchLog(now=T0)
    index = site.base + "/sitemap-index.xml"
    first = list(iter_web([index], fetcher(log)))
    assert sorted(a.title for a in first) == ["Envoy lands in Lisbon", "Mayors meet in Ghent",
                                              "Port talks resume"]
    assert log.records[site.base + "/sitemaps/april.xml"].listed_by == index
    stored = {a.url: a.id for a in first}
    # An unchanged site: the index and both sitemaps answer 304, no page is downloaded.
    n, c = len(site.log), len(site.conditional)
    f = next_run(log)
    again = list(iter_web([index], f, known=stored))
    assert again == []
    assert site.requests(n) == ["/robots.txt", "/sitemap-index.xml", "/sitemaps/march.xml",
                                "/sitemaps/april.xml"]
    assert [p for p, etag, _ in site.conditional[c:] if etag] == site.requests(n)[1:]
    # Once more, nothing changed: the build finds what the last one found, and its log is
    # not rewritten.
    assert f.log is not None and f.log.changed
    same = fetcher(FetchLog(f.log.records.values(), now=T0 + timedelta(days=2)))
    assert list(iter_web([index], same, known=stored)) == []
    assert same.log is not None and not same.log.changed
    # One sitemap changes under an unchanged index: only it and its new page are downloaded.
    site.sitemaps["/sitemaps/april.xml"] = ["/news/talks.html", "/news/ferry.html"]
    n = len(site.log)
    f = next_run(log, days=2)
    third = list(iter_web([index], f, known=stored))
    assert site.requests(n) == ["/robots.txt", "/sitemap-index.xml", "/sitemaps/march.xml",
                                "/sitemaps/april.xml", "/news/ferry.html"]
    assert [a.title for a in third if not isinstance(a, KnownPage)] == ["Ferry line reopens"]
    assert f.tally.counts() == {"not modified": 2, "listed": 1, "already stored": 1,
                                "fetched": 1}


def test_a_failing_sitemap_of_an_index_fails_alone(site):
    site.sitemaps["/sitemaps/lost.xml"] = None  # listed by the index, answers 404
    log = FetchLog(now=T0)
    items = list(iter_web([site.base + "/sitemap-index.xml"], fetcher(log)))
    (problem,) = [i for i in items if isinstance(i, ArticleProblem)]
    assert problem.source == site.base + "/sitemaps/lost.xml"
    assert len(items) == 4  # the three pages of the other sitemaps were read
    lost = log.records[site.base + "/sitemaps/lost.xml"]
    assert (lost.outcome, lost.reason) == ("failed", "HTTP 404 Not Found")
    assert lost.listed_by == site.base + "/sitemap-index.xml"


def test_a_page_listed_by_the_feed_and_the_sitemap_is_read_once(site):
    f = fetcher()
    items = list(iter_web([site.base + "/feed.xml", site.base + "/sitemap.xml"], f))
    assert site.log.count("/news/envoy.html") == 1
    titles = [i.title for i in items if not isinstance(i, ArticleProblem)]
    assert titles == ["Envoy lands in Lisbon", "Port talks resume", "Mayors meet in Ghent"]
    assert f.tally.counts() == {"listed": 2, "fetched": 3, "disallowed": 1}


@pytest.mark.model
def test_a_page_refused_for_its_language_is_not_downloaded_again_while_unchanged(site, tmp_path):
    from kg.ingest.build import build
    from kg.store import open_store

    site.feed = ["/news/hafen.html", "/news/envoy.html"]
    feed, hafen = site.base + "/feed.xml", site.base + "/news/hafen.html"
    with open_store(tmp_path / "store") as store:
        first = build([feed], store, fetcher=fetcher())
        assert dict(first.web) == {"listed": 1, "stored": 1, "refused": 1}
        # The feed changes, so its entries are listed again: the German page is asked for
        # with its ETag, answers 304 and is refused again without being downloaded.
        site.feed.append("/news/summit.html")
        n, c = len(site.log), len(site.conditional)
        second = build([feed], store, fetcher=fetcher())
        assert site.requests(n) == ["/robots.txt", "/feed.xml", "/news/hafen.html",
                                    "/news/summit.html"]
        assert [p for p, *_ in site.conditional[c:]] == ["/feed.xml", "/news/hafen.html"]
        (problem,) = second.problems
        assert problem.source == hafen and problem.reason.startswith("not English")
        assert problem.reason.endswith("(unchanged since it was refused)")
        assert dict(second.web) == {"listed": 1, "stored": 1, "already stored": 1,
                                    "refused": 1}
        # Another --lang is another decision: the page is read in full and kept.
        site.feed.append("/news/talks.html")
        c = len(site.conditional)
        third = build([feed], store, fetcher=fetcher(), lang="any")
        assert "/news/hafen.html" not in [p for p, *_ in site.conditional[c:]]
        assert dict(third.web)["stored"] == 2 and not third.problems


def test_a_stored_page_the_sitemap_lists_as_changed_is_read_again(site):
    log = FetchLog(now=T0)
    sitemap, summit_url = site.base + "/sitemap.xml", site.base + "/news/summit.html"
    first = list(iter_web([sitemap], fetcher(log)))
    stored = {a.url: a.id for a in first}
    site.changed["/news/summit.html"] = "The regional governments answered within a week."
    site.lastmod["/news/summit.html"] = "2026-03-03"
    n = len(site.log)
    f = next_run(log)
    (summit, envoy) = iter_web([sitemap], f, known=stored)
    assert site.requests(n) == ["/robots.txt", "/sitemap.xml", "/news/summit.html"]
    assert summit.text.endswith("The regional governments answered within a week.")
    assert envoy == KnownPage(site.base + "/news/envoy.html", stored[envoy.url])
    # Listed as changed again, but the page's ETag says it is not: a 304, no download.
    site.lastmod["/news/summit.html"] = "2026-03-04"
    n = len(site.log)
    assert f.log is not None
    again = next_run(f.log, days=2)
    assert list(iter_web([sitemap], again, known=stored)) == [
        KnownPage(summit_url, stored[summit_url]), envoy]
    assert site.requests(n)[-1] == "/news/summit.html"
    assert again.tally.outcomes[summit_url] == ("not modified", "")
    # The same <lastmod> as last time: not asked for again.
    n = len(site.log)
    assert again.log is not None
    list(iter_web([sitemap], next_run(again.log, days=3), known=stored))
    assert "/news/summit.html" not in site.requests(n)


def test_a_mistyped_address_is_one_error_before_anything_is_read(tmp_path):
    (tmp_path / "talks.txt").write_text("Talks\n\nThe mayors of two towns met on Monday.\n")
    for bad, why in [("http://[::1/feed.xml", "Invalid IPv6 URL"),
                     ("https://harbour example.org/feed.xml", "spaces or control characters"),
                     ("http:///feed.xml", "no host")]:
        r = CliRunner().invoke(cli, ["build", "--store", str(tmp_path / "store"),
                                     str(tmp_path / "talks.txt"), bad])
        assert r.exit_code == 1 and r.stdout == ""
        assert r.stderr.startswith(f"kg: error: {bad}: not a valid URL (") and why in r.stderr
        assert len(r.stderr.splitlines()) == 1
    from kg.store import open_store

    with open_store(tmp_path / "store", writable=False) as s:
        assert s.is_empty()  # not even talks.txt: nothing was read, nothing was written


def test_a_mistyped_feed_entry_is_one_problem_and_the_others_go_on(site):
    site.feed = ["/news/a b.html", "/news/envoy.html"]
    problem, envoy = iter_web([site.base + "/feed.xml"], fetcher())
    assert isinstance(problem, ArticleProblem) and problem.reason.startswith("not a valid URL")
    assert envoy.title == "Envoy lands in Lisbon"
