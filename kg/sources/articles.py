"""Reading articles: ``.txt`` (title on the first line) and ``.jsonl`` files, directories, stdin.

Text is decoded strictly, hard line wraps are joined into paragraphs, and boilerplate
(bylines, "3 Min Read", "Share This Article") is dropped, so that character offsets
refer to the clean text that extraction sees.

>>> a = parse_txt("Title\\n\\nBy admin\\n3 Min Read\\n\\n"
...               "Bob met Alice in Paris on\\nMonday.\\n", "x")
>>> a.title, a.text
('Title', 'Bob met Alice in Paris on Monday.')
"""

from __future__ import annotations

import gzip
import json
import logging
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Protocol

from kg.errors import InputError
from kg.model import Article
from kg.sources.text import (
    decode,
    parse_date,
    wire_body,
)

__all__ = [
    "MAX_ARTICLE_BYTES",
    "MAX_HTML_BYTES",
    "ArticleProblem",
    "parse_txt",
    "article_from_record",
    "iter_articles",
    "iter_paths",
]

log = logging.getLogger(__name__)

#: Articles larger than this are refused: news articles are far smaller, and spaCy's
#: memory grows with document length.
MAX_ARTICLE_BYTES = 2_000_000
#: HTML pages carry markup, scripts and styles around the text, so they may be larger.
MAX_HTML_BYTES = 10_000_000

_TEXT_SUFFIXES = {".txt", ".text", ".md"}
_JSONL_SUFFIXES = (".jsonl", ".jsonl.gz", ".ndjson")


@dataclass(frozen=True, slots=True)
class ArticleProblem:
    """An input that was skipped: where it came from and why (counted in the build summary)."""

    source: str
    reason: str



def _check_text(text: str, source: str) -> str:
    if not text.strip():
        raise InputError(f"{source}: empty article, nothing to extract")
    return text


def parse_txt(content: str, article_id: str, source: str | None = None,
              published: date | None = None) -> Article:
    """An article from a ``.txt`` file's content: the first non-empty line is the title.

    A file that is one line only has no title: that line is the text, since a user who
    saves a paragraph to a file means it to be read.

    >>> a = parse_txt("Peter Novak met Paul Keller in Vienna.\\n", "one")
    >>> a.title, a.text
    ('', 'Peter Novak met Paul Keller in Vienna.')
    """
    src = source or article_id
    _check_text(content, src)
    lines = content.replace("\r\n", "\n").strip("\n").split("\n", 1)
    one_line = len(lines) == 1 or not lines[1].strip()
    title = "" if one_line else " ".join(lines[0].split())
    text, published, where = wire_body(lines[0] if one_line else lines[1], published)
    return Article(id=article_id, title=title, text=_check_text(text, src), published=published,
                   source=src, dateline=where)


def article_from_record(rec: object, source: str, published: date | None = None) -> Article:
    """An article from one parsed ``.jsonl`` record with ``id``, ``title``, ``text`` and
    optional ``published``, ``url`` and ``author`` (the fields ``kg read`` prints); a wire
    ``dateline`` ("TOKYO, April 13 -") a day off ``published`` dates it instead.

    >>> article_from_record({"id": "r1", "title": "T", "text": "A met B."}, "f:1").id
    'r1'
    """
    if not isinstance(rec, dict):
        raise InputError(f"{source}: expected a JSON object")
    for key in ("id", "title", "text", "url", "published", "author"):
        _check_encodable(rec.get(key), key, source)
    if rec.get("published") is not None and not isinstance(rec.get("published"), str):
        raise InputError(f"{source}: 'published' must be an ISO date string")
    text, aid = rec.get("text"), rec.get("id")
    if not isinstance(text, str):
        raise InputError(f"{source}: missing or non-string 'text' field")
    if not isinstance(aid, str | int) or not str(aid).strip():
        raise InputError(f"{source}: missing 'id' field")
    url, author, dateline = rec.get("url"), rec.get("author"), rec.get("dateline")
    # The day a wire dateline gives the story, when it has one: its times count from it.
    published = parse_date(rec.get("published"), source) or published
    body, published, where = wire_body(text, published,
                                       dateline if isinstance(dateline, str) else None)
    _check_text(body, source)
    return Article(
        id=str(aid),
        title=" ".join(str(rec.get("title") or "").split()),
        text=body,
        published=published,
        url=url if isinstance(url, str) else None,
        source=source,
        author=" ".join(author.split()) or None if isinstance(author, str) else None,
        dateline=where,
    )


