"""HTML articles: the article text is taken out with a real HTML parser (BeautifulSoup + lxml).

Rules, in order: drop scripts, navigation, forms and anything hidden or marked as sharing,
comments, newsletters or adverts; take the ``<article>`` (the one with the most paragraph
text), else ``<main>``/``articleBody``, else the element holding the most paragraph text;
keep its paragraphs, dropping link lists; the title comes from ``og:title``, ``<h1>`` or
``<title>``, the date from ``article:published_time`` or ``<time datetime>``.

>>> a = article_from_html("<html><head><title>T</title><script>x()</script></head><body>"
...     "<nav>Home</nav><article><p>Bob met Alice in Paris.</p></article></body></html>", "x")
>>> a.title, a.text
('T', 'Bob met Alice in Paris.')
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from bs4 import BeautifulSoup, Tag
from bs4.dammit import EncodingDetector

from kg.errors import InputError
from kg.model import Article
from kg.sources.text import clean_text, decode, parse_date

__all__ = ["article_from_html", "decode_html"]

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "template", "figure", "figcaption", "select", "dialog")
_DROP_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
# Class/id words that mark page furniture rather than article text; matched as whole words.
_BOILER = re.compile(
    r"(?:^|[\s_-])(share|sharing|social|related|recommended|comments?|newsletter|subscribe|"
    r"promo|advert|ad|ads|sponsored|cookie|cookies|breadcrumbs?|paywall|popup|modal|"
    r"sidebar|menu|footer|byline|caption|tags)(?:$|[\s_-])", re.IGNORECASE)
_BLOCKS = ("p", "blockquote", "li", "pre")
#: A paragraph that is mostly link text ("Read more: A | B | C") is navigation.
MAX_LINK_SHARE = 0.6


def decode_html(data: bytes, source: str) -> str:
    """Decode an HTML page: UTF-8/UTF-16 as for text files, else the charset it declares.

    >>> decode_html('<meta charset="iso-8859-1"><p>Café</p>'.encode("latin-1"), "p.html")[-8:]
    'Café</p>'
    """
    try:
        return decode(data, source)
    except InputError:
        declared = EncodingDetector.find_declared_encoding(data, is_html=True)
        if not declared:
            raise
        try:
            return data.decode(declared)
        except (LookupError, UnicodeDecodeError) as e:
            raise InputError(f"{source}: not valid {declared} (the charset it declares)") from e


def _is_boilerplate(tag: Tag) -> bool:
    attrs: Any = tag.attrs or {}
    if "hidden" in attrs or attrs.get("aria-hidden") == "true":
        return True
    if attrs.get("role") in _DROP_ROLES:
        return True
    names = " ".join([*(attrs.get("class") or []), str(attrs.get("id") or "")])
    return bool(names.strip()) and bool(_BOILER.search(names))


def _text(tag: Tag) -> str:
    return " ".join(tag.get_text("", strip=False).split())


def _paragraphs(root: Tag) -> list[str]:
    out: list[str] = []
    for block in root.find_all(_BLOCKS):
        if block.find_parent(_BLOCKS):  # a <p> inside an <li> is counted once, by the <li>
            continue
        text = _text(block)
        if not text:
            continue
        links = sum(len(_text(a)) for a in block.find_all("a"))
        if links > MAX_LINK_SHARE * len(text):
            continue
        out.append(text)
    return out


def _root(soup: BeautifulSoup) -> Tag:
    articles = soup.find_all("article")
    if articles:
        return max(articles, key=lambda t: sum(map(len, _paragraphs(t))))
    body: dict[str, Any] = {"itemprop": "articleBody"}
    main: dict[str, Any] = {"role": "main"}
    for found in (soup.find("main"), soup.find(None, body), soup.find(None, main)):
        if isinstance(found, Tag):
            return found
    # Otherwise the element whose own paragraphs hold the most text (text density), summed
    # in one pass so a page of 100,000 sibling paragraphs stays linear.
    sizes: dict[int, int] = {}
    parents: dict[int, Tag] = {}
    for p in soup.find_all("p"):
        parent = p.parent
        if isinstance(parent, Tag):
            sizes[id(parent)] = sizes.get(id(parent), 0) + len(_text(p))
            parents[id(parent)] = parent
    if sizes:
        return parents[max(sizes, key=lambda k: sizes[k])]
    return soup.body or soup


def _meta(soup: BeautifulSoup, *names: str) -> str | None:
    for name in names:
        by_property: dict[str, Any] = {"property": name}
        by_name: dict[str, Any] = {"name": name}
        tag = soup.find("meta", attrs=by_property) or soup.find("meta", attrs=by_name)
        content = tag.get("content") if isinstance(tag, Tag) else None
        if isinstance(content, str) and content.strip():
            return content.strip()
    return None


def _published(soup: BeautifulSoup, source: str) -> date | None:
    value = _meta(soup, "article:published_time", "og:published_time", "date", "pubdate")
    if value is None:
        t = soup.find("time", attrs={"datetime": True})
        value = str(t["datetime"]) if isinstance(t, Tag) else None
    try:
        return parse_date(value[:10] if value else None, source)
    except InputError:
        return None  # a garbled page date is not worth losing the article over


def article_from_html(content: str, article_id: str, source: str | None = None,
                      published: date | None = None) -> Article:
    """An article from an HTML page (rules in the module docstring)."""
    src = source or article_id
    soup = BeautifulSoup(content, "lxml")
    title = _meta(soup, "og:title") or ""
    for tag in soup(_DROP):
        tag.decompose()
    for tag in soup.find_all(_is_boilerplate):
        if not tag.decomposed:
            tag.decompose()
    for br in soup.find_all("br"):
        br.replace_with("\n")
    if not title:
        found = soup.find("h1") or soup.find("title")
        title = _text(found) if isinstance(found, Tag) else ""
    root = _root(soup)
    blocks = _paragraphs(root) or [_text(root)]
    text = clean_text("\n\n".join(b for b in blocks if b))
    if not text.strip():
        raise InputError(f"{src}: HTML page has no article text")
    return Article(id=article_id, title=" ".join(title.split()), text=text,
                   published=published or _published(soup, src), source=src)
