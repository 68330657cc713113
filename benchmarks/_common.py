"""Shared helpers for the corpus-scale benchmarks: corpus path, sampling, process-tree RSS."""

from __future__ import annotations

import gzip
import json
import sys
import threading
import time
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import psutil

__all__ = ["DEFAULT_CORPUS", "read_records", "write_subset", "TreeRSS", "rss_mb", "say", "day"]

#: Research-only corpus: benchmarks read it in place and never copy it into the repo.
DEFAULT_CORPUS = str(
    Path(__file__).resolve().parents[2] / "shared/datasets/reuters21578/reuters.jsonl.gz"
)


def say(line: str) -> None:
    """One line of a benchmark's report, on standard output."""
    sys.stdout.write(line + "\n")


def day(v: object) -> date | None:
    """The day of an ISO date or date-time value (a SPARQL literal or a JSON string), or None.

    >>> day("1987-04-29T00:00:00"), day(None)
    (datetime.date(1987, 4, 29), None)
    """
    return date.fromisoformat(str(v)[:10]) if v is not None else None


def read_records(path: str, limit: int | None = None) -> Iterator[dict]:
    """The first ``limit`` JSON records of a .jsonl(.gz) corpus."""
    opener = gzip.open if path.endswith(".gz") else open
    with opener(path, "rt", encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if limit is not None and n >= limit:
                return
            if line.strip():
                yield json.loads(line)


def write_subset(path: str, limit: int | None, out: Path) -> Path:
    """Copy the first ``limit`` records into a temporary .jsonl.gz (outside the repo)."""
    with gzip.open(out, "wt", encoding="utf-8") as fh:
        for rec in read_records(path, limit):
            fh.write(json.dumps(rec) + "\n")
    return out


def rss_mb() -> float:
    """This process's peak RSS so far, in MB."""
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class TreeRSS:
    """Samples the summed RSS of a process and all its children (spaCy workers count too)."""

    def __init__(self, pid: int, interval: float = 0.25) -> None:
        self.proc = psutil.Process(pid)
        self.interval = interval
        self.peak = 0
        self.cpu: dict[int, float] = {}  # last CPU seconds seen per process (user + system)
        self._stop = threading.Event()
        self._t = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while not self._stop.is_set():
            try:
                procs = [self.proc, *self.proc.children(recursive=True)]
                total = 0
                for p in procs:
                    try:
                        total += p.memory_info().rss
                        t = p.cpu_times()
                        self.cpu[p.pid] = t.user + t.system
                    except psutil.Error:
                        pass
                self.peak = max(self.peak, total)
            except psutil.Error:
                return
            time.sleep(self.interval)

    def __enter__(self) -> TreeRSS:
        self._t.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._t.join()

    @property
    def main_cpu(self) -> float:
        """CPU seconds of the sampled process itself."""
        return self.cpu.get(self.proc.pid, 0.0)

    @property
    def total_cpu(self) -> float:
        """CPU seconds of the process and its children, as last sampled."""
        return sum(self.cpu.values())

    @property
    def peak_mb(self) -> float:
        return self.peak / 1e6
