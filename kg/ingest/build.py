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
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from spacy.language import Language

from kg.extract import extract
from kg.extract.pipeline import load_nlp, model_description, set_doc_context
from kg.ingest.linking import relink_people
from kg.model import Article, Extraction
from kg.rdf.iri import graph_iri
from kg.rdf.mapping import rdf_triples
from kg.rdf.nquads import triples_nquads
from kg.sources.articles import ArticleProblem, iter_articles, iter_paths
from kg.sources.language import DEFAULT_LANG, language_problem
from kg.sources.limits import cap_sentences, length_problem
from kg.store import Store

__all__ = ["BuildSummary", "BuildProgress", "BuildTally", "PreparedArticle", "build",
           "count_articles", "extract_articles", "extract_paths", "prepare_articles"]

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class BuildProgress:
    """Reported after each article: how many are done, and the one just finished."""

    done: int
    article_id: str
    words: int
    total: int | None = None  #: articles in the input, when it could be counted up front
    skipped: int = 0  #: inputs passed over so far (unchanged, or a problem)


@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """One article ready for the store: its named graph as N-Quads, and what the summary counts.

    Made where the article was extracted (a worker process with ``--jobs N``), so the parent
    only writes bytes; the Extraction itself rides along only when the caller keeps it.
    """

    article_id: str
    graph_iri: str
    nquads: bytes
    words: int
    triples: int
    meetings: int
    entities: int
    skipped_sentences: int
    split_sentences: int = 0  # overlong runs cut at kg.sources.limits.MAX_SENTENCE_TOKENS
    extraction: Extraction | None = None


@dataclass
class BuildTally:
    """Running totals of a build, article by article (local or on a Dask cluster).

    >>> t = BuildTally()
    >>> t.add(PreparedArticle("a1", "g", b"", words=5, triples=2, meetings=1, entities=3,
    ...                       skipped_sentences=0))
    >>> t.built, t.triples, t.words
    (['a1'], 2, 5)
    """

    built: list[str] = field(default_factory=list)
    kept: list[Extraction] = field(default_factory=list)
    triples: int = 0
    meetings: int = 0
    entities: int = 0
    skipped_sentences: int = 0
    split_sentences: int = 0
    words: int = 0

    def add(self, p: PreparedArticle) -> None:
        """Count one stored article (and keep its Extraction if it carries one)."""
        self.built.append(p.article_id)
        self.triples += p.triples
        self.meetings += p.meetings
        self.entities += p.entities
        self.skipped_sentences += p.skipped_sentences
        self.split_sentences += p.split_sentences
        self.words += p.words
        if p.extraction is not None:
            self.kept.append(p.extraction)


@dataclass(frozen=True)
class BuildSummary:
    """What a build did: counts, problems (each named), and time taken."""

    built: tuple[str, ...] = ()
    unchanged: tuple[str, ...] = ()
    problems: tuple[ArticleProblem, ...] = ()
    triples: int = 0
    meetings: int = 0
    entities: int = 0
    skipped_sentences: int = 0
    split_sentences: int = 0  # overlong runs cut at kg.sources.limits.MAX_SENTENCE_TOKENS
    words: int = 0
    seconds: float = 0.0
    linked: int = 0  # article graphs rewritten by cross-article linking of short names
    model: str = ""
    bulk: bool = False  # loaded into a new store with Oxigraph's bulk loader (kg.store.bulk)
    extractions: tuple[Extraction, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        """True when no input was skipped for a problem."""
        return not self.problems


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


def build(paths: list[str], store: Store, *, model: str | None = None,
          published: date | None = None, force: bool = False, jobs: int = 1,
          batch_size: int = 16, keep_extractions: bool = False,
          progress: Callable[[BuildProgress], None] | None = None,
          lang: str = DEFAULT_LANG, bulk: bool | None = None) -> BuildSummary:
    """Ingest the articles under ``paths`` into ``store`` and summarise what happened.

    Re-ingesting an article replaces its named graph; unchanged articles are skipped
    (by content hash) unless ``force``. Articles not in ``lang`` (``"any"`` keeps all) or
    too long to parse are skipped and named in ``problems``.

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
    t0 = time.perf_counter()
    nlp = load_nlp(model)
    extractor = model_description(nlp)
    known = {} if force else store.article_hashes()
    total = count_articles(paths) if progress else None
    problems: list[ArticleProblem] = []
    unchanged: list[str] = []
    seen: set[str] = set()

    def todo() -> Iterator[Article]:
        for item in iter_articles(paths, published):
            if isinstance(item, ArticleProblem):
                log.warning("skipped %s: %s", item.source, item.reason)
                problems.append(item)
                continue
            if item.id in seen:
                problems.append(ArticleProblem(item.source or item.id,
                                               f"duplicate article id {item.id!r}"))
                continue
            seen.add(item.id)
            if known.get(item.id) == item.content_hash:
                unchanged.append(item.id)
                continue
            refused = _refusal(item, nlp, lang)
            if refused:
                log.warning("skipped %s: %s", refused.source, refused.reason)
                problems.append(refused)
                continue
            yield item

    tally = BuildTally()

    def done(p: PreparedArticle) -> None:
        tally.add(p)
        if progress:
            progress(BuildProgress(len(tally.built), p.article_id, p.words, total,
                                   len(unchanged) + len(problems)))

    prepared = prepare_articles(todo(), nlp, extractor, keep_extractions=keep_extractions,
                                batch_size=batch_size, n_process=jobs)
    use_bulk = _use_bulk(store, bulk)
    if use_bulk:
        def chunks() -> Iterator[bytes]:
            for p in prepared:
                yield p.nquads
                done(p)

        store.bulk_load(chunks())
    else:
        for p in prepared:
            store.replace_article_nquads(p.graph_iri, p.nquads)
            done(p)
    linked = relink_people(store) if tally.built else 0
    return BuildSummary(
        built=tuple(tally.built), unchanged=tuple(unchanged), problems=tuple(problems),
        triples=tally.triples, meetings=tally.meetings, entities=tally.entities,
        skipped_sentences=tally.skipped_sentences, split_sentences=tally.split_sentences,
        words=tally.words, linked=linked, bulk=use_bulk,
        seconds=time.perf_counter() - t0, model=extractor, extractions=tuple(tally.kept),
    )


def _use_bulk(store: Store, bulk: bool | None) -> bool:
    from kg.errors import StoreError

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
        for item in iter_articles(paths, published):
            if isinstance(item, ArticleProblem):
                problems.append(item)
            elif refused := _refusal(item, nlp, lang):
                problems.append(refused)
            else:
                yield item

    return list(extract_articles(good(), nlp)), problems
