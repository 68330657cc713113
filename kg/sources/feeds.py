"""Feeds and sitemaps: the article URLs an RSS/Atom feed or an XML sitemap lists, and when.

Each URL comes with when it last changed, if the feed (Atom ``<updated>``) or sitemap
(``<lastmod>``) says.

The document is parsed by lxml with entities and network access off (a feed is untrusted
input). Links are resolved against the document's URL; only http(s) links are kept, each once.

>>> kind_of(b'<?xml version="1.0"?><rss version="2.0"><channel></channel></rss>')
'feed'
>>> [e.url for e in feed_entries(b'<rss><channel><item><link>/a</link>'
...     b'<pubDate>Tue, 03 Mar 2026 10:00:00 GMT</pubDate></item></channel></rss>',
...     "https://example.org/feed.xml")]
['https://example.org/a']
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from kg.errors import InputError

__all__ = ["Entry", "kind_of", "feed_entries", "sitemap_entries"]

_START = re.compile(rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?"
                    rb"(?:<!--.*?-->\s*|<!DOCTYPE[^>]*>\s*)*<(?:[\w-]+:)?([\w-]+)", re.DOTALL)
_FEEDS = {b"rss", b"feed", b"RDF"}
_SITEMAPS = {b"urlset": "sitemap", b"sitemapindex": "sitemap-index"}


@dataclass(frozen=True, slots=True)
class Entry:
    """One article URL listed by a feed or sitemap, with the date it gives, if any."""

    url: str
    published: date | None = None
    source: str = ""  #: the feed or sitemap that listed it
    #: When the page last changed, as listed (UTC); a date alone is read as its last instant.
    modified: datetime | None = None


def kind_of(data: bytes) -> str:
    """``feed``, ``sitemap``, ``sitemap-index`` or ``page``, from the document's root element.

    >>> kind_of(b"<urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'/>")
    'sitemap'
    >>> kind_of(b"<!doctype html><html><p>x</p></html>")
    'page'
    """
    m = _START.match(data[:4096])
    root = m.group(1) if m else b""
    if root in _FEEDS:
        return "feed"
    return _SITEMAPS.get(root, "page")


def _parse(data: bytes, source: str) -> Any:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False,
                             recover=True)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as e:
        raise InputError(f"{source}: not a readable feed or sitemap ({e})") from e
    if root is None:
        raise InputError(f"{source}: not a readable feed or sitemap (empty document)")
    return root


def _local(tag: object) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _date(value: str | None) -> date | None:
    if not value or not value.strip():
        return None
    value = value.strip()
    try:
        return parsedate_to_datetime(value).date()  # RSS: RFC 822 dates
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return date.fromisoformat(value[:10])  # Atom, sitemaps: ISO 8601
    except ValueError:
        return None


def _instant(value: str | None) -> datetime | None:
    """A W3C or RFC 822 date or date-time as an aware UTC datetime (None if unreadable); a
    date alone is its last instant, so a page changed later that day is not missed.

    >>> _instant("2026-03-04").isoformat(), _instant("2026-03-04T10:30:00+01:00").isoformat()
    ('2026-03-04T23:59:59.999999+00:00', '2026-03-04T09:30:00+00:00')
    """
    if not value or not value.strip():
        return None
    value = value.strip()
    if len(value) == 10:
        try:
            return datetime.combine(date.fromisoformat(value), time.max, UTC)
        except ValueError:
            return None
    try:
        when = datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        try:
            when = parsedate_to_datetime(value)
        except (TypeError, ValueError, IndexError):
            return None
    return when.replace(tzinfo=UTC) if when.tzinfo is None else when.astimezone(UTC)


def _keep(url: str | None, base: str, seen: set[str]) -> str | None:
    if not url or not url.strip():
        return None
    full = urljoin(base, url.strip()).split("#", 1)[0]
    if urlsplit(full).scheme not in ("http", "https") or full in seen:
        return None
    seen.add(full)
    return full


def feed_entries(data: bytes, url: str) -> list[Entry]:
    """The article links of an RSS 1.0/2.0 or Atom feed, in feed order."""
    root = _parse(data, url)
    seen: set[str] = set()
    out: list[Entry] = []
    for item in root.iter():
        name = _local(item.tag)
        if name not in ("item", "entry"):
            continue
        link, when, changed = None, None, None
        for child in item:
            cname = _local(child.tag)
            if cname == "link":
                rel = child.get("rel", "alternate")
                if child.get("href") and rel == "alternate":
                    link = link or child.get("href")
                elif child.text and child.text.strip():
                    link = link or child.text
            elif cname == "guid" and child.get("isPermaLink", "true") == "true" and not link:
                link = child.text if (child.text or "").startswith("http") else None
            if cname in ("pubDate", "published", "updated", "date") and when is None:
                when = _date(child.text)
            if cname == "updated":
                changed = _instant(child.text)
        full = _keep(link, url, seen)
        if full:
            out.append(Entry(full, when, url, changed))
    return out


def sitemap_entries(data: bytes, url: str) -> list[Entry]:
    """The ``<loc>`` URLs of a sitemap (pages) or of a sitemap index (further sitemaps)."""
    root = _parse(data, url)
    seen: set[str] = set()
    out: list[Entry] = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        # <lastmod> is when the page last changed, not when it was published.
        loc = next((c.text for c in node if _local(c.tag) == "loc"), None)
        lastmod = next((c.text for c in node if _local(c.tag) == "lastmod"), None)
        full = _keep(loc, url, seen)
        if full:
            out.append(Entry(full, None, url, _instant(lastmod)))
    return out
