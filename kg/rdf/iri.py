"""Stable, safe IRIs: minted from normalised names with percent-encoding, never from raw text.

>>> str(mint("person", "Vladimir  Putin"))
'https://w3id.org/kg-news/id/person/vladimir-putin'
>>> str(mint("person", '<script>"x"</script>'))
'https://w3id.org/kg-news/id/person/%3Cscript%3E%22x%22%3C%2Fscript%3E'
"""

from __future__ import annotations

import hashlib
import unicodedata
from functools import lru_cache
from urllib.parse import quote, unquote

from rdflib import URIRef

from kg.rdf.vocab import BASE, KGR

__all__ = ["slug", "mint", "relation_iri", "entity_iri", "article_iri", "graph_iri",
           "events_graph_iri", "event_iri", "graph_article_iri",
           "summary_graph_iri", "SUMMARY_SHARDS", "summary_shard", "summary_shard_iri",
           "fetch_log_graph_iri", "fetch_record_iri", "derivation_graph_iri"]

#: How many named graphs hold the summary's per-entity data: an update rewrites only the
#: shards of the entities it changed (about 300 triples each on all of Reuters-21578).
SUMMARY_SHARDS = 1024


def slug(text: str) -> str:
    """Normalise a name for an IRI segment: NFKC, case-folded, controls dropped, spaces as ``-``.

    >>> slug("  Émile\\u200b Zola\\n")
    'émile-zola'
    >>> slug("Kim Dae-jung")
    'kim-dae-jung'
    """
    if text.isascii() and text.isprintable():
        # Most names: NFKC leaves ASCII as it is and printable ASCII holds no control
        # character, so the per-character pass below would return the same text.
        return "-".join(text.lower().split()) or "_"
    norm = unicodedata.normalize("NFKC", text)
    # Format and control characters (zero-width joiners, RTL marks, newlines) carry no identity.
    kept = "".join(" " if ch.isspace() else ch for ch in norm
                   if ch.isspace() or unicodedata.category(ch)[0] != "C")
    return "-".join(kept.casefold().split()) or "_"


def mint(kind: str, *parts: str) -> URIRef:
    """An IRI under :data:`~kg.rdf.vocab.BASE` for ``kind`` and the slugged, encoded ``parts``."""
    segs = [quote(slug(p), safe="") for p in parts]
    return URIRef(BASE + quote(kind, safe="") + "/" + "/".join(segs))


@lru_cache(maxsize=1 << 16)
def entity_iri(key: str) -> URIRef:
    """The IRI of an entity from its key ``type:name``.

    >>> str(entity_iri("country:united states"))
    'https://w3id.org/kg-news/id/country/united-states'
    """
    etype, _, name = key.partition(":")
    return mint(etype or "thing", name or key)


def article_iri(article_id: str) -> URIRef:
    """The IRI of an article node."""
    return mint("article", article_id)


def graph_iri(article_id: str) -> URIRef:
    """The IRI of an article's named graph.

    >>> str(graph_iri("reuters-1"))
    'https://w3id.org/kg-news/id/graph/reuters-1'
    """
    return mint("graph", article_id)


def summary_graph_iri() -> URIRef:
    """The IRI of the corpus summary graph (outside ``graph/``, so no article id can clash).

    >>> str(summary_graph_iri())
    'https://w3id.org/kg-news/id/summary/corpus'
    """
    return mint("summary", "corpus")


def fetch_log_graph_iri() -> URIRef:
    """The IRI of the web fetch log's graph (:mod:`kg.ingest.fetch_state`).

    >>> str(fetch_log_graph_iri())
    'https://w3id.org/kg-news/id/fetchlog/web'
    """
    return mint("fetchlog", "web")


def derivation_graph_iri() -> URIRef:
    """The IRI of the graph that marks a store's derived graphs as lagging its articles
    (:mod:`kg.ingest.derivation`).

    >>> str(derivation_graph_iri())
    'https://w3id.org/kg-news/id/state/derivation'
    """
    return mint("state", "derivation")


def fetch_record_iri(url: str) -> URIRef:
    """The IRI of one URL's fetch-log record: a digest of the URL, which may be any length.

    >>> str(fetch_record_iri("https://a.example/x"))[:45]
    'https://w3id.org/kg-news/id/fetchlog/url/3902'
    """
    from hashlib import sha256

    return mint("fetchlog", "url", sha256(url.encode("utf-8")).hexdigest()[:32])


def summary_shard(entity: str) -> int:
    """The shard of the summary that holds ``entity``'s data (a stable hash of its IRI).

    >>> summary_shard("https://w3id.org/kg-news/id/person/alice-archer") in range(SUMMARY_SHARDS)
    True
    """
    digest = hashlib.blake2b(entity.encode("utf-8"), digest_size=4).digest()
    return int.from_bytes(digest, "big") % SUMMARY_SHARDS


def summary_shard_iri(shard: int) -> URIRef:
    """The IRI of one shard of the corpus summary, beside :func:`summary_graph_iri`.

    >>> str(summary_shard_iri(10))
    'https://w3id.org/kg-news/id/summary/corpus-00a'
    """
    return mint("summary", f"corpus-{shard:03x}")


@lru_cache(maxsize=1 << 14)
def relation_iri(predicate: str) -> URIRef:
    """The property minted for a normalised relation.

    >>> str(relation_iri("meet with"))
    'https://w3id.org/kg-news/relation/meet-with'
    """
    return URIRef(str(KGR) + quote(slug(predicate), safe=""))


def _local(iri: str) -> str:
    """The part of one of our IRIs after BASE, decoded ("person/james-baker")."""
    return unquote(iri[len(BASE):] if iri.startswith(BASE) else iri)


def events_graph_iri(*participants: str) -> URIRef:
    """The derived graph holding the meeting events of exactly these participants (entity
    IRIs, two or more, in any order).

    >>> str(events_graph_iri(BASE + "person/b", BASE + "person/a"))
    'https://w3id.org/kg-news/id/events/person%2Fa/person%2Fb'
    """
    return mint("events", *sorted({_local(p) for p in participants}))


def event_iri(first_report: str) -> URIRef:
    """The IRI of a meeting event, from its earliest report (a ``kg:Meeting`` IRI, itself
    minted from the article id and the sentence). Every report is in exactly one event, so
    the name is unique; it depends only on the event's reports, so a rebuild from scratch and
    the incremental path mint the same IRI, and it changes only when a report published
    earlier joins or the earliest leaves.

    >>> str(event_iri(BASE + "meeting/a1/0-1"))
    'https://w3id.org/kg-news/id/event/meeting%2Fa1%2F0-1'
    """
    return mint("event", _local(first_report))


def graph_article_iri(graph: str) -> URIRef:
    """The article IRI of an article's named graph, also once the graph is gone.

    >>> graph_article_iri(str(graph_iri("reuters-1"))) == article_iri("reuters-1")
    True
    """
    head = BASE + "graph/"
    if not graph.startswith(head):
        raise ValueError(f"{graph} is not an article graph")
    return URIRef(BASE + "article/" + graph[len(head):])
