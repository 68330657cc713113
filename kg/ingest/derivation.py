"""Deriving links, meeting events and the summary from stored articles, and a marker of lag.

:func:`link_and_derive` runs after a build stores articles; :func:`remove_articles` is
``kg remove``. A build or a removal writes the marker before its first article write and
removes it once links, events and summary are derived again. A writer killed in between
(kill -9, power loss) leaves the marker, and the next build or removal then derives everything
again instead of trusting the derived graphs, which would otherwise stay stale for good: the
articles the dead writer stored are unchanged, so no later build would touch them. Only ``kg:``
terms are used, so queries over articles never see the marker.

>>> from kg.store import open_store
>>> store = open_store("memory:")
>>> derivation_pending(store)
False
>>> mark_pending(store)
>>> derivation_pending(store)
True
>>> clear_pending(store)
>>> derivation_pending(store)
False
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime

from rdflib import Literal

from kg.events import EventUpdate, update_events
from kg.ingest.linking import relink_people_graphs
from kg.ingest.summary_update import Journal, patch_summary
from kg.rdf.iri import derivation_graph_iri, graph_iri
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG
from kg.store.base import Store

__all__ = ["link_and_derive", "remove_articles", "pending_nquads", "mark_pending", "clear_pending",
           "derivation_pending"]


def pending_nquads() -> bytes:
    """The marker as N-Quads (a bulk load streams it ahead of the articles)."""
    g = derivation_graph_iri()
    return triples_nquads(str(g), [(g, KG.derivationPending,
                                    Literal(datetime.now(UTC)))])


def mark_pending(store: Store) -> None:
    """Note that articles are about to be written and derived graphs will lag them."""
    store.replace_article_nquads(str(derivation_graph_iri()), pending_nquads())


def clear_pending(store: Store) -> None:
    """Note that links, events and summary are derived from the stored articles again."""
    store.remove_article(derivation_graph_iri())


def derivation_pending(store: Store) -> bool:
    """Whether an earlier writer stopped between writing articles and deriving from them."""
    return bool(store.graph_triples(str(derivation_graph_iri())))


def link_and_derive(store: Store, built: list[str], journal: Journal | None = None
                    ) -> tuple[int, EventUpdate]:
    """After articles were stored: link short names across articles, derive again the meeting
    events of every pair those articles (or the relinked ones) report, and update the summary
    graph for every graph written (``journal`` noted the articles'; without one, it is
    recomputed from scratch: :mod:`kg.ingest.summary_update`).

    Returns the number of relinked article graphs and what changed in the events.
    """
    if not built:
        return 0, EventUpdate()
    noted = journal or Journal(store)
    noted.everything |= journal is None
    relinked = relink_people_graphs(noted.view)
    changed = {str(graph_iri(a)) for a in built} | set(relinked)
    events = update_events(noted.view, changed)
    patch_summary(store, noted.touched())
    return len(relinked), events


def remove_articles(store: Store, article_ids: Iterable[str]) -> EventUpdate:
    """Drop the named articles' graphs, then update the meeting events they supported and the
    corpus summary graph.

    Every id must be stored: an unknown one is refused before anything is removed.
    """
    from kg.errors import InputError

    ids = list(dict.fromkeys(article_ids))
    known = store.article_hashes()
    unknown = [a for a in ids if a not in known]
    if unknown:
        raise InputError(f"no stored article {', '.join(map(repr, unknown))}")
    if not ids:
        return EventUpdate()
    catch_up = derivation_pending(store)
    mark_pending(store)
    journal = Journal(store)
    for a in ids:
        journal.remove_article(graph_iri(a))
    if catch_up:
        events = link_and_derive(store, list(store.article_hashes()))[1]
    else:
        events = update_events(journal.view, {str(graph_iri(a)) for a in ids})
        patch_summary(store, journal.touched())
    clear_pending(store)
    return events
