"""The corpus summary graph: name keys and partner counts derived from the article graphs.

Saved queries that start from a name, or rank the whole corpus, would otherwise scan every
label or join every statement of the store (tens of seconds on all of Reuters-21578). The
summary holds what they need, per entity, in :data:`~kg.rdf.iri.SUMMARY_SHARDS` named graphs
(:func:`~kg.rdf.iri.summary_shard_iri`, chosen by a hash of the entity's IRI):

- ``kg:nameKey``: each entity's labels and aliases in lower case, and every tail of them after
  a space ("ronald reagan", "reagan"), so a name or a surname is one index lookup;
- ``kg:commonLabel``: the label most graphs give the entity;
- ``kg:partner`` between two entities that met or share a statement, both ways;
- ``kg:partnerCount``, ``kg:meetingCount``, ``kg:statementCount`` for entities that have
  partners;

and, in :func:`~kg.rdf.iri.summary_graph_iri`, ``kg:connectedRank`` for the :data:`RANKED`
entities with most partners (1 = most partners; ties by common label, then IRI).

It is derived data. :func:`refresh_summary` computes it from scratch; a build or a removal
updates only the entities of the graphs it wrote, before and after
(:mod:`kg.ingest.summary_update`), and the ranks, so it stays exact however articles were
added, replaced or removed. Only ``kg:`` terms are used, so queries over the union of graphs see
no extra labels or types.

>>> sorted(name_keys("Ronald W. Reagan"))
['reagan', 'ronald w. reagan', 'w. reagan']
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Container, Iterable, Mapping
from dataclasses import dataclass

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.query.files import internal_query
from kg.rdf.iri import SUMMARY_SHARDS, summary_graph_iri, summary_shard, summary_shard_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG
from kg.store.base import Store

__all__ = ["EntitySummary", "RANKED", "name_keys", "common_label", "summary_triples",
           "refresh_summary", "has_summary", "update_summary", "write_shards", "write_ranks",
           "summary_rows", "ranked"]

log = logging.getLogger(__name__)

#: How many entities get a ``kg:connectedRank`` (``most-connected`` reads the first 50): ranking
#: every entity would rewrite 23,000 triples at each update of a Reuters-21578 store.
RANKED = 100


@dataclass(frozen=True, slots=True)
class EntitySummary:
    """What the summary says about one entity (an IRI with a ``skos:prefLabel`` somewhere)."""

    iri: str
    common: str  #: the label most graphs give it (ties: the smallest)
    keys: frozenset[str]
    partners: frozenset[str] = frozenset()
    meetings: int = 0  #: distinct meetings with another entity
    statements: int = 0  #: statements with another entity as the other end

    def triples(self) -> list[RdfTriple]:
        node = URIRef(self.iri)
        out: list[RdfTriple] = [(node, KG.commonLabel, Literal(self.common))]
        out.extend((node, KG.nameKey, Literal(k)) for k in sorted(self.keys))
        if self.partners:
            out.append((node, KG.partnerCount, Literal(len(self.partners))))
            out.append((node, KG.meetingCount, Literal(self.meetings)))
            out.append((node, KG.statementCount, Literal(self.statements)))
            out.extend((node, KG.partner, URIRef(p)) for p in sorted(self.partners))
        return out


def name_keys(label: str) -> set[str]:
    """What a name lookup may ask for to find ``label``: the whole label or a tail after a space.

    The same matches as ``LCASE(label) = LCASE(name) || STRENDS(LCASE(label), CONCAT(" ",
    LCASE(name)))``, which the saved queries used to evaluate on every label of the store.

    >>> sorted(name_keys("Alice  Archer"))
    [' archer', 'alice  archer', 'archer']
    """
    low = label.lower()
    return {low} | {low[i + 1:] for i, ch in enumerate(low) if ch == " "}


def common_label(counts: Mapping[str, int]) -> str:
    """The label given by the most graphs; ties go to the smallest string.

    >>> common_label({"OPEC": 3, "Opec": 3, "opec": 1})
    'OPEC'
    """
    return min(counts.items(), key=lambda kv: (-kv[1], kv[0]))[0]


def summary_rows(store: Store, name: str, bindings: Mapping[str, Node] | None = None
                 ) -> list[tuple[str, ...]]:
    """The rows of the internal query ``name`` as strings (unbound: ""), without making rdflib
    terms of them (that cost more than the queries on all of Reuters-21578)."""
    return [tuple("" if v is None else v for v in row)
            for row in store.select_values(internal_query(name), bindings)]


def _names(store: Store) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each entity's most common label and its name keys."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for e, label, graphs in summary_rows(store, "summary-labels"):
        counts[e][label] = int(graphs)
    common = {e: common_label(c) for e, c in counts.items()}
    keys = {e: set().union(*(name_keys(label) for label in c)) for e, c in counts.items()}
    for e, alias in summary_rows(store, "summary-aliases"):
        if e in keys:
            keys[e] |= name_keys(alias)
    return common, keys


def _links(store: Store, entities: Mapping[str, str]
           ) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, int]]:
    """Each entity's partners, meetings (with a partner) and statements (with another entity)."""
    partners: dict[str, set[str]] = defaultdict(set)
    meetings: dict[str, set[str]] = defaultdict(set)
    statements: dict[str, int] = defaultdict(int)
    # Only entities count: a statement's subject may be an IRI that labels nothing.
    for e, p, n in summary_rows(store, "summary-pairs"):
        if e in entities and p in entities:
            partners[e].add(p)
            partners[p].add(e)
            statements[e] += int(n)
            statements[p] += int(n)
    attendees: dict[str, set[str]] = defaultdict(set)
    for m, e in summary_rows(store, "summary-meetings"):
        if e in entities:
            attendees[m].add(e)
    for m, who in attendees.items():
        if len(who) < 2:
            continue
        for e in who:
            partners[e] |= who - {e}
            meetings[e].add(m)
    return partners, meetings, statements


