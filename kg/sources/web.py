"""Polite fetching of web pages, RSS/Atom feeds and sitemaps (:mod:`kg.sources.crawl` walks them).

The only place where ``kg`` uses the network. Each host's ``robots.txt`` is read first and
honoured (a disallowed URL is refused, never requested, also not through a redirect);
requests to one host are spaced by :attr:`Fetcher.delay` seconds (or the site's
``Crawl-delay``, if longer, up to :data:`MAX_CRAWL_DELAY`); every request carries an honest
User-Agent, a timeout and a size cap, and a timeout, a dropped connection, a 429 or a 5xx
answer is retried a bounded number of times. A redirect to the same host waits for the delay
too. With a :class:`~kg.sources.fetchlog.FetchLog` (``kg build`` reads it from the store), a
URL that failed before is not fetched again before its retry time, and a feed, sitemap or page
fetched before is asked for conditionally (a 304 answer: nothing new).

>>> f = Fetcher()
>>> f.note("https://a.example/x", "failed", "HTTP 404 Not Found")
>>> f.tally.counts()
{'failed': 1}
"""

from __future__ import annotations

import logging
import time
import urllib.error
import urllib.request
import urllib.robotparser
from collections import Counter
from dataclasses import dataclass, field
from email.message import Message
from typing import Any
from urllib.parse import urlsplit

from kg.errors import InputError
from kg.sources.fetchlog import FetchLog
from kg.sources.html import MAX_HTML_BYTES

__all__ = ["USER_AGENT", "FetchError", "Fetched", "Fetcher", "WebTally", "check_url"]

log = logging.getLogger(__name__)

USER_AGENT = "kg/0.1 (knowledge-graph builder for news; +https://w3id.org/kg-news)"
#: A longer Crawl-delay is cut to this many seconds (and logged): politeness, not a stall.
MAX_CRAWL_DELAY = 60.0
_RETRY_STATUS = {429, 500, 502, 503, 504}
#: Answers that say the URL is gone for good: it is not asked for again for a long while.
_GONE_STATUS = {404, 410}


def check_url(url: str) -> None:
    """Raise :class:`InputError` unless ``url`` is an http(s) URL that can be requested.

    >>> check_url("http://[::1/feed.xml")
    Traceback (most recent call last):
    kg.errors.InputError: http://[::1/feed.xml: not a valid URL (Invalid IPv6 URL)
    """
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a port that is not a number
    except ValueError as e:
        raise InputError(f"{url}: not a valid URL ({e})") from e
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(f"{url}: not a valid URL (no http(s) scheme or no host)")
    if any(c.isspace() or ord(c) < 32 for c in url):
        raise InputError(f"{url}: not a valid URL (it contains spaces or control characters)")


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
    #: Each URL looked at: its outcome (:data:`~kg.sources.fetchlog.OUTCOMES`) and why.
    outcomes: dict[str, tuple[str, str]] = field(default_factory=dict)
    pages: dict[str, str] = field(default_factory=dict)  #: page URL read -> its article id

    def counts(self) -> dict[str, int]:
        """How many URLs ended with each outcome."""
        return dict(Counter(outcome for outcome, _ in self.outcomes.values()))


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
        # The validators go along: they came from the last hop's answer. A 304 counts only if it
        # comes from where that answer came from (Fetcher._get).
        new = super().redirect_request(req, fp, code, msg, headers, newurl)
        if new is not None:
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
        #: The build's ``--lang`` (set by ``kg build``): pages it refused before under the same
        #: setting are asked for conditionally, and refused again while unchanged.
        self.lang: str | None = None
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
                    if self._answered_where_validated(url, e.url):
                        return Fetched(url, url, b"", status=304)
                    # The redirect points elsewhere now: a 304 there says nothing about this
                    # URL's last answer, so ask again without validators.
                    return self._get(url, conditional=False)
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

    def _answered_where_validated(self, url: str, answered: str) -> bool:
        """Whether ``answered`` (where a 304 came from) is where the validators sent for
        ``url`` were taken: ``url`` itself, or the target of its redirect last time."""
        rec = self.log.records.get(url) if self.log is not None else None
        return answered == ((rec.final_url if rec is not None else None) or url)

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

    def note(self, url: str, outcome: str, reason: str = "", *,
             listed_by: str | None = None, refused_for: str = "") -> None:
        """Note what this run did with ``url`` (for the summary, and the log if there is one)."""
        self.tally.outcomes[url] = (outcome, reason)
        if self.log is not None:
            self.log.note(url, outcome, reason, listed_by=listed_by, refused_for=refused_for)

    def get(self, url: str, *, conditional: bool = False) -> Fetched:
        """Fetch ``url`` if robots.txt allows it; :class:`FetchError` says why not.

        ``conditional`` sends the validators the log holds for ``url``: then a 304 answer comes
        back as a :class:`Fetched` with ``status`` 304 and no body.
        """
        try:
            check_url(url)
        except InputError as e:
            raise FetchError(url, str(e).removeprefix(f"{url}: ")) from e
        if not self.allowed(url):
            raise FetchError(url, "disallowed by the site's robots.txt", refused=True)
        return self._get(url, conditional)
