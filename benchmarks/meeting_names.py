"""Gold meeting pairs lost only to naming, by family, on the development parts.

A gold pair is *lost to naming* when the extraction has a meeting in the same sentence whose
pair matches it on one side and, on the other side, names the same participant in a form the
benchmark's matcher (:func:`meetings.names_match`, which compares labels) does not accept. Each
such pair costs a miss and a false positive. Families:

* ``country form``: two forms of one country (an alias or a historical name, "Burma" and
  "Myanmar"), or a country against its demonym group;
* ``hyphen split``: the label splits a hyphenated name ("Ann - Marie" for "Ann-Marie");
* ``title in organisation``: the label holds a title word, so the extractor took part of a role
  for an organisation or kept the role in a name;
* ``shared word``: the two forms share a word but neither holds the other (a surname against
  a name with a misspelt word, say);
* ``other``: the rest (``--list`` shows them).

Only development articles are read (meetings-dev 01-23 and even 24-94, and extra dev): the
validation parts are never extracted here, so not even their counts are printed.

    .venv/bin/python -P benchmarks/meeting_names.py [DATA_DIR] [--extra DIR] [--list]
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

import meetings as mb  # noqa: E402  (the benchmark's own loading, scoring and name matching)
import meetings_extra as mx  # noqa: E402

from kg.extract.gazetteer import country_of, title_words  # noqa: E402

FAMILIES = ("country form", "hyphen split", "title in organisation", "shared word", "other")


def family(gold: str, predicted: str) -> str:
    """The family of a naming mismatch between a gold name and a predicted label.

    >>> family("Burma", "Myanmar"), family("Ann-Marie Vos", "Ann - Marie Vos")
    ('country form', 'hyphen split')
    >>> family("Ann Vos", "Finance Vos"), family("Vos", "Anne Voss")
    ('title in organisation', 'other')
    """
    gc = country_of(gold) or country_of(gold.split()[0])
    pc = country_of(predicted) or country_of(predicted.split()[0])
    if gc is not None and gc == pc:
        return "country form"
    if " - " in predicted and mb.names_match(gold, predicted.replace(" - ", "-")):
        return "hyphen split"
    if set(predicted.casefold().split()) & title_words():
        return "title in organisation"
    if mb.name_words(gold) & mb.name_words(predicted):
        return "shared word"
    return "other"


def naming_losses(lines: list[mb.GoldLine], pred: list[mb.PairRecord]
                  ) -> list[tuple[str, str, str, str]]:
    """(article, gold name, predicted label, sentence) of each gold pair of one article lost
    only to naming."""
    out = []
    o = mb.score_article(lines, pred)
    for gl in o.misses:
        g = gl[0]
        for pl in o.false_positives:
            p = pl[0]
            if not mb._same_sentence(g.sentence, p.sentence):
                continue
            hit = next(((i, j) for i in (0, 1) for j in (0, 1)
                        if mb.names_match(g.names[i], p.names[j])), None)
            if hit is None:
                continue
            other_g, other_p = g.names[1 - hit[0]], p.names[1 - hit[1]]
            out.append((g.article, other_g, other_p, g.sentence))
            break
    return out


def main(argv: list[str] | None = None) -> int:
    """Print the count of each family per development split; exit status 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("data", nargs="?", default=str(mb.DEFAULT_DATA), help="meetings-dev directory")
    ap.add_argument("--extra", default=None, help="the extra set's directory (extra dev only)")
    ap.add_argument("--list", action="store_true", help="list every loss (development only)")
    ap.add_argument("--model", default=None, help="spaCy pipeline name or path")
    args = ap.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)
    from kg.extract.pipeline import load_nlp
    from kg.ingest.build import extract_articles

    data = Path(args.data)
    extra = Path(args.extra) if args.extra else None
    articles = [a for a in mb.load_articles(data) + (mb.extra_articles(extra) if extra else [])
                if {mb.DEV, mx.EXTRA_DEV} & set(mb.splits_of(a.id))]
    assert not any(mb.is_validation(a.id) for a in articles)
    pred = mb.predicted_direct(extract_articles(articles, load_nlp(args.model)))
    ids = {a.id for a in articles}
    lines = [g for g in mb.gold_lines(data, extra) if g.article in ids]
    counts: dict[str, Counter[str]] = {mb.DEV: Counter(), mx.EXTRA_DEV: Counter()}
    listed = []
    for art in sorted(ids):
        losses = naming_losses([g for g in lines if g.article == art],
                               [p for p in pred if p.article == art])
        split = mx.EXTRA_DEV if mx.split_of(art) else mb.DEV
        for loss in losses:
            counts[split][family(loss[1], loss[2])] += 1
            listed.append(loss)
    out = sys.stdout
    out.write(f"{'gold pairs lost to naming':28}" + "".join(f"{f:>24}" for f in FAMILIES) + "\n")
    for split, c in counts.items():
        out.write(f"{split:28}" + "".join(f"{c[f]:24d}" for f in FAMILIES) + "\n")
    if args.list:
        for art, g, p, sentence in listed:
            out.write(f"[{art}] {family(g, p)}: gold {g!r} predicted {p!r}\n    {sentence}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
