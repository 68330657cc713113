"""The build stage: articles → spaCy → :class:`~kg.model.Extraction` → RDF → the store.

Articles stream through ``nlp.pipe`` in batches, so memory stays flat however large the
corpus; each article is committed on its own, and an article whose content hash is
already stored is skipped unless ``force`` is set.
"""

from __future__ import annotations

import gzip
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from spacy.language import Language

from kg.errors import BuildInterruptedError, StoreError
from kg.extract import extract
from kg.extract.pipeline import load_nlp, model_description, set_doc_context
from kg.ingest.derivation import (
    clear_pending,
    derivation_pending,
    link_and_derive,
    mark_pending,
    pending_nquads,
)
from kg.ingest.fetch_state import attach_fetch_log, keep_fetch_log
from kg.ingest.summary import (
    INTERRUPTED_BULK,
    BuildProgress,
    BuildSummary,
    BuildTally,
    PreparedArticle,
)
from kg.ingest.summary_graph import update_summary
from kg.ingest.summary_update import Journal
from kg.model import Article, Extraction
from kg.rdf.iri import graph_iri
from kg.rdf.mapping import rdf_triples
from kg.rdf.nquads import triples_nquads
from kg.sources.articles import ArticleProblem, iter_paths
from kg.sources.inputs import is_url, iter_inputs
from kg.sources.language import DEFAULT_LANG, language_problem
from kg.sources.limits import cap_sentences, length_problem
from kg.store import Store

if TYPE_CHECKING:
    from kg.sources.web import Fetcher

__all__ = ["build", "ingest", "Executor", "LocalExecutor", "count_articles", "extract_articles",
           "extract_paths", "prepare_articles",
           # the records, defined in kg.ingest.summary
           "BuildSummary", "BuildProgress", "BuildTally", "PreparedArticle"]

log = logging.getLogger(__name__)


def _refusal(item: Article, nlp: Language, lang: str) -> ArticleProblem | None:
    # Checked before parsing: spaCy raises on texts over nlp.max_length, and foreign prose
    # parsed by an English model yields confident nonsense.
    reason = length_problem(item.text, nlp.max_length) or language_problem(item.text, lang)
    return ArticleProblem(item.source or item.id, reason) if reason else None


def count_articles(paths: list[str]) -> int | None:
    """How many articles ``paths`` hold, counted cheaply (JSON lines, files); None for stdin.

    >>> count_articles([])
    0
    """
    n = 0
    if any(is_url(p) for p in paths):
        return None
    for path in iter_paths(paths):
        if not isinstance(path, Path):
            return None
        if path.name.endswith((".jsonl", ".jsonl.gz", ".ndjson")):
            try:
                opener = gzip.open if path.name.endswith(".gz") else open
                with opener(path, "rb") as fh:
                    n += sum(1 for line in fh if line.strip())
            except (OSError, EOFError) as e:
                log.debug("cannot count %s: %s", path, e)
        else:
            n += 1
    return n


def extract_articles(articles: Iterable[Article], nlp: Language, *, batch_size: int = 16,
                     n_process: int = 1) -> Iterator[Extraction]:
    """Run the pipeline over ``articles`` lazily, yielding one Extraction per article, in order.

    With ``n_process > 1`` the batches go to forked worker processes (:mod:`kg.ingest.workers`).
    """
    if n_process > 1:
        from kg.ingest.workers import can_fork, extract_parallel

        if can_fork():
            yield from extract_parallel(articles, nlp, extract_articles,
                                        batch_size=batch_size, n_process=n_process)
            return
        log.warning("no fork() on this platform: extracting in one process")
    for x, _ in _extract(articles, nlp, batch_size):
        yield x


