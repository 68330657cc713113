"""Keeping the corpus summary exact after a build or a removal, touching only what changed.

A :class:`Journal` stands in for the store while a build writes: for every graph written or
removed it notes the entities the graph held before and holds after (labelled IRIs and the
ends of meetings and statements). :func:`patch_summary` then recomputes just those entities
from the store, one entity at a time (``internal/summary-entity-*.rq``), rewrites the shards of
the summary that hold them, and ranks the corpus again from the partner counts.

Why that is exact: an entity's summary reads only the graphs that label it and the facts it
is an end of, so an entity no written graph mentions keeps its summary, with one exception:
an entity that starts or stops being one (its first label added, its last removed) changes
the partners of everyone it shares a fact with, so those are recomputed too.

>>> from kg.rdf.iri import graph_iri
>>> from kg.sample import sample_store
>>> store = sample_store()  # one article, and its summary
>>> journal = Journal(store)
>>> journal.remove_article(graph_iri("sample"))
>>> "https://w3id.org/kg-news/id/person/vladimir-putin" in journal.touched()
True
>>> patch_summary(store, journal.touched()) > 0, has_summary(store)
(True, False)
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable
from typing import Any, cast

from rdflib import RDF, SKOS, Graph, Literal, URIRef
from rdflib.term import Node

from kg.ingest.summary_graph import (
    EntitySummary,
    common_label,
    has_summary,
    name_keys,
    ranked,
    refresh_summary,
    summary_rows,
    write_ranks,
    write_shards,
)
from kg.query.files import internal_query
from kg.rdf.iri import summary_shard, summary_shard_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.vocab import KG, SDO
from kg.store.base import Store

__all__ = ["graph_entities", "Journal", "patch_summary", "FULL_UPDATE_ABOVE"]

log = logging.getLogger(__name__)

#: An update that touches more entities than this recomputes the summary from scratch: one pass
#: over the store beats that many lookups (about 0.03 s each on all of Reuters-21578).
FULL_UPDATE_ABOVE = 2_000

_LABELS = (SKOS.prefLabel, SKOS.altLabel)
_ENDS = (SDO.attendee, RDF.subject, RDF.object)


def graph_entities(triples: Iterable[tuple[Node, Node, Node]]) -> set[str]:
    """The IRIs whose summary a graph's triples can change: labelled subjects, fact ends.

    >>> from rdflib import Literal
    >>> a, m = URIRef("urn:a"), URIRef("urn:m")
    >>> sorted(graph_entities([(a, SKOS.prefLabel, Literal("A")), (m, SDO.attendee, a),
    ...                        (m, RDF.type, URIRef("urn:Meeting"))]))
    ['urn:a']
    """
    out: set[str] = set()
    for s, p, o in triples:
        if p in _LABELS and isinstance(s, URIRef):
            out.add(str(s))
        elif p in _ENDS and isinstance(o, URIRef):
            out.add(str(o))
    return out


class Journal:
    """The store, with every graph written or removed through it noted (its entities before
    the first write, and the graph's IRI to read its entities after); :attr:`view` is it as a
    :class:`~kg.store.base.Store`. A bulk load notes "everything"."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.graphs: set[str] = set()
        self.before: set[str] = set()
        self.everything = False

    @property
    def view(self) -> Store:
        return cast(Store, self)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.store, name)

    def __len__(self) -> int:
        return len(self.store)

    def _note(self, graph: str) -> None:
        if graph not in self.graphs:
            self.graphs.add(graph)
            self.before |= graph_entities(self.store.graph_triples(graph))

    def replace_article(self, graph: Graph) -> None:
        self._note(str(graph.identifier))
        self.store.replace_article(graph)

    def replace_article_nquads(self, graph_iri: str, nquads: bytes) -> None:
        self._note(graph_iri)
        self.store.replace_article_nquads(graph_iri, nquads)

    def remove_article(self, graph_iri: URIRef) -> None:
        self._note(str(graph_iri))
        self.store.remove_article(graph_iri)

    def bulk_load(self, chunks: Any) -> int:
        self.everything = True
        return self.store.bulk_load(chunks)

    def touched(self) -> set[str] | None:
        """The entities of the written graphs, before and after; None after a bulk load or
        when there are more than :data:`FULL_UPDATE_ABOVE` (recompute it all then)."""
        found = set(self.before)
        for g in self.graphs:
            if self.everything or len(found) > FULL_UPDATE_ABOVE:
                return None
            found |= graph_entities(self.store.graph_triples(g))
        return None if self.everything or len(found) > FULL_UPDATE_ABOVE else found


