"""The SPARQL protocol's content side: Accept negotiation, result serialisation, truncation.

>>> negotiate("text/csv;q=0.5, application/sparql-results+json", "SELECT")
('json', 'application/sparql-results+json')
>>> negotiate("*/*", "CONSTRUCT")
('turtle', 'text/turtle')
"""

from __future__ import annotations

import io

from rdflib import Graph

from kg.query.results import QueryResult, to_rdflib_result, tsv_result
from kg.rdf.serialise import rdf_bytes

__all__ = ["RESULT_TYPES", "GRAPH_TYPES", "negotiate", "serialise", "truncate"]

#: Media types for SELECT/ASK results -> rdflib result format (first is the default).
RESULT_TYPES: dict[str, str] = {
    "application/sparql-results+json": "json",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "application/json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
}
#: Media types for CONSTRUCT/DESCRIBE results -> rdflib graph format (first is the default).
GRAPH_TYPES: dict[str, str] = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "text/plain": "nt",
    "application/x-turtle": "turtle",
}


def negotiate(accept: str | None, kind: str) -> tuple[str, str]:
    """``(rdflib format, media type)`` for ``kind`` given an Accept header.

    Falls back to the form's default (SPARQL JSON, or Turtle) when nothing offered matches,
    because several clients send Accept lists we cannot fully honour.
    """
    offered = GRAPH_TYPES if kind in ("CONSTRUCT", "DESCRIBE") else RESULT_TYPES
    prefs: list[tuple[float, int, str]] = []
    for i, part in enumerate((accept or "").split(",")):
        media, *params = [x.strip() for x in part.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if media and q > 0:
            prefs.append((-q, i, media.lower()))
    for _, _, media in sorted(prefs):
        if media in offered:
            return offered[media], media
    default = next(iter(offered))
    return offered[default], default


def serialise(r: QueryResult, accept: str | None, kind: str) -> tuple[bytes, str]:
    """``r`` in the format the Accept header asks for (see :func:`negotiate`)."""
    fmt, media = negotiate(accept, kind)
    if r.kind == "CONSTRUCT":
        assert r.graph is not None
        return rdf_bytes(r.graph, fmt), media
    if fmt == "tsv":
        return tsv_result(r).encode("utf-8"), media
    buf = io.BytesIO()
    to_rdflib_result(r).serialize(buf, format=fmt, encoding="utf-8")
    return buf.getvalue(), media


def truncate(r: QueryResult, limit: int) -> tuple[QueryResult, bool]:
    """``r`` cut to ``limit`` rows (or triples), and whether anything was cut."""
    if r.kind == "SELECT" and len(r.rows) > limit:
        return QueryResult("SELECT", r.vars, r.rows[:limit]), True
    if r.kind == "CONSTRUCT" and r.graph is not None and len(r.graph) > limit:
        g = Graph()
        for n, t in enumerate(r.graph):
            if n >= limit:
                break
            g.add(t)
        return QueryResult("CONSTRUCT", graph=g), True
    return r, False
