"""Meeting benchmark: who met whom on meetings-dev, scored as unordered pairs with the neutral rule.

Builds a fresh ``memory:`` store from the articles, runs ``queries/who-met-whom.rq`` and
compares its rows with ``gold.jsonl`` by the README's convention:

* every gold line gives all unordered pairs of its participants (a joint meeting of up to four
  parties is one line; a larger one is written "star"-wise, host + one party a line, and a
  per-counterpart list is one line per counterpart);
* a predicted pair of two parties that are both gold participants of one gold sentence but are
  never on one gold line together is *neutral*: neither a hit nor a false positive;
* a predicted name matches a gold name when their word sets, titles removed, are equal or one
  contains the other.

It prints three figures side by side, each with pair precision, recall and F1 and the status,
place and time accuracy on matched pairs: the *first-look* set (articles 24-95), the
*development* half (01-23 and even-numbered 24-94) and the *validation* half (odd-numbered
25-95). The seed's three meetings (issue 2) are checked on a line of their own. With
``--extra DIR`` (another directory in this format, see ``meetings_extra.py``) two more rows:
*extra dev* (NEWID % 3 != 0) and *extra validation* (NEWID % 3 == 0).

Both validation parts are only ever reported in aggregate: ``--errors`` lists misses, false
positives and attribute errors of development articles only, and refuses any odd-numbered
article from 25 on and any extra article whose NEWID is divisible by three. ``--attr-why``,
``--by-report`` and ``--fp-why`` add numbers-only breakdowns for every split (place/time
errors by kind; recall and precision by report; false-positive pairs by what the gold has in
their sentence, and by status).

    .venv/bin/python -P benchmarks/meetings.py [DATA_DIR] [--direct] [--extra DIR]
        [--errors [--article NN ...]] [--attr-why] [--by-report] [--fp-why]

The data stays outside the repository (research licence); the default is
``../shared/datasets/meetings-dev`` next to the repository.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

# The scoring core and the breakdowns live in their own modules; the names other benchmark
# scripts use through ``import meetings as mb`` stay reachable here.
from meeting_breakdowns import (  # noqa: E402,F401
    attribute_kind,
    error_articles,
    fp_kind,
    print_attribute_kinds,
    print_errors,
    print_fp_kinds,
    print_reports,
    report_figures,
)
from meeting_scoring import (  # noqa: E402,F401
    DEFAULT_DATA,
    DEV,
    DEV_NEW,
    SEED_ID,
    SEED_SPLIT,
    VAL,
    GoldLine,
    Outcome,
    PairRecord,
    article_number,
    both_on,
    extra_articles,
    figures,
    gold_lines,
    gold_pairs,
    is_neutral,
    is_validation,
    load_articles,
    mx,
    name_words,
    names_match,
    pair_match,
    predicted_direct,
    predicted_from_store,
    print_table,
    same_sentence,
    score,
    score_article,
    source_kinds,
    splits_of,
)


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(DEFAULT_DATA), help="meetings-dev directory")
    ap.add_argument("--direct", action="store_true",
                    help="score the Extraction objects instead of the store + SPARQL query")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path")
    ap.add_argument("--errors", action="store_true",
                    help="list misses, false positives and attribute errors (development "
                         "articles only)")
    ap.add_argument("--article", action="append", default=None,
                    help="with --errors: list only this article (repeatable); odd-numbered "
                         "articles from 25 on are refused")
    ap.add_argument("--extra", default=None,
                    help="also score this directory in the meetings-dev format (articles "
                         "listed in its DONE.txt; ids x<NEWID>)")
    ap.add_argument("--attr-why", action="store_true",
                    help="count place and time errors on matched pairs by kind, per split "
                         "(numbers only)")
    ap.add_argument("--by-report", action="store_true",
                    help="also recall and precision by report, not by pair (numbers only)")
    ap.add_argument("--fp-why", action="store_true",
                    help="count false-positive pairs by kind and status, per split (numbers "
                         "only)")
    ap.add_argument("--by-source", action="store_true",
                    help="also print the table per news source (BBC, Reuters): numbers only")
    ap.add_argument("--parse-cache", default=None, metavar="DIR",
                    help="keep the spaCy parses under DIR (default: $KG_PARSE_CACHE; unset: "
                         "parse every run); kg's own components always run")
    ap.add_argument("--dev-only", action="store_true",
                    help="extract and score the development half (and the seed) only")
    args = ap.parse_args(argv)
    wanted = error_articles(args.article, []) if args.errors and args.article else None
    logging.basicConfig(level=logging.WARNING)
    from _parses import cache_dir, extract_cached

    from kg.extract.pipeline import load_nlp

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = load_articles(data) + (extra_articles(extra) if extra else [])
    if args.dev_only:
        articles = [a for a in articles if a.id == SEED_ID
                    or {DEV, mx.EXTRA_DEV} & set(splits_of(a.id))]
    extractions = extract_cached(articles, load_nlp(args.model), cache_dir(args.parse_cache))
    pred = predicted_direct(extractions) if args.direct else predicted_from_store(extractions)
    lines = gold_lines(data, extra)
    ids = [a.id for a in articles]
    if args.dev_only:
        lines = [g for g in lines if g.article in ids]
    outcomes = score(lines, pred, ids)
    if args.dev_only:
        outcomes = {k: v for k, v in outcomes.items()
                    if k in (DEV, DEV_NEW, mx.EXTRA_DEV, SEED_SPLIT)}
    print_table(outcomes)
    if args.by_source:
        kinds = source_kinds(data, extra)
        for kind in sorted(set(kinds.values()) - {"other"}):
            mine = {a for a in ids if kinds.get(a) == kind}
            part = score([g for g in lines if g.article in mine],
                         [p for p in pred if p.article in mine], sorted(mine))
            sys.stdout.write(f"\n{kind} articles only:\n")
            print_table({k: v for k, v in part.items() if k in outcomes
                         and (v.matched or v.misses or v.false_positives)})
    if args.by_report:
        print_reports(outcomes)
    if args.attr_why:
        print_attribute_kinds(outcomes)
    if args.fp_why:
        print_fp_kinds(outcomes, lines)
    if args.errors:
        print_errors(lines, pred, wanted or error_articles(None, ids))
    return 0


if __name__ == "__main__":
    sys.exit(main())
