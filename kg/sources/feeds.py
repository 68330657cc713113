"""Feeds and sitemaps: which article URLs an RSS/Atom feed or an XML sitemap lists.

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
from datetime import date
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
        link, when = None, None
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
            elif cname in ("pubDate", "published", "updated", "date") and when is None:
                when = _date(child.text)
        full = _keep(link, url, seen)
        if full:
            out.append(Entry(full, when, url))
    return out


def sitemap_entries(data: bytes, url: str) -> list[Entry]:
    """The ``<loc>`` URLs of a sitemap (pages) or of a sitemap index (further sitemaps)."""
    root = _parse(data, url)
    seen: set[str] = set()
    out: list[Entry] = []
    for node in root:
        if _local(node.tag) not in ("url", "sitemap"):
            continue
        # <lastmod> is when the page last changed, not when it was published: not used.
        loc = next((c.text for c in node if _local(c.tag) == "loc"), None)
        full = _keep(loc, url, seen)
        if full:
            out.append(Entry(full, None, url))
    return out
