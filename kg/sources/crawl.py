"""Walking the URLs of a build: pages, feeds and sitemaps read, one outcome for every URL.

Pages are read; feeds and sitemaps (and the sitemaps of a sitemap index) are read for their
links.

Each URL is looked at once per run, even when a feed and a sitemap both list it. Listed pages
whose URL is already stored are not requested, unless the listing says they changed since a
build last looked at them (a sitemap's ``<lastmod>``, an Atom ``<updated>``). With a fetch log
(:attr:`Fetcher.log`), a URL that failed before waits for its retry time, and feeds, sitemaps
(a sitemap index's too) and stored pages are asked for conditionally: a 304 answer means
nothing new, and a sitemap index answered 304 still has its sitemaps asked, since they change
under an unchanged index.

>>> page_id("https://www.example.org/news/2026/envoy.html?p=2#top")
'example.org/news/2026/envoy?p=2'
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date
from urllib.parse import urlsplit, urlunsplit

from kg.errors import InputError
from kg.model import Article
from kg.sources.articles import ArticleProblem
from kg.sources.feeds import Entry, feed_entries, kind_of, sitemap_entries
from kg.sources.fetchlog import (
    DISALLOWED,
    FAILED,
    FETCHED,
    KNOWN,
    LISTED,
    NOT_MODIFIED,
    REFUSED,
    STORED,
    UNCHANGED,
    WAITING,
)
from kg.sources.html import read_html
from kg.sources.web import Fetched, Fetcher, FetchError

__all__ = ["KnownPage", "page_id", "iter_web", "settle_outcomes", "MAX_SITEMAP_DEPTH"]

log = logging.getLogger(__name__)

#: A sitemap index may list sitemaps; deeper nesting than this is not followed.
MAX_SITEMAP_DEPTH = 2
#: Content types a page may have; ``text/plain`` is also what an answer without one reads as.
_PAGE_TYPES = {"text/html", "application/xhtml+xml", "text/plain"}
#: URL endings that name a feed or a sitemap, never an article page.
_LISTING_SUFFIXES = (".xml", ".rss", ".atom", ".xml.gz")
#: Content types that announce a feed or a sitemap.
_LISTING_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
                  "application/xml", "text/xml"}


@dataclass(frozen=True, slots=True)
class KnownPage:
    """A listed URL whose article is already stored: not fetched again."""

    url: str
    article_id: str


def page_id(url: str) -> str:
    """A stable article id for a page URL: host and path, without scheme, ``www.`` or fragment."""
    parts = urlsplit(url)
    host = parts.netloc.lower().removeprefix("www.")
    path = parts.path.rstrip("/")
    for suffix in (".html", ".htm", ".php", ".aspx"):
        path = path.removesuffix(suffix)
    return urlunsplit(("", host, path, parts.query, "")).lstrip("/")


Item = Article | ArticleProblem | KnownPage
#: Added to the reason of a page refused again because it has not changed (a 304).
_AGAIN = " (unchanged since it was refused)"


def _kind(got: Fetched) -> str:
    """What ``got`` holds; an answer that is none of a page, a feed or a sitemap is refused."""
    kind = kind_of(got.body)
    if kind != "page":
        return kind
    if got.content_type in _LISTING_TYPES:
        raise InputError(f"not a readable feed or sitemap: the server sent {got.content_type}, "
                         "but not RSS, Atom or a sitemap")
    if got.content_type not in _PAGE_TYPES:
        raise InputError(f"not an HTML page, a feed or a sitemap (the server sent "
                         f"{got.content_type})")
    return kind


def _listing_now_a_page(url: str, kind: str, last_kind: str, entry: Entry | None) -> str | None:
    """Why an HTML page at ``url`` is no article: the URL was a feed or sitemap when last read,
    or its name says it is one; a site's error or login page then stands in for it.

    >>> _listing_now_a_page("https://a.example/rss.xml", "page", "", None)
    'the URL names a feed or sitemap (.xml), but the server sent an HTML page (an error page?)'
    >>> _listing_now_a_page("https://a.example/news/1.html", "page", "", None) is None
    True
    """
    if kind != "page" or entry is not None:
        return None
    if last_kind in ("feed", "sitemap", "sitemap-index"):
        return (f"was a {last_kind} when last read, but the server now sends an HTML page (an "
                "error or login page?)")
    suffix = next((s for s in _LISTING_SUFFIXES if urlsplit(url).path.lower().endswith(s)), None)
    if suffix:
        return (f"the URL names a feed or sitemap ({suffix}), but the server sent an HTML page "
                "(an error page?)")
    return None


def _problem(e: FetchError, fetcher: Fetcher, listed_by: str | None) -> ArticleProblem:
    if e.refused:
        fetcher.tally.refused += 1
    else:
        fetcher.tally.failed += 1
    outcome = DISALLOWED if e.refused else FAILED
    fetcher.tally.outcomes[e.url] = (outcome, e.reason)
    if fetcher.log is not None:
        fetcher.log.failed(e.url, e.reason, permanent=e.permanent, listed_by=listed_by,
                           outcome=outcome)
    return ArticleProblem(e.url, e.reason)


def _refused(url: str, e: InputError, fetcher: Fetcher, listed_by: str | None, *,
             permanent: bool) -> ArticleProblem:
    reason = str(e).removeprefix(f"{url}: ")
    fetcher.tally.outcomes[url] = (REFUSED, reason)
    if fetcher.log is not None:
        fetcher.log.failed(url, reason, permanent=permanent, listed_by=listed_by,
                           outcome=REFUSED)
    return ArticleProblem(url, reason)


def _waiting(url: str, fetcher: Fetcher, listed_by: str | None) -> bool:
    rec = fetcher.log.waiting(url) if fetcher.log is not None else None
    if rec is None:
        return False
    fetcher.tally.waiting += 1
    fetcher.tally.deferred.append(url)
    fetcher.note(url, WAITING, f"{rec.reason}; next try after {rec.retry_at():%Y-%m-%d %H:%M} "
                 "UTC", listed_by=listed_by)
    log.info("not fetching %s: failed %d time(s), last %s (%s); next try after %s", url,
             rec.failures, rec.last_failure, rec.reason, rec.retry_at())
    return True


def _entries(entries: Iterable[Entry], listing: str, fetcher: Fetcher, known: Mapping[str, str],
             published: date | None, depth: int) -> Iterator[Item]:
    for entry in entries:
        if entry.url in fetcher.tally.outcomes:
            continue  # listed twice in this run (by a feed and a sitemap): once is enough
        if entry.url in known and not _listed_as_changed(entry, fetcher):
            fetcher.tally.known += 1
            fetcher.note(entry.url, KNOWN, listed_by=listing)
            yield KnownPage(entry.url, known[entry.url])
            continue
        yield from _visit(entry.url, fetcher, known, published, listed_by=listing, entry=entry,
                          depth=depth)


def _listed_as_changed(entry: Entry, fetcher: Fetcher) -> bool:
    """Whether a feed or sitemap lists a stored page as changed since a build last read or
    asked for it: then it is asked for conditionally (its validators say if it really did)."""
    rec = fetcher.log.records.get(entry.url) if fetcher.log is not None else None
    if entry.modified is None or rec is None:
        return False
    if rec.listed_modified is not None:
        return entry.modified > rec.listed_modified
    return rec.seen is not None and entry.modified > rec.seen


def _unchanged_listing(url: str, fetcher: Fetcher, known: Mapping[str, str],
                       published: date | None, depth: int) -> Iterator[Item]:
    """A feed or sitemap answered 304: its failed entries whose retry time has come, and, for a
    sitemap index, its sitemaps (asked for conditionally in turn)."""
    assert fetcher.log is not None  # a 304 answers a conditional request, sent from the log
    rec = fetcher.log.records[url]
    again = fetcher.log.failed_entries(url)
    if rec.kind == "sitemap-index":
        subs = [u for u in fetcher.log.sub_listings(url) if u not in again] + again
        for sub in subs:
            if sub not in fetcher.tally.outcomes and depth < MAX_SITEMAP_DEPTH:
                yield from _visit(sub, fetcher, known, published, listed_by=url,
                                  depth=depth + 1)
    else:
        yield from _entries([Entry(u) for u in again], url, fetcher, known, published,
                            depth + 1)


def _visit(url: str, fetcher: Fetcher, known: Mapping[str, str], published: date | None, *,
           listed_by: str | None = None, entry: Entry | None = None,
           depth: int = 0) -> Iterator[Item]:
    """Read one URL. ``entry`` is set when a feed or sitemap listed it as a page."""
    if _waiting(url, fetcher, listed_by):
        return
    rec = fetcher.log.records.get(url) if fetcher.log is not None else None
    refused = fetcher.log.still_refused(url, fetcher.lang) if fetcher.log is not None else None
    # A page is asked for conditionally only if its article is stored, or if this build would
    # refuse it again: a 304 must leave something to count as unchanged, or to refuse.
    conditional = rec is not None and (rec.kind not in ("", "page") or url in known
                                       or refused is not None)
    try:
        got = fetcher.get(url, conditional=conditional)
    except FetchError as e:
        yield _problem(e, fetcher, listed_by)
        return
    if entry is not None and entry.modified is not None and fetcher.log is not None:
        fetcher.log.listed_change(url, entry.modified)
    if got.status == 304 and refused is not None and url not in known:
        reason = refused.reason.removesuffix(_AGAIN) + _AGAIN
        fetcher.note(url, REFUSED, reason, listed_by=listed_by, refused_for=refused.refused_for)
        yield ArticleProblem(url, reason)
        return
    if got.status == 304:
        fetcher.tally.not_modified += 1
        fetcher.note(url, NOT_MODIFIED, listed_by=listed_by)
        if url in known:
            yield KnownPage(url, known[url])
        else:
            yield from _unchanged_listing(url, fetcher, known, published, depth)
        return
    kind = None
    listing_gone = None
    try:
        kind = _kind(got)
        listing_gone = _listing_now_a_page(url, kind, rec.kind if rec is not None else "",
                                           entry)
        if listing_gone:
            raise InputError(listing_gone)
        if kind == "page":
            art = _page(got, entry or Entry(url), fetcher, published)
        elif entry is not None:  # a feed entry should be an article, not another feed
            raise InputError(f"listed as an article, but it is a {kind}")
        elif kind == "feed":
            entries = feed_entries(got.body, got.final_url)
        else:
            entries = sitemap_entries(got.body, got.final_url)
    except InputError as e:
        # A page without article text or a PDF stays so; a broken feed may be mended, and a
        # feed answered by an error page is a passing problem of the site.
        lasting = not listing_gone and (
            kind == "page" or (kind is None and got.content_type not in _LISTING_TYPES))
        yield _refused(url, e, fetcher, listed_by, permanent=lasting)
        return
    if fetcher.log is not None:
        fetcher.log.succeeded(url, kind=kind, etag=got.etag, last_modified=got.last_modified,
                              final_url=got.final_url)
    if kind == "page":
        fetcher.note(url, FETCHED, listed_by=listed_by)
        yield art
        return
    what = ("sitemap", "sitemaps") if kind == "sitemap-index" else ("entry", "entries")
    fetcher.note(url, LISTED, f"{len(entries)} {what[len(entries) != 1]}", listed_by=listed_by)
    if kind != "sitemap-index":
        yield from _entries(entries, url, fetcher, known, published, depth + 1)
        return
    if depth >= MAX_SITEMAP_DEPTH:
        log.warning("%s: sitemap indexes nested deeper than %d are not followed", url,
                    MAX_SITEMAP_DEPTH)
        return
    for sub in entries:
        if sub.url not in fetcher.tally.outcomes:
            yield from _visit(sub.url, fetcher, known, published, listed_by=url,
                              depth=depth + 1)


def _page(got: Fetched, entry: Entry, fetcher: Fetcher, published: date | None) -> Article:
    fetcher.tally.fetched += 1
    art = read_html(got.body, page_id(got.url), got.url, published, url=got.url)
    if art.published is None and entry.published is not None:
        art = replace(art, published=entry.published)
    fetcher.tally.pages[got.url] = art.id
    return art


def iter_web(urls: Iterable[str], fetcher: Fetcher, *, known: Mapping[str, str] | None = None,
             published: date | None = None) -> Iterator[Item]:
    """The articles behind each URL: a page is read; a feed or sitemap is read for its links,
    and each linked page not in ``known`` (``{url: article id}``) is fetched and read.

    A URL that fails is an :class:`ArticleProblem` and the others go on. With a fetch log
    (:attr:`Fetcher.log`), a URL still waiting for its retry time is skipped (counted in
    :attr:`WebTally.waiting`), and a feed, sitemap or stored page answered 304 is not read
    again (:attr:`WebTally.not_modified`; the page counts as a :class:`KnownPage`). Each URL's
    outcome is in :attr:`WebTally.outcomes` (and the log).
    """
    known = known or {}
    for url in urls:
        if url not in fetcher.tally.outcomes:
            yield from _visit(url, fetcher, known, published)


def settle_outcomes(fetcher: Fetcher, built: Iterable[str], unchanged: Iterable[str],
                    problems: Iterable[ArticleProblem]) -> None:
    """After a build: each page read is stored, unchanged, or refused (language, length,
    duplicate) with the build's reason. A page refused for its text under :attr:`Fetcher.lang`
    is asked for conditionally by the next build with that setting, and refused again if
    unchanged; a duplicate depends on the other pages of the run, so it is read again.

    >>> f = Fetcher()
    >>> f.tally.pages = {"https://a.example/1": "a.example/1", "https://a.example/2": "a.example/2"}
    >>> for u in f.tally.pages:
    ...     f.note(u, FETCHED)
    >>> refused = ArticleProblem("https://a.example/2", "not English")
    >>> settle_outcomes(f, ["a.example/1"], [], [refused])
    >>> f.tally.outcomes["https://a.example/2"]
    ('refused', 'not English')
    """
    built, unchanged = set(built), set(unchanged)
    why = {p.source: p.reason for p in problems}
    for url, article_id in fetcher.tally.pages.items():
        if fetcher.tally.outcomes.get(url, ("",))[0] != FETCHED:
            continue
        if url in why:
            duplicate = why[url].startswith("duplicate article id")
            fetcher.note(url, REFUSED, why[url],
                         refused_for="" if duplicate else fetcher.lang or "")
        elif article_id in built:
            fetcher.note(url, STORED)
        elif article_id in unchanged:
            fetcher.note(url, UNCHANGED)