def _extract(articles: Iterable[Article], nlp: Language,
             batch_size: int) -> Iterator[tuple[Extraction, int]]:
    # Each Extraction with the number of overlong runs cut before parsing.
    pending: dict[int, Article] = {}

    def docs() -> Iterator:
        for n, a in enumerate(articles):
            pending[n] = a
            doc = set_doc_context(nlp.make_doc(a.text), a.id, a.published)
            doc.user_data["kg_n"] = n
            doc.user_data["kg_cuts"] = cap_sentences(doc)
            yield doc

    for doc in nlp.pipe(docs(), batch_size=batch_size):
        article = pending.pop(doc.user_data["kg_n"])
        yield extract(doc, article), doc.user_data["kg_cuts"]


def _prepare(articles: Iterable[Article], nlp: Language, *, extractor: str, keep: bool,
             batch_size: int = 16, n_process: int = 1) -> Iterator[PreparedArticle]:
    for x, cuts in _extract(articles, nlp, batch_size):
        a = x.article
        nquads = triples_nquads(str(graph_iri(a.id)), rdf_triples(x, extractor))
        yield PreparedArticle(a.id, str(graph_iri(a.id)), nquads, len(a.text.split()),
                              len(x.triples), len(x.meetings), len(x.entities),
                              x.skipped_sentences, cuts, x if keep else None)


def prepare_articles(articles: Iterable[Article], nlp: Language, extractor: str, *,
                     keep_extractions: bool = False, batch_size: int = 16,
                     n_process: int = 1) -> Iterator[PreparedArticle]:
    """Extract and map each article to N-Quads, in order; with ``n_process > 1`` in workers.

    The RDF mapping and serialisation run in the workers too, so with ``--jobs N`` the
    parent is left with writing bytes to the store.
    """
    if n_process > 1:
        from functools import partial

        from kg.ingest.workers import can_fork, extract_parallel

        if can_fork():
            run = partial(_prepare, extractor=extractor, keep=keep_extractions)
            yield from extract_parallel(articles, nlp, run,
                                        batch_size=batch_size, n_process=n_process)
            return
        log.warning("no fork() on this platform: extracting in one process")
    yield from _prepare(articles, nlp, extractor=extractor, keep=keep_extractions,
                        batch_size=batch_size)


class Executor(Protocol):
    """Where articles are extracted and mapped to N-Quads: here (``--jobs N`` workers), or on a
    Dask cluster (:mod:`kg.ingest.distributed`). :func:`ingest` is the one orchestration."""

    #: The extractor's description (model and rule versions); Dask knows it after a batch.
    model: str
    #: The language kept (``--lang``); a web page refused for it is refused again unchanged.
    lang: str

    def refusal(self, article: Article) -> ArticleProblem | None:
        """Why ``article`` is refused before it is shipped (None: ship it, or refused later)."""
        ...

    def prepare(self, articles: Iterator[Article],
                problems: list[ArticleProblem]) -> Iterator[PreparedArticle]:
        """Each article's graph as N-Quads; inputs refused on the way go to ``problems``."""
        ...


@dataclass
class LocalExecutor:
    """Extraction in this process, or in ``jobs`` forked workers (:mod:`kg.ingest.workers`)."""

    nlp: Language
    lang: str = DEFAULT_LANG
    jobs: int = 1
    batch_size: int = 16
    keep_extractions: bool = False
    model: str = ""

    def __post_init__(self) -> None:
        self.model = model_description(self.nlp)

    def refusal(self, article: Article) -> ArticleProblem | None:
        """The length and language checks, before parsing."""
        return _refusal(article, self.nlp, self.lang)

    def prepare(self, articles: Iterator[Article],
                problems: list[ArticleProblem]) -> Iterator[PreparedArticle]:
        """:func:`prepare_articles` over ``articles``."""
        return prepare_articles(articles, self.nlp, self.model,
                                keep_extractions=self.keep_extractions,
                                batch_size=self.batch_size, n_process=self.jobs)


