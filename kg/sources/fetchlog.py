"""What earlier web builds learnt about each URL: failures to back off from, validators to
ask "changed since?" with.

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
           "FetchLog"]

#: A temporary failure is retried after this long, then twice as long after each failure.
FIRST_RETRY = timedelta(hours=6)
#: The longest wait after temporary failures: a dead host is asked about once a week.
MAX_RETRY = timedelta(days=7)
#: A 404, 410, robots.txt refusal or unreadable page is tried again after this long.
PERMANENT_RETRY = timedelta(days=30)
#: The log keeps at most this many URLs (the most recent); older ones are forgotten.
MAX_RECORDS = 20_000


@dataclass(frozen=True, slots=True)
class UrlRecord:
    """One URL's state: its failures in a row (when, why, how many) and its validators."""

    url: str
    failures: int = 0  #: failures in a row; 0 once it is fetched again
    last_failure: datetime | None = None
    reason: str = ""  #: why the last attempt failed, as the build reported it
    permanent: bool = False  #: 404, 410, robots.txt or unreadable: not a passing problem
    listed_by: str | None = None  #: the feed or sitemap that listed it, if any
    kind: str = ""  #: what it held when last read: feed, sitemap, sitemap-index or page
    etag: str | None = None  #: of the last full answer, for If-None-Match
    last_modified: str | None = None  #: of the last full answer, for If-Modified-Since
    seen: datetime | None = None  #: when this record last changed (the oldest are dropped)

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

    def failed(self, url: str, reason: str, *, permanent: bool,
               listed_by: str | None = None) -> None:
        """Note a failure of ``url``; its validators are kept."""
        old = self.records.get(url) or UrlRecord(url)
        self.records[url] = replace(old, failures=old.failures + 1, last_failure=self.now,
                                    reason=reason, permanent=permanent,
                                    listed_by=listed_by or old.listed_by, seen=self.now)
        self.changed = True

    def succeeded(self, url: str, *, kind: str = "", etag: str | None = None,
                  last_modified: str | None = None) -> None:
        """Forget the failures of ``url``; keep its validators if the answer had any."""
        old = self.records.get(url)
        if etag is None and last_modified is None:
            if old is not None:
                del self.records[url]
                self.changed = True
            return
        if old is None or (old.failures, old.kind, old.etag, old.last_modified) != (
                0, kind, etag, last_modified):
            self.records[url] = UrlRecord(url, kind=kind, etag=etag, last_modified=last_modified,
                                          seen=self.now)
            self.changed = True

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

    def kept(self) -> list[UrlRecord]:
        """The records to save: the :data:`MAX_RECORDS` most recently changed."""
        recs = sorted(self.records.values(), key=lambda r: (r.seen or self.now, r.url),
                      reverse=True)
        return recs[:MAX_RECORDS]
