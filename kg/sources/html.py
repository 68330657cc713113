"""HTML articles: main text and metadata taken out of a web page by trafilatura.

trafilatura (Apache-2.0) finds the article body among the page furniture (menus, sharing
tools, comments, adverts) and reads the title, author, date, site name and canonical URL from
the page's meta tags, JSON-LD and bylines. kg then applies its own text cleaning
(:func:`~kg.sources.text.clean_text`) and refusals: a page over :data:`MAX_HTML_BYTES`, a binary
file, or a page with no article text raises :class:`~kg.errors.InputError` with one line.

>>> a = article_from_html('<html><head><title>Envoy in Moscow</title>'
...     '<meta name="author" content="Ana Silva"></head><body><nav>Home</nav><article>'
...     '<p>Steve Witkoff met Vladimir Putin in Moscow on Tuesday, the Kremlin said.</p>'
...     '</article></body></html>', "x")
>>> a.title, a.author
('Envoy in Moscow', 'Ana Silva')
>>> a.text
'Steve Witkoff met Vladimir Putin in Moscow on Tuesday, the Kremlin said.'
"""

from __future__ import annotations

import codecs
import logging
from collections.abc import Iterator
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from kg.errors import InputError
from kg.model import Article
from kg.sources.byline import find_byline
from kg.sources.text import parse_date, wire_body

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["MAX_HTML_BYTES", "MIN_EXTRACTED_CHARS", "article_from_html", "read_html"]

log = logging.getLogger(__name__)

#: HTML pages carry markup, scripts and styles around the text, so they may be large.
MAX_HTML_BYTES = 10_000_000
#: trafilatura's extraction is kept down to this many characters (its default is 250).
MIN_EXTRACTED_CHARS = 25


def _tree(content: str | bytes, src: str) -> HtmlElement:
    from trafilatura.utils import load_html

    size = len(content.encode("utf-8") if isinstance(content, str) else content)
    if size > MAX_HTML_BYTES:
        raise InputError(f"{src}: {size:,} bytes is over the {MAX_HTML_BYTES:,}-byte page limit")
    if isinstance(content, bytes) and b"\x00" in content[:8192] and not content.startswith(
            (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputError(f"{src}: binary file (NUL bytes), not an HTML page")
    tree = load_html(content)
    if tree is None:
        raise InputError(f"{src}: not an HTML page (no document could be parsed)")
    return tree


def _metadata(tree: HtmlElement, url: str | None) -> Any:
    """trafilatura's metadata steps that kg uses: meta tags, JSON-LD, title, author, URL,
    date and site name; categories, tags and licence are not read, the date search stays in
    the page's markup (the free-text search costs more than the whole extraction), and the
    byline search is kg's cheaper equivalent of trafilatura's (:mod:`kg.sources.byline`)."""
    from htmldate import find_date
    from trafilatura.metadata import (
        examine_meta,
        extract_meta_json,
        extract_sitename,
        extract_title,
        extract_url,
    )

    md = examine_meta(tree)
    if md.author and " " not in md.author:  # a single word is a handle, not a name
        md.author = None
    try:
        md = extract_meta_json(tree, md)
    except (ValueError, TypeError, AttributeError, KeyError) as e:  # malformed JSON-LD
        log.debug("JSON-LD metadata skipped: %s", e)
    md.title = md.title or extract_title(tree)
    md.author = md.author or find_byline(tree)
    md.url = md.url or extract_url(tree, url)
    md.date = find_date(tree, extensive_search=False, original_date=True, url=md.url)
    md.sitename = (md.sitename or extract_sitename(tree) or "").lstrip("@") or None
    return md


@lru_cache(maxsize=1)
def _config() -> Any:
    from trafilatura.settings import use_config

    config = use_config()
    # Below this many characters trafilatura swaps its extraction for the whole page's text
    # in one line; short news items (a 3-sentence wire story) are often shorter than its 250.
    config.set("DEFAULT", "MIN_EXTRACTED_SIZE", str(MIN_EXTRACTED_CHARS))
    return config


def _block_texts(el: Any) -> Iterator[str]:
    if el.tag in ("list", "table"):  # one paragraph per item or row
        for child in el:
            yield from _block_texts(child)
        return
    if el.tag == "row":
        yield " ".join(t for cell in el for t in _block_texts(cell))
        return
    for lb in el.iter("lb"):  # a <br> inside a paragraph is a wrapped line, not a new one
        lb.tail = " " + (lb.tail or "")
    text = " ".join("".join(el.itertext()).split())
    if text:
        yield text


def _paragraphs(tree: HtmlElement, url: str | None, title: str) -> str:
    from trafilatura import bare_extraction

    doc = bare_extraction(tree, url=url, with_metadata=False, include_comments=False,
                          include_tables=True, output_format="python", config=_config())
    body = getattr(doc, "body", None)
    if body is None:
        return ""
    blocks = [t for el in body for t in _block_texts(el)]
    if blocks and " ".join(title.split()).casefold() == blocks[0].casefold():
        blocks = blocks[1:]  # the headline is the article's title, not its first paragraph
    return "\n\n".join(blocks)


def _short(value: str | None) -> str | None:
    return " ".join(value.split())[:300] or None if value else None


def article_from_html(content: str | bytes, article_id: str, source: str | None = None,
                      published: date | None = None, url: str | None = None) -> Article:
    """An article from an HTML page (bytes are decoded by the charset the page declares).

    ``published`` overrides the page's date; ``url`` is where the page came from.
    """
    src = source or article_id
    tree = _tree(content, src)
    md = _metadata(tree, url)
    title = _short(md.title) or ""
    try:
        page_date = parse_date(md.date, src)
    except InputError:
        page_date = None  # a garbled page date is not worth losing the article over
    text, day, where = wire_body(_paragraphs(tree, url, title),
                                 published or page_date)
    if not text.strip():
        raise InputError(f"{src}: HTML page has no article text")
    return Article(id=article_id, title=title, text=text,
                   published=day, url=url, source=src, dateline=where,
                   author=_short(md.author), site_name=_short(md.sitename),
                   canonical_url=md.url or None)


def read_html(data: bytes, article_id: str, source: str | None = None,
              published: date | None = None, url: str | None = None) -> Article:
    """The article in one page's bytes, as ``kg read`` and ``kg build`` read it.

    >>> read_html(b"<html><body><nav>Menu</nav></body></html>", "p")
    Traceback (most recent call last):
    kg.errors.InputError: p: HTML page has no article text
    """
    return article_from_html(data, article_id, source, published, url)