def build(paths: list[str], store: Store, *, model: str | None = None,
          published: date | None = None, force: bool = False, jobs: int = 1,
          batch_size: int = 16, keep_extractions: bool = False,
          progress: Callable[[BuildProgress], None] | None = None,
          lang: str = DEFAULT_LANG, bulk: bool | None = None,
          fetcher: Fetcher | None = None) -> BuildSummary:
    """Ingest the articles under ``paths`` into ``store`` and summarise what happened.

    Re-ingesting an article replaces its named graph; unchanged articles are skipped
    (by content hash) unless ``force``. Articles not in ``lang`` (``"any"`` keeps all) or
    too long to parse are skipped and named in ``problems``. URLs among ``paths`` are fetched
    with ``fetcher`` (:mod:`kg.sources.web`); feed and sitemap entries already stored (by URL)
    are not fetched again, nor URLs that failed before and wait for their retry time, and
    feeds, sitemaps and pages fetched before are asked for conditionally (the store's fetch
    log, :mod:`kg.ingest.fetch_state`, written with the build).

    Into an empty Oxigraph store the articles go through Oxigraph's bulk loader, all or
    nothing (:mod:`kg.store.bulk`); otherwise each article is its own transaction. ``bulk=False``
    forces transactions (progress survives an interruption); ``bulk=True`` insists on bulk.

    >>> import pathlib, tempfile
    >>> from kg.store import open_store
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "talks.txt").write_text("Talks\\n\\nAngela Merkel met Emmanuel Macron.\\n")
    >>> store = open_store("memory:")
    >>> s = build([str(d)], store)
    >>> s.built, s.ok
    (('talks',), True)
    >>> build([str(d)], store).unchanged
    ('talks',)
    """
    executor = LocalExecutor(load_nlp(model), lang, jobs, batch_size, keep_extractions)
    return ingest(paths, store, executor, published=published, force=force, progress=progress,
                  bulk=bulk, fetcher=fetcher)