def _check_encodable(value: object, key: str, source: str) -> None:
    # JSON's "\ud800" escapes decode to lone surrogates, which no RDF serialiser can write.
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError as e:
            raise InputError(f"{source}: '{key}' field has an unpaired UTF-16 surrogate "
                             f"escape at character {e.start}") from e


def _read_bytes(path: Path, limit: int = MAX_ARTICLE_BYTES) -> bytes:
    try:
        size = path.stat().st_size
        if size > limit:
            raise InputError(f"{path}: {size:,} bytes is over the {limit:,}-byte article limit")
        # Read at most limit+1 bytes: a FIFO or device (/dev/zero) reports size 0.
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except OSError as e:
        raise InputError(f"{path}: cannot read ({e.strerror})") from e
    if len(data) > limit:
        raise InputError(f"{path}: more than the {limit:,}-byte article limit")
    return data


_TOO_LONG = b"\0kg-line-too-long"


class _Readable(Protocol):
    def readline(self, size: int = -1, /) -> bytes: ...


def _lines(fh: _Readable, limit: int = MAX_ARTICLE_BYTES) -> Iterator[bytes]:
    """Lines of ``fh``, each read with at most ``limit`` bytes in memory; a longer line is
    drained and replaced by a marker so its number still counts."""
    while line := fh.readline(limit + 1):
        if len(line) > limit and not line.endswith(b"\n"):
            while (rest := fh.readline(limit)) and not rest.endswith(b"\n"):
                pass
            line = _TOO_LONG
        yield line


def _iter_jsonl(lines: Iterator[bytes], source: str, published: date | None
                ) -> Iterator[Article | ArticleProblem]:
    for n, raw in enumerate(lines, 1):
        where = f"{source}:{n}"
        if not raw.strip():
            continue
        if raw == _TOO_LONG:
            yield ArticleProblem(where,
                                 f"line is over the {MAX_ARTICLE_BYTES:,}-byte article limit")
            continue
        try:
            rec = json.loads(decode(raw, where))
            yield article_from_record(rec, where, published)
        except json.JSONDecodeError as e:
            yield ArticleProblem(where, f"malformed JSON ({e.msg} at column {e.colno})")
        except RecursionError:
            yield ArticleProblem(where, "malformed JSON (nested too deeply)")
        except InputError as e:
            yield ArticleProblem(where, str(e).removeprefix(where + ": "))


def iter_paths(paths: list[str]) -> Iterator[Path | str]:
    """Expand directories into their article files (sorted); ``-`` stands for stdin."""
    for p in paths:
        if p == "-":
            yield p
            continue
        path = Path(p)
        if path.is_dir():
            for f in sorted(path.rglob("*")):
                if f.is_file() and not f.name.startswith(".") and (
                    f.suffix.lower() in _TEXT_SUFFIXES or f.name.endswith(_JSONL_SUFFIXES)
                    or f.suffix.lower() in (".html", ".htm")
                ):
                    yield f
        elif path.exists():
            yield path
        else:
            raise InputError(f"{p}: no such file or directory")


def iter_articles(paths: list[str], published: date | None = None
                  ) -> Iterator[Article | ArticleProblem]:
    """Every article in ``paths``, or an :class:`ArticleProblem` for each input that is skipped.

    A bad article never stops the others: callers count and report the problems. A path
    that does not exist raises :class:`~kg.errors.InputError` before anything is read.
    """
    found = list(iter_paths(paths))
    for p in paths:
        d = Path(p)
        if p != "-" and d.is_dir() and not any(isinstance(f, Path) and d in f.parents
                                               for f in found):
            yield ArticleProblem(p, "no article files (.txt, .md, .jsonl, .html) in this "
                                    "directory")
    for path in found:
        if path == "-":
            yield from _iter_jsonl(_lines(sys.stdin.buffer), "<stdin>", published)
            continue
        assert isinstance(path, Path)
        name = path.name
        try:
            if name.endswith(".gz"):
                with gzip.open(path, "rb") as fh:
                    yield from _iter_jsonl(_lines(fh), str(path), published)
                continue
            if name.endswith(_JSONL_SUFFIXES):
                with path.open("rb") as fh:
                    yield from _iter_jsonl(_lines(fh), str(path), published)
                continue
            html = path.suffix.lower() in (".html", ".htm")
            data = _read_bytes(path, MAX_HTML_BYTES if html else MAX_ARTICLE_BYTES)
            if html:
                from kg.sources.html import read_html

                yield read_html(data, path.stem, str(path), published)
            else:
                yield parse_txt(decode(data, str(path)), path.stem, str(path), published)
        except (InputError, OSError, EOFError) as e:
            yield ArticleProblem(str(path), str(e).removeprefix(f"{path}: "))
