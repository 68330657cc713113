"""What a store holds: the models that built it, counts of articles, entities, facts, its size.

The model is read back from the article graphs (``kg:extractor``, written by ``kg build``),
so a store built by another machine or version still reports what produced it.

>>> from kg.model import Article, Extraction
>>> from kg.rdf.mapping import to_rdf
>>> from kg.store import open_store
>>> s = open_store("memory:")
>>> s.replace_article(to_rdf(Extraction(Article("a1", "T", "Text.")), "en_core_web_sm 3.8.0"))
>>> i = store_info(s)
>>> i.models, i.articles, i.quads, i.size_bytes
((('en_core_web_sm 3.8.0', 1),), 1, 5, None)
"""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from pathlib import Path

from kg.query.files import internal_query
from kg.store import Store

__all__ = ["StoreInfo", "store_info", "info_text", "info_json", "disk_size"]


@dataclass(frozen=True, slots=True)
class StoreInfo:
    """A store's summary; ``size_bytes`` is None for an in-memory store."""

    location: str
    models: tuple[tuple[str, int], ...]  #: (pipeline "name version", articles it built)
    articles: int
    entities: int
    statements: int  #: extracted (subject, relation, object) statements
    meetings: int
    quads: int  #: RDF triples stored, over all article graphs
    size_bytes: int | None


def disk_size(directory: str | Path) -> int | None:
    """Bytes used by the files under ``directory``, or None when it is not a directory.

    >>> disk_size("memory:") is None
    True
    """
    root = Path(directory)
    if not root.is_dir():
        return None
    # Published snapshots share most table files with the data as hard links: count once.
    sizes = {(st.st_dev, st.st_ino): st.st_size
             for st in (f.stat() for f in root.rglob("*") if f.is_file())}
    return sum(sizes.values())


def store_info(store: Store) -> StoreInfo:
    """Count what ``store`` holds (two aggregate queries, run in the store's own engine)."""
    counts = store.query(internal_query("info-counts")).rows
    row = counts[0] if counts else (None,) * 4
    articles, entities, statements, meetings = (int(str(v)) if v is not None else 0 for v in row)
    models = tuple((str(m), int(str(n))) for m, n in store.query(internal_query("info-models")).rows
                   if m is not None and n is not None)
    return StoreInfo(
        location=store.location, models=models, articles=articles, entities=entities,
        statements=statements, meetings=meetings, quads=len(store),
        size_bytes=None if store.location == "memory:" else disk_size(store.location),
    )


def _size(n: int | None) -> str:
    """Bytes for people.

    >>> _size(1536), _size(None)
    ('1.5 KiB', 'in memory')
    """
    if n is None:
        return "in memory"
    size = float(n)
    for unit in ("B", "KiB", "MiB", "GiB"):
        if size < 1024 or unit == "GiB":
            return f"{size:.0f} B" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{size:.1f} GiB"


def info_text(i: StoreInfo) -> str:
    """The summary as aligned ``key: value`` lines."""
    models = "; ".join(f"{m} ({n} articles)" for m, n in i.models) or "none (empty store)"
    return "\n".join([
        f"store:      {i.location}",
        f"model:      {models}",
        f"articles:   {i.articles}",
        f"entities:   {i.entities}",
        f"triples:    {i.statements} extracted ({i.quads} RDF triples stored)",
        f"meetings:   {i.meetings}",
        f"size:       {_size(i.size_bytes)}",
    ])


def info_json(i: StoreInfo) -> str:
    """The summary as one JSON object."""
    d = asdict(i)
    d["models"] = [{"model": m, "articles": n} for m, n in i.models]
    return json.dumps(d, indent=2)
