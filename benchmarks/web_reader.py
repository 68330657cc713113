"""Reading real web pages: kg's HTML reader vs trafilatura on trafilatura's evaluation set.

Usage: .venv/bin/python benchmarks/web_reader.py [--data ../data/trafilatura-eval] [--limit N]
       [--misses FILE]

``--data`` is a checkout of the adbar/trafilatura repository (or its ``tests/`` folder): the
pages are ``tests/eval/*.html`` (some under ``tests/cache/``) and the annotations
``tests/evaldata.json``, each page with text snippets that must appear ("with") and must not
appear ("without") in the extracted text. It is read in place, never copied here.

Scoring follows trafilatura's own ``tests/eval_common.py``: whitespace-normalised substring
matching; a "with" snippet found is a true positive, missed a false negative; a "without"
snippet found is a false positive. A page whose reader raised or returned no text counts as
"empty" (all its "with" snippets are misses). Both readers run on the same bytes in one loop,
so the time ratio is taken side by side on the same machine load.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parents[1]
# This file is named like the standard library's ``html`` package, which bs4 and trafilatura
# import: run as a script, its own folder must not shadow it.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).parent.resolve()]
sys.path.insert(0, str(ROOT))

DEFAULT_DATA = ROOT.parent / "data" / "trafilatura-eval"


@dataclass
class Score:
    """Confusion counts, empty pages and time of one reader."""

    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    empty: int = 0
    errors: int = 0
    seconds: float = 0.0
    authors: int = 0  #: pages read with an author (kg's reader only)
    misses: list[str] = field(default_factory=list)

    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    def f1(self) -> float:
        d = 2 * self.tp + self.fp + self.fn
        return 2 * self.tp / d if d else 0.0


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def find_data(path: Path) -> tuple[Path, dict]:
    """The ``tests/`` folder and its annotations, or exit with one clear line."""
    for tests in (path / "tests", path):
        if (tests / "evaldata.json").is_file():
            return tests, json.loads((tests / "evaldata.json").read_text(encoding="utf-8"))
    sys.exit(f"benchmarks/web_reader.py: no evaldata.json under {path} (nor {path}/tests); "
             "check out "
             "the adbar/trafilatura repository there, or pass --data PATH")


def page_bytes(tests: Path, name: str) -> bytes:
    for sub in ("cache", "eval"):
        if (tests / sub / name).is_file():
            return (tests / sub / name).read_bytes()
    raise FileNotFoundError(f"{tests}: page {name} not found under cache/ or eval/")


def kg_reader() -> Callable[[bytes, str], tuple[str, str | None]]:
    """kg's reader as ``kg read`` and ``kg build`` use it: one page's bytes -> article text
    and author."""
    from kg.sources.html import read_html

    def run(data: bytes, url: str) -> tuple[str, str | None]:
        a = read_html(data, "page", url=url)
        return a.text, a.author

    return run


def trafilatura_reader() -> Callable[[bytes, str], tuple[str, str | None]]:
    """trafilatura as its own evaluation runs it (``RUNNERS["fallback"]``): text only."""
    from trafilatura import extract

    def run(data: bytes, url: str) -> tuple[str, str | None]:
        return extract(data, fast=False, include_comments=False, include_tables=True,
                       include_formatting=False) or "", None

    return run


def score_page(s: Score, item: dict, url: str, text: str | None) -> None:
    res = norm(text or "")
    if not res:
        s.empty += 1
    for w in item["with"]:
        if res and norm(w) in res:
            s.tp += 1
        else:
            s.fn += 1
            s.misses.append(f"{url}\tmissing\t{w}")
    for w in item["without"]:
        if res and norm(w) in res:
            s.fp += 1
            s.misses.append(f"{url}\tunwanted\t{w}")
        else:
            s.tn += 1


def say(line: str, stream: TextIO = sys.stdout) -> None:
    print(line, file=stream)  # noqa: T201 - a benchmark reports on stdout


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--limit", type=int, default=None, help="first N pages only")
    ap.add_argument("--misses", type=Path, default=None,
                    help="write kg's missed and unwanted snippets here (TSV)")
    args = ap.parse_args(argv)
    tests, evaldata = find_data(args.data)
    items = sorted(evaldata.items())[: args.limit]
    readers = {"kg": kg_reader(), "trafilatura": trafilatura_reader()}
    for fn in readers.values():  # lazy imports and one-time set-up are not timed
        try:
            fn(b"<html><body><article><p>Warm up the reader here.</p></article></body></html>",
               "warmup")
        except Exception:  # noqa: BLE001 - a refusal of the warm-up page is fine
            pass
    scores = {name: Score() for name in readers}
    for n, (url, item) in enumerate(items, 1):
        data = page_bytes(tests, item["file"])
        for name, fn in readers.items():
            t0 = time.perf_counter()
            text: str | None
            author: str | None = None
            try:
                text, author = fn(data, url)
            except Exception:  # noqa: BLE001 - a refusal or crash is scored as an empty page
                text = None
                scores[name].errors += 1
            scores[name].seconds += time.perf_counter() - t0
            scores[name].authors += author is not None
            score_page(scores[name], item, url, text)
        if n % 100 == 0:
            say(f"{n}/{len(items)} pages", sys.stderr)
    n_with = sum(len(i["with"]) for _, i in items)
    n_without = sum(len(i["without"]) for _, i in items)
    say(f"{len(items)} pages, {n_with} 'with' and {n_without} 'without' snippets")
    say(f"{'reader':<12} {'precision':>9} {'recall':>7} {'F1':>6} {'empty':>6} "
        f"{'raised':>6} {'seconds':>8}")
    for name, s in scores.items():
        say(f"{name:<12} {s.precision():9.3f} {s.recall():7.3f} {s.f1():6.3f} {s.empty:6d} "
            f"{s.errors:6d} {s.seconds:8.1f}")
    kg, tr = scores["kg"], scores["trafilatura"]
    say(f"kg read an author on {kg.authors} of {len(items)} pages")
    say(f"ratios kg / trafilatura: F1 {kg.f1() / tr.f1():.3f}, "
        f"time {kg.seconds / tr.seconds:.2f}x")
    if args.misses:
        args.misses.write_text("\n".join(kg.misses) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
