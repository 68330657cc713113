"""Cross-article linking in the store: a person known only as "Putin" in one article gets the
IRI of the "Vladimir Putin" that other articles name in full.

It runs over the stored graphs after a build, so the result does not depend on the order
in which articles were ingested, nor on how they were extracted (one process, several, or
a Dask cluster). A short name that fits two known people ("Baker": James or Howard Baker)
is left alone. The short form is kept as ``skos:altLabel`` of the full-name entity.

>>> from kg.sample import sample_extraction
>>> from kg.rdf.mapping import to_rdf
>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> store.replace_article(to_rdf(sample_extraction()))
>>> relink_people(store)
0
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable

from rdflib import Literal, URIRef
from rdflib.namespace import RDFS, SKOS
from rdflib.term import Node

from kg.extract.names import surname_match
from kg.query.files import internal_query
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.store import Store

__all__ = ["person_links", "relink_people", "relink_people_graphs"]

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


def _rewrite(triples: Iterable[RdfTriple], links: dict[Node, URIRef],
             labels: dict[str, str]) -> list[RdfTriple]:
    out: list[RdfTriple] = []
    for s, p, o in triples:
        if s in links and p in (RDFS.label, SKOS.prefLabel):
            out.append((links[s], SKOS.altLabel, o))  # the short form becomes an alias
            continue
        out.append((links.get(s, s), p, links.get(o, o)))
    subjects = {t[0] for t in out}
    for full in set(links.values()) & subjects:
        out.append((full, RDFS.label, Literal(labels[str(full)])))
        out.append((full, SKOS.prefLabel, Literal(labels[str(full)])))
    return out


def relink_people(store: Store) -> int:
    """Rewrite stored article graphs so short-named people use their full-name IRI.

    Returns the number of article graphs rewritten; each is replaced as a unit.
    """
    return len(relink_people_graphs(store))


def relink_people_graphs(store: Store) -> list[str]:
    """:func:`relink_people`, returning the IRIs of the article graphs it rewrote."""
    q = internal_query("people")
    rows = store.query(q).rows
    people = {str(r[0]): str(r[1]) for r in rows}
    links = person_links(people)
    if not links:
        return []
    graphs = sorted({str(r[2]) for r in rows if str(r[0]) in links})
    iri_links: dict[Node, URIRef] = {URIRef(k): URIRef(v) for k, v in links.items()}
    for gname in graphs:
        triples = _rewrite(store.graph_triples(gname), iri_links, people)
        store.replace_article_nquads(gname, triples_nquads(gname, triples))
    log.info("linked %d short names across %d articles", len(links), len(graphs))
    return graphs