def summarise(store: Store) -> dict[str, EntitySummary]:
    """Every entity's summary, computed from the article graphs of ``store``."""
    common, keys = _names(store)
    partners, meetings, statements = _links(store, common)
    return {e: EntitySummary(e, common[e], frozenset(keys[e]), frozenset(partners.get(e, ())),
                             len(meetings.get(e, ())), statements.get(e, 0))
            for e in common}


def ranked(counts: Iterable[tuple[str, int, str]]) -> list[str]:
    """The first :data:`RANKED` entities ``(iri, partners, common label)`` with partners: most
    partners first, ties by label, then IRI.

    >>> ranked([("b", 2, "Bob"), ("a", 2, "Ann"), ("c", 5, "Cy"), ("d", 0, "Di")])
    ['c', 'a', 'b']
    """
    order = sorted(counts, key=lambda t: (-t[1], t[2], t[0]))
    return [e for e, n, label in order if n > 0][:RANKED]


def summary_triples(store: Store) -> list[RdfTriple]:
    """The triples of the whole summary (every shard and the ranks), computed from scratch."""
    entities = summarise(store)
    out = [t for e in sorted(entities) for t in entities[e].triples()]
    order = ranked((e, len(s.partners), s.common) for e, s in entities.items())
    out.extend((URIRef(e), KG.connectedRank, Literal(r)) for r, e in enumerate(order, 1))
    return out


def write_shards(store: Store, shards: Mapping[int, list[RdfTriple]],
                 present: Container[str] | None = None) -> None:
    """Replace each shard of ``shards`` with its triples; an empty one is removed if it is
    ``present`` (all are, when None): a SPARQL server gets one request per removal."""
    for shard, triples in sorted(shards.items()):
        graph = str(summary_shard_iri(shard))
        if triples:
            store.replace_article_nquads(graph, triples_nquads(graph, triples))
        elif present is None or graph in present:
            store.remove_article(URIRef(graph))


def write_ranks(store: Store, order: list[str]) -> None:
    """Replace the ranks graph: ``order[0]`` gets rank 1."""
    graph = str(summary_graph_iri())
    triples: list[RdfTriple] = [(URIRef(e), KG.connectedRank, Literal(r))
                                for r, e in enumerate(order, 1)]
    if triples:
        store.replace_article_nquads(graph, triples_nquads(graph, triples))
    else:
        store.remove_article(URIRef(graph))


def refresh_summary(store: Store) -> int:
    """Recompute the whole summary of ``store`` from its article graphs; returns its size.

    >>> from kg.store import open_store
    >>> from kg.rdf.mapping import to_rdf
    >>> from kg.sample import sample_extraction
    >>> s = open_store("memory:")
    >>> s.replace_article(to_rdf(sample_extraction()))
    >>> refresh_summary(s) > 0, has_summary(s)
    (True, True)
    """
    entities = summarise(store)
    shards: dict[int, list[RdfTriple]] = {i: [] for i in range(SUMMARY_SHARDS)}
    for e in sorted(entities):
        shards[summary_shard(e)].extend(entities[e].triples())
    write_shards(store, shards, {row[0] for row in summary_rows(store, "summary-graphs")})
    write_ranks(store, ranked((e, len(s.partners), s.common) for e, s in entities.items()))
    size = sum(map(len, shards.values())) + min(RANKED, sum(1 for s in entities.values()
                                                             if s.partners))
    log.info("summary graph: %d triples", size)
    return size


def has_summary(store: Store) -> bool:
    """Whether ``store`` holds a summary graph (stores built before it existed do not)."""
    return bool(store.query(internal_query("summary-exists")).boolean)


def update_summary(store: Store, changed: bool, create: bool = True) -> bool:
    """After a build: recompute the summary if articles ``changed``, or if the store has none
    yet and ``create`` (a store built before the summary existed gets one from the next clean
    ``kg build``; a build that refused its input leaves the store as it was).

    Returns whether it was recomputed.
    """
    if not changed and (not create or has_summary(store)):
        return False
    refresh_summary(store)
    return True
