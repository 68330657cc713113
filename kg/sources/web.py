"""Articles from the web: polite fetching of pages, RSS/Atom feeds and sitemaps.

The only place where ``kg`` uses the network. Each host's ``robots.txt`` is read first and
honoured (a disallowed URL is refused, never requested, also not through a redirect);
requests to one host are spaced by :attr:`Fetcher.delay` seconds (or the site's
``Crawl-delay``, if longer, up to :data:`MAX_CRAWL_DELAY`); every request carries an honest
User-Agent, a timeout and a size cap, and a timeout, a dropped connection, a 429 or a 5xx
answer is retried a bounded number of times.

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


class FetchError(InputError):
    """A URL that could not be fetched; ``refused`` when robots.txt disallows it."""

    def __init__(self, url: str, reason: str, *, refused: bool = False) -> None:
        super().__init__(f"{url}: {reason}")
        self.url, self.reason, self.refused = url, reason, refused


@dataclass(frozen=True, slots=True)
class Fetched:
    """One fetched document: the URL asked for, the URL answered (after redirects), the body."""

    url: str
    final_url: str
    body: bytes
    content_type: str = ""


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
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class Fetcher:
    """Polite HTTP GETs: robots.txt, a delay per host, a timeout, bounded retries, a size cap."""

    def __init__(self, *, delay: float = 1.0, timeout: float = 15.0, retries: int = 2,
                 max_bytes: int = MAX_HTML_BYTES, user_agent: str = USER_AGENT) -> None:
        self.delay, self.timeout, self.retries = delay, timeout, retries
        self.max_bytes, self.user_agent = max_bytes, user_agent
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

    def _get_once(self, url: str) -> Fetched:
        self._wait(self._host(url))
        self.tally.requests.append(url)
        self.tally.sent.append(self._last[self._host(url)])
        req = urllib.request.Request(url, headers={"User-Agent": self.user_agent,
                                                   "Accept-Encoding": "identity"})
        with self._opener.open(req, timeout=self.timeout) as resp:
            body = resp.read(self.max_bytes + 1)
            if len(body) > self.max_bytes:
                raise FetchError(url, f"more than the {self.max_bytes:,}-byte page limit")
            headers: Message = resp.headers
            return Fetched(url, resp.geturl(), body, headers.get_content_type())

    def _get(self, url: str) -> Fetched:
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                return self._get_once(url)
            except urllib.error.HTTPError as e:
                if e.code not in _RETRY_STATUS or last:
                    raise FetchError(url, f"HTTP {e.code} {e.reason}") from e
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

    def get(self, url: str) -> Fetched:
        """Fetch ``url`` if robots.txt allows it; :class:`FetchError` says why not."""
        if not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt", refused=True)
        return self._get(url)


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


def _problem(e: FetchError, fetcher: Fetcher) -> ArticleProblem:
    if e.refused:
        fetcher.tally.refused += 1
    else:
        fetcher.tally.failed += 1
    return ArticleProblem(e.url, e.reason)


def iter_web(urls: Iterable[str], fetcher: Fetcher, *, known: Mapping[str, str] | None = None,
             published: date | None = None) -> Iterator[Article | ArticleProblem | KnownPage]:
    """The articles behind each URL: a page is read; a feed or sitemap is read for its links,
    and each linked page not in ``known`` (``{url: article id}``) is fetched and read.

    A URL that fails is an :class:`ArticleProblem` and the others go on.
    """
    known = known or {}
    for url in urls:
        try:
            got = fetcher.get(url)
        except FetchError as e:
            yield _problem(e, fetcher)
            continue
        if kind_of(got.body) == "page":
            try:
                yield _page(Entry(url), fetcher, published, got)
            except InputError as e:
                yield ArticleProblem(url, str(e).removeprefix(f"{url}: "))
            continue
        try:
            entries = list(_listed(got, fetcher))
        except FetchError as e:
            yield _problem(e, fetcher)
            continue
        except InputError as e:
            yield ArticleProblem(url, str(e).removeprefix(f"{url}: "))
            continue
        for entry in entries:
            if entry.url in known:
                fetcher.tally.known += 1
                yield KnownPage(entry.url, known[entry.url])
                continue
            try:
                yield _page(entry, fetcher, published)
            except FetchError as e:
                yield _problem(e, fetcher)
            except InputError as e:
                yield ArticleProblem(entry.url, str(e).removeprefix(f"{entry.url}: "))
