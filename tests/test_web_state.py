"""What web builds remember between runs (kg/sources/fetchlog.py, kg/ingest/fetch_state.py):
failed URLs wait for their retry time, and feeds and pages fetched before are asked for
conditionally. Offline: the news site of web_site.py on 127.0.0.1."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from web_site import LAST_MODIFIED

from kg.model import Article
from kg.sources.articles import ArticleProblem
from kg.sources.crawl import KnownPage, iter_web
from kg.sources.fetchlog import FIRST_RETRY, MAX_RETRY, PERMANENT_RETRY, FetchLog
from kg.sources.web import Fetcher

T0 = datetime(2026, 3, 2, 8, 0, tzinfo=UTC)


def fetcher(log: FetchLog | None = None, **kw) -> Fetcher:
    f = Fetcher(**{"delay": 0.0, "timeout": 1.0, "retries": 0, **kw})
    f.log = log
    return f


def later(log: FetchLog, after: timedelta, **kw) -> FetchLog:
    """The log as the next build reads it from the store, ``after`` the first one."""
    return FetchLog(log.records.values(), now=T0 + after, **kw)


def test_temporary_failures_back_off_doubling_up_to_a_week():
    log = FetchLog(now=T0)
    waits = []
    for _ in range(8):
        log.failed("https://a.example/x", "HTTP 503 Service Unavailable", permanent=False)
        waits.append(log.records["https://a.example/x"].retry_at() - T0)
    assert waits[:4] == [FIRST_RETRY, 2 * FIRST_RETRY, 4 * FIRST_RETRY, 8 * FIRST_RETRY]
    assert waits[-1] == max(waits) == MAX_RETRY
    assert log.records["https://a.example/x"].failures == 8


def test_a_permanent_failure_waits_until_its_time_or_retry_failed():
    log = FetchLog(now=T0)
    log.failed("https://a.example/gone", "HTTP 404 Not Found", permanent=True)
    assert later(log, PERMANENT_RETRY - timedelta(seconds=1)).waiting("https://a.example/gone")
    assert later(log, PERMANENT_RETRY).waiting("https://a.example/gone") is None
    assert later(log, timedelta(0), retry_failed=True).waiting("https://a.example/gone") is None


def test_success_forgets_the_failures_and_keeps_the_validators():
    log = FetchLog(now=T0)
    log.failed("https://a.example/feed", "timed out after 15 s (3 tries)", permanent=False)
    log.succeeded("https://a.example/feed", kind="feed", etag='"v1"', last_modified=LAST_MODIFIED)
    rec = log.records["https://a.example/feed"]
    assert (rec.failures, rec.retry_at(), rec.kind) == (0, None, "feed")
    assert log.headers("https://a.example/feed") == {"If-None-Match": '"v1"',
                                                     "If-Modified-Since": LAST_MODIFIED}
    assert FetchLog(log.records.values(), conditional=False).headers(
        "https://a.example/feed") == {}
    log.succeeded("https://a.example/feed", kind="feed")  # an answer without validators
    assert log.headers("https://a.example/feed") == {}
    assert log.records["https://a.example/feed"].kind == "feed"  # still a feed it looked at


def test_the_log_keeps_only_the_most_recent_records(monkeypatch):
    import kg.sources.fetchlog as fetchlog

    monkeypatch.setattr(fetchlog, "MAX_RECORDS", 2)
    log = FetchLog(now=T0)
    for hours, url in enumerate(("https://a.example/1", "https://a.example/2",
                                 "https://a.example/3")):
        log.now = T0 + timedelta(hours=hours)
        log.failed(url, "HTTP 503 Service Unavailable", permanent=False)
    assert [r.url for r in log.kept()] == ["https://a.example/3", "https://a.example/2"]


@pytest.mark.parametrize("kind", ["memory", "oxigraph"])
def test_the_log_round_trips_through_the_store_and_stays_out_of_article_queries(kind, tmp_path):
    from kg.info import store_info
    from kg.ingest.build import _stored_urls
    from kg.ingest.fetch_state import load_fetch_log, save_fetch_log
    from kg.model import Extraction
    from kg.rdf.mapping import to_rdf
    from kg.store import open_store

    store = open_store("memory:" if kind == "memory" else tmp_path / "s")
    store.replace_article(to_rdf(Extraction(Article("w1", "T", "X.", url="https://n.example/1"))))
    before = (store.article_hashes(), store_info(store).articles)
    log = FetchLog(now=T0)
    log.failed("https://n.example/2", "HTTP 410 Gone", permanent=True,
               listed_by="https://n.example/feed.xml")
    log.succeeded("https://n.example/feed.xml", kind="feed", etag='"v1"',
                  last_modified=LAST_MODIFIED)
    log.succeeded("http://n.example/3", kind="page", etag='"v3"',
                  final_url="https://n.example/3")
    save_fetch_log(store, log)
    assert load_fetch_log(store, now=T0).records == log.records
    assert (store.article_hashes(), store_info(store).articles) == before
    assert _stored_urls(store) == {"https://n.example/1": "w1"}
    save_fetch_log(store, FetchLog())
    assert load_fetch_log(store).records == {}
    store.close()


def test_failed_urls_wait_for_their_retry_time(site):
    paths = ("/news/missing.html", "/news/withdrawn.html", "/news/busy.html", "/news/talks.html")
    urls = [site.base + p for p in paths]
    log = FetchLog(now=T0)
    first = list(iter_web(urls, fetcher(log)))
    assert [type(x) for x in first] == [ArticleProblem] * 3 + [Article]
    missing, withdrawn, busy = (log.records[u] for u in urls[:3])
    assert (missing.permanent, withdrawn.permanent, busy.permanent) == (True, True, False)
    assert (busy.reason, busy.failures) == ("HTTP 503 Service Unavailable", 1)
    assert urls[3] in log.records and log.records[urls[3]].failures == 0  # has validators

    n = len(site.log)  # the next day: the 503 is due again, the 404 and the 410 are not
    next_day = later(log, timedelta(days=1))
    f = fetcher(next_day)
    again = list(iter_web(urls, f))
    assert site.requests(n) == ["/robots.txt", "/news/busy.html", "/news/talks.html"]
    assert (f.tally.waiting, f.tally.deferred) == (2, urls[:2])
    assert len(again) == 2 and next_day.records[urls[2]].failures == 2

    n = len(site.log)
    list(iter_web(urls, fetcher(later(next_day, timedelta(days=1), retry_failed=True))))
    assert site.requests(n) == ["/robots.txt", *paths]


def test_an_unchanged_feed_is_not_read_again_and_a_changed_one_is(site):
    feed = site.base + "/feed.xml"
    log = FetchLog(now=T0)
    first = list(iter_web([feed], fetcher(log)))
    stored = {a.url: a.id for a in first if isinstance(a, Article)}
    assert len(stored) == 2 and log.records[feed].kind == "feed"
    refused = log.records[site.base + "/private/secret.html"]
    assert refused.permanent and refused.listed_by == feed

    n = len(site.log)
    f = fetcher(later(log, timedelta(days=1)))
    assert list(iter_web([feed], f, known=stored)) == []
    assert site.requests(n) == ["/robots.txt", "/feed.xml"]
    assert site.conditional == [("/feed.xml", log.records[feed].etag, None)]
    assert (f.tally.not_modified, f.tally.waiting, f.tally.fetched) == (1, 1, 0)

    site.feed.append("/news/summit.html")
    n = len(site.log)
    third = list(iter_web([feed], fetcher(later(log, timedelta(days=2))), known=stored))
    assert site.requests(n) == ["/robots.txt", "/feed.xml", "/news/summit.html"]
    assert [a.title for a in third if isinstance(a, Article)] == ["Mayors meet in Ghent"]
    assert sum(isinstance(a, KnownPage) for a in third) == 2


def test_an_unchanged_feed_still_retries_its_failed_entries_when_due(site):
    site.feed = ["/news/envoy.html", "/news/busy.html"]
    feed = site.base + "/feed.xml"
    log = FetchLog(now=T0)
    (envoy, problem) = iter_web([feed], fetcher(log))
    assert problem.source == site.base + "/news/busy.html"
    n = len(site.log)
    list(iter_web([feed], fetcher(later(log, timedelta(hours=1))), known={envoy.url: envoy.id}))
    assert site.requests(n) == ["/robots.txt", "/feed.xml"]  # 304, and the 503 is not due
    n = len(site.log)
    list(iter_web([feed], fetcher(later(log, timedelta(days=1))), known={envoy.url: envoy.id}))
    assert site.requests(n) == ["/robots.txt", "/feed.xml", "/news/busy.html"]


def test_a_stored_page_is_asked_for_with_if_modified_since(site):
    site.etags = False
    url = site.base + "/news/talks.html"
    log = FetchLog(now=T0)
    (art,) = iter_web([url], fetcher(log))
    assert (log.records[url].kind, log.records[url].last_modified) == ("page", LAST_MODIFIED)
    (again,) = iter_web([url], fetcher(later(log, timedelta(days=1))))  # not stored: in full
    assert isinstance(again, Article) and site.conditional == []
    f = fetcher(later(log, timedelta(days=1)))
    assert list(iter_web([url], f, known={url: art.id})) == [KnownPage(url, art.id)]
    assert site.conditional == [("/news/talks.html", None, LAST_MODIFIED)]
    assert (f.tally.not_modified, f.tally.fetched) == (1, 0)


def test_a_redirect_hop_waits_for_the_delay_and_an_unchanged_target_is_not_downloaded(site):
    url = site.base + "/go/talks"
    log = FetchLog(now=T0)
    f = fetcher(log, delay=0.3)
    (talks,) = iter_web([url], f)
    assert talks.title == "Port talks resume"
    assert f.tally.requests == [site.base + p for p in ("/robots.txt", "/go/talks",
                                                        "/news/talks.html")]
    assert site.log == ["/robots.txt", "/go/talks", "/news/talks.html"]
    assert min(b - a for a, b in zip(f.tally.sent, f.tally.sent[1:], strict=False)) >= 0.3 - 1e-6
    assert log.records[url].final_url == site.base + "/news/talks.html"
    g = fetcher(later(log, timedelta(days=1)))
    assert list(iter_web([url], g, known={url: talks.id})) == [KnownPage(url, talks.id)]
    # The validators go along the hop, and the page they came from answers 304.
    assert [c[0] for c in site.conditional] == ["/go/talks", "/news/talks.html"]
    assert (g.tally.not_modified, g.tally.fetched) == (1, 0)


def test_a_304_from_a_new_redirect_target_is_not_taken_for_the_old_page(site, monkeypatch):
    import web_site

    site.etags = False  # Last-Modified only: every page of the site has the same date
    url = site.base + "/go/talks"
    log = FetchLog(now=T0)
    (talks,) = iter_web([url], fetcher(log))
    monkeypatch.setitem(web_site.REDIRECTS, "/go/talks", "/news/envoy.html")
    g = fetcher(later(log, timedelta(days=1)))
    (now,) = iter_web([url], g, known={url: talks.id})
    # The new target's 304 says nothing about the page last read: it is read in full.
    assert isinstance(now, Article) and now.title != talks.title
    assert site.log[-1] == "/news/envoy.html" and g.tally.fetched == 1
    assert g.log is not None and g.log.records[url].final_url == site.base + "/news/envoy.html"


@pytest.mark.model
def test_a_daily_build_leaves_dead_links_and_an_unchanged_feed_alone(site, tmp_path):
    from kg.cli import cli

    site.feed = ["/news/envoy.html", "/news/missing.html", "/private/secret.html"]
    args = ["build", "--store", str(tmp_path / "store"), "--delay", "0", "--timeout", "1",
            site.base + "/feed.xml"]
    first = CliRunner().invoke(cli, args)
    assert first.exit_code == 0, first.output
    assert ("web: 4 URLs: 1 feed(s) or sitemap(s) read, 1 stored, 1 failed, 1 disallowed by "
            "robots.txt") in first.stdout.splitlines()
    n = len(site.log)
    second = CliRunner().invoke(cli, args)
    assert second.exit_code == 0, second.output
    assert site.requests(n) == ["/robots.txt", "/feed.xml"]
    assert ("web: 3 URLs: 1 not modified since the last build, 2 waiting for their retry "
            "time (--retry-failed tries them now)") in second.stdout.splitlines()
    n = len(site.log)
    third = CliRunner().invoke(cli, [*args, "--retry-failed"])
    assert third.exit_code == 1, third.output  # every entry it read failed
    assert site.requests(n) == ["/robots.txt", "/feed.xml", "/news/missing.html"]
    assert f"kg: skipped {site.base}/news/missing.html: HTTP 404 Not Found" in third.stderr


@pytest.mark.model
def test_the_log_is_written_only_with_the_build_it_describes(site):
    from kg.ingest.build import build
    from kg.ingest.fetch_state import load_fetch_log
    from kg.store import open_store

    store = open_store("memory:")
    site.feed = ["/news/missing.html", "/news/envoy.html", "/news/talks.html"]

    def interrupt(progress) -> None:
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        build([site.base + "/feed.xml"], store, fetcher=fetcher(), progress=interrupt)
    assert load_fetch_log(store).records == {}  # the 404 was seen, but nothing was published
    build([site.base + "/feed.xml"], store, fetcher=fetcher())
    assert load_fetch_log(store).records[site.base + "/news/missing.html"].permanent


@pytest.mark.model
@pytest.mark.slow
def test_a_dask_build_reads_urls_and_keeps_the_log(site):
    from kg.ingest.distributed import build_distributed
    from kg.ingest.fetch_state import load_fetch_log
    from kg.store import open_store

    store = open_store("memory:")
    site.feed = ["/news/envoy.html", "/news/missing.html"]
    s = build_distributed([site.base + "/feed.xml"], store, "local:1", fetcher=fetcher())
    assert (len(s.built), s.fetched, s.failed) == (1, 1, 1)
    assert site.base + "/news/missing.html" in load_fetch_log(store).records
    n = len(site.log)
    again = build_distributed([site.base + "/feed.xml"], store, "local:1", fetcher=fetcher())
    assert site.requests(n) == ["/robots.txt", "/feed.xml"] and again.not_modified == 1


def test_a_feed_answered_by_an_html_page_is_refused_for_now_not_read_as_an_article(
        site, monkeypatch):
    import web_site

    url = site.base + "/feed.xml"
    log = FetchLog(now=T0)
    list(iter_web([url], fetcher(log)))
    assert log.records[url].kind == "feed"
    # The site now answers its feed's URL with a page (a maintenance or login page).
    monkeypatch.setitem(web_site.FILES, "/feed.xml",
                        (web_site.PAGES["/news/talks.html"].encode(), "text/html"))
    nxt = later(log, timedelta(days=1))
    (got,) = iter_web([url], fetcher(nxt))
    assert isinstance(got, ArticleProblem)
    assert got.reason.startswith("was a feed when last read, but the server now sends an HTML")
    rec = nxt.records[url]
    assert (rec.kind, rec.failures, rec.permanent) == ("feed", 1, False)  # retried in 6 hours
    assert rec.retry_at() == T0 + timedelta(days=1) + FIRST_RETRY


def test_an_html_page_at_a_url_named_like_a_feed_is_not_an_article(site, monkeypatch):
    import web_site

    monkeypatch.setitem(web_site.FILES, "/latest.rss",
                        (web_site.PAGES["/news/summit.html"].encode(), "text/html"))
    (got,) = iter_web([site.base + "/latest.rss"], fetcher(FetchLog(now=T0)))
    assert isinstance(got, ArticleProblem)
    assert got.reason == ("the URL names a feed or sitemap (.rss), but the server sent an HTML "
                          "page (an error page?)")
    # The same page under an article's URL is read.
    (page,) = iter_web([site.base + "/news/summit.html"], fetcher())
    assert isinstance(page, Article) and page.title == "Mayors meet in Ghent"
