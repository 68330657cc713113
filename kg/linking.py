"""Cross-article linking in the store: a person known only as "Putin" in one article gets the
IRI of the "Vladimir Putin" that other articles name in full.

It runs over the stored graphs after a build, so the result does not depend on the order
in which articles were ingested, nor on how they were extracted (one process, several, or
a Dask cluster). A short name that fits two known people ("Baker": James or Howard Baker)
is left alone. The short form is kept as ``skos:altLabel`` of the full-name entity.

>>> from kg.sample import sample_extraction
>>> from kg.rdf import to_rdf
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> store.replace_article(to_rdf(sample_extraction()))
>>> relink_people(store)
0
"""

from __future__ import annotations

import logging
from collections import defaultdict
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.extract.names import surname_match
from kg.store import Store

__all__ = ["person_links", "relink_people"]

log = logging.getLogger(__name__)


def _words(label: str) -> tuple[str, ...]:
    return tuple(label.casefold().replace(".", "").split())


def person_links(people: dict[str, str]) -> dict[str, str]:
    """Short-name person IRI -> the one full-name person IRI whose name ends with it.

    >>> person_links({"p/putin": "Putin", "p/vp": "Vladimir Putin",
    ...               "p/baker": "Baker", "p/jb": "James Baker", "p/hb": "Howard Baker"})
    {'p/putin': 'p/vp'}
    """
    by_last: dict[str, list[tuple[str, tuple[str, ...]]]] = defaultdict(list)
    for iri, label in people.items():
        words = _words(label)
        if len(words) > 1:
            by_last[words[-1]].append((iri, words))
    links: dict[str, str] = {}
    for iri, label in people.items():
        words = _words(label)
        if not words:
            continue
        targets = {f for f, full in by_last.get(words[-1], ()) if f != iri
                   and surname_match(words, full)}
        if len(targets) == 1:
            links[iri] = targets.pop()
    return links


def _rewrite(g: Graph, links: dict[Node, URIRef], labels: dict[str, str]) -> Graph:
    out = Graph(identifier=g.identifier)
    for s, p, o in g:
        if s in links and p in (RDFS.label, SKOS.prefLabel):
            out.add((links[s], SKOS.altLabel, o))  # the short form becomes an alias
            continue
        out.add((links.get(s, s), p, links.get(o, o)))
    for full in links.values():
        if (full, None, None) in out:
            out.add((full, RDFS.label, Literal(labels[str(full)])))
            out.add((full, SKOS.prefLabel, Literal(labels[str(full)])))
    return out


def relink_people(store: Store) -> int:
    """Rewrite stored article graphs so short-named people use their full-name IRI.

    Returns the number of article graphs rewritten; each is replaced as a unit.
    """
    q = (Path(__file__).parent / "sparql" / "people.rq").read_text(encoding="utf-8")
    rows = store.query(q).rows
    people = {str(r[0]): str(r[1]) for r in rows}
    links = person_links(people)
    if not links:
        return 0
    graphs = sorted({str(r[2]) for r in rows if str(r[0]) in links})
    iri_links: dict[Node, URIRef] = {URIRef(k): URIRef(v) for k, v in links.items()}
    for gname in graphs:
        res = store.query("CONSTRUCT WHERE { ?s ?p ?o }", default_graph=[URIRef(gname)])
        assert res.graph is not None
        src = Graph(identifier=URIRef(gname))
        for t in res.graph:
            src.add(t)
        store.replace_article(_rewrite(src, iri_links, people))
    log.info("linked %d short names across %d articles", len(links), len(graphs))
    return len(graphs)
