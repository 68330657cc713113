"""The extra meetings set: Reuters articles annotated like meetings-dev, split by NEWID.

A directory in the meetings-dev format (``articles/<NEWID>.txt`` and ``.meta.json``,
``gold.jsonl``) plus ``DONE.txt``, one completed article a line (``NEWID<TAB>lines``). Only the
articles listed there are read, since an annotator may still be writing the others. Article
ids get the prefix ``x`` so they never collide with meetings-dev numbers. NEWIDs divisible by
three are the extra *validation* part (aggregate figures only); the rest is extra *dev*.

>>> extra_id("12107"), split_of("x12107"), split_of("x12108"), split_of("07")
('x12107', 'extra dev', 'extra validation', None)
>>> meta_date({"published": "1987-03-27T10:39:21"}), meta_date({"date": "2-MAR-1987 10:00"})
(datetime.date(1987, 3, 27), datetime.date(1987, 3, 2))
"""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

__all__ = ["EXTRA_DEV", "EXTRA_VAL", "done_newids", "extra_id", "extra_rows", "extra_texts",
           "is_extra_validation", "meta_date", "split_of"]

EXTRA_DEV = "extra dev"
EXTRA_VAL = "extra validation"
PREFIX = "x"


def extra_id(newid: str) -> str:
    """The benchmark's id of an extra article."""
    return PREFIX + newid


def split_of(article: str) -> str | None:
    """``EXTRA_VAL`` for NEWID % 3 == 0, ``EXTRA_DEV`` otherwise, None if not an extra id."""
    if not (article.startswith(PREFIX) and article[len(PREFIX):].isdigit()):
        return None
    return EXTRA_VAL if int(article[len(PREFIX):]) % 3 == 0 else EXTRA_DEV


def is_extra_validation(article: str) -> bool:
    """Whether an article is in the extra validation part (never list its errors)."""
    return split_of(article) == EXTRA_VAL


def meta_date(meta: dict) -> date | None:
    """The publication date of a ``.meta.json`` ("date" or "published"), None if unreadable."""
    raw = str(meta.get("date") or meta.get("published") or "").split(" ")[0].split("T")[0]
    for fmt in ("%d-%b-%Y", "%Y-%m-%d"):
        try:
            return datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    return None


def done_newids(data: Path) -> list[str]:
    """The NEWIDs listed in ``DONE.txt`` (first column), in file order, without repeats."""
    out: list[str] = []
    for line in (data / "DONE.txt").read_text(encoding="utf-8").splitlines():
        first = line.split("\t")[0].split()[0] if line.strip() else ""
        if first.isdigit() and first not in out:
            out.append(first)
    return out


def extra_texts(data: Path) -> list[tuple[str, str, date | None]]:
    """(id, text, date) of every completed article."""
    out = []
    for newid in done_newids(data):
        txt = data / "articles" / f"{newid}.txt"
        meta_path = txt.with_suffix(".meta.json")
        meta = json.loads(meta_path.read_text()) if meta_path.exists() else {}
        out.append((extra_id(newid), txt.read_bytes().decode("utf-8", errors="replace"),
                    meta_date(meta)))
    return out


def extra_rows(data: Path) -> list[dict]:
    """The gold lines of completed articles, with the benchmark's article ids."""
    done = set(done_newids(data))
    rows = [json.loads(line) for line in (data / "gold.jsonl").read_text().splitlines()
            if line.strip()]
    return [{**r, "article": extra_id(str(r["article"]))} for r in rows
            if str(r["article"]) in done]
