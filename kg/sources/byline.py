"""Bylines: trafilatura's author search on the page as parsed, without copying or pruning it.

trafilatura's ``extract_author`` copies the whole tree, deletes comments, sidebars, dates and
figures from the copy, then runs three XPath tiers whose ``re:test`` calls go back into Python
for every element of the page: about a fifth of kg's reading time. :func:`find_byline` gives
the same answer (checked on trafilatura's 990 evaluation pages, see BENCHMARKS.md) for far
less: one XPath pass collects the few attribute values that could name a byline, a regular
expression keeps the plausible ones, and the tiers' exact tests run in Python on what is left.
The pruning becomes a test of the candidate's ancestors, and the text of the rare candidate
with a date or figure inside is read from a copy of that candidate alone.

>>> from lxml import html
>>> page = html.fromstring('<html><body><div class="sidebar"><span class="author">Ad Man'
...     '</span></div><p class="byline">By <time>Monday</time> Ana Silva</p></body></html>')
>>> find_byline(page)
'Ana Silva'
>>> find_byline(html.fromstring('<html><body><p>No byline here.</p></body></html>')) is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from copy import deepcopy
from functools import lru_cache
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from lxml.html import HtmlElement

__all__ = ["find_byline"]

#: Every attribute value a tier tests contains one of these (a superset; the tiers decide).
_HINT = re.compile(r"[Aa]uthor|[Bb]yl|BBL|username|channel-name|zuozhe|bianji|xiaobian"
                   r"|submitted-by|posted-by|journalist-name|screenname|writer")
_HINT_OR_ELEMENT = re.compile(f"{_HINT.pattern}|<element>")
_T1_TAGS = frozenset({"a", "address", "div", "link", "p", "span", "strong"})
_T1_CLASS = ("authorname", "author-name", "AuthorName", "authorName")
_T2_TAGS = frozenset({"a", "div", "h3", "h4", "p", "span"})
_T2_CLASS = ("author", "channel-name", "zuozhe", "bianji", "xiaobian", "submitted-by",
             "posted-by", "journalist-name")
_T2_ID = ("author", "zuozhe", "bianji", "xiaobian")
_T3_CLASS = ("Author", "author", "screenname", "writer", "Byline", "byline")

# trafilatura's AUTHOR_DISCARD_XPATHS with each regular expression spelled out as contains()
# and starts-with(): the same nodes, without a call into Python per element.
_DISCARD = """(self::a or self::div or self::section or self::span) and (
    @id='comments' or @class='comments' or @class='title' or @class='date' or
    starts-with(@id, 'comments') or contains(@id, 'commentlist') or
    contains(@id, 'comment-list') or contains(@id, 'ProductReviews') or
    starts-with(@class, 'Comments') or starts-with(@class, 'comments') or
    contains(@class, 'commentlist') or contains(@class, 'comments-list') or
    contains(@class, 'sidebar') or contains(@class, 'is-hidden') or contains(@class, 'quote') or
    contains(@class, 'embedly-instagram') or contains(@class, 'article-share') or
    contains(@class, 'article-support') or contains(@class, 'print') or
    contains(@class, 'category') or contains(@class, 'meta-date') or
    contains(@class, 'meta-reviewer') or contains(@data-component, 'Figure'))"""


@lru_cache(maxsize=1)
def _xpaths() -> tuple[Any, Any, tuple[Any, Any]]:
    from lxml.etree import XPath

    hints = XPath("//@class|//@id|//@itemprop|//@rel|//@data-testid|//@data-component"
                  "|//author|//rel[.='me']/..")
    discarded = XPath(f"boolean(ancestor-or-self::*[{_DISCARD} or self::time or self::figure])")
    inner = (XPath(f"descendant::*[{_DISCARD}]"), XPath("descendant::time|descendant::figure"))
    return hints, discarded, inner


def _candidates(tree: HtmlElement) -> list[HtmlElement]:
    """Elements with an attribute that hints at a byline, <author> elements and parents of a
    <rel>me</rel>, in document order (a superset: :func:`_tier` decides)."""
    hints, _, _ = _xpaths()
    nodes: list[Any] = hints(tree)  # attribute values (with their element) and elements
    # One search over all values joined is several times cheaper than one search per value.
    # libxml2 strings never hold a NUL byte, so NUL separates the values.
    joined = "\0".join([n if isinstance(n, str) else "<element>" for n in nodes])
    found: dict[HtmlElement, None] = {}
    index, offset = 0, 0
    for match in _HINT_OR_ELEMENT.finditer(joined):
        index += joined.count("\0", offset, match.start())
        offset = match.start()
        node = nodes[index]
        found.setdefault(node if hasattr(node, "tag") else node.getparent(), None)
    return list(found)


def _tier(el: HtmlElement) -> int:
    """The first of trafilatura's three AUTHOR_XPATHS that selects ``el``, or 0 for none."""
    tag = el.tag
    cls, id_ = el.get("class") or "", el.get("id") or ""
    itemprop = el.get("itemprop") or ""
    if tag == "author" or tag in _T1_TAGS and (
            el.get("rel") == "author" or id_ == "author" or cls == "author"
            or itemprop == "author name" or el.get("data-testid") in ("AuthorCard", "AuthorURL")
            or any(s in cls for s in _T1_CLASS)
            or any(c.tag == "rel" and c.text_content() == "me" for c in el)):
        return 1
    if tag in _T2_TAGS and (
            cls in ("byline", "username", "byl", "BBL") or "author" in itemprop
            or any(s in id_ for s in _T2_ID) or any(s in cls for s in _T2_CLASS)):
        return 2
    if ("Byline" in (el.get("data-component") or "") or "author" in itemprop
            or "Author" in id_ or "author" in id_ or any(s in cls for s in _T3_CLASS)):
        return 3
    return 0


def _text(el: HtmlElement) -> str:
    """The candidate's text as trafilatura reads it after pruning the page."""
    from trafilatura.utils import trim
    from trafilatura.xml import delete_element

    _, _, inner = _xpaths()
    groups = [xp(el) for xp in inner]
    if any(groups):  # delete them from a copy of this element only, in trafilatura's order
        nodes = list(el.iter())
        where = {id(n): i for i, n in enumerate(nodes)}
        copy = deepcopy(el)
        copied = list(copy.iter())
        for group in groups:
            for node in group:
                delete_element(copied[where[id(node)]])
        el = copy
    return trim(" ".join(el.itertext()))


def _tried(tree: HtmlElement) -> Iterator[HtmlElement]:
    """Candidates in trafilatura's order: tier by tier, each in document order."""
    ranked = [(_tier(el), el) for el in _candidates(tree)]
    for tier in (1, 2, 3):
        yield from (el for t, el in ranked if t == tier)


def find_byline(tree: HtmlElement) -> str | None:
    """The author named in the page's byline, as trafilatura's ``extract_author`` finds it."""
    from trafilatura.json_metadata import normalize_authors

    _, discarded, _ = _xpaths()
    for el in _tried(tree):
        if discarded(el):
            continue
        content = _text(el)
        if content and 2 < len(content) < 120:
            return normalize_authors(None, content)
    return None
