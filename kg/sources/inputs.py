"""Every input of a build, local or on the web; ``kg read`` prints them as JSON Lines.

Paths go to the file readers, URLs to the polite fetcher.

>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "talks.txt").write_text("Talks\\n\\nAngela Merkel met Emmanuel Macron.\\n")
>>> [a.id for a in iter_inputs([str(d)])]
['talks']
>>> sorted(json.loads(article_json(next(iter_inputs([str(d)])))))
['author', 'id', 'published', 'text', 'title', 'url']
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping
from datetime import date
from typing import TYPE_CHECKING

from kg.model import Article
from kg.sources.articles import ArticleProblem, iter_articles

if TYPE_CHECKING:
    from kg.sources.crawl import KnownPage
    from kg.sources.web import Fetcher

__all__ = ["iter_inputs", "read_inputs", "article_json", "is_url"]


def is_url(arg: str) -> bool:
    """Whether a command-line argument is a web address rather than a path.

    >>> is_url("https://example.org/feed.xml"), is_url("news/feed.xml")
    (True, False)
    """
    return arg.lower().startswith(("http://", "https://"))


def iter_inputs(paths: list[str], published: date | None = None, *,
                fetcher: Fetcher | None = None, known_urls: Mapping[str, str] | None = None
                ) -> Iterator[Article | ArticleProblem | KnownPage]:
    """The articles of local ``paths`` (files, directories, ``-``), then of the URLs among them.

    A URL that cannot be requested (``http://[::1``) raises :class:`~kg.errors.InputError`
    before anything is read. A URL listed by a feed or sitemap that is in ``known_urls`` is not
    fetched: it comes out
    as a :class:`~kg.sources.crawl.KnownPage`.
    """
    local = [p for p in paths if not is_url(p)]
    urls = [p for p in paths if is_url(p)]
    if urls:
        from kg.sources.web import check_url

        for url in urls:  # a mistyped address is bad input: before anything is read
            check_url(url)
    if local:
        yield from iter_articles(local, published)
    if urls:
        from kg.sources.crawl import iter_web
        from kg.sources.web import Fetcher

        yield from iter_web(urls, fetcher or Fetcher(), known=known_urls, published=published)


def read_inputs(paths: list[str], published: date | None = None, *,
                fetcher: Fetcher | None = None) -> Iterator[Article | ArticleProblem]:
    """What ``kg read`` prints: every article a build would ingest, or the problem with it."""
    for item in iter_inputs(paths, published, fetcher=fetcher):
        if isinstance(item, Article | ArticleProblem):
            yield item


def article_json(a: Article) -> str:
    """One article as a JSON line that ``kg build`` reads back (``.jsonl``): the dateline's
    place too, when the article has one, so that its "here" events keep their place."""
    record = {"id": a.id, "title": a.title,
              "published": a.published.isoformat() if a.published else None,
              "url": a.url or a.canonical_url, "author": a.author, "text": a.text}
    if a.dateline:
        record["dateline"] = a.dateline
    return json.dumps(record, ensure_ascii=False)
