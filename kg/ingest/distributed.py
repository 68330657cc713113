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
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from kg.errors import ExtractionError, InputError, KGError
from kg.extract.pipeline import load_nlp
from kg.ingest.build import LocalExecutor, ingest
from kg.ingest.summary import BuildProgress, BuildSummary, PreparedArticle
from kg.model import Article
from kg.sources.articles import ArticleProblem
from kg.sources.language import DEFAULT_LANG
from kg.store import Store

if TYPE_CHECKING:
    from kg.sources.web import Fetcher

__all__ = ["BatchResult", "DaskExecutor", "parse_scheduler", "connect", "extract_batch",
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
    local = LocalExecutor(load_nlp(model), lang)
    keep: list[Article] = []
    problems: list[ArticleProblem] = []
    for a in articles:
        if refused := local.refusal(a):
            problems.append(refused)
        else:
            keep.append(a)
    return BatchResult(tuple(local.prepare(iter(keep), problems)), tuple(problems), local.model)


def _batches(items: Iterator[Article], size: int) -> Iterator[tuple[Article, ...]]:
    batch: list[Article] = []
    for a in items:
        batch.append(a)
        if len(batch) >= size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


@dataclass
class DaskExecutor:
    """Batches of articles out to the cluster behind ``client``, prepared articles back.

    Articles are refused on the workers (the client loads no pipeline), so :meth:`refusal`
    passes everything and the workers' refusals come back with each batch.
    """

    client: Any
    model_name: str | None = None
    lang: str = DEFAULT_LANG
    batch_articles: int = 8
    model: str = ""

    def refusal(self, article: Article) -> ArticleProblem | None:
        """None: the workers check length and language."""
        return None

    def prepare(self, articles: Iterator[Article],
                problems: list[ArticleProblem]) -> Iterator[PreparedArticle]:
        """Keep a few batches in flight per worker and yield articles as batches complete."""
        from dask.distributed import as_completed
        from distributed import KilledWorker

        workers = max(len(self.client.scheduler_info()["workers"]), 1)
        batches = _batches(articles, self.batch_articles)
        pending = as_completed()

        def submit_next() -> None:
            batch = next(batches, None)
            if batch is not None:
                # retries covers a batch that raised; a dead worker's batch is re-run by the
                # scheduler itself without using these.
                pending.add(self.client.submit(extract_batch, batch, self.model_name, self.lang,
                                               pure=False, retries=2))

        for _ in range(workers * _IN_FLIGHT_PER_WORKER):
            submit_next()
        for fut in pending:
            try:
                res: BatchResult = fut.result()
            except (KilledWorker, KGError, OSError) as e:
                raise ExtractionError(f"distributed extraction failed: {e}") from e
            fut.release()
            submit_next()
            self.model = res.model
            problems.extend(res.problems)
            yield from res.articles


def build_distributed(paths: list[str], store: Store, scheduler: str, *,
                      model: str | None = None, published: date | None = None,
                      force: bool = False, batch_articles: int = 8, lang: str = DEFAULT_LANG,
                      progress: Callable[[BuildProgress], None] | None = None,
                      fetcher: Fetcher | None = None) -> BuildSummary:
    """Like :func:`kg.ingest.build.build`, with extraction on the Dask cluster ``scheduler``.

    Each article is committed on its own (no bulk load) and progress shows no total. URLs are
    fetched here, by ``fetcher``; only the articles' text goes to the cluster.
    """
    with connect(scheduler) as client:
        executor = DaskExecutor(client, model, lang, batch_articles)
        return ingest(paths, store, executor, published=published, force=force,
                      progress=progress, bulk=False, count=False, fetcher=fetcher)
