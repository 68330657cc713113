"""What web builds learnt about each URL they looked at: outcome, back-off, validators.

Its outcome, failures to back off from, and validators to ask "changed since?" with.

Every URL a build looks at ends with one outcome (:data:`OUTCOMES`: stored, unchanged, refused
and why, failed and why, ...), so ``kg urls`` can say why a URL gave no article.

A URL that failed is not fetched again until its retry time: a temporary failure (a timeout,
a dropped connection, a 429 or a 5xx) waits :data:`FIRST_RETRY`, doubled after each further
failure up to :data:`MAX_RETRY`; a permanent one (a 404 or 410, a refusal by robots.txt, a page
with no article text) waits :data:`PERMANENT_RETRY`. ``kg build --retry-failed`` tries them all
now. A feed, sitemap or page fetched before is asked for with its ``ETag`` and
``Last-Modified`` (``If-None-Match``, ``If-Modified-Since``): a 304 answer means nothing new.

The log lives in the store (:mod:`kg.ingest.fetch_state`), written with the build's publish
step, so it is exactly as current as the articles it describes.

>>> from datetime import datetime, timezone
>>> t0 = datetime(2026, 3, 2, 8, 0, tzinfo=timezone.utc)
>>> log = FetchLog(now=t0)
>>> log.failed("https://a.example/x", "timed out", permanent=False)
>>> log.waiting("https://a.example/x").retry_at().isoformat()
'2026-03-02T14:00:00+00:00'
>>> FetchLog(log.records.values(), now=t0 + FIRST_RETRY).waiting("https://a.example/x") is None
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

__all__ = ["FIRST_RETRY", "MAX_RETRY", "PERMANENT_RETRY", "MAX_RECORDS", "UrlRecord",
           "FetchLog", "OUTCOMES", "LISTED", "FETCHED", "STORED", "UNCHANGED", "KNOWN",
           "NOT_MODIFIED", "REFUSED", "FAILED", "DISALLOWED", "WAITING", "outcome_line"]

#: A temporary failure is retried after this long, then twice as long after each failure.
FIRST_RETRY = timedelta(hours=6)
#: The longest wait after temporary failures: a dead host is asked about once a week.
MAX_RETRY = timedelta(days=7)
#: A 404, 410, robots.txt refusal or unreadable page is tried again after this long.
PERMANENT_RETRY = timedelta(days=30)
#: The log keeps at most this many URLs (the most recent); older ones are forgotten.
MAX_RECORDS = 20_000

# What a build did with a URL it looked at (kg:urlOutcome), one each.
LISTED = "listed"  #: a feed or sitemap read for its links (the reason says how many)
FETCHED = "fetched"  #: a page read, before the build decides (kg read stops here)
STORED = "stored"  #: a page read whose article was stored (new or changed)
UNCHANGED = "unchanged"  #: a page read whose article is stored with the same text
KNOWN = "already stored"  #: listed by a feed or sitemap, its URL stored: not requested
NOT_MODIFIED = "not modified"  #: answered 304 to a conditional request: nothing new
REFUSED = "refused"  #: read, but not kept (the reason: language, length, no text, not HTML)
FAILED = "failed"  #: could not be fetched (the reason: HTTP status, timeout, connection)
DISALLOWED = "disallowed"  #: robots.txt disallows it: never requested
WAITING = "waiting"  #: failed before and its retry time has not come: not requested
#: The outcomes in the order the summary counts them, with the words it uses.
OUTCOMES = {LISTED: "feed(s) or sitemap(s) read", STORED: "stored", UNCHANGED: "unchanged",
            KNOWN: "already stored", NOT_MODIFIED: "not modified since the last build",
            FETCHED: "read", REFUSED: "refused", FAILED: "failed",
            DISALLOWED: "disallowed by robots.txt",
            WAITING: "waiting for their retry time (--retry-failed tries them now)"}


def outcome_line(counts: dict[str, int]) -> str:
    """The summary of one build's URLs: how many ended with each outcome.

    >>> outcome_line({STORED: 2, FAILED: 1, LISTED: 1})
    '4 URLs: 1 feed(s) or sitemap(s) read, 2 stored, 1 failed'
    """
    parts = [f"{counts[o]} {words}" for o, words in OUTCOMES.items() if counts.get(o)]
    n = sum(counts.values())
    return f"{n} URL{'s' if n != 1 else ''}: " + ", ".join(parts)


@dataclass(frozen=True, slots=True)
class UrlRecord:
    """One URL's state: what the last build did with it, its failures in a row (when, how
    many) and its validators."""

    url: str
    failures: int = 0  #: failures in a row; 0 once it is fetched again
    last_failure: datetime | None = None
    reason: str = ""  #: why the last outcome: why it failed or was refused, as reported
    permanent: bool = False  #: 404, 410, robots.txt or unreadable: not a passing problem
    listed_by: str | None = None  #: the feed or sitemap that listed it, if any
    kind: str = ""  #: what it held when last read: feed, sitemap, sitemap-index or page
    etag: str | None = None  #: of the last full answer, for If-None-Match
    last_modified: str | None = None  #: of the last full answer, for If-Modified-Since
    #: When the record last changed: since then, each build that looked at the URL found the
    #: same (the records changed longest ago are dropped first).
    seen: datetime | None = None
    outcome: str = ""  #: what the last build that looked at it did (one of OUTCOMES)
    #: The --lang a page was refused under for its text: refused again while unchanged.
    refused_for: str = ""
    #: When its feed or sitemap said the page last changed, as of the last build that read or
    #: asked for it: a later date there makes the next build ask again.
    listed_modified: datetime | None = None
    #: Where the last full answer came from, when the URL redirected there: its validators
    #: are that page's, so a 304 counts only from there.
    final_url: str | None = None

    def retry_at(self) -> datetime | None:
        """When the URL may be fetched again; None when it has not failed."""
        if not self.failures or self.last_failure is None:
            return None
        if self.permanent:
            return self.last_failure + PERMANENT_RETRY
        return self.last_failure + min(MAX_RETRY, FIRST_RETRY * 2 ** min(self.failures - 1, 16))


class FetchLog:
    """The URL records of one store during one build (``now`` is the build's start)."""

    def __init__(self, records: Iterable[UrlRecord] = (), *, retry_failed: bool = False,
                 conditional: bool = True, now: datetime | None = None) -> None:
        self.records = {r.url: r for r in records}
        self.retry_failed = retry_failed
        self.conditional = conditional
        self.now = now or datetime.now(UTC)
        self.changed = False

    def waiting(self, url: str) -> UrlRecord | None:
        """The record of ``url`` if it failed and its retry time has not come (else None)."""
        rec = self.records.get(url)
        if rec is None or self.retry_failed:
            return None
        at = rec.retry_at()
        return rec if at is not None and self.now < at else None

    def note(self, url: str, outcome: str, reason: str = "", *,
             listed_by: str | None = None, refused_for: str = "") -> None:
        """Note what this build did with ``url`` (one of :data:`OUTCOMES`, and why);
        ``refused_for`` is the ``--lang`` of a build that refused the page for its text."""
        old = self.records.get(url) or UrlRecord(url)
        self._keep(replace(old, outcome=outcome, reason=reason, refused_for=refused_for,
                           listed_by=listed_by or old.listed_by))

    def _keep(self, rec: UrlRecord) -> None:
        # A build that finds what the last one found changes nothing: a daily run over an
        # unchanged site does not rewrite the log.
        old = self.records.get(rec.url)
        if old is None or replace(old, seen=None) != replace(rec, seen=None):
            self.records[rec.url] = replace(rec, seen=self.now)
            self.changed = True

    def listed_change(self, url: str, when: datetime) -> None:
        """Note the last-change time a feed or sitemap gives for the page ``url`` just read."""
        old = self.records.get(url) or UrlRecord(url)
        self._keep(replace(old, listed_modified=when))

    def still_refused(self, url: str, lang: str | None) -> UrlRecord | None:
        """The record of a page this build would refuse again if unchanged: refused for its
        text under the same ``lang``, so it is asked for conditionally."""
        rec = self.records.get(url)
        ok = rec is not None and rec.outcome == REFUSED and bool(rec.refused_for)
        return rec if ok and rec is not None and rec.refused_for == lang else None

    def failed(self, url: str, reason: str, *, permanent: bool,
               listed_by: str | None = None, outcome: str = FAILED) -> None:
        """Note a failure of ``url`` (``outcome`` failed, disallowed or refused); its
        validators are kept."""
        old = self.records.get(url) or UrlRecord(url)
        self.records[url] = replace(old, failures=old.failures + 1, last_failure=self.now,
                                    reason=reason, permanent=permanent, outcome=outcome,
                                    listed_by=listed_by or old.listed_by, seen=self.now)
        self.changed = True

    def succeeded(self, url: str, *, kind: str = "", etag: str | None = None,
                  last_modified: str | None = None, final_url: str | None = None) -> None:
        """Forget the failures of ``url`` and keep its kind and validators (and the URL that
        answered, ``final_url``, when a redirect led there)."""
        old = self.records.get(url) or UrlRecord(url)
        self._keep(replace(old, failures=0, last_failure=None, permanent=False, kind=kind,
                           etag=etag, last_modified=last_modified,
                           final_url=final_url if final_url != url else None))

    def headers(self, url: str) -> dict[str, str]:
        """The conditional-request headers for ``url`` (none if it has no validators).

        >>> FetchLog([UrlRecord("u", etag='"v1"')]).headers("u")
        {'If-None-Match': '"v1"'}
        """
        rec = self.records.get(url) if self.conditional else None
        out: dict[str, str] = {}
        if rec is not None and rec.etag:
            out["If-None-Match"] = rec.etag
        if rec is not None and rec.last_modified:
            out["If-Modified-Since"] = rec.last_modified
        return out

    def failed_entries(self, listed_by: str) -> list[str]:
        """The URLs ``listed_by`` a feed or sitemap whose last fetch failed."""
        return [r.url for r in self.records.values()
                if r.failures and r.listed_by == listed_by]

    def sub_listings(self, listed_by: str) -> list[str]:
        """The feeds and sitemaps a sitemap index listed when it was last read."""
        return [r.url for r in self.records.values()
                if r.listed_by == listed_by and r.kind in ("feed", "sitemap", "sitemap-index")]

    def kept(self) -> list[UrlRecord]:
        """The records to save: the :data:`MAX_RECORDS` most recently changed."""
        recs = sorted(self.records.values(), key=lambda r: (r.seen or self.now, r.url),
                      reverse=True)
        return recs[:MAX_RECORDS]