def ingest(paths: list[str], store: Store, executor: Executor, *,
           published: date | None = None, force: bool = False,
           progress: Callable[[BuildProgress], None] | None = None,
           bulk: bool | None = None, count: bool = True,
           fetcher: Fetcher | None = None) -> BuildSummary:
    """Select the articles to do, have ``executor`` prepare them, store and link them.

    Skips duplicates, unchanged articles (unless ``force``) and what ``executor`` refuses;
    ``count`` lets progress show a total. Raises :class:`~kg.errors.BuildInterruptedError` when
    Ctrl-C stops a bulk load (the store stays empty).
    """
    t0 = time.perf_counter()
    known = {} if force else store.article_hashes()
    total = count_articles(paths) if progress and count else None
    problems: list[ArticleProblem] = []
    unchanged: list[str] = []
    seen: set[str] = set()
    if fetcher is None and any(is_url(p) for p in paths):
        from kg.sources.web import Fetcher

        fetcher = Fetcher()
    known_urls = {} if force or fetcher is None else _stored_urls(store)
    if fetcher is not None and any(is_url(p) for p in paths):
        attach_fetch_log(store, fetcher, force=force)
        fetcher.lang = executor.lang

    def skip(problem: ArticleProblem) -> None:
        log.warning("skipped %s: %s", problem.source, problem.reason)
        problems.append(problem)

    def todo() -> Iterator[Article]:
        for item in iter_inputs(paths, published, fetcher=fetcher, known_urls=known_urls):
            if not isinstance(item, Article | ArticleProblem):  # a stored web page
                unchanged.append(item.article_id)
                continue
            if isinstance(item, ArticleProblem):
                skip(item)
                continue
            if item.id in seen:
                skip(ArticleProblem(item.source or item.id, f"duplicate article id {item.id!r}"))
                continue
            seen.add(item.id)
            if known.get(item.id) == item.content_hash:
                unchanged.append(item.id)
            elif refused := executor.refusal(item):
                skip(refused)
            else:
                yield item

    tally = BuildTally()

    def done(p: PreparedArticle) -> None:
        tally.add(p)
        if progress:
            progress(BuildProgress(len(tally.built), p.article_id, p.words, total,
                                   len(unchanged) + len(problems)))

    prepared = executor.prepare(todo(), problems)
    use_bulk = _use_bulk(store, bulk)
    journal = Journal(store)  # what the summary graph must be updated for
    catch_up = derivation_pending(store)  # an earlier writer died before deriving
    try:
        if use_bulk:
            def chunks() -> Iterator[bytes]:
                for i, p in enumerate(prepared):
                    # In the stream, so the marker is loaded all-or-nothing with the articles.
                    yield (pending_nquads() + p.nquads) if i == 0 else p.nquads
                    done(p)

            journal.bulk_load(chunks())
        else:
            for p in prepared:
                if not tally.built and not catch_up:
                    mark_pending(store)
                journal.replace_article_nquads(p.graph_iri, p.nquads)
                done(p)
    except KeyboardInterrupt as e:
        if use_bulk and store.is_empty():
            raise BuildInterruptedError(INTERRUPTED_BULK) from e
        raise
    if catch_up:
        linked, events = link_and_derive(store, list(store.article_hashes()))
    else:
        linked, events = link_and_derive(store, tally.built, journal)
    # A store built before the summary graph existed gets one from its next clean build; a
    # build that refused its input leaves the store as it was.
    update_summary(store, changed=False, create=not problems)
    if fetcher is not None:
        # Published with the articles it describes.
        keep_fetch_log(store, fetcher, tally.built, unchanged, problems)
    if tally.built or catch_up:
        clear_pending(store)
    store.publish()  # readers (kg serve, kg query) see the whole build at once, linked
    return BuildSummary(
        built=tuple(tally.built), unchanged=tuple(unchanged), problems=tuple(problems),
        triples=tally.triples, meetings=tally.meetings, entities=tally.entities,
        skipped_sentences=tally.skipped_sentences, split_sentences=tally.split_sentences,
        words=tally.words, linked=linked, bulk=use_bulk,
        fetched=fetcher.tally.fetched if fetcher else 0,
        failed=fetcher.tally.failed if fetcher else 0,
        refused=fetcher.tally.refused if fetcher else 0,
        not_modified=fetcher.tally.not_modified if fetcher else 0,
        waiting=fetcher.tally.waiting if fetcher else 0,
        web=tuple(fetcher.tally.counts().items()) if fetcher else (),
        seconds=time.perf_counter() - t0, model=executor.model, extractions=tuple(tally.kept),
        events_created=events.created, events_updated=events.updated,
        events_removed=events.removed,
    )


def _stored_urls(store: Store) -> dict[str, str]:
    """``{url: article id}`` of the stored articles that came from a URL."""
    from kg.query.files import internal_query

    rows = store.query(internal_query("article-urls")).rows
    return {str(url): str(aid) for url, aid in rows}


def _use_bulk(store: Store, bulk: bool | None) -> bool:
    fits = store.can_bulk_load()
    if bulk and not fits:
        raise StoreError(f"bulk loading needs a new, empty Oxigraph store, not {store.location}")
    return fits if bulk is None else bulk


def extract_paths(paths: list[str], *, model: str | None = None, published: date | None = None,
                  lang: str = DEFAULT_LANG) -> tuple[list[Extraction], list[ArticleProblem]]:
    """Extract from the articles under ``paths`` without storing anything (for inspection)."""
    nlp = load_nlp(model)
    problems: list[ArticleProblem] = []

    def good() -> Iterator[Article]:
        for item in iter_inputs(paths, published):
            if isinstance(item, ArticleProblem):
                problems.append(item)
            elif not isinstance(item, Article):
                continue
            elif refused := _refusal(item, nlp, lang):
                problems.append(refused)
            else:
                yield item

    return list(extract_articles(good(), nlp)), problems
