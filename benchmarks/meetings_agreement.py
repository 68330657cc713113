"""Two annotators of the extra meetings set, and the extractor, compared on the same articles.

The second annotator (``SECOND``: a directory with its own ``gold.jsonl`` and ``DONE.txt`` in the
meetings-dev format) re-annotated a sample of the first's articles (``--extra DIR``) blind. On
the sample's articles, by the benchmark's own pair scoring and neutral rule
(``benchmarks/meetings.py``), it prints:

* the second annotator scored against the first (and the first against the second, which swaps P
  and R): the agreement of two careful annotators, i.e. what the extra figures can mean;
* the extractor scored against each annotator, and against the pairs both annotators give
  (their intersection, the surest gold).

Per part (extra dev, extra validation) and in all; aggregates only: no article, pair or sentence
is printed, so the validation part stays unread.

    .venv/bin/python -P benchmarks/meetings_agreement.py SECOND [--extra DIR] [--no-system]
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from pathlib import Path
from typing import TextIO

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings as mb  # noqa: E402
import meetings_extra as mx  # noqa: E402

DEFAULT_EXTRA = Path("/work/data/meetings-extra")


def lines_of(directory: Path, only: set[str]) -> list[mb.GoldLine]:
    """One annotator's gold lines of the articles in ``only`` (benchmark ids)."""
    rows = [json.loads(x) for x in (directory / "gold.jsonl").read_text().splitlines()
            if x.strip()]
    out = []
    for r in rows:
        art = mx.extra_id(str(r["article"]))
        if art in only:
            out.append(mb.GoldLine(art, tuple(r["participants"]), r["place"], r["time"],
                                   r["status"], " ".join(r["sentence"].split())))
    return out


def as_pairs(lines: list[mb.GoldLine]) -> list[mb.PairRecord]:
    """An annotator's lines as predicted pairs (to score one annotator against the other)."""
    return mb.gold_pairs(lines)


def both(first: list[mb.GoldLine], second: list[mb.GoldLine]) -> list[mb.GoldLine]:
    """The pairs both annotators give, as two-party gold lines (status etc. from the first)."""
    second_pairs = as_pairs(second)
    out = []
    for p in as_pairs(first):
        if any(q.article == p.article and mb.pair_match(p.names, q.names) for q in second_pairs):
            out.append(mb.GoldLine(p.article, p.names, p.place, p.time, p.status, p.sentence))
    return out


def table(title: str, gold: list[mb.GoldLine], pred: list[mb.PairRecord],
          ids: list[str], out: TextIO | None = None) -> None:
    """One comparison, per part and in all."""
    out = out or sys.stdout
    outcomes = mb.score(gold, pred, ids)
    whole = mb.Outcome()
    for part in (mx.EXTRA_DEV, mx.EXTRA_VAL):
        whole.extend(outcomes[part])
    rows = {mx.EXTRA_DEV: outcomes[mx.EXTRA_DEV], mx.EXTRA_VAL: outcomes[mx.EXTRA_VAL],
            "all": whole}
    print(f"\n{title}", file=out)
    mb.print_table(rows, out)


def main(argv: list[str] | None = None) -> int:
    """Print the comparisons; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("second", help="the second annotator's directory (gold.jsonl, DONE.txt)")
    ap.add_argument("--extra", default=str(DEFAULT_EXTRA), help="the first annotator's set")
    ap.add_argument("--no-system", action="store_true", help="compare the annotators only")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = ap.parse_args(argv)
    extra, second = Path(args.extra), Path(args.second)
    sample = [n for n in mx.done_newids(second) if n in set(mx.done_newids(extra))]
    ids = [mx.extra_id(n) for n in sample]
    only = set(ids)
    first_lines, second_lines = lines_of(extra, only), lines_of(second, only)
    n_val = sum(mx.split_of(a) == mx.EXTRA_VAL for a in ids)
    sys.stdout.write(f"{len(ids)} articles annotated by both ({n_val} in extra validation); "
                     f"lines: first {len(first_lines)}, second {len(second_lines)}\n")
    table("second annotator against the first", first_lines, as_pairs(second_lines), ids)
    table("first annotator against the second", second_lines, as_pairs(first_lines), ids)
    if args.no_system:
        return 0
    logging.basicConfig(level=logging.WARNING)
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import extract_articles

    articles = [a for a in mb.extra_articles(extra) if a.id in only]
    pred = mb.predicted_direct(extract_articles(articles, load_nlp(args.model)))
    table("extractor against the first annotator", first_lines, pred, ids)
    table("extractor against the second annotator", second_lines, pred, ids)
    table("extractor against the pairs both annotators give", both(first_lines, second_lines),
          pred, ids)
    return 0


if __name__ == "__main__":
    sys.exit(main())
