"""Distributed extraction on a Dask cluster: batches of articles out, per-article graphs back.

``kg build CORPUS --scheduler tcp://HOST:8786`` uses a running ``dask.distributed``
scheduler; ``--scheduler local:N`` starts a :class:`~dask.distributed.LocalCluster` of N
single-threaded worker processes on loopback, the same code path. The client reads the
corpus, drops duplicates and unchanged articles (by content hash) and ships batches of
:class:`~kg.model.Article` records; each worker loads the spaCy pipeline once
(:func:`kg.extract.pipeline.load_nlp` is cached per process), extracts, maps to RDF and
returns each article's graph as N-Quads (:class:`kg.ingest.build.PreparedArticle`, the same records
``kg build --jobs N`` makes). Results stream back as batches finish and the client writes
each article with ``store.replace_article_nquads``.

Failure: when a worker dies, the scheduler re-runs its unfinished batches elsewhere
(Dask's ``allowed-failures``); a batch's result reaches the client once, when its future
completes, so every article is stored exactly once, and even a re-sent article would
only replace its own named graph.

>>> parse_scheduler("local:2"), parse_scheduler("tcp://10.0.0.5:8786")
((None, 2), ('tcp://10.0.0.5:8786', 0))
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kg.errors import ExtractionError, InputError, KGError
from kg.model import Article
from kg.sources.articles import ArticleProblem, iter_articles
from kg.sources.language import DEFAULT_LANG

if TYPE_CHECKING:
    from kg.ingest.build import BuildProgress, BuildSummary, PreparedArticle
    from kg.store import Store

__all__ = ["BatchResult", "parse_scheduler", "connect", "extract_batch",
           "build_distributed"]

log = logging.getLogger(__name__)

#: Batches kept in flight per worker: enough to hide the round trip, few enough that a
#: huge corpus never sits in the scheduler's memory.
_IN_FLIGHT_PER_WORKER = 2


@dataclass(frozen=True, slots=True)
class BatchResult:
    """What a worker returns for one batch."""

    articles: tuple[PreparedArticle, ...]  #: each article's graph as N-Quads, with its counts
    problems: tuple[ArticleProblem, ...]
    model: str


def parse_scheduler(spec: str) -> tuple[str | None, int]:
    """``(address, 0)`` for a scheduler URL, ``(None, N)`` for ``local:N``."""
    if spec.startswith("local:"):
        n = spec.removeprefix("local:")
        if not n.isdigit() or not 1 <= int(n) <= 256:
            raise InputError(f"bad scheduler {spec!r}: local:N needs N between 1 and 256")
        return None, int(n)
    if spec.startswith(("tcp://", "tls://")) and len(spec) > 6:
        return spec, 0
    raise InputError(f"bad scheduler {spec!r}: use tcp://HOST:PORT or local:N")


@contextmanager
def connect(spec: str) -> Iterator[Any]:
    """A ``dask.distributed.Client`` for ``spec``; ``local:N`` starts and ends its own cluster."""
    address, n = parse_scheduler(spec)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as e:
        raise ExtractionError("--scheduler needs Dask: pip install 'dask[distributed]'") from e

    try:
        if address is not None:
            with Client(address, timeout="30s") as client:
                yield client
            return
        # Loopback only, no dashboard: nothing listens beyond this machine.
        with LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                          host="127.0.0.1", dashboard_address=None,
                          worker_dashboard_address=None) as cluster, \
                Client(cluster) as client:
            yield client
    except OSError as e:
        raise ExtractionError(f"cannot reach Dask scheduler {spec}: {e}") from e


def extract_batch(articles: tuple[Article, ...], model: str | None = None,
                  lang: str = DEFAULT_LANG) -> BatchResult:
    """Run on a worker: refuse, extract and map ``articles``, as ``kg build`` does locally."""
    from kg.extract.pipeline import load_nlp, model_description
    from kg.ingest.build import prepare_articles
    from kg.sources.language import language_problem
    from kg.sources.limits import length_problem

    nlp = load_nlp(model)
    extractor = model_description(nlp)
    keep: list[Article] = []
    problems: list[ArticleProblem] = []
    for a in articles:
        reason = length_problem(a.text, nlp.max_length) or language_problem(a.text, lang)
        if reason:
            problems.append(ArticleProblem(a.source or a.id, reason))
        else:
            keep.append(a)
    return BatchResult(tuple(prepare_articles(keep, nlp, extractor)), tuple(problems),
                       extractor)


def _batches(items: Iterator[Article], size: int) -> Iterator[tuple[Article, ...]]:
    batch: list[Article] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def build_distributed(paths: list[str], store: Store, scheduler: str, *,
                      model: str | None = None, published: date | None = None,
                      force: bool = False, batch_articles: int = 8, lang: str = DEFAULT_LANG,
                      progress: Callable[[BuildProgress], None] | None = None) -> BuildSummary:
    """Like :func:`kg.ingest.build.build`, with extraction on the Dask cluster ``scheduler``."""
    from dask.distributed import as_completed
    from distributed import KilledWorker

    from kg.ingest.build import BuildProgress, BuildSummary, BuildTally

    t0 = time.perf_counter()
    known = {} if force else store.article_hashes()
    problems: list[ArticleProblem] = []
    unchanged: list[str] = []
    seen: set[str] = set()

    def todo() -> Iterator[Article]:
        for item in iter_articles(paths, published):
            if isinstance(item, ArticleProblem):
                problems.append(item)
            elif item.id in seen:
                problems.append(ArticleProblem(item.source or item.id,
                                               f"duplicate article id {item.id!r}"))
            elif known.get(item.id) == item.content_hash:
                seen.add(item.id)
                unchanged.append(item.id)
            else:
                seen.add(item.id)
                yield item

    tally = BuildTally()
    extractor = ""
    with connect(scheduler) as client:
        workers = max(len(client.scheduler_info()["workers"]), 1)
        batches = _batches(todo(), batch_articles)
        pending = as_completed()

        def submit_next() -> None:
            batch = next(batches, None)
            if batch is not None:
                # retries covers a batch that raised; a dead worker's batch is re-run by the
                # scheduler itself without using these.
                pending.add(client.submit(extract_batch, batch, model, lang, pure=False,
                                          retries=2))

        for _ in range(workers * _IN_FLIGHT_PER_WORKER):
            submit_next()
        for fut in pending:
            try:
                res: BatchResult = fut.result()
            except (KilledWorker, KGError, OSError) as e:
                raise ExtractionError(f"distributed extraction failed: {e}") from e
            fut.release()
            submit_next()
            extractor = res.model
            problems.extend(res.problems)
            for a in res.articles:
                store.replace_article_nquads(a.graph_iri, a.nquads)
                tally.add(a)
                if progress:
                    progress(BuildProgress(len(tally.built), a.article_id, a.words, None,
                                           len(unchanged) + len(problems)))
    from kg.ingest.linking import relink_people

    linked = relink_people(store) if tally.built else 0
    return BuildSummary(
        built=tuple(tally.built), unchanged=tuple(unchanged), problems=tuple(problems),
        triples=tally.triples, meetings=tally.meetings, entities=tally.entities,
        skipped_sentences=tally.skipped_sentences, split_sentences=tally.split_sentences,
        words=tally.words, seconds=time.perf_counter() - t0, model=extractor, linked=linked,
    )
