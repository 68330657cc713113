"""The records of a build: progress, prepared articles, running totals, summary and report.

The report is the lines ``kg build`` prints.

>>> s = BuildSummary(built=("a1",), triples=3, meetings=1, entities=2, seconds=0.5)
>>> build_report(s, "kg-store").out
'built 1 articles (0 unchanged) into kg-store: 2 entities, 3 triples, 1 meetings in 0.5s'
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.model import Extraction
from kg.sources.articles import ArticleProblem
from kg.sources.fetchlog import outcome_line
from kg.sources.limits import MAX_SENTENCE_TOKENS

__all__ = ["BuildProgress", "PreparedArticle", "BuildTally", "BuildSummary", "BuildReport",
           "build_report", "INTERRUPTED_BULK"]

#: Why an interrupted build into a new store left it empty (kg.store.bulk is all or nothing).
INTERRUPTED_BULK = ("interrupted: nothing was stored (a new store is loaded all at once; "
                    "use --no-bulk to keep finished articles)")


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
    fetched: int = 0  #: web pages downloaded (URLs, feed and sitemap entries)
    failed: int = 0  #: URLs that could not be fetched (named in ``problems``)
    refused: int = 0  #: URLs that robots.txt disallows, never requested (in ``problems``)
    not_modified: int = 0  #: feeds, sitemaps and stored pages answered 304 (nothing new)
    waiting: int = 0  #: URLs that failed before, not fetched before their retry time
    #: How many URLs ended with each outcome (kg.sources.fetchlog.OUTCOMES), for the web line.
    web: tuple[tuple[str, int], ...] = ()
    bulk: bool = False  # loaded into a new store with Oxigraph's bulk loader (kg.store.bulk)
    events_created: int = 0  # meeting events (kg.events) new after this build
    events_updated: int = 0  # meeting events whose reports, dates or status changed
    events_removed: int = 0  # meeting events no report supports any more
    extractions: tuple[Extraction, ...] = field(default=(), repr=False)

    @property
    def ok(self) -> bool:
        """True when no input was skipped for a problem."""
        return not self.problems


@dataclass(frozen=True, slots=True)
class BuildReport:
    """What to tell the user about a build: the summary line, warnings, and the exit status."""

    out: str
    err: tuple[str, ...] = ()
    status: int = 0


def build_report(s: BuildSummary, location: str) -> BuildReport:
    """The summary line, one warning per skipped input or sentence, and status 1 when every
    input was skipped for a problem."""
    out = (f"built {len(s.built)} articles ({len(s.unchanged)} unchanged) into {location}: "
           f"{s.entities} entities, {s.triples} triples, {s.meetings} meetings "
           f"in {s.seconds:.1f}s")
    if s.web:
        out += f"\nweb: {outcome_line(dict(s.web))}"
    if s.events_created or s.events_updated or s.events_removed:
        out += (f"\nmeeting events: {s.events_created} created, {s.events_updated} updated"
                + (f", {s.events_removed} removed" if s.events_removed else ""))
    err: list[str] = []
    if s.skipped_sentences:
        err.append(f"skipped {s.skipped_sentences} sentences that failed to parse")
    if s.split_sentences:
        err.append(f"kg: split {s.split_sentences} overlong sentence(s) at "
                   f"{MAX_SENTENCE_TOKENS} tokens before parsing")
    err.extend(f"kg: skipped {p.source}: {p.reason}" for p in s.problems)
    if s.problems:
        err.append(f"kg: {len(s.problems)} input(s) skipped")
    failed = bool(s.problems) and not s.built and not s.unchanged
    return BuildReport(out, tuple(err), 1 if failed else 0)
