"""Extraction in worker processes for ``--jobs N``: articles out, per-article records back.

spaCy's own ``nlp.pipe(n_process=N)`` ships each Doc back with msgpack, which cannot carry
the ``kg`` components' results (frozen dataclasses, dates), so the workers here run the
whole pipeline and return pickled records instead: :class:`~kg.model.Extraction`, or for
``kg build`` the article's finished N-Quads (:class:`kg.ingest.build.PreparedArticle`). Workers are
forked from the parent, which has already loaded the pipeline, so they start at once; at most
``4 * n_process`` batches are in flight, so memory stays flat however long the input is, and
the workers stay busy while the parent is inside a bulk-load flush (kg.store.bulk) for a few
seconds.

>>> from kg.model import Article
>>> list(batched(iter("abcde"), 2))
[['a', 'b'], ['c', 'd'], ['e']]
"""

from __future__ import annotations

import logging
import multiprocessing as mp
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from typing import Any, TypeVar

from spacy.language import Language

from kg.model import Article

__all__ = ["batched", "can_fork", "extract_parallel"]

log = logging.getLogger(__name__)
T = TypeVar("T")
R = TypeVar("R")

# The pipeline the forked workers inherit (set in the parent just before the fork).
_NLP: Language | None = None
_RUN: Callable[..., Iterator[Any]] | None = None


def batched(items: Iterable[T], size: int) -> Iterator[list[T]]:
    """``items`` in lists of ``size`` (the last one shorter)."""
    batch: list[T] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def can_fork() -> bool:
    """True where worker processes can inherit the loaded pipeline (Linux, not macOS/Windows).

    >>> isinstance(can_fork(), bool)
    True
    """
    return "fork" in mp.get_all_start_methods()


def _work(batch: list[Article]) -> list[Any]:
    assert _NLP is not None and _RUN is not None
    return list(_RUN(batch, _NLP, batch_size=len(batch), n_process=1))


def extract_parallel(articles: Iterable[Article], nlp: Language,
                     run: Callable[..., Iterator[R]], *, batch_size: int = 16,
                     n_process: int = 2) -> Iterator[R]:
    """``run(batch, nlp)`` over batches of ``articles`` in forked workers, results in order.

    ``run`` yields one record per article (an :class:`~kg.model.Extraction`, or anything
    else that pickles); it reaches the workers through the fork, so it need not pickle.
    """
    global _NLP, _RUN
    _NLP, _RUN = nlp, run
    ctx = mp.get_context("fork")
    pool = ctx.Pool(n_process)
    pending: deque[Any] = deque()
    try:
        for batch in batched(articles, batch_size):
            pending.append(pool.apply_async(_work, (batch,)))
            while len(pending) >= 4 * n_process:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()
        pool.close()
    finally:
        pool.terminate()
        pool.join()
        _NLP = _RUN = None