class _Lookup:
    """One entity at a time, from the store: labels, statement partners, meetings."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def _rows(self, name: str, e: str) -> list[tuple[str, ...]]:
        return summary_rows(self.store, name, {"e": URIRef(e)})

    def names(self, e: str) -> tuple[str, frozenset[str]] | None:
        """The common label and the name keys, or None when nothing labels ``e`` any more."""
        counts: dict[str, int] = {}
        keys: set[str] = set()
        for _, kind, label, graphs in self._rows("summary-entity-labels", e):
            if kind == "label":
                counts[label] = int(graphs)
            keys |= name_keys(label)
        return (common_label(counts), frozenset(keys)) if counts else None

    def statements(self, e: str) -> list[tuple[str, int, bool]]:
        """(other end, statements, summarised as an entity) for each other end."""
        # rdflib answers an empty grouping with one row of unbound values.
        return [(p, int(n), bool(known))
                for _, p, n, known in self._rows("summary-entity-statements", e) if p and n]

    def meetings(self, e: str) -> dict[str, dict[str, bool]]:
        """For each meeting of ``e``: its attendees, and whether each is summarised."""
        out: dict[str, dict[str, bool]] = defaultdict(dict)
        for _, m, o, known in self._rows("summary-entity-meetings", e):
            out[m][o] = bool(known)
        return out


def _shards_of(store: Store, entities: set[str]) -> dict[int, list[RdfTriple]]:
    """The triples of every shard holding one of ``entities``."""
    shards: dict[int, list[RdfTriple]] = {}
    for shard in sorted({summary_shard(e) for e in entities}):
        triples = store.graph_triples(str(summary_shard_iri(shard)))
        shards[shard] = [cast(RdfTriple, t) for t in triples]
    return shards


def _leaders(store: Store) -> list[str]:
    """The ranked entities, read from the updated shards: the largest partner counts (as many
    as :data:`~kg.ingest.summary_graph.RANKED`), every entity tied with the last of them, and
    their labels to break ties."""
    top = summary_rows(store, "summary-top")
    if not top:
        return []
    least = min(int(n) for _, n in top)
    counts = [(e, least, label) for _, e, label in
              summary_rows(store, "summary-tied", {"partners": Literal(least)})]
    for e, n in top:
        if int(n) > least:
            counts += [(e, int(n), label)
                       for _, label in summary_rows(store, "summary-entity-common",
                                                    {"e": URIRef(e)})]
    return ranked(counts)


def patch_summary(store: Store, entities: Iterable[str] | None) -> int:
    """Bring the summary up to date after the graphs holding ``entities`` changed (None, or a
    store without a summary in shards: recompute it all). Returns how many entities were
    recomputed."""
    if entities is None or not has_summary(store) or store.query(
            internal_query("summary-legacy")).boolean:
        refresh_summary(store)
        return -1
    touched = set(entities)
    if len(touched) > FULL_UPDATE_ABOVE:
        refresh_summary(store)
        return -1
    look = _Lookup(store)
    shards = _shards_of(store, touched)
    was = {str(s) for triples in shards.values() for s, p, _ in triples if p == KG.commonLabel}
    names = {e: look.names(e) for e in touched}
    facts = {e: (look.statements(e), look.meetings(e)) for e in touched}
    # An entity that started or stopped being one changes the partners of its fact partners.
    flipped = {e for e in touched if (names[e] is not None) != (e in was)}
    extra: set[str] = set()
    for e in flipped:
        stmts, meets = facts[e]
        extra |= {p for p, _, _ in stmts} | {o for who in meets.values() for o in who}
    extra -= touched
    for e in extra:
        names[e] = look.names(e)
        facts[e] = (look.statements(e), look.meetings(e))
    redo = touched | extra
    shards.update(_shards_of(store, {e for e in extra if summary_shard(e) not in shards}))

    def entity(x: str, known: bool) -> bool:
        return names[x] is not None if x in redo else known

    fresh: dict[str, EntitySummary] = {}
    for e in redo:
        named = names[e]
        if named is None:
            continue
        stmts, meets = facts[e]
        partners = {p for p, _, known in stmts if entity(p, known)}
        statements = sum(n for p, n, known in stmts if entity(p, known))
        meetings = 0
        for who in meets.values():
            present = {o for o, known in who.items() if entity(o, known)}
            if e in present and len(present) > 1:
                meetings += 1
                partners |= present - {e}
        fresh[e] = EntitySummary(e, named[0], named[1], frozenset(partners), meetings,
                                 statements)
    out: dict[int, list[RdfTriple]] = {}
    for shard, triples in shards.items():
        out[shard] = [t for t in triples if str(t[0]) not in redo]
    for e in sorted(fresh):
        out[summary_shard(e)].extend(fresh[e].triples())
    write_shards(store, out)
    write_ranks(store, _leaders(store))
    log.info("summary graph: %d entities updated", len(redo))
    return len(redo)
