"""The web fetch log of a store, in its own named graph; ``kg urls`` prints it.

It is read before a web build and written with the build's publish step.

The log (:class:`~kg.sources.fetchlog.FetchLog`: each URL's last outcome, failures in a row and
validators) lives in the store it describes, in the graph :func:`~kg.rdf.iri.fetch_log_graph_iri`,
written in one graph replacement just before the build publishes. So it is never ahead of the
articles (an interrupted build leaves the last one), it travels with the store, and every
backend keeps it. Only ``kg:`` terms are used, so queries over articles and entities never
see it.

>>> from kg.store import open_store
>>> from kg.sources.fetchlog import FetchLog
>>> store = open_store("memory:")
>>> log = FetchLog()
>>> log.failed("https://a.example/gone", "HTTP 404 Not Found", permanent=True)
>>> save_fetch_log(store, log)
>>> rec = load_fetch_log(store).records["https://a.example/gone"]
>>> rec.failures, rec.permanent, rec.reason
(1, True, 'HTTP 404 Not Found')
>>> fetch_log_lines(store)[1].split(chr(9))[:3]  # tab-separated
['failed', 'https://a.example/gone', 'HTTP 404 Not Found']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import TYPE_CHECKING

from rdflib import Literal
from rdflib.term import Node

from kg.query.files import internal_query
from kg.rdf.iri import fetch_log_graph_iri, fetch_record_iri
from kg.rdf.mapping import RdfTriple
from kg.rdf.nquads import triples_nquads
from kg.rdf.vocab import KG, XSD
from kg.sources.articles import ArticleProblem
from kg.sources.fetchlog import OUTCOMES, FetchLog, UrlRecord
from kg.store.base import Store

if TYPE_CHECKING:
    from kg.sources.web import Fetcher

__all__ = ["load_fetch_log", "save_fetch_log", "record_triples", "attach_fetch_log",
           "keep_fetch_log", "fetch_log_lines"]


def _text(v: Node | None) -> str | None:
    return None if v is None else str(v)


def _when(v: Node | None) -> datetime | None:
    return None if v is None else datetime.fromisoformat(str(v))


def load_fetch_log(store: Store, *, retry_failed: bool = False, conditional: bool = True,
                   now: datetime | None = None) -> FetchLog:
    """The store's fetch log (empty for a store that has none)."""
    records = []
    rows = store.query(internal_query("fetch-log")).rows
    for (url, kind, failures, last, reason, permanent, listed, etag, modified, since, outcome,
         refused_for, listed_modified, answered_from) in rows:
        records.append(UrlRecord(
            str(url), failures=int(str(failures or 0)), last_failure=_when(last),
            reason=str(reason or ""), permanent=str(permanent) == "true",
            listed_by=_text(listed), kind=str(kind or ""), etag=_text(etag),
            last_modified=_text(modified), seen=_when(since), outcome=str(outcome or ""),
            refused_for=str(refused_for or ""), listed_modified=_when(listed_modified),
            final_url=_text(answered_from)))
    return FetchLog(records, retry_failed=retry_failed, conditional=conditional, now=now)


def record_triples(rec: UrlRecord) -> list[RdfTriple]:
    """One URL's record as triples about :func:`~kg.rdf.iri.fetch_record_iri`."""
    r = fetch_record_iri(rec.url)
    out: list[RdfTriple] = [(r, KG.fetchedUrl, Literal(rec.url, datatype=XSD.anyURI))]
    if rec.kind:
        out.append((r, KG.urlKind, Literal(rec.kind)))
    if rec.outcome:
        out.append((r, KG.urlOutcome, Literal(rec.outcome)))
    if rec.reason:
        out.append((r, KG.outcomeReason, Literal(rec.reason)))
    if rec.refused_for:
        out.append((r, KG.refusedForLang, Literal(rec.refused_for)))
    if rec.failures:
        out += [(r, KG.failureCount, Literal(rec.failures)),
                (r, KG.permanentFailure, Literal(rec.permanent))]
    if rec.last_failure is not None:
        out.append((r, KG.lastFailure, Literal(rec.last_failure)))
    if rec.listed_by:
        out.append((r, KG.listedBy, Literal(rec.listed_by, datatype=XSD.anyURI)))
    if rec.etag:
        out.append((r, KG.etag, Literal(rec.etag)))
    if rec.last_modified:
        out.append((r, KG.lastModified, Literal(rec.last_modified)))
    if rec.seen is not None:
        out.append((r, KG.recordChanged, Literal(rec.seen)))
    if rec.listed_modified is not None:
        out.append((r, KG.listedModified, Literal(rec.listed_modified)))
    if rec.final_url:
        out.append((r, KG.answeredFrom, Literal(rec.final_url, datatype=XSD.anyURI)))
    return out


def save_fetch_log(store: Store, log: FetchLog) -> None:
    """Replace the store's fetch log with ``log`` (one graph, one replacement)."""
    graph = str(fetch_log_graph_iri())
    triples = [t for rec in log.kept() for t in record_triples(rec)]
    store.replace_article_nquads(graph, triples_nquads(graph, triples))


def attach_fetch_log(store: Store, fetcher: Fetcher, *, force: bool = False) -> None:
    """Give ``fetcher`` the store's log for a build. ``force`` rebuilds everything: then no
    URL waits for its retry time and none is asked for conditionally."""
    fetcher.log = load_fetch_log(store, retry_failed=fetcher.retry_failed or force,
                                 conditional=not force)


def keep_fetch_log(store: Store, fetcher: Fetcher, built: Iterable[str] = (),
                   unchanged: Iterable[str] = (), problems: Iterable[ArticleProblem] = ()) -> None:
    """Settle each page's outcome from the build (stored, unchanged, refused and why) and write
    the fetcher's log into the store (before publishing).

    A build that stored nothing into an empty store leaves it empty, as a build of bad files
    does: the log would be all the store held.
    """
    from kg.sources.crawl import settle_outcomes

    built = list(built)
    settle_outcomes(fetcher, built, unchanged, problems)
    if fetcher.log is None or not fetcher.log.changed or (not built and store.is_empty()):
        return
    save_fetch_log(store, fetcher.log)


def fetch_log_lines(store: Store) -> list[str]:
    """The store's fetch log as ``kg urls`` prints it: a header, then one tab-separated line per
    URL (outcome, URL, reason, since when, next try of a failed one), by outcome."""
    order = {o: i for i, o in enumerate(OUTCOMES)}
    recs = sorted(load_fetch_log(store).records.values(),
                  key=lambda r: (order.get(r.outcome, len(order)), r.url))
    lines = ["outcome\turl\treason\tsince\tretry after"]
    for r in recs:
        at = r.retry_at()
        lines.append("\t".join([r.outcome or "-", r.url, r.reason or "-",
                                 f"{r.seen:%Y-%m-%d %H:%M}" if r.seen else "-",
                                 f"{at:%Y-%m-%d %H:%M}" if at else "-"]))
    return lines
