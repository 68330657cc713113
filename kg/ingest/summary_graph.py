"""The corpus summary graph: name keys and partner counts derived from the article graphs.

Saved queries that start from a name, or rank the whole corpus, would otherwise scan every
label or join every statement of the store (tens of seconds on all of Reuters-21578). The
summary holds what they need, in one named graph (:func:`~kg.iri.summary_graph_iri`):

- ``kg:nameKey``: each entity's labels and aliases in lower case, and every tail of them after
  a space ("ronald reagan", "reagan"), so a name or a surname is one index lookup;
- ``kg:commonLabel``: the label most article graphs give the entity;
- ``kg:partner`` between two entities that met or share a statement, both ways;
- ``kg:partnerCount``, ``kg:meetingCount``, ``kg:statementCount`` and ``kg:connectedRank`` for
  entities that have partners.

It is derived data, recomputed from scratch by :func:`refresh_summary` (``kg build`` calls it
after cross-article linking), so it is exact however articles were added, replaced or removed.
Only ``kg:`` terms are used, so queries over the union of graphs see no extra labels or types.

>>> sorted(name_keys("Ronald W. Reagan"))
['reagan', 'ronald w. reagan', 'w. reagan']
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Container

from rdflib import Literal, URIRef

from kg.query.files import internal_query
from kg.rdf.iri import summary_graph_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG
from kg.store.base import Store

__all__ = ["name_keys", "summary_triples", "refresh_summary", "has_summary", "update_summary"]

log = logging.getLogger(__name__)


def name_keys(label: str) -> set[str]:
    """What a name lookup may ask for to find ``label``: the whole label or a tail after a space.

    The same matches as ``LCASE(label) = LCASE(name) || STRENDS(LCASE(label), CONCAT(" ",
    LCASE(name)))``, which the saved queries used to evaluate on every label of the store.

    >>> sorted(name_keys("Alice  Archer"))
    [' archer', 'alice  archer', 'archer']
    """
    low = label.lower()
    return {low} | {low[i + 1:] for i, ch in enumerate(low) if ch == " "}


def _rows(store: Store, name: str) -> list[tuple[str, ...]]:
    return [tuple(str(v) for v in row) for row in store.query(internal_query(name)).rows]


def _names(store: Store) -> tuple[dict[str, str], dict[str, set[str]]]:
    """Each entity's most common label (ties: the smallest) and its name keys."""
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for e, label, graphs in _rows(store, "summary-labels"):
        counts[e][label] = int(graphs)
    common = {e: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for e, c in counts.items()}
    keys = {e: set().union(*(name_keys(label) for label in c)) for e, c in counts.items()}
    for e, alias in _rows(store, "summary-aliases"):
        if e in keys:
            keys[e] |= name_keys(alias)
    return common, keys


def _links(store: Store, entities: Container[str]
           ) -> tuple[dict[str, set[str]], dict[str, set[str]], dict[str, int]]:
    """Each entity's partners, meetings (with a partner) and statements (with another entity)."""
    partners: dict[str, set[str]] = defaultdict(set)
    meetings: dict[str, set[str]] = defaultdict(set)
    statements: dict[str, int] = defaultdict(int)
    # Only entities count: a statement's subject may be an IRI that labels nothing.
    for e, p, n in _rows(store, "summary-pairs"):
        if e in entities and p in entities:
            partners[e].add(p)
            partners[p].add(e)
            statements[e] += int(n)
            statements[p] += int(n)
    attendees: dict[str, set[str]] = defaultdict(set)
    for m, e in _rows(store, "summary-meetings"):
        if e in entities:
            attendees[m].add(e)
    for m, who in attendees.items():
        if len(who) < 2:
            continue
        for e in who:
            partners[e] |= who - {e}
            meetings[e].add(m)
    return partners, meetings, statements


def summary_triples(store: Store) -> list[RdfTriple]:
    """The triples of the summary graph, computed from the article graphs of ``store``."""
    common, keys = _names(store)
    out: list[RdfTriple] = []
    for e in sorted(keys):
        node = URIRef(e)
        out.append((node, KG.commonLabel, Literal(common[e])))
        out.extend((node, KG.nameKey, Literal(k)) for k in sorted(keys[e]))
    partners, meetings, statements = _links(store, common)
    ranked = sorted(partners, key=lambda e: (-len(partners[e]), common[e], e))
    for rank, e in enumerate(ranked, 1):
        node = URIRef(e)
        out.append((node, KG.partnerCount, Literal(len(partners[e]))))
        out.append((node, KG.meetingCount, Literal(len(meetings[e]))))
        out.append((node, KG.statementCount, Literal(statements[e])))
        out.append((node, KG.connectedRank, Literal(rank)))
        out.extend((node, KG.partner, URIRef(p)) for p in sorted(partners[e]))
    return out


def refresh_summary(store: Store) -> int:
    """Recompute the summary graph of ``store`` from its article graphs; returns its size.

    >>> from kg.store import open_store
    >>> from kg.rdf.mapping import to_rdf
    >>> from kg.sample import sample_extraction
    >>> s = open_store("memory:")
    >>> s.replace_article(to_rdf(sample_extraction()))
    >>> refresh_summary(s) > 0, has_summary(s)
    (True, True)
    """
    triples = summary_triples(store)
    graph = str(summary_graph_iri())
    if triples:
        store.replace_article_nquads(graph, triples_nquads(graph, triples))
    else:
        store.remove_article(URIRef(graph))
    log.info("summary graph: %d triples", len(triples))
    return len(triples)


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
