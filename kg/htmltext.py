"""HTML articles: the article text is taken out with a real HTML parser (BeautifulSoup + lxml).

>>> a = article_from_html("<html><head><title>T</title><script>x()</script></head>"
...                       "<body><nav>Home</nav><article><p>Bob met Alice in Paris.</p></article></body></html>", "x")
>>> a.title, a.text
('T', 'Bob met Alice in Paris.')
"""

from __future__ import annotations

from datetime import date

from bs4 import BeautifulSoup

from kg.articles import clean_text
from kg.errors import InputError
from kg.model import Article

__all__ = ["article_from_html"]

_DROP = ("script", "style", "noscript", "nav", "header", "footer", "aside", "form",
         "iframe", "svg", "button", "template")


def article_from_html(content: str, article_id: str, source: str | None = None,
                      published: date | None = None) -> Article:
    """An article from an HTML page: the ``<article>`` (or ``<main>``/``<body>``) paragraphs."""
    soup = BeautifulSoup(content, "lxml")
    for tag in soup(_DROP):
        tag.decompose()
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    title = (h1 or title_tag).get_text(" ", strip=True) if (h1 or title_tag) else ""
    root = soup.find("article") or soup.find("main") or soup.body or soup
    blocks = [p.get_text(" ", strip=True) for p in root.find_all(["p", "li", "blockquote"])]
    if not any(blocks):
        blocks = [root.get_text(" ", strip=True)]
    text = clean_text("\n\n".join(b for b in blocks if b))
    if not text.strip():
        raise InputError(f"{source or article_id}: HTML page has no article text")
    return Article(id=article_id, title=" ".join(title.split()), text=text,
                   published=published, source=source or article_id)
