"""Kinds of missed meeting pairs, as counts per half: a diagnosis that reads no validation text.

Each missed gold pair is put in one class from the extractions alone: a party that is no entity
of the article; a gold sentence split differently; one or neither party mentioned in the gold
sentence (named elsewhere); both mentioned and no meeting extracted from that sentence; both
mentioned and a meeting there that lacks the pair. Only counts are printed, for both halves, so
the validation half stays unread.

Run: ``.venv/bin/python -P benchmarks/meeting_misses.py [DATA_DIR]``.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings as mb  # noqa: E402  (the benchmark's own scoring, reused as it is)


def miss_kind(miss: Any, x: Any) -> str:
    """The class of one missed gold pair (a ``PairRecord``), read from its article's
    ``Extraction``."""
    def entities(name: str) -> set[str]:
        return {e.key for e in x.entities
                if any(mb.names_match(name, n) for n in (e.label, *e.aliases))}

    ea, eb = entities(miss.names[0]), entities(miss.names[1])
    if not ea or not eb:
        return "a party is no entity of the article"
    index = {" ".join(s.sentence.split()): s.sentence_index for s in x.sentences}
    si = index.get(miss.sentence)
    if si is None:
        return "gold sentence split differently"
    here = {e.key for e in x.entities for m in e.mentions if m.sentence_index == si}
    mentioned = bool(ea & here) + bool(eb & here)
    if mentioned < 2:
        return ("one party" if mentioned else "neither party") + " mentioned in the sentence"
    if any(m.provenance.sentence_index == si for m in x.meetings):
        return "both mentioned, a meeting there lacks the pair"
    return "both mentioned, no meeting extracted from the sentence"


def main(argv: list[str] | None = None) -> int:
    """Print the miss kinds of both halves; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA), help="meetings-dev directory")
    args = ap.parse_args(argv)
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import extract_articles

    data = Path(args.data)
    extractions = {x.article.id: x for x in extract_articles(mb.load_articles(data), load_nlp())}
    pred = mb.predicted_direct(extractions.values())
    lines = mb.gold_lines(data)
    kinds = {mb.DEV: Counter[str](), mb.VAL: Counter[str]()}
    for aid, x in extractions.items():
        if mb.article_number(aid) is None:
            continue
        half = mb.VAL if mb.is_validation(aid) else mb.DEV
        outcome = mb.score_article([g for g in lines if g.article == aid],
                                   [p for p in pred if p.article == aid])
        kinds[half].update(miss_kind(gl[0], x) for gl in outcome.misses)
        kinds[half]["(false positives)"] += len(outcome.false_positives)
    for half, counts in kinds.items():
        sys.stdout.write(f"{half}:\n")
        for kind, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            sys.stdout.write(f"  {n:4d}  {kind}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
