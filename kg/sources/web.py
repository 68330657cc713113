"""Articles from the web: polite fetching of pages, RSS/Atom feeds and sitemaps.

The only place where ``kg`` uses the network. Each host's ``robots.txt`` is read first and
honoured (a disallowed URL is refused, never requested, also not through a redirect);
requests to one host are spaced by :attr:`Fetcher.delay` seconds (or the site's
``Crawl-delay``, if longer, up to :data:`MAX_CRAWL_DELAY`); every request carries an honest
User-Agent, a timeout and a size cap, and a timeout, a dropped connection, a 429 or a 5xx
answer is retried a bounded number of times. A redirect to the same host waits for the delay
too. With a :class:`~kg.sources.fetchlog.FetchLog` (``kg build`` reads it from the store), a
URL that failed before is not fetched again before its retry time, and a feed, sitemap or page
fetched before is asked for conditionally (a 304 answer: nothing new).

>>> page_id("https://www.example.org/news/2026/envoy.html?p=2#top")
'example.org/news/2026/envoy?p=2'
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from email.message import Message
from typing import Any
from urllib.parse import urlsplit, urlunsplit

from kg.errors import InputError
from kg.model import Article
from kg.sources.articles import ArticleProblem
from kg.sources.feeds import Entry, feed_entries, kind_of, sitemap_entries
from kg.sources.fetchlog import FetchLog
from kg.sources.html import MAX_HTML_BYTES, read_html

__all__ = ["USER_AGENT", "FetchError", "Fetched", "Fetcher", "KnownPage", "WebTally",
           "page_id", "iter_web"]

log = logging.getLogger(__name__)

USER_AGENT = "kg/0.1 (knowledge-graph builder for news; +https://w3id.org/kg-news)"
#: A longer Crawl-delay is cut to this many seconds (and logged): politeness, not a stall.
MAX_CRAWL_DELAY = 60.0
#: A sitemap index may list sitemaps; deeper nesting than this is not followed.
MAX_SITEMAP_DEPTH = 2
_RETRY_STATUS = {429, 500, 502, 503, 504}
#: Answers that say the URL is gone for good: it is not asked for again for a long while.
_GONE_STATUS = {404, 410}
_CONDITIONAL = ("if-none-match", "if-modified-since")


class FetchError(InputError):
    """A URL that could not be fetched; ``refused`` when robots.txt disallows it, ``status``
    the HTTP status of a refusing answer."""

    def __init__(self, url: str, reason: str, *, refused: bool = False,
                 status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.refused, self.status = url, reason, refused, status

    @property
    def permanent(self) -> bool:
        """Gone (404, 410) or refused by robots.txt: not a passing problem."""
        return self.refused or self.status in _GONE_STATUS


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched document: the URL asked for, the URL answered (after redirects), the body
    and its validators; ``status`` 304 (no body) when it has not changed since last time."""

    url: str
    final_url: str
    body: bytes
    content_type: str = ""
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class KnownPage:
    """A listed URL whose article is already stored: not fetched again."""

    url: str
    article_id: str


@dataclass
class WebTally:
    """What the web source did in one run (the build summary prints it)."""

    fetched: int = 0  #: article pages downloaded
    known: int = 0  #: listed pages already stored, not downloaded
    failed: int = 0
    refused: int = 0  #: disallowed by robots.txt
    not_modified: int = 0  #: feeds, sitemaps and pages answered 304: nothing new
    waiting: int = 0  #: URLs that failed before and whose retry time has not come
    deferred: list[str] = field(default_factory=list)  #: those URLs
    requests: list[str] = field(default_factory=list)  #: every URL requested, in order
    sent: list[float] = field(default_factory=list)  #: when each was sent (time.monotonic)


def page_id(url: str) -> str:
    """A stable article id for a page URL: host and path, without scheme, ``www.`` or fragment."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    for suffix in (".html", ".htm", ".php", ".aspx"):
        path = path.removesuffix(suffix)
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only where robots.txt allows it, so a disallowed page is never
    requested through a redirect either."""

    def __init__(self, fetcher: Fetcher) -> None:
        self.fetcher = fetcher

    def redirect_request(self, req: urllib.request.Request, fp: Any, code: int, msg: str,
                         headers: Any, newurl: str) -> urllib.request.Request | None:
        if not self.fetcher.allowed(newurl):
            raise FetchError(req.full_url, f"redirected to {newurl}, which the site's "
                             "robots.txt disallows", refused=True)
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
            # The validators belong to the URL asked for, not to where it now points.
            for name in [k for k in new.headers if k.lower() in _CONDITIONAL]:
                del new.headers[name]
            self.fetcher._pace(newurl)  # the hop is one more request to (often) the same host
        return new


