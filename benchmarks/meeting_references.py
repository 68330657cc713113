"""How gold meeting participants appear in their gold sentence: by name, by reference, or not.

A participant a reader sees in a meeting sentence may be written there by name, or by a
pronoun, a title, a description or a group ("he", "the Chancellor", "the company", "the two
men"); the extractor then has to resolve that reference to the entity named elsewhere in the
article. For every participant of every gold line this prints, per split, whether the
extraction has a mention of its entity in the gold sentence as a name, as a resolved reference
(kind pronoun/title/demonym), or none: the share of participants reached by reference is how
far coreference carries the meeting rules. Both validation parts are counted only; ``--list``
prints the unreached participants of development articles with their sentence.

    .venv/bin/python -P benchmarks/meeting_references.py [DATA_DIR] [--extra DIR] [--list]
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

import meetings as mb  # noqa: E402  (the benchmark's own loading and name matching)

from kg.model import Extraction  # noqa: E402

NAMED = "named in the sentence"
REFERRED = "reached by a resolved reference"
ABSENT_SOME = "not reached (entity in the article)"
NO_ENTITY = "no entity of the article"
SPLIT = "gold sentence split differently"


def participant_kind(name: str, sentence: str, x: Extraction) -> str:
    """How the participant ``name`` of a gold line appears in its ``sentence`` of ``x``."""
    keys = {e.key for e in x.entities
            if any(mb.names_match(name, n) for n in (e.label, *e.aliases))}
    if not keys:
        return NO_ENTITY
    index = {" ".join(s.sentence.split()): s.sentence_index for s in x.sentences}
    si = index.get(sentence)
    if si is None:
        return SPLIT
    kinds = {m.kind for e in x.entities if e.key in keys for m in e.mentions
             if m.sentence_index == si}
    if kinds & {"name", "alias"}:
        return NAMED
    if kinds:
        return REFERRED
    return ABSENT_SOME


def main(argv: list[str] | None = None) -> int:
    """Print the counts per split (and the development list with ``--list``); exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA), help="meetings-dev directory")
    ap.add_argument("--extra", default=None, help="an extra directory (see meetings_extra.py)")
    ap.add_argument("--list", action="store_true",
                    help="list unreached and referred participants of development articles")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import extract_articles

    data, extra = Path(args.data), Path(args.extra) if args.extra else None
    articles = mb.load_articles(data) + (mb.extra_articles(extra) if extra else [])
    extractions = {x.article.id: x for x in extract_articles(articles, load_nlp())}
    counts: dict[str, Counter[str]] = {}
    listing: list[str] = []
    for g in mb.gold_lines(data, extra):
        x = extractions.get(g.article)
        if x is None or g.article == mb.SEED_ID:
            continue
        half = mb.VAL if mb.is_validation(g.article) else mb.DEV
        split = mb.mx.split_of(g.article) or half
        for name in g.participants:
            kind = participant_kind(name, g.sentence, x)
            counts.setdefault(split, Counter())[kind] += 1
            if args.list and half == mb.DEV and kind in (REFERRED, ABSENT_SOME):
                listing.append(f"[{g.article}] {kind}: {name}\n      {g.sentence}")
    for split, c in counts.items():
        total = sum(c.values())
        sys.stdout.write(f"{split} ({total} participants of gold lines):\n")
        for kind in (NAMED, REFERRED, ABSENT_SOME, NO_ENTITY, SPLIT):
            sys.stdout.write(f"  {c[kind]:4d}  {kind}\n")
    for row in listing:
        sys.stdout.write(row + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