class Fetcher:
    """Polite HTTP GETs: robots.txt, a delay per host, a timeout, bounded retries, a size cap."""

    def __init__(self, *, delay: float = 1.0, timeout: float = 15.0, retries: int = 2,
                 max_bytes: int = MAX_HTML_BYTES, user_agent: str = USER_AGENT,
                 retry_failed: bool = False) -> None:
        self.delay, self.timeout, self.retries = delay, timeout, retries
        self.max_bytes, self.user_agent = max_bytes, user_agent
        #: Fetch URLs that failed before now, whatever their retry time (``--retry-failed``).
        self.retry_failed = retry_failed
        #: What earlier builds learnt about URLs; ``kg build`` sets it from the store.
        self.log: FetchLog | None = None
        self.tally = WebTally()
        self._robots: dict[str, urllib.robotparser.RobotFileParser | None] = {}
        self._robots_problem: dict[str, str] = {}
        self._last: dict[str, float] = {}
        self._opener = urllib.request.build_opener(_CheckedRedirects(self))

    def _host(self, url: str) -> str:
        p = urlsplit(url)
        return f"{p.scheme}://{p.netloc}"

    def _wait(self, host: str) -> None:
        robots = self._robots.get(host)
        crawl_delay = robots.crawl_delay(self.user_agent) if robots else None
        if crawl_delay and float(crawl_delay) > MAX_CRAWL_DELAY:
            log.warning("%s asks for a %s s Crawl-delay; waiting %g s", host, crawl_delay,
                        MAX_CRAWL_DELAY)
        gap = max(self.delay, min(float(crawl_delay or 0), MAX_CRAWL_DELAY))
        wait = self._last.get(host, -1e9) + gap - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        self._last[host] = time.monotonic()

    def _pace(self, url: str) -> None:
        """Wait for the host's delay, then note the request."""
        self._wait(self._host(url))
        self.tally.requests.append(url)
        self.tally.sent.append(self._last[self._host(url)])

    def _get_once(self, url: str, conditional: bool) -> Fetched:
        self._pace(url)
        headers = {"User-Agent": self.user_agent, "Accept-Encoding": "identity"}
        if conditional and self.log is not None:
            headers |= self.log.headers(url)
        req = urllib.request.Request(url, headers=headers)
        with self._opener.open(req, timeout=self.timeout) as resp:
            body = resp.read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                raise FetchError(url, f"more than the {self.max_bytes:,}-byte page limit")
            got: Message = resp.headers
            return Fetched(url, resp.geturl(), body, got.get_content_type(),
                           etag=got.get("ETag"), last_modified=got.get("Last-Modified"))

    def _get(self, url: str, conditional: bool = False) -> Fetched:
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                return self._get_once(url, conditional)
            except urllib.error.HTTPError as e:
                if e.code == 304 and conditional:
                    return Fetched(url, url, b"", status=304)
                if e.code not in _RETRY_STATUS or last:
                    raise FetchError(url, f"HTTP {e.code} {e.reason}", status=e.code) from e
            except TimeoutError as e:
                if last:
                    raise FetchError(url, f"timed out after {self.timeout:g} s "
                                          f"({attempt + 1} tries)") from e
            except urllib.error.URLError as e:
                if isinstance(e.reason, TimeoutError):
                    if last:
                        raise FetchError(url, f"timed out after {self.timeout:g} s "
                                              f"({attempt + 1} tries)") from e
                elif last:
                    raise FetchError(url, f"cannot connect ({e.reason})") from e
            except (ConnectionError, OSError) as e:
                if last:
                    raise FetchError(url, f"connection failed ({e})") from e
            time.sleep(min(30.0, self.delay * 2 ** attempt))
        raise AssertionError("unreachable")

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets this User-Agent fetch ``url`` (read once per host).

        No robots.txt (a 4xx answer) allows everything; one that cannot be read (5xx, no
        connection) refuses the host's URLs for this run, as RFC 9309 asks.
        """
        host = self._host(url)
        if host not in self._robots:
            parser = urllib.robotparser.RobotFileParser()
            try:
                got = self._get(host + "/robots.txt")
                parser.parse(got.body.decode("utf-8", "replace").splitlines())
            except FetchError as e:
                if not e.reason.startswith("HTTP 4"):
                    self._robots[host] = None
                    self._robots_problem[host] = f"robots.txt unreadable ({e.reason})"
                else:
                    parser.parse([])  # no rules: everything is allowed
            if host not in self._robots:
                self._robots[host] = parser
        robots = self._robots[host]
        if robots is None:
            raise FetchError(url, self._robots_problem[host])
        return robots.can_fetch(self.user_agent, url)

    def get(self, url: str, *, conditional: bool = False) -> Fetched:
        """Fetch ``url`` if robots.txt allows it; :class:`FetchError` says why not.

        ``conditional`` sends the validators the log holds for ``url``: then a 304 answer comes
        back as a :class:`Fetched` with ``status`` 304 and no body.
        """
        if not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt", refused=True)
        return self._get(url, conditional)


def _listed(fetched: Fetched, fetcher: Fetcher, depth: int = 0) -> Iterator[Entry]:
    kind = kind_of(fetched.body)
    if kind == "feed":
        yield from feed_entries(fetched.body, fetched.final_url)
    elif kind == "sitemap":
        yield from sitemap_entries(fetched.body, fetched.final_url)
    elif kind == "sitemap-index" and depth < MAX_SITEMAP_DEPTH:
        for sub in sitemap_entries(fetched.body, fetched.final_url):
            yield from _listed(fetcher.get(sub.url), fetcher, depth + 1)


def _page(entry: Entry, fetcher: Fetcher, published: date | None,
          got: Fetched | None = None) -> Article:
    got = got or fetcher.get(entry.url)
    fetcher.tally.fetched += 1
    art = read_html(got.body, page_id(entry.url), entry.url, published, url=entry.url)
    if art.published is None and entry.published is not None:
        from dataclasses import replace

        art = replace(art, published=entry.published)
    return art


def _failure(fetcher: Fetcher, url: str, reason: str, *, permanent: bool,
             listed_by: str | None) -> ArticleProblem:
    if fetcher.log is not None:
        fetcher.log.failed(url, reason, permanent=permanent, listed_by=listed_by)
    return ArticleProblem(url, reason)


def _problem(e: FetchError, fetcher: Fetcher, listed_by: str | None = None) -> ArticleProblem:
    if e.refused:
        fetcher.tally.refused += 1
    else:
        fetcher.tally.failed += 1
    return _failure(fetcher, e.url, e.reason, permanent=e.permanent, listed_by=listed_by)


def _unreadable(url: str, e: InputError, fetcher: Fetcher,
                listed_by: str | None = None, *, permanent: bool = True) -> ArticleProblem:
    # A page with no article text stays so; a feed that does not parse may be mended.
    return _failure(fetcher, url, str(e).removeprefix(f"{url}: "), permanent=permanent,
                    listed_by=listed_by)


def _waiting(url: str, fetcher: Fetcher) -> bool:
    rec = fetcher.log.waiting(url) if fetcher.log is not None else None
    if rec is None:
        return False
    fetcher.tally.waiting += 1
    fetcher.tally.deferred.append(url)
    log.info("not fetching %s: failed %d time(s), last %s (%s); next try after %s", url,
             rec.failures, rec.last_failure, rec.reason, rec.retry_at())
    return True


def _entries(entries: Iterable[Entry], listing: str, fetcher: Fetcher, known: Mapping[str, str],
             published: date | None) -> Iterator[Article | ArticleProblem | KnownPage]:
    for entry in entries:
        if entry.url in known:
            fetcher.tally.known += 1
            yield KnownPage(entry.url, known[entry.url])
            continue
        if _waiting(entry.url, fetcher):
            continue
        try:
            art = _page(entry, fetcher, published)
        except FetchError as e:
            yield _problem(e, fetcher, listing)
            continue
        except InputError as e:
            yield _unreadable(entry.url, e, fetcher, listing)
            continue
        if fetcher.log is not None:
            fetcher.log.succeeded(entry.url)
        yield art


def _read_url(url: str, fetcher: Fetcher, known: Mapping[str, str], published: date | None
              ) -> Iterator[Article | ArticleProblem | KnownPage]:
    rec = fetcher.log.records.get(url) if fetcher.log is not None else None
    # A page is asked for conditionally only if its article is stored: a 304 must leave
    # something to count as unchanged.
    conditional = rec is not None and (rec.kind != "page" or url in known)
    try:
        got = fetcher.get(url, conditional=conditional)
    except FetchError as e:
        yield _problem(e, fetcher)
        return
    if got.status == 304 and fetcher.log is not None:
        fetcher.tally.not_modified += 1
        if url in known:
            yield KnownPage(url, known[url])
        else:  # an unchanged feed or sitemap: only its failed entries may be due again
            yield from _entries([Entry(u) for u in fetcher.log.failed_entries(url)], url,
                                fetcher, known, published)
        return
    kind = kind_of(got.body)
    if kind == "page":
        try:
            art = _page(Entry(url), fetcher, published, got)
        except InputError as e:
            yield _unreadable(url, e, fetcher)
            return
        entries: list[Entry] = []
    else:
        try:
            entries = list(_listed(got, fetcher))
        except FetchError as e:
            yield _problem(e, fetcher)
            return
        except InputError as e:
            yield _unreadable(url, e, fetcher, permanent=False)
            return
    if fetcher.log is not None:
        fetcher.log.succeeded(url, kind=kind, etag=got.etag, last_modified=got.last_modified)
    if kind == "page":
        yield art
    else:
        yield from _entries(entries, url, fetcher, known, published)


def iter_web(urls: Iterable[str], fetcher: Fetcher, *, known: Mapping[str, str] | None = None,
             published: date | None = None) -> Iterator[Article | ArticleProblem | KnownPage]:
    """The articles behind each URL: a page is read; a feed or sitemap is read for its links,
    and each linked page not in ``known`` (``{url: article id}``) is fetched and read.

    A URL that fails is an :class:`ArticleProblem` and the others go on. With a fetch log
    (:attr:`Fetcher.log`), a URL still waiting for its retry time is skipped (counted in
    :attr:`WebTally.waiting`), and a feed, sitemap or stored page answered 304 is not read
    again (:attr:`WebTally.not_modified`; the page counts as a :class:`KnownPage`).
    """
    known = known or {}
    for url in urls:
        if not _waiting(url, fetcher):
            yield from _read_url(url, fetcher, known, published)
